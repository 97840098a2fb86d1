"""Replace route parameters with the objects their binders (or type hints) give.

Laravel: ``Illuminate\\Routing\\Middleware\\SubstituteBindings``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class SubstituteBindings(CamelAliases):
    """Apply explicit bindings (``Route.bind``/``Route.model``), then implicit model binding.

    In the ``web`` and ``api`` middleware groups. A model that is not found
    answers 404 (``No query results for model [app.models.Post] 7``), or what
    the route's ``missing(callback)`` returns.

    Laravel: ``Illuminate\\Routing\\Middleware\\SubstituteBindings``.
    """

    def __init__(self, router: t.Any = None) -> None:
        self.router = router

    def handle(self, request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        """Substitute the bindings, then pass the request on.

        Laravel: ``SubstituteBindings::handle()``.
        """
        router = self.router
        route = request.route() if callable(getattr(request, "route", None)) else None
        if router is not None and route is not None and route.has_parameters():
            try:
                router.substitute_bindings(route)
                router.substitute_implicit_bindings(route)
            except Exception as error:
                if not _is_model_not_found(error):
                    raise
                missing = route.get_missing()
                if missing is not None:
                    return missing(request, error)
                raise _not_found(error) from error
        return next(request)


def _is_model_not_found(error: Exception) -> bool:
    # Looked up by name so routing does not import Eloquent for every request.
    return any(klass.__name__ == "ModelNotFoundError" for klass in type(error).__mro__)


def _not_found(error: Exception) -> Exception:
    """Turn a missing model into the 404 Laravel's exception handler makes of it."""
    from protevus.http.exceptions import NotFoundHttpException

    return NotFoundHttpException(str(error))
