"""Replace route parameters with the objects their binders return.

Laravel: ``Illuminate\\Routing\\Middleware\\SubstituteBindings``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class SubstituteBindings(CamelAliases):
    """Apply the router's explicit bindings (``Route.bind('user', fn)``) to the route.

    Implicit model binding (``post: Post``) hooks in here when Eloquent arrives.

    Laravel: ``Illuminate\\Routing\\Middleware\\SubstituteBindings``.
    """

    def __init__(self, router: t.Any = None) -> None:
        self.router = router

    def handle(self, request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        """Substitute the bindings, then pass the request on.

        Laravel: ``SubstituteBindings::handle()``.
        """
        router = self.router
        if router is not None and router.binders:
            route = (
                request.route() if callable(getattr(request, "route", None)) else None
            )
            if route is not None:
                router.substitute_bindings(route)
        return next(request)
