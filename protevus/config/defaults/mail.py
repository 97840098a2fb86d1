"""The framework's default ``mail`` configuration.

Laravel: ``config/mail.php`` of ``laravel/framework`` (the smtp, sendmail, log and
array mailers).
"""

from __future__ import annotations

import typing as t
from urllib.parse import urlsplit

from protevus.config.defaults._helpers import env_int
from protevus.config.env import env


def config() -> dict[str, t.Any]:
    """Return the default ``mail`` configuration, reading ``.env`` now.

    Laravel: ``config/mail.php``.
    """
    app_host = urlsplit(str(env("APP_URL", "http://localhost") or "")).hostname
    return {
        "default": env("MAIL_MAILER", "log"),
        "mailers": {
            "smtp": {
                "transport": "smtp",
                "scheme": env("MAIL_SCHEME"),
                "url": env("MAIL_URL"),
                "host": env("MAIL_HOST", "127.0.0.1"),
                "port": env_int("MAIL_PORT", 2525),
                "username": env("MAIL_USERNAME"),
                "password": env("MAIL_PASSWORD"),
                "timeout": None,
                "local_domain": env("MAIL_EHLO_DOMAIN", app_host),
            },
            "sendmail": {
                "transport": "sendmail",
                "path": env("MAIL_SENDMAIL_PATH", "/usr/sbin/sendmail -bs -i"),
            },
            "log": {"transport": "log", "channel": env("MAIL_LOG_CHANNEL")},
            "array": {"transport": "array"},
        },
        "from": {
            "address": env("MAIL_FROM_ADDRESS", "hello@example.com"),
            "name": env("MAIL_FROM_NAME", "Example"),
        },
        "markdown": {
            "theme": env("MAIL_MARKDOWN_THEME", "default"),
            "paths": ["resources/views/vendor/mail"],
        },
    }
