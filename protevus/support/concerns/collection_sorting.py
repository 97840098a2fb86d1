"""Sorting, reversing and random picking for ``Collection``.

Sorts are stable and keep keys (PHP's ``asort``/``uasort``); the default order is
PHP's ``SORT_REGULAR`` comparison, so ``'10'`` sorts after ``'9'``. Plain ints,
floats or non-numeric strings take a fast path through Python's own sort.

Laravel: ``Collection::sort()``, ``sortBy()``, ``sortKeys()``, ``random()``.
"""

from __future__ import annotations

import functools
import random as _random
import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.arr import data_get
from protevus.support.concerns.collection_helpers import number
from protevus.support.concerns.collection_helpers import value_retriever
from protevus.support.concerns.php_compare import is_numeric
from protevus.support.concerns.php_compare import php_compare
from protevus.support.concerns.php_compare import php_str

SORT_REGULAR = 0
"""Compare items normally (PHP's ``SORT_REGULAR``)."""
SORT_NUMERIC = 1
"""Compare items as numbers (PHP's ``SORT_NUMERIC``)."""
SORT_STRING = 2
"""Compare items as strings (PHP's ``SORT_STRING``)."""
SORT_NATURAL = 6
"""Compare strings in natural order, ``'Item 3'`` before ``'Item 12'``."""
SORT_FLAG_CASE = 8
"""Combine with ``SORT_STRING`` or ``SORT_NATURAL`` to ignore case."""

_DIGITS = re.compile(r"(\d+)")
_Pair = tuple[t.Any, t.Any]


def _natural_key(val: t.Any, fold: bool) -> list[t.Any]:
    text = php_str(val)
    if fold:
        text = text.lower()
    return [int(p) if i % 2 else p for i, p in enumerate(_DIGITS.split(text))]


def _float(val: t.Any) -> float:
    found = number(val)
    return float(found) if isinstance(found, int | float) else 0.0


def sort_key(values: list[t.Any], flags: int) -> t.Callable[[t.Any], t.Any]:
    """Return a ``key=`` function that orders ``values`` as PHP's sort ``flags`` do."""
    fold = bool(flags & SORT_FLAG_CASE)
    base = flags & ~SORT_FLAG_CASE
    if base == SORT_NUMERIC:
        return _float
    if base == SORT_NATURAL:
        return lambda v: _natural_key(v, fold)
    if base == SORT_STRING:
        return (lambda v: php_str(v).lower()) if fold else php_str
    kinds = {type(v) for v in values}
    if kinds <= {int, float}:
        return lambda v: v
    if kinds == {str} and not any(is_numeric(v) for v in values):
        return lambda v: v
    return functools.cmp_to_key(php_compare)


def _comparator(
    fn: t.Callable[[t.Any, t.Any], t.Any],
) -> t.Callable[[t.Any, t.Any], int]:
    def compare(a: t.Any, b: t.Any) -> int:
        result = fn(a, b)
        if isinstance(result, bool):
            return 1 if result else -1
        return int(result)

    return compare


