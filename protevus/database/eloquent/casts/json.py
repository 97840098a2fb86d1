"""Encode and decode the JSON that array, json, object and collection casts store.

Stored JSON is compact and escapes non-ASCII characters as PHP's ``json_encode``
does (``{"name":"Caf\\u00e9"}``); the ``json:unicode`` cast keeps them as they are.
:meth:`Json.encode_using`/:meth:`Json.decode_using` swap in other functions.

Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\Json``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import enum
import json
import types
import typing as t
import uuid

from protevus.support.aliases import CamelAliases


def json_default(value: t.Any) -> t.Any:
    """Turn a value ``json`` cannot encode into plain data, as PHP would."""
    for name in ("json_serialize", "to_array"):
        method = getattr(value, name, None)
        if callable(method) and not isinstance(value, type):
            return method()
    if isinstance(value, _dt.datetime):
        from protevus.support.carbon import Carbon

        return Carbon.instance(value).to_json()
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if isinstance(value, types.SimpleNamespace):
        return vars(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(
        f"Object of type [{type(value).__name__}] is not JSON serializable; give it "
        "a to_array() or json_serialize() method."
    )


def to_namespace(value: t.Any) -> t.Any:
    """Turn decoded JSON objects into ``SimpleNamespace`` (PHP's ``stdClass``)."""
    if isinstance(value, dict):
        return types.SimpleNamespace(**{k: to_namespace(v) for k, v in value.items()})
    if isinstance(value, list):
        return [to_namespace(item) for item in value]
    return value


def from_namespace(value: t.Any) -> t.Any:
    """Turn ``SimpleNamespace`` values back into dicts, recursively."""
    if isinstance(value, types.SimpleNamespace):
        return {k: from_namespace(v) for k, v in vars(value).items()}
    if isinstance(value, dict):
        return {k: from_namespace(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_namespace(item) for item in value]
    return value


class Json(CamelAliases):
    """Encode and decode cast JSON, with swappable functions.

    Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\Json``.
    """

    _encoder: t.ClassVar[t.Callable[..., str] | None] = None
    _decoder: t.ClassVar[t.Callable[..., t.Any] | None] = None

    @classmethod
    def encode(cls, value: t.Any, unicode: bool = False) -> str:
        """Encode ``value`` as compact JSON. Laravel: ``Json::encode()``."""
        if cls._encoder is not None:
            return cls._encoder(value)
        return json.dumps(
            value,
            ensure_ascii=not unicode,
            separators=(",", ":"),
            default=json_default,
        )

    @classmethod
    def decode(cls, value: t.Any, associative: bool = True) -> t.Any:
        """Decode stored JSON (dicts and lists pass through, copied).

        PostgreSQL's driver already decodes ``json``/``jsonb`` columns; the copy keeps
        the model's stored value safe from changes to the returned one.
        With ``associative=False`` JSON objects become ``SimpleNamespace``.

        Laravel: ``Json::decode()``.
        """
        if cls._decoder is not None:
            decoded = cls._decoder(value)
        elif isinstance(value, dict | list):
            decoded = json.loads(json.dumps(value, default=json_default))
        elif value is None or value == "" or value == b"":
            decoded = None
        else:
            decoded = json.loads(value)
        return decoded if associative else to_namespace(decoded)

    @classmethod
    def encode_using(cls, encoder: t.Callable[..., str] | None) -> None:
        """Encode cast JSON with ``encoder`` (``None`` restores the default).

        Laravel: ``Json::encodeUsing()``.
        """
        cls._encoder = encoder

    @classmethod
    def decode_using(cls, decoder: t.Callable[..., t.Any] | None) -> None:
        """Decode cast JSON with ``decoder`` (``None`` restores the default).

        Laravel: ``Json::decodeUsing()``.
        """
        cls._decoder = decoder
