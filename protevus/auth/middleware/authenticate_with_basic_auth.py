"""Log in with HTTP basic credentials: the ``auth.basic`` middleware.

Laravel: ``Illuminate\\Auth\\Middleware\\AuthenticateWithBasicAuth``.
"""

from __future__ import annotations

import typing as t

from protevus.auth.auth_manager import AuthManager
from protevus.support.aliases import CamelAliases

_Next = t.Callable[[t.Any], t.Any]


class AuthenticateWithBasicAuth(CamelAliases):
    """Authenticate with the ``Authorization: Basic`` header, or answer 401.

    ``auth.basic`` uses the default guard and the ``email`` field;
    ``auth.basic:web,username`` names both. A failure is a 401 with
    ``WWW-Authenticate: Basic``. The guard logs the user into the session, as
    Laravel does; use ``Auth.once_basic()`` in your own middleware for a stateless
    check.

    Laravel: ``Illuminate\\Auth\\Middleware\\AuthenticateWithBasicAuth``.
    """

    def __init__(self, auth: AuthManager) -> None:
        self.auth = auth

    @classmethod
    def using(cls, guard: str | None = None, field: str | None = None) -> str:
        """Return the middleware string: ``'auth.basic:web,username'``.

        Laravel: ``AuthenticateWithBasicAuth::using()``.
        """
        return "auth.basic:" + ",".join(part or "" for part in (guard, field)).rstrip(
            ","
        )

    def handle(
        self,
        request: t.Any,
        next: _Next,
        guard: str | None = None,
        field: str | None = None,
    ) -> t.Any:
        """Authenticate, then run the request. Laravel: ``AuthenticateWithBasicAuth::handle()``."""
        self.auth.guard(guard or None).basic(field or "email")
        return next(request)
