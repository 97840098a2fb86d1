"""The HTTP request: Flask's request with Laravel's API.

Laravel: ``Illuminate\\Http\\Request``.
"""

from __future__ import annotations

import hashlib
import typing as t

import flask
from werkzeug.exceptions import HTTPException as _WerkzeugHTTPException

from protevus.exceptions import ProtevusError
from protevus.http.concerns.callable_values import CallableString
from protevus.http.concerns.interacts_with_content_types import (
    InteractsWithContentTypes,
)
from protevus.http.concerns.interacts_with_input import InteractsWithInput
from protevus.http.concerns.php_input import build_query
from protevus.support.arr import Arr
from protevus.support.arr import data_get
from protevus.support.macroable import Macroable
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from _typeshed.wsgi import WSGIEnvironment

_SPOOFABLE = frozenset({"PUT", "PATCH", "DELETE"})
_FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


class UserAgentString(CallableString):
    """The ``User-Agent`` header as a string that also offers Werkzeug's parsed view.

    ``request.user_agent()`` is Laravel's ``userAgent()`` (None without the
    header); ``request.user_agent.platform`` still reaches Werkzeug's ``UserAgent``.
    """

    _parsed: t.Any = None

    def __getattr__(self, name: str) -> t.Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if self._parsed is None:
            from werkzeug.user_agent import UserAgent

            self._parsed = UserAgent(str.__str__(self))
        return getattr(self._parsed, name)


