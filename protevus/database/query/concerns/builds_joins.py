"""Add joins: inner, left, right, cross, closures with several conditions, sub-query and lateral joins.

Laravel: the ``join*`` methods of ``Illuminate\\Database\\Query\\Builder``.
"""

from __future__ import annotations

import typing as t

from protevus.database.query.concerns.query_state import QueryState
from protevus.database.query.expression import Expression

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder
    from protevus.database.query.join_clause import JoinClause


class BuildsJoins(QueryState):
    """Add join clauses to a query builder.

    Laravel: ``Builder::join()``, ``leftJoin()``, ``joinSub()``, ``crossJoin()``...
    """

    def new_join_clause(self, parent: t.Any, type_: str, table: t.Any) -> JoinClause:
        """Create the join clause a join adds. Laravel: ``Builder::newJoinClause()``."""
        from protevus.database.query.join_clause import JoinClause

        return JoinClause(parent, type_, table)

    def join(
        self,
        table: t.Any,
        first: t.Any,
        operator: t.Any = None,
        second: t.Any = None,
        type_: str = "inner",
        where: bool = False,
    ) -> t.Self:
        """Join a table: ``join('contacts', 'users.id', '=', 'contacts.user_id')`` or with a closure.

        The closure receives a :class:`JoinClause` for ``on``/``or_on``/``where`` conditions.
        Laravel: ``Builder::join()``.
        """
        join = self.new_join_clause(self, type_, table)
        if self.is_closure(first):
            first(join)
        elif where:
            join.where(first, operator, second)
        else:
            join.on(first, operator, second)
        self.joins.append(join)
        self.add_binding(join.get_bindings(), "join")
        return self

    def join_where(
        self,
        table: t.Any,
        first: t.Any,
        operator: t.Any,
        second: t.Any,
        type_: str = "inner",
    ) -> t.Self:
        """Join with a where clause (``second`` is a bound value). Laravel: ``Builder::joinWhere()``."""
        return self.join(table, first, operator, second, type_, True)

    def join_sub(
        self,
        query: t.Any,
        as_: str,
        first: t.Any,
        operator: t.Any = None,
        second: t.Any = None,
        type_: str = "inner",
        where: bool = False,
    ) -> t.Self:
        """Join a sub-query ``(select ...) as "alias"``. Laravel: ``Builder::joinSub()``."""
        sql, bindings = self.create_sub(query)
        expression = f"({sql}) as {self.grammar.wrap_table(as_)}"
        self.add_binding(bindings, "join")
        return self.join(Expression(expression), first, operator, second, type_, where)

    def join_lateral(self, query: t.Any, as_: str, type_: str = "inner") -> t.Self:
        """Join a lateral sub-query (pgsql, mysql 8). Laravel: ``Builder::joinLateral()``."""
        from protevus.database.query.join_clause import JoinLateralClause

        sql, bindings = self.create_sub(query)
        expression = f"({sql}) as {self.grammar.wrap_table(as_)}"
        self.add_binding(bindings, "join")
        self.joins.append(
            JoinLateralClause(t.cast("Builder", self), type_, Expression(expression))
        )
        return self

    def left_join_lateral(self, query: t.Any, as_: str) -> t.Self:
        """Left-join a lateral sub-query. Laravel: ``Builder::leftJoinLateral()``."""
        return self.join_lateral(query, as_, "left")

    def left_join(
        self,
        table: t.Any,
        first: t.Any,
        operator: t.Any = None,
        second: t.Any = None,
    ) -> t.Self:
        """Left-join a table. Laravel: ``Builder::leftJoin()``."""
        return self.join(table, first, operator, second, "left")

    def left_join_where(
        self, table: t.Any, first: t.Any, operator: t.Any, second: t.Any
    ) -> t.Self:
        """Left-join with a where clause. Laravel: ``Builder::leftJoinWhere()``."""
        return self.join_where(table, first, operator, second, "left")

    def left_join_sub(
        self,
        query: t.Any,
        as_: str,
        first: t.Any,
        operator: t.Any = None,
        second: t.Any = None,
    ) -> t.Self:
        """Left-join a sub-query. Laravel: ``Builder::leftJoinSub()``."""
        return self.join_sub(query, as_, first, operator, second, "left")

    def right_join(
        self,
        table: t.Any,
        first: t.Any,
        operator: t.Any = None,
        second: t.Any = None,
    ) -> t.Self:
        """Right-join a table. Laravel: ``Builder::rightJoin()``."""
        return self.join(table, first, operator, second, "right")

    def right_join_where(
        self, table: t.Any, first: t.Any, operator: t.Any, second: t.Any
    ) -> t.Self:
        """Right-join with a where clause. Laravel: ``Builder::rightJoinWhere()``."""
        return self.join_where(table, first, operator, second, "right")

    def right_join_sub(
        self,
        query: t.Any,
        as_: str,
        first: t.Any,
        operator: t.Any = None,
        second: t.Any = None,
    ) -> t.Self:
        """Right-join a sub-query. Laravel: ``Builder::rightJoinSub()``."""
        return self.join_sub(query, as_, first, operator, second, "right")

    def cross_join(
        self,
        table: t.Any,
        first: t.Any = None,
        operator: t.Any = None,
        second: t.Any = None,
    ) -> t.Self:
        """Cross-join a table (with an ``on`` condition when ``first`` is given). Laravel: ``Builder::crossJoin()``."""
        if first:
            return self.join(table, first, operator, second, "cross")
        self.joins.append(self.new_join_clause(self, "cross", table))
        return self

    def cross_join_sub(self, query: t.Any, as_: str) -> t.Self:
        """Cross-join a sub-query. Laravel: ``Builder::crossJoinSub()``."""
        sql, bindings = self.create_sub(query)
        expression = f"({sql}) as {self.grammar.wrap_table(as_)}"
        self.add_binding(bindings, "join")
        self.joins.append(self.new_join_clause(self, "cross", Expression(expression)))
        return self
