"""Compare values the way PHP 8 does: loose ``==``, strict ``===`` and ``<=>``.

Laravel's collections compare with PHP operators: ``where('price', 100)`` keeps an
item whose price is ``'100'``, ``contains('1')`` finds ``1``, and ``sort()`` orders
numeric strings as numbers. Python's ``==`` says ``3 != '3'``, so the collection
classes route every value comparison through this module.

The rules follow the PHP 8 comparison table:

* ``None`` against a string compares ``''`` with the string (``None == ''``).
* ``None`` or a bool against anything else compares both sides as bools.
* Two numeric strings, or a number and a numeric string, compare as numbers
  (``'1' == '01'``, ``3 == '3'``, ``'10' > '9'``).
* A number against a non-numeric string compares the number's text with the
  string (``0 == 'a'`` is false, as in PHP 8).
* Lists and dicts compare item by item; they are greater than any scalar.
* Anything else falls back to Python's own operators.

Laravel: PHP's ``==``, ``===`` and ``<=>`` as used by ``Collection::where()``.
"""

from __future__ import annotations

import re
import typing as t
from decimal import Decimal
from enum import Enum

_NUMERIC = re.compile(
    r"^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$"
)
_NUMBER_TYPES = (int, float, Decimal)


def is_numeric(val: t.Any) -> bool:
    """Determine if ``val`` is a number or a numeric string (PHP ``is_numeric``)."""
    if isinstance(val, bool):
        return False
    if isinstance(val, _NUMBER_TYPES):
        return True
    return isinstance(val, str) and _NUMERIC.match(val) is not None


def to_number(val: str) -> int | float:
    """Return a numeric string as an int, or a float when it has a fraction or exponent."""
    text = val.strip()
    try:
        return int(text)
    except ValueError:
        return float(text)


def php_str(val: t.Any) -> str:
    """Return the text PHP prints for ``val`` (``1.0`` → '1', ``True`` → '1')."""
    if val is None or val is False:
        return ""
    if val is True:
        return "1"
    if isinstance(val, float):
        if val.is_integer() and abs(val) < 1e15:
            return str(int(val))
        return repr(val)
    return str(val)


def _is_array(val: t.Any) -> bool:
    return isinstance(val, list | tuple | dict)


def _as_pairs(val: t.Any) -> dict[t.Any, t.Any]:
    if isinstance(val, dict):
        return val
    return dict(enumerate(val))


def loose_equals(a: t.Any, b: t.Any) -> bool:
    """Return PHP's ``$a == $b`` for two Python values.

    Laravel: the loose comparison behind ``where()``, ``contains()``, ``search()``.
    """
    ta = type(a)
    if ta is type(b):
        if ta is int or ta is float:
            return bool(a == b)
        if ta is str and a == b:
            return True
    if a is None and b is None:
        return True
    if a is None or b is None:
        other = b if a is None else a
        if isinstance(other, str):
            return other == ""
        return not truthy(other)
    if isinstance(a, bool) or isinstance(b, bool):
        return truthy(a) == truthy(b)
    a_num, b_num = isinstance(a, _NUMBER_TYPES), isinstance(b, _NUMBER_TYPES)
    if a_num and b_num:
        return bool(a == b)
    a_str, b_str = isinstance(a, str), isinstance(b, str)
    if a_str and b_str:
        if is_numeric(a) and is_numeric(b):
            return to_number(a) == to_number(b)
        return bool(a == b)
    if (a_num and b_str) or (a_str and b_num):
        text = b if b_str else a
        num = a if a_num else b
        if is_numeric(text):
            return bool(to_number(text) == num)
        return php_str(num) == text
    if _is_array(a) and _is_array(b):
        pa, pb = _as_pairs(a), _as_pairs(b)
        if len(pa) != len(pb):
            return False
        return all(k in pb and loose_equals(v, pb[k]) for k, v in pa.items())
    if _is_array(a) or _is_array(b):
        return False
    return bool(a == b)


