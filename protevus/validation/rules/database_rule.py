"""The shared part of ``unique`` and ``exists`` rule builders: table and wheres.

Laravel: ``Illuminate\\Validation\\Rules\\DatabaseRule``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.validation.rules.in_ import as_text
from protevus.validation.rules.in_ import quote


def table_name(table: t.Any) -> str:
    """Return ``'connection.table'`` (or ``'table'``) for a name, model class or model."""
    if isinstance(table, str):
        return table
    model = table() if isinstance(table, type) else table
    if not hasattr(model, "get_table"):
        raise TypeError(
            f"Table [{table!r}] is not a table name or an Eloquent model; pass "
            "'users' or User."
        )
    name = str(model.get_table())
    connection = model.get_connection_name()
    return f"{connection}.{name}" if connection else name


class DatabaseRule(CamelAliases):
    """Collect a table, a column and extra conditions for a database rule.

    Laravel: ``Illuminate\\Validation\\Rules\\DatabaseRule``.
    """

    def __init__(self, table: t.Any, column: str = "NULL") -> None:
        self.table = table_name(table)
        self.column = column
        self.wheres: list[tuple[str, str]] = []
        self.using_callbacks: list[t.Callable[..., t.Any]] = []

    def where(self, column: t.Any, value: t.Any = None) -> t.Self:
        """Add ``column = value`` (a list: ``in``; ``None``: ``is null``; a callable: a query callback).

        Laravel: ``DatabaseRule::where()``.
        """
        if callable(column):
            return self.using(column)
        if isinstance(value, list | tuple | set):
            return self.where_in(column, value)
        if value is None:
            return self.where_null(column)
        self.wheres.append((str(column), quote(value)))
        return self

    def where_not(self, column: str, value: t.Any) -> t.Self:
        """Add ``column != value`` (a list: ``not in``).

        Laravel: ``DatabaseRule::whereNot()``.
        """
        if isinstance(value, list | tuple | set):
            return self.where_not_in(column, value)
        self.wheres.append((column, quote("!" + as_text(value))))
        return self

    def where_null(self, column: str) -> t.Self:
        """Add ``column is null``. Laravel: ``DatabaseRule::whereNull()``."""
        self.wheres.append((column, '"NULL"'))
        return self

    def where_not_null(self, column: str) -> t.Self:
        """Add ``column is not null``. Laravel: ``DatabaseRule::whereNotNull()``."""
        self.wheres.append((column, '"NOT_NULL"'))
        return self

    def where_in(self, column: str, values: t.Iterable[t.Any]) -> t.Self:
        """Add ``column in (...)``. Laravel: ``DatabaseRule::whereIn()``."""
        items = list(values)
        return self.using(lambda query: query.where_in(column, items))

    def where_not_in(self, column: str, values: t.Iterable[t.Any]) -> t.Self:
        """Add ``column not in (...)``. Laravel: ``DatabaseRule::whereNotIn()``."""
        items = list(values)
        return self.using(lambda query: query.where_not_in(column, items))

    def using(self, callback: t.Callable[..., t.Any]) -> t.Self:
        """Constrain the query with ``callback(query)``. Laravel: ``DatabaseRule::using()``."""
        self.using_callbacks.append(callback)
        return self

    def query_callbacks(self) -> list[t.Callable[..., t.Any]]:
        """Return the query callbacks. Laravel: ``DatabaseRule::queryCallbacks()``."""
        return list(self.using_callbacks)

    def format_wheres(self) -> str:
        """Return the conditions as ``column,"value"`` pairs.

        Laravel: ``DatabaseRule::formatWheres()``.
        """
        return ",".join(f"{column},{value}" for column, value in self.wheres)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self}>"
