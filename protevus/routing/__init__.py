"""Routing: the router, routes, controllers, URL generation, redirects, responses.

Laravel: ``Illuminate\\Routing``.
"""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.routing.controller import Controller as Controller
    from protevus.routing.controllers.middleware import Middleware as Middleware
    from protevus.routing.exceptions import (
        MissingControllerActionError as MissingControllerActionError,
    )
    from protevus.routing.exceptions import RouteNotFoundError as RouteNotFoundError
    from protevus.routing.exceptions import RoutingError as RoutingError
    from protevus.routing.exceptions import UrlGenerationError as UrlGenerationError
    from protevus.routing.redirector import Redirector as Redirector
    from protevus.routing.resource_registrar import (
        PendingResourceRegistration as PendingResourceRegistration,
    )
    from protevus.routing.resource_registrar import (
        ResourceRegistrar as ResourceRegistrar,
    )
    from protevus.routing.response_factory import ResponseFactory as ResponseFactory
    from protevus.routing.route import Route as Route
    from protevus.routing.route_collection import RouteCollection as RouteCollection
    from protevus.routing.route_registrar import RouteRegistrar as RouteRegistrar
    from protevus.routing.router import Router as Router
    from protevus.routing.url_generator import UrlGenerator as UrlGenerator

__getattr__ = lazy_exports(
    __name__,
    {
        "Controller": "protevus.routing.controller",
        "Middleware": "protevus.routing.controllers.middleware",
        "MissingControllerActionError": "protevus.routing.exceptions",
        "RouteNotFoundError": "protevus.routing.exceptions",
        "RoutingError": "protevus.routing.exceptions",
        "UrlGenerationError": "protevus.routing.exceptions",
        "Redirector": "protevus.routing.redirector",
        "PendingResourceRegistration": "protevus.routing.resource_registrar",
        "ResourceRegistrar": "protevus.routing.resource_registrar",
        "ResponseFactory": "protevus.routing.response_factory",
        "Route": "protevus.routing.route",
        "RouteCollection": "protevus.routing.route_collection",
        "RouteRegistrar": "protevus.routing.route_registrar",
        "Router": "protevus.routing.router",
        "UrlGenerator": "protevus.routing.url_generator",
    },
)
