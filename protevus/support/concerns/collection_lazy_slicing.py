"""Slicing and eager fallbacks of ``LazyCollection``.

``take``, ``skip``, ``slice``, ``chunk``, ``take_until_timeout``, ``remember``...
only wrap the source in another generator. Methods that need every item at once
(``sort``, ``group_by``, ``reverse``...) defer to ``Collection`` when the result is
first enumerated, as Laravel's ``passthru()`` does.

Laravel: the slicing methods of ``Illuminate\\Support\\LazyCollection``.
"""

from __future__ import annotations

import itertools
import math
import time
import typing as t
from datetime import datetime

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.concerns.collection_helpers import MISSING
from protevus.support.concerns.collection_slicing import chunk_caller
from protevus.support.concerns.collection_slicing import until_test

if t.TYPE_CHECKING:
    from protevus.support.collection import Collection

_Pairs = t.Iterator[tuple[t.Any, t.Any]]
_Source = t.Callable[[], _Pairs]


class LazySlicing(CamelAliases):
    """Cut a lazy collection without reading more of the source than needed.

    Laravel: ``LazyCollection::take()``, ``chunk()``, ``remember()``...
    """

    __slots__ = ()

    if t.TYPE_CHECKING:
        _source: _Source

        def __init__(self, source: t.Any = None) -> None: ...
        def _lazy(self, source: _Source) -> t.Self: ...
        def collect(self) -> Collection: ...

    def _passthru(self, method: str, *args: t.Any) -> t.Self:
        """Defer an eager ``Collection`` method until the result is enumerated."""
        return self._lazy(lambda: getattr(self.collect(), method)(*args)._pairs())

    def take(self, limit: int) -> t.Self:
        """Lazily take the first ``limit`` items (the last ones when negative).

        Laravel: ``LazyCollection::take()``.
        """
        if limit < 0:
            return self._passthru("take", limit)
        src = self._source
        return self._lazy(lambda: itertools.islice(src(), limit))

    def skip(self, count: int) -> t.Self:
        """Lazily skip the first ``count`` items.

        Laravel: ``LazyCollection::skip()``.
        """
        src = self._source
        return self._lazy(lambda: itertools.islice(src(), count, None))

    def slice(self, offset: int, length: int | None = None) -> t.Self:
        """Lazily return ``length`` items from ``offset`` (negatives are eager).

        Laravel: ``LazyCollection::slice()``.
        """
        if offset < 0 or (length is not None and length < 0):
            return self._passthru("slice", offset, length)
        stop = None if length is None else offset + length
        src = self._source
        return self._lazy(lambda: itertools.islice(src(), offset, stop))

    def take_while(self, val: t.Any) -> t.Self:
        """Lazily take items while they pass the test.

        Laravel: ``LazyCollection::takeWhile()``.
        """
        test = until_test(val)
        src = self._source
        return self._lazy(
            lambda: itertools.takewhile(lambda p: test(p[1], p[0]), src())
        )

    def take_until(self, val: t.Any) -> t.Self:
        """Lazily take items until one passes the test (or equals ``val``).

        Laravel: ``LazyCollection::takeUntil()``.
        """
        test = until_test(val)
        src = self._source
        return self._lazy(
            lambda: itertools.takewhile(lambda p: not test(p[1], p[0]), src())
        )

    def skip_while(self, val: t.Any) -> t.Self:
        """Lazily skip items while they pass the test.

        Laravel: ``LazyCollection::skipWhile()``.
        """
        test = until_test(val)
        src = self._source
        return self._lazy(
            lambda: itertools.dropwhile(lambda p: test(p[1], p[0]), src())
        )

    def skip_until(self, val: t.Any) -> t.Self:
        """Lazily skip items until one passes the test (or equals ``val``).

        Laravel: ``LazyCollection::skipUntil()``.
        """
        test = until_test(val)
        src = self._source
        return self._lazy(
            lambda: itertools.dropwhile(lambda p: not test(p[1], p[0]), src())
        )

    def take_until_timeout(self, timeout: datetime | float) -> t.Self:
        """Lazily yield items until ``timeout`` (a datetime, or seconds from now).

        Laravel: ``LazyCollection::takeUntilTimeout()``.
        """
        if isinstance(timeout, datetime):
            deadline = timeout.timestamp()
            clock = time.time
        else:
            deadline = time.monotonic() + float(timeout)
            clock = time.monotonic
        src = self._source

        def gen() -> _Pairs:
            if clock() >= deadline:
                return
            for pair in src():
                yield pair
                if clock() >= deadline:
                    break

        return self._lazy(gen)

    def throttle(self, seconds: float) -> t.Self:
        """Lazily yield items no faster than one every ``seconds``.

        Laravel: ``LazyCollection::throttle()``.
        """
        src = self._source

        def gen() -> _Pairs:
            for pair in src():
                started = time.monotonic()
                yield pair
                wait = seconds - (time.monotonic() - started)
                if wait > 0:
                    time.sleep(wait)

        return self._lazy(gen)

    def nth(self, step: int, offset: int = 0) -> t.Self:
        """Lazily yield every ``step``-th item from ``offset`` (renumbered).

        Laravel: ``LazyCollection::nth()``.
        """
        if step < 1:
            raise InvalidArgumentError(f"Step value [{step}] must be at least 1.")
        src = self._source
        return self._lazy(
            lambda: enumerate(v for _, v in itertools.islice(src(), offset, None, step))
        )

    def chunk(self, size: int, preserve_keys: bool = True) -> t.Self:
        """Lazily yield lazy collections of ``size`` items.

        Laravel: ``LazyCollection::chunk()``.
        """
        if size <= 0:
            return type(self)()
        src = self._source
        cls = type(self)

        def gen() -> t.Iterator[t.Any]:
            pairs = src()
            while part := list(itertools.islice(pairs, size)):
                chunk = dict(part) if preserve_keys else [v for _, v in part]
                yield cls(chunk)

        return self._lazy(lambda: enumerate(gen()))

    def chunk_while(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Lazily chunk consecutive items while ``callback(value, key, chunk)`` holds.

        Laravel: ``LazyCollection::chunkWhile()``.
        """
        call = chunk_caller(callback)
        src = self._source
        cls = type(self)

        def gen() -> t.Iterator[t.Any]:
            from protevus.support.collection import Collection

            chunk: Collection | None = None
            for k, v in src():
                if chunk is not None and not call(v, k, chunk):
                    yield cls(chunk)
                    chunk = None
                if chunk is None:
                    chunk = Collection()
                chunk.put(k, v)
            if chunk is not None:
                yield cls(chunk)

        return self._lazy(lambda: enumerate(gen()))

    def remember(self) -> t.Self:
        """Cache items as they are enumerated so the source runs only once.

        Laravel: ``LazyCollection::remember()``.
        """
        src = self._source
        cache: list[tuple[t.Any, t.Any]] = []
        state: dict[str, t.Any] = {"it": None, "done": False}

        def gen() -> _Pairs:
            index = 0
            while True:
                if index < len(cache):
                    yield cache[index]
                    index += 1
                    continue
                if state["done"]:
                    return
                if state["it"] is None:
                    state["it"] = src()
                pair = next(state["it"], MISSING)
                if pair is MISSING:
                    state["done"] = True
                    return
                cache.append(pair)
                yield pair
                index += 1

        return self._lazy(gen)

    # --- eager methods (the source is collected when first enumerated) -----

    def sort(self, callback: t.Any = None) -> t.Self:
        """Sort the values (see ``Collection.sort``). Laravel: ``sort()``."""
        return self._passthru("sort", callback)

    def sort_desc(self, options: int = 0) -> t.Self:
        """Sort descending (see ``Collection.sort_desc``). Laravel: ``sortDesc()``."""
        return self._passthru("sort_desc", options)

    def sort_by(
        self, callback: t.Any, options: int = 0, descending: bool = False
    ) -> t.Self:
        """Sort by a key or a callback. Laravel: ``sortBy()``."""
        return self._passthru("sort_by", callback, options, descending)

    def sort_by_desc(self, callback: t.Any, options: int = 0) -> t.Self:
        """Sort descending by a key or callback. Laravel: ``sortByDesc()``."""
        return self._passthru("sort_by_desc", callback, options)

    def sort_keys(self, options: int = 0, descending: bool = False) -> t.Self:
        """Sort by key. Laravel: ``sortKeys()``."""
        return self._passthru("sort_keys", options, descending)

    def sort_keys_desc(self, options: int = 0) -> t.Self:
        """Sort by key, descending. Laravel: ``sortKeysDesc()``."""
        return self._passthru("sort_keys_desc", options)

    def reverse(self) -> t.Self:
        """Reverse the items, keys kept. Laravel: ``reverse()``."""
        return self._passthru("reverse")

    def shuffle(self) -> t.Self:
        """Shuffle the values. Laravel: ``shuffle()``."""
        return self._passthru("shuffle")

    def group_by(self, group_by: t.Any, preserve_keys: bool = False) -> t.Self:
        """Group the items (see ``Collection.group_by``). Laravel: ``groupBy()``."""
        return self._passthru("group_by", group_by, preserve_keys)

    def key_by(self, key_by: t.Any) -> t.Self:
        """Key the items by a key or callback. Laravel: ``keyBy()``."""
        return self._passthru("key_by", key_by)

    def count_by(self, count_by: t.Any = None) -> t.Self:
        """Count the items by value, key or callback. Laravel: ``countBy()``."""
        return self._passthru("count_by", count_by)

    def flatten(self, depth: float = math.inf) -> t.Self:
        """Flatten nested items. Laravel: ``flatten()``."""
        return self._passthru("flatten", depth)

    def diff(self, items: t.Any) -> t.Self:
        """Return the values not in ``items``. Laravel: ``diff()``."""
        return self._passthru("diff", items)

    def diff_keys(self, items: t.Any) -> t.Self:
        """Return the items whose keys are not in ``items``. Laravel: ``diffKeys()``."""
        return self._passthru("diff_keys", items)

    def intersect(self, items: t.Any) -> t.Self:
        """Return the values also in ``items``. Laravel: ``intersect()``."""
        return self._passthru("intersect", items)

    def intersect_by_keys(self, items: t.Any) -> t.Self:
        """Keep items whose keys are in ``items``. Laravel: ``intersectByKeys()``."""
        return self._passthru("intersect_by_keys", items)

    def merge(self, items: t.Any) -> t.Self:
        """Merge ``items`` in. Laravel: ``merge()``."""
        return self._passthru("merge", items)

    def union(self, items: t.Any) -> t.Self:
        """Add items whose keys are new. Laravel: ``union()``."""
        return self._passthru("union", items)

    def pad(self, size: int, val: t.Any) -> t.Self:
        """Pad to ``abs(size)`` items. Laravel: ``pad()``."""
        return self._passthru("pad", size, val)

    def split(self, number_of_groups: int) -> t.Self:
        """Split into groups. Laravel: ``split()``."""
        return self._passthru("split", number_of_groups)

    def sliding(self, size: int = 2, step: int = 1) -> t.Self:
        """Return sliding windows. Laravel: ``sliding()``."""
        return self._passthru("sliding", size, step)

    def duplicates(self, callback: t.Any = None, strict: bool = False) -> t.Self:
        """Return the repeated items. Laravel: ``duplicates()``."""
        return self._passthru("duplicates", callback, strict)

    def random(self, number: t.Any = None, preserve_keys: bool = False) -> t.Any:
        """Return random items (enumerates everything). Laravel: ``random()``."""
        return self.collect().random(number, preserve_keys)
