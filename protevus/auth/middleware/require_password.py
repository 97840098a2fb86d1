"""Ask for the password again before sensitive pages: the ``password.confirm`` middleware.

Laravel: ``Illuminate\\Auth\\Middleware\\RequirePassword``.
"""

from __future__ import annotations

import time
import typing as t

from protevus.support.aliases import CamelAliases

_Next = t.Callable[[t.Any], t.Any]


class RequirePassword(CamelAliases):
    """Let the request through when the password was confirmed recently.

    "Recently" is ``auth.password_timeout`` seconds (three hours), measured from
    the session's ``auth.password_confirmed_at`` (set by
    ``request.session().password_confirmed()``). Otherwise a JSON request gets
    ``423 {"message": "Password confirmation required."}`` and a browser is
    redirected to the ``password.confirm`` route, its URL kept as the intended one.
    ``password.confirm:route.name,300`` names another route and timeout.

    Laravel: ``Illuminate\\Auth\\Middleware\\RequirePassword``.
    """

    def __init__(self, password_timeout: int | None = None) -> None:
        self.password_timeout = password_timeout

    @classmethod
    def using(
        cls,
        redirect_to_route: str | None = None,
        password_timeout_seconds: int | None = None,
    ) -> str:
        """Return the middleware string. Laravel: ``RequirePassword::using()``."""
        parts = [redirect_to_route or "", str(password_timeout_seconds or "")]
        return "password.confirm:" + ",".join(parts).rstrip(",")

    def handle(
        self,
        request: t.Any,
        next: _Next,
        redirect_to_route: str | None = None,
        password_timeout_seconds: str | int | None = None,
    ) -> t.Any:
        """Demand a confirmation, or run the request. Laravel: ``RequirePassword::handle()``."""
        if self.should_confirm_password(request, password_timeout_seconds):
            app = _app()
            if request.expects_json():
                from protevus.http.response import JsonResponse

                return JsonResponse({"message": "Password confirmation required."}, 423)
            url = app.make("url").route(redirect_to_route or "password.confirm")
            return app.make("redirect").guest(url)
        return next(request)

    def should_confirm_password(
        self, request: t.Any, password_timeout_seconds: str | int | None = None
    ) -> bool:
        """Tell whether the last confirmation is older than the timeout.

        Laravel: ``RequirePassword::shouldConfirmPassword()``.
        """
        try:
            confirmed = int(request.session().get("auth.password_confirmed_at", 0) or 0)
        except (TypeError, ValueError):
            confirmed = 0
        elapsed = int(time.time()) - confirmed
        return elapsed > self._timeout(password_timeout_seconds)

    def _timeout(self, override: str | int | None) -> int:
        if override not in (None, ""):
            return int(override)
        if self.password_timeout is not None:
            return int(self.password_timeout)
        config = _app().make("config")
        return int(config.get("auth.password_timeout", 10800) or 10800)


def _app() -> t.Any:
    from protevus.container.container import Container

    return Container.get_instance()
