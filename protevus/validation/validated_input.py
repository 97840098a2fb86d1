"""The validated data, with helpers to pick parts of it.

Laravel: ``Illuminate\\Support\\ValidatedInput``.
"""

from __future__ import annotations

import copy
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.arr import Arr
from protevus.support.arr import data_get
from protevus.support.arr import data_set

_ABSENT = object()


def _keys(keys: tuple[t.Any, ...]) -> list[str]:
    if len(keys) == 1 and isinstance(keys[0], list | tuple | set):
        return [str(key) for key in keys[0]]
    return [str(key) for key in keys]


class ValidatedInput(CamelAliases):
    """Wrap validated data: ``validator.safe().only('name', 'email')``.

    Keys read as items or attributes (``safe['name']``, ``safe.name``; a missing
    attribute is ``None``). Dot notation reaches nested values.

    Laravel: ``Illuminate\\Support\\ValidatedInput``.
    """

    def __init__(self, input: t.Mapping[str, t.Any]) -> None:
        self._input = dict(input)

    def all(self) -> dict[str, t.Any]:
        """Return a copy of every value.

        Laravel: ``ValidatedInput::all()``.
        """
        return copy.deepcopy(self._input)

    def keys(self) -> list[str]:
        """Return the top-level keys.

        Laravel: ``ValidatedInput::keys()``.
        """
        return list(self._input)

    def only(self, *keys: t.Any) -> dict[str, t.Any]:
        """Return only the given (dot-notation) keys that are present.

        Laravel: ``ValidatedInput::only()``.
        """
        result: dict[str, t.Any] = {}
        for key in _keys(keys):
            found = data_get(self._input, key, _ABSENT)
            if found is not _ABSENT:
                data_set(result, key, copy.deepcopy(found))
        return result

    def except_(self, *keys: t.Any) -> dict[str, t.Any]:
        """Return every value but the given (dot-notation) keys.

        Laravel: ``ValidatedInput::except()``.
        """
        return t.cast(dict[str, t.Any], Arr.except_(self.all(), _keys(keys)))

    def has(self, *keys: t.Any) -> bool:
        """Determine if every given key is present.

        Laravel: ``ValidatedInput::has()``.
        """
        return all(
            data_get(self._input, key, _ABSENT) is not _ABSENT for key in _keys(keys)
        )

    def missing(self, *keys: t.Any) -> bool:
        """Determine if none of the given keys is present.

        Laravel: ``ValidatedInput::missing()``.
        """
        return not any(
            data_get(self._input, key, _ABSENT) is not _ABSENT for key in _keys(keys)
        )

    def merge(self, items: t.Mapping[str, t.Any]) -> ValidatedInput:
        """Return a new instance with ``items`` merged in.

        Laravel: ``ValidatedInput::merge()``.
        """
        return ValidatedInput({**self._input, **items})

    def input(self, key: str | None = None, default: t.Any = None) -> t.Any:
        """Return one (dot-notation) value, or everything without a key.

        Laravel: ``ValidatedInput::input()``.
        """
        return self.all() if key is None else data_get(self._input, key, default)

    def __getitem__(self, key: str) -> t.Any:
        return self._input[key]

    def __getattr__(self, key: str) -> t.Any:
        if key.startswith("_"):
            raise AttributeError(key)
        return self._input.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._input

    def __iter__(self) -> t.Iterator[str]:
        return iter(self._input)

    def __len__(self) -> int:
        return len(self._input)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ValidatedInput):
            return self._input == other._input
        return isinstance(other, dict) and self._input == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ValidatedInput({self._input!r})"
