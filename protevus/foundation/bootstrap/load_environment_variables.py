"""Load ``.env`` (and the ``.env.{APP_ENV}`` overlay) unless the config is cached.

Laravel: ``Illuminate\\Foundation\\Bootstrap\\LoadEnvironmentVariables``.
"""

from __future__ import annotations

import typing as t

from protevus.config.env import Env
from protevus.config.env import load_environment

if t.TYPE_CHECKING:
    from protevus.foundation.application import Application


class LoadEnvironmentVariables:
    """Load the application's environment file into the process environment."""

    def bootstrap(self, app: Application) -> None:
        """Load the environment; a cached configuration skips the files entirely."""
        if app.configuration_is_cached():
            # After config:cache, env() sees only real OS variables (as in Laravel).
            Env.reset()
            return
        load_environment(app.environment_path(), app.environment_file())
