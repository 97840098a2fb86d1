"""PersonalAccessToken: hashed storage, find_token (``id|secret`` and bare), abilities, owner."""

from __future__ import annotations

import hashlib
import typing as t

import pytest

from protevus.auth.has_api_tokens import HasApiTokens
from protevus.auth.personal_access_token import PersonalAccessToken
from protevus.database.eloquent.model import Model


class PatUser(HasApiTokens, Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []


def users_table(table: t.Any) -> None:
    table.id()
    table.string("name")
    table.timestamps()


def tokens_table(table: t.Any) -> None:
    table.id()
    table.morphs("tokenable")
    table.text("name")
    table.string("token", 64).unique()
    table.text("abilities").nullable()
    table.timestamp("last_used_at").nullable()
    table.timestamp("expires_at").nullable().index()
    table.timestamps()


@pytest.fixture
def eloquent(db: t.Any) -> t.Iterator[t.Any]:
    previous = Model.get_connection_resolver()
    Model.set_connection_resolver(db)
    Model.clear_booted_models()
    schema = db.connection().get_schema_builder()
    schema.create("users", users_table)
    schema.create("personal_access_tokens", tokens_table)
    try:
        yield db
    finally:
        Model.clear_booted_models()
        Model.set_connection_resolver(previous)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_the_table_holds_only_the_sha256_of_the_secret(eloquent: t.Any) -> None:
    user = PatUser.create({"name": "ada"})

    new = user.create_token("cli")
    identifier, secret = new.plain_text_token.split("|", 1)

    rows = eloquent.table("personal_access_tokens").get()
    assert len(rows) == 1
    row = dict(rows[0])
    assert str(row["id"]) == identifier
    assert row["token"] == sha256(secret)
    assert all(secret not in str(value) for value in row.values())
    assert row["tokenable_type"] == PatUser.class_path()
    assert int(row["tokenable_id"]) == user.id


def test_find_token_with_the_id_prefix(eloquent: t.Any) -> None:
    user = PatUser.create({"name": "ada"})
    new = user.create_token("cli")

    found = PersonalAccessToken.find_token(new.plain_text_token)

    assert found is not None
    assert found.id == new.access_token.id
    assert found.name == "cli"


def test_find_token_without_the_id_prefix_looks_up_the_hash(eloquent: t.Any) -> None:
    user = PatUser.create({"name": "ada"})
    new = user.create_token("cli")
    secret = new.plain_text_token.split("|", 1)[1]

    found = PersonalAccessToken.findToken(secret)  # the camelCase twin

    assert found is not None and found.id == new.access_token.id


def test_the_right_id_with_a_wrong_secret_finds_nothing(eloquent: t.Any) -> None:
    user = PatUser.create({"name": "ada"})
    new = user.create_token("cli")
    other = user.create_token("other")
    identifier = new.plain_text_token.split("|", 1)[0]
    other_secret = other.plain_text_token.split("|", 1)[1]

    assert PersonalAccessToken.find_token(f"{identifier}|{other_secret}") is None
    assert PersonalAccessToken.find_token(f"{identifier}|wrong") is None
    # The hash of the secret is not a secret: it never authenticates.
    stored = new.access_token.get_attribute("token")
    assert PersonalAccessToken.find_token(f"{identifier}|{stored}") is None
    assert PersonalAccessToken.find_token(stored) is None


@pytest.mark.parametrize(
    "token",
    [
        "",
        None,
        "|",
        "1|",
        "|secret",
        "abc|secret",
        "1 or 1=1|secret",
        "-1|secret",
        "１|secret",  # a full-width digit is not an id
        "999999|secret",
        "9" * 30 + "|secret",  # past BIGINT: never reaches the server
        "not-a-token",
    ],
)
def test_malformed_or_unknown_tokens_find_nothing(
    eloquent: t.Any, token: t.Any
) -> None:
    PatUser.create({"name": "ada"}).create_token("cli")

    assert PersonalAccessToken.find_token(token) is None


@pytest.mark.parametrize(
    ("abilities", "ability", "expected"),
    [
        (["*"], "anything", True),
        (["posts:read"], "posts:read", True),
        (["posts:read"], "posts:write", False),
        (["posts:read", "posts:write"], "posts:write", True),
        ([], "posts:read", False),
    ],
)
def test_can_and_cant(
    eloquent: t.Any, abilities: list[str], ability: str, expected: bool
) -> None:
    user = PatUser.create({"name": "ada"})
    user.create_token("cli", abilities)

    token = PersonalAccessToken.query().first()

    assert token.abilities == abilities
    assert token.can(ability) is expected
    assert token.cant(ability) is not expected


def test_a_token_without_abilities_can_nothing(eloquent: t.Any) -> None:
    token = PersonalAccessToken({"abilities": None})

    assert token.can("*") is False
    assert token.cant("read") is True


def test_tokenable_is_the_owner(eloquent: t.Any) -> None:
    ada = PatUser.create({"name": "ada"})
    PatUser.create({"name": "bob"}).create_token("bob's")
    new = ada.create_token("cli")

    token = PersonalAccessToken.find_token(new.plain_text_token)

    assert token is not None
    assert isinstance(token.tokenable, PatUser)
    assert token.tokenable.name == "ada"


def test_the_hash_is_hidden_from_arrays_and_json(eloquent: t.Any) -> None:
    new = PatUser.create({"name": "ada"}).create_token("cli", ["read"])

    token = PersonalAccessToken.find_token(new.plain_text_token)

    assert token is not None
    assert "token" not in token.to_array()
    assert token.get_attribute("token") not in token.to_json()
    assert token.to_array()["abilities"] == ["read"]


def test_dates_are_cast(eloquent: t.Any) -> None:
    import datetime as dt

    expires = dt.datetime(2030, 1, 2, 3, 4, 5)
    new = PatUser.create({"name": "ada"}).create_token("cli", expires_at=expires)

    token = PersonalAccessToken.find_token(new.plain_text_token)

    assert token is not None
    assert token.expires_at.year == 2030
    assert token.expires_at.to_date_time_string() == "2030-01-02 03:04:05"
    assert token.last_used_at is None
