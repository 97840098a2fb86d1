"""Errors raised by the router and the URL generator.

Laravel: ``Illuminate\\Routing\\Exceptions`` and ``Symfony\\Component\\Routing\\Exception``.
"""

from __future__ import annotations

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ProtevusError


class RoutingError(ProtevusError):
    """Signal a misuse of the router (a bad action, group or middleware).

    Laravel: ``LogicException`` / ``UnexpectedValueException`` thrown by the router.
    """


class RouteNotFoundError(InvalidArgumentError):
    """Signal that no route carries the requested name.

    Laravel: ``Symfony\\Component\\Routing\\Exception\\RouteNotFoundException``.
    """


class UrlGenerationError(ProtevusError):
    """Signal that a URL cannot be generated (a required parameter is missing).

    Laravel: ``Illuminate\\Routing\\Exceptions\\UrlGenerationException``.
    """


class MissingControllerActionError(RoutingError):
    """Signal a route action naming a controller method that does not exist.

    Laravel: ``BadMethodCallException`` from ``Controller::__call()``.
    """
