"""Let a model be logged in: its id, password hash and remember token.

Laravel: ``Illuminate\\Auth\\Authenticatable`` (the trait of the
``Illuminate\\Contracts\\Auth\\Authenticatable`` contract).
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class Authenticatable(CamelAliases):
    """Mix the guard-facing API into a model (``protevus.auth.User`` includes it)::

        class Admin(Authenticatable, Model):
            auth_password_name = 'secret'

    Laravel: ``Illuminate\\Auth\\Authenticatable``.
    """

    __slots__ = ()

    #: the password column. Laravel: ``$authPasswordName``.
    auth_password_name: t.ClassVar[str] = "password"
    #: the remember-token column (empty: remember-me is off). Laravel: ``$rememberTokenName``.
    remember_token_name: t.ClassVar[str] = "remember_token"

    def get_auth_identifier_name(self) -> str:
        """Get the id column's name (the primary key). Laravel: ``getAuthIdentifierName()``."""
        return str(t.cast(t.Any, self).get_key_name())

    def get_auth_identifier(self) -> t.Any:
        """Get the id. Laravel: ``Authenticatable::getAuthIdentifier()``."""
        return t.cast(t.Any, self).get_attribute(self.get_auth_identifier_name())

    def get_auth_identifier_for_broadcasting(self) -> t.Any:
        """Get the id used by broadcasting. Laravel: ``getAuthIdentifierForBroadcasting()``."""
        return self.get_auth_identifier()

    def get_auth_password_name(self) -> str:
        """Get the password column's name. Laravel: ``getAuthPasswordName()``."""
        return self.auth_password_name

    def get_auth_password(self) -> t.Any:
        """Get the password hash. Laravel: ``Authenticatable::getAuthPassword()``."""
        return t.cast(t.Any, self).get_attribute(self.get_auth_password_name())

    def get_remember_token(self) -> t.Any:
        """Get the remember token (None without a column). Laravel: ``getRememberToken()``."""
        name = self.get_remember_token_name()
        if not name:
            return None
        return t.cast(t.Any, self).get_attributes().get(name)

    def set_remember_token(self, value: str) -> None:
        """Set the remember token. Laravel: ``Authenticatable::setRememberToken()``."""
        name = self.get_remember_token_name()
        if name:
            t.cast(t.Any, self).set_attribute(name, value)

    def get_remember_token_name(self) -> str:
        """Get the remember-token column's name. Laravel: ``getRememberTokenName()``."""
        return self.remember_token_name
