"""Cast attributes, run accessors and mutators, and handle dates.

The model's attribute storage (E1's ``HasAttributes``) calls these hooks: reads go
through :meth:`HasCasts.cast_attribute` (and the accessor hooks of
:class:`HasAccessors`), writes through :meth:`HasCasts.cast_attribute_for_storage`,
serialization through :meth:`HasCasts.attributes_to_array`.

Laravel: the casting half of ``Illuminate\\Database\\Eloquent\\Concerns\\HasAttributes``.
"""

from __future__ import annotations

import decimal
import enum
import math
import typing as t

from protevus.database.eloquent.casts.exceptions import MissingCastServiceError
from protevus.database.eloquent.casts.json import Json
from protevus.database.eloquent.casts.json import from_namespace
from protevus.database.eloquent.concerns.cast_types import ALREADY_CAST
from protevus.database.eloquent.concerns.cast_types import CLASS_SETTINGS
from protevus.database.eloquent.concerns.cast_types import CUSTOM_DATE_CAST_TYPES
from protevus.database.eloquent.concerns.cast_types import DATE_CAST_TYPES
from protevus.database.eloquent.concerns.cast_types import JSON_CAST_TYPES
from protevus.database.eloquent.concerns.cast_types import PRIMITIVE_CAST_TYPES
from protevus.database.eloquent.concerns.cast_types import ResolvedCast
from protevus.database.eloquent.concerns.cast_types import config_value
from protevus.database.eloquent.concerns.cast_types import enum_from
from protevus.database.eloquent.concerns.cast_types import resolve_cast
from protevus.database.eloquent.concerns.cast_types import storable_enum_value
from protevus.database.eloquent.concerns.cast_types import to_bool
from protevus.database.eloquent.concerns.cast_types import to_decimal
from protevus.database.eloquent.concerns.cast_types import to_float
from protevus.database.eloquent.concerns.cast_types import to_int
from protevus.database.eloquent.concerns.cast_types import to_str
from protevus.database.eloquent.concerns.has_accessors import HasAccessors
from protevus.database.eloquent.concerns.has_accessors import is_object_value
from protevus.database.eloquent.concerns.has_dates import HasDates
from protevus.database.eloquent.concerns.has_dates import format_date
from protevus.database.eloquent.concerns.has_dates import utc_json_date
from protevus.support.aliases import camel_aliases

#: instance settings that change how a model serializes (then no per-class plan).
_TO_ARRAY_SETTINGS = frozenset(
    {
        "hidden",
        "visible",
        "appends",
        "casts",
        "date_format",
        "timestamps",
        "created_at_column",
        "updated_at_column",
        "_merged_casts",
        "_class_cast_cache_store",
        "_attribute_cast_cache_store",
    }
)
_NO_PLAN = object()


class _CastTable:
    """The casts one model class declares, parsed on first use of each key."""

    __slots__ = ("source", "raw", "resolved")

    def __init__(self, source: t.Any, raw: dict[str, t.Any]) -> None:
        self.source = source
        self.raw = raw
        self.resolved: dict[str, ResolvedCast] = {}


def _read_collection(model: t.Any, value: t.Any, cast: ResolvedCast) -> t.Any:
    from protevus.support.collection import Collection

    return Collection(Json.decode(value))


