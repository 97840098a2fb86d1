"""Describe an accessor and/or mutator for one model attribute.

A model method named after the attribute and returning an :class:`Attribute`
defines how the attribute is read (``get``) and written (``set``)::

    class User(Model):
        def first_name(self) -> Attribute:
            return Attribute(get=lambda value: value.capitalize(),
                             set=lambda value: value.lower())

Callbacks receive the raw value and, when they accept a second parameter, the
model's raw attributes dict (Laravel passes both; Python callbacks may take one).

Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\Attribute``.
"""

from __future__ import annotations

import inspect
import typing as t

from protevus.support.aliases import CamelAliases

_Callback = t.Callable[..., t.Any]

#: Number of positional parameters each callback accepts, by code object.
_ARITY: dict[t.Any, int] = {}


def call_with_attributes(
    callback: _Callback, value: t.Any, attributes: dict[str, t.Any]
) -> t.Any:
    """Call ``callback(value, attributes)``, or ``callback(value)`` if it takes one.

    PHP ignores extra arguments; Python does not, so the arity is read once per
    function and remembered.
    """
    code = getattr(callback, "__code__", callback)
    arity = _ARITY.get(code)
    if arity is None:
        arity = _positional_arity(callback)
        _ARITY[code] = arity
    if arity >= 2:
        return callback(value, attributes)
    if arity == 1:
        return callback(value)
    return callback()


def _positional_arity(callback: _Callback) -> int:
    try:
        signature = inspect.signature(callback)
    except (TypeError, ValueError):
        return 2
    count = 0
    for parameter in signature.parameters.values():
        if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            return 2
        if parameter.kind in (
            inspect.Parameter.POSITIONAL_ONLY,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
        ):
            count += 1
    return count


class _CallbackSlot:
    """Hold ``get``/``set``: a factory on the class, the callback on an instance.

    ``Attribute.get(fn)`` builds an accessor-only Attribute (Laravel's static
    constructor), while ``attribute.get`` is the stored callback.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.slot = "_" + name

    def __get__(self, instance: t.Any, owner: type) -> t.Any:
        if instance is None:
            name = self.name

            def factory(callback: _Callback) -> t.Any:
                return owner(**{name: callback})

            factory.__doc__ = f"Create an Attribute with only a {name} callback."
            return factory
        return instance.__dict__.get(self.slot)

    def __set__(self, instance: t.Any, value: t.Any) -> None:
        instance.__dict__[self.slot] = value


class Attribute(CamelAliases):
    """An accessor (``get``) and/or mutator (``set``) for a model attribute.

    ``get(value, attributes)`` returns what reading the attribute gives; ``set(value,
    attributes)`` returns the value to store, or a dict of several attributes to store.
    Object values (not str/int/float/bool/None/list/dict) are cached per model until
    the attribute is set again, unless :meth:`without_object_caching` is called;
    :meth:`should_cache` caches every value.

    Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\Attribute``.
    """

    get: t.Any = _CallbackSlot("get")
    set: t.Any = _CallbackSlot("set")

    def __init__(
        self, get: _Callback | None = None, set: _Callback | None = None
    ) -> None:
        self.get = get
        self.set = set
        self.with_caching = False
        self.with_object_caching = True

    @classmethod
    def make(
        cls, get: _Callback | None = None, set: _Callback | None = None
    ) -> Attribute:
        """Create an accessor/mutator. Laravel: ``Attribute::make()``."""
        return cls(get=get, set=set)

    def should_cache(self) -> Attribute:
        """Cache every value the accessor returns. Laravel: ``shouldCache()``."""
        self.with_caching = True
        return self

    def without_object_caching(self) -> Attribute:
        """Do not cache object values between reads.

        Laravel: ``Attribute::withoutObjectCaching()``.
        """
        self.with_object_caching = False
        return self

    def __repr__(self) -> str:
        return f"Attribute(get={self.get!r}, set={self.set!r})"
