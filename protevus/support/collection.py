"""A fluent, key-preserving wrapper around a dict of items.

Laravel: ``Illuminate\\Support\\Collection`` and the ``collect()`` helper.

Items live in an ordered dict, so keys survive ``filter``, ``sort_by``, ``chunk``,
``slice``, ``unique``, ``where``... exactly as in PHP; only :meth:`values` re-indexes.
``collect([1, 2, 3])`` has keys ``0, 1, 2``; :meth:`Collection.all` gives a list
while the keys are ``0..n-1`` in order, and a dict otherwise.

Python protocols:

* ``for value in collection`` yields values; ``collection.items()`` yields pairs.
* ``len(c)``, ``bool(c)``; ``c[key]`` (``KeyError`` when missing), ``c[key] = v``
  (``c[None] = v`` pushes, like PHP's ``$c[] = $v``), ``del c[key]``.
* ``value in c`` tests the VALUES with Python's ``==`` (a collection reads like a
  list); :meth:`Collection.has` tests keys and :meth:`Collection.contains` uses
  PHP's loose comparison.
* ``c == other`` compares items in order with another collection, a list or a dict.
"""

from __future__ import annotations

import types
import typing as t

from protevus.exceptions import ItemNotFoundError
from protevus.exceptions import MultipleItemsFoundError
from protevus.support.concerns.collection_helpers import MISSING
from protevus.support.concerns.collection_helpers import arrayable_items
from protevus.support.concerns.collection_helpers import getter
from protevus.support.concerns.collection_helpers import kv_caller
from protevus.support.concerns.collection_helpers import operator_for_where
from protevus.support.concerns.collection_mutations import CollectionMutations
from protevus.support.concerns.collection_sets import CollectionSets
from protevus.support.concerns.collection_slicing import CollectionSlicing
from protevus.support.concerns.collection_sorting import CollectionSorting
from protevus.support.concerns.enumerates_values import EnumeratesValues
from protevus.support.concerns.php_arrays import arity
from protevus.support.concerns.php_arrays import array_merge
from protevus.support.concerns.php_arrays import as_php_array
from protevus.support.concerns.php_arrays import is_int_key
from protevus.support.concerns.php_compare import loose_equals
from protevus.support.concerns.php_compare import php_str
from protevus.support.concerns.php_compare import strict_equals
from protevus.support.concerns.php_compare import truthy
from protevus.support.helpers import value
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.support.lazy_collection import LazyCollection

__all__ = ["Collection", "collect"]


