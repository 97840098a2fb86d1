"""Load the configuration repository from the cache or from ``config/*.py``.

Laravel: ``Illuminate\\Foundation\\Bootstrap\\LoadConfiguration``.
"""

from __future__ import annotations

import typing as t

from protevus.config.loader import ConfigLoader
from protevus.config.repository import Repository
from protevus.support.date_factory import DateFactory

if t.TYPE_CHECKING:
    from protevus.foundation.application import Application


class LoadConfiguration:
    """Bind the ``'config'`` repository and set the environment name from it."""

    def bootstrap(self, app: Application) -> None:
        """Load the cached configuration if there is one, else the config files."""
        loader = ConfigLoader(app.config_path(), app.get_cached_config_path())
        if loader.is_cached():
            items = loader.load_cached()
            app.config_is_cached = True
        else:
            items = loader.load()
        config = Repository(items)
        app.instance("config", config)
        app.alias("config", Repository)
        app.detect_environment(str(config.get("app.env", "production")))
        DateFactory.use_default_timezone(str(config.get("app.timezone") or "UTC"))
