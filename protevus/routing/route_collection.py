"""The routes of an application, compiled into a Werkzeug URL map.

Laravel: ``Illuminate\\Routing\\RouteCollection``.
"""

from __future__ import annotations

import threading
import typing as t

from protevus.routing.route_compiler import ENDPOINT_PREFIX
from protevus.routing.route_compiler import RouteCompiler
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from werkzeug.routing import Map
    from werkzeug.routing import Rule

    from protevus.routing.route import Route

VERBS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


class RouteCollection(CamelAliases):
    """Hold the routes, find them by name or action, and keep the URL map in sync.

    Routes are compiled into the Werkzeug map lazily: the map's ``update()`` (which
    Werkzeug calls before every match or build) first adds the routes registered
    since, so chained calls such as ``.where()`` and ``.name()`` are seen.

    Laravel: ``Illuminate\\Routing\\RouteCollection``.
    """

    def __init__(self, url_map: Map | None = None) -> None:
        self._routes: list[Route] = []
        self._rules: dict[Route, list[Rule]] = {}
        self._pending: list[Route] = []
        self._rebuild = False
        self._dirty = False
        self._names: dict[str, Route] | None = None
        self._actions: dict[str, Route] | None = None
        self._lock = threading.RLock()
        self.patterns: dict[str, str] = {}
        self._map: Map | None = None
        self._compiler: RouteCompiler | None = None
        self._map_update: t.Callable[[], None] | None = None
        if url_map is not None:
            self.set_url_map(url_map)

    # -- the URL map -----------------------------------------------------------

    def set_url_map(self, url_map: Map) -> None:
        """Compile into ``url_map`` (Flask's ``app.url_map``) from now on."""
        self._map = url_map
        self._compiler = RouteCompiler(url_map)
        self._map_update = type(url_map).update.__get__(url_map)
        collection = self

        def update() -> None:
            if collection._dirty:
                collection.compile()
            collection._map_update()  # type: ignore[misc]  # set just above

        url_map.update = update  # type: ignore[method-assign]
        self._pending = list(self._routes)
        self._rules = {}
        self._dirty = bool(self._pending)

    def get_url_map(self) -> Map:
        """Get the Werkzeug map, creating a private one when none was given."""
        if self._map is None:
            from werkzeug.routing import Map

            self.set_url_map(Map())
        return t.cast("Map", self._map)

    def compile(self) -> None:
        """Add new routes to the URL map (rebuilding it when routes changed)."""
        url_map = self.get_url_map()
        compiler = t.cast(RouteCompiler, self._compiler)
        with self._lock:
            if self._rebuild:
                self._clear_map(url_map)
                self._pending = list(self._routes)
                self._rules = {}
                self._rebuild = False
            regular = [r for r in self._pending if not r.is_fallback]
            fallback = [r for r in self._pending if r.is_fallback]
            for route in [*regular, *fallback]:
                rules = compiler.compile(route, self.patterns)
                for rule in rules:
                    url_map.add(rule)
                self._rules[route] = rules
            self._pending = []
            self._dirty = False

    def _clear_map(self, url_map: Map) -> None:
        from werkzeug.routing.matcher import StateMachineMatcher

        kept = {
            endpoint: rules
            for endpoint, rules in url_map._rules_by_endpoint.items()
            if not (isinstance(endpoint, str) and endpoint.startswith(ENDPOINT_PREFIX))
        }
        url_map._rules_by_endpoint = kept
        url_map._matcher = StateMachineMatcher(url_map.merge_slashes)
        for rules in kept.values():
            for rule in rules:
                if not rule.build_only:
                    url_map._matcher.add(rule)
        url_map._remap = True

    # -- adding and removing ---------------------------------------------------

    def add(self, route: Route) -> Route:
        """Add a route.

        Laravel: ``RouteCollection::add()``.
        """
        with self._lock:
            self._routes.append(route)
            self._pending.append(route)
            self._dirty = True
            self._names = self._actions = None
        return route

    def remove(self, route: Route) -> None:
        """Remove a route (resource registrations use it for ``only``/``except_``)."""
        with self._lock:
            self._routes.remove(route)
            if route in self._pending:
                self._pending.remove(route)
            if route in self._rules:
                self._rebuild = True
            self._dirty = bool(self._pending) or self._rebuild
            self._names = self._actions = None

    def route_changed(
        self, route: Route, rules: bool = False, names: bool = False
    ) -> None:
        """Note that a route changed after it was added (called by the route)."""
        if names:
            self._names = self._actions = None
        if rules and route in self._rules:
            self._rebuild = self._dirty = True

    def patterns_changed(self) -> None:
        """Recompile compiled routes after a global pattern was added."""
        if self._rules:
            self._rebuild = self._dirty = True

    # -- lookups ---------------------------------------------------------------

    def __iter__(self) -> t.Iterator[Route]:
        return iter(list(self._routes))

    def __len__(self) -> int:
        return len(self._routes)

    def count(self) -> int:
        """Count the routes.

        Laravel: ``RouteCollection::count()``.
        """
        return len(self._routes)

    def get_routes(self) -> list[Route]:
        """Get every route, in registration order.

        Laravel: ``RouteCollection::getRoutes()``.
        """
        return list(self._routes)

    def get_routes_by_method(self) -> dict[str, dict[str, Route]]:
        """Get the routes grouped by method, then keyed by URI.

        Laravel: ``RouteCollection::getRoutesByMethod()``.
        """
        grouped: dict[str, dict[str, Route]] = {}
        for route in self._routes:
            for method in route.methods():
                grouped.setdefault(method, {})[
                    (route.get_domain() or "") + route.uri()
                ] = route
        return grouped

    def get_routes_by_name(self) -> dict[str, Route]:
        """Get the named routes keyed by name (the last one wins, as in Laravel).

        Laravel: ``RouteCollection::getRoutesByName()``.
        """
        if self._names is None:
            names: dict[str, Route] = {}
            for route in self._routes:
                name = route.get_name()
                if name:
                    names[name] = route
            self._names = names
        return dict(self._names)

    def get_by_name(self, name: str) -> Route | None:
        """Get the route called ``name``, or ``None``.

        Laravel: ``RouteCollection::getByName()``.
        """
        if self._names is None:
            self.get_routes_by_name()
        return t.cast(dict, self._names).get(name)

    def has_named_route(self, name: str) -> bool:
        """Determine if a route is called ``name``.

        Laravel: ``RouteCollection::hasNamedRoute()``.
        """
        return self.get_by_name(name) is not None

    def get_by_action(self, action: t.Any) -> Route | None:
        """Get the route whose action is ``action`` (``'module.Class@method'`` or ``[Class, 'method']``).

        Laravel: ``RouteCollection::getByAction()``.
        """
        from protevus.routing.route_action import action_label

        label = (
            action
            if isinstance(action, str) and "@" in action
            else action_label(action)
        )
        if self._actions is None:
            actions: dict[str, Route] = {}
            for route in self._routes:
                controller = route.get_action("controller")
                if controller and controller not in actions:
                    actions[controller] = route
            self._actions = actions
        return self._actions.get(label) if label else None

    def match(self, request: t.Any) -> Route:
        """Find the route matching ``request`` and bind its parameters.

        Raises ``NotFoundHttpException`` / ``MethodNotAllowedHttpException``.

        Laravel: ``RouteCollection::match()``.
        """
        from protevus.routing.route_matching import match_request

        return match_request(self, request)
