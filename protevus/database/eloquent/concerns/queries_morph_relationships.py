"""Constrain a query by its polymorphic relations (has_morph, where_morphed_to...).

Laravel: the ``*Morph*`` methods of ``Illuminate\\Database\\Eloquent\\Concerns\\QueriesRelationships``.

A morph-to relation points at several tables, so ``has_morph('likeable', [Post,
Video])`` checks each type with its own belongs-to existence query, inside one
parenthesised ``or`` group.
"""

from __future__ import annotations

import inspect
import typing as t

from protevus.database.query.concerns.builds_wheres import UNSET
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder as QueryBuilder

Callback = t.Callable[..., t.Any] | None


class QueriesMorphRelationships(CamelAliases):
    """Constrain a query by its polymorphic relations.

    Laravel: ``QueriesRelationships::hasMorph()`` and friends.
    """

    if t.TYPE_CHECKING:
        query: QueryBuilder
        model: t.Any

        def get_model(self) -> t.Any: ...
        def get_relation_without_constraints(self, relation: str) -> t.Any: ...
        def can_use_exists_for_existence_check(
            self, operator: str, count: t.Any
        ) -> bool: ...

        def where_has(self, *args: t.Any, **kwargs: t.Any) -> t.Self: ...

    def has_morph(
        self,
        relation: t.Any,
        types: t.Any,
        operator: str = ">=",
        count: int = 1,
        boolean: str = "and",
        callback: Callback = None,
    ) -> t.Self:
        """Constrain a morph-to relation per parent type: ``has_morph('likeable', [Post, Video])``.

        ``types='*'`` takes every type stored in the table. The callback receives the
        related query and, if it accepts two arguments, the type's class.
        Laravel: ``QueriesRelationships::hasMorph()``.
        """
        if isinstance(relation, str):
            relation = self.get_relation_without_constraints(relation)
        type_list = list(types) if isinstance(types, (list, tuple, set)) else [types]
        if type_list == ["*"]:
            column = relation.qualify_column(relation.get_morph_type())
            stored = self.get_model().new_model_query().distinct().pluck(column)
            type_list = [value for value in stored if value]
        # An alias and a dotted path may name the same class: check it once.
        classes = list(dict.fromkeys(_morph_class(type_) for type_ in type_list))
        model = self.get_model()
        morph_type = model.qualify_column(relation.get_morph_type())
        # Laravel nests one ``or`` group per type inside one group: ``(("type" = ? and
        # exists (...)) or (...))``. Build the groups on plain model queries so the
        # nested where_has runs on Eloquent builders.
        outer = model.new_model_query()
        for cls in classes:
            inner = model.new_model_query()
            belongs_to = self._get_belongs_to_relation(relation, cls)
            typed = None if callback is None else _with_type(callback, cls)
            inner.get_query().where(morph_type, "=", cls().get_morph_class())
            inner.where_has(belongs_to, typed, operator, count)
            outer.get_query().add_nested_where_query(inner.get_query(), "or")
        self.query.add_nested_where_query(outer.get_query(), boolean)
        return self

    def _get_belongs_to_relation(self, relation: t.Any, cls: type) -> t.Any:
        """Build the belongs-to relation one morph type resolves to.

        Laravel: ``QueriesRelationships::getBelongsToRelation()``.
        """
        from protevus.database.eloquent.relations.relation import Relation

        model = self.get_model()
        belongs_to = Relation.no_constraints(
            lambda: model.belongs_to(
                cls,
                relation.get_foreign_key_name(),
                relation.get_owner_key_name(),
                relation.get_relation_name(),
            )
        )
        belongs_to.get_query().merge_constraints_from(relation.get_query())
        return belongs_to

    def or_has_morph(
        self, relation: t.Any, types: t.Any, operator: str = ">=", count: int = 1
    ) -> t.Self:
        """Add an ``or`` morph existence condition. Laravel: ``QueriesRelationships::orHasMorph()``."""
        return self.has_morph(relation, types, operator, count, "or")

    def doesnt_have_morph(
        self,
        relation: t.Any,
        types: t.Any,
        boolean: str = "and",
        callback: Callback = None,
    ) -> t.Self:
        """Keep rows whose morph-to parent of the types is missing. Laravel: ``QueriesRelationships::doesntHaveMorph()``."""
        return self.has_morph(relation, types, "<", 1, boolean, callback)

    def or_doesnt_have_morph(self, relation: t.Any, types: t.Any) -> t.Self:
        """Add an ``or`` morph absence condition. Laravel: ``QueriesRelationships::orDoesntHaveMorph()``."""
        return self.doesnt_have_morph(relation, types, "or")

    def where_has_morph(
        self,
        relation: t.Any,
        types: t.Any,
        callback: Callback = None,
        operator: str = ">=",
        count: int = 1,
    ) -> t.Self:
        """Keep rows whose morph-to parent matches the callback. Laravel: ``QueriesRelationships::whereHasMorph()``."""
        return self.has_morph(relation, types, operator, count, "and", callback)

    def or_where_has_morph(
        self,
        relation: t.Any,
        types: t.Any,
        callback: Callback = None,
        operator: str = ">=",
        count: int = 1,
    ) -> t.Self:
        """Add an ``or`` constrained morph condition. Laravel: ``QueriesRelationships::orWhereHasMorph()``."""
        return self.has_morph(relation, types, operator, count, "or", callback)

    def where_doesnt_have_morph(
        self, relation: t.Any, types: t.Any, callback: Callback = None
    ) -> t.Self:
        """Keep rows without a matching morph-to parent. Laravel: ``QueriesRelationships::whereDoesntHaveMorph()``."""
        return self.doesnt_have_morph(relation, types, "and", callback)

    def or_where_doesnt_have_morph(
        self, relation: t.Any, types: t.Any, callback: Callback = None
    ) -> t.Self:
        """Add an ``or`` constrained morph absence. Laravel: ``QueriesRelationships::orWhereDoesntHaveMorph()``."""
        return self.doesnt_have_morph(relation, types, "or", callback)

    def where_morph_relation(
        self,
        relation: t.Any,
        types: t.Any,
        column: t.Any,
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
    ) -> t.Self:
        """Keep rows whose morph-to parent has a matching column.

        Laravel: ``QueriesRelationships::whereMorphRelation()``.
        """
        return self.where_has_morph(
            relation, types, column_constraint(column, operator, value)
        )

    def or_where_morph_relation(
        self,
        relation: t.Any,
        types: t.Any,
        column: t.Any,
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
    ) -> t.Self:
        """Add an ``or`` morph column condition. Laravel: ``QueriesRelationships::orWhereMorphRelation()``."""
        return self.or_where_has_morph(
            relation, types, column_constraint(column, operator, value)
        )

    def where_morphed_to(
        self, relation: t.Any, model: t.Any, boolean: str = "and", not_: bool = False
    ) -> t.Self:
        """Keep rows whose morph-to relation points at ``model`` (a model, a type, or None).

        Laravel: ``QueriesRelationships::whereMorphedTo()``.
        """
        if isinstance(relation, str):
            relation = self.get_relation_without_constraints(relation)
        morph_type = relation.qualify_column(relation.get_morph_type())
        if model is None:
            self.query.where_null(morph_type, boolean, not_)
            return self
        if isinstance(model, (str, type)):
            morph_class = _morph_class(model)().get_morph_class()
            if not_:
                self.query.where(morph_type, "<>", morph_class, boolean)
            else:
                self.query.where(morph_type, "=", morph_class, boolean)
            return self
        foreign_key = relation.qualify_column(relation.get_foreign_key_name())

        def pair(query: t.Any) -> None:
            query.where(morph_type, model.get_morph_class())
            query.where(foreign_key, model.get_key())

        self.query.where_nested(pair, boolean + " not" if not_ else boolean)
        return self

    def where_not_morphed_to(
        self, relation: t.Any, model: t.Any, boolean: str = "and"
    ) -> t.Self:
        """Keep rows whose morph-to relation does not point at ``model``.

        Laravel: ``QueriesRelationships::whereNotMorphedTo()``.
        """
        return self.where_morphed_to(relation, model, boolean, True)

    def or_where_morphed_to(self, relation: t.Any, model: t.Any) -> t.Self:
        """Add an ``or`` morphed-to condition. Laravel: ``QueriesRelationships::orWhereMorphedTo()``."""
        return self.where_morphed_to(relation, model, "or")

    def or_where_not_morphed_to(self, relation: t.Any, model: t.Any) -> t.Self:
        """Add an ``or`` not-morphed-to condition. Laravel: ``QueriesRelationships::orWhereNotMorphedTo()``."""
        return self.where_morphed_to(relation, model, "or", True)


