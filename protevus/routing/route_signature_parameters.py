"""Read an action's signature for the route parameters it wants as ``int``, ``float`` or ``bool``.

Laravel: ``Illuminate\\Routing\\RouteSignatureParameters``. PHP coerces a route's
string to the scalar type of the action's parameter (``function show(int $id)``);
Python does not, so the router converts such parameters itself, with converters
decided once per route. A value that is not of the type answers 404: the URL names
no resource, as with Flask's ``<int:id>`` converter.
"""

from __future__ import annotations

import inspect
import re
import types
import typing as t

Converter = t.Callable[[str], t.Any]

_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_BOOLS = {
    "1": True,
    "true": True,
    "yes": True,
    "on": True,
    "0": False,
    "false": False,
    "no": False,
    "off": False,
}
_SCALARS = (int, float, bool)


def scalar_converters(fn: t.Callable[..., t.Any]) -> dict[str, Converter]:
    """Map each parameter of ``fn`` hinted ``int``, ``float`` or ``bool`` (or ``X | None``) to its converter.

    Laravel: ``RouteSignatureParameters::fromAction()`` (PHP's scalar coercion).
    """
    source: t.Any = fn
    if isinstance(fn, types.MethodType):
        source = fn.__func__
    elif not inspect.isroutine(fn) and not isinstance(fn, type):
        source = type(fn).__call__
    converters: dict[str, Converter] = {}
    for name, hint in _hints(source).items():
        scalar = _scalar(hint)
        if scalar is not None and name != "return":
            converters[name] = _converter(name, scalar)
    return converters


def _hints(source: t.Any) -> dict[str, t.Any]:
    """Resolve the annotations of ``source``, one at a time when some cannot be."""
    try:
        return t.get_type_hints(source)
    except Exception:  # noqa: BLE001 - an unresolvable hint falls back below
        pass
    annotations = getattr(source, "__annotations__", None) or {}
    namespace = dict(getattr(inspect.unwrap(source), "__globals__", None) or {})
    hints: dict[str, t.Any] = {}
    for name, annotation in annotations.items():
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, namespace, {})  # noqa: S307 - as typing does
            except Exception:  # noqa: BLE001 - a class local to a function, say
                continue
        hints[name] = annotation
    return hints


def _scalar(hint: t.Any) -> type | None:
    if hint in _SCALARS:
        return t.cast(type, hint)
    if t.get_origin(hint) in (t.Union, types.UnionType):
        arguments = [arg for arg in t.get_args(hint) if arg is not type(None)]
        if len(arguments) == 1 and arguments[0] in _SCALARS:
            return t.cast(type, arguments[0])
    return None


def _converter(name: str, scalar: type) -> Converter:
    if scalar is bool:

        def to_bool(value: str) -> bool:
            found = _BOOLS.get(value.lower())
            if found is None:
                raise _not_found(
                    name, value, "a boolean (1, 0, true, false, yes, no, on, off)"
                )
            return found

        return to_bool
    if scalar is int:

        def to_int(value: str) -> int:
            if value.isdigit() and value.isascii():  # the common case, without a regex
                return int(value)
            if _INT.fullmatch(value) is None:
                raise _not_found(name, value, "an integer")
            return int(value)

        return to_int

    def to_float(value: str) -> float:
        if _FLOAT.fullmatch(value) is None:
            raise _not_found(name, value, "a number")
        return float(value)

    return to_float


def _not_found(name: str, value: str, expected: str) -> Exception:
    from protevus.http.exceptions import NotFoundHttpException

    return NotFoundHttpException(
        f"The route parameter [{name}] must be {expected}; [{value}] is not."
    )
