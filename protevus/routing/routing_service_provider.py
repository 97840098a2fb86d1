"""Register the router, URL generator, redirector and response factory.

Laravel: ``Illuminate\\Routing\\RoutingServiceProvider``. Imports stay light
(no Flask) so ``python artisan.py --help`` does not pay for them.
"""

from __future__ import annotations

import typing as t

from protevus.routing.redirector import Redirector
from protevus.routing.response_factory import ResponseFactory
from protevus.routing.router import Router
from protevus.routing.url_generator import UrlGenerator
from protevus.support.service_provider import ServiceProvider


class RoutingServiceProvider(ServiceProvider):
    """Bind ``router``, ``url``, ``redirect``, ``response`` and ``request``.

    Laravel: ``Illuminate\\Routing\\RoutingServiceProvider``.
    """

    def register(self) -> None:
        """Register the routing services.

        Laravel: ``RoutingServiceProvider::register()``.
        """
        app = self.app
        app.singleton("router", _router)
        app.singleton(
            "url", lambda app: UrlGenerator(app.make("router").get_routes(), app)
        )
        app.singleton("redirect", lambda app: Redirector(app.make("url")))
        app.singleton(
            "response", lambda app: ResponseFactory(app.make("redirect"), app)
        )
        app.bind("request", _current_request)
        for key, cls in (
            ("router", Router),
            ("url", UrlGenerator),
            ("redirect", Redirector),
            ("response", ResponseFactory),
        ):
            app.alias(key, cls)
        # Stateless (it only holds the router): one instance serves every request,
        # so the route middleware stack does not rebuild it per request. Bound by
        # class too: the middleware groups hold the class, and autowiring it
        # would leave it without the router (explicit bindings never applied).
        from protevus.routing.middleware.substitute_bindings import SubstituteBindings

        app.singleton(SubstituteBindings, _substitute_bindings)
        app.singleton(_SUBSTITUTE_BINDINGS, _substitute_bindings)
        from protevus.routing.console.route_list import route_list

        self.commands(route_list)


def _router(app: t.Any) -> Router:
    """Build the router on the application's Flask URL map when it has one."""
    url_map = None
    if isinstance(getattr(type(app), "flask", None), property):
        url_map = app.flask.url_map
    return Router(app, url_map)


def _current_request(app: t.Any) -> t.Any:
    """Return the request being handled (Flask's current request)."""
    import flask

    if not flask.has_request_context():
        from protevus.routing.exceptions import RoutingError

        raise RoutingError(
            "There is no current request: [request] can only be resolved while a "
            "request is handled (inside a route, middleware or test client call)."
        )
    return flask.request._get_current_object()  # type: ignore[attr-defined]


_SUBSTITUTE_BINDINGS = (
    "protevus.routing.middleware.substitute_bindings.SubstituteBindings"
)


def _substitute_bindings(app: t.Any) -> t.Any:
    from protevus.routing.middleware.substitute_bindings import SubstituteBindings

    return SubstituteBindings(app.make("router"))
