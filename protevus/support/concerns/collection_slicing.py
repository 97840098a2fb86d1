"""Slicing, chunking, grouping and reshaping methods of ``Collection``.

Keys survive exactly as in PHP: ``slice``, ``take``, ``chunk`` and ``group_by``
(with ``preserve_keys``) keep them; ``nth``, ``split`` and ``values`` renumber.

Laravel: the chunk/slice/group methods of ``Illuminate\\Support\\Collection``.
"""

from __future__ import annotations

import math
import typing as t
from enum import Enum
from itertools import dropwhile
from itertools import islice
from itertools import takewhile

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.arr import data_set
from protevus.support.concerns.collection_helpers import arrayable_items
from protevus.support.concerns.collection_helpers import kv_caller
from protevus.support.concerns.collection_helpers import value_retriever
from protevus.support.concerns.php_arrays import arity
from protevus.support.concerns.php_arrays import renumber
from protevus.support.concerns.php_compare import strict_equals


def array_key(key: t.Any) -> t.Any:
    """Return ``key`` as PHP stores it: bools as ints, enums as values, None as ''."""
    if key is None:
        return ""
    if type(key) is bool:
        return int(key)
    if isinstance(key, Enum):
        return key.value
    return key


def until_test(val: t.Any) -> t.Callable[[t.Any, t.Any], t.Any]:
    """Return ``fn(value, key)`` for ``take_until``-style arguments (strict ``===``)."""
    if callable(val):
        return kv_caller(val)
    return lambda v, k: strict_equals(v, val)


def chunk_caller(
    fn: t.Callable[..., t.Any],
) -> t.Callable[[t.Any, t.Any, t.Any], t.Any]:
    """Return ``fn`` adapted to be called as ``fn(value, key, chunk)``."""
    n = arity(fn)
    if n >= 3:
        return fn
    if n == 2:
        return lambda v, k, c: fn(v, k)
    return lambda v, k, c: fn(v)


def _flatten(values: t.Iterable[t.Any], depth: float, out: list[t.Any]) -> None:
    for item in values:
        inner: t.Iterable[t.Any] | None = None
        if isinstance(item, dict):
            inner = item.values()
        elif isinstance(item, list | tuple):
            inner = item
        elif hasattr(item, "_pairs"):
            inner = list(item)
        if inner is None:
            out.append(item)
        elif depth == 1:
            out.extend(inner)
        else:
            _flatten(inner, depth - 1, out)


def _dot(items: t.Any, prepend: str, out: dict[t.Any, t.Any]) -> None:
    pairs = arrayable_items(items).items()
    for k, v in pairs:
        if isinstance(v, dict | list | tuple) and v:
            _dot(v, f"{prepend}{k}.", out)
        else:
            out[f"{prepend}{k}" if prepend else k] = v


