"""ArgonHasher (Argon2i) and Argon2IdHasher: PHP's format, parameters and rehash."""

from __future__ import annotations

import pytest

from protevus.hashing.argon2id_hasher import Argon2IdHasher
from protevus.hashing.argon_hasher import ArgonHasher
from protevus.hashing.bcrypt_hasher import BcryptHasher
from protevus.hashing.exceptions import HashingError

FAST = {"memory": 1024, "time": 1, "threads": 1, "verify": True}


def test_argon2id_round_trip_in_phps_format() -> None:
    hasher = Argon2IdHasher(FAST)
    hashed = hasher.make("secret")
    assert hashed.startswith("$argon2id$v=19$m=1024,t=1,p=1$")
    assert hasher.check("secret", hashed)
    assert not hasher.check("secrets", hashed)
    assert hasher.info(hashed) == {
        "algo": "argon2id",
        "algoName": "argon2id",
        "options": {"memory_cost": 1024, "time_cost": 1, "threads": 1},
    }


def test_argon2i_round_trip() -> None:
    hasher = ArgonHasher(FAST)
    hashed = hasher.make("secret")
    assert hashed.startswith("$argon2i$v=19$m=1024,t=1,p=1$")
    assert hasher.check("secret", hashed)
    assert hasher.info(hashed)["algoName"] == "argon2i"


def test_laravels_class_defaults() -> None:
    hasher = Argon2IdHasher()
    assert (hasher.memory, hasher.time, hasher.threads) == (1024, 2, 2)
    assert hasher.make("x").startswith("$argon2id$v=19$m=1024,t=2,p=2$")


def test_needs_rehash_on_any_parameter_change() -> None:
    hasher = Argon2IdHasher(FAST)
    hashed = hasher.make("secret")
    assert not hasher.needs_rehash(hashed)
    assert hasher.needs_rehash(hashed, memory=2048)
    assert hasher.needs_rehash(hashed, {"time": 2})
    assert hasher.needs_rehash(hashed, threads=2)
    assert Argon2IdHasher({**FAST, "memory": 2048}).needs_rehash(hashed)
    assert hasher.needs_rehash(ArgonHasher(FAST).make("secret"))  # other variant
    assert hasher.needs_rehash("$argon2id$garbage")


def test_per_call_parameters() -> None:
    hasher = Argon2IdHasher(FAST)
    hashed = hasher.make("secret", memory=2048, time=2)
    assert "$m=2048,t=2,p=1$" in hashed
    assert hasher.check("secret", hashed)
    assert (
        hasher.set_memory(2048).set_time(2).set_threads(1).needs_rehash(hashed) is False
    )


def test_verify_rejects_the_other_variant_and_bcrypt() -> None:
    argon2i = ArgonHasher(FAST).make("secret")
    argon2id = Argon2IdHasher(FAST).make("secret")
    bcrypt = BcryptHasher({"rounds": 4}).make("secret")
    with pytest.raises(HashingError, match=r"^This password does not use the Argon2id"):
        Argon2IdHasher(FAST).check("secret", argon2i)
    with pytest.raises(HashingError, match=r"^This password does not use the Argon2i "):
        ArgonHasher(FAST).check("secret", argon2id)
    with pytest.raises(RuntimeError, match="Argon2id algorithm"):
        Argon2IdHasher(FAST).check("secret", bcrypt)
    lenient = Argon2IdHasher({**FAST, "verify": False})
    assert lenient.check("secret", argon2i) and lenient.check("secret", bcrypt)


@pytest.mark.parametrize("hashed", [None, ""])
def test_an_empty_hash_never_matches(hashed: str | None) -> None:
    assert Argon2IdHasher(FAST).check("secret", hashed) is False


def test_verify_configuration_allows_costs_up_to_the_configured_ones() -> None:
    hasher = Argon2IdHasher({"memory": 2048, "time": 2, "threads": 2})
    assert hasher.verify_configuration(Argon2IdHasher(FAST).make("x"))
    assert not hasher.verify_configuration(hasher.make("x", memory=4096))
    assert not hasher.verify_configuration(hasher.make("x", time=3))
    assert not hasher.verify_configuration(ArgonHasher(FAST).make("x"))
    assert not hasher.verify_configuration("$argon2id$no-parameters")


def test_tampered_hashes_do_not_match() -> None:
    hasher = Argon2IdHasher(FAST)
    hashed = hasher.make("secret")
    tampered = hashed[:-2] + ("AA" if not hashed.endswith("AA") else "BB")
    assert not hasher.check("secret", tampered)
    assert not hasher.check("secret", "$argon2id$v=19$m=1024,t=1,p=1$bad")


def test_unusable_parameters_are_a_clear_error() -> None:
    with pytest.raises(HashingError, match=r"threads \[0\].*hashing\.argon"):
        Argon2IdHasher({"threads": 0}).make("x")
