"""A generator-backed collection that computes its items only when asked.

Laravel: ``Illuminate\\Support\\LazyCollection``.

``LazyCollection.make(fn)`` takes a function returning an iterable (usually a
generator function); it is called again on each enumeration, so the collection
can be walked several times. Lists, dicts, ranges and collections are accepted as
they are. ``map``, ``filter``, ``take``, ``chunk``, ``unique``, ``where``... only
wrap the source in another generator; nothing runs until ``all()``, ``each()``,
``first()``, ``count()``, iteration... So this works on an endless source::

    LazyCollection.times(None).filter(lambda n: n % 2).take(3).values().all()   # [1, 3, 5]

Methods that need every item at once (``sort``, ``group_by``, ``reverse``...)
collect the source when the result is first enumerated, as in Laravel. Mutating
methods (``push``, ``pop``, ``shift``...) do not exist here. ``len()`` is not
supported (it would run the source); use :meth:`LazyCollection.count`.
"""

from __future__ import annotations

import itertools
import math
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ItemNotFoundError
from protevus.exceptions import MultipleItemsFoundError
from protevus.support.collection import Collection
from protevus.support.concerns.collection_helpers import MISSING
from protevus.support.concerns.collection_helpers import arrayable_items
from protevus.support.concerns.collection_helpers import getter
from protevus.support.concerns.collection_helpers import kv_caller
from protevus.support.concerns.collection_helpers import operator_for_where
from protevus.support.concerns.collection_helpers import value_retriever
from protevus.support.concerns.collection_lazy_slicing import LazySlicing
from protevus.support.concerns.collection_sets import fingerprint
from protevus.support.concerns.enumerates_values import EnumeratesValues
from protevus.support.concerns.php_arrays import as_php_array
from protevus.support.concerns.php_compare import loose_equals
from protevus.support.concerns.php_compare import strict_equals
from protevus.support.concerns.php_compare import truthy
from protevus.support.helpers import value
from protevus.support.macroable import Macroable

__all__ = ["LazyCollection"]

_Pairs = t.Iterator[tuple[t.Any, t.Any]]
_Source = t.Callable[[], _Pairs]


def _pairs_of(result: t.Any) -> _Pairs:
    """Return the ``(key, value)`` pairs of whatever a source function returned."""
    if isinstance(result, dict | t.Mapping):
        return iter(result.items())
    pairs = getattr(result, "_pairs", None)
    if pairs is not None:
        return t.cast(_Pairs, pairs())
    if result is None:
        return iter(())
    return enumerate(result)


