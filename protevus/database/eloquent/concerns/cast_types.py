"""Parse cast declarations and convert values for the built-in cast types.

``casts = {'votes': 'int', 'options': 'array', 'paid_at': 'datetime:Y-m-d',
'status': Status, 'address': AddressCast, 'price': 'decimal:2'}``: each value is
parsed once into a :class:`ResolvedCast` that says which conversion applies.

Laravel: ``HasAttributes::getCastType()``, ``castAttribute()`` and ``resolveCasterClass()``.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import importlib
import math
import typing as t

from protevus.database.eloquent.casts.exceptions import InvalidCastError
from protevus.exceptions import InvalidArgumentError

#: Cast types whose ``None`` stays ``None`` (Laravel: ``$primitiveCastTypes``).
PRIMITIVE_CAST_TYPES: frozenset[str] = frozenset(
    {
        "array",
        "bool",
        "boolean",
        "collection",
        "custom_datetime",
        "date",
        "datetime",
        "decimal",
        "double",
        "encrypted",
        "encrypted:array",
        "encrypted:collection",
        "encrypted:json",
        "encrypted:object",
        "float",
        "hashed",
        "immutable_date",
        "immutable_datetime",
        "immutable_custom_datetime",
        "int",
        "integer",
        "json",
        "json:unicode",
        "object",
        "real",
        "string",
        "timestamp",
    }
)

JSON_CAST_TYPES: frozenset[str] = frozenset(
    {
        "array",
        "json",
        "json:unicode",
        "object",
        "collection",
        "encrypted:array",
        "encrypted:collection",
        "encrypted:json",
        "encrypted:object",
    }
)

#: Casts serialized with ``serialize_date`` (full ISO-8601 in UTC).
DATE_CAST_TYPES: frozenset[str] = frozenset(
    {"date", "datetime", "immutable_date", "immutable_datetime"}
)

CUSTOM_DATE_CAST_TYPES: frozenset[str] = frozenset(
    {"custom_datetime", "immutable_custom_datetime"}
)

#: Python types accepted as cast declarations, and the cast type they mean.
_PYTHON_TYPES: dict[t.Any, str] = {
    int: "int",
    float: "float",
    bool: "bool",
    str: "string",
    dict: "array",
    list: "array",
    _dt.datetime: "datetime",
    _dt.date: "date",
}


class ResolvedCast:
    """One parsed cast declaration: its kind, argument and cast object."""

    __slots__ = ("kind", "argument", "spec", "caster", "enum", "inbound")

    def __init__(
        self,
        kind: str,
        spec: t.Any,
        argument: t.Any = None,
        caster: t.Any = None,
        enum_class: type[enum.Enum] | None = None,
    ) -> None:
        #: a primitive type name, ``'enum'`` or ``'class'``
        self.kind = kind
        self.spec = spec
        self.argument = argument
        self.caster = caster
        self.enum = enum_class
        self.inbound = caster is not None and not callable(getattr(caster, "get", None))


def resolve_cast(spec: t.Any, model: str, column: str) -> ResolvedCast:
    """Parse one cast declaration; raise :class:`InvalidCastError` if unknown."""
    if isinstance(spec, str):
        text = spec.strip()
        lower = text.lower()
        if lower in PRIMITIVE_CAST_TYPES:
            return ResolvedCast(lower, spec)
        head, _, rest = text.partition(":")
        head_lower = head.lower()
        if rest and head_lower in ("date", "datetime"):
            return ResolvedCast("custom_datetime", spec, rest)
        if rest and head_lower in ("immutable_date", "immutable_datetime"):
            return ResolvedCast("immutable_custom_datetime", spec, rest)
        if rest and head_lower == "decimal" and rest.isdigit():
            return ResolvedCast("decimal", spec, int(rest))
        target = _import(head) if "." in head else None
        if target is None:
            raise InvalidCastError(model, column, text)
        arguments = [part for part in rest.split(",") if part] if rest else []
        return _resolve_object(target, spec, arguments, model, column)
    if isinstance(spec, type) and spec in _PYTHON_TYPES:
        return ResolvedCast(_PYTHON_TYPES[spec], spec)
    return _resolve_object(spec, spec, [], model, column)


def _resolve_object(
    target: t.Any, spec: t.Any, arguments: list[str], model: str, column: str
) -> ResolvedCast:
    if isinstance(target, type) and issubclass(target, enum.Enum):
        return ResolvedCast("enum", spec, enum_class=target)
    if isinstance(target, type):
        cast_using = getattr(target, "cast_using", None)
        if callable(cast_using):
            caster = cast_using(arguments)
            if isinstance(caster, type):
                caster = caster(*arguments)
            return ResolvedCast("class", spec, arguments, caster)
        if callable(getattr(target, "set", None)) or callable(
            getattr(target, "get", None)
        ):
            return ResolvedCast("class", spec, arguments, target(*arguments))
    elif callable(getattr(target, "set", None)) or callable(
        getattr(target, "get", None)
    ):
        return ResolvedCast("class", spec, arguments, target)
    raise InvalidCastError(model, column, _describe(spec))


def _import(path: str) -> t.Any:
    module_name, _, name = path.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError, ValueError):
        return None


def _describe(spec: t.Any) -> str:
    if isinstance(spec, type):
        return f"{spec.__module__}.{spec.__qualname__}"
    return repr(spec)


# -- conversions -----------------------------------------------------------------


def to_int(value: t.Any) -> int:
    """Convert like PHP's ``(int)``: ``'12'`` → 12, ``'1.9'`` → 1, ``True`` → 1."""
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float | decimal.Decimal):
        return int(value)
    if isinstance(value, bytes):
        value = value.decode()
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            pass
        try:
            return int(float(text))
        except ValueError:
            pass
    raise InvalidArgumentError(
        f"Cannot cast [{value!r}] to an integer; store a number or remove the int cast."
    )


