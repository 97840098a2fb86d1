"""The framework's default ``cache`` configuration.

Laravel: ``config/cache.php`` of ``laravel/framework``. Paths are relative to the
application's base path.
"""

from __future__ import annotations

import typing as t

from protevus.config.defaults._helpers import slug
from protevus.config.env import env


def config() -> dict[str, t.Any]:
    """Return the default ``cache`` configuration, reading ``.env`` now.

    Laravel: ``config/cache.php``.
    """
    return {
        "default": env("CACHE_STORE", "database"),
        "stores": {
            "array": {"driver": "array", "serialize": False},
            "database": {
                "driver": "database",
                "connection": env("DB_CACHE_CONNECTION"),
                "table": env("DB_CACHE_TABLE", "cache"),
                "lock_connection": env("DB_CACHE_LOCK_CONNECTION"),
                "lock_table": env("DB_CACHE_LOCK_TABLE"),
            },
            "file": {
                "driver": "file",
                "path": "storage/framework/cache/data",
                "lock_path": "storage/framework/cache/data",
            },
            "redis": {
                "driver": "redis",
                "connection": env("REDIS_CACHE_CONNECTION", "cache"),
                "lock_connection": env("REDIS_CACHE_LOCK_CONNECTION", "default"),
            },
            "null": {"driver": "null"},
        },
        "prefix": env(
            "CACHE_PREFIX", lambda: slug(env("APP_NAME", "Protevus")) + "-cache-"
        ),
    }
