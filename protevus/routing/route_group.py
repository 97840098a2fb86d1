"""Merge the attributes of nested route groups.

Laravel: ``Illuminate\\Routing\\RouteGroup``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class RouteGroup(CamelAliases):
    """Combine a group's attributes with the attributes of its parent group.

    Laravel: ``Illuminate\\Routing\\RouteGroup``.
    """

    @staticmethod
    def merge(
        new: t.Mapping[str, t.Any],
        old: t.Mapping[str, t.Any],
        prepend_existing_prefix: bool = True,
    ) -> dict[str, t.Any]:
        """Merge ``new`` (the inner group) into ``old`` (the outer group).

        Prefixes join with ``/``, name prefixes (``as``) concatenate, middleware
        and constraints accumulate, ``domain`` and ``controller`` are replaced.

        Laravel: ``RouteGroup::merge()``.
        """
        merged = {k: v for k, v in old.items() if k not in _SPECIAL}
        merged.update({k: v for k, v in new.items() if k not in _SPECIAL})
        if "domain" in new:
            merged["domain"] = new["domain"]
        elif "domain" in old:
            merged["domain"] = old["domain"]
        prefix = RouteGroup.format_prefix(new, old, prepend_existing_prefix)
        if prefix is not None:
            merged["prefix"] = prefix
        name = (old.get("as") or "") + (new.get("as") or "")
        if name:
            merged["as"] = name
        wheres = {**(old.get("where") or {}), **(new.get("where") or {})}
        if wheres:
            merged["where"] = wheres
        for key in ("middleware", "excluded_middleware"):
            items = [*_as_list(old.get(key)), *_as_list(new.get(key))]
            if items:
                merged[key] = items
        return merged

    @staticmethod
    def format_prefix(
        new: t.Mapping[str, t.Any],
        old: t.Mapping[str, t.Any],
        prepend_existing_prefix: bool = True,
    ) -> str | None:
        """Join the outer and inner prefixes.

        Laravel: ``RouteGroup::formatPrefix()``.
        """
        old_prefix = old.get("prefix")
        if "prefix" not in new:
            return old_prefix
        parts = [old_prefix or "", new["prefix"] or ""]
        if not prepend_existing_prefix:
            parts.reverse()
        return "/".join(p.strip("/") for p in parts if p and p.strip("/")) or ""


_SPECIAL = frozenset(
    {"domain", "prefix", "as", "where", "middleware", "excluded_middleware"}
)


def _as_list(value: t.Any) -> list[t.Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]
