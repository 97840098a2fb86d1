"""Boot the registered service providers.

Laravel: ``Illuminate\\Foundation\\Bootstrap\\BootProviders``.
"""

from __future__ import annotations

import typing as t

if t.TYPE_CHECKING:
    from protevus.foundation.application import Application


class BootProviders:
    """Call ``app.boot()``."""

    def bootstrap(self, app: Application) -> None:
        """Boot the application."""
        app.boot()
