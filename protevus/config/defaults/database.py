"""The framework's default ``database`` configuration.

Laravel: ``config/database.php`` of ``laravel/framework``. The SQLite file is
``database/database.sqlite`` relative to the application's base path (consumers
resolve relative paths against it); ports are ``int``.
"""

from __future__ import annotations

import typing as t

from protevus.config.defaults._helpers import env_int
from protevus.config.defaults._helpers import slug
from protevus.config.env import env


def _mysql_like(driver: str) -> dict[str, t.Any]:
    options = {"ssl_ca": env("MYSQL_ATTR_SSL_CA")}
    return {
        "driver": driver,
        "url": env("DB_URL"),
        "host": env("DB_HOST", "127.0.0.1"),
        "port": env_int("DB_PORT", 3306),
        "database": env("DB_DATABASE", "protevus"),
        "username": env("DB_USERNAME", "root"),
        "password": env("DB_PASSWORD", ""),
        "unix_socket": env("DB_SOCKET", ""),
        "charset": env("DB_CHARSET", "utf8mb4"),
        "collation": env("DB_COLLATION", "utf8mb4_unicode_ci"),
        "prefix": "",
        "prefix_indexes": True,
        "strict": True,
        "engine": None,
        "options": {k: v for k, v in options.items() if v},
    }


def _redis(database_key: str, database: int) -> dict[str, t.Any]:
    return {
        "url": env("REDIS_URL"),
        "host": env("REDIS_HOST", "127.0.0.1"),
        "username": env("REDIS_USERNAME"),
        "password": env("REDIS_PASSWORD"),
        "port": env_int("REDIS_PORT", 6379),
        "database": env_int(database_key, database),
    }


def config() -> dict[str, t.Any]:
    """Return the default ``database`` configuration, reading ``.env`` now.

    Laravel: ``config/database.php``.
    """
    return {
        "default": env("DB_CONNECTION", "sqlite"),
        "connections": {
            "sqlite": {
                "driver": "sqlite",
                "url": env("DB_URL"),
                "database": env("DB_DATABASE", "database/database.sqlite"),
                "prefix": "",
                "foreign_key_constraints": env("DB_FOREIGN_KEYS", True),
                "busy_timeout": None,
                "journal_mode": None,
                "synchronous": None,
                "transaction_mode": "DEFERRED",
            },
            "mysql": _mysql_like("mysql"),
            "mariadb": _mysql_like("mariadb"),
            "pgsql": {
                "driver": "pgsql",
                "url": env("DB_URL"),
                "host": env("DB_HOST", "127.0.0.1"),
                "port": env_int("DB_PORT", 5432),
                "database": env("DB_DATABASE", "protevus"),
                "username": env("DB_USERNAME", "root"),
                "password": env("DB_PASSWORD", ""),
                "charset": env("DB_CHARSET", "utf8"),
                "prefix": "",
                "prefix_indexes": True,
                "search_path": "public",
                "sslmode": env("DB_SSLMODE", "prefer"),
            },
        },
        "migrations": {
            "table": "migrations",
            "update_date_on_publish": True,
        },
        "redis": {
            "client": env("REDIS_CLIENT", "redis"),
            "options": {
                "cluster": env("REDIS_CLUSTER", "redis"),
                "prefix": env(
                    "REDIS_PREFIX",
                    lambda: slug(env("APP_NAME", "Protevus"), "_") + "_database_",
                ),
                "persistent": env("REDIS_PERSISTENT", False),
            },
            "default": _redis("REDIS_DB", 0),
            "cache": _redis("REDIS_CACHE_DB", 1),
        },
    }
