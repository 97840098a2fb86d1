"""Read request input the way PHP does: bracket keys, ``intval``, ``filter_var``.

Laravel receives ``$_GET``/``$_POST`` already shaped by PHP, so ``tags[]=a&tags[]=b``
is a list and ``user[name]=x`` a nested array, and its typed getters lean on PHP's
casts. These helpers give Protevus the same input shapes and conversions.
"""

from __future__ import annotations

import math
import re
import typing as t
from urllib.parse import quote

from protevus.http.exceptions import BadRequestHttpException
from protevus.support.aliases import CamelAliases

_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_INT_PREFIX = re.compile(r"^\s*([+-]?\d+)")
_FLOAT_PREFIX = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
_TRUE_WORDS = frozenset({"1", "true", "on", "yes"})
_PHP_WHITESPACE = " \t\n\r\0\x0b"
_PHP_INT_MAX = 2**63 - 1


def _split_key(key: str) -> list[str | None]:
    """Split ``user[address][city]`` into ``['user', 'address', 'city']``.

    ``None`` marks an empty ``[]`` (append). A key without a well-formed bracket
    part is kept whole, as PHP does.
    """
    start = key.find("[")
    if start <= 0 or not key.endswith("]"):
        return [key]
    rest = key[start:]
    parts = _BRACKETS.findall(rest)
    if "".join(f"[{p}]" for p in parts) != rest:
        return [key]
    return [key[:start], *[p if p != "" else None for p in parts]]


def _key(part: str) -> str | int:
    if part.isascii() and part.isdigit() and (part == "0" or part[0] != "0"):
        number = int(part)
        return number if number <= _PHP_INT_MAX else part
    return part


class _Node(dict[t.Any, t.Any]):
    """A dict that remembers its next free integer key, like a PHP array."""

    __slots__ = ("next_index",)

    def __init__(self) -> None:
        super().__init__()
        self.next_index = 0


class InputLimits(CamelAliases):
    """The limits PHP puts on parsed input; change them on the class.

    ``InputLimits.max_input_vars = 5000`` raises the variable cap for every
    request. A request over a limit is answered 400 (PHP drops the extra input
    with a warning; an explicit error is easier to notice).

    PHP: ``max_input_vars`` and ``max_input_nesting_level`` (php.ini).
    """

    #: the most ``key=value`` pairs one query string, body or file list may hold.
    max_input_vars: t.ClassVar[int] = 1000
    #: the most bracket levels one key may have (``a[b][c]`` has 2).
    max_input_nesting_level: t.ClassVar[int] = 64


def parse_pairs(pairs: t.Iterable[tuple[str, t.Any]]) -> dict[t.Any, t.Any]:
    """Build PHP-shaped input from ``(key, value)`` pairs; later values win.

    ``[('tags[]', 'a'), ('tags[]', 'b'), ('user[name]', 'x')]`` →
    ``{'tags': ['a', 'b'], 'user': {'name': 'x'}}``. More pairs than
    ``InputLimits.max_input_vars`` or keys nested deeper than
    ``InputLimits.max_input_nesting_level`` raise ``BadRequestHttpException``.

    PHP: ``php_register_variable_ex()`` (how ``$_GET``/``$_POST`` are built).
    """
    max_vars = InputLimits.max_input_vars
    max_depth = InputLimits.max_input_nesting_level
    root = _Node()
    for count, (raw_key, val) in enumerate(pairs, 1):
        if count > max_vars:
            raise _bad_request(
                f"The request has too many input variables (max {max_vars})."
            )
        parts = _split_key(raw_key)
        if len(parts) - 1 > max_depth:
            raise _bad_request(
                f"The request input is nested too deeply (max {max_depth} levels)."
            )
        target = root
        for i, part in enumerate(parts):
            if part is None:
                slot: t.Any = target.next_index
            else:
                slot = _key(part)
            if isinstance(slot, int) and slot >= target.next_index:
                target.next_index = slot + 1
            if i == len(parts) - 1:
                target[slot] = val
            else:
                child = target.get(slot)
                if not isinstance(child, _Node):
                    child = target[slot] = _Node()
                target = child
    return {k: _listify(v) for k, v in root.items()}


def _bad_request(message: str) -> BadRequestHttpException:
    return BadRequestHttpException(message)


