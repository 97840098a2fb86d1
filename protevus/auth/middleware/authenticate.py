"""Let only authenticated users through: the ``auth`` (``auth:api,web``) middleware.

Laravel: ``Illuminate\\Auth\\Middleware\\Authenticate``.
"""

from __future__ import annotations

import typing as t

from protevus.auth.auth_manager import AuthManager
from protevus.auth.exceptions import AuthenticationException
from protevus.support.aliases import CamelAliases

_Next = t.Callable[[t.Any], t.Any]
_RedirectCallback = t.Callable[[t.Any], "str | None"]


class Authenticate(CamelAliases):
    """Pass the request on when one of the guards has a user; raise otherwise.

    ``auth`` checks the default guard; ``auth:api,web`` tries ``api`` then ``web``
    and makes the first that has a user the default for the request (so
    ``request.user()`` and ``Auth.user()`` use it). A guest gets
    :class:`~protevus.auth.exceptions.AuthenticationException`: 401 JSON, or a
    redirect to the ``login`` route (or :meth:`redirect_using`'s URL).

    Laravel: ``Illuminate\\Auth\\Middleware\\Authenticate``.
    """

    _redirect_to_callback: t.ClassVar[_RedirectCallback | None] = None

    def __init__(self, auth: AuthManager) -> None:
        self.auth = auth

    @classmethod
    def using(cls, guard: str, *others: str) -> str:
        """Return the middleware string for the guards: ``'auth:api,web'``.

        Laravel: ``Authenticate::using()``.
        """
        return "auth:" + ",".join([guard, *others])

    def handle(self, request: t.Any, next: _Next, *guards: str) -> t.Any:
        """Authenticate with one of ``guards``, then run the request.

        Laravel: ``Authenticate::handle()``.
        """
        self.authenticate(request, list(guards))
        return next(request)

    def authenticate(self, request: t.Any, guards: list[str]) -> None:
        """Use the first guard with a user, or call :meth:`unauthenticated`.

        Laravel: ``Authenticate::authenticate()``.
        """
        names: list[str | None] = list(guards) or [None]
        for name in names:
            if self.auth.guard(name).check():
                self.auth.should_use(name)
                return
        self.unauthenticated(request, names)

    def unauthenticated(self, request: t.Any, guards: list[str | None]) -> None:
        """Raise :class:`AuthenticationException` (with a redirect for browsers).

        Laravel: ``Authenticate::unauthenticated()``.
        """
        raise AuthenticationException(
            "Unauthenticated.",
            guards,
            None if request.expects_json() else self.redirect_to(request),
        )

    def redirect_to(self, request: t.Any) -> str | None:
        """Get where a guest should log in (None: the ``login`` route).

        Laravel: ``Authenticate::redirectTo()``.
        """
        callback = type(self)._redirect_to_callback
        return callback(request) if callback is not None else None

    @classmethod
    def redirect_using(cls, callback: _RedirectCallback | str | None) -> None:
        """Send guests to a URL, or to ``callback(request)``'s URL.

        Laravel: ``Authenticate::redirectUsing()`` (``$middleware->redirectGuestsTo()``).
        """
        if isinstance(callback, str):
            url = callback
            Authenticate._redirect_to_callback = lambda request: url
        else:
            Authenticate._redirect_to_callback = callback
