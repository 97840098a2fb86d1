"""Believe the ``X-Forwarded-*`` headers only when they come from a trusted proxy.

Laravel: ``Illuminate\\Http\\Middleware\\TrustProxies`` (on Symfony's
``Request::setTrustedProxies()``).
"""

from __future__ import annotations

import functools
import ipaddress
import re
import typing as t

from protevus.container.container import Container
from protevus.exceptions import InvalidArgumentError
from protevus.http.exceptions import BadRequestHttpException
from protevus.support.aliases import CamelAliases

_Next = t.Callable[[t.Any], t.Any]
_Network = ipaddress.IPv4Network | ipaddress.IPv6Network

#: environ key set once a request's forwarded values were applied (or refused).
APPLIED = "protevus.trust_proxies.applied"
#: environ key holding the client IPs, nearest client first (``request.ips()``).
CLIENT_IPS = "protevus.client_ips"
#: environ key holding the values the proxy headers replaced.
ORIGINAL = "protevus.trust_proxies.original"

_HOST = re.compile(r"^(?:[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")
_PREFIX = re.compile(r"^[A-Za-z0-9_.~!$&'()*+,;=:@%/-]*$")
_SECURE = frozenset({"https", "on", "ssl", "1"})


class TrustProxies(CamelAliases):
    """Apply ``X-Forwarded-For/Host/Port/Proto/Prefix`` when the peer is a trusted proxy.

    No proxy is trusted by default. Trust them from ``bootstrap/app.py``::

        with_middleware(lambda m: m.trust_proxies(at=['10.0.0.0/8']))
        with_middleware(lambda m: m.trust_proxies(at='*'))  # the peer, whatever it is

    (or ``TrustProxies.at(...)``, a subclass's ``proxies``, or the config value
    ``trustedproxy.proxies``). ``'*'`` trusts the immediate peer (one proxy hop),
    ``'**'`` every address. When ``REMOTE_ADDR`` is trusted, the request's IP
    (``request.ip()``), scheme (``request.secure()``), host, port and root path
    come from the headers chosen by ``headers`` (a bitmask of the ``HEADER_*``
    constants); otherwise the headers are ignored.

    Laravel: ``Illuminate\\Http\\Middleware\\TrustProxies``.
    """

    HEADER_FORWARDED: t.ClassVar[int] = 0b000001
    HEADER_X_FORWARDED_FOR: t.ClassVar[int] = 0b000010
    HEADER_X_FORWARDED_HOST: t.ClassVar[int] = 0b000100
    HEADER_X_FORWARDED_PROTO: t.ClassVar[int] = 0b001000
    HEADER_X_FORWARDED_PORT: t.ClassVar[int] = 0b010000
    HEADER_X_FORWARDED_PREFIX: t.ClassVar[int] = 0b100000
    HEADER_X_FORWARDED_AWS_ELB: t.ClassVar[int] = 0b0011010
    HEADER_X_FORWARDED_TRAEFIK: t.ClassVar[int] = 0b0111110

    #: the trusted proxies: ``'*'``, ``'**'``, ``'a,b'`` or a list of IPs / CIDR ranges.
    proxies: t.ClassVar[str | list[str] | None] = None
    #: the trusted headers (Laravel 11's default: For, Host, Port, Proto, Prefix).
    headers: t.ClassVar[int] = 0b111110

    _always_trust: t.ClassVar[str | list[str] | None] = None
    _always_headers: t.ClassVar[int | None] = None

    def __init__(self, app: Container | None = None) -> None:
        self.app = app

    def handle(self, request: t.Any, next: _Next) -> t.Any:
        """Apply the trusted forwarded values, then pass the request on.

        Laravel: ``TrustProxies::handle()``.
        """
        self.set_trusted(request)
        return next(request)

    # -- configuration -------------------------------------------------------------

    @classmethod
    def at(cls, proxies: str | list[str]) -> None:
        """Trust these proxies for every request. Laravel: ``TrustProxies::at()``."""
        TrustProxies._always_trust = proxies

    @classmethod
    def with_headers(cls, headers: int) -> None:
        """Trust these forwarded headers (``HEADER_*`` bits). Laravel: ``withHeaders()``."""
        TrustProxies._always_headers = headers

    @classmethod
    def flush_state(cls) -> None:
        """Forget ``at()`` and ``with_headers()``. Laravel: ``TrustProxies::flushState()``."""
        TrustProxies._always_trust = None
        TrustProxies._always_headers = None

    def get_proxies(self) -> str | list[str] | None:
        """Get the trusted proxies: the registrar's, ``at()``'s, the class's, then the config's.

        Laravel: ``TrustProxies::proxies()`` (falling back to ``config('trustedproxy.proxies')``).
        """
        setting = registrar_setting(self.app, "trusted_proxies") or {}
        for candidate in (setting.get("at"), TrustProxies._always_trust, self.proxies):
            if candidate:
                return candidate
        if self.app is not None and self.app.bound("config"):
            configured = self.app.make("config").get("trustedproxy.proxies")
            if configured:
                return t.cast("str | list[str]", configured)
        return None

    def get_trusted_headers(self) -> int:
        """Get the trusted headers bitmask. Laravel: ``TrustProxies::getTrustedHeaderNames()``."""
        setting = registrar_setting(self.app, "trusted_proxies") or {}
        for candidate in (setting.get("headers"), TrustProxies._always_headers):
            if candidate is not None:
                return int(candidate)
        return int(self.headers)

    # -- applying ------------------------------------------------------------------

    def is_from_trusted_proxy(self, request: t.Any) -> bool:
        """Determine if the immediate peer (``REMOTE_ADDR``) is a trusted proxy.

        Laravel: Symfony's ``Request::isFromTrustedProxy()``.
        """
        peer = _ip(request.environ.get("REMOTE_ADDR"))
        return peer is not None and _trusted(peer, self._networks(peer))

    def set_trusted(self, request: t.Any) -> None:
        """Rewrite the request from the forwarded headers, once, if the peer is trusted.

        Laravel: ``TrustProxies::setTrustedProxyIpAddresses()``.
        """
        environ = request.environ
        if environ.get(APPLIED):
            return
        environ[APPLIED] = True
        peer = _ip(environ.get("REMOTE_ADDR"))
        if peer is None:
            return
        networks = self._networks(peer)
        if not _trusted(peer, networks):
            return
        flags = self.get_trusted_headers()
        environ[ORIGINAL] = {
            "REMOTE_ADDR": environ.get("REMOTE_ADDR"),
            "wsgi.url_scheme": environ.get("wsgi.url_scheme"),
            "HTTP_HOST": environ.get("HTTP_HOST"),
            "SCRIPT_NAME": environ.get("SCRIPT_NAME"),
        }
        if flags & self.HEADER_X_FORWARDED_FOR:
            self._apply_for(request, networks)
        if flags & self.HEADER_X_FORWARDED_PROTO:
            proto = _first(request.headers.get("X-Forwarded-Proto"))
            if proto is not None:
                scheme = "https" if proto.lower() in _SECURE else "http"
                request.scheme = environ["wsgi.url_scheme"] = scheme
        self._apply_host(request, flags)
        if flags & self.HEADER_X_FORWARDED_PREFIX:
            prefix = _first(request.headers.get("X-Forwarded-Prefix"))
            if prefix is not None and _PREFIX.match(prefix):
                prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
                root = prefix + str(request.root_path)
                request.root_path = environ["SCRIPT_NAME"] = root.rstrip("/")
        for cached in ("_url", "url", "base_url", "root_url", "host_url"):
            request.__dict__.pop(cached, None)

    def _networks(self, peer: ipaddress.IPv4Address | ipaddress.IPv6Address) -> t.Any:
        proxies = self.get_proxies()
        if proxies is None:
            return ()
        if isinstance(proxies, str):
            if proxies.strip() == "*":
                return (ipaddress.ip_network(peer),)
            if proxies.strip() == "**":
                return _parse(("0.0.0.0/0", "::/0"))
            proxies = [part for part in proxies.split(",") if part.strip()]
        return _parse(tuple(str(entry).strip() for entry in proxies))

    def _apply_for(self, request: t.Any, networks: tuple[_Network, ...]) -> None:
        chain = [
            _ip(_strip_port(part))
            for part in _values(request.headers.get("X-Forwarded-For"))
        ]
        chain.append(_ip(request.environ.get("REMOTE_ADDR")))
        untrusted: list[str] = []
        first_trusted: str | None = None
        for address in chain:
            if address is None:
                continue
            if _trusted(address, networks):
                first_trusted = first_trusted or str(address)
            else:
                untrusted.append(str(address))
        ips = untrusted[::-1] if untrusted else [first_trusted or ""]
        request.environ[CLIENT_IPS] = ips
        request.remote_addr = request.environ["REMOTE_ADDR"] = ips[0]

    def _apply_host(self, request: t.Any, flags: int) -> None:
        environ = request.environ
        forwarded_host = (
            _first(request.headers.get("X-Forwarded-Host"))
            if flags & self.HEADER_X_FORWARDED_HOST
            else None
        )
        forwarded_port = (
            _first(request.headers.get("X-Forwarded-Port"))
            if flags & self.HEADER_X_FORWARDED_PORT
            else None
        )
        if forwarded_host is not None and not _HOST.match(forwarded_host):
            raise BadRequestHttpException(
                "The X-Forwarded-Host header from a trusted proxy is not a valid host; "
                "fix the proxy's configuration."
            )
        if forwarded_port is not None and not forwarded_port.isdigit():
            forwarded_port = None
        original = environ.get("HTTP_HOST") or str(environ.get("SERVER_NAME") or "")
        base = forwarded_host or original
        if not base or not _HOST.match(base):
            return
        name, port = _split_host(base)
        if forwarded_port is not None:
            port = forwarded_port
        scheme = str(request.scheme)
        standard = {"http": "80", "https": "443"}.get(scheme)
        http_host = name if port in (None, standard) else f"{name}:{port}"
        if http_host != str(request.host):
            request.host = environ["HTTP_HOST"] = http_host
        if port is not None or forwarded_host is not None:
            environ["SERVER_PORT"] = port or standard or environ.get("SERVER_PORT")


