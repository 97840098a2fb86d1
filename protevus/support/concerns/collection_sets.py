"""Set-like and key-selecting methods of ``Collection``: diff, intersect, merge...

Value comparisons follow PHP's array functions: ``diff``/``intersect`` compare the
string form of the values (``array_diff``), ``merge`` renumbers int keys
(``array_merge``) and ``union`` keeps existing keys (``+``).

Laravel: the set methods of ``Illuminate\\Support\\Collection``.
"""

from __future__ import annotations

import itertools
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.concerns.collection_helpers import arrayable_items
from protevus.support.concerns.collection_helpers import value_retriever
from protevus.support.concerns.php_arrays import array_merge
from protevus.support.concerns.php_arrays import as_php_array
from protevus.support.concerns.php_arrays import renumber
from protevus.support.concerns.php_compare import loose_equals
from protevus.support.concerns.php_compare import php_str
from protevus.support.concerns.php_compare import strict_equals

_Cmp = t.Callable[[t.Any, t.Any], int]


def _strings(items: dict[t.Any, t.Any]) -> set[str]:
    return {php_str(v) for v in items.values()}


def _as_dict(val: t.Any) -> dict[t.Any, t.Any] | None:
    if isinstance(val, dict):
        return val
    if isinstance(val, list | tuple):
        return dict(enumerate(val))
    pairs = getattr(val, "_pairs", None)
    if pairs is not None:
        return dict(pairs())
    return None


def _merge_recursive(
    a: dict[t.Any, t.Any], b: dict[t.Any, t.Any]
) -> dict[t.Any, t.Any]:
    out = dict(a)
    nxt = max((k for k in out if type(k) is int), default=-1) + 1
    for k, v in b.items():
        if type(k) is int:
            out[nxt] = v
            nxt += 1
        elif k in out:
            left, right = _as_dict(out[k]), _as_dict(v)
            if left is not None and right is not None:
                out[k] = as_php_array(_merge_recursive(left, right))
            else:
                merged = _merge_recursive(
                    left if left is not None else {0: out[k]},
                    right if right is not None else {0: v},
                )
                out[k] = as_php_array(merged)
        else:
            out[k] = v
    return out


def _replace_recursive(
    a: dict[t.Any, t.Any], b: dict[t.Any, t.Any]
) -> dict[t.Any, t.Any]:
    out = dict(a)
    for k, v in b.items():
        left, right = _as_dict(out.get(k)), _as_dict(v)
        if k in out and left is not None and right is not None:
            out[k] = as_php_array(_replace_recursive(left, right))
        else:
            out[k] = v
    return out