class CollectionSorting(CamelAliases):
    """Order, reverse, shuffle and sample the items of a collection.

    Laravel: ``Collection::sort()`` and its siblings.
    """

    __slots__ = ()

    if t.TYPE_CHECKING:
        _items: dict[t.Any, t.Any]

        def _new(self, items: dict[t.Any, t.Any]) -> t.Self: ...

    def _sorted(
        self, pairs: list[_Pair], keys: list[t.Any], flags: int, descending: bool
    ) -> t.Self:
        key = sort_key(keys, flags)
        order = sorted(
            range(len(pairs)), key=lambda i: key(keys[i]), reverse=descending
        )
        return self._new(dict(pairs[i] for i in order))

    def sort(
        self, callback: t.Callable[[t.Any, t.Any], t.Any] | int | None = None
    ) -> t.Self:
        """Sort the values (keys kept); a callback is a ``(a, b) -> int`` comparator.

        Laravel: ``Collection::sort()``.
        """
        if callable(callback):
            cmp = functools.cmp_to_key(_comparator(callback))
            return self._new(dict(sorted(self._items.items(), key=lambda p: cmp(p[1]))))
        pairs = list(self._items.items())
        return self._sorted(
            pairs, [v for _, v in pairs], callback or SORT_REGULAR, False
        )

    def sort_desc(self, options: int = SORT_REGULAR) -> t.Self:
        """Sort the values in descending order (keys kept).

        Laravel: ``Collection::sortDesc()``.
        """
        pairs = list(self._items.items())
        return self._sorted(pairs, [v for _, v in pairs], options, True)

    def sort_by(
        self, callback: t.Any, options: int = SORT_REGULAR, descending: bool = False
    ) -> t.Self:
        """Sort by a key (dot notation), a callback, or a list of sort operations.

        ``sort_by('price')``, ``sort_by(lambda p: len(p['colors']))``,
        ``sort_by([['name', 'asc'], ['age', 'desc']])`` or a list of comparators.

        Laravel: ``Collection::sortBy()``.
        """
        if isinstance(callback, list):
            return self._sort_by_many(callback, options)
        get = value_retriever(callback)
        pairs = list(self._items.items())
        return self._sorted(pairs, [get(v, k) for k, v in pairs], options, descending)

    def sort_by_desc(self, callback: t.Any, options: int = SORT_REGULAR) -> t.Self:
        """Sort by a key or callback in descending order.

        Laravel: ``Collection::sortByDesc()``.
        """
        if isinstance(callback, list):
            ops = [
                [op[0], "desc"]
                if isinstance(op, list | tuple)
                else op
                if callable(op)
                else [op, "desc"]
                for op in callback
            ]
            return self._sort_by_many(ops, options)
        return self.sort_by(callback, options, True)

    def _sort_by_many(self, comparisons: list[t.Any], options: int) -> t.Self:
        steps: list[t.Callable[[t.Any, t.Any], int]] = []
        for comparison in comparisons:
            if callable(comparison):
                steps.append(_comparator(comparison))
                continue
            if isinstance(comparison, list | tuple):
                prop = comparison[0]
                direction = comparison[1] if len(comparison) > 1 else True
            else:
                prop, direction = comparison, True
            ascending = direction is True or direction == "asc"
            steps.append(self._step(prop, ascending, options))

        def compare(a: _Pair, b: _Pair) -> int:
            for step in steps:
                result = step(a[1], b[1])
                if result:
                    return result
            return 0

        ordered = sorted(self._items.items(), key=functools.cmp_to_key(compare))
        return self._new(dict(ordered))

    @staticmethod
    def _step(
        prop: t.Any, ascending: bool, options: int
    ) -> t.Callable[[t.Any, t.Any], int]:
        sign = 1 if ascending else -1
        fold = bool(options & SORT_FLAG_CASE)
        natural = (options & ~SORT_FLAG_CASE) == SORT_NATURAL

        def step(a: t.Any, b: t.Any) -> int:
            x, y = data_get(a, prop), data_get(b, prop)
            if natural or fold:
                kx, ky = _natural_key(x, fold), _natural_key(y, fold)
                return sign * ((kx > ky) - (kx < ky))
            return sign * php_compare(x, y)

        return step

    def sort_keys(
        self, options: int = SORT_REGULAR, descending: bool = False
    ) -> t.Self:
        """Sort by key (keys kept).

        Laravel: ``Collection::sortKeys()``.
        """
        pairs = list(self._items.items())
        return self._sorted(pairs, [k for k, _ in pairs], options, descending)

    def sort_keys_desc(self, options: int = SORT_REGULAR) -> t.Self:
        """Sort by key in descending order.

        Laravel: ``Collection::sortKeysDesc()``.
        """
        return self.sort_keys(options, True)

    def sort_keys_using(self, callback: t.Callable[[t.Any, t.Any], t.Any]) -> t.Self:
        """Sort by key with a ``(a, b) -> int`` comparator.

        Laravel: ``Collection::sortKeysUsing()``.
        """
        cmp = functools.cmp_to_key(_comparator(callback))
        return self._new(dict(sorted(self._items.items(), key=lambda p: cmp(p[0]))))

    def reverse(self) -> t.Self:
        """Reverse the order of the items, keys kept.

        Laravel: ``Collection::reverse()``.
        """
        return self._new(dict(reversed(self._items.items())))

    def shuffle(self) -> t.Self:
        """Return the values in random order (renumbered).

        Laravel: ``Collection::shuffle()``.
        """
        values = list(self._items.values())
        _random.shuffle(values)
        return self._new(dict(enumerate(values)))

    def random(
        self,
        number: int | t.Callable[[t.Any], int] | None = None,
        preserve_keys: bool = False,
    ) -> t.Any:
        """Return one random item, or a collection of ``number`` random items.

        Raises ``InvalidArgumentError`` when more items are requested than exist.

        Laravel: ``Collection::random()``.
        """
        if callable(number):
            number = number(self)
        requested = 1 if number is None else number
        count = len(self._items)
        if requested > count or requested < 0:
            raise InvalidArgumentError(
                f"You requested [{requested}] items, but there are only [{count}] "
                "items available."
            )
        if number is None:
            return _random.choice(list(self._items.values()))
        pairs = list(self._items.items())
        chosen = sorted(_random.sample(range(count), requested))
        if preserve_keys:
            return self._new(dict(pairs[i] for i in chosen))
        return self._new(dict(enumerate(pairs[i][1] for i in chosen)))
