"""Find users in a table with the query builder; return them as :class:`GenericUser`.

Laravel: ``Illuminate\\Auth\\DatabaseUserProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.auth.eloquent_user_provider import apply_conditions
from protevus.auth.eloquent_user_provider import credential_conditions
from protevus.auth.eloquent_user_provider import validate_password
from protevus.auth.generic_user import GenericUser
from protevus.auth.recaller import same_secret
from protevus.support.aliases import CamelAliases

_Credentials = t.Mapping[str, t.Any]


class DatabaseUserProvider(CamelAliases):
    """Serve the ``database`` provider: ``{'driver': 'database', 'table': 'users'}``.

    Laravel: ``Illuminate\\Auth\\DatabaseUserProvider``.
    """

    def __init__(self, connection: t.Any, hasher: t.Any, table: str) -> None:
        self.connection = connection
        self.hasher = hasher
        self.table = table

    def retrieve_by_id(self, identifier: t.Any) -> GenericUser | None:
        """Get the user with this id, or None. Laravel: ``retrieveById()``."""
        row = self.connection.table(self.table).where("id", identifier).first()
        return self.get_generic_user(row)

    def retrieve_by_token(self, identifier: t.Any, token: t.Any) -> GenericUser | None:
        """Get the user with this id and remember token, or None. Laravel: ``retrieveByToken()``."""
        user = self.retrieve_by_id(identifier)
        if user is None:
            return None
        return user if same_secret(user.get_remember_token(), token) else None

    def update_remember_token(self, user: t.Any, token: str) -> None:
        """Store a new remember token. Laravel: ``DatabaseUserProvider::updateRememberToken()``."""
        self.connection.table(self.table).where(
            user.get_auth_identifier_name(), user.get_auth_identifier()
        ).update({user.get_remember_token_name(): token})
        user.set_remember_token(token)

    def retrieve_by_credentials(self, credentials: _Credentials) -> GenericUser | None:
        """Get the first user matching the credentials, the password left out.

        Laravel: ``DatabaseUserProvider::retrieveByCredentials()``.
        """
        conditions = credential_conditions(credentials)
        if not conditions:
            return None
        query = apply_conditions(self.connection.table(self.table), conditions)
        return self.get_generic_user(query.first())

    def get_generic_user(self, row: t.Any) -> GenericUser | None:
        """Wrap a row (None stays None). Laravel: ``DatabaseUserProvider::getGenericUser()``."""
        return GenericUser(dict(row)) if row is not None else None

    def validate_credentials(self, user: t.Any, credentials: _Credentials) -> bool:
        """Check ``credentials['password']`` against the user's hash. Laravel: ``validateCredentials()``."""
        return validate_password(self.hasher, user, credentials)

    def rehash_password_if_required(
        self, user: t.Any, credentials: _Credentials, force: bool = False
    ) -> None:
        """Store a new hash when the hashing options changed (or ``force``).

        Laravel: ``DatabaseUserProvider::rehashPasswordIfRequired()``.
        """
        if not self.hasher.needs_rehash(user.get_auth_password()) and not force:
            return
        hashed = self.hasher.make(credentials["password"])
        self.connection.table(self.table).where(
            user.get_auth_identifier_name(), user.get_auth_identifier()
        ).update({user.get_auth_password_name(): hashed})
        user[user.get_auth_password_name()] = hashed
