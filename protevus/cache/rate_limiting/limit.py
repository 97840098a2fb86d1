"""How many attempts a key may make per window: ``Limit.per_minute(60).by(user_id)``.

Laravel: ``Illuminate\\Cache\\RateLimiting\\Limit``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.cache.rate_limiting.unlimited import Unlimited

#: ``callback(request, headers)`` returning the response sent instead of a 429 error.
ResponseCallback = t.Callable[[t.Any, dict[str, str]], t.Any]


class Limit(CamelAliases):
    """Describe a rate limit: ``max_attempts`` per ``decay_seconds`` for ``key``.

    Return one (or a list) from ``RateLimiter.for_(name, callback)``::

        RateLimiter.for_('api', lambda request: Limit.per_minute(60).by(
            request.user().id if request.user() else request.ip()))

    Laravel: ``Illuminate\\Cache\\RateLimiting\\Limit``.
    """

    def __init__(
        self, key: t.Any = "", max_attempts: int = 60, decay_seconds: int = 60
    ) -> None:
        self.key: str = "" if key is None else str(key)
        self.max_attempts = int(max_attempts)
        self.decay_seconds = int(decay_seconds)
        self.response_callback: ResponseCallback | None = None

    @classmethod
    def per_second(cls, max_attempts: int, decay_seconds: int = 1) -> Limit:
        """Allow ``max_attempts`` per ``decay_seconds`` seconds. Laravel: ``Limit::perSecond()``."""
        return cls("", max_attempts, decay_seconds)

    @classmethod
    def per_minute(cls, max_attempts: int, decay_minutes: int = 1) -> Limit:
        """Allow ``max_attempts`` per ``decay_minutes`` minutes. Laravel: ``Limit::perMinute()``."""
        return cls("", max_attempts, 60 * decay_minutes)

    @classmethod
    def per_minutes(cls, decay_minutes: int, max_attempts: int) -> Limit:
        """Allow ``max_attempts`` per ``decay_minutes`` minutes. Laravel: ``Limit::perMinutes()``."""
        return cls("", max_attempts, 60 * decay_minutes)

    @classmethod
    def per_hour(cls, max_attempts: int, decay_hours: int = 1) -> Limit:
        """Allow ``max_attempts`` per ``decay_hours`` hours. Laravel: ``Limit::perHour()``."""
        return cls("", max_attempts, 3600 * decay_hours)

    @classmethod
    def per_day(cls, max_attempts: int, decay_days: int = 1) -> Limit:
        """Allow ``max_attempts`` per ``decay_days`` days. Laravel: ``Limit::perDay()``."""
        return cls("", max_attempts, 86400 * decay_days)

    @staticmethod
    def none() -> Unlimited:
        """Return a limit that never throttles. Laravel: ``Limit::none()``."""
        from protevus.cache.rate_limiting.unlimited import Unlimited

        return Unlimited()

    def by(self, key: t.Any) -> Limit:
        """Count attempts per ``key`` (a user id, an IP address...). Laravel: ``Limit::by()``."""
        self.key = "" if key is None else str(key)
        return self

    def response(self, callback: ResponseCallback) -> Limit:
        """Answer throttled requests with ``callback(request, headers)``. Laravel: ``Limit::response()``."""
        self.response_callback = callback
        return self

    def fallback_key(self) -> str:
        """Return a key telling this limit apart from others with the same ``by()`` key.

        Laravel: ``Limit::fallbackKey()``.
        """
        return f"attempts:{self.max_attempts}:decay:{self.decay_seconds}:{self.key}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(key={self.key!r}, max_attempts={self.max_attempts}, "
            f"decay_seconds={self.decay_seconds})"
        )
