"""PHP array semantics shared by ``Arr`` and friends.

A "PHP array" is a dict (associative array) or a list (an array keyed 0..n-1).
These helpers give Protevus PHP's key handling, ``<=>`` comparison, ``sort()``
order and ``http_build_query`` so ``Arr`` returns what Laravel returns.
"""

from __future__ import annotations

import functools
import inspect
import re
import typing as t

MISSING: t.Any = object()
HOLE: t.Any = object()


_NUMERIC = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")


def is_array(target: t.Any) -> bool:
    """Determine if ``target`` is a PHP-style array (a dict, list or tuple)."""
    return isinstance(target, t.Mapping | list | tuple)


def as_array(target: t.Any) -> t.Any:
    """Return ``target`` as a dict or list (Collections give their items)."""
    if isinstance(target, t.Mapping | list | tuple):
        return target
    all_ = getattr(target, "all", None)
    if callable(all_):
        return all_()
    if target is None:
        return []
    if isinstance(target, t.Iterable) and not isinstance(target, str | bytes):
        return list(target)
    return [target]


def key_values(array: t.Any) -> list[tuple[t.Any, t.Any]]:
    """Return ``(key, value)`` pairs; list items are keyed by index."""
    array = as_array(array)
    if isinstance(array, t.Mapping):
        return list(array.items())
    return list(enumerate(array))


def is_list_keys(keys: t.Sequence[t.Any]) -> bool:
    """Determine if the keys run 0..n-1 in order (PHP's ``array_is_list``)."""
    return all(type(k) is int and k == i for i, k in enumerate(keys))


def build(pairs: t.Iterable[tuple[t.Any, t.Any]], as_list: bool) -> t.Any:
    """Make a list when asked and the keys run 0..n-1, else a dict (PHP keeps keys)."""
    result = dict(pairs)
    if as_list and is_list_keys(list(result)):
        return list(result.values())
    return result


def was_list(array: t.Any) -> bool:
    """Determine if ``array`` is list-shaped (so results may be lists too)."""
    return isinstance(as_array(array), list | tuple)


@functools.lru_cache(maxsize=1024)
def _arity(fn: t.Callable[..., t.Any]) -> int | None:
    """Count the positional parameters ``fn`` takes (``None`` = any number)."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return 1
    count = 0
    for param in params:
        if param.kind is param.VAR_POSITIONAL:
            return None
        if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            count += 1
    return count


def call(fn: t.Callable[..., t.Any], *args: t.Any) -> t.Any:
    """Call ``fn`` with as many of ``args`` as it accepts, like a PHP closure."""
    try:
        arity = _arity(fn)
    except TypeError:  # unhashable callable
        arity = None
    return fn(*(args if arity is None else args[:arity]))


def compare(a: t.Any, b: t.Any) -> int:
    """Compare two values the way PHP 8's ``<=>`` does for sort()."""
    if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
        return (bool(a) > bool(b)) - (bool(a) < bool(b))
    if is_array(a) or is_array(b):
        if not is_array(a):
            return -1
        if not is_array(b):
            return 1
        left, right = dict(key_values(a)), dict(key_values(b))
        if len(left) != len(right):
            return 1 if len(left) > len(right) else -1
        for key, item in left.items():
            if key not in right:
                return 1
            result = compare(item, right[key])
            if result:
                return result
        return 0
    if isinstance(a, str) or isinstance(b, str):
        a_ok = not isinstance(a, str) or bool(_NUMERIC.match(a))
        b_ok = not isinstance(b, str) or bool(_NUMERIC.match(b))
        if (
            a_ok
            and b_ok
            and isinstance(a, str | int | float)
            and isinstance(b, str | int | float)
        ):
            a, b = float(a), float(b)
        else:
            a, b = str(a), str(b)
    try:
        return (a > b) - (a < b)
    except TypeError:
        return 0