def _listify(node: t.Any) -> t.Any:
    """Turn dicts whose keys run 0..n-1 into lists, recursively."""
    if not isinstance(node, dict):
        return node
    converted = {k: _listify(v) for k, v in node.items()}
    keys = list(converted)
    if keys and keys == list(range(len(keys))):
        return list(converted.values())
    return converted


def replace_recursive(base: t.Any, replacements: t.Any) -> t.Any:
    """Return ``base`` with ``replacements`` laid over it, nested arrays merged.

    PHP: ``array_replace_recursive()``.
    """
    if not isinstance(base, dict | list) or not isinstance(replacements, dict | list):
        return replacements
    out: dict[t.Any, t.Any] = (
        dict(enumerate(base)) if isinstance(base, list) else dict(base)
    )
    items = (
        enumerate(replacements)
        if isinstance(replacements, list)
        else replacements.items()
    )
    for key, val in items:
        out[key] = replace_recursive(out[key], val) if key in out else val
    return _listify_top(out, isinstance(base, list))


def _listify_top(out: dict[t.Any, t.Any], was_list: bool) -> t.Any:
    if was_list and list(out) == list(range(len(out))):
        return list(out.values())
    return out


def php_trim(val: str) -> str:
    """Strip the characters PHP's ``trim()`` strips by default."""
    return val.strip(_PHP_WHITESPACE)


def php_string(val: t.Any) -> str:
    """Cast a scalar to string the way PHP does (``true`` → ``'1'``, null → ``''``)."""
    if val is None or val is False:
        return ""
    if val is True:
        return "1"
    if isinstance(val, float) and val.is_integer() and abs(val) < 1e15:
        return str(int(val))
    return str(val)


def filter_boolean(val: t.Any) -> bool:
    """Return True for 1, "1", true, "true", "on" and "yes" (any case); else False.

    PHP: ``filter_var($value, FILTER_VALIDATE_BOOLEAN)``.
    """
    if isinstance(val, bool):
        return val
    if isinstance(val, dict | list | tuple) or val is None:
        return False
    return php_trim(php_string(val)).lower() in _TRUE_WORDS


def intval(val: t.Any) -> int:
    """Cast like PHP's ``intval()``: ``'12abc'`` → 12, ``'abc'`` → 0, ``'1.9'`` → 1."""
    if isinstance(val, bool):
        return int(val)
    if isinstance(val, int):
        return val
    if isinstance(val, float):
        return 0 if math.isnan(val) or math.isinf(val) else int(val)
    if isinstance(val, dict | list | tuple):
        return 1 if val else 0
    if val is None:
        return 0
    text = str(val)
    number = _FLOAT_PREFIX.match(text)
    if number and any(c in number.group(1) for c in ".eE"):
        as_float = float(number.group(1))
        return 0 if math.isinf(as_float) else int(as_float)
    match = _INT_PREFIX.match(text)
    return int(match.group(1)) if match else 0


def floatval(val: t.Any) -> float:
    """Cast like PHP's ``floatval()``: ``'1.5kg'`` → 1.5, ``'abc'`` → 0.0."""
    if isinstance(val, bool | int | float):
        return float(val)
    if isinstance(val, dict | list | tuple):
        return 1.0 if val else 0.0
    if val is None:
        return 0.0
    match = _FLOAT_PREFIX.match(str(val))
    return float(match.group(1)) if match else 0.0


def build_query(data: t.Mapping[t.Any, t.Any] | t.Sequence[t.Any]) -> str:
    """Encode nested input as a query string with PHP's bracket keys.

    PHP: ``http_build_query($data, '', '&', PHP_QUERY_RFC3986)`` (Laravel:
    ``Arr::query()``). ``None`` values are skipped, booleans become 1/0.
    """
    pairs: list[str] = []

    def walk(prefix: str, val: t.Any) -> None:
        if val is None:
            return
        if isinstance(val, t.Mapping):
            for k, v in val.items():
                walk(f"{prefix}[{k}]", v)
        elif isinstance(val, list | tuple):
            for k, v in enumerate(val):
                walk(f"{prefix}[{k}]", v)
        else:
            pairs.append(f"{quote(prefix, safe='')}={quote(php_string(val), safe='')}")

    items = data.items() if isinstance(data, t.Mapping) else enumerate(data)
    for key, val in items:
        if isinstance(val, t.Mapping | list | tuple):
            inner = val.items() if isinstance(val, t.Mapping) else enumerate(val)
            for k, v in inner:
                walk(f"{key}[{k}]", v)
        else:
            walk(str(key), val)
    return "&".join(pairs)
