"""Analyse classes, callables and concretes once so the container stays fast.

Laravel: the reflection half of ``Illuminate\\Container\\Container::build()`` and
``Illuminate\\Container\\Util``. A *plan* is a tuple of :class:`Param` rows read
from a signature and its type hints; the container caches plans, so signatures are
inspected once per class or function. A :class:`Binding` is a concrete analysed
once when it is registered (its kind, and how many arguments a factory takes).
"""

from __future__ import annotations

import enum
import importlib
import inspect
import sys
import types
import typing as t

EMPTY: t.Any = inspect.Parameter.empty
# "No entry": the container stores None as a legitimate instance.
MISSING: t.Any = object()

POSITIONAL = 0
VAR_POSITIONAL = 1
KEYWORD = 2
VAR_KEYWORD = 3

_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: POSITIONAL,
    inspect.Parameter.POSITIONAL_OR_KEYWORD: POSITIONAL,
    inspect.Parameter.VAR_POSITIONAL: VAR_POSITIONAL,
    inspect.Parameter.KEYWORD_ONLY: KEYWORD,
    inspect.Parameter.VAR_KEYWORD: VAR_KEYWORD,
}

# Hints that name a value, not a service: the container never builds these, nor
# enums, nor the value types of these standard modules (datetime, Path, Decimal...).
_PRIMITIVES: frozenset[t.Any] = frozenset(
    {str, bytes, bytearray, int, float, complex, bool, list, dict, tuple, set}
    | {frozenset, object, type, t.Any, memoryview, range, slice}
)
_VALUE_MODULES = frozenset(
    {"datetime", "decimal", "fractions", "pathlib", "uuid", "re", "ipaddress"}
)


class Param(t.NamedTuple):
    """Describe one parameter of a constructor or callable, as the container sees it."""

    name: str
    kind: int
    cls: t.Any  # the class to resolve from the container, or None for a primitive
    default: t.Any  # EMPTY when the parameter has no default
    nullable: bool  # hinted ``X | None``: None is an acceptable value
    label: str  # ``name: str`` for error messages
    context_key: str  # ``$name``, the key of a contextual primitive binding
    note: str  # why the hint was ignored, for error messages ("" when it was not)


Plan = tuple[Param, ...]


def qualified_name(target: t.Any) -> str:
    """Name a class, abstract or callable the way error messages print it."""
    if isinstance(target, str):
        return target
    if isinstance(target, type) or inspect.isroutine(target):
        module = getattr(target, "__module__", None)
        name = str(getattr(target, "__qualname__", None) or target.__name__)
        return name if module in (None, "builtins") else f"{module}.{name}"
    abstract = getattr(target, "abstract", None)
    if abstract is not None:
        return qualified_name(abstract)
    return repr(target)


def import_class(path: str) -> t.Any:
    """Import the object a dotted path names, or return ``None`` if there is none.

    Errors raised while a module that exists is being imported propagate: they are
    bugs in that module, not a missing class.
    """
    module_name, _, attribute = path.rpartition(".")
    if not module_name or not attribute:
        return None
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if module_name == missing or module_name.startswith(missing + "."):
            return None
        raise
    except (ImportError, ValueError):
        return None
    return getattr(module, attribute, None)


def is_instantiable(cls: type) -> bool:
    """Determine if ``cls`` can be instantiated (not a Protocol or abstract class)."""
    if getattr(cls, "_is_protocol", False):
        return False
    return not inspect.isabstract(cls)


def defines_call(cls: type) -> bool:
    """Determine if instances of ``cls`` are callable (Laravel: ``__invoke``)."""
    return any(
        "__call__" in vars(klass) for klass in cls.__mro__ if klass is not object
    )


def arity(fn: t.Callable[..., t.Any]) -> int:
    """Count the positional arguments ``fn`` accepts (a large number for ``*args``).

    Analysed once at registration time so factories and callbacks may take fewer
    arguments than the container could pass (``lambda: Foo()`` or ``lambda c: ...``).
    """
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return 1
    count = 0
    for parameter in signature.parameters.values():
        kind = _KINDS[parameter.kind]
        if kind == VAR_POSITIONAL:
            return 1_000
        if kind == POSITIONAL:
            count += 1
    return count


def class_plan(cls: type) -> Plan:
    """Analyse the constructor of ``cls``; an empty plan means ``cls()``."""
    init = getattr(cls, "__init__", object.__init__)
    if init is object.__init__ and getattr(cls, "__new__", None) is object.__new__:
        return ()
    try:
        signature = inspect.signature(cls)
    except (TypeError, ValueError):
        return ()
    source = init if init is not object.__init__ else cls.__new__
    return _plan(signature, source, owner=cls)


def callable_plan(fn: t.Callable[..., t.Any]) -> Plan:
    """Analyse a function, bound method or callable object for ``call()``."""
    signature = inspect.signature(fn)
    source: t.Any = fn
    if isinstance(fn, types.MethodType):
        source = fn.__func__
    elif not inspect.isroutine(fn) and not isinstance(fn, type):
        source = type(fn).__call__
    return _plan(signature, source, owner=None)


def _plan(signature: inspect.Signature, source: t.Any, owner: type | None) -> Plan:
    hints = _hints(source, signature, owner)
    rows: list[Param] = []
    for name, parameter in signature.parameters.items():
        hint = hints.get(name, EMPTY)
        cls, nullable = _service_class(hint)
        label, note = name, ""
        if hint is not EMPTY:
            label = f"{name}: {_hint_label(hint)}"
        elif isinstance(parameter.annotation, str):
            # Say why a hinted class was not injected: a class local to a function
            # cannot be found from a string annotation.
            label = f"{name}: {parameter.annotation}"
            note = (
                f" The type hint [{parameter.annotation}] could not be resolved; "
                "define or import it at module level."
            )
        rows.append(
            Param(
                name,
                _KINDS[parameter.kind],
                cls,
                parameter.default,
                nullable,
                label,
                "$" + name,
                note,
            )
        )
    return tuple(rows)


