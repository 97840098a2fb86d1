"""Resolve middleware names (aliases, groups, ``name:param1,param2``) to middleware.

Laravel: ``Illuminate\\Routing\\MiddlewareNameResolver``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

#: A resolved middleware: the class, object, callable or container key, and its parameters.
Resolved = tuple[t.Any, tuple[str, ...]]


class MiddlewareNameResolver(CamelAliases):
    """Expand a middleware name into the middleware it stands for.

    ``'auth:web'`` with the alias ``auth → Authenticate`` gives
    ``[(Authenticate, ('web',))]``; a group name gives every middleware of the group
    (groups may contain groups).

    Laravel: ``Illuminate\\Routing\\MiddlewareNameResolver``.
    """

    @staticmethod
    def resolve(
        name: t.Any,
        aliases: t.Mapping[str, t.Any],
        groups: t.Mapping[str, t.Sequence[t.Any]],
    ) -> list[Resolved]:
        """Resolve ``name`` against the aliases and groups.

        Laravel: ``MiddlewareNameResolver::resolve()``.
        """
        if not isinstance(name, str):
            return [(name, ())]
        if name in groups:
            return MiddlewareNameResolver._group(name, aliases, groups, ())
        return [_parse(name, aliases)]

    @staticmethod
    def _group(
        name: str,
        aliases: t.Mapping[str, t.Any],
        groups: t.Mapping[str, t.Sequence[t.Any]],
        seen: tuple[str, ...],
    ) -> list[Resolved]:
        if name in seen:
            from protevus.routing.exceptions import RoutingError

            raise RoutingError(
                f"Middleware group [{name}] includes itself "
                f"([{' -> '.join([*seen, name])}]); remove the cycle."
            )
        resolved: list[Resolved] = []
        for item in groups[name]:
            if isinstance(item, str) and item in groups:
                resolved.extend(
                    MiddlewareNameResolver._group(item, aliases, groups, (*seen, name))
                )
            elif isinstance(item, str):
                resolved.append(_parse(item, aliases))
            else:
                resolved.append((item, ()))
        return resolved


def _parse(name: str, aliases: t.Mapping[str, t.Any]) -> Resolved:
    base, _, raw = name.partition(":")
    params = tuple(raw.split(",")) if raw else ()
    return aliases.get(base, base), params
