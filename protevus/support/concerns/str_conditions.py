"""Conditional and pass-through steps for ``Stringable`` chains.

Laravel: the ``Conditionable``, ``Tappable`` and ``Dumpable`` traits as used by
``Illuminate\\Support\\Stringable``. Callbacks get the Stringable, plus the
condition value when they accept a second argument, like PHP closures that
ignore extra arguments.
"""

from __future__ import annotations

import inspect
import sys
import typing as t

from protevus.support.concerns.str_fluent import StringableBase
from protevus.support.concerns.str_replace import Needles
from protevus.support.str import Str

_Callback = t.Callable[..., t.Any]


def invoke(callback: _Callback, *args: t.Any) -> t.Any:
    """Call ``callback`` with as many of ``args`` as it accepts."""
    try:
        parameters = inspect.signature(callback).parameters.values()
    except (TypeError, ValueError):
        return callback(*args)
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    if any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in parameters):
        return callback(*args)
    return callback(*args[: sum(1 for p in parameters if p.kind in kinds)])


class ConditionalStrings(StringableBase):
    """Give ``Stringable`` its ``when*``, ``unless``, ``pipe``, ``tap`` and dump steps.

    Laravel: ``Illuminate\\Support\\Stringable``.
    """

    __slots__ = ()

    def when(
        self,
        value: t.Any,
        callback: _Callback | None = None,
        default: _Callback | None = None,
    ) -> t.Any:
        """Run ``callback`` when ``value`` is truthy, else ``default``.

        A callable ``value`` is called with the Stringable first. The callback's
        result is returned, or the Stringable when it returns ``None``.
        Laravel: ``Conditionable::when()``.
        """
        if callable(value):
            value = invoke(value, self)
        chosen = callback if value else default
        if chosen is None:
            return self
        result = invoke(chosen, self, value)
        return self if result is None else result

    def unless(
        self,
        value: t.Any,
        callback: _Callback | None = None,
        default: _Callback | None = None,
    ) -> t.Any:
        """Run ``callback`` when ``value`` is falsy, else ``default``.

        Laravel: ``Conditionable::unless()``.
        """
        if callable(value):
            value = invoke(value, self)
        chosen = default if value else callback
        if chosen is None:
            return self
        result = invoke(chosen, self, value)
        return self if result is None else result

    def when_contains(
        self, needles: Needles, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if any needle is inside; Laravel: ``whenContains()``."""
        return self.when(Str.contains(self._value, needles), callback, default)

    def when_contains_all(
        self,
        needles: t.Iterable[str],
        callback: _Callback,
        default: _Callback | None = None,
    ) -> t.Any:
        """Run ``callback`` if every needle is inside.

        Laravel: ``whenContainsAll()``.
        """
        return self.when(Str.contains_all(self._value, needles), callback, default)

    def when_empty(
        self, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if the string is empty; Laravel: ``whenEmpty()``."""
        return self.when(self._value == "", callback, default)

    def when_not_empty(
        self, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if the string is not empty; Laravel: ``whenNotEmpty()``."""
        return self.when(self._value != "", callback, default)

    def when_starts_with(
        self, needles: Needles, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if a needle starts the string.

        Laravel: ``whenStartsWith()``.
        """
        return self.when(Str.starts_with(self._value, needles), callback, default)

    def when_doesnt_start_with(
        self, needles: Needles, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if no needle starts the string.

        Laravel: ``whenDoesntStartWith()``.
        """
        return self.when(not Str.starts_with(self._value, needles), callback, default)

    def when_ends_with(
        self, needles: Needles, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if a needle ends the string; Laravel: ``whenEndsWith()``."""
        return self.when(Str.ends_with(self._value, needles), callback, default)

    def when_doesnt_end_with(
        self, needles: Needles, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if no needle ends the string.

        Laravel: ``whenDoesntEndWith()``.
        """
        return self.when(not Str.ends_with(self._value, needles), callback, default)

    def when_exactly(
        self, value: str, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if the string equals ``value``.

        Laravel: ``whenExactly()``.
        """
        return self.when(self._value == str(value), callback, default)

    def when_not_exactly(
        self, value: str, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if the string differs from ``value``.

        Laravel: ``whenNotExactly()``.
        """
        return self.when(self._value != str(value), callback, default)

    def when_is(
        self,
        pattern: str | t.Iterable[str],
        callback: _Callback,
        default: _Callback | None = None,
    ) -> t.Any:
        """Run ``callback`` if a ``*`` pattern matches; Laravel: ``whenIs()``."""
        return self.when(Str.is_(pattern, self._value), callback, default)

    def when_is_ascii(
        self, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if the string is ASCII; Laravel: ``whenIsAscii()``."""
        return self.when(Str.is_ascii(self._value), callback, default)

    def when_is_uuid(
        self, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if the string is a UUID; Laravel: ``whenIsUuid()``."""
        return self.when(Str.is_uuid(self._value), callback, default)

    def when_is_ulid(
        self, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if the string is a ULID; Laravel: ``whenIsUlid()``."""
        return self.when(Str.is_ulid(self._value), callback, default)

    def when_test(
        self, pattern: t.Any, callback: _Callback, default: _Callback | None = None
    ) -> t.Any:
        """Run ``callback`` if the regex ``pattern`` matches.

        Laravel: ``whenTest()``.
        """
        return self.when(Str.is_match(pattern, self._value), callback, default)

    def pipe(self, callback: _Callback) -> t.Self:
        """Wrap the result of ``callback(self)`` in a new Stringable.

        Laravel: ``pipe()``.
        """
        return self._new(str(callback(self)))

    def tap(self, callback: _Callback) -> t.Self:
        """Call ``callback(self)`` and return this Stringable unchanged.

        Laravel: ``tap()``.
        """
        callback(self)
        return self

    def dump(self, *args: t.Any) -> t.Self:
        """Print the string (and ``args``) and continue; Laravel: ``dump()``."""
        for each in (self._value, *args):
            print(repr(each), file=sys.stderr)
        return self

    def dd(self, *args: t.Any) -> t.NoReturn:
        """Print the string (and ``args``) and stop the program; Laravel: ``dd()``."""
        self.dump(*args)
        raise SystemExit(1)
