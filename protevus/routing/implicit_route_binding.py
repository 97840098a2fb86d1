"""Turn route parameters into models (and enums) from the action's type hints.

Laravel: ``Illuminate\\Routing\\ImplicitRouteBinding``. An action parameter hinted
with a model class (``def show(post: Post)``) whose name is a route parameter
(``/posts/{post}``) receives the model whose route key equals the URL segment;
``{post:slug}`` looks it up by ``slug``; in ``/users/{user}/posts/{post:slug}``
(or on a route with ``scope_bindings()``) the post is looked up through the
user's ``posts`` relation. A miss raises
:class:`~protevus.database.eloquent.exceptions.ModelNotFoundError` (a 404).
Parameters hinted with an ``Enum`` receive the member with that value (404 when
none has it). What to bind is read once per route action and cached.
"""

from __future__ import annotations

import enum
import inspect
import types
import typing as t

from protevus.routing import route_action
from protevus.routing.route_signature_parameters import _hints

if t.TYPE_CHECKING:
    from protevus.routing.route import Route

_MODEL, _ENUM = 0, 1
_Plan = tuple[tuple[str, type, int], ...]
_CACHE_KEY = "_implicit_binding_plan"


def resolve_for_route(container: t.Any, route: Route) -> None:
    """Replace the route's parameters that the action hints with a model (or enum).

    Laravel: ``ImplicitRouteBinding::resolveForRoute()``.
    """
    plan = binding_plan(route)
    if not plan:
        return
    parameters = route.parameters()
    for name, cls, kind in plan:
        key = _parameter_name(name, parameters)
        if key is None:
            continue
        value = parameters[key]
        if value is None or isinstance(value, cls):
            continue
        if kind == _ENUM:
            route.set_parameter(key, _enum_case(t.cast(type[enum.Enum], cls), value))
            continue
        route.set_parameter(key, _resolve_model(container, route, key, cls, value))


def binding_plan(route: Route) -> _Plan:
    """Get the ``(parameter, class, kind)`` rows of the action, in URI order (cached per route).

    Laravel: ``Route::signatureParameters(['subClass' => UrlRoutable::class])``.
    """
    source = route.__dict__.get("_source", route)
    uses = route.action.get("uses")
    cached = source.__dict__.get(_CACHE_KEY)
    if cached is not None and cached[0] is uses:
        return t.cast(_Plan, cached[1])
    plan = _build_plan(route, uses)
    source.__dict__[_CACHE_KEY] = (uses, plan)
    return plan


def _build_plan(route: Route, uses: t.Any) -> _Plan:
    function = _action_function(uses)
    if function is None:
        return ()
    rows: list[tuple[str, type, int]] = []
    for name, hint in _hints(function).items():
        if name == "return":
            continue
        cls = _bindable_class(hint)
        if cls is None:
            continue
        kind = _ENUM if issubclass(cls, enum.Enum) else _MODEL
        rows.append((name, cls, kind))
    order = {name: index for index, name in enumerate(route.parameter_names())}
    rows.sort(key=lambda row: order.get(row[0], len(order)))
    return tuple(rows)


def _action_function(uses: t.Any) -> t.Any:
    try:
        target = route_action.controller_target(uses)
        if target is None:
            function: t.Any = route_action.function_for(uses)
        else:
            controller, method = target
            if isinstance(controller, type):
                function = inspect.getattr_static(controller, method, None)
                if isinstance(function, staticmethod | classmethod):
                    function = function.__func__
            else:
                function = getattr(controller, method, None)
    except Exception:  # noqa: BLE001 - the dispatcher reports a broken action itself
        return None
    if function is None:
        return None
    if isinstance(function, types.MethodType):
        return function.__func__
    if not inspect.isroutine(function) and not isinstance(function, type):
        return type(function).__call__ if callable(function) else None
    return function


def _bindable_class(hint: t.Any) -> type | None:
    """Get the model or enum class of a hint (``Post``, ``Post | None``), else ``None``."""
    if t.get_origin(hint) in (t.Union, types.UnionType):
        arguments = [arg for arg in t.get_args(hint) if arg is not type(None)]
        if len(arguments) != 1:
            return None
        hint = arguments[0]
    if not isinstance(hint, type) or isinstance(hint, types.GenericAlias):
        return None
    if issubclass(hint, enum.Enum):
        return hint
    if is_url_routable(hint):
        return hint
    return None


def is_url_routable(cls: type) -> bool:
    """Determine if instances of ``cls`` can be bound from a route (they define ``resolve_route_binding``).

    Laravel: ``instanceof UrlRoutable``. Looked up in the class dictionaries so a
    model metaclass that forwards unknown names to a query builder is not asked.
    """
    return any("resolve_route_binding" in vars(klass) for klass in cls.__mro__)


def _parameter_name(name: str, parameters: t.Mapping[str, t.Any]) -> str | None:
    """Find the route parameter an action parameter stands for (exact, then snake case).

    Laravel: ``ImplicitRouteBinding::getParameterName()``.
    """
    if name in parameters:
        return name
    from protevus.support.str import Str

    snake = Str.snake(name)
    return snake if snake in parameters else None


def _resolve_model(
    container: t.Any, route: Route, key: str, cls: type, value: t.Any
) -> t.Any:
    instance = cls()
    soft = route.allows_trashed_bindings() and _uses_soft_deletes(cls)
    field = route.binding_field_for(key)
    parent = route.parent_of_parameter(key)
    scoped = (
        parent is not None
        and is_url_routable(type(parent))
        and not route.prevents_scoped_bindings()
        and (route.enforces_scoped_bindings() or key in route.binding_fields)
    )
    if scoped:
        method = (
            "resolve_soft_deletable_child_route_binding"
            if soft
            else "resolve_child_route_binding"
        )
        model = getattr(parent, method)(key, value, field)
    else:
        method = (
            "resolve_soft_deletable_route_binding" if soft else "resolve_route_binding"
        )
        model = getattr(instance, method)(value, field)
    if model is None:
        from protevus.database.eloquent.exceptions import ModelNotFoundError

        raise ModelNotFoundError(_class_name(cls), [value])
    return model


def _uses_soft_deletes(cls: type) -> bool:
    return any(klass.__name__ == "SoftDeletes" for klass in cls.__mro__)


def _class_name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _enum_case(cls: type[enum.Enum], value: t.Any) -> enum.Enum:
    """Get the member of ``cls`` whose value is ``value`` (the URL gives a string).

    Laravel: ``ImplicitRouteBinding::resolveBackedEnumsForRoute()`` (404 when missing).
    """
    for member in cls:
        if member.value == value or str(member.value) == str(value):
            return member
    from protevus.http.exceptions import NotFoundHttpException

    raise NotFoundHttpException(
        f"Case [{value}] not found on Backed Enum [{_class_name(cls)}]."
    )
