"""Store a model's attributes and track what changed (get, set, fill, dirty, original).

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasAttributes`` (storage and dirty tracking).

Casting, accessors, mutators and dates live in :class:`HasCasts`; this mixin only
calls their hooks (``has_get_mutator``, ``has_cast``, ``cast_attribute``,
``cast_attribute_for_storage``, ``original_is_equivalent``...).
"""

from __future__ import annotations

import json
import typing as t

from protevus.database.eloquent.concerns.cast_types import ALREADY_CAST
from protevus.database.eloquent.concerns.cast_types import CLASS_SETTINGS
from protevus.database.eloquent.concerns.has_dates import DATE_SETTINGS
from protevus.support.aliases import camel_aliases

_DEFINED: dict[tuple[type, str], bool] = {}


def class_defines(cls: type, name: str) -> bool:
    """Return whether ``name`` is defined in the class body of ``cls`` or a base.

    Unlike ``hasattr`` this never runs a metaclass ``__getattr__`` (which would
    forward to a query builder) nor an instance ``__getattr__``.
    """
    key = (cls, name)
    found = _DEFINED.get(key)
    if found is None:
        found = any(name in klass.__dict__ for klass in cls.__mro__)
        _DEFINED[key] = found
    return found


def model_hook(model: t.Any, name: str) -> t.Callable[..., t.Any] | None:
    """Return the bound method ``name`` of ``model`` when its class defines one, else ``None``."""
    if class_defines(type(model), name):
        return t.cast(t.Callable[..., t.Any], getattr(model, name))
    return None


