"""Values that read as Werkzeug's attributes and answer Laravel's method calls.

Werkzeug, Flask and their extensions read ``request.path``, ``request.url``,
``request.method`` and ``request.host`` as strings, while Laravel code calls
``request.path()``. A :class:`CallableString` is a real ``str`` holding
Werkzeug's value whose call returns Laravel's, so both spellings work.
"""

from __future__ import annotations

import typing as t


class CallableString(str):
    """Hold Werkzeug's string; calling it returns Laravel's reading of the same thing.

    ``request.path == '/user/1'`` and ``request.path() == 'user/1'``.

    Laravel: none; this bridges Werkzeug attributes and Laravel methods.
    """

    _laravel: t.Any

    def __new__(cls, value: str, laravel: t.Any = None) -> CallableString:
        obj = str.__new__(cls, value)
        obj._laravel = laravel
        return obj

    def __call__(self) -> t.Any:
        """Return Laravel's value (a plain ``str``; ``None`` where Laravel gives null)."""
        laravel = self._laravel
        if laravel is None:
            return str.__str__(self)
        if callable(laravel):
            laravel = laravel()
            self._laravel = _Computed(laravel)
            return laravel
        if isinstance(laravel, _Computed):
            return laravel.value
        return laravel

    def __reduce__(self) -> tuple[t.Any, ...]:
        return (str, (str.__str__(self),))


class CallableBool:
    """Behave as a bool for Werkzeug (``if request.is_json:``) and a method for Laravel.

    Laravel: none; bridges ``Request.is_json`` (Werkzeug property) and ``isJson()``.
    """

    __slots__ = ("_value",)

    def __init__(self, value: bool) -> None:
        self._value = value

    def __bool__(self) -> bool:
        return self._value

    def __call__(self) -> bool:
        """Return the value as a plain ``bool``."""
        return self._value

    def __eq__(self, other: object) -> bool:
        return self._value == other

    def __hash__(self) -> int:
        return hash(self._value)

    def __repr__(self) -> str:
        return repr(self._value)


class _Computed:
    """Hold a value computed on first call (which may itself be ``None``)."""

    __slots__ = ("value",)

    def __init__(self, value: t.Any) -> None:
        self.value = value