def _hints(
    source: t.Any, signature: inspect.Signature, owner: type | None
) -> dict[str, t.Any]:
    """Resolve type hints, falling back one parameter at a time when some fail."""
    try:
        return t.get_type_hints(source)
    except Exception:  # noqa: BLE001 - any unresolvable hint falls back below
        pass
    globalns = _globals_of(source, owner)
    class_hints: dict[str, t.Any] = {}
    if owner is not None:
        try:
            class_hints = t.get_type_hints(owner)
        except Exception:  # noqa: BLE001
            class_hints = {}
    hints: dict[str, t.Any] = {}
    for name, parameter in signature.parameters.items():
        annotation = parameter.annotation
        if annotation is EMPTY:
            continue
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, globalns)  # noqa: S307 - a type hint
            except Exception:  # noqa: BLE001 - unresolvable: try the class, else untyped
                annotation = class_hints.get(name, EMPTY)
                if annotation is EMPTY:
                    continue
        if t.get_origin(annotation) is t.Annotated:
            annotation = annotation.__origin__
        hints[name] = annotation
    return hints


def _globals_of(source: t.Any, owner: type | None) -> dict[str, t.Any]:
    function = inspect.unwrap(source) if callable(source) else source
    namespace = getattr(function, "__globals__", None)
    if namespace is None and owner is not None:
        module = sys.modules.get(owner.__module__)
        namespace = vars(module) if module is not None else None
    return dict(namespace or {})


def _service_class(hint: t.Any) -> tuple[t.Any, bool]:
    """Return the class the container should resolve for ``hint``, and nullability."""
    if hint is EMPTY:
        return None, False
    if _is_service(hint):
        return hint, False
    if t.get_origin(hint) in (t.Union, types.UnionType):
        arguments = [arg for arg in t.get_args(hint) if arg is not type(None)]
        nullable = len(arguments) < len(t.get_args(hint))
        if len(arguments) == 1 and _is_service(arguments[0]):
            return arguments[0], nullable
        return None, nullable
    return None, hint is None or hint is type(None)


def _is_service(hint: t.Any) -> bool:
    return (
        isinstance(hint, type)
        and hint not in _PRIMITIVES
        and not issubclass(hint, enum.Enum)
        and hint.__module__ not in _VALUE_MODULES
        and not isinstance(hint, types.GenericAlias)
    )


def _hint_label(hint: t.Any) -> str:
    if isinstance(hint, type) and not isinstance(hint, types.GenericAlias):
        return hint.__name__
    return str(hint).replace("typing.", "")


# What a binding produces: build/resolve a class, call a factory, return a value,
# or (contextual only) resolve each item of a list.
CLASS, FACTORY, VALUE, LIST = 0, 1, 2, 3


class Binding:
    """Hold one normalised concrete, analysed once at registration time."""

    __slots__ = ("abstract", "concrete", "shared", "kind", "arity")

    def __init__(
        self, abstract: t.Any, concrete: t.Any, shared: bool, kind: int
    ) -> None:
        self.abstract = abstract
        self.concrete = concrete
        self.shared = shared
        self.kind = kind
        self.arity = min(arity(concrete), 2) if kind == FACTORY else 0


def binding_for(abstract: t.Any, concrete: t.Any, shared: bool) -> Binding:
    """Normalise what ``bind()`` was given into a :class:`Binding`."""
    if concrete is None:
        concrete = abstract
    if isinstance(concrete, (type, str)):
        return Binding(abstract, concrete, shared, CLASS)
    if callable(concrete):
        return Binding(abstract, concrete, shared, FACTORY)
    raise TypeError(
        f"Cannot bind [{qualified_name(abstract)}] to {concrete!r}: give a class, a "
        "factory callable or a class path, or use instance() to register a value."
    )


def contextual_binding(implementation: t.Any, primitive: bool) -> Binding:
    """Normalise what ``give()`` was given; ``primitive`` for ``$name`` needs."""
    if callable(implementation) and not isinstance(implementation, type):
        return Binding(implementation, implementation, False, FACTORY)
    if primitive:
        return Binding(implementation, implementation, False, VALUE)
    if isinstance(implementation, (type, str)):
        return Binding(implementation, implementation, False, CLASS)
    if isinstance(implementation, (list, tuple)):
        return Binding(implementation, list(implementation), False, LIST)
    return Binding(implementation, implementation, False, VALUE)


def adapt(fn: t.Callable[..., t.Any], most: int) -> t.Callable[..., t.Any]:
    """Let a callback take fewer arguments than the container passes."""
    if not callable(fn):
        raise TypeError(f"Callback {fn!r} must be callable.")
    count = arity(fn)
    if count >= most:
        return fn
    return lambda *args: fn(*args[:count])


def is_a(value: t.Any, cls: t.Any, subclass: bool = False) -> bool:
    """Check ``isinstance`` (or ``issubclass``) without failing on Protocols."""
    if not isinstance(cls, type):
        return False
    try:
        if subclass:
            return isinstance(value, type) and issubclass(value, cls)
        return isinstance(value, cls)
    except TypeError:  # a Protocol that is not runtime_checkable
        return False