def to_float(value: t.Any) -> float:
    """Convert like Laravel's ``fromFloat``: also ``'Infinity'``, ``'-Infinity'``, ``'NaN'``."""
    if isinstance(value, str):
        special = {"Infinity": math.inf, "-Infinity": -math.inf, "NaN": math.nan}
        if value in special:
            return special[value]
    try:
        return float(value)
    except (TypeError, ValueError) as error:
        raise InvalidArgumentError(
            f"Cannot cast [{value!r}] to a float; store a number or remove the float "
            "cast."
        ) from error


def to_decimal(value: t.Any, places: int) -> decimal.Decimal:
    """Round half up to ``places`` decimals. Laravel: ``asDecimal()`` (a string there)."""
    try:
        number = (
            value
            if isinstance(value, decimal.Decimal)
            else decimal.Decimal(str(value).strip())
        )
        exponent = decimal.Decimal(1).scaleb(-places)
        return number.quantize(exponent, rounding=decimal.ROUND_HALF_UP)
    except (decimal.InvalidOperation, ValueError) as error:
        raise InvalidArgumentError(
            f"Cannot cast [{value!r}] to a decimal; store a number or remove the "
            f"decimal:{places} cast."
        ) from error


def to_bool(value: t.Any) -> bool:
    """Convert like PHP's ``(bool)``: ``'0'`` and ``''`` are false."""
    if isinstance(value, bytes):
        value = value.decode()
    if isinstance(value, str):
        return value not in ("", "0")
    return bool(value)


def to_str(value: t.Any) -> str:
    """Convert to ``str`` (bytes are decoded as UTF-8)."""
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def enum_from(enum_class: type[enum.Enum], value: t.Any) -> enum.Enum:
    """Return the member of ``enum_class`` for a stored value (or a member name)."""
    if isinstance(value, enum_class):
        return value
    try:
        return enum_class(value)
    except ValueError:
        pass
    if isinstance(value, str):
        if value in enum_class.__members__:
            return enum_class[value]
        if value.lstrip("-").isdigit():
            try:
                return enum_class(int(value))
            except ValueError:
                pass
    raise ValueError(
        f"[{value!r}] is not a valid backing value for enum "
        f"[{enum_class.__module__}.{enum_class.__qualname__}]; store one of "
        f"{[member.value for member in enum_class]}."
    )


def storable_enum_value(enum_class: type[enum.Enum], value: t.Any) -> t.Any:
    """Return the value stored for ``value`` (a member or its value).

    Laravel: ``getStorableEnumValue()``.
    """
    if isinstance(value, enum.Enum) and not isinstance(value, enum_class):
        raise ValueError(
            f"Value [{value!r}] is not of the expected enum type "
            f"[{enum_class.__module__}.{enum_class.__qualname__}]."
        )
    return enum_from(enum_class, value).value


def config_value(model: t.Any, name: str, default: t.Any = None) -> t.Any:
    """Read a model setting from the instance or its class bodies.

    Never ``getattr``: a model class forwards unknown names to a query builder and
    an instance reads unknown names as attributes.
    """
    if not isinstance(model, type):
        own = model.__dict__
        if name in own:
            return own[name]
        model = type(model)
    key = (model, name)
    found = CLASS_SETTINGS.get(key, _MISSING)
    if found is _MISSING:
        found = _MISSING_SETTING
        for klass in model.__mro__:
            if name in klass.__dict__:
                found = klass.__dict__[name]
                break
        CLASS_SETTINGS[key] = found
    return default if found is _MISSING_SETTING else found


#: (class, name) → the class-body value config_value() found; read on every attribute
#: access, so the MRO walk runs once. ModelMeta clears it when a class attribute changes.
CLASS_SETTINGS: dict[tuple[type, str], t.Any] = {}
_MISSING = object()
_MISSING_SETTING = object()


def forget_class_settings() -> None:
    """Forget the cached class settings (a model class attribute was set or deleted)."""
    CLASS_SETTINGS.clear()


#: primitive casts whose serialized form is the raw value when it has that type.
ALREADY_CAST: dict[str, type] = {
    "int": int,
    "integer": int,
    "float": float,
    "double": float,
    "real": float,
    "string": str,
    "str": str,
    "bool": bool,
    "boolean": bool,
}
