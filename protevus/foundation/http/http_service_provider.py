"""Bind the HTTP kernel and load the route files named by ``with_routing``.

Laravel: the HTTP half of ``Illuminate\\Foundation\\Configuration\\ApplicationBuilder``
(``withRouting()``, ``withMiddleware()``) and
``Illuminate\\Foundation\\Support\\Providers\\RouteServiceProvider``.

Importing this module stays cheap (no Flask): artisan imports it on every run.
"""

from __future__ import annotations

import contextlib
import inspect
import typing as t

from protevus.foundation.configuration.middleware import Middleware
from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.foundation.http.kernel import Kernel

_HEALTH_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Application up</title>
<style>body{display:flex;align-items:center;justify-content:center;height:100vh;margin:0;
font-family:ui-sans-serif,system-ui,sans-serif;background:#f7fafc;color:#1f2937}</style></head>
<body><h1>Application up</h1></body>
</html>
"""


class HttpServiceProvider(ServiceProvider):
    """Register ``'http.kernel'`` and the middleware registrar; load the routes.

    The route files are loaded the first time the router is needed after boot
    (the first request, ``route:list``, ``url.route()``...), so console commands
    that never touch HTTP do not import the controllers, Flask or Werkzeug.

    Laravel: ``ApplicationBuilder::withRouting()`` / ``withMiddleware()``.
    """

    def register(self) -> None:
        """Bind the registrar (configured by ``with_middleware`` callbacks) and the kernel."""
        self.app.singleton(Middleware, self._make_registrar)
        self.app.singleton("http.kernel", self._make_kernel)
        self._routes_loaded_into: t.Any = None

    def boot(self) -> None:
        """Load the route files once the application has booted and the router is used."""
        self.app.booted(self._load_routes_when_needed)

    def _make_registrar(self, app: t.Any) -> Middleware:
        middleware = Middleware()
        for callback in app.middleware_callbacks:
            callback(middleware)
        return middleware

    def _make_kernel(self, app: t.Any) -> Kernel:
        from protevus.foundation.http.kernel import Kernel

        router = app.make("router")
        router.set_url_map(app.flask.url_map)
        return Kernel(app, router).configure(app.make(Middleware))

    def _load_routes_when_needed(self) -> None:
        # ``extend`` runs now when the router exists, else when it is built: no
        # resolving callback, which every later container build would pay for.
        if self.app.bound("router"):
            self.app.extend("router", self._with_routes)

    def _with_routes(self, router: t.Any, app: t.Any) -> t.Any:
        # Route files use the Route facade: the router must be the shared
        # instance before they run.
        app.instance("router", router)
        self.load_routes(router)
        return router

    def load_routes(self, router: t.Any = None) -> None:
        """Load ``with_routing``'s files: web (``web`` group), api (``api`` group, prefixed), health, then.

        Runs once per router. The router learns the groups and aliases first, so
        that ``route:list`` can show them without building the HTTP kernel.

        Laravel: ``ApplicationBuilder::buildRoutingCallback()``.
        """
        router = router if router is not None else self.app.make("router")
        if self._routes_loaded_into is router:
            return
        self._routes_loaded_into = router
        from protevus.foundation.http.kernel import sync_middleware_to_router

        sync_middleware_to_router(router, self.app.make(Middleware))
        with _as_current(self.app):
            self._load(router)

    def _load(self, router: t.Any) -> None:
        routing = self.app.routing
        using = routing.get("using")
        if using is not None:
            self._call_with_app(using)
        else:
            self._load_group(
                router, routing.get("api"), "api", routing.get("api_prefix")
            )
            health = routing.get("health")
            if health:
                router.get(health, _health)
            self._load_group(router, routing.get("web"), "web", None)
        then = routing.get("then")
        if then is not None:
            self._call_with_app(then)

    def _call_with_app(self, callback: t.Callable[..., t.Any]) -> None:
        # Laravel hands these callbacks the application.
        try:
            takes_app = bool(inspect.signature(callback).parameters)
        except (TypeError, ValueError):
            takes_app = False
        if takes_app:
            callback(self.app)
        else:
            callback()

    @staticmethod
    def _load_group(
        router: t.Any, files: t.Any, group: str, prefix: str | None
    ) -> None:
        if not files:
            return
        for each in files if isinstance(files, list | tuple) else [files]:
            registrar = router.middleware(group)
            if prefix:
                registrar = registrar.prefix(prefix)
            registrar.group(each)


@contextlib.contextmanager
def _as_current(app: t.Any) -> t.Iterator[None]:
    """Point facades and ``app()`` at ``app`` while its route files run.

    Routes load lazily, possibly after another application was created (tests):
    the files' ``Route.get(...)`` must still reach this application's router.
    """
    from protevus.container.container import Container
    from protevus.support.facades.facade import Facade

    previous_facade_app = Facade.get_facade_application()
    previous_container = Container.get_instance()
    if previous_facade_app is app and previous_container is app:
        yield
        return
    Facade.set_facade_application(app)
    Facade.clear_resolved_instances()
    Container.set_instance(app)
    try:
        yield
    finally:
        Facade.set_facade_application(previous_facade_app)
        Facade.clear_resolved_instances()
        Container.set_instance(previous_container)


def _health() -> t.Any:
    """Answer the health route (``with_routing(health='/up')``): 200 when the app boots.

    Laravel: the ``/up`` route of ``withRouting(health: '/up')``.
    """
    from flask import request

    from protevus.http.response import JsonResponse
    from protevus.http.response import Response

    expects_json = getattr(request, "expects_json", None)
    if callable(expects_json) and expects_json():
        return JsonResponse({"status": "up"})
    return Response(_HEALTH_PAGE, 200, content_type="text/html; charset=utf-8")
