"""The enumerating half of ``Arr``: mapping, filtering, sorting, plucking.

Laravel: ``Illuminate\\Support\\Arr`` (split out to keep modules small).
"""

from __future__ import annotations

import random as _random
import typing as t
import urllib.parse

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ItemNotFoundError
from protevus.exceptions import MultipleItemsFoundError
from protevus.support.aliases import CamelAliases
from protevus.support.concerns.php_arrays import MISSING
from protevus.support.concerns.php_arrays import array_merge
from protevus.support.concerns.php_arrays import as_array
from protevus.support.concerns.php_arrays import build
from protevus.support.concerns.php_arrays import call
from protevus.support.concerns.php_arrays import is_array
from protevus.support.concerns.php_arrays import is_list_keys
from protevus.support.concerns.php_arrays import key_of
from protevus.support.concerns.php_arrays import key_values
from protevus.support.concerns.php_arrays import php_sort
from protevus.support.concerns.php_arrays import query_pairs
from protevus.support.concerns.php_arrays import renumber
from protevus.support.concerns.php_arrays import was_list
from protevus.support.concerns.php_arrays import wrap
from protevus.support.concerns.php_compare import php_compare


def _data_get(target: t.Any, key: t.Any) -> t.Any:
    # arr.py imports this module, so data_get is looked up at call time.
    from protevus.support.arr import data_get

    return data_get(target, key)


