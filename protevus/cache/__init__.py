"""The cache: stores, the repository, the manager and the rate limiter (Laravel: ``Illuminate\\Cache``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.cache.array_store import ArrayStore as ArrayStore
    from protevus.cache.cache_manager import CacheManager as CacheManager
    from protevus.cache.cache_service_provider import (
        CacheServiceProvider as CacheServiceProvider,
    )
    from protevus.cache.database_store import DatabaseStore as DatabaseStore
    from protevus.cache.exceptions import CacheError as CacheError
    from protevus.cache.exceptions import (
        CacheSerializationError as CacheSerializationError,
    )
    from protevus.cache.exceptions import (
        CacheTableMissingError as CacheTableMissingError,
    )
    from protevus.cache.file_store import FileStore as FileStore
    from protevus.cache.null_store import NullStore as NullStore
    from protevus.cache.rate_limiter import RateLimiter as RateLimiter
    from protevus.cache.rate_limiting.global_limit import GlobalLimit as GlobalLimit
    from protevus.cache.rate_limiting.limit import Limit as Limit
    from protevus.cache.rate_limiting.unlimited import Unlimited as Unlimited
    from protevus.cache.redis_store import RedisStore as RedisStore
    from protevus.cache.repository import Repository as Repository
    from protevus.cache.store import Store as Store

__getattr__ = lazy_exports(
    __name__,
    {
        "ArrayStore": "protevus.cache.array_store",
        "CacheManager": "protevus.cache.cache_manager",
        "CacheServiceProvider": "protevus.cache.cache_service_provider",
        "DatabaseStore": "protevus.cache.database_store",
        "CacheError": "protevus.cache.exceptions",
        "CacheSerializationError": "protevus.cache.exceptions",
        "CacheTableMissingError": "protevus.cache.exceptions",
        "FileStore": "protevus.cache.file_store",
        "NullStore": "protevus.cache.null_store",
        "RateLimiter": "protevus.cache.rate_limiter",
        "GlobalLimit": "protevus.cache.rate_limiting.global_limit",
        "Limit": "protevus.cache.rate_limiting.limit",
        "Unlimited": "protevus.cache.rate_limiting.unlimited",
        "RedisStore": "protevus.cache.redis_store",
        "Repository": "protevus.cache.repository",
        "Store": "protevus.cache.store",
    },
)