class LazyCollection(LazySlicing, EnumeratesValues, Macroable):
    """Enumerate items from a generator function, one at a time.

    Laravel: ``Illuminate\\Support\\LazyCollection``.
    """

    __slots__ = ("_source",)

    _source: _Source

    def __init__(self, source: t.Any = None) -> None:
        if source is None:
            self._source = lambda: iter(())
        elif isinstance(source, LazyCollection):
            self._source = source._source
        elif hasattr(source, "_pairs"):
            self._source = source._pairs
        elif callable(source) and not isinstance(source, type):
            fn = source
            self._source = lambda: _pairs_of(fn())
        elif isinstance(source, t.Iterator):
            raise InvalidArgumentError(
                f"A [{type(source).__name__}] can be read only once; pass the "
                "generator function itself: LazyCollection.make(lambda: gen())."
            )
        elif isinstance(source, dict | t.Mapping):
            self._source = lambda: iter(source.items())
        elif isinstance(source, list | tuple | range):
            self._source = lambda: enumerate(source)
        else:
            items = arrayable_items(source)
            self._source = lambda: iter(items.items())

    def _lazy(self, source: _Source) -> t.Self:
        new = object.__new__(type(self))
        new._source = source
        return new

    def _pairs(self) -> _Pairs:
        return self._source()

    def __iter__(self) -> t.Iterator[t.Any]:
        for _, v in self._source():
            yield v

    def __repr__(self) -> str:
        return f"<{type(self).__name__} (lazy)>"

    def items(self) -> _Pairs:
        """Return an iterator of ``(key, value)`` pairs.

        Laravel: none (``foreach ($lazy as $key => $value)``).
        """
        return self._source()

    # --- construction -----------------------------------------------------

    @classmethod
    def times(
        cls, number: float | None = None, callback: t.Callable[..., t.Any] | None = None
    ) -> t.Self:
        """Create a lazy collection of ``callback(n)`` for ``n`` in ``1..number``.

        ``None`` or ``math.inf`` counts forever.

        Laravel: ``LazyCollection::times()``.
        """
        if number is not None and number < 1:
            return cls()
        call = kv_caller(callback) if callback is not None else None
        stop = None if number is None or math.isinf(number) else int(number)

        def gen() -> _Pairs:
            for i, n in enumerate(itertools.islice(itertools.count(1), stop)):
                yield i, (n if call is None else call(n, i))

        return cls()._lazy(gen)

    @classmethod
    def range(cls, from_: int, to: int, step: int = 1) -> t.Self:
        """Create a lazy collection of the integers ``from_..to`` inclusive.

        Laravel: ``LazyCollection::range()``.
        """
        step = abs(step) or 1
        numbers = (
            range(from_, to + 1, step) if from_ <= to else range(from_, to - 1, -step)
        )
        return cls(numbers)

    # --- reading ----------------------------------------------------------

    def all(self) -> list[t.Any] | dict[t.Any, t.Any]:
        """Enumerate every item: a list when keyed ``0..n-1``, else a dict.

        Laravel: ``LazyCollection::all()``.
        """
        return as_php_array(dict(self._source()))

    def eager(self) -> t.Self:
        """Enumerate the source once and keep the items in memory.

        Laravel: ``LazyCollection::eager()``.
        """
        return type(self)(dict(self._source()))

    def lazy(self) -> t.Self:
        """Return this lazy collection.

        Laravel: ``LazyCollection::lazy()``.
        """
        return self

    def count(self) -> int:
        """Count the items (this enumerates the source).

        Laravel: ``LazyCollection::count()``.
        """
        return sum(1 for _ in self._source())

    def is_empty(self) -> bool:
        """Determine if the source yields nothing (reads at most one item).

        Laravel: ``LazyCollection::isEmpty()``.
        """
        return next(self._source(), MISSING) is MISSING

    def get(self, key: t.Any, default: t.Any = None) -> t.Any:
        """Return the item at ``key``, reading only as far as needed.

        Laravel: ``LazyCollection::get()``.
        """
        for k, v in self._source():
            if k == key:
                return v
        return value(default)

    def has(self, *keys: t.Any) -> bool:
        """Determine if every given key exists.

        Laravel: ``LazyCollection::has()``.
        """
        wanted = set(keys[0] if len(keys) == 1 and isinstance(keys[0], list) else keys)
        for k, _ in self._source():
            wanted.discard(k)
            if not wanted:
                return True
        return not wanted

    def has_any(self, *keys: t.Any) -> bool:
        """Determine if any of the given keys exists.

        Laravel: ``LazyCollection::hasAny()``.
        """
        wanted = set(keys[0] if len(keys) == 1 and isinstance(keys[0], list) else keys)
        return any(k in wanted for k, _ in self._source())

    def first(self, callback: t.Any = None, default: t.Any = None) -> t.Any:
        """Return the first item (passing ``callback``), reading only that far.

        Laravel: ``LazyCollection::first()``.
        """
        if callback is None:
            for _, v in self._source():
                return v
            return value(default)
        call = kv_caller(callback)
        for k, v in self._source():
            if call(v, k):
                return v
        return value(default)

    def last(self, callback: t.Any = None, default: t.Any = None) -> t.Any:
        """Return the last item (passing ``callback``); enumerates everything.

        Laravel: ``LazyCollection::last()``.
        """
        call = kv_caller(callback) if callback is not None else None
        found = MISSING
        for k, v in self._source():
            if call is None or call(v, k):
                found = v
        return value(default) if found is MISSING else found

    def first_or_fail(
        self, key: t.Any = None, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> t.Any:
        """Return the first (matching) item or raise ``ItemNotFoundError``.

        Laravel: ``LazyCollection::firstOrFail()``.
        """
        return self._bounded(key, operator, val).take(1).collect().first_or_fail()

    def sole(
        self, key: t.Any = None, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> t.Any:
        """Return the only (matching) item; reads at most two matches.

        Laravel: ``LazyCollection::sole()``.
        """
        found = self._bounded(key, operator, val).take(2).collect()
        if found.is_empty():
            raise ItemNotFoundError(
                "No item was found in the collection; sole() needs exactly one match."
            )
        if found.count() > 1:
            raise MultipleItemsFoundError(found.count())
        return found.first()

    def _bounded(self, key: t.Any, operator: t.Any, val: t.Any) -> t.Self:
        if operator is not MISSING or val is not MISSING:
            return self.filter(operator_for_where(key, operator, val))
        if key is None:
            return self
        return self.filter(key if callable(key) else operator_for_where(key))

    def contains(
        self, key: t.Any, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> bool:
        """Determine if an item, pair or test matches (loosely); stops at the first.

        Laravel: ``LazyCollection::contains()``.
        """
        if operator is MISSING and val is MISSING:
            if callable(key):
                call = kv_caller(key)
                return any(call(v, k) for k, v in self._source())
            return any(loose_equals(v, key) for v in self)
        test = operator_for_where(key, operator, val)
        return any(test(v, k) for k, v in self._source())

    def search(self, val: t.Any, strict: bool = False) -> t.Any:
        """Return the key of the first matching item, or ``False``.

        Laravel: ``LazyCollection::search()``.
        """
        if callable(val):
            call = kv_caller(val)
            return next((k for k, v in self._source() if call(v, k)), False)
        same = strict_equals if strict else loose_equals
        return next((k for k, v in self._source() if same(v, val)), False)

    def implode(self, val: t.Any, glue: str | None = None) -> str:
        """Join the items into a string (see ``Collection.implode``).

        Laravel: ``LazyCollection::implode()``.
        """
        return self.collect().implode(val, glue)

    def join(self, glue: str, final_glue: str = "") -> str:
        """Join the values with ``glue`` and the last with ``final_glue``.

        Laravel: ``LazyCollection::join()``.
        """
        return self.collect().join(glue, final_glue)

    # --- lazy transformations ---------------------------------------------

    def map(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Lazily map each item with ``callback(value, key)``, keys kept.

        Laravel: ``LazyCollection::map()``.
        """
        call = kv_caller(callback)
        src = self._source
        return self._lazy(lambda: ((k, call(v, k)) for k, v in src()))

    def map_with_keys(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Lazily build pairs from the ``{key: value}`` dicts ``callback`` returns.

        Laravel: ``LazyCollection::mapWithKeys()``.
        """
        call = kv_caller(callback)
        src = self._source

        def gen() -> _Pairs:
            for k, v in src():
                mapped = call(v, k)
                if isinstance(mapped, tuple) and len(mapped) == 2:
                    yield mapped[0], mapped[1]
                else:
                    yield from arrayable_items(mapped).items()

        return self._lazy(gen)

    def filter(self, callback: t.Any = None) -> t.Self:
        """Lazily keep the items passing ``callback`` (truthy items without one).

        Laravel: ``LazyCollection::filter()``.
        """
        src = self._source
        if callback is None:
            return self._lazy(lambda: ((k, v) for k, v in src() if truthy(v)))
        call = kv_caller(callback)
        return self._lazy(lambda: ((k, v) for k, v in src() if call(v, k)))

    def tap_each(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Call ``callback(value, key)`` as each item is pulled through.

        Laravel: ``LazyCollection::tapEach()``.
        """
        call = kv_caller(callback)
        src = self._source

        def gen() -> _Pairs:
            for k, v in src():
                call(v, k)
                yield k, v

        return self._lazy(gen)

    def keys(self) -> t.Self:
        """Lazily yield the keys.

        Laravel: ``LazyCollection::keys()``.
        """
        src = self._source
        return self._lazy(lambda: enumerate(k for k, _ in src()))

    def values(self) -> t.Self:
        """Lazily yield the values, re-indexed ``0..n-1``.

        Laravel: ``LazyCollection::values()``.
        """
        src = self._source
        return self._lazy(lambda: enumerate(v for _, v in src()))

    def flip(self) -> t.Self:
        """Lazily swap keys and values.

        Laravel: ``LazyCollection::flip()``.
        """
        src = self._source
        return self._lazy(lambda: ((v, k) for k, v in src()))

    def pluck(self, val: t.Any, key: t.Any = None) -> t.Self:
        """Lazily read ``val`` (dot notation) from each item, keyed by ``key``.

        Laravel: ``LazyCollection::pluck()``.
        """
        get_value = val if callable(val) else getter(val)
        src = self._source
        if key is None:
            return self._lazy(lambda: enumerate(get_value(v) for _, v in src()))
        get_key = key if callable(key) else getter(key)
        return self._lazy(lambda: ((get_key(v), get_value(v)) for _, v in src()))

    def collapse(self) -> t.Self:
        """Lazily flatten nested lists and collections by one level.

        Laravel: ``LazyCollection::collapse()``.
        """
        src = self._source

        def gen() -> t.Iterator[t.Any]:
            for _, v in src():
                if isinstance(v, list | tuple | dict) or hasattr(v, "_pairs"):
                    yield from arrayable_items(v).values()

        return self._lazy(lambda: enumerate(gen()))

    def concat(self, source: t.Iterable[t.Any]) -> t.Self:
        """Lazily append the values of ``source``.

        Laravel: ``LazyCollection::concat()``.
        """
        other = type(self)(source)
        return self._lazy(lambda: enumerate(itertools.chain(self, other)))

    def unique(self, key: t.Any = None, strict: bool = False) -> t.Self:
        """Lazily drop items repeating an earlier value (or key value).

        Laravel: ``LazyCollection::unique()``.
        """
        get = value_retriever(key) if key is not None else None
        same = strict_equals if strict else loose_equals
        src = self._source

        def gen() -> _Pairs:
            seen: set[t.Any] = set()
            kept: list[t.Any] = []
            slow = False
            for k, v in src():
                ident = v if get is None else get(v, k)
                mark = fingerprint(ident, strict)
                if mark is not None and not slow:
                    if mark in seen:
                        continue
                    seen.add(mark)
                elif any(same(ident, x) for x in kept):
                    continue
                else:
                    slow = True
                kept.append(ident)
                yield k, v

        return self._lazy(gen)

    def only(self, *keys: t.Any) -> t.Self:
        """Lazily keep the items with the given keys.

        Laravel: ``LazyCollection::only()``.
        """
        wanted = set(keys[0] if len(keys) == 1 and isinstance(keys[0], list) else keys)
        src = self._source
        return self._lazy(lambda: ((k, v) for k, v in src() if k in wanted))

    def except_(self, *keys: t.Any) -> t.Self:
        """Lazily drop the items with the given keys.

        Laravel: ``LazyCollection::except()``.
        """
        wanted = set(keys[0] if len(keys) == 1 and isinstance(keys[0], list) else keys)
        src = self._source
        return self._lazy(lambda: ((k, v) for k, v in src() if k not in wanted))

    def zip(self, *arrays: t.Any) -> t.Self:
        """Lazily pair the values with those of ``arrays`` by position.

        Laravel: ``LazyCollection::zip()``.
        """
        others = [type(self)(a) for a in arrays]
        return self._lazy(
            lambda: enumerate(
                Collection(list(row)) for row in itertools.zip_longest(self, *others)
            )
        )

    def combine(self, values: t.Any) -> t.Self:
        """Lazily use the values as keys for ``values``.

        Laravel: ``LazyCollection::combine()``.
        """
        other = type(self)(values)
        return self._lazy(lambda: zip(self, other, strict=False))
