"""Add group by and having clauses.

Laravel: ``Builder::groupBy()``, ``having()``, ``havingBetween()``, ``havingRaw()``...
"""

from __future__ import annotations

import typing as t

from protevus.database.query.concerns.builds_wheres import UNSET
from protevus.database.query.concerns.query_state import QueryState
from protevus.database.query.expression import Expression

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder


class BuildsHavings(QueryState):
    """Add group by and having clauses to a query builder.

    Laravel: ``Illuminate\\Database\\Query\\Builder``.
    """

    def group_by(self, *groups: t.Any) -> t.Self:
        """Group by one or more columns (``group_by('a', 'b')`` or ``group_by(['a', 'b'])``).

        Laravel: ``Builder::groupBy()``.
        """
        for group in groups:
            self.groups.extend(group if isinstance(group, (list, tuple)) else [group])
        return self

    def group_by_raw(self, sql: str, bindings: t.Sequence[t.Any] = ()) -> t.Self:
        """Group by a raw expression. Laravel: ``Builder::groupByRaw()``."""
        self.groups.append(Expression(sql))
        self.add_binding(bindings, "groupBy")
        return self

    def having(
        self,
        column: t.Any,
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Add a having clause: ``having('count', '>', 5)`` or a closure for a nested group.

        Laravel: ``Builder::having()``.
        """
        from protevus.database.query.builder import flatten_value

        use_default = value is UNSET and operator is not UNSET
        operator = None if operator is UNSET else operator
        value = None if value is UNSET else value
        value, operator = self.prepare_value_and_operator(value, operator, use_default)
        if operator is None and self.is_closure(column):
            return self.having_nested(column, boolean)
        if self.invalid_operator(operator):
            value, operator = operator, "="
        type_ = "Bitwise" if self.is_bitwise_operator(operator) else "Basic"
        self.havings.append(
            {
                "type": type_,
                "column": column,
                "operator": operator,
                "value": value,
                "boolean": boolean,
            }
        )
        if not isinstance(value, Expression):
            self.add_binding(flatten_value(value), "having")
        return self

    def or_having(
        self, column: t.Any, operator: t.Any = UNSET, value: t.Any = UNSET
    ) -> t.Self:
        """Add an ``or`` having clause. Laravel: ``Builder::orHaving()``."""
        if value is UNSET and operator is not UNSET:
            return self.having(column, "=", operator, "or")
        return self.having(column, operator, value, "or")

    def having_nested(
        self, callback: t.Callable[[Builder], t.Any], boolean: str = "and"
    ) -> t.Self:
        """Group the having clauses the callback adds in parentheses. Laravel: ``Builder::havingNested()``."""
        query = self.for_nested_where()
        callback(query)
        return self.add_nested_having_query(query, boolean)

    def add_nested_having_query(self, query: Builder, boolean: str = "and") -> t.Self:
        """Add another builder's havings as one group. Laravel: ``Builder::addNestedHavingQuery()``."""
        if query.havings:
            self.havings.append({"type": "Nested", "query": query, "boolean": boolean})
            self.add_binding(query.get_raw_bindings()["having"], "having")
        return self

    def having_null(
        self, columns: t.Any, boolean: str = "and", not_: bool = False
    ) -> t.Self:
        """Add ``having column is null``. Laravel: ``Builder::havingNull()``."""
        type_ = "NotNull" if not_ else "Null"
        for column in columns if isinstance(columns, (list, tuple)) else [columns]:
            self.havings.append({"type": type_, "column": column, "boolean": boolean})
        return self

    def or_having_null(self, column: t.Any) -> t.Self:
        """Add ``or column is null`` to the havings. Laravel: ``Builder::orHavingNull()``."""
        return self.having_null(column, "or")

    def having_not_null(self, columns: t.Any, boolean: str = "and") -> t.Self:
        """Add ``having column is not null``. Laravel: ``Builder::havingNotNull()``."""
        return self.having_null(columns, boolean, True)

    def or_having_not_null(self, column: t.Any) -> t.Self:
        """Add ``or column is not null`` to the havings. Laravel: ``Builder::orHavingNotNull()``."""
        return self.having_not_null(column, "or")

    def having_between(
        self,
        column: t.Any,
        values: t.Any,
        boolean: str = "and",
        not_: bool = False,
    ) -> t.Self:
        """Add ``having column between ? and ?``. Laravel: ``Builder::havingBetween()``."""
        from protevus.database.query.builder import flatten

        values = list(values.values()) if isinstance(values, dict) else list(values)
        self.havings.append(
            {
                "type": "Between",
                "column": column,
                "values": values,
                "boolean": boolean,
                "not": not_,
            }
        )
        self.add_binding(self.clean_bindings(flatten(values))[:2], "having")
        return self

    def having_not_between(
        self, column: t.Any, values: t.Any, boolean: str = "and"
    ) -> t.Self:
        """Add ``having column not between ? and ?``. Laravel: ``Builder::havingNotBetween()``."""
        return self.having_between(column, values, boolean, True)

    def or_having_between(self, column: t.Any, values: t.Any) -> t.Self:
        """Add ``or column between ? and ?`` to the havings. Laravel: ``Builder::orHavingBetween()``."""
        return self.having_between(column, values, "or")

    def or_having_not_between(self, column: t.Any, values: t.Any) -> t.Self:
        """Add ``or column not between ? and ?`` to the havings. Laravel: ``Builder::orHavingNotBetween()``."""
        return self.having_between(column, values, "or", True)

    def having_raw(
        self, sql: str, bindings: t.Sequence[t.Any] = (), boolean: str = "and"
    ) -> t.Self:
        """Add a raw having clause. Laravel: ``Builder::havingRaw()``."""
        self.havings.append({"type": "Raw", "sql": sql, "boolean": boolean})
        self.add_binding(bindings, "having")
        return self

    def or_having_raw(self, sql: str, bindings: t.Sequence[t.Any] = ()) -> t.Self:
        """Add a raw ``or`` having clause. Laravel: ``Builder::orHavingRaw()``."""
        return self.having_raw(sql, bindings, "or")
