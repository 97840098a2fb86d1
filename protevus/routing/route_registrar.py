"""Chained group attributes: ``Route.middleware('auth').prefix('admin').group()``.

Laravel: ``Illuminate\\Routing\\RouteRegistrar``.
"""

from __future__ import annotations

import typing as t

from protevus.routing.concerns.creates_regular_expression_route_constraints import (
    CreatesRegularExpressionRouteConstraints,
)
from protevus.routing.exceptions import RoutingError

if t.TYPE_CHECKING:
    from protevus.routing.resource_registrar import PendingResourceRegistration
    from protevus.routing.route import Route
    from protevus.routing.router import Router

_ALLOWED = frozenset(
    {
        "as",
        "controller",
        "domain",
        "middleware",
        "excluded_middleware",
        "missing",
        "prefix",
        "scope_bindings",
        "where",
    }
)
_ALIASES = {"name": "as", "as_": "as", "without_middleware": "excluded_middleware"}


class RouteRegistrar(CreatesRegularExpressionRouteConstraints):
    """Collect group attributes, then register a group, a route or a resource.

    The group has three forms::

        with Route.middleware('auth').prefix('admin').name('admin.').group():
            Route.get('/dashboard', dashboard).name('dashboard')   # admin.dashboard
        Route.prefix('admin').group(lambda: Route.get('/users', users))
        Route.middleware('web').group('routes/extra.py')           # a route file

    Laravel: ``Illuminate\\Routing\\RouteRegistrar``.
    """

    def __init__(self, router: Router) -> None:
        self._router = router
        self.attributes: dict[str, t.Any] = {}

    def attribute(self, key: str, value: t.Any) -> RouteRegistrar:
        """Set a group attribute.

        Laravel: ``RouteRegistrar::attribute()``.
        """
        key = _ALIASES.get(key, key)
        if key not in _ALLOWED:
            raise RoutingError(
                f"Attribute [{key}] does not exist; use one of: {', '.join(sorted(_ALLOWED))}."
            )
        if key in ("middleware", "excluded_middleware"):
            items = value if isinstance(value, list | tuple) else [value]
            self.attributes[key] = [*self.attributes.get(key, []), *_flatten(items)]
        elif key == "where":
            self.attributes["where"] = {**self.attributes.get("where", {}), **value}
        else:
            self.attributes[key] = value
        return self

    # -- chained attributes ----------------------------------------------------

    def middleware(self, *middleware: t.Any) -> RouteRegistrar:
        """Add middleware to the group.

        Laravel: ``RouteRegistrar::middleware()``.
        """
        return self.attribute("middleware", list(middleware))

    def without_middleware(self, *middleware: t.Any) -> RouteRegistrar:
        """Exclude middleware of an outer group.

        Laravel: ``RouteRegistrar::withoutMiddleware()``.
        """
        return self.attribute("excluded_middleware", list(middleware))

    def prefix(self, prefix: str) -> RouteRegistrar:
        """Set the URI prefix.

        Laravel: ``RouteRegistrar::prefix()``.
        """
        return self.attribute("prefix", prefix)

    def name(self, name: str) -> RouteRegistrar:
        """Set the route name prefix.

        Laravel: ``RouteRegistrar::name()``.
        """
        return self.attribute("as", name)

    def as_(self, name: str) -> RouteRegistrar:
        """Set the route name prefix (same as :meth:`name`).

        Laravel: ``RouteRegistrar::as()``.
        """
        return self.attribute("as", name)

    def domain(self, domain: str) -> RouteRegistrar:
        """Set the domain.

        Laravel: ``RouteRegistrar::domain()``.
        """
        return self.attribute("domain", domain)

    def controller(self, controller: t.Any) -> RouteRegistrar:
        """Set the controller whose methods the group's routes name.

        Laravel: ``RouteRegistrar::controller()``.
        """
        return self.attribute("controller", controller)

    def where(self, name: t.Any, expression: str = "") -> RouteRegistrar:
        """Constrain parameters of the group's routes.

        Laravel: ``RouteRegistrar::where()``.
        """
        wheres = dict(name) if isinstance(name, t.Mapping) else {name: expression}
        return self.attribute("where", wheres)

    def scope_bindings(self) -> RouteRegistrar:
        """Scope the model bindings of the group.

        Laravel: ``RouteRegistrar::scopeBindings()``.
        """
        return self.attribute("scope_bindings", True)

    # -- registering -----------------------------------------------------------

    def group(self, routes: t.Any = None) -> t.Any:
        """Register a group: a callback, a route file, or a context manager (no argument).

        Laravel: ``RouteRegistrar::group()``.
        """
        return self._router.group(self.attributes, routes)

    def _register(self, method: str, *args: t.Any) -> t.Any:
        with self._router.group(self.attributes):
            return getattr(self._router, method)(*args)

    def get(self, uri: str, action: t.Any = None) -> Route:
        """Register a ``GET`` route with these attributes.

        Laravel: ``RouteRegistrar::get()``.
        """
        return t.cast("Route", self._register("get", uri, action))

    def post(self, uri: str, action: t.Any = None) -> Route:
        """Register a ``POST`` route with these attributes."""
        return t.cast("Route", self._register("post", uri, action))

    def put(self, uri: str, action: t.Any = None) -> Route:
        """Register a ``PUT`` route with these attributes."""
        return t.cast("Route", self._register("put", uri, action))

    def patch(self, uri: str, action: t.Any = None) -> Route:
        """Register a ``PATCH`` route with these attributes."""
        return t.cast("Route", self._register("patch", uri, action))

    def delete(self, uri: str, action: t.Any = None) -> Route:
        """Register a ``DELETE`` route with these attributes."""
        return t.cast("Route", self._register("delete", uri, action))

    def options(self, uri: str, action: t.Any = None) -> Route:
        """Register an ``OPTIONS`` route with these attributes."""
        return t.cast("Route", self._register("options", uri, action))

    def any(self, uri: str, action: t.Any = None) -> Route:
        """Register a route for every verb with these attributes."""
        return t.cast("Route", self._register("any", uri, action))

    def match(self, methods: t.Any, uri: str, action: t.Any = None) -> Route:
        """Register a route for some verbs with these attributes.

        Laravel: ``RouteRegistrar::match()``.
        """
        return t.cast("Route", self._register("match", methods, uri, action))

    def resource(
        self, name: str, controller: t.Any, options: t.Mapping[str, t.Any] | None = None
    ) -> PendingResourceRegistration:
        """Register a resource controller with these attributes.

        Laravel: ``RouteRegistrar::resource()``.
        """
        return t.cast(
            "PendingResourceRegistration",
            self._register("resource", name, controller, options),
        )

    def api_resource(
        self, name: str, controller: t.Any, options: t.Mapping[str, t.Any] | None = None
    ) -> PendingResourceRegistration:
        """Register an API resource controller with these attributes.

        Laravel: ``RouteRegistrar::apiResource()``.
        """
        return t.cast(
            "PendingResourceRegistration",
            self._register("api_resource", name, controller, options),
        )


def _flatten(items: t.Iterable[t.Any]) -> list[t.Any]:
    out: list[t.Any] = []
    for item in items:
        if isinstance(item, list | tuple):
            out.extend(_flatten(item))
        else:
            out.append(item)
    return out
