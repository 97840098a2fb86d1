"""Limits returned by named rate limiters (Laravel: ``Illuminate\\Cache\\RateLimiting``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.cache.rate_limiting.global_limit import GlobalLimit as GlobalLimit
    from protevus.cache.rate_limiting.limit import Limit as Limit
    from protevus.cache.rate_limiting.unlimited import Unlimited as Unlimited

__getattr__ = lazy_exports(
    __name__,
    {
        "Limit": "protevus.cache.rate_limiting.limit",
        "GlobalLimit": "protevus.cache.rate_limiting.global_limit",
        "Unlimited": "protevus.cache.rate_limiting.unlimited",
    },
)
