"""Turn session attributes into JSON text and back, never with pickle.

Laravel: the ``json`` serialization of ``Illuminate\\Session\\Store``
(``serialize()`` / ``unserialize()``). A session row, file or cookie may be
stolen or forged, so the payload is plain JSON: reading it can build only JSON
values and the few tagged types below, never run code.

Besides JSON's own types a session holds tuples, sets, ``datetime``/``date``/
``time`` (Carbon and pendulum instants keep their class), ``Decimal``,
:class:`~protevus.support.message_bag.MessageBag` and
:class:`~protevus.support.view_error_bag.ViewErrorBag`. Such a value is written
as ``{"$protevus": "<tag>", "v": ...}``.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import json
import typing as t

from protevus.session.exceptions import SessionSerializationError
from protevus.support.message_bag import MessageBag
from protevus.support.view_error_bag import ViewErrorBag

TAG = "$protevus"

SUPPORTED_TYPES = (
    "str, int, float, bool, None, list, dict (string keys), tuple, set, "
    "datetime/date/time (Carbon and pendulum too), Decimal, MessageBag and ViewErrorBag"
)


class PayloadError(ValueError):
    """Signal a payload that is not one this serializer wrote (ignored by the store)."""


def serialize(attributes: t.Mapping[str, t.Any]) -> str:
    """Return ``attributes`` as JSON text; raise naming the key of a value it cannot hold.

    Laravel: ``Store::serialization === 'json'`` → ``json_encode()``.
    """
    encoded = {str(key): _encode(val, str(key)) for key, val in attributes.items()}
    return json.dumps(encoded, separators=(",", ":"), allow_nan=False)


def unserialize(payload: str | bytes) -> dict[str, t.Any]:
    """Return the attributes stored in ``payload``; raise :class:`PayloadError` if it is not ours.

    Laravel: ``Store::readFromHandler()`` → ``json_decode()``.
    """
    try:
        data = json.loads(payload)
    except (TypeError, ValueError) as exc:
        raise PayloadError("The session payload is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise PayloadError("The session payload is not a JSON object.")
    return {key: _decode(val) for key, val in data.items()}


def _fail(path: str, val: t.Any, why: str = "") -> t.NoReturn:
    kind = f"{type(val).__module__}.{type(val).__qualname__}"
    if type(val).__module__ == "builtins":
        kind = type(val).__qualname__
    raise SessionSerializationError(
        f"The session value at key [{path}] is a [{kind}]{why}, which a session cannot "
        f"store. A session holds {SUPPORTED_TYPES}; convert the value to one of them "
        "(a model to its id or to_array(), for example) before putting it in the session."
    )


def _tag(name: str, val: t.Any) -> dict[str, t.Any]:
    return {TAG: name, "v": val}


def _encode(val: t.Any, path: str) -> t.Any:
    if val is None or isinstance(val, bool | str):
        return val
    if isinstance(val, int):
        return int(val)
    if isinstance(val, float):
        if val != val or val in (float("inf"), float("-inf")):
            _fail(path, val, " that is not a finite number")
        return float(val)
    if isinstance(val, dict):
        return _encode_dict(val, path)
    if isinstance(val, list):
        return [_encode(item, f"{path}.{i}") for i, item in enumerate(val)]
    if isinstance(val, tuple):
        return _tag(
            "tuple", [_encode(item, f"{path}.{i}") for i, item in enumerate(val)]
        )
    if isinstance(val, set | frozenset):
        items = [_encode(item, f"{path}.{i}") for i, item in enumerate(val)]
        return _tag("frozenset" if isinstance(val, frozenset) else "set", items)
    if isinstance(val, _dt.datetime):
        return _tag(_datetime_tag(val), val.isoformat())
    if isinstance(val, _dt.date):
        return _tag("date", val.isoformat())
    if isinstance(val, _dt.time):
        return _tag("time", val.isoformat())
    if isinstance(val, decimal.Decimal):
        return _tag("decimal", str(val))
    if isinstance(val, ViewErrorBag):
        return _tag("errors", val.to_session())
    if isinstance(val, MessageBag):
        return _tag("messages", val.messages())
    _fail(path, val)


def _encode_dict(val: dict[t.Any, t.Any], path: str) -> t.Any:
    if all(isinstance(key, str) for key in val) and TAG not in val:
        return {key: _encode(item, f"{path}.{key}") for key, item in val.items()}
    # Integer keys (PHP-like arrays) or a user key equal to the tag: keep the pairs.
    pairs = []
    for key, item in val.items():
        if not isinstance(key, str | int | bool | float) and key is not None:
            _fail(f"{path}.{key!r}", key, " used as a dict key")
        pairs.append([key, _encode(item, f"{path}.{key}")])
    return _tag("dict", pairs)


def _datetime_tag(val: _dt.datetime) -> str:
    from protevus.support.carbon import Carbon

    if isinstance(val, Carbon):
        return "carbon"
    try:
        import pendulum
    except ImportError:  # pragma: no cover - pendulum is a dependency
        return "datetime"
    return "pendulum" if isinstance(val, pendulum.DateTime) else "datetime"


def _decode(val: t.Any) -> t.Any:
    if isinstance(val, list):
        return [_decode(item) for item in val]
    if not isinstance(val, dict):
        return val
    if TAG not in val:
        return {key: _decode(item) for key, item in val.items()}
    name, raw = val.get(TAG), val.get("v")
    decoder = _DECODERS.get(name) if isinstance(name, str) else None
    if decoder is None:
        raise PayloadError(f"The session payload holds an unknown tag [{name}].")
    try:
        return decoder(raw)
    except PayloadError:
        raise
    except Exception as exc:
        raise PayloadError(
            f"The session payload holds a broken [{name}] value."
        ) from exc


def _decode_list(raw: t.Any) -> list[t.Any]:
    if not isinstance(raw, list):
        raise PayloadError("A tagged session collection must hold a list.")
    return [_decode(item) for item in raw]


def _decode_dict(raw: t.Any) -> dict[t.Any, t.Any]:
    return {key: _decode(item) for key, item in _decode_list_raw(raw)}


def _decode_list_raw(raw: t.Any) -> list[tuple[t.Any, t.Any]]:
    if not isinstance(raw, list) or not all(
        isinstance(pair, list) and len(pair) == 2 for pair in raw
    ):
        raise PayloadError("A tagged session dict must hold [key, value] pairs.")
    return [(pair[0], pair[1]) for pair in raw]


def _decode_carbon(raw: t.Any) -> t.Any:
    from protevus.support.carbon import Carbon

    return Carbon.instance(_dt.datetime.fromisoformat(str(raw)))


def _decode_pendulum(raw: t.Any) -> t.Any:
    import pendulum

    return pendulum.instance(_dt.datetime.fromisoformat(str(raw)))


def _decode_errors(raw: t.Any) -> ViewErrorBag:
    if not isinstance(raw, dict):
        raise PayloadError("A session error bag must be a JSON object.")
    return ViewErrorBag.from_session(raw)


def _decode_messages(raw: t.Any) -> MessageBag:
    if not isinstance(raw, dict):
        raise PayloadError("A session message bag must be a JSON object.")
    return MessageBag(raw)


_DECODERS: dict[str, t.Callable[[t.Any], t.Any]] = {
    "tuple": lambda raw: tuple(_decode_list(raw)),
    "set": lambda raw: set(_decode_list(raw)),
    "frozenset": lambda raw: frozenset(_decode_list(raw)),
    "dict": _decode_dict,
    "datetime": lambda raw: _dt.datetime.fromisoformat(str(raw)),
    "date": lambda raw: _dt.date.fromisoformat(str(raw)),
    "time": lambda raw: _dt.time.fromisoformat(str(raw)),
    "carbon": _decode_carbon,
    "pendulum": _decode_pendulum,
    "decimal": lambda raw: decimal.Decimal(str(raw)),
    "errors": _decode_errors,
    "messages": _decode_messages,
}