class Request(InteractsWithInput, InteractsWithContentTypes, flask.Request, Macroable):
    """Read an incoming HTTP request, Laravel style, on top of Flask's request.

    The Flask app uses it as ``request_class``. ``path``, ``url``, ``method`` and
    ``host`` stay strings for Werkzeug and Flask, and are callable for Laravel's
    meaning: ``request.path == '/user/1'`` but ``request.path() == 'user/1'``.

    A POST carrying an ``X-HTTP-Method-Override`` header (or a form field
    ``_method``) of PUT, PATCH or DELETE becomes that method. The header is
    honoured at once. The form is read at once only for a request made outside
    the Protevus app (``Request.from_values(...)``, a plain Flask app): the
    Protevus Flask app builds its requests with ``defer_method_override=True``
    and applies the field after its context is pushed, so Flask's
    ``MAX_CONTENT_LENGTH``/``MAX_FORM_*`` limits bound the form, and before URL
    matching.

    Laravel: ``Illuminate\\Http\\Request``.
    """

    _route_resolver: t.Callable[[], t.Any] | None = None
    _user_resolver: t.Callable[..., t.Any] | None = None
    _session: t.Any = None
    _real_method: str = "GET"
    _override_pending: bool = False
    _method: str
    _path: str

    def __init__(
        self,
        environ: WSGIEnvironment,
        populate_request: bool = True,
        shallow: bool = False,
        *,
        defer_method_override: bool = False,
    ) -> None:
        super().__init__(environ, populate_request, shallow)
        # Werkzeug set it through the ``method`` setter (a plain upper-case str).
        real = self._real_method = self._method
        if real == "POST":
            spoofed = _spoofable(self.headers.get("X-HTTP-Method-Override"))
            if spoofed is not None:
                self._spoof(spoofed)
            elif not shallow:
                self._override_pending = True
                if not defer_method_override:
                    try:
                        self.apply_method_override()
                    except _WerkzeugHTTPException:
                        pass  # a refused body fails again when the input is read

    def apply_method_override(self) -> str:
        """Apply a form field ``_method`` spoofing this POST, once; return the method.

        Reads the form under the limits in force (inside a Flask app context,
        ``MAX_CONTENT_LENGTH``, ``MAX_FORM_MEMORY_SIZE`` and ``MAX_FORM_PARTS``),
        so a refused body raises Werkzeug's 413 here.

        Laravel: the ``_method`` part of ``Request::getMethod()``.
        """
        if self._override_pending:
            self._override_pending = False
            if self.mimetype in _FORM_TYPES:
                spoofed = _spoofable(self.form.get("_method"))
                if spoofed is not None:
                    self._spoof(spoofed)
        return str(self._method)

    def _spoof(self, method: str) -> None:
        self._override_pending = False
        self._method = method
        self.environ["REQUEST_METHOD"] = method

    # -- Werkzeug attributes that are also Laravel methods --------------------------------

    @property
    def method(self) -> CallableString:
        """The HTTP method (after spoofing); ``request.method()`` returns it too.

        Laravel: ``Request::method()``.
        """
        value = self._method
        if type(value) is CallableString:
            return value
        if self._override_pending:
            try:
                value = self.apply_method_override()
            except _WerkzeugHTTPException:
                # A body the limits refuse stays a POST; reading the input
                # raises the same 413 again.
                value = self._method
        wrapped = self._method = CallableString(value)
        return wrapped

    @method.setter
    def method(self, value: str) -> None:
        # Stored plain and wrapped on first read: Werkzeug sets it on every
        # request, and many requests never read it.
        if self._override_pending:
            self._override_pending = False
        self._method = str(value).upper()

    @property
    def path(self) -> CallableString:
        """Werkzeug's path (``/user/1``); ``request.path()`` gives Laravel's ``user/1``.

        Laravel: ``Request::path()`` (``'/'`` for the root).
        """
        value = self._path
        if type(value) is CallableString:
            return value
        wrapped = self._path = CallableString(value, value.strip("/") or "/")
        return wrapped

    @path.setter
    def path(self, value: str) -> None:
        self._path = value  # wrapped on first read, like ``method``

    @property
    def url(self) -> CallableString:
        """Werkzeug's URL (with query); ``request.url()`` is Laravel's URL without it.

        Laravel: ``Request::url()`` (no query string, no trailing slash).
        """
        cached = self.__dict__.get("_url")
        if cached is None:
            werkzeug_url = flask.Request.url.__get__(self)  # type: ignore[attr-defined]
            cached = CallableString(werkzeug_url, lambda: self.base_url.rstrip("/"))
            self.__dict__["_url"] = cached
        return t.cast(CallableString, cached)

    @url.setter
    def url(self, value: str) -> None:
        self.__dict__["_url"] = CallableString(value, lambda: self.base_url.rstrip("/"))

    @property
    def host(self) -> CallableString:
        """Werkzeug's host (with a non-standard port); ``request.host()`` drops the port.

        Laravel: ``Request::host()``.
        """
        cached = self.__dict__.get("_host")
        if cached is None:
            http_host = flask.Request.host.__get__(self)  # type: ignore[attr-defined]
            cached = CallableString(http_host, _strip_port(http_host))
            self.__dict__["_host"] = cached
        return t.cast(CallableString, cached)

    @host.setter
    def host(self, value: str) -> None:
        # Flask assigns the validated host while creating the URL adapter, on
        # every request: strip the port only if Laravel's host() is called.
        self.__dict__["_host"] = CallableString(value, lambda: _strip_port(value))

    @property
    def user_agent(self) -> UserAgentString:  # type: ignore[override]
        """The ``User-Agent`` header; ``request.user_agent()`` is Laravel's ``userAgent()``."""
        header = self.headers.get("User-Agent")
        return UserAgentString(header or "", lambda: header)

    # -- method --------------------------------------------------------------------------

    def get_method(self) -> str:
        """Return the HTTP method after spoofing. Laravel: ``Request::getMethod()``."""
        return str(self.method)

    def get_real_method(self) -> str:
        """Return the method the client really sent. Laravel: ``Request::getRealMethod()``."""
        return self._real_method

    def real_method(self) -> str:
        """Return the method the client really sent (before ``_method`` spoofing)."""
        return self._real_method

    def is_method(self, method: str) -> bool:
        """Tell whether the method is ``method`` (any case). Laravel: ``Request::isMethod()``."""
        return str(self.method) == method.upper()

    # -- URLs and paths ------------------------------------------------------------------

    def root(self) -> str:
        """Return the application's root URL, no trailing slash. Laravel: ``Request::root()``."""
        return self.root_url.rstrip("/")

    def http_host(self) -> str:
        """Return the host with a non-standard port. Laravel: ``Request::httpHost()``."""
        return str.__str__(self.host)

    def scheme_and_http_host(self) -> str:
        """Return ``scheme://host[:port]``. Laravel: ``Request::schemeAndHttpHost()``."""
        return f"{self.scheme}://{self.http_host()}"

    def secure(self) -> bool:
        """Tell whether the request came over HTTPS. Laravel: ``Request::secure()``."""
        return self.is_secure

    def _question(self) -> str:
        return "/?" if self.root_path + str.__str__(self.path) == "/" else "?"

    def full_url(self) -> str:
        """Return the URL with its query string. Laravel: ``Request::fullUrl()``."""
        query = self.query_string.decode("latin-1")
        return self.url() + self._question() + query if query else self.url()

    def full_url_with_query(self, query: t.Mapping[str, t.Any]) -> str:
        """Return the full URL with ``query`` merged into its query string.

        Laravel: ``Request::fullUrlWithQuery()``.
        """
        current = self.query()
        merged = {**current, **query} if current else dict(query)
        return self.url() + self._question() + build_query(merged)

    def full_url_without_query(self, keys: t.Any) -> str:
        """Return the full URL without the given query keys.

        Laravel: ``Request::fullUrlWithoutQuery()``.
        """
        remaining = Arr.except_(self.query(), keys)
        if not remaining:
            return self.url()
        return self.url() + self._question() + build_query(remaining)

    def full_url_is(self, *patterns: str) -> bool:
        """Tell whether the full URL matches a ``*`` pattern. Laravel: ``Request::fullUrlIs()``."""
        url = self.full_url()
        return any(Str.is_(pattern, url) for pattern in patterns)

    def decoded_path(self) -> str:
        """Return the path, percent-decoded. Laravel: ``Request::decodedPath()``.

        The WSGI server already decodes the path, so this equals ``path()``.
        """
        return t.cast(str, self.path())

    def segment(self, index: int, default: t.Any = None) -> t.Any:
        """Return the 1-based path segment ``index``. Laravel: ``Request::segment()``."""
        return Arr.get(self.segments(), index - 1, default)

    def segments(self) -> list[str]:
        """Return the path's segments. Laravel: ``Request::segments()``."""
        return [part for part in self.decoded_path().split("/") if part != ""]

    def is_(self, *patterns: str) -> bool:
        """Tell whether the path matches a ``*`` pattern (``admin/*``). Laravel: ``Request::is()``."""
        path = self.decoded_path()
        return any(Str.is_(pattern, path) for pattern in patterns)

    def route_is(self, *patterns: str) -> bool:
        """Tell whether the matched route's name matches a pattern. Laravel: ``Request::routeIs()``."""
        route = self.route()
        return route is not None and bool(route.named(*patterns))

    # -- headers, cookies, client -----------------------------------------------------------

    def header(self, key: str | None = None, default: t.Any = None) -> t.Any:
        """Get a header value, or every header as ``{name: [values]}``.

        Laravel: ``Request::header()``.
        """
        if key is None:
            out: dict[str, list[str]] = {}
            for name, val in self.headers.items():
                out.setdefault(name.lower(), []).append(val)
            return out
        return self.headers.get(key, default)

    def has_header(self, key: str) -> bool:
        """Tell whether the header is present. Laravel: ``Request::hasHeader()``."""
        return self.headers.get(key) is not None

    def bearer_token(self) -> str | None:
        """Return the token of an ``Authorization: Bearer`` header. Laravel: ``bearerToken()``."""
        header = self.headers.get("Authorization", "")
        position = header.lower().rfind("bearer ")
        if position == -1:
            return None
        return header[position + 7 :].split(",", 1)[0]

    def cookie(self, key: str | None = None, default: t.Any = None) -> t.Any:
        """Get a cookie value, or all cookies. Laravel: ``Request::cookie()``."""
        if key is None:
            return dict(self.cookies)
        return self.cookies.get(key, default)

    def has_cookie(self, key: str) -> bool:
        """Tell whether the cookie is present. Laravel: ``Request::hasCookie()``."""
        return key in self.cookies

    def ip(self) -> str | None:
        """Return the client IP address. Laravel: ``Request::ip()``."""
        return self.remote_addr

    def ips(self) -> list[str]:
        """Return the client IP addresses, nearest last as Symfony (what TrustProxies found, else the peer).

        Laravel: ``Request::ips()``.
        """
        found = self.environ.get("protevus.client_ips")
        if found:
            return list(found)
        return [self.remote_addr] if self.remote_addr else []

    # -- route, user, session ----------------------------------------------------------

    def set_route_resolver(self, resolver: t.Callable[[], t.Any]) -> Request:
        """Set how ``route()`` finds the matched route. Laravel: ``setRouteResolver()``."""
        self._route_resolver = resolver
        return self

    def get_route_resolver(self) -> t.Callable[[], t.Any]:
        """Return the route resolver. Laravel: ``getRouteResolver()``."""
        return self._route_resolver or (lambda: None)

    def route(self, param: str | None = None, default: t.Any = None) -> t.Any:
        """Return the matched route, or one of its parameters. Laravel: ``Request::route()``."""
        route = self.get_route_resolver()()
        if route is None or param is None:
            return route
        return route.parameter(param, default)

    def set_user_resolver(self, resolver: t.Callable[..., t.Any]) -> Request:
        """Set how ``user()`` finds the user. Laravel: ``setUserResolver()``."""
        self._user_resolver = resolver
        return self

    def get_user_resolver(self) -> t.Callable[..., t.Any]:
        """Return the user resolver: the one set, else the ``auth`` service's guards.

        Laravel: ``getUserResolver()`` (the AuthServiceProvider sets it on every request).
        """
        return self._user_resolver or _auth_user

    def has_valid_signature(self, absolute: bool = True) -> bool:
        """Tell whether the URL carries a valid, unexpired ``signature``.

        Laravel: ``Request::hasValidSignature()`` (the URL generator checks it).
        """
        return bool(_url_generator().has_valid_signature(self, absolute))

    def has_valid_relative_signature(self) -> bool:
        """Tell whether the path and query (not the host) carry a valid signature.

        Laravel: ``Request::hasValidRelativeSignature()``.
        """
        return self.has_valid_signature(absolute=False)

    def user(self, guard: str | None = None) -> t.Any:
        """Return the authenticated user, or None. Laravel: ``Request::user()``."""
        return self.get_user_resolver()(guard)

    def set_session(self, session: t.Any) -> None:
        """Attach the session store (the StartSession middleware does). Laravel: ``setLaravelSession()``."""
        self._session = session

    def get_session(self) -> t.Any:
        """Return the session store, or None. Laravel: ``getSession()``."""
        return self._session

    def has_session(self) -> bool:
        """Tell whether a session store is attached. Laravel: ``Request::hasSession()``."""
        return self._session is not None

    def session(self) -> t.Any:
        """Return the session store. Laravel: ``Request::session()``."""
        if self._session is None:
            raise RuntimeError("Session store not set on request.")
        return self._session

    def old(self, key: str | None = None, default: t.Any = None) -> t.Any:
        """Get input flashed by the previous request. Laravel: ``Request::old()``."""
        if self._session is None:
            return default
        getter = getattr(self._session, "get_old_input", None)
        if callable(getter):
            return getter(key, default)
        return data_get(self._session.get("_old_input", {}), key, default)

    def flash(self) -> None:
        """Flash the input to the session for the next request. Laravel: ``Request::flash()``."""
        self._flash_input(self.input())

    def flash_only(self, *keys: t.Any) -> None:
        """Flash only the given keys. Laravel: ``Request::flashOnly()``."""
        self._flash_input(self.only(*keys))

    def flash_except(self, *keys: t.Any) -> None:
        """Flash all input except the given keys. Laravel: ``Request::flashExcept()``."""
        self._flash_input(self.except_(*keys))

    def flush(self) -> None:
        """Forget the flashed input. Laravel: ``Request::flush()``."""
        self._flash_input({})

    def _flash_input(self, data: dict[t.Any, t.Any]) -> None:
        store = self.session()
        flash_input = getattr(store, "flash_input", None)
        if callable(flash_input):
            flash_input(data)
        else:
            store.flash("_old_input", data)

    # -- misc ------------------------------------------------------------------------------

    def fingerprint(self) -> str:
        """Return a SHA-1 of the route's methods, domain, URI and the client IP.

        Laravel: ``Request::fingerprint()``.
        """
        route = self.route()
        if route is None:
            raise RuntimeError("Unable to generate fingerprint. Route unavailable.")
        methods = _read(route, "methods") or []
        domain = _read(route, "get_domain") if hasattr(route, "get_domain") else None
        if domain is None:
            domain = _read(route, "domain")
        parts = [*methods, domain or "", _read(route, "uri") or "", self.ip() or ""]
        return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()

    def validate(
        self,
        rules: t.Mapping[str, t.Any],
        messages: t.Mapping[str, str] | None = None,
        attributes: t.Mapping[str, str] | None = None,
    ) -> dict[str, t.Any]:
        """Validate the input against ``rules`` and return the validated data.

        Raises ``ValidationError``: the exception handler redirects back with the
        errors and the old input, or answers 422 JSON.

        Laravel: ``Request::validate()`` (the ``FoundationServiceProvider`` macro).
        """
        validator = _validation_factory().make(
            self.all(), rules, messages or {}, attributes or {}
        )
        return t.cast(dict[str, t.Any], validator.validate())

    def validate_with_bag(
        self,
        error_bag: str,
        rules: t.Mapping[str, t.Any],
        messages: t.Mapping[str, str] | None = None,
        attributes: t.Mapping[str, str] | None = None,
    ) -> dict[str, t.Any]:
        """Validate like :meth:`validate`, flashing the errors into the ``error_bag`` bag.

        Laravel: ``Request::validateWithBag()``.
        """
        try:
            return self.validate(rules, messages, attributes)
        except Exception as exc:
            setter = getattr(exc, "error_bag_", None)
            if callable(setter):
                setter(error_bag)
            raise

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {str.__str__(self.url)!r} [{self.method}]>"


