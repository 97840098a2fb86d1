"""Register the cache manager, the default store, the rate limiter and ``cache:clear``.

Laravel: ``Illuminate\\Cache\\CacheServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.console.lazy_command import LazyCommand
from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.cache.cache_manager import CacheManager
    from protevus.cache.rate_limiter import RateLimiter
    from protevus.cache.repository import Repository


#: the container key of the rate limiter (the ``RateLimiter`` facade's accessor).
RATE_LIMITER_KEY = "rate_limiter"

CACHE_COMMANDS: tuple[LazyCommand, ...] = (
    LazyCommand(
        "cache:clear",
        "Flush the application cache",
        "protevus.cache.console.clear_command.ClearCommand",
    ),
)


class CacheServiceProvider(ServiceProvider):
    """Bind ``'cache'`` (the manager), ``'cache.store'`` (the default repository) and
    ``'rate_limiter'`` (:class:`RateLimiter`, also under its class), all shared.

    The rate limiter counts in ``cache.limiter`` when set, else the default store.

    Laravel: ``Illuminate\\Cache\\CacheServiceProvider``.
    """

    def register(self) -> None:
        """Register the cache services. Laravel: ``CacheServiceProvider::register()``."""
        self.app.singleton("cache", self._make_manager)
        self.app.alias_class("cache", "protevus.cache.cache_manager.CacheManager")
        self.app.singleton("cache.store", self._make_store)
        self.app.alias_class("cache.store", "protevus.cache.repository.Repository")
        self.app.singleton(RATE_LIMITER_KEY, self._make_rate_limiter)
        self.app.alias_class(
            RATE_LIMITER_KEY, "protevus.cache.rate_limiter.RateLimiter"
        )
        self.commands(*CACHE_COMMANDS)

    @staticmethod
    def _make_manager(app: t.Any) -> CacheManager:
        from protevus.cache.cache_manager import CacheManager

        return CacheManager(app)

    @staticmethod
    def _make_store(app: t.Any) -> Repository:
        return app.make("cache").driver()

    @staticmethod
    def _make_rate_limiter(app: t.Any) -> RateLimiter:
        store = app.make("config").get("cache.limiter") or None
        from protevus.cache.rate_limiter import RateLimiter

        return RateLimiter(app.make("cache").driver(store))

    def provides(self) -> list[t.Any]:
        """Return the services this provider binds. Laravel: ``provides()``."""
        return ["cache", "cache.store", RATE_LIMITER_KEY]
