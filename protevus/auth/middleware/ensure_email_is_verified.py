"""Keep users with an unverified email address out of a route (the ``verified`` alias).

Laravel: ``Illuminate\\Auth\\Middleware\\EnsureEmailIsVerified``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

_Next = t.Callable[[t.Any], t.Any]


class EnsureEmailIsVerified(CamelAliases):
    """Let verified users through; send the others to ``verification.notice``.

    A JSON request gets 403 ``Your email address is not verified.``; an HTML
    request is redirected (the URL is remembered as intended). A guest is
    treated as unverified. ``verified:my.route`` names another notice route.

    Laravel: ``Illuminate\\Auth\\Middleware\\EnsureEmailIsVerified``.
    """

    def __init__(self, app: t.Any = None) -> None:
        self.app = app

    @classmethod
    def redirect_to(cls, route: str) -> str:
        """Return the middleware string redirecting to ``route``.

        Laravel: ``EnsureEmailIsVerified::redirectTo()``.
        """
        return f"verified:{route}"

    def handle(
        self, request: t.Any, next: _Next, redirect_to_route: str | None = None
    ) -> t.Any:
        """Check the user's address, then pass the request on.

        Laravel: ``EnsureEmailIsVerified::handle()``.
        """
        user = request.user()
        if user is None or _unverified(user):
            if request.expects_json():
                from protevus.http.exceptions import abort

                abort(403, "Your email address is not verified.")
            redirector = self._app().make("redirect")
            url = (
                self._app()
                .make("url")
                .route(redirect_to_route or "verification.notice")
            )
            return redirector.guest(url)
        return next(request)

    def _app(self) -> t.Any:
        if self.app is not None:
            return self.app
        from protevus.container.container import Container

        return Container.get_instance()


def _unverified(user: t.Any) -> bool:
    check = getattr(type(user), "has_verified_email", None)
    return callable(check) and not user.has_verified_email()