def _validation_factory() -> t.Any:
    from protevus.container.container import Container

    container = Container.get_instance()
    if not container.bound("validator"):
        raise ProtevusError(
            "Request validation needs the validator service [validator]; register "
            "protevus.validation.validation_service_provider.ValidationServiceProvider."
        )
    return container.make("validator")


def _spoofable(value: t.Any) -> str | None:
    method = str(value or "").strip().upper()
    return method if method in _SPOOFABLE else None


def _strip_port(http_host: str) -> str:
    host = http_host.strip().lower()
    if host.startswith("["):
        end = host.find("]")
        return host[: end + 1] if end != -1 else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _read(obj: t.Any, name: str) -> t.Any:
    attr = getattr(obj, name, None)
    return attr() if callable(attr) else attr


def _auth_user(guard: str | None = None) -> t.Any:
    """Return the user of ``guard`` (the default guard) when auth is installed, else None."""
    from protevus.container.container import Container

    container = Container.get_instance()
    if not container.bound("auth"):
        return None
    return container.make("auth").guard(guard).user()


def _url_generator() -> t.Any:
    from protevus.container.container import Container

    container = Container.get_instance()
    if not container.bound("url"):
        raise ProtevusError(
            "Checking a signature needs the URL generator [url], which the routing "
            "service provider binds."
        )
    return container.make("url")