class Collection(
    CollectionMutations,
    CollectionSets,
    CollectionSlicing,
    CollectionSorting,
    EnumeratesValues,
    Macroable,
):
    """Wrap a list or dict of items in a fluent, key-preserving API.

    ``collect(users).where('active', True).sort_by('name').pluck('email', 'id')``.
    Methods that mutate in Laravel (``push``, ``put``, ``forget``, ``pull``,
    ``transform``, ``prepend``, ``pop``, ``shift``, ``splice``) mutate; all others
    return a new collection.

    Laravel: ``Illuminate\\Support\\Collection``.
    """

    __slots__ = ("_items", "_next")

    __class_getitem__: t.ClassVar[t.Any] = classmethod(types.GenericAlias)

    _items: dict[t.Any, t.Any]
    _next: int | None

    def __init__(self, items: t.Any = None) -> None:
        self._items = arrayable_items(items)
        self._next = None

    def _new(self, items: dict[t.Any, t.Any]) -> t.Self:
        """Return a collection of this class around ``items`` (not copied)."""
        new = object.__new__(type(self))
        new._items = items
        new._next = None
        return new

    def _pairs(self) -> t.Iterator[tuple[t.Any, t.Any]]:
        return iter(self._items.items())

    # --- Python protocols -------------------------------------------------

    def __iter__(self) -> t.Iterator[t.Any]:
        return iter(self._items.values())

    def __reversed__(self) -> t.Iterator[t.Any]:
        return reversed(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __contains__(self, item: object) -> bool:
        return item in self._items.values()

    def __getitem__(self, key: t.Any) -> t.Any:
        try:
            return self._items[key]
        except KeyError:
            # PHP folds '0' and 0 into one key; data_get() asks with strings.
            if is_int_key(key):
                folded = int(key)
                if folded in self._items:
                    return self._items[folded]
            raise

    def __setitem__(self, key: t.Any, val: t.Any) -> None:
        self.put(key, val)

    def __delitem__(self, key: t.Any) -> None:
        del self._items[key]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Collection):
            return list(self._items.items()) == list(other._items.items())
        if isinstance(other, dict):
            return list(self._items.items()) == list(other.items())
        if isinstance(other, list | tuple):
            return self.all() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({as_php_array(self._items)!r})"

    def items(self) -> t.ItemsView[t.Any, t.Any]:
        """Return a live view of the ``(key, value)`` pairs, like ``dict.items()``.

        Laravel: none (``foreach ($collection as $key => $value)``).
        """
        return self._items.items()

    def offset_exists(self, key: t.Any) -> bool:
        """Determine if ``key`` exists (PHP's ``isset($c[$key])`` semantics aside).

        Laravel: ``Collection::offsetExists()``.
        """
        if key in self._items:
            return True
        return is_int_key(key) and int(key) in self._items

    def offset_get(self, key: t.Any) -> t.Any:
        """Return the item at ``key``; raise ``KeyError`` when it is missing.

        Laravel: ``Collection::offsetGet()``.
        """
        return self[key]

    def offset_set(self, key: t.Any, val: t.Any) -> None:
        """Set the item at ``key``; a ``None`` key pushes.

        Laravel: ``Collection::offsetSet()``.
        """
        self.put(key, val)

    def offset_unset(self, key: t.Any) -> None:
        """Remove the item at ``key`` if present.

        Laravel: ``Collection::offsetUnset()``.
        """
        self._items.pop(key, None)

    # --- construction -----------------------------------------------------

    @classmethod
    def times(
        cls, number: int, callback: t.Callable[..., t.Any] | None = None
    ) -> t.Self:
        """Create a collection by calling ``callback(n)`` for ``n`` in ``1..number``.

        Laravel: ``Collection::times()``.
        """
        if number < 1:
            return cls()
        items = dict(enumerate(range(1, number + 1)))
        if callback is not None:
            call = kv_caller(callback)
            items = {k: call(v, k) for k, v in items.items()}
        return cls(items)

    @classmethod
    def range(cls, from_: int, to: int, step: int = 1) -> t.Self:
        """Create a collection of the integers from ``from_`` to ``to`` inclusive.

        Laravel: ``Collection::range()``.
        """
        if step == 0:
            raise ValueError("The step of range() must not be zero.")
        step = abs(step)
        if from_ <= to:
            return cls(list(range(from_, to + 1, step)))
        return cls(list(range(from_, to - 1, -step)))

    # --- reading ----------------------------------------------------------

    def all(self) -> list[t.Any] | dict[t.Any, t.Any]:
        """Return the items: a list when keyed ``0..n-1``, otherwise a dict.

        Laravel: ``Collection::all()``.
        """
        return as_php_array(self._items)

    def get(self, key: t.Any, default: t.Any = None) -> t.Any:
        """Return the item at ``key``, or ``default`` (called when callable).

        Laravel: ``Collection::get()``.
        """
        items = self._items
        if key in items:
            return items[key]
        return value(default)

    def has(self, *keys: t.Any) -> bool:
        """Determine if every given key exists (``has('a')``, ``has(['a', 'b'])``).

        Laravel: ``Collection::has()``.
        """
        wanted = (
            keys[0] if len(keys) == 1 and isinstance(keys[0], list | tuple) else keys
        )
        return all(k in self._items for k in wanted)

    def has_any(self, *keys: t.Any) -> bool:
        """Determine if any of the given keys exists.

        Laravel: ``Collection::hasAny()``.
        """
        wanted = (
            keys[0] if len(keys) == 1 and isinstance(keys[0], list | tuple) else keys
        )
        return any(k in self._items for k in wanted)

    def count(self) -> int:
        """Return the number of items.

        Laravel: ``Collection::count()``.
        """
        return len(self._items)

    def is_empty(self) -> bool:
        """Determine if the collection has no items.

        Laravel: ``Collection::isEmpty()``.
        """
        return not self._items

    def keys(self) -> t.Self:
        """Return a collection of the keys.

        Laravel: ``Collection::keys()``.
        """
        return self._new(dict(enumerate(self._items)))

    def values(self) -> t.Self:
        """Return the items re-indexed ``0..n-1``.

        Laravel: ``Collection::values()``.
        """
        return self._new(dict(enumerate(self._items.values())))

    def first(self, callback: t.Any = None, default: t.Any = None) -> t.Any:
        """Return the first item (passing ``callback``), or ``default``.

        Laravel: ``Collection::first()``.
        """
        if callback is None:
            for v in self._items.values():
                return v
            return value(default)
        call = kv_caller(callback)
        for k, v in self._items.items():
            if call(v, k):
                return v
        return value(default)

    def last(self, callback: t.Any = None, default: t.Any = None) -> t.Any:
        """Return the last item (passing ``callback``), or ``default``.

        Laravel: ``Collection::last()``.
        """
        if callback is None:
            for v in reversed(self._items.values()):
                return v
            return value(default)
        call = kv_caller(callback)
        for k, v in reversed(self._items.items()):
            if call(v, k):
                return v
        return value(default)

    def _filter_for(
        self, key: t.Any, operator: t.Any, val: t.Any
    ) -> t.Callable[..., t.Any] | None:
        if operator is not MISSING or val is not MISSING:
            return operator_for_where(key, operator, val)
        if key is None or callable(key):
            return t.cast(t.Callable[..., t.Any] | None, key)
        return operator_for_where(key)

    def first_or_fail(
        self, key: t.Any = None, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> t.Any:
        """Return the first (matching) item or raise ``ItemNotFoundError``.

        Laravel: ``Collection::firstOrFail()``.
        """
        found = self.first(self._filter_for(key, operator, val), MISSING)
        if found is MISSING:
            raise ItemNotFoundError(
                "No item was found in the collection; use first() to get None instead."
            )
        return found

    def sole(
        self, key: t.Any = None, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> t.Any:
        """Return the only (matching) item; raise when there are none or several.

        Raises ``ItemNotFoundError`` for none, ``MultipleItemsFoundError`` for more.

        Laravel: ``Collection::sole()``.
        """
        test = self._filter_for(key, operator, val)
        items = self if test is None else self.filter(test)
        count = len(items)
        if count == 0:
            raise ItemNotFoundError(
                "No item was found in the collection; sole() needs exactly one match."
            )
        if count > 1:
            raise MultipleItemsFoundError(count)
        return items.first()

    def has_sole(
        self, key: t.Any = None, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> bool:
        """Determine if exactly one item (matching the test) exists.

        Laravel: ``Collection::hasSole()``.
        """
        test = self._filter_for(key, operator, val)
        return len(self if test is None else self.filter(test)) == 1

    def has_many(
        self, key: t.Any = None, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> bool:
        """Determine if more than one item (matching the test) exists.

        Laravel: ``Collection::hasMany()``.
        """
        test = self._filter_for(key, operator, val)
        return len(self if test is None else self.filter(test)) > 1

    def contains(
        self, key: t.Any, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> bool:
        """Determine if an item, a ``key``/``value`` pair or a test matches (loosely).

        ``contains('Desk')``, ``contains('product', 'Desk')``,
        ``contains(lambda v: v > 5)``.

        Laravel: ``Collection::contains()``.
        """
        if operator is MISSING and val is MISSING:
            if callable(key):
                call = kv_caller(key)
                return any(call(v, k) for k, v in self._items.items())
            return any(loose_equals(v, key) for v in self._items.values())
        test = operator_for_where(key, operator, val)
        return any(test(v, k) for k, v in self._items.items())

    def search(self, val: t.Any, strict: bool = False) -> t.Any:
        """Return the key of the first matching item, or ``False`` (as in PHP).

        Laravel: ``Collection::search()``.
        """
        if callable(val):
            call = kv_caller(val)
            for k, v in self._items.items():
                if call(v, k):
                    return k
            return False
        same = strict_equals if strict else loose_equals
        for k, v in self._items.items():
            if same(v, val):
                return k
        return False

    def _neighbour(self, val: t.Any, strict: bool, step: int) -> t.Any:
        key = self.search(val, strict)
        if key is False:
            return None
        keys = list(self._items)
        position = next(i for i, k in enumerate(keys) if strict_equals(k, key))
        target = position + step
        if target < 0 or target >= len(keys):
            return None
        return self._items[keys[target]]

    def after(self, val: t.Any, strict: bool = False) -> t.Any:
        """Return the item after the first match, or ``None``.

        Laravel: ``Collection::after()``.
        """
        return self._neighbour(val, strict, 1)

    def before(self, val: t.Any, strict: bool = False) -> t.Any:
        """Return the item before the first match, or ``None``.

        Laravel: ``Collection::before()``.
        """
        return self._neighbour(val, strict, -1)

    def implode(self, val: t.Any, glue: str | None = None) -> str:
        """Join the items (or a key of each, or a callback's results) into a string.

        ``implode('-')`` for scalars, ``implode('product', ', ')`` for dicts/objects.

        Laravel: ``Collection::implode()``.
        """
        if callable(val):
            return (glue or "").join(php_str(x) for x in self.map(val))
        first = self.first()
        if isinstance(first, dict | list | tuple | EnumeratesValues) or (
            hasattr(first, "__dict__") and not isinstance(first, type)
        ):
            return (glue or "").join(php_str(x) for x in self.pluck(val))
        return (val or "").join(php_str(x) for x in self._items.values())

    def join(self, glue: str, final_glue: str = "") -> str:
        """Join the values with ``glue``, and the last one with ``final_glue``.

        Laravel: ``Collection::join()``.
        """
        if final_glue == "":
            return self.implode(glue)
        count = len(self._items)
        if count == 0:
            return ""
        strings = [php_str(v) for v in self._items.values()]
        if count == 1:
            return strings[0]
        return glue.join(strings[:-1]) + final_glue + strings[-1]

    # --- transforming -----------------------------------------------------

    def map(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Return a collection of ``callback(value, key)`` results, keys kept.

        Laravel: ``Collection::map()``.
        """
        items = self._items
        if arity(callback) >= 2:
            return self._new({k: callback(v, k) for k, v in items.items()})
        return self._new({k: callback(v) for k, v in items.items()})

    def map_with_keys(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Build a collection from the ``{key: value}`` dicts the callback returns.

        The callback may also return a ``(key, value)`` tuple.

        Laravel: ``Collection::mapWithKeys()``.
        """
        call = kv_caller(callback)
        result: dict[t.Any, t.Any] = {}
        for k, v in self._items.items():
            mapped = call(v, k)
            if isinstance(mapped, tuple) and len(mapped) == 2:
                result[mapped[0]] = mapped[1]
            else:
                result.update(arrayable_items(mapped))
        return self._new(result)

    def filter(self, callback: t.Any = None) -> t.Self:
        """Keep items passing ``callback(value, key)`` (truthy items without one).

        Keys are preserved; PHP's falsy values (``None``, ``False``, ``0``, ``''``,
        ``'0'``, empty lists) are dropped when no callback is given.

        Laravel: ``Collection::filter()``.
        """
        items = self._items
        if callback is None:
            return self._new({k: v for k, v in items.items() if truthy(v)})
        if arity(callback) >= 2:
            return self._new({k: v for k, v in items.items() if callback(v, k)})
        return self._new({k: v for k, v in items.items() if callback(v)})

    def pluck(self, val: t.Any, key: t.Any = None) -> t.Self:
        """Return the values of ``val`` (dot notation) from each item, keyed by ``key``.

        Items may be dicts or objects; ``val`` and ``key`` may also be callables.

        Laravel: ``Collection::pluck()``.
        """
        get_value = val if callable(val) else getter(val)
        if key is None:
            return self._new(
                dict(enumerate(get_value(v) for v in self._items.values()))
            )
        get_key = key if callable(key) else getter(key)
        return self._new({get_key(v): get_value(v) for v in self._items.values()})

    def collapse(self) -> t.Self:
        """Flatten a collection of lists/collections by one level (keys renumbered).

        Laravel: ``Collection::collapse()``.
        """
        sources: list[t.Mapping[t.Any, t.Any]] = []
        for v in self._items.values():
            if isinstance(v, Collection):
                sources.append(v._items)
            elif isinstance(v, list | tuple):
                sources.append(dict(enumerate(v)))
            elif isinstance(v, dict):
                sources.append(v)
        return self._new(array_merge(sources))

    def lazy(self) -> LazyCollection:
        """Return a ``LazyCollection`` over a copy of the items.

        Laravel: ``Collection::lazy()``.
        """
        from protevus.support.lazy_collection import LazyCollection

        return LazyCollection(dict(self._items))

    def collect(self) -> Collection:
        """Return a plain ``Collection`` with the same items.

        Laravel: ``Collection::collect()``.
        """
        return Collection(dict(self._items))


def collect(items: t.Any = None) -> Collection:
    """Create a collection from ``items``.

    Laravel: ``collect($value)``.
    """
    return Collection(items)