class EnumeratesArrays(CamelAliases):
    """Give ``Arr`` its mapping, filtering and sorting helpers.

    Laravel: ``Illuminate\\Support\\Arr``.
    """

    @staticmethod
    def collapse(array: t.Any) -> t.Any:
        """Merge a list of arrays into one array (like PHP's ``array_merge``).

        Laravel: ``Arr::collapse()``.
        """
        merged = array_merge(
            dict(key_values(values))
            for _, values in key_values(array)
            if is_array(values) or hasattr(values, "all")
        )
        return build(merged.items(), True)

    @staticmethod
    def cross_join(*arrays: t.Any) -> list[list[t.Any]]:
        """Return every combination of one item from each array.

        Laravel: ``Arr::crossJoin()``.
        """
        results: list[list[t.Any]] = [[]]
        for array in arrays:
            results = [[*row, item] for row in results for _, item in key_values(array)]
        return results

    @staticmethod
    def divide(array: t.Any) -> list[list[t.Any]]:
        """Split an array into ``[keys, values]``.

        Laravel: ``Arr::divide()``.
        """
        pairs = key_values(array)
        return [[k for k, _ in pairs], [v for _, v in pairs]]

    @staticmethod
    def flatten(array: t.Any, depth: int | float = float("inf")) -> list[t.Any]:
        """Flatten a nested array into a list of values, ``depth`` levels deep.

        Laravel: ``Arr::flatten()``.
        """
        result: list[t.Any] = []
        for _, item in key_values(array):
            if not is_array(item) and not hasattr(item, "all"):
                result.append(item)
            elif depth == 1:
                result.extend(v for _, v in key_values(item))
            else:
                result.extend(EnumeratesArrays.flatten(item, depth - 1))
        return result

    @staticmethod
    def every(array: t.Any, callback: t.Callable[..., t.Any]) -> bool:
        """Determine if every item passes ``callback(value, key)``.

        Laravel: ``Arr::every()``.
        """
        return all(call(callback, v, k) for k, v in key_values(array))

    @staticmethod
    def some(array: t.Any, callback: t.Callable[..., t.Any]) -> bool:
        """Determine if any item passes ``callback(value, key)``.

        Laravel: ``Arr::some()``.
        """
        return any(call(callback, v, k) for k, v in key_values(array))

    @staticmethod
    def join(array: t.Any, glue: str, final_glue: str = "") -> str:
        """Join the values with ``glue``, using ``final_glue`` before the last one.

        Laravel: ``Arr::join()``.
        """
        items = [str(v) for _, v in key_values(array)]
        if final_glue == "" or len(items) < 2:
            return glue.join(items)
        return glue.join(items[:-1]) + final_glue + items[-1]

    @staticmethod
    def key_by(array: t.Any, key_by: t.Any) -> dict[t.Any, t.Any]:
        """Key the items by a field (dot notation) or by ``callback(item, key)``.

        Laravel: ``Arr::keyBy()``.
        """
        result: dict[t.Any, t.Any] = {}
        for key, item in key_values(array):
            new_key = (
                call(key_by, item, key) if callable(key_by) else _data_get(item, key_by)
            )
            result[new_key] = item
        return result

    @staticmethod
    def prepend_keys_with(array: t.Any, prefix: str) -> dict[str, t.Any]:
        """Prefix every key with ``prefix``.

        Laravel: ``Arr::prependKeysWith()``.
        """
        return {f"{prefix}{k}": v for k, v in key_values(array)}

    @staticmethod
    def map(array: t.Any, callback: t.Callable[..., t.Any]) -> t.Any:
        """Map ``callback(value, key)`` over the items, keeping the keys.

        Laravel: ``Arr::map()``.
        """
        return build(
            ((k, call(callback, v, k)) for k, v in key_values(array)), was_list(array)
        )

    @staticmethod
    def map_spread(array: t.Any, callback: t.Callable[..., t.Any]) -> t.Any:
        """Map over nested arrays, spreading each one into ``callback`` (key last).

        Laravel: ``Arr::mapSpread()``.
        """
        return EnumeratesArrays.map(
            array,
            lambda chunk, key: call(callback, *[v for _, v in key_values(chunk)], key),
        )

    @staticmethod
    def map_with_keys(
        array: t.Any, callback: t.Callable[..., t.Any]
    ) -> dict[t.Any, t.Any]:
        """Build a dict from the ``{key: value}`` each ``callback(value, key)`` gives.

        Laravel: ``Arr::mapWithKeys()``.
        """
        result: dict[t.Any, t.Any] = {}
        for key, item in key_values(array):
            result.update(key_values(call(callback, item, key)))
        return result

    @staticmethod
    def partition(array: t.Any, callback: t.Callable[..., t.Any]) -> list[t.Any]:
        """Split into ``[passing, failing]`` by ``callback(value, key)``.

        Laravel: ``Arr::partition()`` (a list gives two lists).
        """
        passed: list[tuple[t.Any, t.Any]] = []
        failed: list[tuple[t.Any, t.Any]] = []
        for key, item in key_values(array):
            (passed if call(callback, item, key) else failed).append((key, item))
        if was_list(array):
            return [[v for _, v in passed], [v for _, v in failed]]
        return [dict(passed), dict(failed)]

    @staticmethod
    def pluck(array: t.Any, val: t.Any, key: t.Any = None) -> t.Any:
        """Pluck a field (dot notation or callable) from every item, optionally keyed.

        Laravel: ``Arr::pluck()``.
        """

        def read(item: t.Any, path: t.Any) -> t.Any:
            return path(item) if callable(path) else _data_get(item, path)

        if key is None:
            return [read(item, val) for _, item in key_values(array)]
        result: dict[t.Any, t.Any] = {}
        for _, item in key_values(array):
            item_key = read(item, key)
            if (
                not isinstance(item_key, str | int | float | bool)
                and item_key is not None
            ):
                item_key = str(item_key)
            result[item_key] = read(item, val)
        return result

    @staticmethod
    def query(array: t.Any) -> str:
        """Build a URL query string like PHP's ``http_build_query`` (RFC 3986).

        Laravel: ``Arr::query()``.
        """
        return "&".join(
            f"{urllib.parse.quote(k, safe='-_.~')}={urllib.parse.quote(v, safe='-_.~')}"
            for k, v in query_pairs(array, None)
        )

    @staticmethod
    def random(
        array: t.Any, number: int | None = None, preserve_keys: bool = False
    ) -> t.Any:
        """Return one random value, or ``number`` of them as a list.

        Laravel: ``Arr::random()``.
        """
        pairs = key_values(array)
        requested = 1 if number is None else number
        if requested > len(pairs) or requested < 0:
            raise InvalidArgumentError(
                f"You requested [{requested}] items, but there are only "
                f"[{len(pairs)}] items available."
            )
        if number is None:
            return _random.choice(pairs)[1]
        chosen = sorted(_random.sample(range(len(pairs)), number))
        if preserve_keys:
            return dict(pairs[i] for i in chosen)
        return [pairs[i][1] for i in chosen]

    @staticmethod
    def shuffle(array: t.Any) -> list[t.Any]:
        """Return the values in random order.

        Laravel: ``Arr::shuffle()``.
        """
        items = [v for _, v in key_values(array)]
        _random.shuffle(items)
        return items

    @staticmethod
    def sole(array: t.Any, callback: t.Callable[..., t.Any] | None = None) -> t.Any:
        """Return the only item (passing ``callback``), raising when there are 0 or 2+.

        Laravel: ``Arr::sole()``.
        """
        pairs = key_values(array)
        if callback is not None:
            pairs = [(k, v) for k, v in pairs if call(callback, v, k)]
        if not pairs:
            raise ItemNotFoundError(
                "No item was found; the array must hold exactly one."
            )
        if len(pairs) > 1:
            raise MultipleItemsFoundError(len(pairs))
        return pairs[0][1]

    @staticmethod
    def sort(array: t.Any, callback: t.Any = None) -> t.Any:
        """Sort by value, by ``callback(value, key)`` or by a field name.

        Laravel: ``Arr::sort()``.
        """
        return _sort_by(array, callback, descending=False)

    @staticmethod
    def sort_desc(array: t.Any, callback: t.Any = None) -> t.Any:
        """Sort in descending order by value, callback or field name.

        Laravel: ``Arr::sortDesc()``.
        """
        return _sort_by(array, callback, descending=True)

    @staticmethod
    def sort_recursive(array: t.Any, descending: bool = False) -> t.Any:
        """Sort lists by value and dicts by key, at every level.

        Laravel: ``Arr::sortRecursive()``.
        """
        array = as_array(array)
        pairs = [
            (k, EnumeratesArrays.sort_recursive(v, descending) if is_array(v) else v)
            for k, v in key_values(array)
        ]
        sign = -1 if descending else 1
        if isinstance(array, list | tuple) or is_list_keys(list(array)):
            return php_sort(
                [v for _, v in pairs], lambda a, b: sign * php_compare(a, b)
            )
        ordered = php_sort(pairs, lambda a, b: sign * php_compare(a[0], b[0]))
        return dict(ordered)

    @staticmethod
    def sort_recursive_desc(array: t.Any) -> t.Any:
        """Sort lists and dicts in descending order at every level.

        Laravel: ``Arr::sortRecursiveDesc()``.
        """
        return EnumeratesArrays.sort_recursive(array, descending=True)

    @staticmethod
    def take(array: t.Any, limit: int) -> t.Any:
        """Return the first ``limit`` items (the last ones when negative).

        Like PHP's ``array_slice``, int keys are renumbered and string keys kept:
        ``Arr.take([0, 1, 2, 3, 4, 5], -2)`` → ``[4, 5]``.

        Laravel: ``Arr::take()``.
        """
        pairs = key_values(array)
        kept = pairs[:limit] if limit >= 0 else pairs[limit:]
        return build(renumber(kept).items(), True)

    @staticmethod
    def select(array: t.Any, keys: t.Any) -> t.Any:
        """Keep only the given fields of every item.

        Laravel: ``Arr::select()``.
        """
        keys = wrap(keys)

        def pick(item: t.Any) -> dict[t.Any, t.Any]:
            result: dict[t.Any, t.Any] = {}
            for key in keys:
                if is_array(item) and key_of(item, key) is not MISSING:
                    result[key] = item[key_of(item, key)]
                elif not is_array(item) and getattr(item, str(key), None) is not None:
                    result[key] = getattr(item, str(key))
            return result

        return EnumeratesArrays.map(array, pick)

    @staticmethod
    def to_css_classes(array: t.Any) -> str:
        """Compile ``['p-4', 'bg-red' => cond]``-style arrays into a class string.

        Laravel: ``Arr::toCssClasses()``.
        """
        return " ".join(_conditional(array))

    @staticmethod
    def to_css_styles(array: t.Any) -> str:
        """Compile conditional styles into a ``style`` attribute value.

        Laravel: ``Arr::toCssStyles()``.
        """
        return " ".join(style.rstrip(";") + ";" for style in _conditional(array))

    @staticmethod
    def where(array: t.Any, callback: t.Callable[..., t.Any]) -> t.Any:
        """Keep the items passing ``callback(value, key)``, with their keys.

        Laravel: ``Arr::where()``.
        """
        pairs = [(k, v) for k, v in key_values(array) if call(callback, v, k)]
        return build(pairs, was_list(array))

    @staticmethod
    def reject(array: t.Any, callback: t.Callable[..., t.Any]) -> t.Any:
        """Drop the items passing ``callback(value, key)``, keeping the other keys.

        Laravel: ``Arr::reject()``.
        """
        return EnumeratesArrays.where(array, lambda v, k: not call(callback, v, k))

    @staticmethod
    def where_not_null(array: t.Any) -> t.Any:
        """Drop the ``None`` items, keeping the other keys.

        Laravel: ``Arr::whereNotNull()``.
        """
        return EnumeratesArrays.where(array, lambda v: v is not None)


def _sort_by(array: t.Any, callback: t.Any, descending: bool) -> t.Any:
    pairs = key_values(array)
    if callback is None:
        keys = [v for _, v in pairs]
    elif callable(callback):
        keys = [call(callback, v, k) for k, v in pairs]
    else:
        keys = [_data_get(v, callback) for _, v in pairs]
    sign = -1 if descending else 1
    order = php_sort(
        list(range(len(pairs))), lambda a, b: sign * php_compare(keys[a], keys[b])
    )
    if was_list(array):
        return [pairs[i][1] for i in order]
    return {pairs[i][0]: pairs[i][1] for i in order}


def _conditional(array: t.Any) -> list[str]:
    return [
        str(val if isinstance(key, int) else key)
        for key, val in key_values(wrap(array))
        if isinstance(key, int) or val
    ]
