"""Generate URLs: to paths, to named routes, to controller actions, to assets.

Laravel: ``Illuminate\\Routing\\UrlGenerator`` and ``RouteUrlGenerator``.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import hmac
import re
import typing as t
from urllib.parse import quote
from urllib.parse import urlsplit

from protevus.exceptions import InvalidArgumentError
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
#: characters browsers drop from a URL before resolving it (tab, line breaks...).
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")
#: names of query parameters left out of the signature check, or a predicate.
_Ignore: t.TypeAlias = "t.Iterable[str] | t.Callable[[str], t.Any]"


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

        Only a URL on this application's host counts (see :meth:`is_same_host`):
        a Referer pointing elsewhere is ignored, so ``redirect().back()`` can
        never send a visitor to another site. Laravel trusts the Referer as is.

        Laravel: ``UrlGenerator::previous()``.
        """
        request = self._request()
        previous = None
        if request is not None:
            referer = request.headers.get("Referer")
            if referer and self.is_same_host(referer):
                previous = referer
            else:
                has_session = getattr(request, "has_session", None)
                if callable(has_session) and has_session():
                    stored = request.session().previous_url()
                    if stored and self.is_same_host(str(stored)):
                        previous = stored
        if previous:
            return self.to(previous)
        if fallback:
            return self.to(str(fallback))
        return self.to("/")

    def is_same_host(self, url: str) -> bool:
        """Determine if ``url`` stays on this application: a path, or a URL to its host.

        The host is the request's, ``APP_URL``'s or the forced root's; the
        scheme must be http(s). Protocol-relative (``//evil.com``), backslash
        (``/\\evil.com``) and ``javascript:`` targets are foreign. Ports are not
        compared.

        Laravel: none (Protevus's open-redirect guard for ``back()`` and ``intended()``).
        """
        cleaned = _IGNORED_BY_BROWSERS.sub("", str(url)).replace("\\", "/")
        try:
            parts = urlsplit(cleaned)
            host = parts.hostname
        except ValueError:
            return False
        if parts.scheme and parts.scheme.lower() not in ("http", "https"):
            return False
        if not parts.netloc:
            return not parts.scheme and not cleaned.startswith("//")
        return host is not None and host.lower() in self._own_hosts()

    def _own_hosts(self) -> set[str]:
        roots = [self._forced_root, self._config("app.url")]
        request = self._request()
        if request is not None:
            roots.append("//" + str.__str__(request.host))
        hosts = set()
        for root in roots:
            try:
                host = urlsplit(str(root)).hostname if root else None
            except ValueError:
                host = None
            if host:
                hosts.add(host.lower())
        return hosts

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

    # -- signed URLs -------------------------------------------------------------

    def set_key_resolver(self, resolver: t.Callable[[], t.Any]) -> UrlGenerator:
        """Set the callable giving the signing key (or a list: current key first).

        Laravel: ``UrlGenerator::setKeyResolver()``.
        """
        self._key_resolver = resolver
        return self

    def _keys(self) -> list[str]:
        resolver = getattr(self, "_key_resolver", None)
        if resolver is not None:
            keys = resolver()
        else:
            # Laravel's RoutingServiceProvider: [app.key, ...app.previous_keys].
            keys = [self._config("app.key"), *(self._config("app.previous_keys") or [])]
        listed = keys if isinstance(keys, list | tuple) else [keys]
        return [str(key) for key in listed if key]

    def signed_route(
        self,
        name: str,
        parameters: t.Any = None,
        expiration: t.Any = None,
        absolute: bool = True,
    ) -> str:
        """Generate the URL of a named route with a ``signature`` (and ``expires``).

        The parameters are sorted by key, ``expires`` (a unix timestamp) joins
        them when ``expiration`` is given (a datetime, a timedelta or seconds),
        and the HMAC-SHA256 of the URL, keyed with ``APP_KEY``, is appended as
        ``signature``: the same URL Laravel signs with the same key.

        Laravel: ``UrlGenerator::signedRoute()``.
        """
        params = _signable(parameters)
        for reserved in ("signature", "expires"):
            if reserved in params:
                raise InvalidArgumentError(
                    f'"{reserved.capitalize()}" is a reserved parameter when generating '
                    "signed routes. Please rename your route parameter."
                )
        if expiration:
            params["expires"] = available_at(expiration)
        params = dict(sorted(params.items(), key=_php_key_order))
        keys = self._keys()
        if not keys:
            raise UrlGenerationError(
                "Cannot sign the URL of route [" + name + "]: the application key "
                "[app.key] is empty; set APP_KEY (python artisan.py key:generate)."
            )
        url = self.route(name, params, absolute)
        signature = _hmac(keys[0], url.encode("utf-8"))
        return self.route(name, {**params, "signature": signature}, absolute)

    def temporary_signed_route(
        self,
        name: str,
        expiration: t.Any,
        parameters: t.Any = None,
        absolute: bool = True,
    ) -> str:
        """Generate a signed route URL that expires (``expiration``: datetime, timedelta, seconds).

        Laravel: ``UrlGenerator::temporarySignedRoute()``.
        """
        return self.signed_route(name, parameters, expiration, absolute)

    def has_valid_signature(
        self, request: t.Any, absolute: bool = True, ignore_query: _Ignore = ()
    ) -> bool:
        """Determine if the request's ``signature`` is correct and not expired.

        Laravel: ``UrlGenerator::hasValidSignature()``.
        """
        return self.has_correct_signature(
            request, absolute, ignore_query
        ) and self.signature_has_not_expired(request)

    def has_valid_relative_signature(
        self, request: t.Any, ignore_query: _Ignore = ()
    ) -> bool:
        """Determine if the request's path and query (not its host) carry a valid signature.

        Laravel: ``UrlGenerator::hasValidRelativeSignature()``.
        """
        return self.has_valid_signature(request, False, ignore_query)

    def has_correct_signature(
        self, request: t.Any, absolute: bool = True, ignore_query: _Ignore = ()
    ) -> bool:
        """Determine if ``signature`` matches the URL under the current or a previous key.

        The URL is the request's own (root and path, re-encoded as the
        generator encodes them) followed by the raw query string without
        ``signature`` and the ``ignore_query`` names; the comparison is constant
        time and tries ``APP_KEY`` then each of ``APP_PREVIOUS_KEYS``.

        Laravel: ``UrlGenerator::hasCorrectSignature()``.
        """
        given = _query_signature(request)
        if not given:
            return False
        original = self._signed_original(request, absolute, ignore_query)
        return any(
            hmac.compare_digest(_hmac(key, original).encode("ascii"), given)
            for key in self._keys()
        )

    def signature_has_not_expired(self, request: t.Any) -> bool:
        """Determine if the ``expires`` timestamp is absent or not yet past.

        A value that is not a whole number counts as expired (Laravel compares it
        loosely); a tampered one already fails the signature.

        Laravel: ``UrlGenerator::signatureHasNotExpired()``.
        """
        expires = request.args.get("expires")
        if not expires or expires == "0":
            return True
        if not re.fullmatch(r"-?\d{1,20}", expires):
            return False
        from protevus.support.carbon import Carbon

        return Carbon.now().get_timestamp() <= int(expires)

    def _signed_original(
        self, request: t.Any, absolute: bool, ignore_query: _Ignore
    ) -> bytes:
        path = str.__str__(request.path).strip("/")
        if absolute:
            root = str(request.root_url).rstrip("/")
            url = root + ("/" + path if path else "")
        else:
            script = str(request.root_path).strip("/")
            url = "/" + "/".join(part for part in (script, path) if part)
        if callable(ignore_query):
            skip = ignore_query
        else:
            names = set(ignore_query)
            skip = names.__contains__
        kept = []
        for part in bytes(request.query_string).split(b"&"):
            key = part.split(b"=", 1)[0].decode("latin-1")
            if key != "signature" and not skip(key):
                kept.append(part)
        uri = quote(url, safe=_SAFE).encode("ascii")
        return (uri + b"?" + b"&".join(kept)).rstrip(b"?")


