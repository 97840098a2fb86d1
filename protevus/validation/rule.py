"""Fluent builders for rules that take lists of values.

Laravel: ``Illuminate\\Validation\\Rule`` and ``Rules\\In``/``Rules\\NotIn``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


def _quote(item: t.Any) -> str:
    if isinstance(item, bool):
        text = "1" if item else "0"
    else:
        text = str(getattr(item, "value", item))
    return '"' + text.replace('"', '""') + '"'


class In(CamelAliases):
    """Build an ``in`` rule whose values may hold commas or quotes.

    Laravel: ``Illuminate\\Validation\\Rules\\In``.
    """

    rule = "in"

    def __init__(self, values: t.Iterable[t.Any]) -> None:
        self.values = list(values)

    def __str__(self) -> str:
        return f"{self.rule}:" + ",".join(_quote(item) for item in self.values)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.values!r})"


class NotIn(In):
    """Build a ``not_in`` rule whose values may hold commas or quotes.

    Laravel: ``Illuminate\\Validation\\Rules\\NotIn``.
    """

    rule = "not_in"


class Rule(CamelAliases):
    """Make rule objects: ``Rule.in_(['draft', 'published'])``.

    Laravel: ``Illuminate\\Validation\\Rule``.
    """

    @staticmethod
    def in_(values: t.Iterable[t.Any], *more: t.Any) -> In:
        """Return a rule passing values in the list.

        Laravel: ``Rule::in()``.
        """
        items = [values] if isinstance(values, str) else list(values)
        return In([*items, *more])

    @staticmethod
    def not_in(values: t.Iterable[t.Any], *more: t.Any) -> NotIn:
        """Return a rule passing values not in the list.

        Laravel: ``Rule::notIn()``.
        """
        items = [values] if isinstance(values, str) else list(values)
        return NotIn([*items, *more])
