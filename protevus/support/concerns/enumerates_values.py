"""Methods shared by ``Collection`` and ``LazyCollection``.

Everything here is written on top of a few primitives each class provides
(``_pairs()``, ``filter()``, ``map()``, ``first()``...), so the eager and the lazy
collection behave the same.

Laravel: ``Illuminate\\Support\\Traits\\EnumeratesValues``.
"""

from __future__ import annotations

import json
import typing as t

from protevus.support.arr import data_get
from protevus.support.concerns.collection_conditions import CollectionConditions
from protevus.support.concerns.collection_helpers import MISSING
from protevus.support.concerns.collection_helpers import getter
from protevus.support.concerns.collection_helpers import json_default
from protevus.support.concerns.collection_helpers import json_value
from protevus.support.concerns.collection_helpers import kv_caller
from protevus.support.concerns.collection_helpers import number
from protevus.support.concerns.collection_helpers import operator_for_where
from protevus.support.concerns.collection_helpers import php_divide
from protevus.support.concerns.collection_helpers import php_round
from protevus.support.concerns.collection_helpers import resolve_type
from protevus.support.concerns.collection_helpers import to_array_value
from protevus.support.concerns.collection_helpers import value_retriever
from protevus.support.concerns.php_arrays import arity
from protevus.support.concerns.php_arrays import as_php_array
from protevus.support.concerns.php_compare import loose_equals
from protevus.support.concerns.php_compare import php_compare
from protevus.support.concerns.php_compare import strict_equals

if t.TYPE_CHECKING:
    from protevus.support.collection import Collection


