"""Run accessors and mutators: ``Attribute`` methods and ``get_x_attribute`` methods.

An accessor method named after its attribute (``def first_name(self) -> Attribute``)
is replaced at class creation by a descriptor, so ``user.first_name`` reads the
attribute through the model and ``user.first_name = 'x'`` writes it; on the class,
``User.first_name`` stays the plain function.

Laravel: the accessor half of ``Illuminate\\Database\\Eloquent\\Concerns\\HasAttributes``.
"""

from __future__ import annotations

import datetime as _dt
import re
import typing as t

from protevus.database.eloquent.attribute import Attribute
from protevus.database.eloquent.attribute import call_with_attributes
from protevus.support.aliases import camel_aliases

_LEGACY_GET = re.compile(r"^get_(\w+?)_attribute$")
_LEGACY_SET = re.compile(r"^set_(\w+?)_attribute$")

#: Values PHP would not treat as objects, so accessors never cache them by default.
_PLAIN = (type(None), bool, int, float, str, bytes, list, dict, tuple)


def is_object_value(value: t.Any) -> bool:
    """Return whether ``value`` is what PHP calls an object (cached by accessors)."""
    import decimal

    return not isinstance(value, _PLAIN) and not isinstance(value, decimal.Decimal)


class AccessorDescriptor:
    """Route ``model.name`` reads and writes of an ``Attribute`` method to the model."""

    def __init__(self, function: t.Callable[..., t.Any]) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: t.Any, owner: type | None = None) -> t.Any:
        if instance is None:
            return self.function
        return instance.get_attribute(self.name)

    def __set__(self, instance: t.Any, value: t.Any) -> None:
        instance.set_attribute(self.name, value)


def _returns_attribute(function: t.Any) -> bool:
    """Tell whether a method is an ``Attribute`` accessor, without calling it."""
    code = getattr(function, "__code__", None)
    if code is None or code.co_argcount != 1 or code.co_flags & 0x0C:
        return False  # takes arguments, *args or **kwargs
    annotation = getattr(function, "__annotations__", {}).get("return")
    if annotation is not None:
        if annotation is Attribute:
            return True
        if isinstance(annotation, str):
            return annotation.rsplit(".", 1)[-1].strip("'\"") == "Attribute"
        return False
    return "Attribute" in code.co_names


class _AccessorInfo:
    """What one model class defines: accessor and mutator names, by kind."""

    __slots__ = ("legacy_get", "legacy_set", "methods", "get", "set", "mutated")

    def __init__(self, cls: type) -> None:
        self.legacy_get: frozenset[str] = frozenset()
        self.legacy_set: frozenset[str] = frozenset()
        #: attribute name -> the Attribute-returning function
        self.methods: dict[str, t.Callable[..., t.Any]] = {}
        legacy_get: set[str] = set()
        legacy_set: set[str] = set()
        for klass in reversed(cls.__mro__):
            if klass.__module__.startswith("protevus.database.eloquent."):
                continue  # framework methods such as set_class_castable_attribute
            for name, member in vars(klass).items():
                if isinstance(member, AccessorDescriptor):
                    self.methods[member.name] = member.function
                    continue
                if not callable(member):
                    continue
                found = _LEGACY_GET.match(name)
                if found:
                    legacy_get.add(found.group(1))
                found = _LEGACY_SET.match(name)
                if found:
                    legacy_set.add(found.group(1))
        self.legacy_get = frozenset(legacy_get)
        self.legacy_set = frozenset(legacy_set)
        #: filled on first use with an instance (the methods must be called)
        self.get: frozenset[str] | None = None
        self.set: frozenset[str] | None = None
        self.mutated: list[str] | None = None

    def resolve(self, model: t.Any) -> None:
        """Call each Attribute method once to learn which have get/set callbacks."""
        gets: set[str] = set()
        sets: set[str] = set()
        for name, function in self.methods.items():
            attribute = function(model)
            if not isinstance(attribute, Attribute):
                continue
            if callable(attribute.get):
                gets.add(name)
            if callable(attribute.set):
                sets.add(name)
        self.get = frozenset(gets)
        self.set = frozenset(sets)
        self.mutated = list(dict.fromkeys([*self.legacy_get, *sorted(gets)]))


def accessor_info(model: t.Any) -> _AccessorInfo:
    """Return the (cached) accessor names of ``model``'s class."""
    cls = type(model)
    info = cls.__dict__.get("_accessor_info")
    if info is None:
        info = _AccessorInfo(cls)
        type.__setattr__(cls, "_accessor_info", info)
    if info.get is None:
        info.resolve(model)
    return t.cast(_AccessorInfo, info)


