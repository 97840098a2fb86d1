"""The base controller.

Laravel: ``Illuminate\\Routing\\Controller`` (and ``App\\Http\\Controllers\\Controller``).
"""

from __future__ import annotations

import inspect
import typing as t

from protevus.routing.controllers.middleware import Middleware
from protevus.support.aliases import CamelAliases


class Controller(CamelAliases):
    """Group request handling in a class; the container builds it for each request.

    Declare middleware as a class attribute (names, classes, or
    :class:`~protevus.routing.controllers.middleware.Middleware` objects with
    ``only``/``except_``), or as a static/class method ``middleware()`` returning
    that list::

        class PhotoController(Controller):
            middleware = ['auth', Middleware('log', only=['index'])]

            def __init__(self, photos: PhotoRepository):    # constructor injection
                self.photos = photos

            def show(self, request: Request, photo):       # method injection + {photo}
                ...

    Laravel: ``Illuminate\\Routing\\Controller``.
    """

    middleware: t.ClassVar[t.Any] = []

    def call_action(
        self,
        method: str,
        parameters: t.Sequence[t.Any],
        named: t.Mapping[str, t.Any] | None = None,
    ) -> t.Any:
        """Call controller method ``method`` with the resolved arguments.

        Override it to wrap every action of the controller.

        Laravel: ``Controller::callAction()``.
        """
        return getattr(self, method)(*parameters, **(named or {}))

    def authorize(self, ability: str, arguments: t.Any = None) -> t.Any:
        """Authorize the current user for ``ability`` through the ``'gate'`` service.

        ``self.authorize('update', post)`` returns the gate's allowing response or
        raises ``AuthorizationException`` (rendered as a 403).

        Laravel: ``AuthorizesRequests::authorize()``.
        """
        from protevus.container.container import Container

        return Container.get_instance().make("gate").authorize(ability, arguments)

    def authorize_for_user(
        self, user: t.Any, ability: str, arguments: t.Any = None
    ) -> t.Any:
        """Authorize ``user`` (not the logged-in one) for ``ability``.

        Laravel: ``AuthorizesRequests::authorizeForUser()``.
        """
        from protevus.container.container import Container

        gate = Container.get_instance().make("gate")
        return gate.for_user(user).authorize(ability, arguments)

    @classmethod
    def get_middleware(cls) -> list[dict[str, t.Any]]:
        """Get the declared middleware as ``{'middleware': m, 'options': {...}}`` rows.

        Laravel: ``Controller::getMiddleware()``.
        """
        rows = []
        for item in _declared(cls):
            if isinstance(item, Middleware):
                rows.append(
                    {"middleware": item.middleware, "options": dict(item.options)}
                )
            else:
                rows.append({"middleware": item, "options": {}})
        return rows


def controller_middleware(controller: t.Any, method: str) -> list[t.Any]:
    """Get the middleware a controller (class or instance) declares for ``method``.

    Laravel: ``ControllerDispatcher::getMiddleware()``.
    """
    cls = controller if inspect.isclass(controller) else type(controller)
    gathered = []
    for item in _declared(cls):
        if isinstance(item, Middleware):
            if item.applies_to(method):
                gathered.append(item.middleware)
        else:
            gathered.append(item)
    return gathered


def _declared(cls: type) -> list[t.Any]:
    declared = inspect.getattr_static(cls, "middleware", None)
    if declared is None:
        return []
    if isinstance(declared, staticmethod | classmethod):
        declared = t.cast(t.Any, cls).middleware()
    if declared is None:
        return []
    if isinstance(declared, str | Middleware) or not isinstance(declared, t.Iterable):
        return [declared]
    return list(declared)
