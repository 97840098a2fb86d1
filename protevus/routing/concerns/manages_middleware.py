"""Middleware aliases, groups and priority of the router.

Laravel: the middleware half of ``Illuminate\\Routing\\Router``.
"""

from __future__ import annotations

import typing as t

from protevus.container._reflection import import_class
from protevus.routing.exceptions import RoutingError
from protevus.routing.middleware_name_resolver import MiddlewareNameResolver
from protevus.routing.middleware_name_resolver import Resolved
from protevus.routing.sorted_middleware import SortedMiddleware
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.routing.route import Route


class ManagesMiddleware(CamelAliases):
    """Register middleware aliases and groups, and resolve a route's middleware.

    Laravel: ``Router::aliasMiddleware()``, ``middlewareGroup()``,
    ``gatherRouteMiddleware()``, ``$middlewarePriority``.
    """

    app: t.Any
    _middleware_aliases: dict[str, t.Any]
    _middleware_groups: dict[str, list[t.Any]]
    _middleware_priority: list[t.Any]
    _generation: int

    # -- configuration ---------------------------------------------------------

    def alias_middleware(self, name: str, middleware: t.Any) -> t.Any:
        """Give a middleware a short name (``'auth'``) usable in routes.

        Laravel: ``Router::aliasMiddleware()``.
        """
        self._middleware_aliases[name] = middleware
        self._generation += 1
        return self

    def get_middleware(self) -> dict[str, t.Any]:
        """Get the middleware aliases.

        Laravel: ``Router::getMiddleware()``.
        """
        return dict(self._middleware_aliases)

    def middleware_group(self, name: str, middleware: t.Iterable[t.Any]) -> t.Any:
        """Define (or replace) a middleware group such as ``web`` or ``api``.

        Laravel: ``Router::middlewareGroup()``.
        """
        self._middleware_groups[name] = list(middleware)
        self._generation += 1
        return self

    def has_middleware_group(self, name: str) -> bool:
        """Determine if a middleware group exists.

        Laravel: ``Router::hasMiddlewareGroup()``.
        """
        return name in self._middleware_groups

    def get_middleware_groups(self) -> dict[str, list[t.Any]]:
        """Get the middleware groups.

        Laravel: ``Router::getMiddlewareGroups()``.
        """
        return {name: list(items) for name, items in self._middleware_groups.items()}

    def prepend_middleware_to_group(self, group: str, middleware: t.Any) -> t.Any:
        """Add a middleware at the start of a group (once).

        Laravel: ``Router::prependMiddlewareToGroup()``.
        """
        items = self._middleware_groups.setdefault(group, [])
        if middleware not in items:
            items.insert(0, middleware)
            self._generation += 1
        return self

    def push_middleware_to_group(self, group: str, middleware: t.Any) -> t.Any:
        """Add a middleware at the end of a group (once).

        Laravel: ``Router::pushMiddlewareToGroup()``.
        """
        items = self._middleware_groups.setdefault(group, [])
        if middleware not in items:
            items.append(middleware)
            self._generation += 1
        return self

    def remove_middleware_from_group(self, group: str, middleware: t.Any) -> t.Any:
        """Remove a middleware from a group.

        Laravel: ``Router::removeMiddlewareFromGroup()``.
        """
        items = self._middleware_groups.get(group, [])
        if middleware in items:
            items.remove(middleware)
            self._generation += 1
        return self

    def flush_middleware_groups(self) -> t.Any:
        """Remove every middleware group.

        Laravel: ``Router::flushMiddlewareGroups()``.
        """
        self._middleware_groups = {}
        self._generation += 1
        return self

    @property
    def middleware_priority(self) -> list[t.Any]:
        """The middleware that must run in this relative order.

        Laravel: ``Router::$middlewarePriority``.
        """
        return self._middleware_priority

    @middleware_priority.setter
    def middleware_priority(self, priority: t.Iterable[t.Any]) -> None:
        self._middleware_priority = list(priority)
        self._generation += 1

    # -- resolution ------------------------------------------------------------

    def resolve_middleware(
        self, middleware: t.Iterable[t.Any], excluded: t.Iterable[t.Any] = ()
    ) -> list[Resolved]:
        """Expand names into ``(middleware, params)`` pairs, leaving out ``excluded``.

        Laravel: ``Router::resolveMiddleware()``.
        """
        resolved: list[Resolved] = []
        for name in middleware:
            for target, params in self._resolve_name(name):
                resolved.append((self._target(target), params))
        removed = [
            self._target(target)
            for name in excluded
            for target, _ in self._resolve_name(name)
        ]
        if removed:
            resolved = [item for item in resolved if not _is_excluded(item[0], removed)]
        return resolved

    def gather_route_middleware(self, route: Route) -> list[Resolved]:
        """Get the route's middleware resolved, without exclusions, sorted by priority.

        Each item is ``(middleware, params)``; the HTTP kernel calls ``terminate``
        on those that define it.

        Laravel: ``Router::gatherRouteMiddleware()``.
        """
        resolved = self.resolve_middleware(
            route.gather_middleware(), route.excluded_middleware()
        )
        priority = [
            self._target(entry, strict=False) for entry in self._middleware_priority
        ]
        return list(SortedMiddleware(priority, resolved))

    def _resolve_name(self, name: t.Any) -> list[Resolved]:
        return MiddlewareNameResolver.resolve(
            name, self._middleware_aliases, self._middleware_groups
        )

    def _target(self, target: t.Any, strict: bool = True) -> t.Any:
        """Turn a dotted path into its class; keep container keys and objects."""
        if not isinstance(target, str):
            return target
        if self.app is not None and self.app.bound(target):
            return target
        found = import_class(target)
        if found is not None:
            return found
        if not strict:
            return target
        raise RoutingError(
            f"Middleware [{target}] is not defined: alias it with "
            f"Route.alias_middleware('{target}', MiddlewareClass), add a group with "
            "that name, or use the class itself."
        )


def _is_excluded(target: t.Any, removed: list[t.Any]) -> bool:
    for entry in removed:
        if entry is target or entry == target:
            return True
        if (
            isinstance(entry, type)
            and isinstance(target, type)
            and issubclass(target, entry)
        ):
            return True
    return False
