"""A controller behind the ``token`` middleware, in the ``admin.`` route group."""

from __future__ import annotations

import typing as t

from app.http.controllers.controller import Controller
from app.http.controllers.photo_controller import PHOTOS
from protevus.facades import Route


class AdminController(Controller):
    """The admin area: reached only with the right token."""

    def dashboard(self) -> dict[str, t.Any]:
        """Summarise the application."""
        return {"route": Route.current_route_name(), "photos": len(PHOTOS)}
