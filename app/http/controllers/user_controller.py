"""A plain controller with constructor and method injection."""

from __future__ import annotations

import typing as t

from app.http.controllers.controller import Controller
from protevus.config.repository import Repository
from protevus.http import Request


class UserController(Controller):
    """Show a user; ``Route.get('/users/{id}/{name?}', [UserController, 'show'])``."""

    def __init__(self, config: Repository) -> None:
        """Receive the config repository from the container (constructor injection)."""
        self.app_name = config.get("app.name")

    def show(
        self, request: Request, id: str, name: str | None = None
    ) -> dict[str, t.Any]:
        """Answer JSON: a dict return value becomes a ``JsonResponse``."""
        return {
            "id": int(id),
            "name": name,
            "route": request.route().get_name(),
            "app": self.app_name,
        }
