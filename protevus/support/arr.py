"""Array helpers and dot-notation access.

Laravel: ``Illuminate\\Support\\Arr`` and ``data_get``/``data_set``/``data_fill``/
``data_forget``.
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.concerns.enumerates_arrays import EnumeratesArrays
from protevus.support.concerns.php_arrays import HOLE
from protevus.support.concerns.php_arrays import MISSING
from protevus.support.concerns.php_arrays import as_array
from protevus.support.concerns.php_arrays import build
from protevus.support.concerns.php_arrays import call
from protevus.support.concerns.php_arrays import contains
from protevus.support.concerns.php_arrays import copy_arrays
from protevus.support.concerns.php_arrays import is_array
from protevus.support.concerns.php_arrays import is_int_key
from protevus.support.concerns.php_arrays import is_list_keys
from protevus.support.concerns.php_arrays import key_of
from protevus.support.concerns.php_arrays import key_values
from protevus.support.concerns.php_arrays import list_slot
from protevus.support.concerns.php_arrays import listify
from protevus.support.concerns.php_arrays import remove
from protevus.support.concerns.php_arrays import was_list
from protevus.support.concerns.php_arrays import wrap
from protevus.support.helpers import value
from protevus.support.macroable import Macroable

_MISSING = MISSING


def _is_accessible(target: t.Any) -> bool:
    return isinstance(target, t.Mapping | t.Sequence) and not isinstance(
        target, str | bytes
    )


def _segment_get(target: t.Any, segment: str) -> t.Any:
    """Return ``target[segment]`` (or its attribute), or ``_MISSING``."""
    if isinstance(target, t.Mapping):
        if segment in target:
            return target[segment]
        if is_int_key(segment) and int(segment) in target:
            return target[int(segment)]
        return _MISSING
    if isinstance(target, t.Sequence) and not isinstance(target, str | bytes):
        if is_int_key(segment):
            index = int(segment)
            if 0 <= index < len(target):
                return target[index]
        return _MISSING
    getter = getattr(target, "__getitem__", None)
    if getter is not None and hasattr(target, "offset_exists"):
        return getter(segment) if target.offset_exists(segment) else _MISSING
    if isinstance(segment, str) and not segment.startswith("_"):
        return getattr(target, segment, _MISSING)
    return _MISSING


def _items_of(target: t.Any) -> list[t.Any] | None:
    """Return the values of a collection-like target, or ``None``."""
    if isinstance(target, t.Mapping):
        return list(target.values())
    if isinstance(target, t.Sequence) and not isinstance(target, str | bytes):
        return list(target)
    all_ = getattr(target, "all", None)
    if callable(all_) and hasattr(target, "items") and hasattr(target, "keys"):
        rv = all_()
        return list(rv.values()) if isinstance(rv, t.Mapping) else list(rv)
    return None


def data_get(target: t.Any, key: t.Any = None, default: t.Any = None) -> t.Any:
    """Get an item from a dict, list or object using dot notation.

    ``data_get(data, 'products.desk.price')``; ``*`` collects from every item
    (``'users.*.email'``); ``{first}`` and ``{last}`` pick the first and last item.
    A callable ``default`` is called when the key is missing.

    Laravel: ``data_get($target, $key, $default)``.
    """
    if key is None:
        return target
    segments = key if isinstance(key, list) else str(key).split(".")
    for i, segment in enumerate(segments):
        if segment is None:
            return target
        segment = str(segment)
        if segment in ("\\*", "\\{first}", "\\{last}"):
            segment = segment[1:]
        elif segment == "*":
            items = _items_of(target)
            if items is None:
                return value(default)
            rest = segments[i + 1 :]
            result = [data_get(item, rest) for item in items]
            if "*" in rest:
                flat: list[t.Any] = []
                for each in result:
                    if isinstance(each, list):
                        flat.extend(each)
                return flat
            return result
        elif segment in ("{first}", "{last}"):
            items = _items_of(target)
            if items is None or not items:
                return value(default)
            target = items[0] if segment == "{first}" else items[-1]
            continue
        found = _segment_get(target, segment)
        if found is _MISSING:
            return value(default)
        target = found
    return target


def data_set(
    target: t.Any, key: str | list[str], val: t.Any, overwrite: bool = True
) -> t.Any:
    """Set an item on a dict, list or object using dot notation; return the target.

    ``*`` sets the value on every item. Missing intermediate levels become dicts.

    Laravel: ``data_set($target, $key, $value, $overwrite)``.
    """
    segments = key if isinstance(key, list) else key.split(".")
    segment, rest = segments[0], segments[1:]
    if segment == "*":
        if not _is_accessible(target):
            target = {} if target is None else target
        if isinstance(target, t.MutableMapping):
            keys: t.Iterable[t.Any] = list(target.keys())
        elif isinstance(target, t.MutableSequence):
            keys = range(len(target))
        else:
            keys = []
        for k in keys:
            if rest:
                target[k] = data_set(target[k], rest, val, overwrite)
            elif overwrite:
                target[k] = val
        return target
    if isinstance(target, t.MutableSequence) and is_int_key(segment):
        index = int(segment)
        while len(target) <= index:
            target.append(None)
        if rest:
            if not _is_accessible(target[index]) and not _has_attr_target(
                target[index]
            ):
                target[index] = {}
            data_set(target[index], rest, val, overwrite)
        elif overwrite or target[index] is None:
            target[index] = val
        return target
    if isinstance(target, t.MutableMapping):
        segment = _mapping_key(target, segment)
        if rest:
            if segment not in target or (
                not _is_accessible(target[segment])
                and not _has_attr_target(target[segment])
            ):
                target[segment] = {}
            data_set(target[segment], rest, val, overwrite)
        elif overwrite or segment not in target:
            target[segment] = val
        return target
    if target is None or isinstance(target, str | int | float | bool):
        target = {}
        return data_set(target, segments, val, overwrite)
    if rest:
        current = getattr(target, segment, None)
        if not _is_accessible(current) and not _has_attr_target(current):
            current = {}
            setattr(target, segment, current)
        data_set(current, rest, val, overwrite)
    elif overwrite or getattr(target, segment, None) is None:
        setattr(target, segment, val)
    return target


def _mapping_key(target: t.Mapping[t.Any, t.Any], segment: t.Any) -> t.Any:
    """Return the key of ``target`` that ``segment`` names (``'0'`` may mean ``0``)."""
    if (
        isinstance(segment, str)
        and segment not in target
        and is_int_key(segment)
        and int(segment) in target
    ):
        return int(segment)
    return segment


def _has_attr_target(obj: t.Any) -> bool:
    return obj is not None and hasattr(obj, "__dict__") and not callable(obj)


def data_fill(target: t.Any, key: str | list[str], val: t.Any) -> t.Any:
    """Set an item using dot notation only where it is missing.

    Laravel: ``data_fill($target, $key, $value)``.
    """
    return data_set(target, key, val, overwrite=False)


def data_forget(target: t.Any, key: str | list[str]) -> t.Any:
    """Remove an item from a dict, list or object using dot notation.

    Laravel: ``data_forget($target, $key)``.
    """
    segments = key if isinstance(key, list) else key.split(".")
    segment, rest = segments[0], segments[1:]
    if segment == "*":
        items = _items_of(target)
        if items is not None and rest:
            for item in items:
                data_forget(item, rest)
        return target
    if isinstance(target, t.MutableMapping):
        segment = _mapping_key(target, segment)
        if rest:
            if segment in target:
                data_forget(target[segment], rest)
        else:
            target.pop(segment, None)
    elif isinstance(target, t.MutableSequence) and is_int_key(segment):
        index = int(segment)
        if 0 <= index < len(target):
            if rest:
                data_forget(target[index], rest)
            else:
                del target[index]
    elif target is not None and hasattr(target, "__dict__"):
        if rest:
            data_forget(getattr(target, segment, None), rest)
        elif hasattr(target, segment):
            delattr(target, segment)
    return target


class Arr(EnumeratesArrays, Macroable):
    """Work with dicts and lists ("arrays") through static helpers and dot notation.

    A list is PHP's list array, a dict PHP's associative array. Methods that keep
    keys (``where``, ``reject``, ``only``...) return a list when the kept keys of a
    list still run 0..n-1, and a dict of the kept indexes otherwise, as PHP does.

    Laravel: ``Illuminate\\Support\\Arr``.
    """

    @staticmethod
    def accessible(val: t.Any) -> bool:
        """Determine if ``val`` can be used as an array (dict, list, ArrayAccess).

        Laravel: ``Arr::accessible()``.
        """
        if isinstance(val, str | bytes):
            return False
        return is_array(val) or hasattr(val, "offset_exists")

    @staticmethod
    def add(array: t.Any, key: t.Any, val: t.Any) -> t.Any:
        """Set ``key`` (dot notation) to ``val`` when it is missing or ``None``.

        Laravel: ``Arr::add()``.
        """
        if Arr.get(array, key) is None:
            Arr.set(array, key, val)
        return array

    @staticmethod
    def array(array: t.Any, key: t.Any, default: t.Any = None) -> t.Any:
        """Get a dict or list value, raising when the item is something else.

        Laravel: ``Arr::array()``.
        """
        return _typed(array, key, default, "an array", is_array)

    @staticmethod
    def boolean(array: t.Any, key: t.Any, default: t.Any = None) -> bool:
        """Get a bool value, raising when the item is something else.

        Laravel: ``Arr::boolean()``.
        """
        return _typed(array, key, default, "a boolean", lambda v: isinstance(v, bool))

    @staticmethod
    def float(array: t.Any, key: t.Any, default: t.Any = None) -> t.Any:
        """Get a float value, raising when the item is something else.

        Laravel: ``Arr::float()``.
        """
        return _typed(array, key, default, "a float", lambda v: type(v) is float)

    @staticmethod
    def integer(array: t.Any, key: t.Any, default: t.Any = None) -> int:
        """Get an int value, raising when the item is something else.

        Laravel: ``Arr::integer()``.
        """
        return _typed(array, key, default, "an integer", lambda v: type(v) is int)

    @staticmethod
    def string(array: t.Any, key: t.Any, default: t.Any = None) -> str:
        """Get a str value, raising when the item is something else.

        Laravel: ``Arr::string()``.
        """
        return _typed(array, key, default, "a string", lambda v: isinstance(v, str))

    @staticmethod
    def dot(array: t.Any, prepend: str = "") -> dict[t.Any, t.Any]:
        """Flatten a nested array into one level with dotted keys.

        Laravel: ``Arr::dot()``.
        """
        results: dict[t.Any, t.Any] = {}
        for key, item in key_values(array):
            name = key if prepend == "" else f"{prepend}{key}"
            if is_array(item) and item:
                results.update(Arr.dot(item, f"{name}."))
            else:
                results[name] = item
        return results

    @staticmethod
    def undot(array: t.Any) -> t.Any:
        """Expand a flat array with dotted keys into a nested one.

        Laravel: ``Arr::undot()``.
        """
        results: dict[t.Any, t.Any] = {}
        for key, item in key_values(array):
            Arr.set(results, key, item)
        return listify(results)

    @staticmethod
    def except_(array: t.Any, keys: t.Any) -> t.Any:
        """Return a copy of the array without the given (dot-notation) keys.

        Laravel: ``Arr::except()``.
        """
        copied = copy_arrays(as_array(array))
        return Arr.forget(list(copied) if isinstance(copied, tuple) else copied, keys)

    @staticmethod
    def except_values(array: t.Any, values: t.Any, strict: bool = False) -> t.Any:
        """Return the items whose value is not one of ``values``.

        Laravel: ``Arr::exceptValues()``.
        """
        values = Arr.wrap(values)
        return Arr.where(array, lambda v: not contains(values, v, strict))

    @staticmethod
    def exists(array: t.Any, key: t.Any) -> bool:
        """Determine if the array has ``key`` (no dot notation).

        Laravel: ``Arr::exists()``.
        """
        return key_of(as_array(array), key) is not MISSING

    @staticmethod
    def first(
        array: t.Any,
        callback: t.Callable[..., t.Any] | None = None,
        default: t.Any = None,
    ) -> t.Any:
        """Return the first item, or the first passing ``callback(value, key)``.

        Laravel: ``Arr::first()``.
        """
        for key, item in key_values(array):
            if callback is None or call(callback, item, key):
                return item
        return value(default)

    @staticmethod
    def last(
        array: t.Any,
        callback: t.Callable[..., t.Any] | None = None,
        default: t.Any = None,
    ) -> t.Any:
        """Return the last item, or the last passing ``callback(value, key)``.

        Laravel: ``Arr::last()``.
        """
        for key, item in reversed(key_values(array)):
            if callback is None or call(callback, item, key):
                return item
        return value(default)

    @staticmethod
    def forget(array: t.Any, keys: t.Any) -> t.Any:
        """Remove the given (dot-notation) keys from the array in place; return it.

        Lists close up after removal (Python lists cannot keep PHP's holes).

        Laravel: ``Arr::forget()``.
        """
        touched: list[list[t.Any]] = []
        for key in Arr.wrap(keys) if not isinstance(keys, tuple) else list(keys):
            found = key_of(array, key)
            if found is not MISSING:
                remove(array, found, touched)
                continue
            parts = str(key).split(".")
            target = array
            for part in parts[:-1]:
                found = key_of(target, part)
                if found is MISSING or not is_array(target[found]):
                    target = MISSING
                    break
                target = target[found]
            if target is not MISSING:
                found = key_of(target, parts[-1])
                if found is not MISSING:
                    remove(target, found, touched)
        for each in touched:
            each[:] = [item for item in each if item is not HOLE]
        return array

    @staticmethod
    def from_(items: t.Any) -> t.Any:
        """Return ``items`` as a dict or list (Collections, iterables, objects).

        Laravel: ``Arr::from()``.
        """
        if is_array(items):
            return items
        for method in ("to_array", "all"):
            fn = getattr(items, method, None)
            if callable(fn):
                return fn()
        if isinstance(items, t.Iterable) and not isinstance(items, str | bytes):
            return list(items)
        if hasattr(items, "__dict__"):
            return dict(vars(items))
        raise InvalidArgumentError(
            f"Items [{type(items).__name__}] cannot be represented by a scalar value; "
            "pass a dict, list, iterable or Collection."
        )

    @staticmethod
    def get(array: t.Any, key: t.Any = None, default: t.Any = None) -> t.Any:
        """Get an item using dot notation (``'products.desk.price'``).

        A callable ``default`` is called when the key is missing.

        Laravel: ``Arr::get()``.
        """
        if not Arr.accessible(array) and not hasattr(array, "all"):
            return value(default)
        if key is None:
            return array
        array = as_array(array) if hasattr(array, "all") else array
        found = key_of(array, key)
        if found is not MISSING:
            return array[found]
        if not isinstance(key, str) or "." not in key:
            return value(default)
        for segment in key.split("."):
            found = key_of(array, segment) if Arr.accessible(array) else MISSING
            if found is MISSING:
                return value(default)
            array = array[found]
        return array

    @staticmethod
    def has(array: t.Any, keys: t.Any) -> bool:
        """Determine if every one of the (dot-notation) keys exists.

        Laravel: ``Arr::has()``.
        """
        keys = Arr.wrap(keys)
        if not array or not keys:
            return False
        return all(Arr.get(array, key, MISSING) is not MISSING for key in keys)

    @staticmethod
    def has_all(array: t.Any, keys: t.Any) -> bool:
        """Determine if every one of the (dot-notation) keys exists.

        Laravel: ``Arr::hasAll()``.
        """
        return Arr.has(array, keys)

    @staticmethod
    def has_any(array: t.Any, keys: t.Any) -> bool:
        """Determine if at least one of the (dot-notation) keys exists.

        Laravel: ``Arr::hasAny()``.
        """
        keys = Arr.wrap(keys)
        if not array or not keys:
            return False
        return any(Arr.has(array, key) for key in keys)

    @staticmethod
    def is_assoc(array: t.Any) -> bool:
        """Determine if the array is associative (its keys are not 0..n-1).

        Laravel: ``Arr::isAssoc()``.
        """
        return not Arr.is_list(array)

    @staticmethod
    def is_list(array: t.Any) -> bool:
        """Determine if the array's keys run 0..n-1 in order.

        Laravel: ``Arr::isList()``.
        """
        array = as_array(array)
        return isinstance(array, list | tuple) or is_list_keys(list(array))

    @staticmethod
    def only(array: t.Any, keys: t.Any) -> t.Any:
        """Return only the items with the given keys, in the array's order.

        Laravel: ``Arr::only()``.
        """
        wanted = Arr.wrap(keys)
        pairs = [
            (k, v) for k, v in key_values(array) if k in wanted or str(k) in wanted
        ]
        return build(pairs, was_list(array))

    @staticmethod
    def only_values(array: t.Any, values: t.Any, strict: bool = False) -> t.Any:
        """Return the items whose value is one of ``values``.

        Laravel: ``Arr::onlyValues()``.
        """
        values = Arr.wrap(values)
        return Arr.where(array, lambda v: contains(values, v, strict))

    @staticmethod
    def prepend(array: t.Any, val: t.Any, key: t.Any = MISSING) -> t.Any:
        """Return the array with ``val`` first (under ``key`` when given).

        Laravel: ``Arr::prepend()``.
        """
        if key is MISSING:
            if was_list(array):
                return [val, *as_array(array)]
            pairs = [(0, val), *key_values(array)]
            return Arr.collapse([dict([p]) for p in pairs])
        rest = [(k, v) for k, v in key_values(array) if k != key]
        return {key: val, **dict(rest)}

    @staticmethod
    def pull(array: t.Any, key: t.Any, default: t.Any = None) -> t.Any:
        """Remove an item (dot notation) from the array and return its value.

        Laravel: ``Arr::pull()``.
        """
        val = Arr.get(array, key, default)
        Arr.forget(array, key)
        return val

    @staticmethod
    def set(array: t.Any, key: t.Any, val: t.Any) -> t.Any:
        """Set an item using dot notation, creating nested dicts; return the array.

        Laravel: ``Arr::set()``.
        """
        if key is None:
            return val
        parts = str(key).split(".") if isinstance(key, str) else [key]
        target = array
        for part in parts[:-1]:
            found = key_of(target, part)
            if found is MISSING or not is_array(target[found]):
                found = part if found is MISSING else found
                if isinstance(target, list) and str(part).isdigit():
                    found = list_slot(target, int(part))
                target[found] = {}
            target = target[found]
        last_key = parts[-1]
        found = key_of(target, last_key)
        if found is MISSING and isinstance(target, list) and str(last_key).isdigit():
            found = list_slot(target, int(last_key))
        target[last_key if found is MISSING else found] = val
        return array

    @staticmethod
    def wrap(val: t.Any) -> list[t.Any] | t.Any:
        """Return ``val`` as an array: ``None`` → ``[]``, arrays kept, else ``[val]``.

        Laravel: ``Arr::wrap()``.
        """
        return wrap(val)


def _typed(
    array: t.Any,
    key: t.Any,
    default: t.Any,
    kind: str,
    check: t.Callable[[t.Any], bool],
) -> t.Any:
    val = Arr.get(array, key, default)
    if not check(val):
        raise InvalidArgumentError(
            f"Array value for key [{key}] must be {kind}, "
            f"{type(val).__name__} found; fix the data or read it with Arr.get()."
        )
    return val
