"""Fixtures for the password broker tests: real users and password_reset_tokens tables.

``connection`` (and its ``db_driver`` parametrisation over sqlite/pgsql/mysql) comes
from tests/databases.py (loaded by tests/conftest.py).
``tables`` creates both tables as the skeleton migration does; ``users`` is a
small user provider over the users table (the auth manager's providers are built
in parallel), returning :class:`ResetUser` objects.
"""

from __future__ import annotations

import typing as t

import pytest

from protevus.auth.notifications.notifiable import Notifiable
from protevus.auth.passwords.can_reset_password import CanResetPassword


class ResetUser(CanResetPassword, Notifiable):
    """A user row as an object that can reset its password."""

    def __init__(self, row: t.Mapping[str, t.Any]) -> None:
        self.id = row["id"]
        self.email = row["email"]
        self.password = row["password"]

    def get_key(self) -> t.Any:
        return self.id


class TableUserProvider:
    """Find users by their non-password credentials, as the auth providers do."""

    def __init__(self, connection: t.Any) -> None:
        self.connection = connection

    def retrieve_by_credentials(
        self, credentials: t.Mapping[str, t.Any]
    ) -> ResetUser | None:
        wanted = {k: v for k, v in credentials.items() if "password" not in k}
        if not wanted:
            return None
        query = self.connection.table("users")
        for key, value in wanted.items():
            query = query.where(key, value)
        row = query.first()
        return None if row is None else ResetUser(row)


@pytest.fixture
def tables(connection: t.Any) -> t.Any:
    """Create the users and password_reset_tokens tables; return the connection."""
    schema = connection.get_schema_builder()

    def users(table: t.Any) -> None:
        table.id()
        table.string("name")
        table.string("email").unique()
        table.timestamp("email_verified_at").nullable()
        table.string("password")
        table.remember_token()
        table.timestamps()

    def tokens(table: t.Any) -> None:
        table.string("email").primary()
        table.string("token")
        table.timestamp("created_at").nullable()

    schema.create("users", users)
    schema.create("password_reset_tokens", tokens)
    connection.table("users").insert(
        [
            {"name": "Ada", "email": "ada@example.com", "password": "old-hash"},
            {"name": "Bob", "email": "bob@example.com", "password": "old-hash"},
        ]
    )
    return connection


@pytest.fixture
def hasher() -> t.Any:
    """Return a bcrypt hasher with the cheapest cost (BCRYPT_ROUNDS=4)."""
    from protevus.hashing.bcrypt_hasher import BcryptHasher

    return BcryptHasher({"rounds": 4})


@pytest.fixture
def users(tables: t.Any) -> TableUserProvider:
    """Return the user provider over the users table."""
    return TableUserProvider(tables)


@pytest.fixture
def frozen_now() -> t.Iterator[t.Callable[[t.Any], None]]:
    """Return a setter of Carbon's test time; the real clock comes back afterwards."""
    from protevus.support.carbon import Carbon

    def freeze(moment: t.Any) -> None:
        Carbon.set_test_now(moment)

    yield freeze
    Carbon.set_test_now(None)