def column_constraint(
    column: t.Any, operator: t.Any, value: t.Any
) -> t.Callable[[t.Any], None]:
    """Build the callback ``where_relation`` passes to ``where_has``."""

    def constraint(query: t.Any) -> None:
        if callable(column) and not isinstance(column, str):
            column(query)
        elif value is UNSET:
            query.where(column, operator)
        else:
            query.where(column, operator, value)

    return constraint


def _with_type(
    callback: t.Callable[..., t.Any], cls: type
) -> t.Callable[[t.Any], t.Any]:
    """Pass the morph type to callbacks that take a second argument."""
    try:
        params = inspect.signature(callback).parameters.values()
    except (TypeError, ValueError):
        return callback
    positional = [
        p
        for p in params
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)
    ]
    if len(positional) >= 2 or any(p.kind == p.VAR_POSITIONAL for p in positional):
        return lambda query: callback(query, cls)
    return callback


def _morph_class(type_: t.Any) -> type:
    """Resolve a morph type (a class, a morph-map alias or a dotted class path) to its class."""
    if isinstance(type_, type):
        return type_
    from protevus.database.eloquent.relations.relation import Relation
    from protevus.database.eloquent.relations.relation import resolve_model_class

    morphed = Relation.get_morphed_model(type_)
    try:
        return resolve_model_class(type_ if morphed is None else morphed)
    except ValueError as exc:
        raise InvalidArgumentError(
            f"Class [{type_}] not found for a morph type: add it to Relation.morph_map() "
            "or store the model's dotted class path."
        ) from exc