#: Built-in read conversions by cast kind (Laravel: the switch in ``castAttribute``).
_READERS: dict[str, t.Callable[[t.Any, t.Any, ResolvedCast], t.Any]] = {
    "int": lambda m, v, c: to_int(v),
    "integer": lambda m, v, c: to_int(v),
    "real": lambda m, v, c: to_float(v),
    "float": lambda m, v, c: to_float(v),
    "double": lambda m, v, c: to_float(v),
    "decimal": lambda m, v, c: to_decimal(v, c.argument),
    "string": lambda m, v, c: to_str(v),
    "bool": lambda m, v, c: to_bool(v),
    "boolean": lambda m, v, c: to_bool(v),
    "object": lambda m, v, c: Json.decode(v, associative=False),
    "array": lambda m, v, c: Json.decode(v),
    "json": lambda m, v, c: Json.decode(v),
    "json:unicode": lambda m, v, c: Json.decode(v),
    "collection": _read_collection,
    "date": lambda m, v, c: m.as_date(v),
    "immutable_date": lambda m, v, c: m.as_date(v),
    "datetime": lambda m, v, c: m.as_date_time(v),
    "immutable_datetime": lambda m, v, c: m.as_date_time(v),
    "custom_datetime": lambda m, v, c: m.as_date_time(v),
    "immutable_custom_datetime": lambda m, v, c: m.as_date_time(v),
    "timestamp": lambda m, v, c: m.as_timestamp(v),
}


