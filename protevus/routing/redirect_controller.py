"""The controller behind ``Route.redirect()``.

Laravel: ``Illuminate\\Routing\\RedirectController``.
"""

from __future__ import annotations

import typing as t

from protevus.routing.controller import Controller
from protevus.routing.route import PARAMETER


class RedirectController(Controller):
    """Redirect to the route's ``destination`` (its ``{params}`` filled from the URL).

    Laravel: ``Illuminate\\Routing\\RedirectController``.
    """

    def __call__(self, request: t.Any) -> t.Any:
        from protevus.http.response import RedirectResponse

        route = request.route()
        parameters = dict(route.parameters())
        status = int(parameters.pop("status", 302))
        destination = str(parameters.pop("destination", "/"))

        def fill(match: t.Any) -> str:
            value = parameters.get(match.group(1))
            return "" if value is None else str(value)

        url = PARAMETER.sub(fill, destination)
        if url.startswith("/") and "//" in url[1:]:
            url = "/" + "/".join(part for part in url.split("/") if part)
        return RedirectResponse(url, status)