def php_sort(items: list[t.Any], cmp: t.Callable[[t.Any, t.Any], int]) -> list[t.Any]:
    """Sort stably like PHP's zend_sort, including its order for uncomparable items."""
    indexed = list(enumerate(items))

    def stable(x: tuple[int, t.Any], y: tuple[int, t.Any]) -> int:
        return cmp(x[1], y[1]) or x[0] - y[0]

    def gt(x: tuple[int, t.Any], y: tuple[int, t.Any]) -> bool:
        return stable(x, y) > 0

    n = len(indexed)
    if n > 16:
        ordered = sorted(indexed, key=functools.cmp_to_key(stable))
        return [item for _, item in ordered]
    a = indexed
    # PHP sorts up to 16 items by insertion (a fixed network for 2 and 3 items);
    # the exact steps matter only when items are mutually uncomparable.
    if 2 <= n <= 5:
        if n == 2:
            if gt(a[0], a[1]):
                a[0], a[1] = a[1], a[0]
            return [item for _, item in a]
        # zend_sort_3 on the first three items.
        if not gt(a[0], a[1]):
            if gt(a[1], a[2]):
                a[1], a[2] = a[2], a[1]
                if gt(a[0], a[1]):
                    a[0], a[1] = a[1], a[0]
        elif not gt(a[2], a[1]):
            a[0], a[2] = a[2], a[0]
        else:
            a[0], a[1] = a[1], a[0]
            if gt(a[1], a[2]):
                a[1], a[2] = a[2], a[1]
        start = 3
    else:
        start = 1
    for i in range(start, n):
        j = i
        while j > 0 and gt(a[j - 1], a[j]):
            a[j - 1], a[j] = a[j], a[j - 1]
            j -= 1
    return [item for _, item in a]


def query_pairs(data: t.Any, prefix: str | None) -> list[tuple[str, str]]:
    """Flatten nested data into ``http_build_query`` names (``a[b][0]``) and values."""
    out: list[tuple[str, str]] = []
    for key, item in key_values(data):
        name = str(key) if prefix is None else f"{prefix}[{key}]"
        if item is None:
            continue
        if is_array(item) or hasattr(item, "all"):
            out.extend(query_pairs(item, name))
        elif isinstance(item, bool):
            out.append((name, "1" if item else "0"))
        else:
            out.append((name, str(item)))
    return out


def copy_arrays(target: t.Any) -> t.Any:
    """Copy nested dicts and lists (PHP arrays are values); leave objects shared."""
    if isinstance(target, dict):
        return {k: copy_arrays(v) for k, v in target.items()}
    if isinstance(target, list):
        return [copy_arrays(v) for v in target]
    return target


def key_of(array: t.Any, key: t.Any) -> t.Any:
    """Return the key of ``array`` that ``key`` names, or ``MISSING``."""
    if isinstance(array, t.Mapping):
        if key in array:
            return key
        if isinstance(key, str) and key.lstrip("-").isdigit() and int(key) in array:
            return int(key)
        if isinstance(key, int) and not isinstance(key, bool) and str(key) in array:
            return str(key)
        return MISSING
    if isinstance(array, list | tuple):
        if isinstance(key, str) and key.isdigit():
            key = int(key)
        if isinstance(key, int) and not isinstance(key, bool) and 0 <= key < len(array):
            return key
        return MISSING
    exists = getattr(array, "offset_exists", None)
    if callable(exists) and exists(key):
        return key
    return MISSING


def contains(values: t.Any, needle: t.Any, strict: bool) -> bool:
    """Determine if ``needle`` is among the values (PHP ``in_array``)."""
    items = [v for _, v in key_values(values)]
    if strict:
        return any(type(v) is type(needle) and v == needle for v in items)
    return any(compare(v, needle) == 0 for v in items)


def remove(container: t.Any, key: t.Any, touched: list[list[t.Any]]) -> None:
    """Delete ``key``; list items become holes, closed up later by the caller."""
    if isinstance(container, list):
        container[key] = HOLE
        if not any(container is each for each in touched):
            touched.append(container)
    else:
        del container[key]


def list_slot(target: list[t.Any], index: int) -> int:
    """Pad ``target`` with ``None`` so ``index`` exists; return the index."""
    while len(target) <= index:
        target.append(None)
    return index


def listify(target: t.Any) -> t.Any:
    """Turn dicts keyed ``'0'..'n-1'`` into lists, as PHP would see them."""
    if not isinstance(target, dict):
        return target
    items = {k: listify(v) for k, v in target.items()}
    keys = [int(k) if isinstance(k, str) and k.isdigit() else k for k in items]
    if items and is_list_keys(keys):
        return list(items.values())
    return items


def wrap(val: t.Any) -> t.Any:
    """Return ``val`` as an array: ``None`` → ``[]``, arrays kept, else ``[val]``."""
    if val is None:
        return []
    if isinstance(val, list | dict):
        return val
    if isinstance(val, tuple):
        return list(val)
    return [val]
