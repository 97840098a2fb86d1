"""The user the ``database`` provider returns: a row's columns behind the Authenticatable API.

Laravel: ``Illuminate\\Auth\\GenericUser``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class GenericUser(CamelAliases):
    """Wrap a ``users`` row; columns read as attributes or items (``user.email``).

    Laravel: ``Illuminate\\Auth\\GenericUser``.
    """

    #: the id column. Laravel: ``getAuthIdentifierName()`` returns ``'id'``.
    identifier_name: t.ClassVar[str] = "id"
    #: the password column. Laravel: ``$authPasswordName``.
    auth_password_name: t.ClassVar[str] = "password"
    #: the remember-token column. Laravel: ``$rememberTokenName``.
    remember_token_name: t.ClassVar[str] = "remember_token"

    def __init__(self, attributes: t.Mapping[str, t.Any]) -> None:
        object.__setattr__(self, "attributes", dict(attributes))

    def get_auth_identifier_name(self) -> str:
        """Get the id column's name. Laravel: ``GenericUser::getAuthIdentifierName()``."""
        return self.identifier_name

    def get_auth_identifier(self) -> t.Any:
        """Get the id. Laravel: ``GenericUser::getAuthIdentifier()``."""
        return self.attributes.get(self.get_auth_identifier_name())

    def get_auth_password_name(self) -> str:
        """Get the password column's name. Laravel: ``getAuthPasswordName()``."""
        return self.auth_password_name

    def get_auth_password(self) -> t.Any:
        """Get the password hash. Laravel: ``GenericUser::getAuthPassword()``."""
        return self.attributes.get(self.get_auth_password_name())

    def get_remember_token(self) -> t.Any:
        """Get the remember token. Laravel: ``GenericUser::getRememberToken()``."""
        return self.attributes.get(self.get_remember_token_name())

    def set_remember_token(self, value: str) -> None:
        """Set the remember token. Laravel: ``GenericUser::setRememberToken()``."""
        self.attributes[self.get_remember_token_name()] = value

    def get_remember_token_name(self) -> str:
        """Get the remember-token column's name. Laravel: ``getRememberTokenName()``."""
        return self.remember_token_name

    def __getattr__(self, name: str) -> t.Any:
        attributes = self.__dict__.get("attributes", {})
        if name in attributes:
            return attributes[name]
        raise AttributeError(f"[{type(self).__name__}] has no attribute [{name}]")

    def __setattr__(self, name: str, value: t.Any) -> None:
        self.attributes[name] = value

    def __getitem__(self, key: str) -> t.Any:
        return self.attributes[key]

    def __setitem__(self, key: str, value: t.Any) -> None:
        self.attributes[key] = value

    def __contains__(self, key: object) -> bool:
        return key in self.attributes

    def __repr__(self) -> str:
        return f"<{type(self).__name__} id={self.get_auth_identifier()!r}>"
