"""The controller behind ``Route.view()``.

Laravel: ``Illuminate\\Routing\\ViewController``.
"""

from __future__ import annotations

import typing as t

from protevus.container.container import Container
from protevus.routing.controller import Controller
from protevus.routing.exceptions import RoutingError


class ViewController(Controller):
    """Render the route's ``view`` with its ``data`` through the ``view`` service.

    Laravel: ``Illuminate\\Routing\\ViewController``.
    """

    def __init__(self, app: Container) -> None:
        self.app = app

    def __call__(self, request: t.Any) -> t.Any:
        app = self.app
        parameters = dict(request.route().parameters())
        view = parameters.pop("view")
        status = parameters.pop("status", 200)
        headers = parameters.pop("headers", None) or {}
        data = {**parameters.pop("data", {}), **parameters}
        if not app.bound("view"):
            raise RoutingError(
                f"Route.view() cannot render [{view}]: no [view] service is bound. "
                "Register protevus.view.view_service_provider.ViewServiceProvider (the framework list has it)."
            )
        content = app.make("view").make(view, data)
        render = getattr(content, "render", None)
        body = render() if callable(render) else str(content)
        from protevus.http.response import Response

        return Response(body, status, headers)
