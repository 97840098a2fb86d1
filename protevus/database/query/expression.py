"""Raw SQL fragments the grammars insert as they are.

Laravel: ``Illuminate\\Database\\Query\\Expression`` (``DB::raw()``).
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class Expression(CamelAliases):
    """Wrap a raw SQL fragment so grammars neither quote nor bind it.

    Only ever pass trusted strings: an expression is inserted into the SQL verbatim.

    Laravel: ``Illuminate\\Database\\Query\\Expression``.
    """

    __slots__ = ("value",)

    def __init__(self, value: t.Any) -> None:
        self.value = value

    def get_value(self, grammar: t.Any = None) -> t.Any:
        """Get the raw SQL. Laravel: ``Expression::getValue()``."""
        return self.value

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"Expression({self.value!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Expression) and other.value == self.value

    def __hash__(self) -> int:
        return hash(("Expression", self.value))


def is_expression(value: t.Any) -> bool:
    """Return whether ``value`` is a raw :class:`Expression`."""
    return isinstance(value, Expression)
