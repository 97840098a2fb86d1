"""Constrain a many-to-many relation by the columns of its intermediate table.

Laravel: the ``wherePivot*``/``orderByPivot*``/``withPivotValue`` methods of
``Illuminate\\Database\\Eloquent\\Relations\\BelongsToMany``.
"""

from __future__ import annotations

import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.expression import Expression
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.relations.pivot import Pivot


class _Unset:
    """Mark an argument the caller left out (``None`` is a value for where clauses)."""

    def __repr__(self) -> str:
        return "<unset>"


_UNSET: t.Any = _Unset()


class BuildsPivotWheres(CamelAliases):
    """Add where and order clauses on pivot columns; remember them for pivot writes.

    Constraints added here also limit ``detach``/``sync``/``update_existing_pivot``,
    as in Laravel: the pivot statement replays them.

    Laravel: ``BelongsToMany::wherePivot()`` and its siblings.
    """

    if t.TYPE_CHECKING:
        query: t.Any
        table: str
        pivot_wheres: list[tuple[t.Any, ...]]
        pivot_where_ins: list[tuple[t.Any, ...]]
        pivot_where_nulls: list[tuple[t.Any, ...]]
        pivot_where_closures: list[tuple[t.Any, str]]
        pivot_values: list[dict[str, t.Any]]

        def get_pivot_class(self) -> type[Pivot]: ...
        def __getattr__(self, name: str) -> t.Any: ...

    def where_pivot(
        self,
        column: t.Any,
        operator: t.Any = _UNSET,
        value: t.Any = _UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Add a where clause on a pivot column: ``where_pivot('approved', True)``.

        A callable receives a query on the pivot table, nested into the relation query.
        Laravel: ``BelongsToMany::wherePivot()``.
        """
        if callable(column) and not isinstance(column, str | Expression):
            pivot_query = self._new_pivot_query_for_closure(column)
            self.query.get_query().add_nested_where_query(
                pivot_query.get_query(), boolean
            )
            self.pivot_where_closures.append((column, boolean))
            return self
        arguments = _given(column, operator, value, boolean)
        self.pivot_wheres.append(arguments)
        self.query.where(self.qualify_pivot_column(column), *arguments[1:])
        return self

    def _new_pivot_query_for_closure(
        self, callback: t.Callable[[t.Any], t.Any]
    ) -> Builder:
        pivot = self.get_pivot_class()()
        pivot.set_table(self.table)
        pivot_query = pivot.new_query_without_relationships()
        callback(pivot_query)
        return pivot_query

    def or_where_pivot(
        self, column: t.Any, operator: t.Any = _UNSET, value: t.Any = _UNSET
    ) -> t.Self:
        """Add an ``or`` where clause on a pivot column. Laravel: ``BelongsToMany::orWherePivot()``."""
        return self.where_pivot(column, operator, value, "or")

    def where_pivot_between(
        self,
        column: t.Any,
        values: t.Sequence[t.Any],
        boolean: str = "and",
        not_: bool = False,
    ) -> t.Self:
        """Add a between clause on a pivot column. Laravel: ``BelongsToMany::wherePivotBetween()``."""
        self.query.where_between(
            self.qualify_pivot_column(column), values, boolean, not_
        )
        return self

    def or_where_pivot_between(
        self, column: t.Any, values: t.Sequence[t.Any]
    ) -> t.Self:
        """Add an ``or`` between clause on a pivot column. Laravel: ``orWherePivotBetween()``."""
        return self.where_pivot_between(column, values, "or")

    def where_pivot_not_between(
        self, column: t.Any, values: t.Sequence[t.Any], boolean: str = "and"
    ) -> t.Self:
        """Add a not-between clause on a pivot column. Laravel: ``wherePivotNotBetween()``."""
        return self.where_pivot_between(column, values, boolean, True)

    def or_where_pivot_not_between(
        self, column: t.Any, values: t.Sequence[t.Any]
    ) -> t.Self:
        """Add an ``or`` not-between clause on a pivot column. Laravel: ``orWherePivotNotBetween()``."""
        return self.where_pivot_between(column, values, "or", True)

    def where_pivot_in(
        self, column: t.Any, values: t.Any, boolean: str = "and", not_: bool = False
    ) -> t.Self:
        """Add a where-in clause on a pivot column. Laravel: ``BelongsToMany::wherePivotIn()``."""
        self.pivot_where_ins.append((column, values, boolean, not_))
        self.query.where_in(self.qualify_pivot_column(column), values, boolean, not_)
        return self

    def or_where_pivot_in(self, column: t.Any, values: t.Any) -> t.Self:
        """Add an ``or`` where-in clause on a pivot column. Laravel: ``orWherePivotIn()``."""
        return self.where_pivot_in(column, values, "or")

    def where_pivot_not_in(
        self, column: t.Any, values: t.Any, boolean: str = "and"
    ) -> t.Self:
        """Add a where-not-in clause on a pivot column. Laravel: ``wherePivotNotIn()``."""
        return self.where_pivot_in(column, values, boolean, True)

    def or_where_pivot_not_in(self, column: t.Any, values: t.Any) -> t.Self:
        """Add an ``or`` where-not-in clause on a pivot column. Laravel: ``orWherePivotNotIn()``."""
        return self.where_pivot_not_in(column, values, "or")

    def where_pivot_null(
        self, column: t.Any, boolean: str = "and", not_: bool = False
    ) -> t.Self:
        """Add a where-null clause on a pivot column. Laravel: ``BelongsToMany::wherePivotNull()``."""
        self.pivot_where_nulls.append((column, boolean, not_))
        self.query.where_null(self.qualify_pivot_column(column), boolean, not_)
        return self

    def where_pivot_not_null(self, column: t.Any, boolean: str = "and") -> t.Self:
        """Add a where-not-null clause on a pivot column. Laravel: ``wherePivotNotNull()``."""
        return self.where_pivot_null(column, boolean, True)

    def or_where_pivot_null(self, column: t.Any, not_: bool = False) -> t.Self:
        """Add an ``or`` where-null clause on a pivot column. Laravel: ``orWherePivotNull()``."""
        return self.where_pivot_null(column, "or", not_)

    def or_where_pivot_not_null(self, column: t.Any) -> t.Self:
        """Add an ``or`` where-not-null clause on a pivot column. Laravel: ``orWherePivotNotNull()``."""
        return self.or_where_pivot_null(column, True)

    def with_pivot_value(self, column: t.Any, value: t.Any = None) -> t.Self:
        """Constrain a pivot column to a value that new pivot rows also receive.

        ``with_pivot_value('role', 'admin')`` or ``with_pivot_value({'role': 'admin'})``.
        Laravel: ``BelongsToMany::withPivotValue()``.
        """
        if isinstance(column, t.Mapping):
            for name, item in column.items():
                self.with_pivot_value(name, item)
            return self
        if value is None:
            raise InvalidQueryArgumentError(
                f"The pivot value of column [{column}] may not be None; give a value "
                "or use where_pivot_null()."
            )
        self.pivot_values.append({"column": column, "value": value})
        return self.where_pivot(column, "=", value)

    def order_by_pivot(self, column: t.Any, direction: str = "asc") -> t.Self:
        """Order the related models by a pivot column. Laravel: ``BelongsToMany::orderByPivot()``."""
        self.query.order_by(self.qualify_pivot_column(column), direction)
        return self

    def order_by_pivot_desc(self, column: t.Any) -> t.Self:
        """Order the related models by a pivot column, descending. Laravel: ``orderByPivotDesc()``."""
        return self.order_by_pivot(column, "desc")

    def qualify_pivot_column(self, column: t.Any) -> t.Any:
        """Prefix a column with the pivot table unless it is qualified or an expression.

        Laravel: ``BelongsToMany::qualifyPivotColumn()``.
        """
        if isinstance(column, Expression) or not isinstance(column, str):
            return column
        return column if "." in column else f"{self.table}.{column}"


def _given(
    column: t.Any, operator: t.Any, value: t.Any, boolean: str
) -> tuple[t.Any, ...]:
    """Return the where arguments the caller gave, keeping a two-argument call as such."""
    if operator is _UNSET:
        raise InvalidQueryArgumentError(
            f"where_pivot() on [{column}] needs a value: where_pivot('{column}', value) "
            f"or where_pivot('{column}', '=', value)."
        )
    if value is _UNSET:
        return (
            (column, operator) if boolean == "and" else (column, "=", operator, boolean)
        )
    return (column, operator, value, boolean)
