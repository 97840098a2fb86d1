"""The framework's default ``app`` configuration.

Laravel: ``config/app.php`` of ``laravel/framework``. Service providers are listed
in ``bootstrap/providers.py`` and facades are imported, so there are no
``providers``/``aliases`` keys.
"""

from __future__ import annotations

import typing as t

from protevus.config.defaults._helpers import env_bool
from protevus.config.defaults._helpers import env_list
from protevus.config.env import env


def config() -> dict[str, t.Any]:
    """Return the default ``app`` configuration, reading ``.env`` now.

    Laravel: ``config/app.php``.
    """
    return {
        "name": env("APP_NAME", "Protevus"),
        "env": env("APP_ENV", "production"),
        "debug": env_bool("APP_DEBUG", False),
        "url": env("APP_URL", "http://localhost"),
        "frontend_url": env("FRONTEND_URL", "http://localhost:3000"),
        "asset_url": env("ASSET_URL"),
        "timezone": env("APP_TIMEZONE", "UTC"),
        "locale": env("APP_LOCALE", "en"),
        "fallback_locale": env("APP_FALLBACK_LOCALE", "en"),
        "faker_locale": env("APP_FAKER_LOCALE", "en_US"),
        "cipher": "AES-256-CBC",
        "key": env("APP_KEY"),
        "previous_keys": env_list("APP_PREVIOUS_KEYS"),
        "maintenance": {
            "driver": env("APP_MAINTENANCE_DRIVER", "file"),
            "store": env("APP_MAINTENANCE_STORE", "database"),
        },
    }