class CollectionSets(CamelAliases):
    """Compare, combine and select the items of a collection by value or key.

    Laravel: ``Collection::diff()``, ``intersect()``, ``merge()``, ``only()``...
    """

    __slots__ = ()

    if t.TYPE_CHECKING:
        _items: dict[t.Any, t.Any]

        def _new(self, items: dict[t.Any, t.Any]) -> t.Self: ...
        def push(self, *values: t.Any) -> t.Self: ...
        def map(self, callback: t.Callable[..., t.Any]) -> t.Self: ...

    # --- difference and intersection ------------------------------------

    def diff(self, items: t.Any) -> t.Self:
        """Return the items whose values are not in ``items`` (keys preserved).

        Laravel: ``Collection::diff()``.
        """
        others = _strings(arrayable_items(items))
        return self._new(
            {k: v for k, v in self._items.items() if php_str(v) not in others}
        )

    def diff_using(self, items: t.Any, callback: _Cmp) -> t.Self:
        """Return the items not in ``items``, compared by ``callback(a, b) == 0``.

        Laravel: ``Collection::diffUsing()``.
        """
        others = list(arrayable_items(items).values())
        return self._new(
            {
                k: v
                for k, v in self._items.items()
                if not any(callback(v, o) == 0 for o in others)
            }
        )

    def diff_assoc(self, items: t.Any) -> t.Self:
        """Return the key/value pairs not present (with the same value) in ``items``.

        Laravel: ``Collection::diffAssoc()``.
        """
        other = arrayable_items(items)
        return self._new(
            {
                k: v
                for k, v in self._items.items()
                if k not in other or php_str(other[k]) != php_str(v)
            }
        )

    def diff_assoc_using(self, items: t.Any, callback: _Cmp) -> t.Self:
        """Return pairs not in ``items``, comparing keys with ``callback``.

        Laravel: ``Collection::diffAssocUsing()``.
        """
        other = arrayable_items(items)
        return self._new(
            {
                k: v
                for k, v in self._items.items()
                if not any(
                    callback(k, ok) == 0 and php_str(ov) == php_str(v)
                    for ok, ov in other.items()
                )
            }
        )

    def diff_keys(self, items: t.Any) -> t.Self:
        """Return the items whose keys are not in ``items``.

        Laravel: ``Collection::diffKeys()``.
        """
        other = arrayable_items(items)
        return self._new({k: v for k, v in self._items.items() if k not in other})

    def diff_keys_using(self, items: t.Any, callback: _Cmp) -> t.Self:
        """Return the items whose keys match no key of ``items`` by ``callback``.

        Laravel: ``Collection::diffKeysUsing()``.
        """
        other = list(arrayable_items(items))
        return self._new(
            {
                k: v
                for k, v in self._items.items()
                if not any(callback(k, o) == 0 for o in other)
            }
        )

    def intersect(self, items: t.Any) -> t.Self:
        """Return the items whose values are also in ``items`` (keys preserved).

        Laravel: ``Collection::intersect()``.
        """
        others = _strings(arrayable_items(items))
        return self._new({k: v for k, v in self._items.items() if php_str(v) in others})

    def intersect_using(self, items: t.Any, callback: _Cmp) -> t.Self:
        """Return the items also in ``items``, compared by ``callback(a, b) == 0``.

        Laravel: ``Collection::intersectUsing()``.
        """
        others = list(arrayable_items(items).values())
        return self._new(
            {
                k: v
                for k, v in self._items.items()
                if any(callback(v, o) == 0 for o in others)
            }
        )

    def intersect_assoc(self, items: t.Any) -> t.Self:
        """Return the key/value pairs also present in ``items``.

        Laravel: ``Collection::intersectAssoc()``.
        """
        other = arrayable_items(items)
        return self._new(
            {
                k: v
                for k, v in self._items.items()
                if k in other and php_str(other[k]) == php_str(v)
            }
        )

    def intersect_assoc_using(self, items: t.Any, callback: _Cmp) -> t.Self:
        """Return the pairs also in ``items``, comparing keys with ``callback``.

        Laravel: ``Collection::intersectAssocUsing()``.
        """
        other = arrayable_items(items)
        return self._new(
            {
                k: v
                for k, v in self._items.items()
                if any(
                    callback(k, ok) == 0 and php_str(ov) == php_str(v)
                    for ok, ov in other.items()
                )
            }
        )

    def intersect_by_keys(self, items: t.Any) -> t.Self:
        """Return the items whose keys are also in ``items``.

        Laravel: ``Collection::intersectByKeys()``.
        """
        other = arrayable_items(items)
        return self._new({k: v for k, v in self._items.items() if k in other})

    # --- combining --------------------------------------------------------

    def merge(self, items: t.Any) -> t.Self:
        """Merge ``items`` in: string keys overwrite, int keys append (renumbered).

        Laravel: ``Collection::merge()``.
        """
        return self._new(array_merge((self._items, arrayable_items(items))))

    def merge_recursive(self, items: t.Any) -> t.Self:
        """Merge ``items`` in, gathering values of equal string keys into lists.

        Laravel: ``Collection::mergeRecursive()``.
        """
        return self._new(_merge_recursive(self._items, arrayable_items(items)))

    def replace(self, items: t.Any) -> t.Self:
        """Overwrite items by key (int keys too) with ``items``.

        Laravel: ``Collection::replace()``.
        """
        out = dict(self._items)
        out.update(arrayable_items(items))
        return self._new(out)

    def replace_recursive(self, items: t.Any) -> t.Self:
        """Overwrite items by key, descending into nested lists and dicts.

        Laravel: ``Collection::replaceRecursive()``.
        """
        return self._new(_replace_recursive(self._items, arrayable_items(items)))

    def union(self, items: t.Any) -> t.Self:
        """Add the items of ``items`` whose keys are not present yet.

        Laravel: ``Collection::union()``.
        """
        out = dict(self._items)
        for k, v in arrayable_items(items).items():
            out.setdefault(k, v)
        return self._new(out)

    def concat(self, source: t.Iterable[t.Any]) -> t.Self:
        """Append the values of ``source`` (its keys are dropped).

        Laravel: ``Collection::concat()``.
        """
        result = self._new(dict(self._items))
        result.push(*arrayable_items(source).values())
        return result

    def combine(self, values: t.Any) -> t.Self:
        """Use this collection's values as keys for ``values``.

        Laravel: ``Collection::combine()``.
        """
        keys = list(self._items.values())
        vals = list(arrayable_items(values).values())
        if len(keys) != len(vals):
            raise InvalidArgumentError(
                f"Cannot combine [{len(keys)}] keys with [{len(vals)}] values; pass "
                "as many values as the collection has items."
            )
        return self._new(dict(zip(keys, vals, strict=True)))

    def cross_join(self, *lists: t.Any) -> t.Self:
        """Return every combination of the items with the given lists.

        Laravel: ``Collection::crossJoin()``.
        """
        pools = [list(self._items.values())]
        pools += [list(arrayable_items(x).values()) for x in lists]
        return self._new(dict(enumerate(list(p) for p in itertools.product(*pools))))

    def zip(self, *arrays: t.Any) -> t.Self:
        """Pair the values with those of ``arrays`` by position (``None`` pads).

        Laravel: ``Collection::zip()``.
        """
        pools = [list(arrayable_items(x).values()) for x in arrays]
        rows = itertools.zip_longest(self._items.values(), *pools)
        return self._new(dict(enumerate(self._new(dict(enumerate(r))) for r in rows)))

    def pad(self, size: int, val: t.Any) -> t.Self:
        """Pad to ``abs(size)`` items with ``val``; a negative size pads on the left.

        Laravel: ``Collection::pad()``.
        """
        missing = abs(size) - len(self._items)
        pairs = list(self._items.items())
        if missing > 0:
            filler = [(None, val)] * missing
            pairs = pairs + filler if size > 0 else filler + pairs
        return self._new(renumber(pairs))

    def multiply(self, multiplier: int) -> t.Self:
        """Repeat all the items ``multiplier`` times (keys renumbered).

        Laravel: ``Collection::multiply()``.
        """
        values = list(self._items.values()) * max(multiplier, 0)
        return self._new(dict(enumerate(values)))

    # --- selecting by key -------------------------------------------------

    def only(self, *keys: t.Any) -> t.Self:
        """Return the items with the given keys, in the collection's order.

        Laravel: ``Collection::only()``.
        """
        if len(keys) == 1 and keys[0] is None:
            return self._new(dict(self._items))
        wanted = _key_list(keys)
        return self._new({k: v for k, v in self._items.items() if k in wanted})

    def except_(self, *keys: t.Any) -> t.Self:
        """Return all items except those with the given keys.

        Laravel: ``Collection::except()``.
        """
        wanted = _key_list(keys)
        return self._new({k: v for k, v in self._items.items() if k not in wanted})

    def select(self, *keys: t.Any) -> t.Self:
        """Return each item reduced to the given keys (dicts or objects).

        Laravel: ``Collection::select()``.
        """
        if len(keys) == 1 and keys[0] is None:
            return self._new(dict(self._items))
        wanted = list(_key_list(keys))

        def pick(item: t.Any) -> dict[t.Any, t.Any]:
            found = _as_dict(item)
            if found is not None:
                return {k: found[k] for k in wanted if k in found}
            return {
                k: getattr(item, k)
                for k in wanted
                if isinstance(k, str) and getattr(item, k, None) is not None
            }

        return self.map(pick)

    def flip(self) -> t.Self:
        """Swap keys and values.

        Laravel: ``Collection::flip()``.
        """
        return self._new({v: k for k, v in self._items.items()})

    def duplicates(self, callback: t.Any = None, strict: bool = False) -> t.Self:
        """Return the items (or key values) that repeat an earlier one, keys kept.

        Laravel: ``Collection::duplicates()``.
        """
        get = value_retriever(callback)
        mapped = {k: get(v, k) for k, v in self._items.items()}
        uniques = list(_unique_pairs(mapped, strict).values())
        same = strict_equals if strict else loose_equals
        out: dict[t.Any, t.Any] = {}
        position = 0
        for k, v in mapped.items():
            if position < len(uniques) and same(v, uniques[position]):
                position += 1
            else:
                out[k] = v
        return self._new(out)

    def duplicates_strict(self, callback: t.Any = None) -> t.Self:
        """Return the duplicated items, compared strictly.

        Laravel: ``Collection::duplicatesStrict()``.
        """
        return self.duplicates(callback, True)

    def unique(self, key: t.Any = None, strict: bool = False) -> t.Self:
        """Return the first item of each distinct value (or key value), keys kept.

        Values compare loosely (``1`` and ``'1'`` are the same) unless ``strict``.

        Laravel: ``Collection::unique()``.
        """
        if key is None:
            ids = self._items
        else:
            get = value_retriever(key)
            ids = {k: get(v, k) for k, v in self._items.items()}
        kept = _unique_pairs(ids, strict)
        items = self._items
        return self._new({k: items[k] for k in kept})


