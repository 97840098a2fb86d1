"""Helpers shared by the collection classes: callbacks, key readers, PHP arrays.

Laravel passes ``($value, $key)`` to every callback and PHP drops what a closure
does not take; :func:`~protevus.support.concerns.php_arrays.arity` (shared with
``Arr``) lets Protevus do the same with Python callables.
Key readers accept dicts or objects with dot notation (``data_get``).

Laravel: the protected helpers of ``Illuminate\\Support\\Traits\\EnumeratesValues``.
"""

from __future__ import annotations

import json
import typing as t
from decimal import ROUND_HALF_UP
from decimal import Decimal
from enum import Enum

from protevus.support.arr import data_get
from protevus.support.concerns.php_arrays import arity
from protevus.support.concerns.php_compare import compare_with_operator
from protevus.support.concerns.php_compare import is_numeric
from protevus.support.concerns.php_compare import to_number

MISSING: t.Any = object()
"""Sentinel for "argument not given" (Laravel checks ``func_num_args()``)."""

_PRIMITIVES = (str, int, float, bool, type(None))
_TYPE_NAMES: dict[str, type | tuple[type, ...]] = {
    "int": int,
    "float": float,
    "string": str,
    "str": str,
    "bool": bool,
    "array": (list, dict),
    "list": list,
    "dict": dict,
    "null": type(None),
}


# --- callbacks ---------------------------------------------------------------


def kv_caller(fn: t.Callable[..., t.Any]) -> t.Callable[[t.Any, t.Any], t.Any]:
    """Return ``fn`` adapted to be called as ``fn(value, key)``."""
    n = arity(fn)
    if n >= 2:
        return fn
    if n == 1:
        return lambda v, k: fn(v)
    return lambda v, k: fn()


def getter(key: t.Any) -> t.Callable[[t.Any], t.Any]:
    """Return a function reading ``key`` (dot notation) from a dict or an object."""
    if key is None:
        return lambda item: item
    if isinstance(key, str) and "." not in key and "*" not in key and "{" not in key:

        def get(item: t.Any) -> t.Any:
            if type(item) is dict:
                found = item.get(key, MISSING)
                if found is not MISSING:
                    return found
            return data_get(item, key)

        return get
    return lambda item: data_get(item, key)


def value_retriever(key: t.Any) -> t.Callable[[t.Any, t.Any], t.Any]:
    """Return ``fn(value, key)`` for a callback, or a dot-notation key reader.

    Laravel: ``EnumeratesValues::valueRetriever()``.
    """
    if callable(key):
        return kv_caller(key)
    get = getter(key)
    return lambda v, k: get(v)


def operator_for_where(
    key: t.Any, operator: t.Any = MISSING, val: t.Any = MISSING
) -> t.Callable[[t.Any, t.Any], bool]:
    """Return a ``fn(value, key)`` test for ``where(key, operator, value)``.

    One argument tests the key's value for truthiness; two mean ``=``.

    Laravel: ``EnumeratesValues::operatorForWhere()``.
    """
    if callable(key):
        return kv_caller(key)
    if operator is MISSING:
        operator, val = "=", True
    elif val is MISSING:
        operator, val = "=", operator
    get = getter(key)
    op = str(operator)
    return lambda v, k: compare_with_operator(get(v), op, val)


def arrayable_items(items: t.Any) -> dict[t.Any, t.Any]:
    """Return ``items`` as a fresh ordered dict of key → value.

    Accepts a dict, list, tuple, any collection, any iterable, an object with
    ``to_array()``, ``None`` (empty) or a single scalar (wrapped).

    Laravel: ``EnumeratesValues::getArrayableItems()``.
    """
    if items is None:
        return {}
    kind = type(items)
    if kind is dict:
        return dict(items)
    if kind is list or kind is tuple:
        return dict(enumerate(items))
    pairs = getattr(items, "_pairs", None)
    if pairs is not None:
        return dict(pairs())
    if isinstance(items, t.Mapping):
        return dict(items.items())
    if isinstance(items, str | bytes):
        return {0: items}
    to_array = getattr(items, "to_array", None)
    if callable(to_array) and not isinstance(items, type):
        return arrayable_items(to_array())
    if isinstance(items, Enum):
        return {0: items}
    if isinstance(items, t.Iterable):
        return dict(enumerate(items))
    return {0: items}


def to_array_value(val: t.Any) -> t.Any:
    """Return ``val.to_array()`` for an Arrayable item, else ``val`` itself."""
    if type(val) in _PRIMITIVES:
        return val
    to_array = getattr(val, "to_array", None)
    if to_array is not None and callable(to_array) and not isinstance(val, type):
        return to_array()
    return val


def json_value(val: t.Any) -> t.Any:
    """Return ``val`` prepared for JSON (Laravel: ``jsonSerialize`` per item)."""
    if type(val) in _PRIMITIVES:
        return val
    if isinstance(val, type):
        return val
    for name in ("json_serialize", "to_array"):
        method = getattr(val, name, None)
        if callable(method):
            return method()
    to_json = getattr(val, "to_json", None)
    if callable(to_json):
        return json.loads(to_json())
    return val


def json_default(val: t.Any) -> t.Any:
    """Encode values ``json`` does not know: dates, decimals, enums, sets, objects."""
    iso = getattr(val, "isoformat", None)
    if callable(iso):
        return iso()
    if isinstance(val, Decimal):
        return str(val)
    if isinstance(val, Enum):
        return val.value
    if isinstance(val, set | frozenset):
        return list(val)
    converted = json_value(val)
    if converted is not val:
        return converted
    raise TypeError(
        f"Object of type [{type(val).__name__}] is not JSON serializable; give it a "
        "to_array() or json_serialize() method."
    )


def number(val: t.Any) -> t.Any:
    """Return ``val`` as PHP arithmetic sees it (``'3'`` → 3, ``None`` → 0)."""
    kind = type(val)
    if kind is int or kind is float:
        return val
    if val is None:
        return 0
    if kind is bool:
        return int(val)
    if kind is str and is_numeric(val):
        return to_number(val)
    return val


def php_divide(a: t.Any, b: t.Any) -> t.Any:
    """Divide like PHP's ``/``: an int when two ints divide exactly."""
    if type(a) is int and type(b) is int and a % b == 0:
        return a // b
    return a / b


def php_round(val: float, precision: int = 0) -> float:
    """Round half away from zero, as PHP's ``round()`` does."""
    exp = Decimal(1).scaleb(-precision)
    return float(Decimal(repr(val)).quantize(exp, rounding=ROUND_HALF_UP))


def resolve_type(spec: t.Any) -> type | tuple[type, ...]:
    if isinstance(spec, str):
        if spec not in _TYPE_NAMES:
            raise ValueError(f"Type [{spec}] is unknown; pass a class or a type name.")
        return _TYPE_NAMES[spec]
    return t.cast(type, spec)
