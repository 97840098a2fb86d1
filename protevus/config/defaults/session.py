"""The framework's default ``session`` configuration.

Laravel: ``config/session.php`` of ``laravel/framework``. The ``files`` path is
relative to the application's base path.
"""

from __future__ import annotations

import typing as t

from protevus.config.defaults._helpers import env_int
from protevus.config.defaults._helpers import slug
from protevus.config.env import env


def config() -> dict[str, t.Any]:
    """Return the default ``session`` configuration, reading ``.env`` now.

    Laravel: ``config/session.php``.
    """
    return {
        "driver": env("SESSION_DRIVER", "database"),
        "lifetime": env_int("SESSION_LIFETIME", 120),
        "expire_on_close": env("SESSION_EXPIRE_ON_CLOSE", False),
        "encrypt": env("SESSION_ENCRYPT", False),
        "files": "storage/framework/sessions",
        "connection": env("SESSION_CONNECTION"),
        "table": env("SESSION_TABLE", "sessions"),
        "store": env("SESSION_STORE"),
        "lottery": [2, 100],
        "cookie": env(
            "SESSION_COOKIE", lambda: slug(env("APP_NAME", "Protevus")) + "-session"
        ),
        "path": env("SESSION_PATH", "/"),
        "domain": env("SESSION_DOMAIN"),
        "secure": env("SESSION_SECURE_COOKIE"),
        "http_only": env("SESSION_HTTP_ONLY", True),
        "same_site": env("SESSION_SAME_SITE", "lax"),
        "partitioned": env("SESSION_PARTITIONED_COOKIE", False),
    }
