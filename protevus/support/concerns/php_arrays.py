"""PHP array semantics shared by ``Arr`` and friends.

A "PHP array" is a dict (associative array) or a list (an array keyed 0..n-1).
These helpers give Protevus PHP's key handling, ``array_merge``, ``sort()`` order,
closure-style callback arity and ``http_build_query``, so ``Arr`` and the
collections return what Laravel returns. Value comparisons (``==``, ``===``,
``<=>``) live in :mod:`protevus.support.concerns.php_compare`.
"""

from __future__ import annotations

import functools
import itertools
import re
import typing as t

from protevus.support.concerns.php_compare import loose_equals
from protevus.support.concerns.php_compare import strict_equals

MISSING: t.Any = object()
HOLE: t.Any = object()


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


def is_list_keys(keys: t.Iterable[t.Any]) -> bool:
    """Determine if the keys run 0..n-1 in order (PHP's ``array_is_list``)."""
    i = 0
    for key in keys:
        if type(key) is not int or key != i:
            return False
        i += 1
    return True


def as_php_array(items: dict[t.Any, t.Any]) -> list[t.Any] | dict[t.Any, t.Any]:
    """Return ``items`` as a list when its keys are exactly ``0..n-1``, else the dict.

    This is how a PHP array prints: ``[1, 2]`` for a list, ``[0 => 1, 2 => 3]``
    once a key is missing.
    """
    return list(items.values()) if is_list_keys(items) else items


def build(pairs: t.Iterable[tuple[t.Any, t.Any]], as_list: bool) -> t.Any:
    """Make a list when asked and the keys run 0..n-1, else a dict (PHP keeps keys)."""
    result = dict(pairs)
    return as_php_array(result) if as_list else result


def was_list(array: t.Any) -> bool:
    """Determine if ``array`` is list-shaped (so results may be lists too)."""
    return isinstance(as_array(array), list | tuple)


_VARARGS = 0x04  # inspect.CO_VARARGS; inspect itself loads only when needed
ANY_ARITY = 99
"""What :func:`arity` answers for a callable taking ``*args``."""
_INT_KEY = re.compile(r"-?[0-9]+")


def arity(fn: t.Callable[..., t.Any]) -> int:
    """Return how many positional arguments ``fn`` accepts (99 for ``*args``).

    PHP silently drops extra arguments, so Laravel passes ``($value, $key)`` to
    every callback. Python raises instead, so ``Arr`` and the collections look
    at the callback and pass only what it takes.
    """
    try:
        return _cached_arity(fn)
    except TypeError:  # an unhashable callable is not cached
        return _arity(fn)


def _arity(fn: t.Callable[..., t.Any]) -> int:
    # A bound method forwards __code__ to its function, whose count includes self.
    func = getattr(fn, "__func__", None)
    if func is not None and getattr(fn, "__self__", None) is not None:
        code = getattr(func, "__code__", None)
        offset = 1
    else:
        code = getattr(fn, "__code__", None)
        offset = 0
    if code is not None and not isinstance(fn, type) and not hasattr(fn, "__wrapped__"):
        if code.co_flags & _VARARGS:
            return ANY_ARITY
        return int(code.co_argcount) - offset
    import inspect

    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return 1
    count = 0
    for param in params:
        if param.kind is param.VAR_POSITIONAL:
            return ANY_ARITY
        if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            count += 1
    return count


_cached_arity = functools.lru_cache(maxsize=1024)(_arity)


def call(fn: t.Callable[..., t.Any], *args: t.Any) -> t.Any:
    """Call ``fn`` with as many of ``args`` as it accepts, like a PHP closure."""
    return fn(*args[: arity(fn)])


def is_int_key(key: t.Any) -> bool:
    """Determine if ``key`` is a string of digits that PHP reads as an int key."""
    return isinstance(key, str) and _INT_KEY.fullmatch(key) is not None


def renumber(
    pairs: t.Iterable[tuple[t.Any, t.Any]], none_is_new: bool = True
) -> dict[t.Any, t.Any]:
    """Return ``pairs`` as a dict with int keys renumbered from 0, string keys kept.

    This is what PHP's ``array_shift``, ``array_splice`` and ``array_merge`` do.
    ``None`` keys count as int keys (new items) unless ``none_is_new`` is false.
    """
    out: dict[t.Any, t.Any] = {}
    i = 0
    for k, v in pairs:
        if type(k) is int or (k is None and none_is_new):
            out[i] = v
            i += 1
        else:
            out[k] = v
    return out


def array_merge(sources: t.Iterable[t.Mapping[t.Any, t.Any]]) -> dict[t.Any, t.Any]:
    """Merge key/value maps like PHP's ``array_merge``.

    String keys overwrite earlier ones; int keys are renumbered ``0..n-1``.
    """
    pairs = itertools.chain.from_iterable(source.items() for source in sources)
    return renumber(pairs, none_is_new=False)


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
        if is_int_key(key) and int(key) in array:
            return int(key)
        if isinstance(key, int) and not isinstance(key, bool) and str(key) in array:
            return str(key)
        return MISSING
    if isinstance(array, list | tuple):
        if is_int_key(key):
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
    same = strict_equals if strict else loose_equals
    return any(same(v, needle) for _, v in key_values(values))


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
