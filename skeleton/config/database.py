"""Database settings: connections, the migrations table and Redis.

Every key not set here keeps the framework default. Laravel: ``config/database.php``.
"""

from protevus.helpers import database_path
from protevus.helpers import env


def _mysql_like(driver: str) -> dict:
    return {
        "driver": driver,
        "url": env("DB_URL"),
        "host": env("DB_HOST", "127.0.0.1"),
        "port": env("DB_PORT", 3306),
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
        "options": {"ssl_ca": env("MYSQL_ATTR_SSL_CA")}
        if env("MYSQL_ATTR_SSL_CA")
        else {},
    }


config = {
    # The connection used when none is named: DB.table(...), Schema.create(...).
    "default": env("DB_CONNECTION", "sqlite"),
    "connections": {
        "sqlite": {
            "driver": "sqlite",
            "url": env("DB_URL"),
            "database": env("DB_DATABASE", database_path("database.sqlite")),
            "prefix": "",
            "foreign_key_constraints": env("DB_FOREIGN_KEYS", True),
            "busy_timeout": None,
            "journal_mode": None,
            "synchronous": None,
        },
        "mysql": _mysql_like("mysql"),
        "mariadb": _mysql_like("mariadb"),
        "pgsql": {
            "driver": "pgsql",
            "url": env("DB_URL"),
            "host": env("DB_HOST", "127.0.0.1"),
            "port": env("DB_PORT", 5432),
            "database": env("DB_DATABASE", "protevus"),
            "username": env("DB_USERNAME", "root"),
            "password": env("DB_PASSWORD", ""),
            "charset": env("DB_CHARSET", "utf8"),
            "prefix": "",
            "prefix_indexes": True,
            "search_path": "public",
            "sslmode": "prefer",
        },
    },
    # The table that records which migrations have run.
    "migrations": {
        "table": "migrations",
        "update_date_on_publish": True,
    },
    # Redis connections (cache, queue, session drivers use them).
    "redis": {
        "client": env("REDIS_CLIENT", "redis"),
        "options": {
            "cluster": env("REDIS_CLUSTER", "redis"),
            "prefix": env("REDIS_PREFIX", "protevus_database_"),
        },
        "default": {
            "url": env("REDIS_URL"),
            "host": env("REDIS_HOST", "127.0.0.1"),
            "username": env("REDIS_USERNAME"),
            "password": env("REDIS_PASSWORD"),
            "port": env("REDIS_PORT", 6379),
            "database": env("REDIS_DB", 0),
        },
        "cache": {
            "url": env("REDIS_URL"),
            "host": env("REDIS_HOST", "127.0.0.1"),
            "username": env("REDIS_USERNAME"),
            "password": env("REDIS_PASSWORD"),
            "port": env("REDIS_PORT", 6379),
            "database": env("REDIS_CACHE_DB", 1),
        },
    },
}
