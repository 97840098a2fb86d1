"""Give every public snake_case method a camelCase twin, once per class.

DESIGN.md §3: Laravel users type ``orderBy`` and ``findOrFail`` out of habit, so every
public ``snake_case`` method of a Protevus class also answers to its camelCase
spelling. This module is the ONE mechanism that does it: classes inherit
:class:`CamelAliases` (or are decorated with :func:`camel_aliases`), and at class
creation each public snake_case function, classmethod, staticmethod or property in
the class body gets a second name bound to the same object. Nothing happens per call.

Names with a trailing underscore (``with_``, ``except_``, ``is_``) get no alias:
their camelCase spelling would be a Python keyword.
"""

from __future__ import annotations

import typing as t

_T = t.TypeVar("_T", bound=type)

_ALIASABLE = (staticmethod, classmethod, property)


def camel_name(name: str) -> str | None:
    """Return the camelCase spelling of a public snake_case name, or ``None``.

    ``where_in`` → ``whereIn``; ``get_result_array`` → ``getResultArray``. Private
    names, names without an underscore and names ending in ``_`` have no alias.
    """
    if name.startswith("_") or name.endswith("_") or "_" not in name:
        return None
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def add_camel_aliases(cls: _T) -> _T:
    """Bind the camelCase twin of each public snake_case method defined on ``cls``.

    Only names in ``cls.__dict__`` are considered: inherited methods already got
    their aliases on the class that defined them, and an override in a subclass gets
    a fresh alias here, so ``whereIn`` always follows ``where_in``. An alias never
    replaces a name the class defines itself.
    """
    own = cls.__dict__
    for name, attr in list(own.items()):
        alias = camel_name(name)
        if alias is None or alias in own:
            continue
        if callable(attr) or isinstance(attr, _ALIASABLE):
            if isinstance(attr, type):
                continue
            setattr(cls, alias, attr)
    return cls


def camel_aliases(cls: _T) -> _T:
    """Decorate a class so its public snake_case methods answer to camelCase.

    Use this for classes that cannot inherit :class:`CamelAliases`; subclasses of a
    decorated class are not aliased automatically (inherit the mixin for that).
    """
    return add_camel_aliases(cls)


class CamelAliases:
    """Mix in camelCase aliases for the public snake_case methods of every subclass.

    Laravel: none; this is how Protevus keeps ``orderBy`` working beside ``order_by``.
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: t.Any) -> None:
        super().__init_subclass__(**kwargs)
        add_camel_aliases(cls)