@camel_aliases
class HasCasts(HasAccessors, HasDates):
    """Cast attributes, run accessors and mutators, and handle dates.

    Declare casts as a ``casts`` dict or a ``casts(self)`` method returning one.
    Values: ``'int'``, ``'float'``, ``'decimal:2'``, ``'bool'``, ``'string'``,
    ``'array'``/``'json'``, ``'object'``, ``'collection'``, ``'date'``,
    ``'datetime'``, ``'datetime:Y-m-d'``, ``'immutable_datetime'``, ``'timestamp'``,
    ``'hashed'``, ``'encrypted'`` (and ``'encrypted:array'``...), an ``Enum`` class,
    a cast class or instance (``get``/``set``), or a dotted path to one with
    arguments (``'app.casts.Money:EUR'``).

    Laravel: the casting half of ``Illuminate\\Database\\Eloquent\\Concerns\\HasAttributes``.
    """

    #: An encrypter set with :meth:`encrypt_using` (else the container's ``'encrypter'``).
    _cast_encrypter: t.ClassVar[t.Any] = None

    # -- declarations --------------------------------------------------------------

    def get_casts(self) -> dict[str, t.Any]:
        """Return every cast: the incrementing key's, the declared ones, merged ones.

        Laravel: ``HasAttributes::getCasts()``.
        """
        table = self._cast_table()
        merged = self.__dict__.get("_merged_casts")
        if merged:
            return {**table.raw, **{key: cast.spec for key, cast in merged.items()}}
        return dict(table.raw)

    def has_cast(self, key: str, types: t.Any = None) -> bool:
        """Tell whether ``key`` has a cast, optionally one of ``types``.

        Laravel: ``HasAttributes::hasCast()``.
        """
        merged = self.__dict__.get("_merged_casts")
        if not (merged and key in merged) and key not in self._cast_table().raw:
            return False
        if types is None:
            return True
        wanted = [types] if isinstance(types, str) else list(types)
        return self.get_cast_type(key) in wanted

    def get_cast_type(self, key: str) -> str:
        """Return the kind of cast of ``key``: a type name, ``'enum'`` or ``'class'``.

        ``'datetime:Y-m-d'`` gives ``'custom_datetime'`` and ``'decimal:2'`` gives
        ``'decimal'``, as in Laravel. Laravel: ``getCastType()``.
        """
        return self._resolved_cast(key).kind

    def merge_casts(self, casts: dict[str, t.Any]) -> t.Any:
        """Add casts to this instance only. Laravel: ``HasAttributes::mergeCasts()``.

        ``Post.query().with_casts({...})`` calls it on each model it builds.
        """
        merged = self.__dict__.get("_merged_casts")
        if merged is None:
            merged = self.__dict__["_merged_casts"] = {}
        for key, spec in casts.items():
            merged[key] = resolve_cast(spec, _class_name(self), key)
        self._class_cast_cache().clear()
        return self

    def with_casts(self, casts: dict[str, t.Any]) -> t.Any:
        """Add casts to this instance only (the query-time form of :meth:`merge_casts`)."""
        return self.merge_casts(casts)

    def get_merged_casts(self) -> dict[str, t.Any]:
        """Return the casts added to this instance (for copies such as ``new_instance``)."""
        merged = self.__dict__.get("_merged_casts") or {}
        return {key: cast.spec for key, cast in merged.items()}

    @classmethod
    def encrypt_using(cls, encrypter: t.Any) -> None:
        """Encrypt ``encrypted`` casts with ``encrypter`` (``None`` restores the default).

        Laravel: ``Model::encryptUsing()``.
        """
        HasCasts._cast_encrypter = encrypter

    # -- kinds ---------------------------------------------------------------------

    def is_date_attribute(self, key: str) -> bool:
        """Tell whether ``key`` holds a date (a timestamp column or a date cast).

        Laravel: ``isDateAttribute()`` (custom formats such as ``datetime:Y-m-d``
        count here too, so they are stored in the model's date format).
        """
        if self.has_cast(key):
            kind = self.get_cast_type(key)
            if kind in DATE_CAST_TYPES or kind in CUSTOM_DATE_CAST_TYPES:
                return True
        return key in self.get_dates()

    def is_json_castable(self, key: str) -> bool:
        """Tell whether ``key`` is stored as JSON. Laravel: ``isJsonCastable()``."""
        return self.has_cast(key) and self.get_cast_type(key) in JSON_CAST_TYPES

    def is_encrypted_castable(self, key: str) -> bool:
        """Tell whether ``key`` is stored encrypted. Laravel: ``isEncryptedCastable()``."""
        return self.has_cast(key) and self.get_cast_type(key).startswith("encrypted")

    def is_enum_castable(self, key: str) -> bool:
        """Tell whether ``key`` casts to an Enum. Laravel: ``isEnumCastable()``."""
        return self.has_cast(key) and self.get_cast_type(key) == "enum"

    def is_class_castable(self, key: str) -> bool:
        """Tell whether ``key`` has a cast class. Laravel: ``isClassCastable()``."""
        return self.has_cast(key) and self.get_cast_type(key) == "class"

    def is_class_serializable(self, key: str) -> bool:
        """Tell whether ``key``'s cast class has ``serialize()``.

        Laravel: ``isClassSerializable()``.
        """
        return self.is_class_castable(key) and callable(
            getattr(self._resolved_cast(key).caster, "serialize", None)
        )

    def is_class_comparable(self, key: str) -> bool:
        """Tell whether ``key``'s cast class has ``compare()``.

        Laravel: ``isClassComparable()``.
        """
        return self.is_class_castable(key) and callable(
            getattr(self._resolved_cast(key).caster, "compare", None)
        )

    # -- reading -------------------------------------------------------------------

    def cast_attribute(self, key: str, value: t.Any) -> t.Any:
        """Return the stored ``value`` of ``key`` converted by its cast.

        Laravel: ``HasAttributes::castAttribute()``.
        """
        cast = self._resolved_cast(key)
        kind = cast.kind
        if value is None and kind in PRIMITIVE_CAST_TYPES:
            return None
        if kind.startswith("encrypted"):
            value = self.from_encrypted_string(value)
            kind = kind.partition(":")[2]
            if not kind:
                return value
        reader = _READERS.get(kind)
        if reader is not None:
            return reader(self, value, cast)
        if kind == "enum":
            if value is None:
                return None
            return enum_from(t.cast(type[enum.Enum], cast.enum), value)
        if kind == "class":
            return self.get_class_castable_attribute_value(key, value)
        return value

    def get_class_castable_attribute_value(self, key: str, value: t.Any) -> t.Any:
        """Run the cast class's ``get``, caching object results until ``key`` is set.

        Laravel: ``getClassCastableAttributeValue()``.
        """
        cast = self._resolved_cast(key)
        caster = cast.caster
        no_caching = bool(getattr(caster, "without_object_caching", False))
        cache = self._class_cast_cache()
        if key in cache and not no_caching:
            return cache[key]
        if not cast.inbound:
            value = caster.get(self, key, value, self._raw_attributes())
        if cast.inbound or no_caching or not is_object_value(value):
            cache.pop(key, None)
        else:
            cache[key] = value
        return value

    def serialize_class_castable_attribute(self, key: str, value: t.Any) -> t.Any:
        """Return the cast class's ``serialize`` of ``value`` for ``to_array()``.

        Laravel: ``serializeClassCastableAttribute()``.
        """
        caster = self._resolved_cast(key).caster
        return caster.serialize(self, key, value, self._raw_attributes())

    # -- writing -------------------------------------------------------------------

    def cast_attribute_for_storage(self, key: str, value: t.Any) -> t.Any:
        """Return ``value`` as ``key`` stores it: formatted dates, JSON, enum values...

        Also encrypts ``encrypted`` casts and hashes ``hashed`` ones. Cast classes are
        written by :meth:`set_class_castable_attribute` (``has_set_mutator`` is true
        for them). Laravel: the cast steps of ``HasAttributes::setAttribute()``.
        """
        if value is not None and self.is_date_attribute(key):
            value = self.from_date_time(value)
        if not self.has_cast(key):
            return value
        cast = self._resolved_cast(key)
        kind = cast.kind
        if kind == "enum":
            if value is None:
                return None
            return storable_enum_value(t.cast(type[enum.Enum], cast.enum), value)
        if kind == "class":
            self.set_class_castable_attribute(key, value)
            return self._raw_attributes().get(key)
        if value is None:
            return None
        if kind in JSON_CAST_TYPES:
            value = self.cast_attribute_as_json(key, value)
        if kind.startswith("encrypted"):
            value = self.cast_attribute_as_encrypted_string(key, value)
        elif kind == "hashed":
            value = self.cast_attribute_as_hashed_string(key, value)
        return value

    def set_class_castable_attribute(self, key: str, value: t.Any) -> None:
        """Store ``value`` through the cast class's ``set`` (a dict sets several columns).

        Laravel: ``setClassCastableAttribute()``.
        """
        cast = self._resolved_cast(key)
        attributes = self._raw_attributes()
        stored = cast.caster.set(self, key, value, attributes)
        attributes.update(stored if isinstance(stored, dict) else {key: stored})
        cache = self._class_cast_cache()
        no_caching = bool(getattr(cast.caster, "without_object_caching", False))
        if cast.inbound or no_caching or not is_object_value(value):
            cache.pop(key, None)
        else:
            cache[key] = value

    def cast_attribute_as_json(self, key: str, value: t.Any) -> str:
        """Encode ``value`` for a JSON cast. Laravel: ``castAttributeAsJson()``.

        Raises :class:`JsonEncodingError` naming the attribute when it cannot.
        """
        from protevus.database.eloquent.exceptions import JsonEncodingError

        kind = self.get_cast_type(key)
        if kind.endswith("object"):
            value = from_namespace(value)
        try:
            return Json.encode(value, unicode=kind == "json:unicode")
        except (TypeError, ValueError) as error:
            raise JsonEncodingError(
                f"Unable to encode attribute [{key}] for model [{_class_name(self)}] "
                f"to JSON: {str(error).rstrip('.')}."
            ) from error

    def cast_attribute_as_encrypted_string(self, key: str, value: t.Any) -> t.Any:
        """Encrypt ``value`` (unserialized). Laravel: ``castAttributeAsEncryptedString()``."""
        text = value if isinstance(value, str | bytes) else str(value)
        return self._encrypter(key).encrypt(text, False)

    def from_encrypted_string(self, value: t.Any) -> t.Any:
        """Decrypt a stored value. Laravel: ``fromEncryptedString()``."""
        return self._encrypter(None).decrypt(value, False)

    def cast_attribute_as_hashed_string(self, key: str, value: t.Any) -> t.Any:
        """Hash ``value`` unless it already is a hash.

        Laravel: ``castAttributeAsHashedString()``.
        """
        if value is None:
            return None
        hasher = self._service("hash", key, "hashed")
        is_hashed = getattr(hasher, "is_hashed", None)
        if callable(is_hashed) and is_hashed(value):
            verify = getattr(hasher, "verify_configuration", None)
            if callable(verify) and not verify(value):
                raise RuntimeError(
                    f"Could not verify the hashed value's configuration for attribute "
                    f"[{key}]; hash it with the application's hasher."
                )
            return value
        return hasher.make(value)

    # -- cached cast objects -------------------------------------------------------

    def merge_attributes_from_cached_casts(self) -> None:
        """Write objects cached by cast classes and accessors back to the attributes.

        So changing ``post.options['x']`` on an ``AsArrayObject`` cast is saved.
        Laravel: ``mergeAttributesFromCachedCasts()``.
        """
        self.merge_attributes_from_class_casts()
        self.merge_attributes_from_attribute_casts()

    def merge_attributes_from_class_casts(self) -> None:
        """Write objects cached by cast classes back. Laravel: ``mergeAttributesFromClassCasts()``."""
        cache = self.__dict__.get("_class_cast_cache_store")
        if not cache:
            return
        attributes = self._raw_attributes()
        for key, value in cache.items():
            cast = self._resolved_cast(key)
            if cast.inbound:
                attributes[key] = value
                continue
            stored = cast.caster.set(self, key, value, attributes)
            attributes.update(stored if isinstance(stored, dict) else {key: stored})

    # -- dirty checks --------------------------------------------------------------

    def original_is_equivalent(self, key: str) -> bool:
        """Tell whether ``key`` still equals its original value, comparing cast values.

        JSON casts compare decoded data, dates compare their stored form, floats
        compare within a tiny epsilon, numbers compare numerically.
        Laravel: ``HasAttributes::originalIsEquivalent()``.
        """
        original_values = self.__dict__.get("original") or {}
        if key not in original_values:
            return False
        attribute = self._raw_attributes().get(key)
        original = original_values[key]
        if attribute is original or (
            type(attribute) is type(original) and attribute == original
        ):
            return True
        if attribute is None:
            return False
        if self.is_date_attribute(key):
            return bool(self.from_date_time(attribute) == self.from_date_time(original))
        if self.has_cast(key):
            return self._cast_values_equal(key, attribute, original)
        return _numerically_equal(attribute, original)

    origin_is_equivalent = original_is_equivalent

    def _cast_values_equal(self, key: str, attribute: t.Any, original: t.Any) -> bool:
        cast = self._resolved_cast(key)
        kind = cast.kind
        if original is None:
            return False
        if kind in ("object", "collection"):
            return bool(Json.decode(attribute) == Json.decode(original))
        if kind in ("real", "float", "double"):
            first, second = to_float(attribute), to_float(original)
            if math.isnan(first) or math.isnan(second):
                return math.isnan(first) and math.isnan(second)
            return abs(first - second) < 2.220446049250313e-16 * 4
        if kind in PRIMITIVE_CAST_TYPES:
            try:
                return bool(
                    self.cast_attribute(key, attribute)
                    == self.cast_attribute(key, original)
                )
            except Exception:
                return False
        if kind == "class":
            caster = cast.caster
            if callable(getattr(caster, "compare", None)):
                # Laravel compares the cast values; read them without the cache.
                raw = self._raw_attributes()
                if not cast.inbound:
                    original = caster.get(self, key, original, {**raw, key: original})
                    attribute = caster.get(self, key, attribute, raw)
                return bool(caster.compare(self, key, original, attribute))
            if getattr(caster, "compares_json", False):
                return bool(Json.decode(attribute) == Json.decode(original))
        if kind == "enum":
            try:
                enum_class = t.cast(type[enum.Enum], cast.enum)
                return enum_from(enum_class, attribute) is enum_from(
                    enum_class, original
                )
            except ValueError:
                return False
        return _numerically_equal(attribute, original)

    # -- serialization -------------------------------------------------------------

    def attributes_to_array(self) -> dict[str, t.Any]:
        """Return the visible attributes with dates, casts and accessors applied.

        Timestamps and date casts become ``2026-01-01T10:00:00.000000Z`` (UTC),
        ``datetime:Y-m-d`` casts use their format, enums their value, decimals a
        string, collections a list; appended accessors are added.
        Laravel: ``HasAttributes::attributesToArray()``.
        """
        own = self.__dict__
        if not (_TO_ARRAY_SETTINGS & own.keys()):
            # The common shape (no accessors, appends or object casts): serialize from
            # a per-class plan instead of asking every hook for every model.
            slot = (type(self), "<to_array>")
            plan = CLASS_SETTINGS.get(slot, _NO_PLAN)
            if plan is _NO_PLAN:
                plan = self._to_array_plan()
                if not getattr(type(self), "_ignore_timestamps_on", None):
                    # (a plan made inside without_timestamps() would drop the dates)
                    CLASS_SETTINGS[slot] = plan
            if plan is not None:
                return self._planned_to_array(plan)
        arrayable = getattr(self, "get_arrayable_attributes", None)
        if callable(arrayable):
            attributes = dict(arrayable())  # merges objects cached by casts first
        else:
            self.merge_attributes_from_cached_casts()
            attributes = dict(self._raw_attributes())
        fast = t.cast(t.Any, type(self)).serialize_date is HasDates.serialize_date
        for key in self.get_dates():
            value = attributes.get(key)
            if value is not None:
                text = utc_json_date(value) if fast else None
                attributes[key] = (
                    text
                    if text is not None
                    else self.serialize_date(self.as_date_time(value))
                )
        mutated = self.get_mutated_attributes()
        for key in mutated:
            if key in attributes:
                attributes[key] = self.mutate_attribute_for_array(key, attributes[key])
        self._add_cast_attributes_to_array(attributes, set(mutated))
        appends = getattr(self, "get_arrayable_appends", None)
        for key in appends() if callable(appends) else []:
            attributes[key] = self.mutate_attribute_for_array(key, None)
        return attributes

    def _to_array_plan(self) -> tuple[t.Any, ...] | None:
        """Return (visible, hidden, primitive casts) for the fast path, or None."""
        cls = t.cast(t.Any, type(self))
        if cls.serialize_date is not HasDates.serialize_date:
            return None
        if self.get_mutated_attributes():
            return None
        appends = getattr(self, "get_appends", None)
        if callable(appends) and appends():
            return None
        casts: list[tuple[str, type]] = []
        for name in self.get_casts():
            kind = self._resolved_cast(name).kind
            if kind not in ALREADY_CAST:
                return None
            casts.append((name, ALREADY_CAST[kind]))
        visible = getattr(self, "get_visible", None)
        hidden = getattr(self, "get_hidden", None)
        return (
            frozenset(visible()) if callable(visible) and visible() else None,
            tuple(hidden()) if callable(hidden) else (),
            tuple(casts),
            tuple(self.get_dates()),
        )

    def _planned_to_array(self, plan: tuple[t.Any, ...]) -> dict[str, t.Any]:
        visible, hidden, casts, dates = plan
        if getattr(type(self), "_ignore_timestamps_on", None):
            dates = self.get_dates()  # inside without_timestamps(): ask again
        attributes: dict[str, t.Any] = self.__dict__["attributes"]
        if visible is not None:
            items = {k: v for k, v in attributes.items() if k in visible}
        else:
            items = dict(attributes)
        for name in hidden:
            items.pop(name, None)
        for name in dates:
            value = items.get(name)
            if value is not None:
                text = utc_json_date(value)
                items[name] = (
                    text
                    if text is not None
                    else self.serialize_date(self.as_date_time(value))
                )
        for name, kind in casts:
            if name in items and type(items[name]) is not kind:
                value = self.cast_attribute(name, items[name])
                items[name] = (
                    str(value) if isinstance(value, decimal.Decimal) else value
                )
        return items

    def _add_cast_attributes_to_array(
        self, attributes: dict[str, t.Any], mutated: set[str]
    ) -> None:
        for key in self.get_casts():
            if key not in attributes or key in mutated:
                continue
            cast = self._resolved_cast(key)
            kind = cast.kind
            if type(attributes[key]) is ALREADY_CAST.get(kind):
                continue  # an int column cast to int (the key): nothing to do
            value: t.Any = self.cast_attribute(key, attributes[key])
            if value is not None:
                if kind in DATE_CAST_TYPES:
                    value = self.serialize_date(value)
                elif kind in CUSTOM_DATE_CAST_TYPES:
                    value = format_date(self.as_date_time(value), cast.argument)
                elif kind == "enum":
                    value = value.value
                elif kind == "class":
                    if callable(getattr(cast.caster, "serialize", None)):
                        value = self.serialize_class_castable_attribute(key, value)
                    elif isinstance(value, _dt_types()):
                        value = self.serialize_date(value)
                elif kind.endswith("object"):
                    value = from_namespace(value)
                if isinstance(value, decimal.Decimal):
                    value = str(value)
            to_array = getattr(value, "to_array", None)
            if callable(to_array) and not isinstance(value, type):
                value = to_array()
            attributes[key] = value

    # -- helpers -------------------------------------------------------------------

    def _cast_table(self) -> _CastTable:
        cls = type(self)
        table = CLASS_SETTINGS.get((cls, "<casts>"))
        if table is not None:
            return t.cast(_CastTable, table)
        source = config_value(cls, "casts")
        table = cls.__dict__.get("_cast_table_store")
        if table is not None and table.source is source:
            CLASS_SETTINGS[(cls, "<casts>")] = table
            return t.cast(_CastTable, table)
        raw: dict[str, t.Any] = {}
        if config_value(cls, "incrementing", False):
            key_name = config_value(cls, "primary_key")
            if isinstance(key_name, str):
                raw[key_name] = config_value(cls, "key_type", "int")
        declared = source(self) if callable(source) else source
        raw.update(dict(declared or {}))
        table = _CastTable(source, raw)
        type.__setattr__(cls, "_cast_table_store", table)
        CLASS_SETTINGS[(cls, "<casts>")] = table
        return table

    def _resolved_cast(self, key: str) -> ResolvedCast:
        merged = self.__dict__.get("_merged_casts")
        if merged and key in merged:
            return t.cast(ResolvedCast, merged[key])
        table = self._cast_table()
        cast = table.resolved.get(key)
        if cast is None:
            cast = resolve_cast(table.raw[key], _class_name(self), key)
            table.resolved[key] = cast
        return cast

    def _class_cast_cache(self) -> dict[str, t.Any]:
        cache = self.__dict__.get("_class_cast_cache_store")
        if cache is None:
            cache = self.__dict__["_class_cast_cache_store"] = {}
        return t.cast(dict[str, t.Any], cache)

    def _encrypter(self, key: str | None) -> t.Any:
        if HasCasts._cast_encrypter is not None:
            return HasCasts._cast_encrypter
        return self._service("encrypter", key, "encrypted")

    def _service(self, name: str, key: str | None, cast: str) -> t.Any:
        from protevus.container.container import Container

        container = Container.get_instance()
        if not container.bound(name):
            attribute = f" [{key}]" if key else ""
            raise MissingCastServiceError(
                f"Casting attribute{attribute} of model [{_class_name(self)}] as {cast} "
                f"needs the [{name}] service; bind it in the container or register "
                "its service provider."
            )
        return container.make(name)


def _dt_types() -> tuple[type, ...]:
    import datetime

    return (datetime.datetime,)


def _numerically_equal(first: t.Any, second: t.Any) -> bool:
    """Compare like Laravel's last resort: two numbers (or numeric strings) by value."""
    if isinstance(first, bool) or isinstance(second, bool):
        return False
    try:
        return decimal.Decimal(str(first).strip()) == decimal.Decimal(
            str(second).strip()
        )
    except (decimal.InvalidOperation, ValueError):
        return False


def _class_name(model: t.Any) -> str:
    cls = type(model)
    return f"{cls.__module__}.{cls.__qualname__}"