class EnumeratesValues(CollectionConditions):
    """Share the methods both collection classes build from their primitives.

    Laravel: ``Illuminate\\Support\\Traits\\EnumeratesValues``.
    """

    __slots__ = ()

    if t.TYPE_CHECKING:

        def __init__(self, items: t.Any = None) -> None: ...
        def _pairs(self) -> t.Iterator[tuple[t.Any, t.Any]]: ...
        def __iter__(self) -> t.Iterator[t.Any]: ...
        def all(self) -> t.Any: ...
        def count(self) -> int: ...
        def is_empty(self) -> bool: ...
        def filter(self, callback: t.Any = None) -> t.Self: ...
        def map(self, callback: t.Callable[..., t.Any]) -> t.Self: ...
        def first(self, callback: t.Any = None, default: t.Any = None) -> t.Any: ...
        def collapse(self) -> t.Self: ...
        def contains(
            self, key: t.Any, operator: t.Any = MISSING, val: t.Any = MISSING
        ) -> bool: ...
        def unique(self, key: t.Any = None, strict: bool = False) -> t.Self: ...
        def slice(self, offset: int, length: int | None = None) -> t.Self: ...
        def pluck(self, val: t.Any, key: t.Any = None) -> t.Self: ...
        def values(self) -> t.Self: ...
        def keys(self) -> t.Self: ...

    # --- construction ---------------------------------------------------

    @classmethod
    def make(cls, items: t.Any = None) -> t.Self:
        """Create a collection from ``items``.

        Laravel: ``Collection::make()``.
        """
        return cls(items)

    @classmethod
    def wrap(cls, val: t.Any) -> t.Self:
        """Wrap ``val`` in a collection unless it already is one.

        Laravel: ``Collection::wrap()``.
        """
        if val is None:
            return cls()
        if isinstance(val, list | tuple | dict) or hasattr(val, "_pairs"):
            return cls(val)
        return cls([val])

    @staticmethod
    def unwrap(val: t.Any) -> t.Any:
        """Return the items of a collection, or ``val`` unchanged.

        Laravel: ``Collection::unwrap()``.
        """
        if isinstance(val, EnumeratesValues):
            return val.all()
        return val

    @classmethod
    def empty(cls) -> t.Self:
        """Create an empty collection.

        Laravel: ``Collection::empty()``.
        """
        return cls()

    @classmethod
    def from_json(cls, text: str | bytes) -> t.Self:
        """Create a collection by decoding a JSON string.

        Laravel: ``Collection::fromJson()``.
        """
        return cls(json.loads(text))

    # --- aggregates -----------------------------------------------------

    def sum(self, callback: t.Any = None) -> t.Any:
        """Return the sum of the items, of a key, or of a callback's results.

        Numeric strings count as numbers and ``None`` as zero, as in PHP.

        Laravel: ``Collection::sum()``.
        """
        if callback is None:
            return sum(number(v) for v in self)
        get = value_retriever(callback)
        return sum(number(get(v, k)) for k, v in self._pairs())

    def avg(self, callback: t.Any = None) -> t.Any:
        """Return the average of the items (or of a key), skipping ``None``.

        Returns ``None`` for an empty collection.

        Laravel: ``Collection::avg()``.
        """
        get = value_retriever(callback)
        found = [number(x) for k, v in self._pairs() if (x := get(v, k)) is not None]
        if not found:
            return None
        return php_divide(sum(found), len(found))

    def average(self, callback: t.Any = None) -> t.Any:
        """Alias of :meth:`avg`.

        Laravel: ``Collection::average()``.
        """
        return self.avg(callback)

    def median(self, key: t.Any = None) -> t.Any:
        """Return the median of the items or of a key; ``None`` when empty.

        Laravel: ``Collection::median()``.
        """
        get = getter(key)
        found = sorted(
            (number(x) for v in self if (x := get(v)) is not None),
        )
        count = len(found)
        if not count:
            return None
        middle = count // 2
        if count % 2:
            return found[middle]
        return php_divide(found[middle - 1] + found[middle], 2)

    def mode(self, key: t.Any = None) -> list[t.Any] | None:
        """Return the most frequent values (a list, as ties are possible).

        Laravel: ``Collection::mode()``.
        """
        get = getter(key)
        counts: dict[t.Any, int] = {}
        for v in self:
            x = get(v)
            counts[x] = counts.get(x, 0) + 1
        if not counts:
            return None
        highest = max(counts.values())
        return [x for x, n in counts.items() if n == highest]

    def _extreme(self, callback: t.Any, sign: int) -> t.Any:
        get = value_retriever(callback)
        best: t.Any = None
        for k, v in self._pairs():
            x = get(v, k)
            if x is None:
                continue
            if best is None or php_compare(x, best) == sign:
                best = x
        return best

    def min(self, callback: t.Any = None) -> t.Any:
        """Return the smallest item, key value or callback result.

        Laravel: ``Collection::min()``.
        """
        return self._extreme(callback, -1)

    def max(self, callback: t.Any = None) -> t.Any:
        """Return the largest item, key value or callback result.

        Laravel: ``Collection::max()``.
        """
        return self._extreme(callback, 1)

    def percentage(
        self, callback: t.Callable[..., t.Any], precision: int = 2
    ) -> float | None:
        """Return the percentage of items passing ``callback``; ``None`` when empty.

        Laravel: ``Collection::percentage()``.
        """
        total = self.count()
        if not total:
            return None
        passed = self.filter(callback).count()
        return php_round(passed / total * 100, precision)

    # --- iteration ------------------------------------------------------

    def each(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Call ``callback(value, key)`` for each item; returning ``False`` stops.

        Laravel: ``Collection::each()``.
        """
        call = kv_caller(callback)
        for k, v in self._pairs():
            if call(v, k) is False:
                break
        return self

    def each_spread(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Call ``callback(*item)`` for each nested item; returning ``False`` stops.

        The item's key is passed last when the callback takes one more argument.

        Laravel: ``Collection::eachSpread()``.
        """
        n = arity(callback)
        for k, v in self._pairs():
            args = _spread(v)
            if n > len(args):
                args.append(k)
            if callback(*args) is False:
                break
        return self

    def map_spread(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Map each nested item by spreading its values into ``callback``.

        Laravel: ``Collection::mapSpread()``.
        """
        n = arity(callback)

        def spread(v: t.Any, k: t.Any) -> t.Any:
            args = _spread(v)
            if n > len(args):
                args.append(k)
            return callback(*args)

        return self.map(spread)

    def every(
        self, key: t.Any, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> bool:
        """Determine if every item passes the test (``True`` when empty).

        Laravel: ``Collection::every()``.
        """
        if operator is MISSING and val is MISSING:
            test = value_retriever(key)
        else:
            test = operator_for_where(key, operator, val)
        return all(test(v, k) for k, v in self._pairs())

    def some(self, key: t.Any, operator: t.Any = MISSING, val: t.Any = MISSING) -> bool:
        """Alias of :meth:`contains`.

        Laravel: ``Collection::some()``.
        """
        return self.contains(key, operator, val)

    def doesnt_contain(
        self, key: t.Any, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> bool:
        """Determine if the collection does not contain the item (loosely).

        Laravel: ``Collection::doesntContain()``.
        """
        return not self.contains(key, operator, val)

    def contains_strict(self, key: t.Any, val: t.Any = MISSING) -> bool:
        """Determine if an item (or a ``key``/``value`` pair) is present, strictly.

        Laravel: ``Collection::containsStrict()``.
        """
        if val is not MISSING:
            get = getter(key)
            return any(strict_equals(get(v), val) for v in self)
        if callable(key):
            test = kv_caller(key)
            return any(test(v, k) for k, v in self._pairs())
        return any(strict_equals(v, key) for v in self)

    def doesnt_contain_strict(self, key: t.Any, val: t.Any = MISSING) -> bool:
        """Determine if the collection does not contain the item, strictly.

        Laravel: ``Collection::doesntContainStrict()``.
        """
        return not self.contains_strict(key, val)

    def value(self, key: t.Any, default: t.Any = None) -> t.Any:
        """Return ``key`` from the first item that has it.

        Laravel: ``Collection::value()``.
        """
        for v in self:
            found = data_get(v, key, MISSING)
            if found is not MISSING:
                return found
        return default() if callable(default) else default

    def first_where(
        self, key: t.Any, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> t.Any:
        """Return the first item matching ``where(key, operator, value)``.

        Laravel: ``Collection::firstWhere()``.
        """
        return self.first(operator_for_where(key, operator, val))

    def flat_map(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Map each item, then collapse the results by one level.

        Laravel: ``Collection::flatMap()``.
        """
        return self.map(callback).collapse()

    def map_into(self, cls: t.Callable[[t.Any], t.Any]) -> t.Self:
        """Map each item into a new instance of ``cls`` (``cls(value)``).

        Laravel: ``Collection::mapInto()``.
        """
        return self.map(lambda v: cls(v))

    def for_page(self, page: int, per_page: int) -> t.Self:
        """Return the items on ``page`` (1-based) when ``per_page`` items fit a page.

        Laravel: ``Collection::forPage()``.
        """
        offset = max(0, (page - 1) * per_page)
        return self.slice(offset, per_page)

    def reduce(self, callback: t.Callable[..., t.Any], initial: t.Any = None) -> t.Any:
        """Reduce the items to one value with ``callback(carry, value, key)``.

        Laravel: ``Collection::reduce()``.
        """
        carry = initial
        if arity(callback) >= 3:
            for k, v in self._pairs():
                carry = callback(carry, v, k)
        else:
            for v in self:
                carry = callback(carry, v)
        return carry

    def reduce_spread(
        self, callback: t.Callable[..., t.Any], *initial: t.Any
    ) -> list[t.Any]:
        """Reduce to several values; ``callback(*carry, value, key)`` returns a list.

        Laravel: ``Collection::reduceSpread()``.
        """
        carry = list(initial)
        with_key = arity(callback) > len(carry) + 1
        for k, v in self._pairs():
            result = callback(*carry, v, k) if with_key else callback(*carry, v)
            if not isinstance(result, list | tuple):
                raise TypeError(
                    f"Reducer function must return a list or a tuple, not "
                    f"[{type(result).__name__}]."
                )
            carry = list(result)
        return carry

    def reduce_into(self, initial: t.Any, callback: t.Callable[..., t.Any]) -> t.Any:
        """Call ``callback(accumulator, value, key)`` per item and return ``initial``.

        The accumulator must be mutable (a list, dict or object): Python has no
        by-reference arguments.

        Laravel: ``Collection::reduceInto()``.
        """
        call = callback if arity(callback) >= 3 else None
        for k, v in self._pairs():
            if call is not None:
                call(initial, v, k)
            else:
                callback(initial, v)
        return initial

    def partition(
        self, key: t.Any, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> Collection:
        """Split into ``[passing, failing]`` collections, keys preserved.

        Laravel: ``Collection::partition()``.
        """
        from protevus.support.collection import Collection

        if operator is MISSING and val is MISSING:
            test = value_retriever(key)
        else:
            test = operator_for_where(key, operator, val)
        passed: dict[t.Any, t.Any] = {}
        failed: dict[t.Any, t.Any] = {}
        for k, v in self._pairs():
            (passed if test(v, k) else failed)[k] = v
        return Collection([type(self)(passed), type(self)(failed)])

    def reject(self, callback: t.Any = True) -> t.Self:
        """Remove the items passing ``callback`` (or equal to a value), keys kept.

        Laravel: ``Collection::reject()``.
        """
        if callable(callback):
            test = kv_caller(callback)
            return self.filter(lambda v, k: not test(v, k))
        return self.filter(lambda v: not loose_equals(v, callback))

    def unique_strict(self, key: t.Any = None) -> t.Self:
        """Return the unique items compared strictly.

        Laravel: ``Collection::uniqueStrict()``.
        """
        return self.unique(key, True)

    def ensure(self, types: t.Any) -> t.Self:
        """Raise ``TypeError`` unless every item is one of ``types``.

        ``types`` is a class, a type name (``'int'``, ``'str'``...) or a list of them.

        Laravel: ``Collection::ensure()``.
        """
        specs = types if isinstance(types, list | tuple) else [types]
        allowed: tuple[type, ...] = ()
        for spec in specs:
            resolved = resolve_type(spec)
            allowed += resolved if isinstance(resolved, tuple) else (resolved,)
        for position, v in enumerate(self):
            if not isinstance(v, allowed):
                names = ", ".join(getattr(s, "__name__", str(s)) for s in specs)
                raise TypeError(
                    f"Collection should only include [{names}] items, but "
                    f"[{type(v).__name__}] found at position {position}."
                )
        return self

    # --- conversion -----------------------------------------------------

    def collect(self) -> Collection:
        """Return a plain ``Collection`` of the items.

        Laravel: ``Collection::collect()``.
        """
        from protevus.support.collection import Collection

        return Collection(self)

    def to_array(self) -> list[t.Any] | dict[t.Any, t.Any]:
        """Return the items as a list or dict, converting Arrayable items.

        A list when the keys are ``0..n-1`` in order, otherwise a dict.

        Laravel: ``Collection::toArray()``.
        """
        return as_php_array({k: to_array_value(v) for k, v in self._pairs()})

    def json_serialize(self) -> list[t.Any] | dict[t.Any, t.Any]:
        """Return the items prepared for ``json.dumps``.

        Laravel: ``Collection::jsonSerialize()``.
        """
        return as_php_array({k: json_value(v) for k, v in self._pairs()})

    def to_json(self, **options: t.Any) -> str:
        """Return the items as compact JSON (``{"a":1}``); options go to ``json.dumps``.

        Laravel: ``Collection::toJson()``.
        """
        if "separators" not in options:
            options["separators"] = (",", ": ") if options.get("indent") else (",", ":")
        options.setdefault("default", json_default)
        return json.dumps(self.json_serialize(), **options)

    def to_pretty_json(self, **options: t.Any) -> str:
        """Return the items as indented JSON.

        Laravel: ``Collection::toPrettyJson()``.
        """
        options.setdefault("indent", 4)
        return self.to_json(**options)

    def dump(self, *args: t.Any) -> t.Self:
        """Print the items (and any extra values) and return the collection.

        Laravel: ``Collection::dump()``.
        """
        import pprint

        pprint.pprint(self.all())
        for arg in args:
            pprint.pprint(arg)
        return self

    def dd(self, *args: t.Any) -> t.NoReturn:
        """Print the items and stop the program (``SystemExit(1)``).

        Laravel: ``Collection::dd()``.
        """
        self.dump(*args)
        raise SystemExit(1)


def _spread(val: t.Any) -> list[t.Any]:
    if isinstance(val, EnumeratesValues):
        return list(val)
    if isinstance(val, dict):
        return list(val.values())
    if isinstance(val, list | tuple):
        return list(val)
    return [val]
