"""Tests for the provider that registers the ``'encrypter'`` service."""

from __future__ import annotations

import base64
import typing as t

import pytest

from protevus.encryption.encrypter import Encrypter
from protevus.encryption.encryption_service_provider import EncryptionServiceProvider
from protevus.encryption.exceptions import DecryptError
from protevus.encryption.exceptions import MissingAppKeyError
from protevus.encryption.exceptions import UnsupportedCipherError

KEY = bytes(range(32))
OLD = bytes(range(100, 132))
APP_KEY = "base64:" + base64.b64encode(KEY).decode()
OLD_KEY = "base64:" + base64.b64encode(OLD).decode()


def test_encrypter_is_a_singleton_built_from_app_key(make_app: t.Any) -> None:
    app = make_app(env=f"APP_KEY={APP_KEY}\n", providers=[EncryptionServiceProvider])
    encrypter = app.make("encrypter")
    assert isinstance(encrypter, Encrypter)
    assert encrypter is app.make("encrypter")
    assert app.make(Encrypter) is encrypter
    assert encrypter.get_key() == KEY
    assert encrypter.get_cipher() == "aes-256-cbc"
    assert encrypter.get_previous_keys() == []
    assert encrypter.decrypt(encrypter.encrypt({"a": 1})) == {"a": 1}


def test_previous_keys_come_from_env(make_app: t.Any) -> None:
    app = make_app(
        env=f"APP_KEY={APP_KEY}\nAPP_PREVIOUS_KEYS={OLD_KEY},{'z' * 32}\n",
        providers=[EncryptionServiceProvider],
    )
    encrypter = app.make("encrypter")
    assert encrypter.get_previous_keys() == [OLD, b"z" * 32]
    assert encrypter.decrypt(Encrypter(OLD).encrypt("old")) == "old"
    with pytest.raises(DecryptError):
        encrypter.decrypt(Encrypter(b"y" * 32).encrypt("stranger"))


def test_cipher_comes_from_config(make_app: t.Any) -> None:
    app = make_app(
        env="APP_KEY=" + "k" * 16 + "\n",
        config={
            "app": """
                from protevus.config.env import env
                config = {"key": env("APP_KEY"), "cipher": "aes-128-gcm"}
            """
        },
        providers=[EncryptionServiceProvider],
    )
    encrypter = app.make("encrypter")
    assert encrypter.get_cipher() == "aes-128-gcm"
    assert encrypter.get_key() == b"k" * 16
    assert encrypter.decrypt_string(encrypter.encrypt_string("x")) == "x"


def test_missing_app_key_fails_only_when_resolved(make_app: t.Any) -> None:
    app = make_app(env="APP_KEY=\n", providers=[EncryptionServiceProvider])
    with pytest.raises(
        MissingAppKeyError, match='Run "python artisan.py key:generate"'
    ):
        app.make("encrypter")


def test_key_of_the_wrong_length_is_reported(make_app: t.Any) -> None:
    app = make_app(env="APP_KEY=too-short\n", providers=[EncryptionServiceProvider])
    with pytest.raises(UnsupportedCipherError, match=r"\[9 bytes\]"):
        app.make("encrypter")
