"""The ``hashed`` model cast with the framework's real hasher, on SQLite."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.database.database_service_provider import DatabaseServiceProvider
from protevus.database.eloquent.model import Model
from protevus.hashing.hash_service_provider import HashServiceProvider
from protevus.support.facades.hash import Hash

#: Laravel's skeleton UserFactory hash of ``password`` (cost 10), see test_bcrypt_hasher.
LARAVEL_FACTORY_HASH = "$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi"


class HashedUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    casts = {"password": "hashed"}


@pytest.fixture
def app(make_app: t.Any, tmp_path: Path) -> t.Iterator[t.Any]:
    database = tmp_path / "database.sqlite"
    database.touch()
    source = (
        "config = {'default': 'sqlite', 'connections': {'sqlite': "
        f"{{'driver': 'sqlite', 'database': {str(database)!r}, 'prefix': ''}}}}}}\n"
    )
    previous = Model.get_connection_resolver()
    application = make_app(
        env="BCRYPT_ROUNDS=4\n",
        config={"database": source},
        providers=[DatabaseServiceProvider],
    )
    application.register(HashServiceProvider)

    def columns(table: t.Any) -> None:
        table.id()
        table.string("email")
        table.string("password")
        table.timestamps()

    application.make("schema").create("users", columns)
    try:
        yield application
    finally:
        application.make("db").disconnect()
        Model.clear_booted_models()
        Model.set_connection_resolver(previous)


def test_a_plain_password_is_stored_as_a_bcrypt_hash(app: t.Any) -> None:
    user = HashedUser.create({"email": "a@example.com", "password": "secret"})
    stored = app.make("db").table("users").where("id", user.id).value("password")
    assert stored.startswith("$2y$04$")
    assert stored == user.password
    assert Hash.check("secret", stored)
    assert not Hash.check("wrong", stored)
    assert Hash.check("secret", HashedUser.find(user.id).password)


def test_an_existing_hash_is_kept(app: t.Any) -> None:
    hashed = Hash.make("secret")
    user = HashedUser.create({"email": "b@example.com", "password": hashed})
    assert HashedUser.find(user.id).password == hashed


def test_a_hash_costlier_than_configured_is_refused(app: t.Any) -> None:
    # Laravel refuses a ready-made hash the app could not make itself: here
    # cost 10 while BCRYPT_ROUNDS is 4.
    user = HashedUser(email="c@example.com")
    with pytest.raises(RuntimeError, match=r"verify the hashed value.*\[password\]"):
        user.password = LARAVEL_FACTORY_HASH


def test_none_stays_none(app: t.Any) -> None:
    user = HashedUser(email="d@example.com")
    user.password = None
    assert user.password is None
