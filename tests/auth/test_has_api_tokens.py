"""HasApiTokens: create_token, the tokens relation, token_can and the current token."""

from __future__ import annotations

import hashlib
import json
import re
import typing as t
import zlib

import pytest

from protevus.auth.has_api_tokens import HasApiTokens
from protevus.auth.new_access_token import NewAccessToken
from protevus.auth.personal_access_token import PersonalAccessToken
from protevus.auth.transient_token import TransientToken
from protevus.database.eloquent.model import Model


class ApiUser(HasApiTokens, Model):
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


def test_create_token_returns_id_bar_secret(eloquent: t.Any) -> None:
    user = ApiUser.create({"name": "ada"})

    new = user.create_token("cli")

    assert isinstance(new, NewAccessToken)
    assert isinstance(new.access_token, PersonalAccessToken)
    identifier, secret = new.plain_text_token.split("|", 1)
    assert identifier == str(new.access_token.id)
    assert str(new) == new.plain_text_token
    # Sanctum 4: 40 random characters, then their CRC32 (8 hex digits).
    assert re.fullmatch(r"[A-Za-z0-9]{40}[0-9a-f]{8}", secret)
    crc = format(zlib.crc32(secret[:40].encode()) & 0xFFFFFFFF, "08x")
    assert secret[40:] == crc
    assert new.access_token.get_attribute("token") == sha256(secret)


def test_every_secret_is_new(eloquent: t.Any) -> None:
    user = ApiUser.create({"name": "ada"})

    secrets = {user.create_token("t").plain_text_token.split("|")[1] for _ in range(5)}

    assert len(secrets) == 5


def test_defaults_and_given_values(eloquent: t.Any) -> None:
    import datetime as dt

    user = ApiUser.create({"name": "ada"})

    everything = user.create_token("all")
    limited = user.createToken(  # the camelCase twin
        "limited", ["posts:read", "posts:write"], dt.datetime(2031, 5, 6, 7, 8, 9)
    )

    stored = {token.name: token for token in user.tokens().get()}
    assert stored["all"].abilities == ["*"]
    assert stored["all"].expires_at is None
    assert everything.access_token.name == "all"
    assert stored["limited"].abilities == ["posts:read", "posts:write"]
    assert stored["limited"].expires_at.to_date_time_string() == "2031-05-06 07:08:09"
    assert limited.access_token.id == stored["limited"].id


def test_abilities_as_a_string_are_refused(eloquent: t.Any) -> None:
    user = ApiUser.create({"name": "ada"})

    with pytest.raises(TypeError, match=r"\[posts:read\]"):
        user.create_token("cli", "posts:read")
    assert user.tokens().count() == 0


def test_the_token_prefix_comes_from_config(eloquent: t.Any) -> None:
    from protevus.config.repository import Repository
    from protevus.container.container import Container

    Container.get_instance().instance(
        "config", Repository({"sanctum": {"token_prefix": "acme_"}})
    )
    user = ApiUser.create({"name": "ada"})

    new = user.create_token("cli")

    secret = new.plain_text_token.split("|", 1)[1]
    assert secret.startswith("acme_") and len(secret) == 5 + 48
    assert PersonalAccessToken.find_token(new.plain_text_token) is not None


def test_tokens_is_a_morph_many_relation(eloquent: t.Any) -> None:
    ada = ApiUser.create({"name": "ada"})
    bob = ApiUser.create({"name": "bob"})
    ada.create_token("one")
    ada.create_token("two")
    bob.create_token("bob's")

    assert sorted(token.name for token in ada.tokens) == ["one", "two"]
    assert ada.tokens().count() == 2
    assert ada.tokens().where("name", "two").count() == 1
    loaded = ApiUser.with_("tokens").order_by("id").get()
    assert [len(user.tokens) for user in loaded] == [2, 1]
    assert loaded[0].relation_loaded("tokens")


def test_revoking_deletes_rows(eloquent: t.Any) -> None:
    ada = ApiUser.create({"name": "ada"})
    bob = ApiUser.create({"name": "bob"})
    first = ada.create_token("one")
    ada.create_token("two")
    bob.create_token("bob's")

    ada.tokens().where("id", first.access_token.id).delete()
    assert PersonalAccessToken.find_token(first.plain_text_token) is None
    assert ada.tokens().count() == 1

    ada.tokens().delete()
    assert ada.tokens().count() == 0
    assert bob.tokens().count() == 1


def test_token_can_needs_a_current_token(eloquent: t.Any) -> None:
    user = ApiUser.create({"name": "ada"})
    new = user.create_token("cli", ["posts:read"])

    assert user.current_access_token() is None
    assert user.token_can("posts:read") is False
    assert user.token_cant("posts:read") is True

    assert user.with_access_token(new.access_token) is user
    assert user.current_access_token() is new.access_token
    assert user.token_can("posts:read") is True
    assert user.tokenCan("posts:write") is False
    assert user.token_cant("posts:write") is True


def test_the_current_token_is_not_an_attribute(eloquent: t.Any) -> None:
    user = ApiUser.create({"name": "ada"})
    user.with_access_token(user.create_token("cli").access_token)

    user.name = "ada lovelace"
    user.save()

    assert "access_token" not in user.to_array()
    assert "_access_token" not in user.get_attributes()
    assert ApiUser.find(user.id).name == "ada lovelace"


def test_a_transient_token_can_everything(eloquent: t.Any) -> None:
    user = ApiUser.create({"name": "ada"})

    user.with_access_token(TransientToken())

    assert user.token_can("anything") is True
    assert user.token_cant("anything") is False


def test_the_new_token_serialises_without_the_hash(eloquent: t.Any) -> None:
    new = ApiUser.create({"name": "ada"}).create_token("cli", ["read"])

    data = new.to_array()

    assert data["plain_text_token"] == new.plain_text_token
    assert data["access_token"]["name"] == "cli"
    assert "token" not in data["access_token"]
    assert json.loads(new.to_json())["plain_text_token"] == new.plain_text_token
    assert new.plain_text_token.split("|")[1] not in repr(new)


def test_a_custom_token_model(eloquent: t.Any) -> None:
    class CustomUser(HasApiTokens, Model):
        table = "users"
        guarded: t.ClassVar[list[str]] = []
        personal_access_token_model = f"{__name__}.NamedToken"

    user = CustomUser.create({"name": "ada"})

    new = user.create_token("cli")

    assert type(new.access_token) is NamedToken
    assert type(user.tokens().first()) is NamedToken


class NamedToken(PersonalAccessToken):
    pass
