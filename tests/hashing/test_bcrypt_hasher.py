"""BcryptHasher: PHP-compatible ``$2y$`` hashes, costs, rehash checks and limits."""

from __future__ import annotations

import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.hashing.argon2id_hasher import Argon2IdHasher
from protevus.hashing.bcrypt_hasher import BcryptHasher
from protevus.hashing.exceptions import HashingError

#: The password hash Laravel's skeleton shipped in ``database/factories/UserFactory.php``
#: (Laravel 6 to 9) for the plain text ``password``: made by PHP's ``password_hash()``
#: with cost 10.
LARAVEL_FACTORY_HASH = "$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi"


@pytest.fixture
def hasher() -> BcryptHasher:
    return BcryptHasher({"rounds": 4, "verify": True})


def test_make_writes_php_style_2y_hashes_that_check(hasher: BcryptHasher) -> None:
    hashed = hasher.make("secret")
    assert hashed.startswith("$2y$04$") and len(hashed) == 60
    assert hasher.check("secret", hashed)
    assert not hasher.check("Secret", hashed)
    assert hasher.make("secret") != hashed  # a fresh salt every time


def test_a_hash_made_by_laravel_verifies(hasher: BcryptHasher) -> None:
    assert hasher.check("password", LARAVEL_FACTORY_HASH)
    assert not hasher.check("password1", LARAVEL_FACTORY_HASH)


@pytest.mark.parametrize("prefix", ["$2a$", "$2b$"])
def test_other_bcrypt_spellings_verify(hasher: BcryptHasher, prefix: str) -> None:
    # $2a$, $2b$ and $2y$ name the same computation (PHP's crypt_blowfish
    # treats them alike), so only the prefix of the Laravel vector changes.
    respelled = prefix + LARAVEL_FACTORY_HASH[4:]
    assert hasher.check("password", respelled)
    assert hasher.info(respelled)["algoName"] == "bcrypt"
    assert hasher.needs_rehash(respelled, rounds=10)  # becomes $2y$ on next login


def test_bytes_and_unicode_values(hasher: BcryptHasher) -> None:
    hashed = hasher.make("pässwörd")
    assert hasher.check("pässwörd".encode(), hashed)
    assert hasher.check("pässwörd", hashed.encode())


def test_info_reports_algorithm_and_cost(hasher: BcryptHasher) -> None:
    assert hasher.info(LARAVEL_FACTORY_HASH) == {
        "algo": "2y",
        "algoName": "bcrypt",
        "options": {"cost": 10},
    }
    assert hasher.info("plain") == {"algo": None, "algoName": "unknown", "options": {}}


def test_rounds_come_from_options_and_per_call_overrides() -> None:
    assert BcryptHasher().rounds == 12
    hasher = BcryptHasher({"rounds": "5"})
    assert hasher.make("x").startswith("$2y$05$")
    assert hasher.make("x", rounds=4).startswith("$2y$04$")
    assert hasher.make("x", {"rounds": 6}).startswith("$2y$06$")
    assert hasher.set_rounds(4).make("x").startswith("$2y$04$")


def test_needs_rehash_compares_the_cost(hasher: BcryptHasher) -> None:
    hashed = hasher.make("secret")
    assert not hasher.needs_rehash(hashed)
    assert hasher.needs_rehash(hashed, rounds=5)
    assert hasher.needsRehash(hashed, {"rounds": 5})
    assert hasher.needs_rehash(LARAVEL_FACTORY_HASH)
    assert hasher.needs_rehash("not a hash")


@pytest.mark.parametrize("hashed", [None, "", b""])
def test_an_empty_hash_never_matches(hasher: BcryptHasher, hashed: object) -> None:
    assert hasher.check("", hashed) is False
    assert hasher.check("secret", hashed) is False


