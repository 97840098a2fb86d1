"""The limit that never throttles (``Limit.none()``).

Laravel: ``Illuminate\\Cache\\RateLimiting\\Unlimited``.
"""

from __future__ import annotations

import sys

from protevus.cache.rate_limiting.global_limit import GlobalLimit


class Unlimited(GlobalLimit):
    """Let every request through; the throttle middleware skips counting.

    Laravel: ``Illuminate\\Cache\\RateLimiting\\Unlimited``.
    """

    def __init__(self) -> None:
        super().__init__(sys.maxsize)
