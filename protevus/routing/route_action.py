"""Normalise what a route was given as its action.

Laravel: ``Illuminate\\Routing\\RouteAction``. A route action is a function, a
``[Controller, 'method']`` pair, a ``'pkg.module.Controller@method'`` string, an
invokable class (``__call__``) or the dotted path of one.
"""

from __future__ import annotations

import inspect
import typing as t

from protevus.container._reflection import defines_call
from protevus.container._reflection import import_class
from protevus.routing.exceptions import RoutingError


def parse(action: t.Any) -> dict[str, t.Any]:
    """Turn a route action into the action dictionary of a route.

    Laravel: ``RouteAction::parse()``.
    """
    if isinstance(action, t.Mapping):
        parsed = dict(action)
        if "uses" not in parsed:
            found = next((v for v in parsed.values() if callable(v)), None)
            if found is None:
                raise RoutingError(
                    f"Route action {action!r} has no [uses] key: give the handler "
                    "as {'uses': handler}."
                )
            parsed["uses"] = found
    else:
        parsed = {"uses": action}
    uses = parsed["uses"]
    if uses is None:
        raise RoutingError(
            "A route needs an action: pass a function, [Controller, 'method'] "
            "or an invokable controller class."
        )
    if isinstance(uses, list | tuple) and (
        len(uses) != 2 or not isinstance(uses[1], str)
    ):
        raise RoutingError(
            f"Route action {uses!r} must be [Controller, 'method'] with the method "
            "name as a string."
        )
    if isinstance(uses, type) and not defines_call(uses):
        raise RoutingError(
            f"Invalid route action: [{_qualified(uses)}] is not invokable; define "
            "__call__ or route to [Controller, 'method']."
        )
    parsed["controller"] = action_label(uses)
    return parsed


def action_label(uses: t.Any) -> str | None:
    """Get the ``'module.Class@method'`` label of a controller action, ``None`` for functions.

    Laravel: the ``controller`` key of a route action.
    """
    if isinstance(uses, str):
        if "@" in uses:
            return uses
        target = import_class(uses)
        if isinstance(target, type):
            return f"{uses}@__call__"
        return None
    if isinstance(uses, list | tuple):
        owner = uses[0]
        name = owner if isinstance(owner, str) else _qualified(_class_of(owner))
        return f"{name}@{uses[1]}"
    if isinstance(uses, type):
        return f"{_qualified(uses)}@__call__"
    return None


def controller_target(uses: t.Any) -> tuple[t.Any, str] | None:
    """Get ``(controller, method)`` for a controller action, ``None`` for functions.

    ``controller`` is a class, or an object when the route was given an instance.
    """
    if isinstance(uses, str):
        if "@" in uses:
            path, _, method = uses.partition("@")
            return _import(path), method
        target = _import_any(uses)
        if isinstance(target, type):
            return target, "__call__"
        return None
    if isinstance(uses, list | tuple):
        owner = uses[0]
        return (_import(owner) if isinstance(owner, str) else owner), uses[1]
    if isinstance(uses, type):
        return uses, "__call__"
    return None


def function_for(uses: t.Any) -> t.Callable[..., t.Any]:
    """Get the function of a non-controller action (a dotted path is imported)."""
    if isinstance(uses, str):
        target = _import_any(uses)
        if not callable(target):
            raise RoutingError(
                f"Route action [{uses}] is not callable: use 'pkg.module.Class@method' "
                "or pass the function itself."
            )
        return t.cast(t.Callable[..., t.Any], target)
    if not callable(uses):
        raise RoutingError(f"Route action {uses!r} is not callable.")
    return t.cast(t.Callable[..., t.Any], uses)


def _import(path: str) -> type:
    target = import_class(path)
    if not isinstance(target, type):
        raise RoutingError(
            f"Target class [{path}] does not exist: check the dotted path of the "
            "controller in your route."
        )
    return target


def _import_any(path: str) -> t.Any:
    target = import_class(path)
    if target is None:
        raise RoutingError(
            f"Route action [{path}] does not exist: check the dotted path, or use "
            "'pkg.module.Class@method'."
        )
    return target


def _class_of(owner: t.Any) -> type:
    return owner if inspect.isclass(owner) else type(owner)


def _qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"
