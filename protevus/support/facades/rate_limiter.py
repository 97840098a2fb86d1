"""Facade for the rate limiter (container key ``'rate_limiter'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class RateLimiter(Facade):
    """Proxy static calls to the rate limiter.

    Laravel: ``Illuminate\\Support\\Facades\\RateLimiter``.
    """

    accessor = "rate_limiter"
