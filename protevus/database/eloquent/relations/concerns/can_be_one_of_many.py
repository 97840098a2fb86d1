"""Turn a has-one into "the latest / oldest / biggest of many" with a joined aggregate sub-query.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Concerns\\CanBeOneOfMany``.
"""

from __future__ import annotations

import sys
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import camel_aliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.query.join_clause import JoinClause

# Frames from these modules are skipped when guessing the relation method's name.
_INTERNAL_PREFIXES = ("protevus.database.eloquent.",)


def guess_relation_name(default: str = "relation") -> str:
    """Return the name of the model method that is building a relation.

    Walks the call stack to the first frame outside the Eloquent package: the model's
    relation method (``def latest_order(self): return self.has_one(Order).latest_of_many()``).
    Laravel: ``debug_backtrace()`` in ``guessRelationship()``/``guessBelongsToRelation()``.
    """
    frame = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if not module.startswith(_INTERNAL_PREFIXES):
            name = frame.f_code.co_name
            return default if name.startswith("<") else name
        frame = frame.f_back  # type: ignore[assignment]
    return default


@camel_aliases
class CanBeOneOfMany:
    """Pick one row of a one-to-many relation by an aggregate (``latest_of_many()``).

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Concerns\\CanBeOneOfMany``.
    """

    query: Builder
    _is_one_of_many: bool = False
    _relation_name: str | None = None
    _one_of_many_sub_query: Builder | None = None

    # -- hooks of the relation using the mixin ----------------------------------------

    def add_one_of_many_sub_query_constraints(
        self, query: Builder, column: str | None = None, aggregate: str | None = None
    ) -> None:
        """Add the relation's columns to the aggregate sub-query."""
        raise NotImplementedError

    def get_one_of_many_sub_query_select_columns(self) -> str | list[str]:
        """Get the columns the aggregate sub-query groups by."""
        raise NotImplementedError

    def add_one_of_many_join_sub_query_constraints(self, join: JoinClause) -> None:
        """Add the relation's conditions to the join on the aggregate sub-query."""
        raise NotImplementedError

    if t.TYPE_CHECKING:

        def add_constraints(self) -> None: ...

    # -- public API -------------------------------------------------------------------

    def of_many(
        self,
        column: str | dict[str, str] | None = "id",
        aggregate: str | t.Callable[[Builder], t.Any] = "MAX",
        relation: str | None = None,
    ) -> t.Self:
        """Keep only the related row with the ``MAX``/``MIN`` of ``column`` per parent.

        ``column`` may be a dict ``{'published_at': 'max', 'id': 'max'}`` (ties broken by
        the later columns); a callable ``aggregate`` then constrains the sub-query.
        Laravel: ``CanBeOneOfMany::ofMany()``.
        """
        from protevus.database.eloquent.relations.relation import Relation

        self._is_one_of_many = True
        self._relation_name = relation or self.get_default_one_of_many_join_alias(
            guess_relation_name()
        )
        key_name = self.query.get_model().get_key_name()
        closure = aggregate if callable(aggregate) else None
        if column is None:
            column = "id"
        if isinstance(column, str):
            name = aggregate if isinstance(aggregate, str) else "MAX"
            columns = {column: name, key_name: name}
        else:
            columns = dict(column)
        if key_name not in columns:
            columns[key_name] = "MAX"

        previous: dict[str, t.Any] | None = None
        names = list(columns)
        for position, (name, function) in enumerate(columns.items()):
            if not isinstance(function, str) or function.lower() not in ("min", "max"):
                raise InvalidArgumentError(
                    f"Invalid aggregate [{function}] used within ofMany relation. "
                    "Available aggregates: MIN, MAX"
                )
            on = [name, *(previous["columns"] if previous else [])]
            sub_query = self.new_one_of_many_sub_query(
                self.get_one_of_many_sub_query_select_columns(), on, function
            )
            if previous is not None:
                self.add_one_of_many_join_sub_query(
                    sub_query, previous["sub_query"], previous["columns"]
                )
            if closure is not None:
                closure(sub_query)
            if previous is None:
                self._one_of_many_sub_query = sub_query
            if position == len(names) - 1:
                self.add_one_of_many_join_sub_query(self.query, sub_query, on)
            previous = {"sub_query": sub_query, "columns": on}

        if Relation.constraints_enabled():
            self.add_constraints()
        selected = self.query.get_query().columns
        if selected is None or selected == ["*"]:
            self.query.select([self.query.get_model().qualify_column("*")])
        return self

    def latest_of_many(
        self, column: str | list[str] = "id", relation: str | None = None
    ) -> t.Self:
        """Keep the related row with the highest ``column`` (the newest). Laravel: ``latestOfMany()``."""
        columns = [column] if isinstance(column, str) else list(column)
        return self.of_many({name: "MAX" for name in columns}, "MAX", relation)

    def oldest_of_many(
        self, column: str | list[str] = "id", relation: str | None = None
    ) -> t.Self:
        """Keep the related row with the lowest ``column`` (the oldest). Laravel: ``oldestOfMany()``."""
        columns = [column] if isinstance(column, str) else list(column)
        return self.of_many({name: "MIN" for name in columns}, "MIN", relation)

    def get_default_one_of_many_join_alias(self, relation: str) -> str:
        """Alias the sub-query after the relation (``_of_many`` added on a table-name clash).

        Laravel: ``CanBeOneOfMany::getDefaultOneOfManyJoinAlias()``.
        """
        if relation == self.query.get_model().get_table():
            return f"{relation}_of_many"
        return relation

    def new_one_of_many_sub_query(
        self,
        group_by: str | list[str],
        columns: list[str] | None = None,
        aggregate: str | None = None,
    ) -> Builder:
        """Build ``select MAX(col) as col_aggregate, fk from related group by fk``.

        Laravel: ``CanBeOneOfMany::newOneOfManySubQuery()``.
        """
        removed = getattr(self.query, "removed_scopes", None)
        if callable(removed):
            removed = removed()
        sub_query = (
            self.query.get_model()
            .new_query()
            .without_global_scopes(list(removed or []))
        )
        for group in [group_by] if isinstance(group_by, str) else group_by:
            sub_query.group_by(self.qualify_related_column(group))
        if columns is not None:
            grammar = sub_query.get_query().grammar
            for position, column in enumerate(columns):
                wrapped = grammar.wrap(sub_query.qualify_column(column))
                expression = (
                    f"{aggregate}({wrapped})" if position == 0 else f"min({wrapped})"
                )
                sub_query.select_raw(
                    f"{expression} as {grammar.wrap(column + '_aggregate')}"
                )
        self.add_one_of_many_sub_query_constraints(sub_query, None, aggregate)
        return sub_query

    def add_one_of_many_join_sub_query(
        self, parent: Builder, sub_query: Builder, on: list[str]
    ) -> None:
        """Join ``sub_query`` to ``parent`` on the aggregate columns, just before it compiles.

        Laravel: ``CanBeOneOfMany::addOneOfManyJoinSubQuery()``.
        """

        def join(base: t.Any) -> None:
            sub_query.apply_before_query_callbacks()

            def conditions(clause: JoinClause) -> None:
                for column in on:
                    clause.on(
                        self.qualify_sub_select_column(column + "_aggregate"),
                        "=",
                        self.qualify_related_column(column),
                    )
                self.add_one_of_many_join_sub_query_constraints(clause)

            base.join_sub(sub_query, self._relation_name, conditions)

        parent.before_query(join)

    def merge_one_of_many_joins_to(self, query: Builder) -> None:
        """Give ``query`` (an existence sub-query) the one-of-many join.

        Laravel: ``CanBeOneOfMany::mergeOneOfManyJoinsTo()``.
        """
        query.get_query().before_query_callbacks = list(
            self.query.get_query().before_query_callbacks
        )
        query.apply_before_query_callbacks()

    def get_relation_query(self) -> Builder:
        """Get the builder that carries the constraints (the sub-query for one-of-many).

        Laravel: ``CanBeOneOfMany::getRelationQuery()``.
        """
        if self._is_one_of_many and self._one_of_many_sub_query is not None:
            return self._one_of_many_sub_query
        return self.query

    def get_one_of_many_sub_query(self) -> Builder | None:
        """Get the aggregate sub-query. Laravel: ``CanBeOneOfMany::getOneOfManySubQuery()``."""
        return self._one_of_many_sub_query

    def qualify_sub_select_column(self, column: str) -> str:
        """Qualify ``column`` with the sub-query alias. Laravel: ``qualifySubSelectColumn()``."""
        return f"{self.get_relation_name()}.{column.split('.')[-1]}"

    def qualify_related_column(self, column: str) -> str:
        """Qualify ``column`` with the related table. Laravel: ``qualifyRelatedColumn()``."""
        return t.cast(str, self.query.get_model().qualify_column(column))

    def is_one_of_many(self) -> bool:
        """Determine if the relation is a one-of-many. Laravel: ``CanBeOneOfMany::isOneOfMany()``."""
        return self._is_one_of_many

    def get_relation_name(self) -> str | None:
        """Get the alias of the one-of-many sub-query. Laravel: ``CanBeOneOfMany::getRelationName()``."""
        return self._relation_name
