"""The configuration repository bound as the ``'config'`` service.

Laravel: ``Illuminate\\Config\\Repository``.
"""

from __future__ import annotations

import importlib
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.arr import data_get
from protevus.support.helpers import value
from protevus.support.macroable import Macroable

_MISSING = object()


def _type_name(val: t.Any) -> str:
    return "None" if val is None else type(val).__name__


class Repository(CamelAliases, Macroable):
    """Hold every configuration value and reach them with dot notation.

    ``config.get('database.connections.sqlite.driver')``; a list of keys (or a dict
    of key → default) returns a dict of key → value. Items are kept as given (not
    copied): the dict passed in *is* the configuration.

    Laravel: ``Illuminate\\Config\\Repository``.
    """

    __slots__ = ("_items",)

    def __init__(self, items: dict[str, t.Any] | None = None) -> None:
        self._items: dict[str, t.Any] = {} if items is None else items

    # -- reading -----------------------------------------------------------------

    def has(self, key: str | t.Iterable[str]) -> bool:
        """Determine if a configuration value exists (``None`` counts).

        A list of keys is true only when every key exists.

        Laravel: ``Repository::has()``.
        """
        if isinstance(key, str):
            return self._lookup(key) is not _MISSING
        keys = list(key)
        return bool(keys) and all(self._lookup(each) is not _MISSING for each in keys)

    def get(self, key: t.Any = None, default: t.Any = None) -> t.Any:
        """Return a configuration value by dotted key, or ``default``.

        ``None`` returns every item; a list of keys, or a dict of key → default,
        returns a dict of key → value. A callable ``default`` is called only when
        the key is missing.

        Laravel: ``Repository::get()``.
        """
        if isinstance(key, str):
            found = self._lookup(key)
            return value(default) if found is _MISSING else found
        if key is None:
            return self._items
        if isinstance(key, list | tuple | dict):
            return self.get_many(key)
        raise TypeError(
            f"Configuration key [{key!r}] must be a string, a list or a dict, "
            f"{_type_name(key)} given."
        )

    def get_many(
        self, keys: t.Iterable[str] | t.Mapping[str, t.Any]
    ) -> dict[str, t.Any]:
        """Return several values at once: keys, or a dict of key → default.

        Laravel: ``Repository::getMany()``.
        """
        pairs: t.Iterable[tuple[str, t.Any]]
        if isinstance(keys, t.Mapping):
            pairs = keys.items()
        else:
            pairs = ((k, None) for k in keys)
        out: dict[str, t.Any] = {}
        for key, default in pairs:
            found = self._lookup(key)
            out[key] = value(default) if found is _MISSING else found
        return out

    def all(self) -> dict[str, t.Any]:
        """Return every configuration item.

        Laravel: ``Repository::all()``.
        """
        return self._items

    def _lookup(self, key: str) -> t.Any:
        """Return the value at dotted ``key`` or ``_MISSING`` (fast path for dicts)."""
        items = self._items
        if key in items:
            return items[key]
        if "." not in key:
            return _MISSING
        current: t.Any = items
        for segment in key.split("."):
            if isinstance(current, dict) and segment in current:
                current = current[segment]
                continue
            # Lists, wildcards and objects: the general (slower) dot-notation reader.
            return data_get(items, key, _MISSING)
        return current

    # -- typed getters -----------------------------------------------------------

    def string(self, key: str, default: t.Any = None) -> str:
        """Return a value that must be a ``str``.

        Laravel: ``Repository::string()``.
        """
        found = self.get(key, default)
        if not isinstance(found, str):
            raise self._type_error(key, "a string", found)
        return found

    def integer(self, key: str, default: t.Any = None) -> int:
        """Return a value that must be an ``int`` (a ``bool`` is not accepted).

        Laravel: ``Repository::integer()``.
        """
        found = self.get(key, default)
        if not isinstance(found, int) or isinstance(found, bool):
            raise self._type_error(key, "an integer", found)
        return found

    def float(self, key: str, default: t.Any = None) -> float:
        """Return a value that must be a ``float`` (an ``int`` is not accepted).

        Laravel: ``Repository::float()``.
        """
        found = self.get(key, default)
        if not isinstance(found, float):
            raise self._type_error(key, "a float", found)
        return found

    def boolean(self, key: str, default: t.Any = None) -> bool:
        """Return a value that must be a ``bool``.

        Laravel: ``Repository::boolean()``.
        """
        found = self.get(key, default)
        if not isinstance(found, bool):
            raise self._type_error(key, "a boolean", found)
        return found

    def array(self, key: str, default: t.Any = None) -> t.Any:
        """Return a value that must be a ``dict``, ``list`` or ``tuple``.

        Laravel: ``Repository::array()`` (a PHP array is a dict or a list here).
        """
        found = self.get(key, default)
        if not isinstance(found, dict | list | tuple):
            raise self._type_error(key, "an array", found)
        return found

    def collection(self, key: str, default: t.Any = None) -> t.Any:
        """Return a value that must be an array, wrapped in a ``Collection``.

        Laravel: ``Repository::collection()``.
        """
        found = self.array(key, default)
        module = importlib.import_module("protevus.support.collection")
        return module.Collection(found)

    @staticmethod
    def _type_error(key: str, expected: str, found: t.Any) -> InvalidArgumentError:
        return InvalidArgumentError(
            f"Configuration value for key [{key}] must be {expected}, "
            f"{_type_name(found)} given."
        )

    # -- writing -----------------------------------------------------------------

    def set(self, key: str | t.Mapping[str, t.Any], val: t.Any = None) -> None:
        """Set a value by dotted key, or several from a dict of key → value.

        Missing or non-dict intermediate levels become dicts.

        Laravel: ``Repository::set()``.
        """
        pairs = key.items() if isinstance(key, t.Mapping) else ((key, val),)
        for each, item in pairs:
            self._store(each, item)

    def _store(self, key: str, val: t.Any) -> None:
        if not isinstance(key, str):
            raise TypeError(
                f"Configuration key [{key!r}] must be a string, "
                f"{_type_name(key)} given."
            )
        current = self._items
        *parents, last = key.split(".")
        for segment in parents:
            child = current.get(segment)
            if not isinstance(child, dict):
                child = {}
                current[segment] = child
            current = child
        current[last] = val

    def prepend(self, key: str, val: t.Any) -> None:
        """Put ``val`` at the front of the list at ``key`` (created if missing).

        Laravel: ``Repository::prepend()``.
        """
        self._store(key, [val, *self._list_at(key)])

    def push(self, key: str, val: t.Any) -> None:
        """Append ``val`` to the list at ``key`` (created if missing).

        Laravel: ``Repository::push()``.
        """
        self._store(key, [*self._list_at(key), val])

    def _list_at(self, key: str) -> list[t.Any]:
        current = self.get(key, [])
        if current is None:
            return []
        if not isinstance(current, list | tuple):
            raise InvalidArgumentError(
                f"Configuration value for key [{key}] must be a list to push onto "
                f"it, {_type_name(current)} given."
            )
        return list(current)

    def forget(self, key: str) -> None:
        """Remove the value at dotted ``key``; a missing key is ignored.

        Laravel: ``Repository::offsetUnset()`` (``Arr::forget``).
        """
        if key in self._items:
            del self._items[key]
            return
        *parents, last = key.split(".")
        current: t.Any = self._items
        for segment in parents:
            if not isinstance(current, dict) or segment not in current:
                return
            current = current[segment]
        if isinstance(current, dict):
            current.pop(last, None)

    # -- dunders -----------------------------------------------------------------

    def __getitem__(self, key: str) -> t.Any:
        """Return the value at dotted ``key`` (``None`` when missing, as Laravel)."""
        return self.get(key)

    def __setitem__(self, key: str, val: t.Any) -> None:
        self._store(key, val)

    def __delitem__(self, key: str) -> None:
        self.forget(key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.has(key)

    def __repr__(self) -> str:
        return f"Repository({sorted(self._items)!r})"
