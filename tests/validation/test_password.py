"""The Password rule: length, character classes, defaults, leaks through a verifier."""

from __future__ import annotations

import typing as t

import pytest

from protevus.validation.rules.password import Password
from protevus.validation.validator import Validator


def errors(rule: t.Any, value: t.Any, **extra: t.Any) -> list[str]:
    data = {"password": value, **extra}
    return Validator.make(data, {"password": rule}).errors().all()


def test_min_and_max_length() -> None:
    assert errors([Password.min(8)], "abcdefgh") == []
    assert errors([Password.min(8)], "abc") == [
        "The password field must be at least 8 characters."
    ]
    assert errors([Password.min(4).max(6)], "abcdefg") == [
        "The password field must not be greater than 6 characters."
    ]
    assert errors([Password.min(8)], 12345678) == [
        "The password field must be a string."
    ]


@pytest.mark.parametrize(
    ("rule", "value", "expected"),
    [
        (
            Password.min(1).letters(),
            "12345",
            "The password field must contain at least one letter.",
        ),
        (
            Password.min(1).mixed_case(),
            "abcdef",
            "The password field must contain at least one uppercase and one lowercase letter.",
        ),
        (
            Password.min(1).numbers(),
            "abcdef",
            "The password field must contain at least one number.",
        ),
        (
            Password.min(1).symbols(),
            "abc123",
            "The password field must contain at least one symbol.",
        ),
    ],
)
def test_character_class_messages(rule: Password, value: str, expected: str) -> None:
    assert errors([rule], value) == [expected]


def test_every_broken_requirement_is_reported_in_laravel_order() -> None:
    rule = Password.min(10).letters().mixed_case().numbers().symbols()

    assert errors([rule], "abc") == [
        "The password field must be at least 10 characters.",
        "The password field must contain at least one uppercase and one lowercase letter.",
        "The password field must contain at least one symbol.",
        "The password field must contain at least one number.",
    ]
    assert errors([rule], "Ab3!efghij") == []
    assert errors([rule], "Éé9 xxxxxx") == []


def test_custom_attribute_names_and_messages_reach_the_rule() -> None:
    validator = Validator.make(
        {"pw": "abc"},
        {"pw": ["required", Password.min(8)]},
        {"pw.min": "Too short."},
        {"pw": "passphrase"},
    )
    other = Validator.make(
        {"pw": "abcdefgh"},
        {"pw": [Password.min(1).numbers()]},
        {},
        {"pw": "passphrase"},
    )

    assert validator.errors().all() == ["Too short."]
    assert other.errors().all() == [
        "The passphrase field must contain at least one number."
    ]


def test_defaults() -> None:
    try:
        Password.defaults(lambda: Password.min(12).numbers())
        assert errors(Password.required(), "short") == [
            "The password field must be at least 12 characters.",
            "The password field must contain at least one number.",
        ]
        assert Validator.make({}, {"password": Password.sometimes()}).passes()
        Password.defaults(Password.min(3))
        assert Password.defaults().min_length == 3  # type: ignore[union-attr]
    finally:
        Password._default_callback = None
    assert Password.default().min_length == 8
    with pytest.raises(TypeError, match="Password rule or a callable"):
        Password.defaults(12)


def test_missing_password_is_not_checked_without_required() -> None:
    assert Validator.make({}, {"password": [Password.min(8)]}).passes()
    assert errors(["required", Password.min(8)], "") == [
        "The password field is required."
    ]


class FakeVerifier:
    def __init__(self, leaked: set[str]) -> None:
        self.leaked = leaked
        self.calls: list[tuple[str, int]] = []

    def verify(self, value: str, threshold: int = 0) -> bool:
        self.calls.append((value, threshold))
        return value not in self.leaked


def test_uncompromised_asks_the_verifier_after_the_other_checks() -> None:
    verifier = FakeVerifier({"password1"})
    Password.use_verifier(verifier)
    try:
        rule = Password.min(8).uncompromised(3)
        assert errors([rule], "password1") == [
            "The given password has appeared in a data leak. Please choose a different password."
        ]
        assert errors([rule], "n0t-leaked") == []
        assert errors([rule], "short") == [
            "The password field must be at least 8 characters."
        ]
    finally:
        Password.use_verifier(None)
    assert verifier.calls == [("password1", 3), ("n0t-leaked", 3)]


def test_nested_passwords_with_wildcards() -> None:
    data = {"users": [{"pw": "abcdefgh1"}, {"pw": "abcdefgh"}]}
    validator = Validator.make(data, {"users.*.pw": [Password.min(8).numbers()]})

    assert validator.errors().messages() == {
        "users.1.pw": ["The users.1.pw field must contain at least one number."]
    }