def test_verify_rejects_hashes_of_other_algorithms(hasher: BcryptHasher) -> None:
    argon = Argon2IdHasher({"memory": 1024, "time": 1, "threads": 1}).make("secret")
    with pytest.raises(HashingError, match=r"^This password does not use the Bcrypt"):
        hasher.check("secret", argon)
    with pytest.raises(RuntimeError, match="Bcrypt algorithm"):
        hasher.check("secret", "plain-text")
    lenient = BcryptHasher({"rounds": 4, "verify": False})
    assert lenient.check("secret", argon)  # like PHP's password_verify()
    assert not lenient.check("secret", "plain-text")


def test_verify_is_off_unless_configured() -> None:
    assert not BcryptHasher().check("x", "plain")
    assert not BcryptHasher({"verify": "0"}).check("x", "plain")


def test_verify_configuration_allows_costs_up_to_the_configured_one(
    hasher: BcryptHasher,
) -> None:
    assert hasher.verify_configuration(hasher.make("x"))
    assert not hasher.verify_configuration(LARAVEL_FACTORY_HASH)  # cost 10 > 4
    assert BcryptHasher({"rounds": 12}).verify_configuration(LARAVEL_FACTORY_HASH)
    assert not hasher.verify_configuration(
        "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA"
    )
    assert not hasher.verify_configuration("plain")


def test_values_past_72_bytes_are_ignored_like_php(hasher: BcryptHasher) -> None:
    long_value = "a" * 72
    hashed = hasher.make(long_value + "tail")
    assert hasher.check(long_value, hashed)
    assert hasher.check(long_value + "other tail", hashed)


def test_the_limit_option_refuses_long_values() -> None:
    hasher = BcryptHasher({"rounds": 4, "limit": 72})
    assert hasher.check("a" * 72, hasher.make("a" * 72))
    with pytest.raises(InvalidArgumentError, match=r"at most \[72\] bytes"):
        hasher.make("a" * 73)
    with pytest.raises(InvalidArgumentError, match=r"\[10\] bytes"):
        BcryptHasher({"rounds": 4, "limit": 10}).make("é" * 6)  # 12 bytes


def test_nul_bytes_are_refused(hasher: BcryptHasher) -> None:
    with pytest.raises(InvalidArgumentError, match="NUL byte"):
        hasher.make("a\x00b")


@pytest.mark.parametrize("rounds", [3, 32])
def test_an_unusable_cost_is_a_clear_error(rounds: int) -> None:
    with pytest.raises(HashingError, match=rf"cost \[{rounds}\].*between 4 and 31"):
        BcryptHasher({"rounds": rounds}).make("x")


def test_a_non_numeric_cost_is_a_clear_error() -> None:
    with pytest.raises(
        InvalidArgumentError, match=r"option \[rounds\] must be an integer"
    ):
        BcryptHasher({"rounds": "many"})


def test_values_must_be_text(hasher: BcryptHasher) -> None:
    with pytest.raises(TypeError, match=r"type \[NoneType\]"):
        hasher.make(None)
    assert hasher.check("123", hasher.make(123))


def test_malformed_bcrypt_hashes_do_not_match(hasher: BcryptHasher) -> None:
    broken = "$2y$04$" + "!" * 53
    assert not BcryptHasher({"rounds": 4}).check("x", broken)
    corrupted = LARAVEL_FACTORY_HASH[:-1] + (
        "a" if LARAVEL_FACTORY_HASH[-1] != "a" else "b"
    )
    assert not hasher.check("password", corrupted)


def test_hashes_may_be_bytes(hasher: BcryptHasher) -> None:
    hashed = hasher.make("secret").encode()
    assert hasher.check("secret", hashed)
    assert not hasher.needs_rehash(hashed)
    assert hasher.verify_configuration(hashed)
    assert hasher.info(b"\xff\xfe")["algo"] is None


@pytest.mark.parametrize("value", [None, ["secret"], {"p": "secret"}, True])
def test_check_of_a_missing_or_array_password_is_false(value: t.Any) -> None:
    hasher = BcryptHasher({"rounds": 4})
    assert hasher.check(value, hasher.make("secret")) is False
