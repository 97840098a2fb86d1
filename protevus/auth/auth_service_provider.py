"""Register the authentication manager as the ``'auth'`` service.

Laravel: ``Illuminate\\Auth\\AuthServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.auth.auth_manager import AuthManager


class AuthServiceProvider(ServiceProvider):
    """Bind ``'auth'`` (one :class:`AuthManager`) and ``'auth.driver'`` (the current default guard).

    ``'auth.driver'`` is resolved on every ``make()``: guards belong to one request,
    so a guard kept from an earlier request would show its user to the next one.

    Laravel: ``Illuminate\\Auth\\AuthServiceProvider``.
    """

    def register(self) -> None:
        """Register the auth services. Laravel: ``AuthServiceProvider::register()``."""
        self.app.singleton("auth", _make_manager)
        self.app.alias_class("auth", "protevus.auth.auth_manager.AuthManager")
        self.app.bind("auth.driver", _current_guard)


def _make_manager(app: t.Any) -> AuthManager:
    from protevus.auth.auth_manager import AuthManager

    return AuthManager(app)


def _current_guard(app: t.Any) -> t.Any:
    return app.make("auth").guard()
