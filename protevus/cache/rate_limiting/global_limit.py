"""A limit shared by every request (no ``by()`` key).

Laravel: ``Illuminate\\Cache\\RateLimiting\\GlobalLimit``.
"""

from __future__ import annotations

from protevus.cache.rate_limiting.limit import Limit


class GlobalLimit(Limit):
    """Allow ``max_attempts`` per ``decay_seconds`` across all callers.

    Laravel: ``Illuminate\\Cache\\RateLimiting\\GlobalLimit``.
    """

    def __init__(self, max_attempts: int, decay_seconds: int = 60) -> None:
        super().__init__("", max_attempts, decay_seconds)
