"""Refuse requests whose ``Host`` is not one of the application's.

Laravel: ``Illuminate\\Http\\Middleware\\TrustHosts`` (on Symfony's
``Request::setTrustedHosts()``).
"""

from __future__ import annotations

import functools
import re
import typing as t
from urllib.parse import urlsplit

from protevus.container.container import Container
from protevus.exceptions import InvalidArgumentError
from protevus.http.exceptions import BadRequestHttpException
from protevus.http.middleware.trust_proxies import TrustProxies
from protevus.http.middleware.trust_proxies import registrar_setting
from protevus.support.aliases import CamelAliases

_Next = t.Callable[[t.Any], t.Any]
_Hosts: t.TypeAlias = "t.Iterable[str] | t.Callable[[], t.Iterable[str]]"
_PLAIN = re.compile(r"^[A-Za-z0-9_.-]+$")


class TrustHosts(CamelAliases):
    """Answer 400 "Untrusted Host." unless the request's host matches a trusted one.

    Enabled with ``with_middleware(lambda m: m.trust_hosts())`` (first in the
    global stack). By default the trusted host is ``APP_URL``'s and its
    subdomains; ``m.trust_hosts(at=['example.com', r'^(.+\\.)?example\\.org$'])``
    (or a callable returning the list) replaces it, and ``subdomains=True`` (the
    default) keeps ``APP_URL``'s hosts too. A plain name matches exactly (any
    case); anything else is a regular expression that must match the whole host.
    The host checked is the one the request ends up with: a trusted proxy's
    ``X-Forwarded-Host`` is applied first. Skipped in the ``local`` environment
    and while running tests, as in Laravel.

    Laravel: ``Illuminate\\Http\\Middleware\\TrustHosts`` (Laravel answers a bad host
    with a 404 "Bad hostname provided."; Protevus with a 400).
    """

    _always_trust: t.ClassVar[t.Any] = None
    _subdomains: t.ClassVar[bool] = True

    def __init__(self, app: Container) -> None:
        self.app = app
        self._proxies: list[TrustProxies | None] = []

    def handle(self, request: t.Any, next: _Next) -> t.Any:
        """Raise 400 for an untrusted host, else pass the request on.

        Laravel: ``TrustHosts::handle()``.
        """
        if self.should_specify_trusted_hosts():
            proxies = self._trust_proxies()
            if proxies is not None:
                proxies.set_trusted(request)
            if not self.is_trusted(_hostname(request)):
                raise BadRequestHttpException("Untrusted Host.")
        return next(request)

    def hosts(self) -> list[str]:
        """Get the host patterns to trust.

        Laravel: ``TrustHosts::hosts()``.
        """
        setting = registrar_setting(self.app, "trusted_hosts")
        if setting is not None:
            at, subdomains = setting.get("at"), setting.get("subdomains", True)
        else:
            at, subdomains = TrustHosts._always_trust, TrustHosts._subdomains
        application = self.all_subdomains_of_application_url()
        if at is None:
            return [application] if application else []
        listed = at() if callable(at) else at
        hosts = [listed] if isinstance(listed, str) else list(listed or [])
        if subdomains and application:
            hosts.append(application)
        return [host for host in hosts if isinstance(host, str) and host]

    def is_trusted(self, host: str) -> bool:
        """Determine if ``host`` (no port) matches one of :meth:`hosts`."""
        if not host:
            return False
        return any(pattern.fullmatch(host) for pattern in _compile(tuple(self.hosts())))

    def should_specify_trusted_hosts(self) -> bool:
        """Check hosts except locally and in tests. Laravel: ``shouldSpecifyTrustedHosts()``."""
        environment = getattr(self.app, "environment", None)
        if callable(environment) and environment("local"):
            return False
        running_tests = getattr(self.app, "running_unit_tests", None)
        return not (callable(running_tests) and running_tests())

    def all_subdomains_of_application_url(self) -> str | None:
        """Get the pattern matching ``APP_URL``'s host and its subdomains.

        Laravel: ``TrustHosts::allSubdomainsOfApplicationUrl()``.
        """
        url = (
            self.app.make("config").get("app.url") if self.app.bound("config") else None
        )
        try:
            host = urlsplit(str(url)).hostname if url else None
        except ValueError:
            return None
        return r"^(.+\.)?" + re.escape(host) + "$" if host else None

    @classmethod
    def at(cls, hosts: _Hosts, subdomains: bool = True) -> None:
        """Trust these hosts for every application. Laravel: ``TrustHosts::at()``."""
        TrustHosts._always_trust = hosts
        TrustHosts._subdomains = subdomains

    @classmethod
    def flush_state(cls) -> None:
        """Forget ``at()``. Laravel: ``TrustHosts::flushState()``."""
        TrustHosts._always_trust = None
        TrustHosts._subdomains = True

    def _trust_proxies(self) -> TrustProxies | None:
        """Find the global stack's TrustProxies (a subclass too), to apply it first."""
        if not self._proxies:
            found: TrustProxies | None = None
            if self.app.bound("http.kernel"):
                for entry in getattr(self.app.make("http.kernel"), "middleware", []):
                    if isinstance(entry, TrustProxies):
                        found = entry
                    elif isinstance(entry, type) and issubclass(entry, TrustProxies):
                        found = t.cast(TrustProxies, self.app.make(entry))
            self._proxies = [found]
        return self._proxies[0]


def _hostname(request: t.Any) -> str:
    host = str.__str__(request.host)
    if host.startswith("["):
        return host.partition("]")[0] + "]"
    return host.partition(":")[0].lower()


@functools.lru_cache(maxsize=64)
def _compile(hosts: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    patterns: list[re.Pattern[str]] = []
    for host in hosts:
        source = re.escape(host) if _PLAIN.match(host) else host
        try:
            patterns.append(re.compile(source, re.IGNORECASE))
        except re.error as error:
            raise InvalidArgumentError(
                f"Trusted host [{host}] is not a host name or a valid regular "
                f"expression ({error}); fix the trust_hosts(at=...) list."
            ) from None
    return tuple(patterns)