@camel_aliases
class HasAccessors:
    """Find and run a model's accessors and mutators.

    Laravel: ``HasAttributes::hasGetMutator()``, ``mutateAttribute()``,
    ``hasAttributeGetMutator()``, ``setMutatedAttributeValue()``...
    """

    if t.TYPE_CHECKING:  # defined by HasCasts / HasDates

        def set_class_castable_attribute(self, key: str, value: t.Any) -> None: ...

        def get_class_castable_attribute_value(
            self, key: str, value: t.Any
        ) -> t.Any: ...

        def serialize_date(self, value: t.Any) -> str: ...

        def is_class_serializable(self, key: str) -> bool: ...

        def serialize_class_castable_attribute(
            self, key: str, value: t.Any
        ) -> t.Any: ...

    def __init_subclass__(cls, **kwargs: t.Any) -> None:
        for name, member in list(vars(cls).items()):
            if name.startswith("_") or not callable(member):
                continue
            if isinstance(member, type) or not _returns_attribute(member):
                continue
            type.__setattr__(cls, name, AccessorDescriptor(member))
        # Subclasses must not reuse a parent's cached accessor names.
        if "_accessor_info" in cls.__dict__:
            type.__delattr__(cls, "_accessor_info")
        super().__init_subclass__(**kwargs)

    # -- reading -------------------------------------------------------------------

    def has_get_mutator(self, key: str) -> bool:
        """Tell whether ``key`` has an accessor (``get_x_attribute`` or ``Attribute``).

        Laravel: ``hasGetMutator()`` + ``hasAttributeGetMutator()``.
        """
        info = accessor_info(self)
        return key in info.legacy_get or key in t.cast(frozenset[str], info.get)

    def has_attribute_get_mutator(self, key: str) -> bool:
        """Tell whether ``key`` has an ``Attribute`` accessor with a ``get`` callback.

        Laravel: ``hasAttributeGetMutator()``.
        """
        return key in t.cast(frozenset[str], accessor_info(self).get)

    def has_attribute_mutator(self, key: str) -> bool:
        """Tell whether ``key`` is defined by an ``Attribute`` method.

        Laravel: ``hasAttributeMutator()``.
        """
        return key in accessor_info(self).methods

    def mutate_attribute_for_get(self, key: str, value: t.Any) -> t.Any:
        """Run the accessor of ``key`` on its raw ``value``.

        Laravel: ``mutateAttribute()`` / ``mutateAttributeMarkedAttribute()``.
        """
        if key in accessor_info(self).legacy_get:
            return self.mutate_attribute(key, value)
        return self.mutate_attribute_marked_attribute(key, value)

    def mutate_attribute(self, key: str, value: t.Any) -> t.Any:
        """Run the ``get_<key>_attribute(value)`` accessor. Laravel: ``mutateAttribute()``."""
        return getattr(self, f"get_{key}_attribute")(value)

    def mutate_attribute_marked_attribute(self, key: str, value: t.Any) -> t.Any:
        """Run the ``Attribute`` accessor of ``key``, caching object results.

        Laravel: ``mutateAttributeMarkedAttribute()``.
        """
        cache = self._attribute_cast_cache()
        if key in cache:
            return cache[key]
        attribute = self._attribute_method(key)
        if callable(attribute.get):
            value = call_with_attributes(attribute.get, value, self._raw_attributes())
        if attribute.with_caching or (
            attribute.with_object_caching and is_object_value(value)
        ):
            cache[key] = value
        else:
            cache.pop(key, None)
        return value

    def get_mutated_attributes(self) -> list[str]:
        """Return the attribute names that have accessors.

        Laravel: ``getMutatedAttributes()``.
        """
        return list(t.cast(list[str], accessor_info(self).mutated))

    # -- writing -------------------------------------------------------------------

    def has_set_mutator(self, key: str) -> bool:
        """Tell whether writing ``key`` is handled by :meth:`set_mutated_attribute_value`.

        True for ``set_x_attribute`` and ``Attribute(set=...)`` mutators, and also for
        writes the casts own whole: cast classes (which may store several columns)
        (Laravel writes those in ``setAttribute()`` itself).

        Laravel: ``hasSetMutator()`` + ``hasAttributeSetMutator()``.
        """
        info = accessor_info(self)
        if key in info.legacy_set or key in t.cast(frozenset[str], info.set):
            return True
        is_class_castable = getattr(self, "is_class_castable", None)
        return bool(is_class_castable is not None and is_class_castable(key))

    def has_attribute_set_mutator(self, key: str) -> bool:
        """Tell whether ``key`` has an ``Attribute`` mutator with a ``set`` callback.

        Laravel: ``hasAttributeSetMutator()``.
        """
        return key in t.cast(frozenset[str], accessor_info(self).set)

    def set_mutated_attribute_value(self, key: str, value: t.Any) -> t.Any:
        """Write ``key`` through its mutator or its cast class; return the model.

        Laravel: ``setMutatedAttributeValue()`` /
        ``setAttributeMarkedMutatedAttributeValue()``.
        """
        info = accessor_info(self)
        if key in info.legacy_set:
            getattr(self, f"set_{key}_attribute")(value)
            return self
        if key in t.cast(frozenset[str], info.set):
            return self.set_attribute_marked_mutated_attribute_value(key, value)
        self.set_class_castable_attribute(key, value)
        return self

    def set_attribute_marked_mutated_attribute_value(
        self, key: str, value: t.Any
    ) -> t.Any:
        """Run an ``Attribute`` set callback and store what it returns.

        Laravel: ``setAttributeMarkedMutatedAttributeValue()``.
        """
        attribute = self._attribute_method(key)
        attributes = self._raw_attributes()
        stored = call_with_attributes(attribute.set, value, attributes)
        attributes.update(stored if isinstance(stored, dict) else {key: stored})
        cache = self._attribute_cast_cache()
        if attribute.with_caching or (
            attribute.with_object_caching and is_object_value(value)
        ):
            cache[key] = value
        else:
            cache.pop(key, None)
        return self

    def merge_attributes_from_attribute_casts(self) -> None:
        """Write cached accessor objects back through their set callbacks.

        Laravel: ``mergeAttributesFromAttributeCasts()``.
        """
        cache = self.__dict__.get("_attribute_cast_cache_store")
        if not cache:
            return
        attributes = self._raw_attributes()
        for key, value in cache.items():
            attribute = self._attribute_method(key)
            if attribute.get is not None and attribute.set is None:
                continue
            if attribute.set is None:
                attributes[key] = value
                continue
            stored = call_with_attributes(attribute.set, value, attributes)
            attributes.update(stored if isinstance(stored, dict) else {key: stored})

    def mutate_attribute_for_array(self, key: str, value: t.Any) -> t.Any:
        """Return the accessor's value of ``key`` prepared for ``to_array()``.

        Laravel: ``mutateAttributeForArray()``.
        """
        is_class_castable = getattr(self, "is_class_castable", None)
        if is_class_castable is not None and is_class_castable(key):
            value = self.get_class_castable_attribute_value(key, value)
            if value is not None and self.is_class_serializable(key):
                value = self.serialize_class_castable_attribute(key, value)
        elif self.has_attribute_get_mutator(key):
            value = self.mutate_attribute_marked_attribute(key, value)
            if isinstance(value, _dt.datetime):
                value = self.serialize_date(value)
        elif key in accessor_info(self).legacy_get:
            value = self.mutate_attribute(key, value)
        else:
            raise AttributeError(
                f"Appended attribute [{key}] on model [{_class_name(self)}] has no "
                f"accessor; define `def {key}(self) -> Attribute` or "
                f"`get_{key}_attribute`."
            )
        to_array = getattr(value, "to_array", None)
        if callable(to_array) and not isinstance(value, type):
            return to_array()
        return value

    # -- helpers -------------------------------------------------------------------

    def _attribute_method(self, key: str) -> Attribute:
        function = accessor_info(self).methods[key]
        return t.cast(Attribute, function(self))

    def _attribute_cast_cache(self) -> dict[str, t.Any]:
        cache = self.__dict__.get("_attribute_cast_cache_store")
        if cache is None:
            cache = self.__dict__["_attribute_cast_cache_store"] = {}
        return t.cast(dict[str, t.Any], cache)

    def _raw_attributes(self) -> dict[str, t.Any]:
        attributes = self.__dict__.get("attributes")
        if attributes is None:
            attributes = self.__dict__["attributes"] = {}
        return t.cast(dict[str, t.Any], attributes)


def _class_name(model: t.Any) -> str:
    cls = type(model)
    return f"{cls.__module__}.{cls.__qualname__}"
