"""Generate URLs: to paths, to named routes, to controller actions, to assets.

Laravel: ``Illuminate\\Routing\\UrlGenerator`` and ``RouteUrlGenerator``.
"""

from __future__ import annotations

import enum
import re
import typing as t
from urllib.parse import quote

from protevus.routing.exceptions import RouteNotFoundError
from protevus.routing.exceptions import UrlGenerationError
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.routing.route import Route
    from protevus.routing.route_collection import RouteCollection

#: Characters Laravel leaves unencoded in generated URLs (``RouteUrlGenerator::$dontEncode``).
_SAFE = "/@:;,=+!*|?&#%"
_VALID_URL = re.compile(r"^(#|//|https?://|(mailto|tel|sms):)", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{(\w+)(?::\w+)?(\?)?\}")


class UrlGenerator(CamelAliases, Macroable):
    """Build URLs from the current request's root (else ``config('app.url')``).

    ``url.to('posts', [1])`` → ``http://localhost/posts/1``;
    ``url.route('posts.show', {'post': 1, 'page': 2})`` → ``.../posts/1?page=2``.

    Laravel: ``Illuminate\\Routing\\UrlGenerator``.
    """

    def __init__(self, routes: RouteCollection, app: t.Any = None) -> None:
        self.routes = routes
        self.app = app
        self._forced_root: str | None = None
        self._forced_scheme: str | None = None
        self.default_parameters: dict[str, t.Any] = {}

    # -- the request -----------------------------------------------------------

    def _request(self) -> t.Any:
        try:
            import flask
        except ImportError:  # pragma: no cover - flask is a dependency
            return None
        if flask.has_request_context():
            return flask.request
        return None

    def _root(self, secure: bool | None = None) -> str:
        root = self._forced_root
        if root is None:
            request = self._request()
            if request is not None:
                root = str(request.root_url).rstrip("/")
            else:
                root = self._config("app.url") or "http://localhost"
        root = root.rstrip("/")
        scheme = self._forced_scheme
        if secure is not None:
            scheme = "https://" if secure else "http://"
        if scheme is not None:
            root = re.sub(r"^[a-z][a-z0-9+.-]*://", scheme, root, flags=re.IGNORECASE)
        return root

    def _config(self, key: str) -> t.Any:
        if self.app is None or not self.app.bound("config"):
            return None
        return self.app.make("config").get(key)

    # -- plain URLs ------------------------------------------------------------

    def to(self, path: str, extra: t.Any = None, secure: bool | None = None) -> str:
        """Generate an absolute URL to ``path``; ``extra`` segments are appended.

        Laravel: ``UrlGenerator::to()``.
        """
        if self.is_valid_url(path):
            return path
        segments = [quote(str(_value(s)), safe="") for s in _as_list(extra)]
        tail = "/".join([path.rstrip("/"), *segments]) if segments else path
        return self.format(self._root(secure), tail)

    def secure(self, path: str, parameters: t.Any = None) -> str:
        """Generate an HTTPS URL to ``path``.

        Laravel: ``UrlGenerator::secure()``.
        """
        return self.to(path, parameters, True)

    def asset(self, path: str, secure: bool | None = None) -> str:
        """Generate a URL to a public asset.

        Laravel: ``UrlGenerator::asset()``.
        """
        if self.is_valid_url(path):
            return path
        root = self._config("app.asset_url") or self._root(secure)
        return str(root).rstrip("/") + "/" + path.lstrip("/")

    def secure_asset(self, path: str) -> str:
        """Generate an HTTPS URL to a public asset.

        Laravel: ``UrlGenerator::secureAsset()``.
        """
        return self.asset(path, True)

    def format(self, root: str, path: str) -> str:
        """Join a root and a path without doubled or trailing slashes.

        Laravel: ``UrlGenerator::format()``.
        """
        return (root + "/" + path.strip("/")).rstrip("/")

    def is_valid_url(self, path: str) -> bool:
        """Determine if ``path`` is already a full URL (or ``#``, ``mailto:``...).

        Laravel: ``UrlGenerator::isValidUrl()``.
        """
        return bool(_VALID_URL.match(path))

    def current(self) -> str:
        """Get the current URL without query string.

        Laravel: ``UrlGenerator::current()``.
        """
        request = self._request()
        if request is None:
            return self._root()
        return self.to(str.__str__(request.path))

    def full(self) -> str:
        """Get the current URL with its query string.

        Laravel: ``UrlGenerator::full()``.
        """
        request = self._request()
        if request is None:
            return self._root()
        query = request.query_string.decode("latin-1")
        return self.current() + ("?" + query if query else "")

    def previous(self, fallback: str | bool = False) -> str:
        """Get the previous URL: the Referer, else the session's, else ``fallback`` or ``/``.

        Laravel: ``UrlGenerator::previous()``.
        """
        request = self._request()
        previous = None
        if request is not None:
            previous = request.headers.get("Referer")
            if not previous:
                has_session = getattr(request, "has_session", None)
                if callable(has_session) and has_session():
                    previous = request.session().previous_url()
        if previous:
            return self.to(previous)
        if fallback:
            return self.to(str(fallback))
        return self.to("/")

    def previous_path(self, fallback: str | bool = False) -> str:
        """Get the path of the previous URL.

        Laravel: ``UrlGenerator::previousPath()``.
        """
        url = self.previous(fallback)
        root = self._root()
        path = url[len(root) :] if url.startswith(root) else url
        return "/" + path.split("?")[0].strip("/")

    def force_root_url(self, root: str | None) -> None:
        """Generate every URL from ``root`` (``None`` to stop forcing).

        Laravel: ``UrlGenerator::forceRootUrl()``.
        """
        self._forced_root = root.rstrip("/") if root else None

    def force_scheme(self, scheme: str | None) -> None:
        """Generate every URL with ``scheme`` (``'https'``).

        Laravel: ``UrlGenerator::forceScheme()``.
        """
        self._forced_scheme = f"{scheme.rstrip(':/')}://" if scheme else None

    def defaults(self, defaults: t.Mapping[str, t.Any]) -> None:
        """Give route parameters defaults used when generating URLs.

        Laravel: ``UrlGenerator::defaults()``.
        """
        self.default_parameters.update(defaults)

    # -- routes ----------------------------------------------------------------

    def route(self, name: str, parameters: t.Any = None, absolute: bool = True) -> str:
        """Generate the URL of the route named ``name``.

        ``parameters`` is a dict (extra keys become the query string), a list
        (positional), a scalar, or an object with ``get_route_key()``.

        Laravel: ``UrlGenerator::route()``.
        """
        route = self.routes.get_by_name(name)
        if route is None:
            raise RouteNotFoundError(f"Route [{name}] not defined.")
        return self.to_route(route, parameters, absolute)

    def action(
        self, action: t.Any, parameters: t.Any = None, absolute: bool = True
    ) -> str:
        """Generate the URL of a controller action (``[PhotoController, 'show']``).

        Laravel: ``UrlGenerator::action()``.
        """
        route = self.routes.get_by_action(action)
        if route is None:
            raise RouteNotFoundError(f"Action [{_action_name(action)}] not defined.")
        return self.to_route(route, parameters, absolute)

    def to_route(
        self, route: Route, parameters: t.Any = None, absolute: bool = True
    ) -> str:
        """Generate the URL of ``route``.

        Laravel: ``UrlGenerator::toRoute()`` / ``RouteUrlGenerator::to()``.
        """
        named, positional = _split_parameters(parameters)
        domain = route.get_domain()
        root = self._root()
        if domain is not None:
            scheme = root.split("://")[0] if "://" in root else "http"
            root = f"{scheme}://" + self._replace(domain, named, positional)
        path = self._replace(route.uri(), named, positional)
        uri = self.format(root, path) + _query(named, positional)
        missing = _PLACEHOLDER.findall(uri)
        if missing:
            names = [m[0] for m in missing]
            plural = "s" if len(names) > 1 else ""
            raise UrlGenerationError(
                f"Missing required parameter{plural} for [Route: {route.get_name()}] "
                f"[URI: {route.uri()}] [Missing parameter{plural}: {', '.join(names)}]."
            )
        uri = quote(uri, safe=_SAFE)
        if not absolute:
            uri = "/" + re.sub(r"^[a-z][a-z0-9+.-]*://[^/?#]*", "", uri).lstrip("/")
        return uri

    def _replace(
        self, path: str, named: dict[str, t.Any], positional: list[t.Any]
    ) -> str:
        def by_name(match: re.Match[str]) -> str:
            key = match.group(1)
            if key in named and named[key] not in (None, ""):
                return str(named.pop(key))
            if key in self.default_parameters:
                return str(self.default_parameters[key])
            if key in named:
                named.pop(key)
                return match.group(0) if not match.group(2) else ""
            return match.group(0)

        def by_position(match: re.Match[str]) -> str:
            if positional:
                return str(positional.pop(0))
            return "" if match.group(2) else match.group(0)

        replaced = _PLACEHOLDER.sub(by_name, path)
        replaced = _PLACEHOLDER.sub(by_position, replaced)
        return re.sub(r"/{2,}", "/", replaced).strip("/")

    def signed_route(
        self,
        name: str,
        parameters: t.Any = None,
        expiration: t.Any = None,
        absolute: bool = True,
    ) -> str:
        """Generate a signed route URL (arrives with the security features).

        Laravel: ``UrlGenerator::signedRoute()``.
        """
        raise NotImplementedError(
            "Signed URLs arrive with the encryption/security issue; "
            "use route() for now."
        )

    def temporary_signed_route(
        self,
        name: str,
        expiration: t.Any,
        parameters: t.Any = None,
        absolute: bool = True,
    ) -> str:
        """Generate a temporary signed route URL (arrives with the security features).

        Laravel: ``UrlGenerator::temporarySignedRoute()``.
        """
        return self.signed_route(name, parameters, expiration, absolute)


def _value(value: t.Any) -> t.Any:
    """Turn a parameter into its URL value (route key of models, enum value)."""
    key = getattr(value, "get_route_key", None)
    if callable(key):
        return key()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    return value


def _as_list(value: t.Any) -> list[t.Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def _split_parameters(parameters: t.Any) -> tuple[dict[str, t.Any], list[t.Any]]:
    named: dict[str, t.Any] = {}
    positional: list[t.Any] = []
    if parameters is None:
        return named, positional
    if isinstance(parameters, t.Mapping):
        for key, value in parameters.items():
            if isinstance(key, int):
                positional.append(_value(value))
            else:
                named[str(key)] = _value(value)
        return named, positional
    return named, [_value(v) for v in _as_list(parameters)]


def _query(named: dict[str, t.Any], positional: list[t.Any]) -> str:
    pairs: list[str] = []
    for key, value in named.items():
        pairs.extend(_pairs(key, value))
    pairs.extend(quote(str(v), safe="") for v in positional if v is not None)
    return "?" + "&".join(pairs) if pairs else ""


def _pairs(key: str, value: t.Any) -> list[str]:
    """Encode one query parameter like PHP's ``http_build_query`` (RFC 3986)."""
    if value is None:
        return []
    if isinstance(value, t.Mapping):
        return [p for k, v in value.items() for p in _pairs(f"{key}[{k}]", v)]
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in _pairs(f"{key}[{i}]", v)]
    value = _value(value)
    return [f"{quote(key, safe='')}={quote(str(value), safe='')}"]


def _action_name(action: t.Any) -> str:
    from protevus.routing.route_action import action_label

    return action if isinstance(action, str) else str(action_label(action))