def _key_list(keys: tuple[t.Any, ...]) -> t.Collection[t.Any]:
    if len(keys) == 1:
        first = keys[0]
        if hasattr(first, "_pairs"):
            return list(first)
        if isinstance(first, list | tuple | set | frozenset):
            return list(first)
    return list(keys)


def fingerprint(val: t.Any, strict: bool) -> t.Any:
    """Return a hashable stand-in that is equal exactly when PHP would say equal.

    ``None`` means "no safe stand-in": the caller compares one by one.
    """
    kind = type(val)
    if strict:
        if kind in (int, str, float, bool, type(None)):
            return (kind, val)
        return None
    if kind is int or kind is float:
        return ("n", val)
    if kind is str:
        from protevus.support.concerns.php_compare import is_numeric

        if is_numeric(val):
            text = val.strip()
            try:
                return ("n", int(text))
            except ValueError:
                return ("n", float(text))
        return ("s", val)
    return None


def _unique_pairs(ids: dict[t.Any, t.Any], strict: bool) -> dict[t.Any, t.Any]:
    """Return the first ``key: id`` pair of every distinct id, in order."""
    seen: set[t.Any] = set()
    slow: list[t.Any] = []
    kept: dict[t.Any, t.Any] = {}
    same = strict_equals if strict else loose_equals
    for k, v in ids.items():
        mark = fingerprint(v, strict)
        if mark is not None and not slow:
            if mark in seen:
                continue
            seen.add(mark)
        elif any(same(v, x) for x in kept.values()):
            continue
        else:
            slow.append(v)
        kept[k] = v
    return kept