def strict_equals(a: t.Any, b: t.Any) -> bool:
    """Return PHP's ``$a === $b``: same type and same value.

    Lists and dicts compare item by item (strictly, keys in order); other objects
    compare with ``is`` or, when of the same type, with ``==``.

    Laravel: the strict comparison behind ``where_strict()``, ``contains_strict()``.
    """
    if a is b:
        return True
    ta = type(a)
    if ta is not type(b):
        return False
    if ta is list or ta is tuple:
        return len(a) == len(b) and all(map(strict_equals, a, b))
    if ta is dict:
        return len(a) == len(b) and all(
            ka == kb and strict_equals(va, vb)
            for (ka, va), (kb, vb) in zip(a.items(), b.items(), strict=False)
        )
    return bool(a == b)


def truthy(val: t.Any) -> bool:
    """Return PHP's boolean cast of ``val`` (``'0'`` is false, ``'0.0'`` true)."""
    if isinstance(val, str):
        return val not in ("", "0")
    return bool(val)


def _sign(a: t.Any, b: t.Any) -> int:
    return (a > b) - (a < b)


def php_compare(a: t.Any, b: t.Any) -> int:
    """Return PHP's ``$a <=> $b`` (-1, 0 or 1) for two Python values.

    Laravel: the ``SORT_REGULAR`` order of ``sort()`` and ``where('k', '>', v)``.
    """
    ta, tb = type(a), type(b)
    if ta is tb and (ta is int or ta is float):
        return _sign(a, b)
    if a is None and isinstance(b, str):
        return _sign("", b)
    if b is None and isinstance(a, str):
        return _sign(a, "")
    if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
        return _sign(truthy(a), truthy(b))
    a_num, b_num = isinstance(a, _NUMBER_TYPES), isinstance(b, _NUMBER_TYPES)
    if a_num and b_num:
        return _sign(a, b)
    a_str, b_str = isinstance(a, str), isinstance(b, str)
    if a_str and b_str:
        if is_numeric(a) and is_numeric(b):
            return _sign(to_number(a), to_number(b))
        return _sign(a, b)
    if a_num and b_str:
        return _sign(a, to_number(b)) if is_numeric(b) else _sign(php_str(a), b)
    if a_str and b_num:
        return _sign(to_number(a), b) if is_numeric(a) else _sign(a, php_str(b))
    a_arr, b_arr = _is_array(a), _is_array(b)
    if a_arr and b_arr:
        pa, pb = _as_pairs(a), _as_pairs(b)
        if len(pa) != len(pb):
            return _sign(len(pa), len(pb))
        for key, val in pa.items():
            if key not in pb:
                return 1
            result = php_compare(val, pb[key])
            if result:
                return result
        return 0
    if a_arr or b_arr:
        return 1 if a_arr else -1
    try:
        return _sign(a, b)
    except TypeError:
        return _sign(php_str(a), php_str(b))


def compare_with_operator(retrieved: t.Any, operator: str, val: t.Any) -> bool:
    """Return ``retrieved <operator> val`` with PHP semantics.

    Operators: ``=``, ``==``, ``!=``, ``<>`` (loose), ``===``, ``!==`` (strict),
    ``<``, ``>``, ``<=``, ``>=`` (PHP ordering). Enum members compare by value.

    Laravel: ``EnumeratesValues::operatorForWhere()``.
    """
    if isinstance(retrieved, Enum):
        retrieved = retrieved.value
    if isinstance(val, Enum):
        val = val.value
    if operator in ("=", "=="):
        return loose_equals(retrieved, val)
    if operator in ("!=", "<>"):
        return not loose_equals(retrieved, val)
    if operator == "===":
        return strict_equals(retrieved, val)
    if operator == "!==":
        return not strict_equals(retrieved, val)
    if operator == "<":
        return php_compare(retrieved, val) < 0
    if operator == ">":
        return php_compare(retrieved, val) > 0
    if operator == "<=":
        return php_compare(retrieved, val) <= 0
    if operator == ">=":
        return php_compare(retrieved, val) >= 0
    raise ValueError(
        f"Comparison operator [{operator}] is not supported; use one of "
        "=, ==, !=, <>, ===, !==, <, >, <=, >=."
    )
