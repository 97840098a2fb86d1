"""Constrain a query by its relations (has, where_has, with_count...).

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\QueriesRelationships``.

``has('comments')`` adds ``exists (select * from "comments" where "posts"."id" =
"comments"."post_id")``; a count other than "at least one" compares a
``(select count(*) ...)`` sub-query instead. ``with_count('comments')`` selects that
count as ``comments_count``. The relation builds its own existence query
(``get_relation_existence_query``), so every relation type works the same way here.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.concerns.eager_loads_relationships import (
    relation_not_found,
)
from protevus.database.eloquent.concerns.queries_morph_relationships import (
    QueriesMorphRelationships,
)
from protevus.database.eloquent.concerns.queries_morph_relationships import (
    column_constraint,
)
from protevus.database.eloquent.concerns.queries_relation_aggregates import (
    QueriesRelationAggregates,
)
from protevus.database.eloquent.concerns.queries_relation_aggregates import call_scope
from protevus.database.eloquent.exceptions import RelationNotFoundError
from protevus.database.query.concerns.builds_wheres import UNSET
from protevus.database.query.expression import Expression
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder as QueryBuilder

Callback = t.Callable[..., t.Any] | None


class QueriesRelationships(
    QueriesMorphRelationships, QueriesRelationAggregates, CamelAliases
):
    """Constrain a query by its relations (has, where_has, with_count...).

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\QueriesRelationships``.
    """

    if t.TYPE_CHECKING:
        query: QueryBuilder
        model: t.Any

        def get_model(self) -> t.Any: ...
        def get_query(self) -> QueryBuilder: ...
        def where(self, *args: t.Any, **kwargs: t.Any) -> t.Self: ...
        def to_base(self) -> QueryBuilder: ...

    # -- existence ---------------------------------------------------------------------

    def has(
        self,
        relation: t.Any,
        operator: str = ">=",
        count: int = 1,
        boolean: str = "and",
        callback: Callback = None,
    ) -> t.Self:
        """Keep rows whose relation has at least ``count`` rows: ``has('comments', '>=', 3)``.

        ``relation`` is a name (``'comments.author'`` nests), or a relation instance.
        Laravel: ``QueriesRelationships::has()``.
        """
        if isinstance(relation, str):
            if "." in relation:
                return self._has_nested(relation, operator, count, boolean, callback)
            relation = self.get_relation_without_constraints(relation)
        if _is_morph_to(relation):
            return self.has_morph(relation, ["*"], operator, count, boolean, callback)
        related_query = relation.get_related().new_query_without_relationships()
        if self.can_use_exists_for_existence_check(operator, count):
            has_query = relation.get_relation_existence_query(related_query, self)
        else:
            has_query = relation.get_relation_existence_count_query(related_query, self)
        if callback is not None:
            call_scope(has_query, callback)
        return self.add_has_where(has_query, relation, operator, count, boolean)

    def _has_nested(
        self,
        relations: str,
        operator: str,
        count: int,
        boolean: str,
        callback: Callback,
    ) -> t.Self:
        """Nest ``has`` through dotted relations: ``has('posts.comments')``.

        Laravel: ``QueriesRelationships::hasNested()``.
        """
        first, *rest = relations.split(".")
        doesnt_have = operator == "<" and count == 1
        if doesnt_have:
            operator, count = ">=", 1

        def nest(segments: list[str]) -> t.Callable[[t.Any], t.Any]:
            def closure(query: t.Any) -> None:
                if len(segments) > 1:
                    query.where_has(segments[0], nest(segments[1:]))
                else:
                    query.has(segments[0], operator, count, "and", callback)

            return closure

        return self.has(first, "<" if doesnt_have else ">=", 1, boolean, nest(rest))

    def or_has(self, relation: t.Any, operator: str = ">=", count: int = 1) -> t.Self:
        """Add an ``or`` relation existence condition. Laravel: ``QueriesRelationships::orHas()``."""
        return self.has(relation, operator, count, "or")

    def doesnt_have(
        self, relation: t.Any, boolean: str = "and", callback: Callback = None
    ) -> t.Self:
        """Keep rows whose relation is empty: ``not exists (...)``.

        Laravel: ``QueriesRelationships::doesntHave()``.
        """
        return self.has(relation, "<", 1, boolean, callback)

    def or_doesnt_have(self, relation: t.Any) -> t.Self:
        """Add an ``or not exists`` relation condition. Laravel: ``QueriesRelationships::orDoesntHave()``."""
        return self.doesnt_have(relation, "or")

    def where_has(
        self,
        relation: t.Any,
        callback: Callback = None,
        operator: str = ">=",
        count: int = 1,
    ) -> t.Self:
        """Keep rows with related rows matching the callback's constraints.

        ``Post.where_has('comments', lambda q: q.where('approved', True))``.
        Laravel: ``QueriesRelationships::whereHas()``.
        """
        return self.has(relation, operator, count, "and", callback)

    def or_where_has(
        self,
        relation: t.Any,
        callback: Callback = None,
        operator: str = ">=",
        count: int = 1,
    ) -> t.Self:
        """Add an ``or`` constrained existence condition. Laravel: ``QueriesRelationships::orWhereHas()``."""
        return self.has(relation, operator, count, "or", callback)

    def where_doesnt_have(self, relation: t.Any, callback: Callback = None) -> t.Self:
        """Keep rows without related rows matching the callback. Laravel: ``QueriesRelationships::whereDoesntHave()``."""
        return self.doesnt_have(relation, "and", callback)

    def or_where_doesnt_have(
        self, relation: t.Any, callback: Callback = None
    ) -> t.Self:
        """Add an ``or`` constrained absence condition. Laravel: ``QueriesRelationships::orWhereDoesntHave()``."""
        return self.doesnt_have(relation, "or", callback)

    def with_where_has(self, relation: str, callback: Callback = None) -> t.Self:
        """Filter by a relation and eager load the same matching rows.

        Laravel: ``QueriesRelationships::withWhereHas()``.
        """
        name = relation.split(":", 1)[0]
        self.where_has(name, callback)
        with_ = t.cast(t.Any, self).with_
        if callback is None:
            return t.cast(t.Self, with_(relation))
        return t.cast(t.Self, with_({relation: callback}))

    # -- relation column conditions ----------------------------------------------------

    def where_relation(
        self,
        relation: str,
        column: t.Any,
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
    ) -> t.Self:
        """Keep rows with a related row where ``column`` matches: ``where_relation('comments', 'approved', True)``.

        Laravel: ``QueriesRelationships::whereRelation()``.
        """
        return self.where_has(relation, column_constraint(column, operator, value))

    def or_where_relation(
        self,
        relation: str,
        column: t.Any,
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
    ) -> t.Self:
        """Add an ``or`` related-column condition. Laravel: ``QueriesRelationships::orWhereRelation()``."""
        return self.or_where_has(relation, column_constraint(column, operator, value))

    def where_doesnt_have_relation(
        self,
        relation: str,
        column: t.Any,
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
    ) -> t.Self:
        """Keep rows without a related row where ``column`` matches.

        Laravel: ``QueriesRelationships::whereDoesntHaveRelation()``.
        """
        return self.where_doesnt_have(
            relation, column_constraint(column, operator, value)
        )

    def where_belongs_to(
        self, related: t.Any, relationship_name: str | None = None, boolean: str = "and"
    ) -> t.Self:
        """Keep rows that belong to the given parent model(s): ``Post.where_belongs_to(user)``.

        The relation name defaults to the snake-case class name of the parent
        (``User`` → ``user``). Laravel: ``QueriesRelationships::whereBelongsTo()``.
        """
        models = list(related) if _is_many(related) else [related]
        if not models:
            raise InvalidArgumentError(
                "Collection given to where_belongs_to method may not be empty [0 models]: "
                "pass at least one model."
            )
        name = relationship_name or Str.snake(type(models[0]).__name__)
        relationship = self._relation_for(name)
        from protevus.database.eloquent.relations.belongs_to import BelongsTo

        if not isinstance(relationship, BelongsTo):
            raise relation_not_found(self.get_model(), name, "BelongsTo")
        owner_key = relationship.get_owner_key_name()
        keys = [model.get_attribute(owner_key) for model in models]
        self.query.where_in(
            relationship.get_qualified_foreign_key_name(), keys, boolean
        )
        return self

    def or_where_belongs_to(
        self, related: t.Any, relationship_name: str | None = None
    ) -> t.Self:
        """Add an ``or`` belongs-to condition. Laravel: ``QueriesRelationships::orWhereBelongsTo()``."""
        return self.where_belongs_to(related, relationship_name, "or")

    # -- building blocks ---------------------------------------------------------------

    def add_has_where(
        self, has_query: t.Any, relation: t.Any, operator: str, count: int, boolean: str
    ) -> t.Self:
        """Add the existence (or count) sub-query as a where clause.

        Laravel: ``QueriesRelationships::addHasWhere()``.
        """
        has_query.merge_constraints_from(relation.get_query())
        base = has_query.to_base()
        if self.can_use_exists_for_existence_check(operator, count):
            self.query.add_where_exists_query(
                base, boolean, operator == "<" and count == 1
            )
            return self
        return self.add_where_count_query(base, operator, count, boolean)

    def merge_constraints_from(self, from_: t.Any) -> t.Self:
        """Copy another Eloquent query's wheres (and removed global scopes) into this one.

        Laravel: ``QueriesRelationships::mergeConstraintsFrom()``.
        """
        base = from_.get_query()
        removed = _removed_scopes(from_)
        if removed:
            t.cast(t.Any, self).without_global_scopes(removed)
        self.query.wheres.extend(base.wheres)
        self.query.add_binding(list(base.get_raw_bindings().get("where", [])), "where")
        return self

    def add_where_count_query(
        self,
        query: QueryBuilder,
        operator: str = ">=",
        count: t.Any = 1,
        boolean: str = "and",
    ) -> t.Self:
        """Compare a count sub-query with a number: ``(select count(*) ...) >= 3``.

        Laravel: ``QueriesRelationships::addWhereCountQuery()``.
        """
        self.query.add_binding(query.get_bindings(), "where")
        value = Expression(str(int(count))) if _is_numeric(count) else count
        self.query.where(Expression(f"({query.to_sql()})"), operator, value, boolean)
        return self

    def get_relation_without_constraints(self, relation: str) -> t.Any:
        """Get a relation of the model without its single-model constraints.

        Laravel: ``QueriesRelationships::getRelationWithoutConstraints()``.
        """
        from protevus.database.eloquent.relations.relation import Relation

        return Relation.no_constraints(lambda: self._relation_for(relation))

    def _relation_for(self, name: str) -> t.Any:
        model = self.get_model()
        try:
            relation = model.relation(name)
        except RelationNotFoundError:
            raise
        except AttributeError as exc:
            raise relation_not_found(model, name) from exc
        if relation is None or not hasattr(relation, "get_relation_existence_query"):
            raise relation_not_found(model, name)
        return relation

    def can_use_exists_for_existence_check(self, operator: str, count: t.Any) -> bool:
        """Return whether an ``exists`` clause can replace the count comparison.

        Laravel: ``QueriesRelationships::canUseExistsForExistenceCheck()``.
        """
        return operator in (">=", "<") and count == 1 and not isinstance(count, bool)


def _removed_scopes(builder: t.Any) -> list[t.Any]:
    removed = getattr(builder, "removed_scopes", None)
    if callable(removed):
        return list(removed())
    return list(removed or [])


def _is_many(value: t.Any) -> bool:
    if isinstance(value, (list, tuple, set)):
        return True
    return (
        hasattr(value, "all")
        and hasattr(value, "__iter__")
        and not hasattr(value, "get_key")
    )


def _is_numeric(value: t.Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, str) and value.strip().lstrip("+-").isdigit()


def _is_morph_to(relation: t.Any) -> bool:
    try:
        from protevus.database.eloquent.relations.morph_to import MorphTo
    except ImportError:
        return False
    return isinstance(relation, MorphTo)
