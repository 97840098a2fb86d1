"""The part of every guard that only needs ``user()``: check, guest, id, authenticate.

Laravel: ``Illuminate\\Auth\\GuardHelpers``.
"""

from __future__ import annotations

import typing as t

from protevus.auth.exceptions import AuthenticationException
from protevus.support.aliases import CamelAliases


class GuardHelpers(CamelAliases):
    """Answer ``check()``, ``guest()``, ``id()`` and ``authenticate()`` from ``user()``.

    A guard using it sets ``self._user`` and ``self.provider`` and defines ``user()``.

    Laravel: ``Illuminate\\Auth\\GuardHelpers``.
    """

    _user: t.Any = None
    provider: t.Any = None

    def user(self) -> t.Any:
        """Get the authenticated user, or None (guards define it). Laravel: ``Guard::user()``."""
        raise NotImplementedError(f"Guard [{type(self).__name__}] must define user().")

    def authenticate(self) -> t.Any:
        """Get the user, or raise :class:`AuthenticationException`.

        Laravel: ``GuardHelpers::authenticate()``.
        """
        user = self.user()
        if user is None:
            raise AuthenticationException()
        return user

    def has_user(self) -> bool:
        """Tell whether a user was already found or set (without looking one up).

        Laravel: ``GuardHelpers::hasUser()``.
        """
        return self._user is not None

    def check(self) -> bool:
        """Tell whether a user is authenticated. Laravel: ``GuardHelpers::check()``."""
        return self.user() is not None

    def guest(self) -> bool:
        """Tell whether nobody is authenticated. Laravel: ``GuardHelpers::guest()``."""
        return not self.check()

    def id(self) -> t.Any:
        """Get the authenticated user's id, or None. Laravel: ``GuardHelpers::id()``."""
        user = self.user()
        return user.get_auth_identifier() if user is not None else None

    def set_user(self, user: t.Any) -> t.Any:
        """Use ``user`` for the rest of the request. Laravel: ``GuardHelpers::setUser()``."""
        self._user = user
        return self

    def forget_user(self) -> t.Any:
        """Forget the user found so far. Laravel: ``GuardHelpers::forgetUser()``."""
        self._user = None
        return self

    def get_provider(self) -> t.Any:
        """Get the user provider. Laravel: ``GuardHelpers::getProvider()``."""
        return self.provider

    def set_provider(self, provider: t.Any) -> None:
        """Set the user provider. Laravel: ``GuardHelpers::setProvider()``."""
        self.provider = provider
