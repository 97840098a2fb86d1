"""The router: registers routes, compiles them for Flask, dispatches requests.

Laravel: ``Illuminate\\Routing\\Router`` (the ``Route`` facade). Registration lives
in :mod:`protevus.routing.concerns.registers_routes`, middleware configuration in
:mod:`~protevus.routing.concerns.manages_middleware`, dispatching in
:mod:`~protevus.routing.concerns.dispatches_routes`.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import typing as t

from protevus.container._reflection import arity
from protevus.routing import route_action
from protevus.routing.concerns.dispatches_routes import DispatchesRoutes
from protevus.routing.concerns.manages_middleware import ManagesMiddleware
from protevus.routing.concerns.registers_routes import RegistersRoutes
from protevus.routing.exceptions import RoutingError
from protevus.routing.route import Route
from protevus.routing.route_collection import RouteCollection
from protevus.routing.route_group import RouteGroup
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from werkzeug.routing import Map

_Group = t.Mapping[str, t.Any]


class Router(RegistersRoutes, ManagesMiddleware, DispatchesRoutes, Macroable):
    """Register routes and dispatch requests to them.

    ``Router(app, url_map)``: routes compile into the Werkzeug ``url_map`` (the
    HTTP kernel passes ``app.flask.url_map``); without a map the router keeps a
    private one (enough for ``route:list``, URL generation and tests).

    Laravel: ``Illuminate\\Routing\\Router``.
    """

    def __init__(self, app: t.Any = None, url_map: Map | None = None) -> None:
        self.app = app
        self.routes = RouteCollection(url_map)
        self._group_stack: list[dict[str, t.Any]] = []
        self._middleware_aliases: dict[str, t.Any] = {}
        self._middleware_groups: dict[str, list[t.Any]] = {}
        self._middleware_priority: list[t.Any] = []
        self._generation = 0
        self._current: contextvars.ContextVar[Route | None] = contextvars.ContextVar(
            "protevus_current_route", default=None
        )
        self.binders: dict[str, t.Callable[..., t.Any]] = {}
        self._implicit_binding_callback: t.Callable[..., t.Any] | None = None

    # -- adding routes ---------------------------------------------------------

    def add_route(
        self, methods: str | t.Iterable[str], uri: str, action: t.Any
    ) -> Route:
        """Create a route inside the current group and add it to the collection.

        Laravel: ``Router::addRoute()``.
        """
        return self.routes.add(self.create_route(methods, uri, action))

    def create_route(
        self, methods: str | t.Iterable[str], uri: str, action: t.Any
    ) -> Route:
        """Create a route, merging the attributes of the current group into it.

        Laravel: ``Router::createRoute()``.
        """
        group = self._group_stack[-1] if self._group_stack else {}
        controller = group.get("controller")
        if (
            controller is not None
            and isinstance(action, str)
            and "@" not in action
            and "." not in action
        ):
            action = [controller, action]
        elif controller is not None and action is None:
            raise RoutingError(
                f"Route [{uri}] in a controller group needs the method name as its "
                "action: Route.get('/x', 'index')."
            )
        parsed = route_action.parse(action)
        prefix = group.get("prefix") or ""
        full_uri = (prefix.strip("/") + "/" + uri.strip("/")).strip("/") or "/"
        merged = {
            **{k: v for k, v in group.items() if k not in ("where", "controller")},
            **parsed,
        }
        merged["as"] = (group.get("as") or "") + (parsed.get("as") or "")
        if not merged["as"]:
            del merged["as"]
        merged["middleware"] = [
            *group.get("middleware", []),
            *_as_list(parsed.get("middleware")),
        ]
        merged["excluded_middleware"] = [
            *group.get("excluded_middleware", []),
            *_as_list(parsed.get("excluded_middleware")),
        ]
        merged.pop("where", None)
        route = Route(methods, full_uri, merged)
        wheres = {**(group.get("where") or {}), **(parsed.get("where") or {})}
        if wheres:
            route.where(wheres)
        route._router = self
        return route

    # -- groups ----------------------------------------------------------------

    def group(self, attributes: _Group, routes: t.Any = None) -> t.Any:
        """Register routes sharing attributes (prefix, as, middleware, domain...).

        ``routes`` is a callback (given the router when it takes an argument), the
        path of a route file (relative to the application's base path), or omitted
        to use the group as a context manager::

            Route.group({'prefix': 'admin'}, lambda: Route.get('/users', users))
            with Route.group({'prefix': 'admin'}):
                Route.get('/users', users)

        Laravel: ``Router::group()``.
        """
        if routes is None:
            return self._group_context(attributes)
        with self._group_context(attributes):
            self.load_routes(routes)
        return self

    @contextlib.contextmanager
    def _group_context(self, attributes: _Group) -> t.Iterator[Router]:
        self.update_group_stack(attributes)
        try:
            yield self
        finally:
            self._group_stack.pop()

    def update_group_stack(self, attributes: _Group) -> None:
        """Push a group's attributes merged with those of the enclosing group.

        Laravel: ``Router::updateGroupStack()``.
        """
        normalised = _normalise_group(attributes)
        if self._group_stack:
            normalised = RouteGroup.merge(normalised, self._group_stack[-1])
        self._group_stack.append(normalised)

    def load_routes(self, routes: t.Any) -> None:
        """Run a route callback, or execute a route file.

        Laravel: ``Router::loadRoutes()``.
        """
        if callable(routes):
            routes(self) if arity(routes) >= 1 else routes()
            return
        path = os.fspath(routes)
        if (
            not os.path.isabs(path)
            and self.app is not None
            and hasattr(self.app, "base_path")
        ):
            path = self.app.base_path(path)
        if not os.path.isfile(path):
            raise RoutingError(
                f"Route file [{path}] does not exist; give a path relative to the "
                "application's base path, or a callback."
            )
        import runpy

        runpy.run_path(path, run_name="__protevus_routes__")

    def has_group_stack(self) -> bool:
        """Determine if routes are being registered inside a group.

        Laravel: ``Router::hasGroupStack()``.
        """
        return bool(self._group_stack)

    def get_group_stack(self) -> list[dict[str, t.Any]]:
        """Get the attributes of the open groups (outermost first).

        Laravel: ``Router::getGroupStack()``.
        """
        return [dict(group) for group in self._group_stack]

    def get_last_group_prefix(self) -> str:
        """Get the prefix of the innermost group.

        Laravel: ``Router::getLastGroupPrefix()``.
        """
        return (
            str(self._group_stack[-1].get("prefix") or "") if self._group_stack else ""
        )

    # -- patterns --------------------------------------------------------------

    def pattern(self, key: str, pattern: str) -> None:
        """Constrain every parameter called ``key`` (unless a route says otherwise).

        Laravel: ``Router::pattern()``.
        """
        self.routes.patterns[key] = pattern
        self.routes.patterns_changed()

    def patterns(self, patterns: t.Mapping[str, str]) -> None:
        """Set several global parameter patterns.

        Laravel: ``Router::patterns()``.
        """
        for key, pattern in patterns.items():
            self.pattern(key, pattern)

    def get_patterns(self) -> dict[str, str]:
        """Get the global parameter patterns.

        Laravel: ``Router::getPatterns()``.
        """
        return dict(self.routes.patterns)

    # -- model binding ---------------------------------------------------------

    def bind(self, key: str, binder: t.Callable[..., t.Any]) -> None:
        """Register how a route parameter is turned into an object (explicit binding).

        ``binder(value)`` or ``binder(value, route)``; ``SubstituteBindings``
        applies it before implicit model binding.

        Laravel: ``Router::bind()``.
        """
        self.binders[key.replace("-", "_")] = binder

    def model(
        self, key: str, cls: type, callback: t.Callable[..., t.Any] | None = None
    ) -> None:
        """Bind a parameter to a model class, found by its route key.

        A miss calls ``callback(value)`` when given, else raises
        ``ModelNotFoundError`` (a 404).

        Laravel: ``Router::model()`` (``RouteBinding::forModel()``).
        """

        def binder(value: t.Any) -> t.Any:
            if value is None:
                return None
            found = cls().resolve_route_binding(value)
            if found is not None:
                return found
            if callback is not None:
                return callback(value)
            from protevus.database.eloquent.exceptions import ModelNotFoundError

            raise ModelNotFoundError(f"{cls.__module__}.{cls.__qualname__}")

        self.bind(key, binder)

    def get_binding_callback(self, key: str) -> t.Callable[..., t.Any] | None:
        """Get the binder of a parameter.

        Laravel: ``Router::getBindingCallback()``.
        """
        return self.binders.get(key.replace("-", "_"))

    def substitute_bindings(self, route: Route) -> Route:
        """Replace route parameters that have a binder with what the binder returns.

        Laravel: ``Router::substituteBindings()``.
        """
        if not self.binders or not route.has_parameters():
            return route
        for key, value in list(route.parameters().items()):
            binder = self.binders.get(key)
            if binder is not None and value is not None:
                route.set_parameter(
                    key, binder(value) if arity(binder) < 2 else binder(value, route)
                )
        return route

    def substitute_implicit_bindings(self, route: Route) -> Route:
        """Replace parameters the action hints with a model (or enum) by the model.

        Laravel: ``Router::substituteImplicitBindings()``.
        """
        from protevus.routing.implicit_route_binding import resolve_for_route

        if not route.has_parameters():
            return route
        custom = self._implicit_binding_callback
        if custom is None:
            resolve_for_route(self.app, route)
        else:
            custom(self.app, route, lambda: resolve_for_route(self.app, route))
        return route

    def substitute_implicit_bindings_using(
        self, callback: t.Callable[..., t.Any] | None
    ) -> Router:
        """Replace implicit binding with ``callback(container, route, default)``.

        Laravel: ``Router::substituteImplicitBindingsUsing()``.
        """
        self._implicit_binding_callback = callback
        return self

    # -- the current route -----------------------------------------------------

    def current(self) -> Route | None:
        """Get the route of the request being handled.

        Laravel: ``Router::current()``.
        """
        return self._current.get()

    def get_current_route(self) -> Route | None:
        """Get the route of the request being handled.

        Laravel: ``Router::getCurrentRoute()``.
        """
        return self._current.get()

    def current_route_name(self) -> str | None:
        """Get the name of the current route.

        Laravel: ``Router::currentRouteName()``.
        """
        route = self._current.get()
        return route.get_name() if route is not None else None

    def current_route_action(self) -> str | None:
        """Get the action name of the current route (``'module.Class@method'``).

        Laravel: ``Router::currentRouteAction()``.
        """
        route = self._current.get()
        return route.get_action_name() if route is not None else None

    def current_route_named(self, *patterns: str) -> bool:
        """Determine if the current route's name matches a pattern.

        Laravel: ``Router::currentRouteNamed()``.
        """
        route = self._current.get()
        return route is not None and route.named(*patterns)

    def is_(self, *patterns: str) -> bool:
        """Determine if the current route's name matches a pattern (``'posts.*'``).

        Laravel: ``Router::is()``.
        """
        return self.current_route_named(*patterns)

    def current_route_uses(self, action: str) -> bool:
        """Determine if the current route's action is ``action``.

        Laravel: ``Router::currentRouteUses()``.
        """
        return self.current_route_action() == action

    # -- the collection --------------------------------------------------------

    def has(self, *names: str | t.Iterable[str]) -> bool:
        """Determine if routes with all these names exist.

        Laravel: ``Router::has()``.
        """
        flat = [
            n for item in names for n in ([item] if isinstance(item, str) else item)
        ]
        return bool(flat) and all(self.routes.has_named_route(name) for name in flat)

    def get_routes(self) -> RouteCollection:
        """Get the route collection.

        Laravel: ``Router::getRoutes()``.
        """
        return self.routes

    def set_url_map(self, url_map: Map) -> None:
        """Compile the routes into ``url_map`` (Flask's) from now on."""
        self.routes.set_url_map(url_map)


def _as_list(value: t.Any) -> list[t.Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _normalise_group(attributes: _Group) -> dict[str, t.Any]:
    """Accept Laravel's attribute names and our snake_case/keyword-safe spellings."""
    normalised: dict[str, t.Any] = {}
    for key, value in attributes.items():
        if key in ("name", "as_"):
            key = "as"
        elif key in ("without_middleware", "withoutMiddleware", "excluded_middleware"):
            key = "excluded_middleware"
        if key in ("middleware", "excluded_middleware"):
            value = _as_list(value)
        normalised[key] = value
    return normalised
