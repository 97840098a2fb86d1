"""Share the session's validation errors with the views of the current request.

Laravel: ``Illuminate\\View\\Middleware\\ShareErrorsFromSession``.
"""

from __future__ import annotations

import typing as t

from protevus.container.container import Container
from protevus.support.view_error_bag import ViewErrorBag


class ShareErrorsFromSession:
    """Make ``errors`` in views the session's ``ViewErrorBag`` (an empty one if none).

    The bag is shared for this request only (a context variable), so concurrent
    requests on other threads never see it. Laravel: ``ShareErrorsFromSession``.
    """

    def __init__(self, app: Container) -> None:
        self.app = app

    def handle(self, request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        """Share the errors, then pass the request on."""
        if not self.app.bound("view"):
            return next(request)
        with self.app.make("view").sharing({"errors": session_errors(request)}):
            return next(request)


def session_errors(request: t.Any) -> ViewErrorBag:
    """Return the ``errors`` flashed to the request's session as a :class:`ViewErrorBag`."""
    has_session = getattr(request, "has_session", None)
    if not callable(has_session) or not has_session():
        return ViewErrorBag()
    errors = request.session().get("errors")
    if isinstance(errors, ViewErrorBag):
        return errors
    if isinstance(errors, t.Mapping):
        return ViewErrorBag.from_session(errors)
    return ViewErrorBag()
