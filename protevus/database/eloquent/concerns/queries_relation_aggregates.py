"""Select aggregates of relations as columns (with_count, with_sum, with_exists...).

Laravel: the ``with*`` aggregate methods of ``Illuminate\\Database\\Eloquent\\Concerns\\QueriesRelationships``.

``with_count('comments')`` adds ``(select count(*) from "comments" where "posts"."id" =
"comments"."post_id") as "comments_count"`` to the select list.
"""

from __future__ import annotations

import re
import typing as t

from protevus.database.query.expression import Expression
from protevus.support.aliases import CamelAliases
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder as QueryBuilder

_NOT_ALNUM = re.compile(r"[^\w\s]", re.UNICODE)


class QueriesRelationAggregates(CamelAliases):
    """Select aggregates of relations as columns.

    Laravel: ``QueriesRelationships::withAggregate()`` and friends.
    """

    if t.TYPE_CHECKING:
        query: QueryBuilder
        model: t.Any

        def get_model(self) -> t.Any: ...
        def get_relation_without_constraints(self, relation: str) -> t.Any: ...
        def can_use_exists_for_existence_check(
            self, operator: str, count: t.Any
        ) -> bool: ...

    def with_aggregate(
        self, relations: t.Any, column: t.Any, function: str | None = None
    ) -> t.Self:
        """Select an aggregate of each relation as a column: ``comments_sum_votes``.

        ``relations`` is a name, ``'comments as approved_count'``, a list, or a dict
        of name → constraint callback. Laravel: ``QueriesRelationships::withAggregate()``.
        """
        if not relations:
            return self
        if self.query.columns is None:
            self.query.select([f"{self.query.from_value}.*"])
        if isinstance(relations, (str, dict)):
            relations = [relations]
        with_parser = t.cast(t.Any, self).parse_with_relations
        grammar = self.query.get_grammar()
        for name, constraints in with_parser(relations).items():
            alias: str | None = None
            segments = name.split(" ")
            if len(segments) == 3 and segments[1].lower() == "as":
                name, alias = segments[0], segments[2]
            relation = self.get_relation_without_constraints(name)
            if function:
                if grammar.is_expression(column):
                    aggregate_column = str(grammar.get_value(column))
                else:
                    hashed = self._relation_hashed_column(column, relation)
                    aggregate_column = grammar.wrap(
                        column
                        if column == "*"
                        else relation.get_related().qualify_column(hashed)
                    )
                expression = (
                    aggregate_column
                    if function == "exists"
                    else f"{function}({aggregate_column})"
                )
            else:
                expression = str(grammar.get_value(column))
            builder = relation.get_relation_existence_query(
                relation.get_related().new_query(), self, Expression(expression)
            )
            builder.get_query().set_bindings([], "select")
            call_scope(builder, constraints)
            sub = builder.merge_constraints_from(relation.get_query()).to_base()
            sub.orders = []
            sub.set_bindings([], "order")
            if sub.columns is not None and len(sub.columns) > 1:
                sub.columns = [sub.columns[0]]
                sub.bindings["select"] = []
            if alias is None:
                raw = f"{name} {function or ''} {grammar.get_value(column)}"
                alias = Str.snake(_NOT_ALNUM.sub("", raw))
            if function == "exists":
                self.query.select_raw(
                    f"exists({sub.to_sql()}) as {grammar.wrap(alias)}",
                    sub.get_bindings(),
                )
                self._cast_alias_to_bool(alias)
            else:
                self.query.select_sub(sub if function else sub.limit(1), alias)
        return self

    def _cast_alias_to_bool(self, alias: str) -> None:
        """Cast an ``exists`` column to bool on the models this query hydrates.

        Laravel: ``Builder::withCasts([$alias => 'bool'])``.
        """
        with_casts = getattr(type(self), "with_casts", None)
        if callable(with_casts):
            with_casts(self, {alias: "bool"})
            return
        merge_casts = getattr(self.get_model(), "merge_casts", None)
        if callable(merge_casts):
            merge_casts({alias: "bool"})

    def _relation_hashed_column(self, column: str, relation: t.Any) -> str:
        """Qualify a column with the self-join alias when a relation points at its own table.

        Laravel: ``QueriesRelationships::getRelationHashedColumn()``.
        """
        if "." in column:
            return column
        if self.query.from_value == relation.get_query().get_query().from_value:
            return f"{relation.get_relation_count_hash(False)}.{column}"
        return column

    def with_count(self, *relations: t.Any) -> t.Self:
        """Select the number of related rows as ``<relation>_count``.

        ``with_count('comments', {'comments as approved_count': lambda q: ...})``.
        Laravel: ``QueriesRelationships::withCount()``.
        """
        return self.with_aggregate(_flatten_args(relations), "*", "count")

    def with_max(self, relation: t.Any, column: t.Any) -> t.Self:
        """Select the max of a related column as ``<relation>_max_<column>``. Laravel: ``withMax()``."""
        return self.with_aggregate(relation, column, "max")

    def with_min(self, relation: t.Any, column: t.Any) -> t.Self:
        """Select the min of a related column as ``<relation>_min_<column>``. Laravel: ``withMin()``."""
        return self.with_aggregate(relation, column, "min")

    def with_sum(self, relation: t.Any, column: t.Any) -> t.Self:
        """Select the sum of a related column as ``<relation>_sum_<column>``. Laravel: ``withSum()``."""
        return self.with_aggregate(relation, column, "sum")

    def with_avg(self, relation: t.Any, column: t.Any) -> t.Self:
        """Select the average of a related column as ``<relation>_avg_<column>``. Laravel: ``withAvg()``."""
        return self.with_aggregate(relation, column, "avg")

    def with_exists(self, relation: t.Any) -> t.Self:
        """Select whether related rows exist as ``<relation>_exists`` (a bool). Laravel: ``withExists()``."""
        return self.with_aggregate(relation, "*", "exists")


def call_scope(builder: t.Any, callback: t.Callable[..., t.Any]) -> None:
    """Run a constraint callback with its ``or`` clauses grouped in parentheses.

    Laravel: ``Builder::callScope()`` (the Eloquent builder's, when it has one).
    """
    call_scope = getattr(builder, "call_scope", None)
    if call_scope is not None:
        call_scope(callback)
        return
    query = builder.get_query()
    before = len(query.wheres)
    callback(builder)
    if len(query.wheres) > before:
        wheres = query.wheres
        query.wheres = []
        _group_slice(query, wheres[:before])
        _group_slice(query, wheres[before:])


def _group_slice(query: t.Any, wheres: list[dict[str, t.Any]]) -> None:
    """Re-add a slice of wheres, parenthesised when it holds an ``or``.

    Laravel: ``Builder::groupWhereSliceForScope()``.
    """
    if any("or" in where["boolean"] for where in wheres):
        group = query.for_nested_where()
        group.wheres = wheres
        boolean = wheres[0]["boolean"].replace(" not", "")
        query.wheres.append({"type": "Nested", "query": group, "boolean": boolean})
    else:
        query.wheres.extend(wheres)


def _flatten_args(relations: tuple[t.Any, ...]) -> list[t.Any]:
    if len(relations) == 1 and isinstance(relations[0], (list, tuple)):
        return list(relations[0])
    return list(relations)
