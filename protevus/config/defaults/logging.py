"""The framework's default ``logging`` configuration.

Laravel: ``config/logging.php`` of ``laravel/framework``. Log file paths are
relative to the application's base path.
"""

from __future__ import annotations

import typing as t

from protevus.config.defaults._helpers import env_int
from protevus.config.defaults._helpers import env_list
from protevus.config.env import env

LOG_FILE = "storage/logs/protevus.log"


def config() -> dict[str, t.Any]:
    """Return the default ``logging`` configuration, reading ``.env`` now.

    Laravel: ``config/logging.php``.
    """
    level = env("LOG_LEVEL", "debug")
    return {
        "default": env("LOG_CHANNEL", "stack"),
        "deprecations": {
            "channel": env("LOG_DEPRECATIONS_CHANNEL", "null"),
            "trace": env("LOG_DEPRECATIONS_TRACE", False),
        },
        "channels": {
            "stack": {
                "driver": "stack",
                "channels": env_list("LOG_STACK", "single"),
                "ignore_exceptions": False,
            },
            "single": {
                "driver": "single",
                "path": LOG_FILE,
                "level": level,
                "replace_placeholders": True,
            },
            "daily": {
                "driver": "daily",
                "path": LOG_FILE,
                "level": level,
                "days": env_int("LOG_DAILY_DAYS", 14),
                "replace_placeholders": True,
            },
            "stderr": {"driver": "stderr", "level": level},
            "syslog": {
                "driver": "syslog",
                "level": level,
                "facility": env("LOG_SYSLOG_FACILITY", "user"),
                "replace_placeholders": True,
            },
            "errorlog": {"driver": "errorlog", "level": level},
            "null": {"driver": "null"},
            "emergency": {"path": LOG_FILE},
        },
    }
