"""Resolve route parameters to models (implicit route model binding).

Laravel: ``Model::resolveRouteBinding()``, ``getRouteKeyName()``, ``resolveChildRouteBinding()``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import camel_aliases


@camel_aliases
class ResolvesRouteBindings:
    """Resolve route parameters to models (implicit route model binding).

    ``/posts/{post}`` finds the post whose route key (the primary key unless
    ``get_route_key_name()`` says otherwise) equals the URL segment;
    ``/posts/{post:slug}`` uses the ``slug`` column; in
    ``/users/{user}/posts/{post:slug}`` the post is looked up through
    ``user.relation('posts')``.

    Laravel: ``Model::resolveRouteBinding()``, ``getRouteKeyName()``, ``resolveChildRouteBinding()``.
    """

    __slots__ = ()

    if t.TYPE_CHECKING:

        def get_attribute(self, key: str) -> t.Any: ...
        def get_key_name(self) -> str: ...
        def new_query(self) -> t.Any: ...
        def relation(self, name: str) -> t.Any: ...

    def get_route_key(self) -> t.Any:
        """Get the value routes use for this model (its route key column's value).

        Laravel: ``Model::getRouteKey()``.
        """
        return self.get_attribute(self.get_route_key_name())

    def get_route_key_name(self) -> str:
        """Get the column routes bind by (the primary key; override to use ``slug``...).

        Laravel: ``Model::getRouteKeyName()``.
        """
        return self.get_key_name()

    def resolve_route_binding(self, value: t.Any, field: str | None = None) -> t.Any:
        """Find the model a route parameter names, or ``None``.

        Laravel: ``Model::resolveRouteBinding()``.
        """
        return self.resolve_route_binding_query(self.new_query(), value, field).first()

    def resolve_soft_deletable_route_binding(
        self, value: t.Any, field: str | None = None
    ) -> t.Any:
        """Find the model a route parameter names, soft-deleted ones included.

        Laravel: ``Model::resolveSoftDeletableRouteBinding()``.
        """
        query = self.resolve_route_binding_query(self.new_query(), value, field)
        with_trashed = getattr(query, "with_trashed", None)
        return (with_trashed() if callable(with_trashed) else query).first()

    def resolve_child_route_binding(
        self, child_type: str, value: t.Any, field: str | None
    ) -> t.Any:
        """Find a child model through this model's relation (``user`` → ``user.posts``).

        Laravel: ``Model::resolveChildRouteBinding()``.
        """
        return self.resolve_child_route_binding_query(child_type, value, field).first()

    def resolve_soft_deletable_child_route_binding(
        self, child_type: str, value: t.Any, field: str | None
    ) -> t.Any:
        """Find a child model through a relation, soft-deleted ones included.

        Laravel: ``Model::resolveSoftDeletableChildRouteBinding()``.
        """
        query = self.resolve_child_route_binding_query(child_type, value, field)
        with_trashed = getattr(query, "with_trashed", None)
        return (with_trashed() if callable(with_trashed) else query).first()

    def resolve_child_route_binding_query(
        self, child_type: str, value: t.Any, field: str | None
    ) -> t.Any:
        """Build the query finding a child model through the relation named after it.

        The relation is the plural of the parameter (``post`` → ``posts``); a
        through or many-to-many relation gets the column qualified by the
        related table.

        Laravel: ``Model::resolveChildRouteBindingQuery()``.
        """
        name = self.child_route_binding_relationship_name(child_type)
        relationship = self.relation(name)
        related = relationship.get_related()
        field = field or related.get_route_key_name()
        if _needs_qualified_column(relationship):
            field = related.qualify_column(field)
        return related.resolve_route_binding_query(relationship, value, field)

    def child_route_binding_relationship_name(self, child_type: str) -> str:
        """Get the relation that holds children of ``child_type`` (its snake-case plural).

        Laravel: ``Model::childRouteBindingRelationshipName()`` (camel-case there).
        """
        from protevus.support.str import Str

        return Str.plural(Str.snake(child_type))

    def resolve_route_binding_query(
        self, query: t.Any, value: t.Any, field: str | None = None
    ) -> t.Any:
        """Constrain ``query`` to the model a route parameter names.

        Laravel: ``Model::resolveRouteBindingQuery()``.
        """
        column = field or self.get_route_key_name()
        model = t.cast(t.Any, self)
        if column == model.get_key_name() and model.get_key_type() == "int":
            # An integer key compared with "abc" or 10**30 is a database error on
            # PostgreSQL (a 500); no such model can exist, so match nothing (a 404).
            if not _is_int64(value):
                return query.where_raw("1 = 0")
        return query.where(column, value)


def _is_int64(value: t.Any) -> bool:
    """Tell whether a route value is a whole number a 64-bit integer column can hold."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    text = str(value).strip()
    digits = text[1:] if text[:1] in "+-" else text
    return digits.isascii() and digits.isdigit() and -(2**63) <= int(text) < 2**63


def _needs_qualified_column(relationship: t.Any) -> bool:
    """Determine if the relation joins another table (through and many-to-many relations)."""
    names = {cls.__name__ for cls in type(relationship).__mro__}
    return bool(names & {"HasManyThrough", "HasOneOrManyThrough", "BelongsToMany"})