class CollectionSlicing(CamelAliases):
    """Cut a collection into parts, or regroup and reshape its items.

    Laravel: ``Collection::chunk()``, ``slice()``, ``groupBy()``, ``flatten()``...
    """

    __slots__ = ()

    if t.TYPE_CHECKING:
        _items: dict[t.Any, t.Any]

        def _new(self, items: dict[t.Any, t.Any]) -> t.Self: ...
        def count(self) -> int: ...
        def push(self, *values: t.Any) -> t.Self: ...
        def last(self, callback: t.Any = None, default: t.Any = None) -> t.Any: ...

    def slice(self, offset: int, length: int | None = None) -> t.Self:
        """Return ``length`` items from ``offset`` (negatives count from the end).

        Keys are preserved.

        Laravel: ``Collection::slice()``.
        """
        items = self._items
        if offset >= 0 and (length is None or length >= 0):
            stop = None if length is None else offset + length
            return self._new(dict(islice(items.items(), offset, stop)))
        pairs = list(items.items())
        n = len(pairs)
        start = max(n + offset, 0) if offset < 0 else offset
        if length is None:
            end = n
        elif length < 0:
            end = n + length
        else:
            end = start + length
        return self._new(dict(pairs[start:end]))

    def take(self, limit: int) -> t.Self:
        """Return the first ``limit`` items, or the last ones when negative.

        Laravel: ``Collection::take()``.
        """
        if limit < 0:
            return self.slice(limit, abs(limit))
        return self.slice(0, limit)

    def skip(self, count: int) -> t.Self:
        """Return the items after the first ``count``.

        Laravel: ``Collection::skip()``.
        """
        return self.slice(count)

    def take_until(self, val: t.Any) -> t.Self:
        """Return items up to (not including) the first that passes the test.

        Laravel: ``Collection::takeUntil()``.
        """
        test = until_test(val)
        return self._new(
            dict(takewhile(lambda p: not test(p[1], p[0]), self._items.items()))
        )

    def take_while(self, val: t.Any) -> t.Self:
        """Return items while they pass the test.

        Laravel: ``Collection::takeWhile()``.
        """
        test = until_test(val)
        return self._new(
            dict(takewhile(lambda p: test(p[1], p[0]), self._items.items()))
        )

    def skip_until(self, val: t.Any) -> t.Self:
        """Skip items until one passes the test; return it and the rest.

        Laravel: ``Collection::skipUntil()``.
        """
        test = until_test(val)
        return self._new(
            dict(dropwhile(lambda p: not test(p[1], p[0]), self._items.items()))
        )

    def skip_while(self, val: t.Any) -> t.Self:
        """Skip items while they pass the test; return the rest.

        Laravel: ``Collection::skipWhile()``.
        """
        test = until_test(val)
        return self._new(
            dict(dropwhile(lambda p: test(p[1], p[0]), self._items.items()))
        )

    def nth(self, step: int, offset: int = 0) -> t.Self:
        """Return every ``step``-th item starting at ``offset`` (renumbered).

        Laravel: ``Collection::nth()``.
        """
        if step < 1:
            raise InvalidArgumentError(f"Step value [{step}] must be at least 1.")
        values = list(self._items.values())[offset:][::step]
        return self._new(dict(enumerate(values)))

    def chunk(self, size: int, preserve_keys: bool = True) -> t.Self:
        """Break the items into collections of ``size`` (keys kept by default).

        Laravel: ``Collection::chunk()``.
        """
        if size <= 0:
            return self._new({})
        pairs = iter(self._items.items())
        chunks: dict[t.Any, t.Any] = {}
        i = 0
        while part := list(islice(pairs, size)):
            chunk = dict(part) if preserve_keys else dict(enumerate(v for _, v in part))
            chunks[i] = self._new(chunk)
            i += 1
        return self._new(chunks)

    def chunk_while(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Chunk consecutive items while ``callback(value, key, chunk)`` is truthy.

        Laravel: ``Collection::chunkWhile()``.
        """
        call = chunk_caller(callback)
        chunks: dict[t.Any, t.Any] = {}
        current: t.Self | None = None
        for k, v in self._items.items():
            if current is not None and not call(v, k, current):
                chunks[len(chunks)] = current
                current = None
            if current is None:
                current = self._new({})
            current._items[k] = v
        if current is not None:
            chunks[len(chunks)] = current
        return self._new(chunks)

    def chunk_by(self, callback: t.Any) -> t.Self:
        """Chunk adjacent items whose key value (or callback result) is the same.

        Laravel: ``Collection::chunkBy()``.
        """
        get = value_retriever(callback)
        return self.chunk_while(
            lambda v, k, chunk: strict_equals(get(v, k), get(chunk.last(), None))
        )

    def sliding(self, size: int = 2, step: int = 1) -> t.Self:
        """Return overlapping windows of ``size`` items, ``step`` apart (keys kept).

        Laravel: ``Collection::sliding()``.
        """
        if size < 1:
            raise InvalidArgumentError(f"Size value [{size}] must be at least 1.")
        if step < 1:
            raise InvalidArgumentError(f"Step value [{step}] must be at least 1.")
        pairs = list(self._items.items())
        windows = (len(pairs) - size) // step + 1
        return self._new(
            {
                i: self._new(dict(pairs[i * step : i * step + size]))
                for i in range(max(windows, 0))
            }
        )

    def split(self, number_of_groups: int) -> t.Self:
        """Break the items into ``number_of_groups`` groups, as even as possible.

        Laravel: ``Collection::split()``.
        """
        if number_of_groups < 1:
            raise InvalidArgumentError(
                f"Number of groups [{number_of_groups}] must be at least 1."
            )
        pairs = list(self._items.items())
        size, remain = divmod(len(pairs), number_of_groups)
        groups: dict[t.Any, t.Any] = {}
        start = 0
        for i in range(number_of_groups):
            length = size + (1 if i < remain else 0)
            if length:
                groups[len(groups)] = self._new(renumber(pairs[start : start + length]))
                start += length
        return self._new(groups)

    def split_in(self, number_of_groups: int) -> t.Self:
        """Break the items into groups, filling each but the last completely.

        Laravel: ``Collection::splitIn()``.
        """
        if number_of_groups < 1:
            raise InvalidArgumentError(
                f"Number of groups [{number_of_groups}] must be at least 1."
            )
        return self.chunk(math.ceil(len(self._items) / number_of_groups))

    # --- regrouping -------------------------------------------------------

    def group_by(self, group_by: t.Any, preserve_keys: bool = False) -> t.Self:
        """Group the items by a key, a callback, or a list of them (nested groups).

        A callback may return a list to put the item in several groups.

        Laravel: ``Collection::groupBy()``.
        """
        rest: list[t.Any] = []
        if isinstance(group_by, list | tuple):
            group_by, *rest = group_by
        get = value_retriever(group_by)
        buckets: dict[t.Any, dict[t.Any, t.Any]] = {}
        for k, v in self._items.items():
            group_keys = get(v, k)
            if not isinstance(group_keys, list | tuple):
                group_keys = [group_keys]
            for group_key in group_keys:
                bucket = buckets.setdefault(array_key(group_key), {})
                bucket[k if preserve_keys else len(bucket)] = v
        groups = {key: self._new(bucket) for key, bucket in buckets.items()}
        if rest:
            groups = {k: g.group_by(rest, preserve_keys) for k, g in groups.items()}
        return self._new(groups)

    def key_by(self, key_by: t.Any) -> t.Self:
        """Key the items by a key's value or a callback's result (last one wins).

        Laravel: ``Collection::keyBy()``.
        """
        get = value_retriever(key_by)
        return self._new({array_key(get(v, k)): v for k, v in self._items.items()})

    def count_by(self, count_by: t.Any = None) -> t.Self:
        """Count the items by value, by a key's value or by a callback's result.

        Laravel: ``Collection::countBy()``.
        """
        get = value_retriever(count_by)
        counts: dict[t.Any, int] = {}
        for k, v in self._items.items():
            group = array_key(get(v, k))
            counts[group] = counts.get(group, 0) + 1
        return self._new(counts)

    def map_to_dictionary(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Group values by the ``{key: value}`` pairs ``callback`` returns (as lists).

        Laravel: ``Collection::mapToDictionary()``.
        """
        call = kv_caller(callback)
        groups: dict[t.Any, list[t.Any]] = {}
        for k, v in self._items.items():
            mapped = call(v, k)
            pairs = (
                [mapped]
                if isinstance(mapped, tuple)
                else arrayable_items(mapped).items()
            )
            for group, item in pairs:
                groups.setdefault(group, []).append(item)
        return self._new(t.cast(dict[t.Any, t.Any], groups))

    def map_to_groups(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Group values by the ``{key: value}`` pairs ``callback`` returns.

        Laravel: ``Collection::mapToGroups()``.
        """
        groups = self.map_to_dictionary(callback)._items
        return self._new({k: self._new(dict(enumerate(v))) for k, v in groups.items()})

    def flatten(self, depth: float = math.inf) -> t.Self:
        """Flatten nested lists, dicts and collections into one level of values.

        Laravel: ``Collection::flatten()``.
        """
        out: list[t.Any] = []
        _flatten(self._items.values(), depth, out)
        return self._new(dict(enumerate(out)))

    def collapse_with_keys(self) -> t.Self:
        """Merge nested dicts/collections into one, keeping their keys.

        Laravel: ``Collection::collapseWithKeys()``.
        """
        out: dict[t.Any, t.Any] = {}
        for v in self._items.values():
            if isinstance(v, dict | list | tuple) or hasattr(v, "_pairs"):
                out.update(arrayable_items(v))
        return self._new(out)

    def dot(self) -> t.Self:
        """Flatten nested items into one level with ``'a.b.c'`` keys.

        Laravel: ``Collection::dot()``.
        """
        out: dict[t.Any, t.Any] = {}
        _dot(self._items, "", out)
        return self._new(out)

    def undot(self) -> t.Self:
        """Expand ``'a.b.c'`` keys into nested dicts.

        Laravel: ``Collection::undot()``.
        """
        out: dict[t.Any, t.Any] = {}
        for k, v in self._items.items():
            if isinstance(k, str):
                data_set(out, k, v)
            else:
                out[k] = v
        return self._new(out)
