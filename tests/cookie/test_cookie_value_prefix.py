"""CookieValuePrefix: Laravel's ``hash_hmac('sha1', name . 'v2', key) . '|'``."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from protevus.cookie.cookie_value_prefix import CookieValuePrefix

KEY = b"k" * 32
OLD_KEY = b"o" * 32


def test_create_is_hmac_sha1_of_the_name_and_v2() -> None:
    expected = hmac.new(KEY, b"theme" + b"v2", hashlib.sha1).hexdigest() + "|"
    assert CookieValuePrefix.create("theme", KEY) == expected
    assert len(CookieValuePrefix.create("theme", KEY)) == 41


def test_create_matches_a_known_php_vector() -> None:
    # php -r "echo hash_hmac('sha1', 'XSRF-TOKENv2', 'secret');" (RFC 2104 HMAC-SHA1)
    assert (
        CookieValuePrefix.create("XSRF-TOKEN", "secret")
        == "33a403fb8822ce8554273b9ee156e7e5726d37e3|"
    )


def test_remove_drops_the_first_41_characters() -> None:
    value = CookieValuePrefix.create("theme", KEY) + "dark"
    assert CookieValuePrefix.remove(value) == "dark"


@pytest.mark.parametrize("key", [KEY, OLD_KEY])
def test_validate_tries_every_key(key: bytes) -> None:
    value = CookieValuePrefix.create("theme", key) + "dark"
    assert CookieValuePrefix.validate("theme", value, [KEY, OLD_KEY]) == "dark"


def test_validate_accepts_a_single_key() -> None:
    value = CookieValuePrefix.create("theme", KEY) + "dark"
    assert CookieValuePrefix.validate("theme", value, KEY) == "dark"


@pytest.mark.parametrize(
    "value",
    [
        CookieValuePrefix.create("other", KEY) + "dark",  # moved between cookies
        CookieValuePrefix.create("theme", b"x" * 32) + "dark",  # unknown key
        "dark",
        "",
    ],
)
def test_validate_rejects_foreign_prefixes(value: str) -> None:
    assert CookieValuePrefix.validate("theme", value, [KEY, OLD_KEY]) is None
