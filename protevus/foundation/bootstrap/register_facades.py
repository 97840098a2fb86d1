"""Make the application the root of every facade.

Laravel: ``Illuminate\\Foundation\\Bootstrap\\RegisterFacades``.
"""

from __future__ import annotations

import typing as t

from protevus.support.facades.facade import Facade

if t.TYPE_CHECKING:
    from protevus.foundation.application import Application


class RegisterFacades:
    """Clear cached facade roots and point facades at this application."""

    def bootstrap(self, app: Application) -> None:
        """Clear the resolved roots so a new app never sees an old app's services."""
        Facade.clear_resolved_instances()
        Facade.set_facade_application(app)
