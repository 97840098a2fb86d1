"""The conditions of one join: ``on``, ``or_on`` and every where clause of the builder.

Laravel: ``Illuminate\\Database\\Query\\JoinClause`` and ``JoinLateralClause``.
"""

from __future__ import annotations

import typing as t

from protevus.database.query.builder import Builder


class JoinClause(Builder):
    """Hold a join's type, table and conditions; the grammar compiles its wheres after ``on``.

    Laravel: ``Illuminate\\Database\\Query\\JoinClause``.
    """

    def __init__(self, parent_query: Builder, type_: str, table: t.Any) -> None:
        super().__init__(parent_query.connection, parent_query.grammar)
        self.type = type_
        self.table = table
        self.parent_class: type[Builder] = (
            parent_query.parent_class
            if isinstance(parent_query, JoinClause)
            else type(parent_query)
        )

    def on(
        self,
        first: t.Any,
        operator: t.Any = None,
        second: t.Any = None,
        boolean: str = "and",
    ) -> JoinClause:
        """Add ``on first operator second`` comparing two columns, or a nested group from a closure.

        Laravel: ``JoinClause::on()``.
        """
        if self.is_closure(first):
            self.where_nested(first, boolean)
            return self
        self.where_column(first, operator, second, boolean)
        return self

    def or_on(
        self, first: t.Any, operator: t.Any = None, second: t.Any = None
    ) -> JoinClause:
        """Add an ``or`` on-condition. Laravel: ``JoinClause::orOn()``."""
        return self.on(first, operator, second, "or")

    def new_query(self) -> JoinClause:
        """Get an empty join clause of the same type and table. Laravel: ``JoinClause::newQuery()``."""
        return type(self)(self._new_parent_query(), self.type, self.table)

    def for_sub_query(self) -> Builder:
        """Get a plain builder for sub-queries inside the join. Laravel: ``JoinClause::forSubQuery()``."""
        return self._new_parent_query().new_query()

    def _new_parent_query(self) -> Builder:
        return self.parent_class(self.connection, self.grammar)


class JoinLateralClause(JoinClause):
    """Mark a lateral join (``join lateral (select ...) as "x" on true``).

    Laravel: ``Illuminate\\Database\\Query\\JoinLateralClause``.
    """
