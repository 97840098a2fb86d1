"""Tests for the PHP ``serialize()`` subset Laravel's encrypter uses."""

from __future__ import annotations

import math
import typing as t

import pytest

from protevus.encryption.exceptions import UnserializeError
from protevus.encryption.php_serialize import serialize
from protevus.encryption.php_serialize import unserialize


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("hello", b's:5:"hello";'),
        ("", b's:0:"";'),
        ("é", b's:2:"\xc3\xa9";'),  # PHP counts bytes, not characters.
        ('a"b;', b's:4:"a"b;";'),
        (b"\x00\xff", b's:2:"\x00\xff";'),
        (7, b"i:7;"),
        (-12, b"i:-12;"),
        (0.1, b"d:0.1;"),
        (1.0, b"d:1;"),
        (-2.5, b"d:-2.5;"),
        (1e25, b"d:1.0E+25;"),
        (1.5e-7, b"d:1.5E-7;"),
        (math.inf, b"d:INF;"),
        (-math.inf, b"d:-INF;"),
        (True, b"b:1;"),
        (False, b"b:0;"),
        (None, b"N;"),
        ([], b"a:0:{}"),
        (["a", 1], b'a:2:{i:0;s:1:"a";i:1;i:1;}'),
        (("x",), b'a:1:{i:0;s:1:"x";}'),
        ({"id": 7, 3: None}, b'a:2:{s:2:"id";i:7;i:3;N;}'),
        ({"n": {"m": [True]}}, b'a:1:{s:1:"n";a:1:{s:1:"m";a:1:{i:0;b:1;}}}'),
    ],
)
def test_serialize_writes_php_format(value: t.Any, expected: bytes) -> None:
    assert serialize(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "hello",
        "",
        "ünïcødé ✓",
        0,
        -5,
        2**40,
        0.1,
        -3.25,
        1e300,
        True,
        False,
        None,
        ["a", ["b", {"c": 1.5}]],
        {"id": 7, "tags": ["x", "y"], "ok": False},
        {5: "a", "k": "b"},
    ],
)
def test_round_trip(value: t.Any) -> None:
    assert unserialize(serialize(value)) == value


def test_unserialize_nan_and_php_float_spellings() -> None:
    assert math.isnan(unserialize(b"d:NAN;"))
    assert unserialize(b"d:1.0E+25;") == 1e25
    assert unserialize(b"d:-INF;") == -math.inf


def test_arrays_with_sequential_keys_become_lists() -> None:
    assert unserialize(b'a:2:{i:0;s:1:"a";i:1;s:1:"b";}') == ["a", "b"]
    assert unserialize(b'a:2:{i:1;s:1:"a";i:0;s:1:"b";}') == {1: "a", 0: "b"}
    # PHP has one array type, so an empty dict comes back as an empty list.
    assert unserialize(serialize({})) == []


def test_invalid_utf8_strings_come_back_as_bytes() -> None:
    assert unserialize(b's:2:"\x00\xff";') == b"\x00\xff"


def test_unserialize_accepts_str() -> None:
    assert unserialize('s:5:"hello";') == "hello"


@pytest.mark.parametrize(
    "data",
    [
        b'O:8:"stdClass":0:{}',
        b'C:11:"ArrayObject":0:{}',
        b'E:7:"Foo:Bar";',
        b'a:2:{i:0;s:1:"a";i:1;r:2;}',
        b"a:1:{i:0;R:1;}",
        b'a:1:{i:0;O:8:"stdClass":0:{}}',
    ],
)
def test_unserialize_refuses_objects_enums_and_references(data: bytes) -> None:
    with pytest.raises(UnserializeError, match="Refusing to unserialize"):
        unserialize(data)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"i:;",
        b"i:12",
        b"i:1x;",
        b"b:2;",
        b"d:abc;",
        b's:5:"hell";',
        b's:2:"hello";',
        b's:-1:"";',
        b"a:1:{}",
        b"a:1:{i:0;N;",
        b"a:1:{d:1.5;N;}",
        b"i:1;i:2;",
        b"x:1;",
        b"N",
        b"a:1:{" * 300 + b"N;" + b"}" * 300,
    ],
)
def test_unserialize_rejects_malformed_text(data: bytes) -> None:
    with pytest.raises(UnserializeError):
        unserialize(data)


@pytest.mark.parametrize("value", [object(), {1.5: "a"}, {(1,): "a"}, {1, 2}])
def test_serialize_refuses_unsupported_types(value: t.Any) -> None:
    with pytest.raises(TypeError, match="Cannot serialize"):
        serialize(value)