@camel_aliases
class HasAttributes:
    """Store a model's attributes and track what changed (get, set, fill, dirty, original).

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasAttributes`` (storage and dirty tracking).
    """

    if t.TYPE_CHECKING:
        original: dict[str, t.Any]
        changes: dict[str, t.Any]
        previous: dict[str, t.Any]
        relations: dict[str, t.Any]
        exists: bool

        def __getattr__(self, name: str) -> t.Any: ...

    # -- reading ----------------------------------------------------------------

    def get_attribute(self, key: str) -> t.Any:
        """Get an attribute (cast, through its accessor) or a loaded relation; ``None`` if unknown.

        Laravel: ``HasAttributes::getAttribute()``.
        """
        if not key:
            return None
        own = self.__dict__
        attributes = own["attributes"]
        if key in attributes:
            # Objects cached by casts are merged back by get_attribute_value first.
            if not own.get("_class_cast_cache_store") and not own.get(
                "_attribute_cast_cache_store"
            ):
                value = attributes[key]
                if self._reads_raw(key, value):
                    return value
            return self.get_attribute_value(key)
        if self.has_get_mutator(key) or self.has_cast(key):
            return self.get_attribute_value(key)
        relations = self.__dict__.get("relations", {})
        if key in relations:
            return relations[key]
        if self.is_relation(key):
            return self.get_relation_value(key)
        return self._missing_attribute(key)

    def _missing_attribute(self, key: str) -> t.Any:
        """Return ``None``, or raise in strict mode (Laravel: ``throwMissingAttributeExceptionIfApplicable()``)."""
        cls = t.cast(t.Any, type(self))
        if (
            self.exists
            and not self.was_recently_created
            and cls._prevents_accessing_missing_attributes
        ):
            from protevus.database.eloquent.exceptions import MissingAttributeError

            raise MissingAttributeError(
                f"The attribute [{key}] either does not exist or was not retrieved for "
                f"model [{cls.class_path()}]: select it or check its name."
            )
        return None

    def get_attribute_value(self, key: str) -> t.Any:
        """Get an attribute's value cast and through its accessor. Laravel: ``getAttributeValue()``."""
        return self.transform_model_value(key, self.get_attribute_from_array(key))

    def get_attribute_from_array(self, key: str) -> t.Any:
        """Get a raw attribute from the attribute dict. Laravel: ``getAttributeFromArray()``."""
        return self.get_attributes().get(key)

    def transform_model_value(self, key: str, value: t.Any) -> t.Any:
        """Run the accessor or the cast of ``key`` on a raw value. Laravel: ``transformModelValue()``."""
        if self._reads_raw(key, value):
            return value
        if self.has_get_mutator(key):
            return self.mutate_attribute_for_get(key, value)
        if self.has_cast(key):
            return self.cast_attribute(key, value)
        if value is not None and self.is_date_attribute(key):
            return self.as_date_time(value)
        return value

    def _reads_raw(self, key: str, value: t.Any) -> bool:
        """Tell whether reading ``key`` returns ``value`` as stored (no accessor, cast
        or date conversion applies), from a per-class answer cached with the class's
        settings; instance casts or date settings always take the full path."""
        own = self.__dict__
        if own.get("_merged_casts") or DATE_SETTINGS & own.keys():
            return False
        plain = CLASS_SETTINGS.get((type(self), "<plain keys>"))
        if plain is None:
            plain = CLASS_SETTINGS[(type(self), "<plain keys>")] = {}
        kind = plain.get(key)
        if kind is None:
            kind = plain[key] = self._plain_kind(key)
        return kind is True or (kind is not False and type(value) is kind)

    def _plain_kind(self, key: str) -> t.Any:
        """Say how ``key`` reads: True (raw), a type (raw when already of that type:
        an ``int`` cast on an int column) or False (through casts and accessors)."""
        if self.has_get_mutator(key) or self.is_date_attribute(key):
            return False
        if not self.has_cast(key):
            return True
        return ALREADY_CAST.get(t.cast(t.Any, self)._resolved_cast(key).kind, False)

    def get_attributes(self) -> dict[str, t.Any]:
        """Get the raw attributes (merging objects cached by casts first). Laravel: ``getAttributes()``."""
        own = self.__dict__
        # Only models holding cast objects or cached accessor values have anything
        # to merge (read on every attribute access, so skip the calls otherwise).
        if own.get("_class_cast_cache_store") or own.get("_attribute_cast_cache_store"):
            self.merge_attributes_from_cached_casts()
        return t.cast("dict[str, t.Any]", own["attributes"])

    def get_attributes_for_insert(self) -> dict[str, t.Any]:
        """Get the attributes an insert writes. Laravel: ``getAttributesForInsert()``."""
        return dict(self.get_attributes())

    def set_raw_attributes(
        self, attributes: t.Mapping[str, t.Any], sync: bool = False
    ) -> t.Self:
        """Replace every attribute with raw values (no mutators, no casts). Laravel: ``setRawAttributes()``."""
        self.__dict__["attributes"] = dict(attributes)
        if sync:
            self.sync_original()
        return self

    def only(self, *keys: t.Any) -> dict[str, t.Any]:
        """Get a dict of the given attributes (cast). Laravel: ``Model::only()``."""
        names = _flatten_keys(keys)
        return {name: self.get_attribute(name) for name in names}

    def except_(self, *keys: t.Any) -> dict[str, t.Any]:
        """Get every attribute but the given ones (cast). Laravel: ``Model::except()``."""
        names = set(_flatten_keys(keys))
        return {
            key: self.get_attribute(key) for key in self.attributes if key not in names
        }

    # -- writing ----------------------------------------------------------------

    def set_attribute(self, key: str, value: t.Any) -> t.Self:
        """Set an attribute through its mutator or cast (``meta->lang`` writes inside JSON).

        Laravel: ``HasAttributes::setAttribute()``.
        """
        if self.has_set_mutator(key):
            self.set_mutated_attribute_value(key, value)
            return self
        if "->" in key:
            return self.fill_json_attribute(key, value)
        self.attributes[key] = self.cast_attribute_for_storage(key, value)
        return self

    def fill_json_attribute(self, key: str, value: t.Any) -> t.Self:
        """Set a value inside a JSON attribute: ``meta->lang``. Laravel: ``fillJsonAttribute()``."""
        from protevus.support.arr import data_set

        column, path = key.split("->", 1)
        current = self.attributes.get(column)
        decoded: t.Any = {}
        if isinstance(current, str) and current:
            decoded = json.loads(current)
        elif isinstance(current, dict | list):
            decoded = current
        if not isinstance(decoded, dict):
            decoded = {}
        data_set(decoded, path.replace("->", "."), value)
        self.attributes[column] = json.dumps(decoded, ensure_ascii=False)
        return self

    def fill(self, attributes: t.Mapping[str, t.Any] | None = None) -> t.Self:
        """Fill the model from a dict, honouring ``fillable``/``guarded``.

        Raises :class:`MassAssignmentError` for a key a totally guarded model refuses.
        Laravel: ``Model::fill()``.
        """
        from protevus.database.eloquent.exceptions import MassAssignmentError

        attributes = dict(attributes or {})
        totally_guarded = self.totally_guarded()
        fillable = self.fillable_from_array(attributes)
        for key, value in fillable.items():
            if self.is_fillable(key):
                self.set_attribute(key, value)
            elif (
                totally_guarded
                or t.cast(t.Any, type(self)).prevents_silently_discarding_attributes()
            ):
                raise MassAssignmentError(
                    f"Add [{key}] to fillable property to allow mass assignment on "
                    f"[{t.cast(t.Any, type(self)).class_path()}]."
                )
        if (
            len(attributes) != len(fillable)
            and t.cast(t.Any, type(self)).prevents_silently_discarding_attributes()
        ):
            keys = ", ".join(k for k in attributes if k not in fillable)
            raise MassAssignmentError(
                f"Add fillable property [{keys}] to allow mass assignment on "
                f"[{t.cast(t.Any, type(self)).class_path()}]."
            )
        return self

    def force_fill(self, attributes: t.Mapping[str, t.Any]) -> t.Self:
        """Fill the model ignoring ``fillable``/``guarded``. Laravel: ``Model::forceFill()``."""
        return t.cast(
            t.Self, t.cast(t.Any, type(self)).unguarded(lambda: self.fill(attributes))
        )

    # -- original and changes ---------------------------------------------------

    def get_original(self, key: str | None = None, default: t.Any = None) -> t.Any:
        """Get the original (last synced) value of an attribute, cast, or all of them.

        Laravel: ``HasAttributes::getOriginal()``.
        """
        if key is not None:
            if key not in self.original:
                return default
            return self.transform_model_value(key, self.original[key])
        return {k: self.transform_model_value(k, v) for k, v in self.original.items()}

    def get_raw_original(self, key: str | None = None, default: t.Any = None) -> t.Any:
        """Get the original raw value of an attribute, or the whole dict. Laravel: ``getRawOriginal()``."""
        if key is None:
            return dict(self.original)
        return self.original.get(key, default)

    def get_previous(self) -> dict[str, t.Any]:
        """Get the attributes as they were before the last save. Laravel: ``getPrevious()``."""
        return dict(self.previous)

    def sync_original(self) -> t.Self:
        """Make the current attributes the original ones. Laravel: ``syncOriginal()``."""
        self.__dict__["original"] = dict(self.get_attributes())
        return self

    def sync_original_attribute(self, attribute: str) -> t.Self:
        """Sync one attribute with its original. Laravel: ``syncOriginalAttribute()``."""
        return self.sync_original_attributes([attribute])

    def sync_original_attributes(self, attributes: t.Any) -> t.Self:
        """Sync several attributes with their originals. Laravel: ``syncOriginalAttributes()``."""
        names = [attributes] if isinstance(attributes, str) else list(attributes)
        current = self.get_attributes()
        for name in names:
            if name in current:
                self.original[name] = current[name]
        return self

    def sync_changes(self) -> t.Self:
        """Remember the dirty attributes as the last changes. Laravel: ``syncChanges()``."""
        self.__dict__["changes"] = self.get_dirty()
        self.__dict__["previous"] = {
            key: self.original.get(key) for key in self.changes if key in self.original
        }
        return self

    def is_dirty(self, *attributes: t.Any) -> bool:
        """Return whether any (or any of the given) attributes changed since the last sync.

        Laravel: ``HasAttributes::isDirty()``.
        """
        return _has_changes(self.get_dirty(), _flatten_keys(attributes))

    def is_clean(self, *attributes: t.Any) -> bool:
        """Return whether the attributes are unchanged. Laravel: ``isClean()``."""
        return not self.is_dirty(*attributes)

    def discard_changes(self) -> t.Self:
        """Throw away unsaved changes. Laravel: ``discardChanges()``."""
        self.__dict__["attributes"] = dict(self.original)
        self.__dict__["changes"] = {}
        self.__dict__["previous"] = {}
        return self

    def was_changed(self, *attributes: t.Any) -> bool:
        """Return whether the last save changed any (or the given) attributes. Laravel: ``wasChanged()``."""
        return _has_changes(self.get_changes(), _flatten_keys(attributes))

    def get_dirty(self) -> dict[str, t.Any]:
        """Get the attributes changed since the last sync. Laravel: ``getDirty()``."""
        return {
            key: value
            for key, value in self.get_attributes().items()
            if not self._original_is_equivalent(key)
        }

    def get_dirty_for_update(self) -> dict[str, t.Any]:
        """Get the attributes an update writes. Laravel: ``getDirtyForUpdate()``."""
        return self.get_dirty()

    def get_changes(self) -> dict[str, t.Any]:
        """Get the attributes the last save changed. Laravel: ``getChanges()``."""
        return dict(self.changes)

    def _original_is_equivalent(self, key: str) -> bool:
        return bool(self.original_is_equivalent(key))

    # -- serialization ------------------------------------------------------------

    def get_arrayable_attributes(self) -> dict[str, t.Any]:
        """Get the attributes that serialize (hidden/visible applied). Laravel: ``getArrayableAttributes()``."""
        return self.get_arrayable_items(self.get_attributes())


def _flatten_keys(keys: tuple[t.Any, ...]) -> list[str]:
    names: list[str] = []
    for key in keys:
        if isinstance(key, list | tuple | set):
            names.extend(key)
        else:
            names.append(key)
    return names


def _has_changes(changes: dict[str, t.Any], attributes: list[str]) -> bool:
    if not attributes:
        return bool(changes)
    return any(name in changes for name in attributes)
