"""The framework's default ``view`` configuration.

Laravel: ``config/view.php`` of ``laravel/framework``. Paths are relative to the
application's base path.
"""

from __future__ import annotations

import typing as t

from protevus.config.env import env


def config() -> dict[str, t.Any]:
    """Return the default ``view`` configuration, reading ``.env`` now.

    Laravel: ``config/view.php``.
    """
    return {
        "paths": ["resources/views"],
        "compiled": env("VIEW_COMPILED_PATH", "storage/framework/views"),
    }
