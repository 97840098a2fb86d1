"""The methods that change a ``Collection`` in place.

Laravel mutates in ``push``, ``put``, ``forget``, ``pull``, ``pop``, ``shift``,
``prepend``, ``splice`` and ``transform``; so does Protevus. ``shift``, ``splice``
and key-less ``prepend`` renumber int keys as PHP's ``array_shift`` does, and
``push`` appends at PHP's next index (the largest int key + 1).

Laravel: the mutating methods of ``Illuminate\\Support\\Collection``.
"""

from __future__ import annotations

import typing as t
from itertools import islice

from protevus.support.aliases import CamelAliases
from protevus.support.concerns.collection_helpers import arrayable_items
from protevus.support.concerns.php_arrays import renumber
from protevus.support.helpers import value


class CollectionMutations(CamelAliases):
    """Add, remove and replace items of the collection itself.

    Laravel: ``Collection::push()``, ``put()``, ``pull()``, ``shift()``...
    """

    if t.TYPE_CHECKING:
        _items: dict[t.Any, t.Any]
        _next: int | None

        def _new(self, items: dict[t.Any, t.Any]) -> t.Self: ...
        def map(self, callback: t.Callable[..., t.Any]) -> t.Self: ...
    else:
        # mypy reads an empty __slots__ as "no attributes may be assigned here".
        __slots__ = ()

    def _next_index(self) -> int:
        nxt = self._next
        if nxt is None:
            nxt = max((k for k in self._items if type(k) is int), default=-1) + 1
        return nxt

    def push(self, *values: t.Any) -> t.Self:
        """Append values at PHP's next index (largest int key + 1); mutates.

        Laravel: ``Collection::push()``.
        """
        items = self._items
        nxt = self._next_index()
        for v in values:
            items[nxt] = v
            nxt += 1
        self._next = nxt
        return self

    def add(self, item: t.Any) -> t.Self:
        """Append one item; mutates.

        Laravel: ``Collection::add()``.
        """
        return self.push(item)

    def put(self, key: t.Any, val: t.Any) -> t.Self:
        """Set ``key`` to ``val`` (a ``None`` key pushes); mutates.

        Laravel: ``Collection::put()``.
        """
        if key is None:
            return self.push(val)
        self._items[key] = val
        if type(key) is int and self._next is not None and key >= self._next:
            self._next = key + 1
        return self

    def forget(self, keys: t.Any) -> t.Self:
        """Remove one key or a list of keys; mutates.

        Laravel: ``Collection::forget()``.
        """
        items = self._items
        for key in arrayable_items(keys).values():
            items.pop(key, None)
        return self

    def pull(self, key: t.Any, default: t.Any = None) -> t.Any:
        """Remove and return the item at ``key`` (or ``default``); mutates.

        Laravel: ``Collection::pull()``.
        """
        if key in self._items:
            return self._items.pop(key)
        return value(default)

    def pop(self, count: int = 1) -> t.Any:
        """Remove and return the last item, or a collection of the last ``count``.

        Laravel: ``Collection::pop()``.
        """
        items = self._items
        self._next = None
        if count < 1:
            return self._new({})
        if count == 1:
            return items.popitem()[1] if items else None
        popped = [items.popitem()[1] for _ in range(min(count, len(items)))]
        return self._new(dict(enumerate(popped)))

    def shift(self, count: int = 1) -> t.Any:
        """Remove and return the first item (or a collection of the first ``count``).

        Int keys of the remaining items are renumbered, as PHP's ``array_shift`` does.

        Laravel: ``Collection::shift()``.
        """
        if count < 0:
            raise ValueError(
                f"Number of shifted items [{count}] may not be less than zero."
            )
        items = self._items
        if not items:
            return None
        if count == 0:
            return self._new({})
        taken = [v for _, v in islice(items.items(), count)]
        self._items = renumber(islice(items.items(), count, None))
        self._next = None
        if count == 1:
            return taken[0]
        return self._new(dict(enumerate(taken)))

    def prepend(self, val: t.Any, key: t.Any = None) -> t.Self:
        """Add an item to the front (int keys renumbered when no key is given).

        Laravel: ``Collection::prepend()``.
        """
        if key is None:
            self._items = renumber([(None, val), *self._items.items()])
        else:
            rest = self._items
            self._items = {key: val}
            for k, v in rest.items():
                if k != key:
                    self._items[k] = v
        self._next = None
        return self

    def splice(
        self, offset: int, length: int | None = None, replacement: t.Any = None
    ) -> t.Self:
        """Remove and return a slice, optionally inserting ``replacement``; mutates.

        Laravel: ``Collection::splice()``.
        """
        pairs = list(self._items.items())
        n = len(pairs)
        start = max(n + offset, 0) if offset < 0 else min(offset, n)
        if length is None:
            end = n
        elif length < 0:
            end = max(n + length, start)
        else:
            end = min(start + length, n)
        new = [(None, v) for v in arrayable_items(replacement).values()]
        removed = pairs[start:end]
        self._items = renumber(pairs[:start] + new + pairs[end:])
        self._next = None
        return self._new(renumber(removed))

    def transform(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Replace every item with ``callback(value, key)``; mutates.

        Laravel: ``Collection::transform()``.
        """
        self._items = self.map(callback)._items
        return self
