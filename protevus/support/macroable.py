"""Add methods to a class at runtime.

Laravel: ``Illuminate\\Support\\Traits\\Macroable``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import add_camel_aliases
from protevus.support.aliases import camel_name

_Fn = t.Callable[..., t.Any]


class Macroable:
    """Let users register their own methods on a class with :meth:`macro`.

    A macro is a function stored on the class, so it receives the instance as its
    first argument, like ``$this`` in a Laravel macro closure::

        Collection.macro('to_upper', lambda self: self.map(str.upper))
        collect(['a']).to_upper()          # Collection(['A'])
        collect(['a']).toUpper()           # the camelCase twin works too

    On classes used statically (``Str``, ``Arr``) call the macro on the class and
    it receives only your arguments: ``Str.macro('shout', lambda s: s.upper() + '!')``.

    Laravel: ``Macroable::macro()``, ``mixin()``, ``hasMacro()``, ``flushMacros()``.
    """

    __slots__ = ()

    _macros: t.ClassVar[dict[str, _Fn]] = {}

    @classmethod
    def _own_macros(cls) -> dict[str, _Fn]:
        if "_macros" not in cls.__dict__:
            cls._macros = {}
        return cls.__dict__["_macros"]

    @classmethod
    def macro(cls, name: str, fn: _Fn) -> None:
        """Register ``fn`` as method ``name`` (and its camelCase twin) on the class.

        A macro never replaces a real method: in Laravel, macros are reached only
        through ``__call``, so the class's own methods always win.
        """
        if not callable(fn):
            raise TypeError(f"Macro [{name}] on [{cls.__name__}] must be callable.")
        names = [name]
        alias = camel_name(name)
        if alias is not None:
            names.append(alias)
        for each in names:
            if hasattr(cls, each) and not cls.has_macro(each):
                raise ValueError(
                    f"Macro [{name}] on [{cls.__name__}] would replace the method "
                    f"[{each}]: choose another name."
                )
        macros = cls._own_macros()
        for each in names:
            macros[each] = fn
            setattr(cls, each, fn)

    @classmethod
    def mixin(cls, mixin: object, replace: bool = True) -> None:
        """Register every public method of ``mixin`` (a class or an object) as a macro."""
        import inspect

        source = mixin if inspect.isclass(mixin) else type(mixin)
        for name, member in inspect.getmembers(source):
            if name.startswith("_") or not callable(member):
                continue
            if not replace and cls.has_macro(name):
                continue
            if not inspect.isclass(mixin):
                member = getattr(mixin, name)
            cls.macro(name, member)

    @classmethod
    def has_macro(cls, name: str) -> bool:
        """Determine if a macro named ``name`` is registered on the class or a parent."""
        return any(name in klass.__dict__.get("_macros", {}) for klass in cls.__mro__)

    @classmethod
    def flush_macros(cls) -> None:
        """Remove every macro registered on this class."""
        macros = cls._own_macros()
        for name, fn in macros.items():
            if cls.__dict__.get(name) is fn:
                delattr(cls, name)
        macros.clear()


add_camel_aliases(Macroable)
