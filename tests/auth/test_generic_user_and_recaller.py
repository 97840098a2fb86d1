"""GenericUser (the database provider's user) and the remember-me cookie parser."""

from __future__ import annotations

import pytest


def test_generic_user_reads_its_row() -> None:
    from protevus.auth.generic_user import GenericUser

    user = GenericUser(
        {"id": 3, "email": "a@b.c", "password": "h", "remember_token": None}
    )

    assert user.get_auth_identifier_name() == "id"
    assert user.get_auth_identifier() == 3
    assert user.get_auth_password_name() == "password"
    assert user.get_auth_password() == "h"
    assert user.get_remember_token() is None
    user.set_remember_token("tok")
    assert user.get_remember_token() == "tok" and user["remember_token"] == "tok"
    assert user.email == "a@b.c" and "email" in user
    assert user.getAuthIdentifier() == 3
    user.name = "Taylor"
    assert user["name"] == "Taylor"
    with pytest.raises(AttributeError, match=r"has no attribute \[missing\]"):
        _ = user.missing


@pytest.mark.parametrize(
    ("value", "valid", "parts"),
    [
        ("1|token|hash", True, ("1", "token", "hash")),
        ("1|token|ha|sh", True, ("1", "token", "ha")),  # Laravel splits into 4
        ("1|token|", True, ("1", "token", "")),
        ("1|token", False, ("1", "token", "")),
        (" |token|hash", False, (" ", "token", "hash")),
        ("1| |hash", False, ("1", " ", "hash")),
        ("plain", False, ("plain", "", "")),
        ("", False, ("", "", "")),
    ],
)
def test_recaller(value: str, valid: bool, parts: tuple[str, str, str]) -> None:
    from protevus.auth.recaller import Recaller

    recaller = Recaller(value)

    assert recaller.valid() is valid
    assert (recaller.id(), recaller.token(), recaller.hash()) == parts


def test_recaller_of_a_non_string_is_invalid() -> None:
    from protevus.auth.recaller import Recaller

    assert Recaller(None).valid() is False
    assert Recaller(42).segments() == [""]


def test_timebox_pads_unless_returning_early() -> None:
    import time

    from protevus.auth.timebox import Timebox

    box = Timebox()
    started = time.perf_counter()
    assert box.call(lambda tb: "slow", 50_000) == "slow"
    assert time.perf_counter() - started >= 0.05
    started = time.perf_counter()
    assert box.call(lambda tb: tb.return_early() and "fast", 500_000) == "fast"
    assert time.perf_counter() - started < 0.25

    def fail(tb: Timebox) -> None:
        raise RuntimeError("boom")

    started = time.perf_counter()
    with pytest.raises(RuntimeError):
        box.call(fail, 50_000)
    assert time.perf_counter() - started >= 0.05
