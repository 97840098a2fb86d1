"""A middleware declared by a controller, limited to some of its methods.

Laravel: ``Illuminate\\Routing\\Controllers\\Middleware``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class Middleware(CamelAliases):
    """Declare a controller middleware for some methods only (or all but some)::

        class PhotoController(Controller):
            middleware = [
                'auth',
                Middleware('log', only=['index']),
                Middleware('subscribed').except_('store'),
            ]

    Laravel: ``Illuminate\\Routing\\Controllers\\Middleware``.
    """

    def __init__(
        self,
        middleware: t.Any,
        only: str | t.Iterable[str] | None = None,
        except_: str | t.Iterable[str] | None = None,
    ) -> None:
        self.middleware = middleware
        self.options: dict[str, list[str]] = {}
        if only is not None:
            self.only(only)
        if except_ is not None:
            self.except_(except_)

    def only(self, *methods: str | t.Iterable[str]) -> Middleware:
        """Apply the middleware only to these methods.

        Laravel: ``Middleware::only()``.
        """
        self.options["only"] = _names(methods)
        return self

    def except_(self, *methods: str | t.Iterable[str]) -> Middleware:
        """Apply the middleware to every method but these.

        Laravel: ``Middleware::except()``.
        """
        self.options["except"] = _names(methods)
        return self

    def applies_to(self, method: str) -> bool:
        """Determine if the middleware applies to controller method ``method``.

        Laravel: ``Controller::getMiddleware()`` filtering / ``methodExcludedByOptions()``.
        """
        only = self.options.get("only")
        if only is not None and method not in only:
            return False
        return method not in self.options.get("except", [])

    def __repr__(self) -> str:
        return f"Middleware({self.middleware!r}, {self.options!r})"


def _names(methods: tuple[str | t.Iterable[str], ...]) -> list[str]:
    names: list[str] = []
    for item in methods:
        names.extend([item] if isinstance(item, str) else list(item))
    return names
