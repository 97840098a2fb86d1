"""HashManager and HashServiceProvider: drivers from config, forwarding, the Hash facade."""

from __future__ import annotations

import typing as t

import pytest

from protevus.config.repository import Repository
from protevus.container.container import Container
from protevus.exceptions import InvalidArgumentError
from protevus.hashing.argon2id_hasher import Argon2IdHasher
from protevus.hashing.argon_hasher import ArgonHasher
from protevus.hashing.bcrypt_hasher import BcryptHasher
from protevus.hashing.hash_manager import HashManager
from protevus.hashing.hash_service_provider import HashServiceProvider
from protevus.support.facades.hash import Hash

ARGON = {"memory": 1024, "time": 1, "threads": 1, "verify": True}


def manager(**hashing: t.Any) -> HashManager:
    container = Container()
    config = {"bcrypt": {"rounds": 4, "verify": True}, "argon": ARGON, **hashing}
    container.instance("config", Repository({"hashing": config}))
    return HashManager(container)


def test_bcrypt_is_the_default_driver() -> None:
    hash_ = manager()
    assert hash_.get_default_driver() == "bcrypt"
    assert isinstance(hash_.driver(), BcryptHasher)
    assert hash_.driver() is hash_.driver("bcrypt")
    hashed = hash_.make("secret")
    assert hashed.startswith("$2y$04$")
    assert hash_.check("secret", hashed) and not hash_.check("nope", hashed)
    assert not hash_.needs_rehash(hashed)
    assert hash_.needs_rehash(hashed, rounds=5)
    assert hash_.info(hashed)["options"] == {"cost": 4}


@pytest.mark.parametrize(
    ("driver", "cls", "prefix"),
    [
        ("argon", ArgonHasher, "$argon2i$v=19$m=1024,t=1,p=1$"),
        ("argon2id", Argon2IdHasher, "$argon2id$v=19$m=1024,t=1,p=1$"),
    ],
)
def test_argon_drivers_read_the_argon_config(
    driver: str, cls: type[ArgonHasher], prefix: str
) -> None:
    hash_ = manager(driver=driver)
    assert type(hash_.driver()) is cls
    hashed = hash_.make("secret")
    assert hashed.startswith(prefix)
    assert hash_.check("secret", hashed)
    assert hash_.needs_rehash(hashed, memory=2048)


def test_is_hashed_recognises_bcrypt_and_argon_hashes() -> None:
    hash_ = manager()
    assert hash_.is_hashed(hash_.make("x"))
    assert hash_.isHashed(hash_.driver("argon2id").make("x"))
    assert not hash_.is_hashed("x")
    assert not hash_.is_hashed("$2y$04$short")


def test_verify_configuration_uses_the_default_driver() -> None:
    hash_ = manager()
    assert hash_.verify_configuration(hash_.make("x"))
    assert not hash_.verify_configuration(hash_.make("x", rounds=5))
    assert not hash_.verifyConfiguration(hash_.driver("argon2id").make("x"))


def test_extend_adds_a_driver() -> None:
    class Reverse:
        def make(self, value: str, options: t.Any = None) -> str:
            return value[::-1]

    hash_ = manager(driver="reverse")
    hash_.extend("reverse", lambda container: Reverse())
    assert hash_.make("abc") == "cba"
    assert hash_.verify_configuration("anything")  # no check on this driver


def test_an_unknown_driver_is_a_clear_error() -> None:
    with pytest.raises(InvalidArgumentError, match=r"Driver \[md5\] not supported"):
        manager().driver("md5")


def test_the_provider_binds_hash_and_the_facade_reads_env(make_app: t.Any) -> None:
    app = make_app(env="BCRYPT_ROUNDS=4\n")
    app.register(HashServiceProvider)
    assert isinstance(app.make("hash"), HashManager)
    assert app.make(HashManager) is app.make("hash")
    assert app.make("hash.driver") is app.make("hash").driver()
    hashed = Hash.make("secret")
    assert hashed.startswith("$2y$04$")
    assert Hash.check("secret", hashed)
    assert not Hash.needs_rehash(hashed)
    assert Hash.info(hashed)["algoName"] == "bcrypt"
    assert Hash.is_hashed(hashed)


def test_hash_driver_env_picks_argon2id(make_app: t.Any) -> None:
    env = "HASH_DRIVER=argon2id\nARGON_MEMORY=1024\nARGON_TIME=1\nARGON_THREADS=1\n"
    app = make_app(env=env, providers=[HashServiceProvider])
    hashed = app.make("hash").make("secret")
    assert hashed.startswith("$argon2id$v=19$m=1024,t=1,p=1$")
    with pytest.raises(RuntimeError, match="does not use the Argon2id algorithm"):
        Hash.check("secret", Hash.driver("bcrypt").make("secret", rounds=4))


def test_hash_verify_env_turns_the_algorithm_check_off(make_app: t.Any) -> None:
    app = make_app(env="HASH_VERIFY=false\nBCRYPT_ROUNDS=4\n")
    app.register(HashServiceProvider)
    assert Hash.check("x", "plain") is False


def test_the_provider_is_deferred(make_app: t.Any) -> None:
    app = make_app(providers=[HashServiceProvider])
    assert app.is_deferred_service("hash")
    assert app.bound("hash")
    assert not app.provider_is_loaded(HashServiceProvider)
    assert app.make("hash").get_default_driver() == "bcrypt"
    assert app.provider_is_loaded(HashServiceProvider)
    assert app.make("hash").driver().rounds == 12  # BCRYPT_ROUNDS unset
