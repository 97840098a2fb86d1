"""End sessions whose user changed password elsewhere: the ``auth.session`` middleware.

Laravel: ``Illuminate\\Session\\Middleware\\AuthenticateSession`` (here under
``protevus.auth``: it needs the guards, which sit above the session layer).
"""

from __future__ import annotations

import typing as t

from protevus.auth.auth_manager import AuthManager
from protevus.auth.exceptions import AuthenticationException
from protevus.auth.recaller import Recaller
from protevus.auth.recaller import hash_password_for_cookie
from protevus.auth.recaller import same_secret
from protevus.support.aliases import CamelAliases

_Next = t.Callable[[t.Any], t.Any]


class AuthenticateSession(CamelAliases):
    """Log out a session whose stored password hash no longer matches the user's.

    The session keeps ``password_hash_<guard>``; after the user's password changes
    (``Auth.logout_other_devices(password)`` or a reset), every other session and
    remember-me cookie carries the old hash and is logged out on its next request
    (an :class:`AuthenticationException`: 401 JSON or a redirect to login).

    Laravel: ``Illuminate\\Session\\Middleware\\AuthenticateSession``.
    """

    def __init__(self, auth: AuthManager) -> None:
        self.auth = auth

    def handle(self, request: t.Any, next: _Next) -> t.Any:
        """Check the password hash before and store it after the request.

        Laravel: ``AuthenticateSession::handle()``.
        """
        if not request.has_session() or request.user() is None:
            return next(request)
        user = request.user()
        if not user.get_auth_password():
            return next(request)
        password = hash_password_for_cookie(user.get_auth_password())
        guard = self.guard()
        if guard.via_remember():
            cookie = request.cookies.get(guard.get_recaller_name())
            if not same_secret(Recaller(cookie).hash(), password):
                self.logout(request)
        key = self.session_key()
        session = request.session()
        if not session.has(key):
            self.store_password_hash_in_session(request)
        if not same_secret(session.get(key), password):
            self.logout(request)
        response = next(request)
        if self.guard().user() is not None:
            self.store_password_hash_in_session(request)
        return response

    def session_key(self) -> str:
        """Get the session key of the hash: ``password_hash_<default guard>``."""
        return f"password_hash_{self.auth.get_default_driver()}"

    def store_password_hash_in_session(self, request: t.Any) -> None:
        """Store the user's current hash. Laravel: ``storePasswordHashInSession()``."""
        user = request.user()
        if user is None:
            return
        request.session().put(
            self.session_key(), hash_password_for_cookie(user.get_auth_password())
        )

    def logout(self, request: t.Any) -> None:
        """Log out this device, flush the session and raise. Laravel: ``AuthenticateSession::logout()``."""
        self.guard().logout_current_device()
        request.session().flush()
        raise AuthenticationException(
            "Unauthenticated.",
            [self.auth.get_default_driver()],
            self.redirect_to(request),
        )

    def guard(self) -> t.Any:
        """Get the default guard. Laravel: ``AuthenticateSession::guard()``."""
        return self.auth.guard()

    def redirect_to(self, request: t.Any) -> str | None:
        """Get where the logged-out browser goes (None: the ``login`` route).

        Laravel: ``AuthenticateSession::redirectTo()``.
        """
        return None
