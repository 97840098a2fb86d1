"""Register routes: verbs, redirects, views, fallbacks, resources, registrar shortcuts.

Laravel: the registration half of ``Illuminate\\Routing\\Router``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.routing.resource_registrar import PendingResourceRegistration
    from protevus.routing.route import Route
    from protevus.routing.route_registrar import RouteRegistrar

_Action = t.Any
VERBS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


class RegistersRoutes(CamelAliases):
    """Add routes for HTTP verbs and Laravel's route shortcuts.

    Laravel: ``Router::get()``, ``post()``... ``redirect()``, ``view()``,
    ``fallback()``, ``resource()``, ``apiResource()``.
    """

    app: t.Any

    if t.TYPE_CHECKING:

        def add_route(
            self, methods: str | t.Iterable[str], uri: str, action: _Action
        ) -> Route: ...

    # -- verbs -----------------------------------------------------------------

    def get(self, uri: str, action: _Action = None) -> Route:
        """Register a ``GET`` (and ``HEAD``) route.

        Laravel: ``Router::get()``.
        """
        return self.add_route(["GET", "HEAD"], uri, action)

    def post(self, uri: str, action: _Action = None) -> Route:
        """Register a ``POST`` route.

        Laravel: ``Router::post()``.
        """
        return self.add_route("POST", uri, action)

    def put(self, uri: str, action: _Action = None) -> Route:
        """Register a ``PUT`` route.

        Laravel: ``Router::put()``.
        """
        return self.add_route("PUT", uri, action)

    def patch(self, uri: str, action: _Action = None) -> Route:
        """Register a ``PATCH`` route.

        Laravel: ``Router::patch()``.
        """
        return self.add_route("PATCH", uri, action)

    def delete(self, uri: str, action: _Action = None) -> Route:
        """Register a ``DELETE`` route.

        Laravel: ``Router::delete()``.
        """
        return self.add_route("DELETE", uri, action)

    def options(self, uri: str, action: _Action = None) -> Route:
        """Register an ``OPTIONS`` route.

        Laravel: ``Router::options()``.
        """
        return self.add_route("OPTIONS", uri, action)

    def any(self, uri: str, action: _Action = None) -> Route:
        """Register a route answering every verb.

        Laravel: ``Router::any()``.
        """
        return self.add_route(VERBS, uri, action)

    def match(
        self, methods: str | t.Iterable[str], uri: str, action: _Action = None
    ) -> Route:
        """Register a route answering the given verbs.

        Laravel: ``Router::match()``.
        """
        names = [methods] if isinstance(methods, str) else list(methods)
        return self.add_route([m.upper() for m in names], uri, action)

    # -- shortcuts -------------------------------------------------------------

    def redirect(self, uri: str, destination: str, status: int = 302) -> Route:
        """Register a route that redirects to ``destination``.

        Laravel: ``Router::redirect()``.
        """
        from protevus.routing.redirect_controller import RedirectController

        return (
            self.any(uri, RedirectController)
            .defaults("destination", destination)
            .defaults("status", status)
        )

    def permanent_redirect(self, uri: str, destination: str) -> Route:
        """Register a route that redirects to ``destination`` with 301.

        Laravel: ``Router::permanentRedirect()``.
        """
        return self.redirect(uri, destination, 301)

    def view(
        self,
        uri: str,
        view: str,
        data: t.Mapping[str, t.Any] | None = None,
        status: int = 200,
        headers: t.Mapping[str, str] | None = None,
    ) -> Route:
        """Register a route that renders a view (needs the ``view`` service).

        Laravel: ``Router::view()``.
        """
        from protevus.routing.view_controller import ViewController

        return (
            self.match(["GET", "HEAD"], uri, ViewController)
            .defaults("view", view)
            .defaults("data", dict(data or {}))
            .defaults("status", status)
            .defaults("headers", dict(headers or {}))
        )

    def fallback(self, action: _Action) -> Route:
        """Register the route matched when no other route matches (``GET``).

        Laravel: ``Router::fallback()``.
        """
        placeholder = "fallbackPlaceholder"
        return (
            self.add_route(["GET", "HEAD"], f"{{{placeholder}}}", action)
            .where(placeholder, ".*")
            .fallback()
        )

    # -- resources -------------------------------------------------------------

    def resource(
        self, name: str, controller: t.Any, options: t.Mapping[str, t.Any] | None = None
    ) -> PendingResourceRegistration:
        """Register the seven resource routes of ``controller``.

        Laravel: ``Router::resource()``.
        """
        from protevus.routing.resource_registrar import PendingResourceRegistration

        return PendingResourceRegistration(
            t.cast(t.Any, self), name, controller, dict(options or {})
        )

    def resources(
        self,
        resources: t.Mapping[str, t.Any],
        options: t.Mapping[str, t.Any] | None = None,
    ) -> None:
        """Register several resource controllers (``{'photos': PhotoController}``).

        Laravel: ``Router::resources()``.
        """
        for name, controller in resources.items():
            self.resource(name, controller, options)

    def api_resource(
        self, name: str, controller: t.Any, options: t.Mapping[str, t.Any] | None = None
    ) -> PendingResourceRegistration:
        """Register the five API resource routes (no ``create``/``edit``).

        Laravel: ``Router::apiResource()``.
        """
        merged = dict(options or {})
        if "except_" in merged:
            merged["except"] = merged.pop("except_")
        merged = {"only": ["index", "show", "store", "update", "destroy"], **merged}
        return self.resource(name, controller, merged)

    def api_resources(
        self,
        resources: t.Mapping[str, t.Any],
        options: t.Mapping[str, t.Any] | None = None,
    ) -> None:
        """Register several API resource controllers.

        Laravel: ``Router::apiResources()``.
        """
        for name, controller in resources.items():
            self.api_resource(name, controller, options)

    # -- route registrar shortcuts (Laravel: Router::__call) -------------------

    def _registrar(self, key: str, value: t.Any) -> RouteRegistrar:
        from protevus.routing.route_registrar import RouteRegistrar

        return RouteRegistrar(t.cast(t.Any, self)).attribute(key, value)

    def middleware(self, *middleware: t.Any) -> RouteRegistrar:
        """Start a group or route with middleware: ``Route.middleware('auth').group()``.

        Laravel: ``Router::middleware()`` (through ``RouteRegistrar``).
        """
        return self._registrar("middleware", list(middleware))

    def without_middleware(self, *middleware: t.Any) -> RouteRegistrar:
        """Start a group or route without some middleware of the outer group.

        Laravel: ``Router::withoutMiddleware()``.
        """
        return self._registrar("without_middleware", list(middleware))

    def prefix(self, prefix: str) -> RouteRegistrar:
        """Start a group or route under a URI prefix.

        Laravel: ``Router::prefix()``.
        """
        return self._registrar("prefix", prefix)

    def name(self, name: str) -> RouteRegistrar:
        """Start a group or route with a route name prefix (``'admin.'``).

        Laravel: ``Router::name()``.
        """
        return self._registrar("as", name)

    def as_(self, name: str) -> RouteRegistrar:
        """Start a group or route with a route name prefix (same as :meth:`name`).

        Laravel: ``Router::as()``.
        """
        return self._registrar("as", name)

    def domain(self, domain: str) -> RouteRegistrar:
        """Start a group or route on a domain (``'{account}.example.com'``).

        Laravel: ``Router::domain()``.
        """
        return self._registrar("domain", domain)

    def controller(self, controller: t.Any) -> RouteRegistrar:
        """Start a group whose routes name methods of ``controller``.

        Laravel: ``Router::controller()``.
        """
        return self._registrar("controller", controller)

    def where(
        self, name: str | t.Mapping[str, str], expression: str = ""
    ) -> RouteRegistrar:
        """Start a group or route with parameter constraints.

        Laravel: ``Router::where()``.
        """
        wheres = dict(name) if isinstance(name, t.Mapping) else {name: expression}
        return self._registrar("where", wheres)

    def scope_bindings(self) -> RouteRegistrar:
        """Start a group whose model bindings are scoped (used by model binding).

        Laravel: ``Router::scopeBindings()``.
        """
        return self._registrar("scope_bindings", True)
