"""Middleware that lets a request through only when it carries the expected token."""

from __future__ import annotations

import typing as t

from protevus.helpers import abort

if t.TYPE_CHECKING:
    from protevus.http import Request


class EnsureTokenIsValid:
    """Answer 403 unless the ``X-Token`` header (or ``token`` input) matches.

    Registered as the ``token`` alias in ``bootstrap/app.py``; the expected value
    is a middleware parameter: ``Route.middleware('token:letmein')``.
    """

    def handle(
        self, request: Request, next: t.Callable[[Request], t.Any], token: str = ""
    ) -> t.Any:
        """Check the token before the route runs."""
        given = request.header("X-Token") or request.input("token")
        if not token or given != token:
            abort(403, "The token is missing or invalid.")
        return next(request)
