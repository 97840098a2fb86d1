"""The framework's default ``auth`` configuration.

Laravel: ``config/auth.php`` of ``laravel/framework``; the user model is a dotted
Python path instead of ``App\\Models\\User::class``.
"""

from __future__ import annotations

import typing as t

from protevus.config.defaults._helpers import env_int
from protevus.config.env import env


def config() -> dict[str, t.Any]:
    """Return the default ``auth`` configuration, reading ``.env`` now.

    Laravel: ``config/auth.php``.
    """
    return {
        "defaults": {
            "guard": env("AUTH_GUARD", "web"),
            "passwords": env("AUTH_PASSWORD_BROKER", "users"),
        },
        "guards": {
            "web": {"driver": "session", "provider": "users"},
        },
        "providers": {
            "users": {
                "driver": "eloquent",
                "model": env("AUTH_MODEL", "app.models.user.User"),
            },
        },
        "passwords": {
            "users": {
                "provider": "users",
                "table": env(
                    "AUTH_PASSWORD_RESET_TOKEN_TABLE", "password_reset_tokens"
                ),
                "expire": 60,
                "throttle": 60,
            },
        },
        "password_timeout": env_int("AUTH_PASSWORD_TIMEOUT", 10800),
        # minutes an email verification link stays valid
        "verification": {"expire": env_int("AUTH_VERIFICATION_EXPIRE", 60)},
    }
