"""The framework's default ``filesystems`` configuration.

Laravel: ``config/filesystems.php`` of ``laravel/framework``. Disk roots and the
``links`` map are relative to the application's base path.
"""

from __future__ import annotations

import typing as t

from protevus.config.env import env


def config() -> dict[str, t.Any]:
    """Return the default ``filesystems`` configuration, reading ``.env`` now.

    Laravel: ``config/filesystems.php``.
    """
    app_url = str(env("APP_URL", "http://localhost") or "").rstrip("/")
    return {
        "default": env("FILESYSTEM_DISK", "local"),
        "disks": {
            "local": {
                "driver": "local",
                "root": "storage/app/private",
                "serve": True,
                "throw": False,
                "report": False,
            },
            "public": {
                "driver": "local",
                "root": "storage/app/public",
                "url": app_url + "/storage",
                "visibility": "public",
                "throw": False,
                "report": False,
            },
            "s3": {
                "driver": "s3",
                "key": env("AWS_ACCESS_KEY_ID"),
                "secret": env("AWS_SECRET_ACCESS_KEY"),
                "region": env("AWS_DEFAULT_REGION"),
                "bucket": env("AWS_BUCKET"),
                "url": env("AWS_URL"),
                "endpoint": env("AWS_ENDPOINT"),
                "use_path_style_endpoint": env("AWS_USE_PATH_STYLE_ENDPOINT", False),
                "throw": False,
                "report": False,
            },
        },
        "links": {
            "public/storage": "storage/app/public",
        },
    }
