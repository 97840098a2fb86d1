"""Rules passing values in (or not in) a list that may hold commas or quotes.

Laravel: ``Illuminate\\Validation\\Rules\\In`` and ``Rules\\NotIn``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


def as_text(item: t.Any) -> str:
    """Return ``item`` as rule text: ``True`` as ``"1"``, an enum member by value."""
    if isinstance(item, bool):
        return "1" if item else "0"
    return str(getattr(item, "value", item))


def quote(item: t.Any) -> str:
    """Return ``item`` as a double-quoted CSV field of a rule string."""
    return '"' + as_text(item).replace('"', '""') + '"'


class In(CamelAliases):
    """Build an ``in`` rule whose values may hold commas or quotes.

    Laravel: ``Illuminate\\Validation\\Rules\\In``.
    """

    rule = "in"

    def __init__(self, values: t.Iterable[t.Any]) -> None:
        self.values = list(values)

    def __str__(self) -> str:
        return f"{self.rule}:" + ",".join(quote(item) for item in self.values)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.values!r})"


class NotIn(In):
    """Build a ``not_in`` rule whose values may hold commas or quotes.

    Laravel: ``Illuminate\\Validation\\Rules\\NotIn``.
    """

    rule = "not_in"
