"""Read and write PHP's ``serialize()`` format for plain data.

Laravel's encrypter serializes values with PHP's ``serialize()`` before
encrypting them, so a payload written by Laravel holds text such as
``s:5:"hello";`` or ``a:1:{s:2:"id";i:7;}``. This module covers the scalar and
array subset that Python can represent (``str``/``bytes``, ``int``, ``float``,
``bool``, ``None``, ``list``/``tuple`` and ``dict``) and refuses objects,
references and enums on the way in: unserializing attacker-chosen classes is
the classic PHP object-injection hole, and Python has no classes to map them to.

PHP arrays are both lists and maps: an array whose keys are exactly ``0..n-1``
in order comes back as a ``list``, any other as a ``dict``.

Laravel: PHP's ``serialize()`` / ``unserialize()`` as used by ``Encrypter``.
"""

from __future__ import annotations

import math
import typing as t

from protevus.encryption.exceptions import UnserializeError

#: Deeper nesting is refused rather than risking Python's recursion limit.
_MAX_DEPTH = 256

_FORBIDDEN = {
    ord("O"): "object",
    ord("C"): "object",
    ord("E"): "enum",
    ord("r"): "reference",
    ord("R"): "reference",
}


def serialize(value: t.Any) -> bytes:
    """Return the PHP ``serialize()`` text of ``value`` as UTF-8 bytes.

    Laravel: PHP's ``serialize()``.
    """
    out: list[bytes] = []
    _write(value, out)
    return b"".join(out)


def _write(value: t.Any, out: list[bytes]) -> None:
    if value is None:
        out.append(b"N;")
    elif isinstance(value, bool):
        out.append(b"b:1;" if value else b"b:0;")
    elif isinstance(value, int):
        out.append(b"i:%d;" % value)
    elif isinstance(value, float):
        out.append(b"d:" + _format_float(value).encode("ascii") + b";")
    elif isinstance(value, (str, bytes)):
        raw = value.encode("utf-8") if isinstance(value, str) else value
        out.append(b's:%d:"' % len(raw) + raw + b'";')
    elif isinstance(value, (list, tuple)):
        out.append(b"a:%d:{" % len(value))
        for index, item in enumerate(value):
            out.append(b"i:%d;" % index)
            _write(item, out)
        out.append(b"}")
    elif isinstance(value, dict):
        out.append(b"a:%d:{" % len(value))
        for key, item in value.items():
            if isinstance(key, bool):
                key = int(key)  # PHP casts boolean array keys to 0/1.
            if not isinstance(key, (int, str)):
                raise TypeError(
                    f"Cannot serialize dict key [{key!r}] of type "
                    f"[{type(key).__name__}]: PHP arrays only take int or str keys."
                )
            _write(key, out)
            _write(item, out)
        out.append(b"}")
    else:
        raise TypeError(
            f"Cannot serialize value of type [{type(value).__name__}]: only str, "
            "bytes, int, float, bool, None, list, tuple and dict are supported."
        )


def _format_float(value: float) -> str:
    # PHP (serialize_precision = -1) writes the shortest round-trip digits,
    # drops a ``.0`` fraction and spells specials INF/-INF/NAN.
    if math.isnan(value):
        return "NAN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        power = int(exponent)
        return f"{mantissa}E{'-' if power < 0 else '+'}{abs(power)}"
    return text[:-2] if text.endswith(".0") else text


def unserialize(data: str | bytes) -> t.Any:
    """Return the Python value of PHP ``serialize()`` text, refusing objects.

    Strings come back as ``str`` when they are valid UTF-8, else as ``bytes``.
    Raises :class:`UnserializeError` on malformed text, trailing data, objects,
    enums or references.

    Laravel: PHP's ``unserialize()`` (with ``allowed_classes => false``, stricter).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not isinstance(raw, bytes):
        raise UnserializeError(
            f"Cannot unserialize value of type [{type(data).__name__}]: pass str or bytes."
        )
    reader = _Reader(raw)
    value = reader.read_value()
    if reader.pos != len(raw):
        raise UnserializeError(
            f"Unexpected data at offset [{reader.pos}] after the serialized value."
        )
    return value


class _Reader:
    """Parse serialized bytes from left to right."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0
        self.depth = 0

    def fail(self, reason: str) -> t.NoReturn:
        raise UnserializeError(
            f"Malformed serialized data at offset [{self.pos}]: {reason}."
        )

    def expect(self, token: bytes) -> None:
        if self.data[self.pos : self.pos + len(token)] != token:
            self.fail(f"expected {token.decode('ascii')!r}")
        self.pos += len(token)

    def until(self, stop: bytes) -> bytes:
        end = self.data.find(stop, self.pos)
        if end < 0:
            self.fail(f"missing {stop.decode('ascii')!r}")
        chunk = self.data[self.pos : end]
        self.pos = end + len(stop)
        return chunk

    def integer(self, stop: bytes) -> int:
        chunk = self.until(stop)
        text = chunk.decode("ascii", "replace")
        body = text[1:] if text[:1] in "+-" else text
        if not body.isdigit() or not body.isascii():
            self.fail(f"invalid integer {text!r}")
        return int(text)

    def read_value(self) -> t.Any:
        if self.pos >= len(self.data):
            self.fail("unexpected end of data")
        kind = self.data[self.pos]
        if kind in _FORBIDDEN:
            raise UnserializeError(
                f"Refusing to unserialize a PHP {_FORBIDDEN[kind]} at offset "
                f"[{self.pos}]: only scalars and arrays are allowed."
            )
        if kind == ord("N"):
            self.expect(b"N;")
            return None
        self.pos += 1
        self.expect(b":")
        if kind == ord("b"):
            flag = self.until(b";")
            if flag not in (b"0", b"1"):
                self.fail("invalid boolean")
            return flag == b"1"
        if kind == ord("i"):
            return self.integer(b";")
        if kind == ord("d"):
            return self.read_float()
        if kind == ord("s"):
            return self.read_string()
        if kind == ord("a"):
            return self.read_array()
        self.pos -= 2
        self.fail(f"unknown type {chr(kind)!r}")

    def read_float(self) -> float:
        text = self.until(b";").decode("ascii", "replace")
        try:
            return float(text)
        except ValueError:
            self.fail(f"invalid float {text!r}")

    def read_string(self) -> str | bytes:
        length = self.integer(b":")
        if length < 0:
            self.fail("negative string length")
        self.expect(b'"')
        raw = self.data[self.pos : self.pos + length]
        if len(raw) != length:
            self.fail("string shorter than its declared length")
        self.pos += length
        self.expect(b'";')
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw

    def read_array(self) -> list[t.Any] | dict[t.Any, t.Any]:
        count = self.integer(b":")
        if count < 0:
            self.fail("negative array length")
        self.expect(b"{")
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            self.fail(f"arrays nested deeper than {_MAX_DEPTH} levels")
        items: dict[t.Any, t.Any] = {}
        for _ in range(count):
            key = self.read_value()
            if not isinstance(key, (int, str)) or isinstance(key, bool):
                self.fail("array keys must be integers or strings")
            items[key] = self.read_value()
        self.expect(b"}")
        self.depth -= 1
        if list(items) == list(range(len(items))):
            return list(items.values())
        return items
