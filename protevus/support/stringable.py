"""A fluent, immutable string: ``Str.of('  Laravel  ').trim().slug()``.

Laravel: ``Illuminate\\Support\\Stringable``. A Stringable wraps a ``str``; every
transforming method returns a new Stringable, checks return plain values, and
``str()`` (or :meth:`Stringable.to_string`) gives the text back. It compares,
hashes and concatenates like the string it holds.
"""

from __future__ import annotations

import datetime as dt
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.concerns.str_conditions import ConditionalStrings
from protevus.support.concerns.str_fluent import SlicesStrings
from protevus.support.concerns.str_fluent_edit import EditsStrings
from protevus.support.concerns.str_php import floatval
from protevus.support.concerns.str_php import intval
from protevus.support.macroable import Macroable
from protevus.support.str import Str

_PREG_SPLIT_NO_EMPTY = 1
_PREG_SPLIT_DELIM_CAPTURE = 2


def _collect(items: t.Iterable[t.Any]) -> t.Any:
    from protevus.support.collection import Collection

    return Collection(list(items))


class Stringable(SlicesStrings, EditsStrings, ConditionalStrings, Macroable):
    """Chain string operations: ``Str.of("a_b").studly()`` → ``"AB"``.

    ``Stringable(None)`` holds ''. Macros receive the Stringable as first argument.
    Laravel: ``Illuminate\\Support\\Stringable``.
    """

    __slots__ = ()

    # -- reading the value -----------------------------------------------------------

    def value(self) -> str:
        """Return the underlying string; Laravel: ``value()``."""
        return self._value

    def to_string(self) -> str:
        """Return the underlying string; Laravel: ``toString()``."""
        return self._value

    def json_serialize(self) -> str:
        """Return the string to encode as JSON; Laravel: ``jsonSerialize()``."""
        return self._value

    def to_integer(self, base: int = 10) -> int:
        """Return the leading integer, or 0 (PHP ``intval``).

        Laravel: ``toInteger()``.
        """
        return intval(self._value, base)

    def to_float(self) -> float:
        """Return the leading number, or 0.0 (PHP ``floatval``).

        Laravel: ``toFloat()``.
        """
        return floatval(self._value)

    def to_boolean(self) -> bool:
        """Return True for '1', 'true', 'on' and 'yes' (any case).

        Laravel: ``toBoolean()``.
        """
        return self._value.strip().lower() in ("1", "true", "on", "yes")

    def to_date(self, format: str | None = None, tz: str | None = None) -> t.Any:
        """Parse the string as a date (``format`` uses ``strptime`` codes).

        Returns a pendulum ``DateTime``. Laravel: ``toDate()``.
        """
        import pendulum

        try:
            if format is None:
                return pendulum.parse(self._value, tz=tz or "UTC")
            parsed = dt.datetime.strptime(self._value, format)
        except (ValueError, pendulum.parsing.exceptions.ParserError) as error:
            raise InvalidArgumentError(
                f"Date [{self._value}] does not match the format [{format}]."
            ) from error
        return pendulum.instance(parsed, tz=tz or "UTC")

    # -- predicates -----------------------------------------------------------------

    def is_empty(self) -> bool:
        """Determine if the string is ''; Laravel: ``isEmpty()``."""
        return self._value == ""

    def is_not_empty(self) -> bool:
        """Determine if the string is not ''; Laravel: ``isNotEmpty()``."""
        return self._value != ""

    def exactly(self, value: t.Any) -> bool:
        """Determine if the string equals ``value`` exactly; Laravel: ``exactly()``."""
        return self._value == str(value)

    # -- collections ----------------------------------------------------------------

    def explode(self, delimiter: str, limit: int | None = None) -> t.Any:
        """Split on ``delimiter`` into a Collection (PHP ``explode`` limits).

        Laravel: ``explode()``.
        """
        if delimiter == "":
            raise InvalidArgumentError(
                "Delimiter [] must not be empty; use split(1) to get characters."
            )
        if limit is None or limit > 0:
            maxsplit = -1 if limit is None else limit - 1
            return _collect(self._value.split(delimiter, maxsplit))
        parts = self._value.split(delimiter)
        return _collect(parts[:limit] if limit < 0 else parts[:1])

    def split(self, pattern: t.Any, limit: int = -1, flags: int = 0) -> t.Any:
        """Split by a regex, or into chunks when ``pattern`` is a length.

        ``flags`` takes PHP's ``PREG_SPLIT_NO_EMPTY`` (1) and
        ``PREG_SPLIT_DELIM_CAPTURE`` (2). Laravel: ``split()``.
        """
        if isinstance(pattern, int) or (
            isinstance(pattern, str) and pattern.lstrip("-").isdigit()
        ):
            size = int(pattern)
            if size < 1:
                raise InvalidArgumentError(f"Chunk length [{size}] must be 1 or more.")
            value = self._value
            return _collect(value[i : i + size] for i in range(0, len(value), size))
        from protevus.support.concerns.str_php import compile_pattern

        pieces: list[str] = []
        position = 0
        for found in compile_pattern(pattern).finditer(self._value):
            if 0 < limit <= len(pieces) + 1:
                break
            pieces.append(self._value[position : found.start()])
            if flags & _PREG_SPLIT_DELIM_CAPTURE:
                pieces.extend(group for group in found.groups() if group)
            position = found.end()
        pieces.append(self._value[position:])
        if flags & _PREG_SPLIT_NO_EMPTY:
            pieces = [piece for piece in pieces if piece != ""]
        return _collect(pieces)

    def ucsplit(self) -> t.Any:
        """Split before each upper-case letter into a Collection.

        Laravel: ``ucsplit()``.
        """
        return _collect(Str.ucsplit(self._value))

    # -- behaving like a str --------------------------------------------------------

    def __str__(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Stringable({self._value!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Stringable):
            return self._value == other._value
        if isinstance(other, str):
            return self._value == other
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        if isinstance(other, Stringable | str):
            return self._value < str(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._value)

    def __len__(self) -> int:
        return len(self._value)

    def __bool__(self) -> bool:
        return self._value != ""

    def __contains__(self, needle: object) -> bool:
        return str(needle) in self._value

    def __iter__(self) -> t.Iterator[str]:
        return iter(self._value)

    def __getitem__(self, key: int | slice) -> Stringable:
        return Stringable(self._value[key])

    def __add__(self, other: object) -> Stringable:
        if isinstance(other, Stringable | str):
            return Stringable(self._value + str(other))
        return NotImplemented

    def __radd__(self, other: object) -> Stringable:
        if isinstance(other, str):
            return Stringable(other + self._value)
        return NotImplemented

    def __format__(self, spec: str) -> str:
        return format(self._value, spec)
