"""A mutable dict or list cast from JSON, saved back when it changes.

Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\ArrayObject`` (PHP's
``ArrayObject`` with ``ARRAY_AS_PROPS``).
"""

from __future__ import annotations

import copy
import typing as t

from protevus.support.aliases import CamelAliases


class ArrayObject(CamelAliases):
    """Wrap a decoded JSON dict or list; keys also read as attributes.

    ``user.options['theme'] = 'dark'`` (or ``user.options.theme = 'dark'``) changes
    the model's ``options`` attribute, which ``save()`` then writes.

    Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\ArrayObject``.
    """

    __slots__ = ("_items",)

    def __init__(self, items: t.Any = None) -> None:
        if items is None:
            items = {}
        if isinstance(items, ArrayObject):
            items = items.get_array_copy()
        object.__setattr__(self, "_items", items)

    # -- container protocol --------------------------------------------------------

    def __getitem__(self, key: t.Any) -> t.Any:
        return self._items[key]

    def __setitem__(self, key: t.Any, value: t.Any) -> None:
        if key is None and isinstance(self._items, list):
            self._items.append(value)
        else:
            self._items[key] = value

    def __delitem__(self, key: t.Any) -> None:
        del self._items[key]

    def __contains__(self, key: object) -> bool:
        if isinstance(self._items, list):
            return isinstance(key, int) and -len(self._items) <= key < len(self._items)
        return key in self._items

    def __iter__(self) -> t.Iterator[t.Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ArrayObject):
            return bool(self._items == other._items)
        return bool(self._items == other)

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"ArrayObject({self._items!r})"

    def __getattr__(self, name: str) -> t.Any:
        if name.startswith("_"):
            raise AttributeError(name)
        items = object.__getattribute__(self, "_items")
        if isinstance(items, dict) and name in items:
            return items[name]
        raise AttributeError(f"ArrayObject has no key [{name}].")

    def __setattr__(self, name: str, value: t.Any) -> None:
        if name.startswith("_") or not isinstance(self._items, dict):
            raise AttributeError(
                f"Cannot set [{name}] on an ArrayObject of a list; use item access."
            )
        self._items[name] = value

    # -- Laravel's API -------------------------------------------------------------

    def get(self, key: t.Any, default: t.Any = None) -> t.Any:
        """Return the value at ``key``, or ``default``."""
        try:
            return self._items[key]
        except (KeyError, IndexError, TypeError):
            return default

    def keys(self) -> t.Any:
        """Return the keys (indexes for a list)."""
        if isinstance(self._items, list):
            return range(len(self._items))
        return self._items.keys()

    def values(self) -> t.Any:
        """Return the values."""
        if isinstance(self._items, list):
            return list(self._items)
        return self._items.values()

    def items(self) -> t.Any:
        """Return ``(key, value)`` pairs (indexes for a list)."""
        if isinstance(self._items, list):
            return list(enumerate(self._items))
        return self._items.items()

    def append(self, value: t.Any) -> None:
        """Append a value to a list. Laravel: ``ArrayObject::append()``."""
        self._items.append(value)

    def count(self) -> int:
        """Return the number of items. Laravel: ``ArrayObject::count()``."""
        return len(self._items)

    def get_array_copy(self) -> t.Any:
        """Return a copy of the dict or list. Laravel: ``getArrayCopy()``."""
        return copy.deepcopy(self._items)

    def to_array(self) -> t.Any:
        """Return a copy of the dict or list. Laravel: ``ArrayObject::toArray()``."""
        return self.get_array_copy()

    def json_serialize(self) -> t.Any:
        """Return what JSON encodes. Laravel: ``ArrayObject::jsonSerialize()``."""
        return self.get_array_copy()

    def collect(self) -> t.Any:
        """Return the items as a Collection. Laravel: ``ArrayObject::collect()``."""
        from protevus.support.collection import Collection

        return Collection(self.get_array_copy())