def registrar_setting(app: t.Any, name: str) -> t.Any:
    """Read a ``with_middleware`` setting (``trusted_proxies``...) through the HTTP kernel.

    The registrar lives in ``protevus.foundation``, above this package: the
    kernel bound as ``'http.kernel'`` carries it as ``config``.
    """
    if app is None or not app.bound("http.kernel"):
        return None
    return getattr(getattr(app.make("http.kernel"), "config", None), name, None)


@functools.lru_cache(maxsize=64)
def _parse(entries: tuple[str, ...]) -> tuple[_Network, ...]:
    networks: list[_Network] = []
    for entry in entries:
        if entry in ("*", "**"):
            networks.extend(_parse(("0.0.0.0/0", "::/0")))
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise InvalidArgumentError(
                f"Trusted proxy [{entry}] is not an IP address or CIDR range; "
                "use values like '10.0.0.1' or '10.0.0.0/8', or '*'."
            ) from None
    return tuple(networks)


def _trusted(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address,
    networks: tuple[_Network, ...],
) -> bool:
    mapped = getattr(address, "ipv4_mapped", None)
    return any(
        address in network or (mapped is not None and mapped in network)
        for network in networks
    )


def _ip(value: t.Any) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    if not value:
        return None
    try:
        return ipaddress.ip_address(str(value).strip())
    except ValueError:
        return None


def _values(header: str | None) -> list[str]:
    return [part.strip() for part in (header or "").split(",") if part.strip()]


def _first(header: str | None) -> str | None:
    values = _values(header)
    return values[0] if values else None


def _strip_port(value: str) -> str:
    """Drop a port from ``1.2.3.4:5678`` or ``[::1]:5678`` (proxies may add one)."""
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if "." in value and value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


def _split_host(host: str) -> tuple[str, str | None]:
    if host.startswith("["):
        name, _, rest = host.partition("]")
        return name + "]", rest[1:] if rest.startswith(":") else None
    name, _, port = host.partition(":")
    return name, port or None
