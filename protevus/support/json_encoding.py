"""Encode JSON the way PHP's ``json_encode`` does, for Laravel-identical responses.

PHP's default output is compact, escapes ``/`` as ``\\/`` and non-ASCII as
``\\uXXXX``, and writes ``1.0`` as ``1``. The ``JSON_*`` flags below change that
exactly as in PHP.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import enum
import json
import math
import re
import typing as t
import uuid
from collections.abc import Mapping

from protevus.exceptions import InvalidArgumentError

JSON_HEX_TAG = 1
JSON_HEX_AMP = 2
JSON_HEX_APOS = 4
JSON_HEX_QUOT = 8
JSON_FORCE_OBJECT = 16
JSON_UNESCAPED_SLASHES = 64
JSON_PRETTY_PRINT = 128
JSON_UNESCAPED_UNICODE = 256
JSON_PRESERVE_ZERO_FRACTION = 1024


#: types that are already JSON and need no conversion (exact types, not subclasses).
_READY: frozenset[type] = frozenset({str, int, bool, type(None)})


def prepare_json(val: t.Any, options: int = 0) -> t.Any:
    """Turn ``val`` into plain JSON types (Arrayable, Jsonable, dates, enums...)."""
    if val is None or isinstance(val, bool | str | int):
        return val
    if type(val) is dict:
        # The common case (a plain dict of plain values) without a call per value.
        ready = _READY
        return {
            (k if type(k) is str else str(k)): (
                v if type(v) in ready else prepare_json(v, options)
            )
            for k, v in val.items()
        }
    if isinstance(val, float):
        if math.isnan(val) or math.isinf(val):
            raise InvalidArgumentError(
                f"Value [{val}] cannot be encoded as JSON; Inf and NaN have no JSON form."
            )
        if val.is_integer() and not options & JSON_PRESERVE_ZERO_FRACTION:
            return int(val)
        return val
    if isinstance(val, Mapping):
        return {str(k): prepare_json(v, options) for k, v in val.items()}
    if isinstance(val, list | tuple | set | frozenset):
        items = [prepare_json(v, options) for v in val]
        return dict(enumerate(items)) if options & JSON_FORCE_OBJECT else items
    for method in ("json_serialize", "to_array"):
        fn = getattr(val, method, None)
        if callable(fn):
            return prepare_json(fn(), options)
    to_json = getattr(val, "to_json", None)
    if callable(to_json):
        return json.loads(to_json())
    if isinstance(val, enum.Enum):
        return prepare_json(val.value, options)
    if isinstance(val, _dt.datetime):
        if val.tzinfo is not None:
            val = val.astimezone(_dt.UTC)
        return val.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(val, _dt.date | _dt.time):
        return val.isoformat()
    if isinstance(val, decimal.Decimal | uuid.UUID):
        return str(val)
    if isinstance(val, bytes):
        return val.decode("utf-8")
    if dataclasses.is_dataclass(val) and not isinstance(val, type):
        return prepare_json(dataclasses.asdict(val), options)
    if hasattr(val, "__dict__"):
        return prepare_json(
            {k: v for k, v in vars(val).items() if not k.startswith("_")}, options
        )
    raise InvalidArgumentError(
        f"Value of type [{type(val).__name__}] cannot be encoded as JSON; give it a "
        "to_array() or json_serialize() method."
    )


#: ``json.dumps(data, ensure_ascii=..., separators=(",", ":"))`` builds an encoder
#: per call; these are built once (encoders keep no state between calls).
_COMPACT: dict[bool, json.JSONEncoder] = {
    ascii_only: json.JSONEncoder(ensure_ascii=ascii_only, separators=(",", ":"))
    for ascii_only in (True, False)
}


def json_encode(val: t.Any, options: int = 0) -> str:
    """Encode ``val`` like PHP's ``json_encode($val, $options)``."""
    data = prepare_json(val, options)
    if options & JSON_PRETTY_PRINT:
        text = json.dumps(
            data,
            ensure_ascii=not options & JSON_UNESCAPED_UNICODE,
            indent=4,
            separators=(",", ": "),
        )
    else:
        text = _COMPACT[not options & JSON_UNESCAPED_UNICODE].encode(data)
    # These characters only occur inside JSON strings, so a plain replace is safe.
    if not options & JSON_UNESCAPED_SLASHES:
        text = text.replace("/", "\\/")
    if options & JSON_HEX_TAG:
        text = text.replace("<", "\\u003C").replace(">", "\\u003E")
    if options & JSON_HEX_AMP:
        text = text.replace("&", "\\u0026")
    if options & JSON_HEX_APOS:
        text = text.replace("'", "\\u0027")
    if options & JSON_HEX_QUOT:
        # Only an escaped quote becomes \u0022; an escaped backslash stays as it is.
        text = _ESCAPED_QUOTE.sub(
            lambda m: "\\u0022" if m.group(0) == '\\"' else m.group(0), text
        )
    return text


_ESCAPED_QUOTE = re.compile(r'\\[\\"]')
