"""The controller behind ``Route.redirect()``.

Laravel: ``Illuminate\\Routing\\RedirectController``.
"""

from __future__ import annotations

import re
import typing as t
from urllib.parse import quote

from protevus.routing.controller import Controller
from protevus.routing.route import PARAMETER

#: Characters left as they are in a parameter value: Laravel's ``RouteUrlGenerator``
#: keeps these too, minus ``?``, ``#`` and ``%``, which would start a query or a
#: fragment, or re-encode, in the target URL.
_SAFE = "/@:;,=+!*|&"
_UNSAFE_TARGET = re.compile(r"[\r\n\0]")


class RedirectController(Controller):
    """Redirect to the route's ``destination`` (its ``{params}`` filled from the URL).

    Each parameter value is percent-encoded (``a b?x`` → ``a%20b%3Fx``), so a value
    can neither add a query string nor break the ``Location`` header.

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
            return "" if value is None else quote(str(value), safe=_SAFE)

        url = PARAMETER.sub(fill, destination)
        if url.startswith("/") and "//" in url:
            # Also stops a value like "/evil.com" from making "//evil.com", a
            # protocol-relative URL to another host.
            url = "/" + "/".join(part for part in url.split("/") if part)
        if _UNSAFE_TARGET.search(url):
            from protevus.http.exceptions import BadRequestHttpException

            raise BadRequestHttpException(
                f"Cannot redirect to [{url!r}]: the URL holds a line break or NUL; "
                "remove it from the route's destination."
            )
        return RedirectResponse(url, status)
