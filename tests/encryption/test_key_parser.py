"""Tests for reading APP_KEY and APP_PREVIOUS_KEYS values."""

from __future__ import annotations

import base64
import typing as t

import pytest

from protevus.encryption.exceptions import InvalidKeyError
from protevus.encryption.exceptions import MissingAppKeyError
from protevus.encryption.key_parser import parse_app_key
from protevus.encryption.key_parser import parse_key
from protevus.encryption.key_parser import parse_previous_keys

RAW = bytes(range(32))
B64 = "base64:" + base64.b64encode(RAW).decode()

MISSING = 'No application encryption key has been specified. Run "python artisan.py key:generate".'


def test_base64_key_is_decoded() -> None:
    assert parse_key(B64) == RAW
    assert parse_app_key(B64) == RAW


def test_raw_key_is_used_as_utf8_bytes() -> None:
    assert parse_key("a" * 32) == b"a" * 32
    assert parse_key(b"x" * 16) == b"x" * 16


def test_invalid_base64_names_the_key_without_leaking_it() -> None:
    with pytest.raises(InvalidKeyError, match="key:generate") as info:
        parse_key("base64:abcdef!!!secret")
    assert "base64:abcd..." in str(info.value)
    assert "secret" not in str(info.value)


def test_non_string_key_is_invalid() -> None:
    with pytest.raises(InvalidKeyError, match=r"\[int\]"):
        parse_key(5)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, "", "   ", b""])
def test_missing_app_key(value: t.Any) -> None:
    with pytest.raises(MissingAppKeyError) as info:
        parse_app_key(value)
    assert str(info.value) == MISSING


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, []),
        ("", []),
        (" , ,", []),
        ([], []),
        (B64, [RAW]),
        (f"{B64}, {'b' * 32}", [RAW, b"b" * 32]),
        ([B64, "", "c" * 16], [RAW, b"c" * 16]),
        (b"d" * 16, [b"d" * 16]),
        (b"", []),
    ],
)
def test_previous_keys(value: t.Any, expected: list[bytes]) -> None:
    assert parse_previous_keys(value) == expected
