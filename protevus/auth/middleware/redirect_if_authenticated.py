"""Send logged-in users away from guest pages: the ``guest`` middleware.

Laravel: ``Illuminate\\Auth\\Middleware\\RedirectIfAuthenticated``.
"""

from __future__ import annotations

import typing as t

from protevus.auth.auth_manager import AuthManager
from protevus.support.aliases import CamelAliases

_Next = t.Callable[[t.Any], t.Any]
_RedirectCallback = t.Callable[[t.Any], str]


class RedirectIfAuthenticated(CamelAliases):
    """Redirect a request made by an authenticated user (``guest``, ``guest:admin``).

    The target is :meth:`redirect_using`'s URL, else the ``dashboard`` or ``home``
    route, else a ``GET /dashboard`` or ``GET /home`` route, else ``/``.

    Laravel: ``Illuminate\\Auth\\Middleware\\RedirectIfAuthenticated``.
    """

    _redirect_to_callback: t.ClassVar[_RedirectCallback | None] = None

    def __init__(self, auth: AuthManager) -> None:
        self.auth = auth

    def handle(self, request: t.Any, next: _Next, *guards: str) -> t.Any:
        """Redirect when a guard has a user; run the request otherwise.

        Laravel: ``RedirectIfAuthenticated::handle()``.
        """
        names: list[str | None] = list(guards) or [None]
        for name in names:
            if self.auth.guard(name).check():
                return self._app().make("redirect").to(self.redirect_to(request))
        return next(request)

    def redirect_to(self, request: t.Any) -> str:
        """Get the URL users are sent to. Laravel: ``RedirectIfAuthenticated::redirectTo()``."""
        callback = type(self)._redirect_to_callback
        if callback is not None:
            return callback(request)
        return self.default_redirect_uri()

    def default_redirect_uri(self) -> str:
        """Find the ``dashboard``/``home`` route or path, else ``/``.

        Laravel: ``RedirectIfAuthenticated::defaultRedirectUri()``.
        """
        app = self._app()
        router = app.make("router")
        for name in ("dashboard", "home"):
            if router.has(name):
                return str(app.make("url").route(name))
        uris = {
            str(route.uri()).strip("/")
            for route in router.get_routes()
            if "GET" in route.methods()
        }
        for name in ("dashboard", "home"):
            if name in uris:
                return f"/{name}"
        return "/"

    @classmethod
    def redirect_using(cls, callback: _RedirectCallback | str | None) -> None:
        """Send users to a URL, or to ``callback(request)``'s URL.

        Laravel: ``RedirectIfAuthenticated::redirectUsing()`` (``redirectUsersTo()``).
        """
        if isinstance(callback, str):
            url = callback
            RedirectIfAuthenticated._redirect_to_callback = lambda request: url
        else:
            RedirectIfAuthenticated._redirect_to_callback = callback

    def _app(self) -> t.Any:
        from protevus.container.container import Container

        return Container.get_instance()
