"""The framework's default ``services`` configuration (third-party credentials).

Laravel: ``config/services.php`` of ``laravel/framework``.
"""

from __future__ import annotations

import typing as t

from protevus.config.env import env


def config() -> dict[str, t.Any]:
    """Return the default ``services`` configuration, reading ``.env`` now.

    Laravel: ``config/services.php``.
    """
    return {
        "postmark": {"token": env("POSTMARK_TOKEN")},
        "resend": {"key": env("RESEND_KEY")},
        "ses": {
            "key": env("AWS_ACCESS_KEY_ID"),
            "secret": env("AWS_SECRET_ACCESS_KEY"),
            "region": env("AWS_DEFAULT_REGION", "us-east-1"),
        },
        "slack": {
            "notifications": {
                "bot_user_oauth_token": env("SLACK_BOT_USER_OAUTH_TOKEN"),
                "channel": env("SLACK_BOT_USER_DEFAULT_CHANNEL"),
            },
        },
    }