def available_at(delay: t.Any) -> int:
    """Turn a datetime, a timedelta or a number of seconds into a unix timestamp.

    Laravel: ``InteractsWithTime::availableAt()``.
    """
    from protevus.support.carbon import Carbon

    if isinstance(delay, datetime.datetime):
        return int(delay.timestamp())
    now = Carbon.now().get_timestamp()
    if isinstance(delay, datetime.timedelta):
        return now + int(delay.total_seconds())
    if isinstance(delay, int | float) and not isinstance(delay, bool):
        return now + int(delay)
    raise InvalidArgumentError(
        f"Expiration [{delay!r}] is not a datetime, a timedelta or a number of "
        "seconds; pass one of those."
    )


def _hmac(key: str, message: bytes) -> str:
    return hmac.new(key.encode("utf-8"), message, hashlib.sha256).hexdigest()


def _query_signature(request: t.Any) -> bytes:
    """Get the ``signature`` query value (PHP keeps the last one) as bytes, or b''."""
    values = request.args.getlist("signature")
    if not values:
        return b""
    return str(values[-1]).encode("utf-8", "surrogateescape")


def _signable(parameters: t.Any) -> dict[t.Any, t.Any]:
    """Wrap the parameters in a dict the way ``Arr::wrap`` makes a PHP array."""
    if parameters is None:
        return {}
    if isinstance(parameters, t.Mapping):
        return dict(parameters)
    if isinstance(parameters, list | tuple):
        return dict(enumerate(parameters))
    return {0: parameters}


def _php_key_order(item: tuple[t.Any, t.Any]) -> tuple[int, t.Any]:
    """Sort like PHP's ``ksort``: integer keys first (numerically), then strings."""
    key = item[0]
    return (0, key) if isinstance(key, int) else (1, str(key))


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
