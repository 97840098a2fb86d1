"""Encrypted and hashed casts through the container's 'encrypter' and 'hash' services."""

from __future__ import annotations

import base64
import itertools
import typing as t

import pytest

from protevus.container.container import Container
from protevus.database.eloquent.casts.as_array_object import AsEncryptedArrayObject
from protevus.database.eloquent.casts.as_collection import AsEncryptedCollection
from protevus.database.eloquent.casts.exceptions import MissingCastServiceError
from protevus.database.eloquent.model import Model


class ReversingEncrypter:
    """A stand-in encrypter: a random-looking prefix makes every ciphertext differ."""

    counter = itertools.count()

    def encrypt(self, value: t.Any, serialize: bool = True) -> str:
        nonce = next(self.counter)
        return f"{nonce}:" + base64.b64encode(str(value).encode()).decode()

    def decrypt(self, payload: str, unserialize: bool = True) -> str:
        return base64.b64decode(payload.split(":", 1)[1]).decode()


class PrefixHasher:
    def make(self, value: str) -> str:
        return "$hash$" + value[::-1]

    def is_hashed(self, value: str) -> bool:
        return value.startswith("$hash$")

    def verify_configuration(self, value: str) -> bool:
        return not value.endswith("!")


class Secret(Model):
    table = "secrets"
    guarded: t.ClassVar[list[str]] = []
    casts = {
        "token": "encrypted",
        "data": "encrypted:array",
        "items": "encrypted:collection",
        "info": "encrypted:object",
        "bag": AsEncryptedArrayObject,
        "list": AsEncryptedCollection,
        "password": "hashed",
    }


@pytest.fixture
def services() -> t.Iterator[Container]:
    container = Container.get_instance()
    container.instance("encrypter", ReversingEncrypter())
    container.instance("hash", PrefixHasher())
    yield container


def test_encrypted_casts_store_ciphertext_and_read_plain_values(
    services: Container,
) -> None:
    secret = Secret()
    secret.token = "s3cret"
    secret.data = {"a": [1, "é"]}
    secret.items = ["x"]
    secret.info = {"k": "v"}
    assert "s3cret" not in secret.attributes["token"]
    assert secret.token == "s3cret"
    assert secret.data == {"a": [1, "é"]}
    assert secret.items.all() == ["x"]
    assert secret.info.k == "v"
    assert secret.to_array()["data"] == {"a": [1, "é"]}


def test_encrypted_values_are_clean_when_the_plain_value_is_unchanged(
    services: Container,
) -> None:
    secret = Secret(token="same", data={"a": 1})
    secret.sync_original()
    secret.token = "same"
    secret.data = {"a": 1}
    assert secret.attributes["token"] != secret.get_raw_original("token")
    assert secret.is_clean()
    secret.token = "other"
    assert secret.is_dirty("token")


def test_encrypted_array_object_and_collection(services: Container) -> None:
    secret = Secret(bag={"a": 1}, list=[1])
    secret.sync_original()
    secret.bag["b"] = 2
    secret.list.push(2)
    assert secret.is_dirty("bag", "list")
    raw = secret.get_attributes()
    assert "b" not in raw["bag"]
    fresh = Secret().set_raw_attributes(raw)
    assert fresh.bag == {"a": 1, "b": 2}
    assert fresh.list.all() == [1, 2]


def test_hashed_cast_hashes_once(services: Container) -> None:
    secret = Secret()
    secret.password = "pass"
    assert secret.password == "$hash$ssap"
    secret.password = "$hash$ssap"
    assert secret.password == "$hash$ssap"
    with pytest.raises(RuntimeError, match="verify the hashed value"):
        secret.password = "$hash$bad!"


def test_encrypt_using_overrides_the_container() -> None:
    Secret.encrypt_using(ReversingEncrypter())
    try:
        secret = Secret(token="x")
        assert secret.token == "x"
    finally:
        Secret.encrypt_using(None)


def test_missing_services_raise_clear_errors() -> None:
    with pytest.raises(
        MissingCastServiceError,
        match=r"\[token\].*as encrypted needs the \[encrypter\]",
    ):
        Secret().token = "x"
    with pytest.raises(
        MissingCastServiceError, match=r"as hashed needs the \[hash\] service"
    ):
        Secret().password = "x"


def test_encrypted_values_round_trip_through_the_database(
    schema: t.Any, services: Container
) -> None:
    def columns(table: t.Any) -> None:
        table.id()
        table.text("token").nullable()
        table.text("data").nullable()
        table.string("password").nullable()
        table.timestamps()

    schema.create("secrets", columns)
    secret = Secret.create({"token": "tok", "data": {"ü": [1]}, "password": "pw"})
    fresh = Secret.find(secret.id)
    assert fresh.token == "tok"
    assert fresh.data == {"ü": [1]}
    assert fresh.password == "$hash$wp"
    assert fresh.is_clean()


def test_encrypted_casts_use_the_frameworks_laravel_compatible_encrypter(
    make_app: t.Any,
) -> None:
    # The real 'encrypter' of an application with an APP_KEY (no stand-in).
    key = "base64:" + base64.b64encode(b"k" * 32).decode()
    app = make_app(env=f"APP_KEY={key}\n")
    encrypter = app.make("encrypter")
    secret = Secret(token="s3cret", data={"a": [1, "é"]})
    stored = secret.attributes["token"]
    assert "s3cret" not in stored
    assert encrypter.decrypt_string(stored) == "s3cret"  # Laravel's payload
    assert secret.token == "s3cret" and secret.data == {"a": [1, "é"]}
