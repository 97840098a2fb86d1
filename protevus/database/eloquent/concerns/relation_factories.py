"""Define relations on a model: has_one, has_many, belongs_to, through and polymorphic relations.

Laravel: the relation factory methods of ``Illuminate\\Database\\Eloquent\\Concerns\\HasRelationships``.

The polymorphic and many-to-many relation classes are imported lazily by module path
(``protevus.database.eloquent.relations.<snake>``).
"""

from __future__ import annotations

import importlib
import typing as t

from protevus.database.eloquent.relations.concerns.can_be_one_of_many import (
    guess_relation_name,
)
from protevus.database.eloquent.relations.relation import Relation
from protevus.database.eloquent.relations.relation import resolve_model_class
from protevus.support.aliases import CamelAliases
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from protevus.database.eloquent.model import Model
    from protevus.database.eloquent.relations.belongs_to import BelongsTo
    from protevus.database.eloquent.relations.has_many import HasMany
    from protevus.database.eloquent.relations.has_many_through import HasManyThrough
    from protevus.database.eloquent.relations.has_one import HasOne
    from protevus.database.eloquent.relations.has_one_through import HasOneThrough

__all__ = ["RelationFactories"]

_RELATIONS_PACKAGE = "protevus.database.eloquent.relations"


class RelationFactories(CamelAliases):
    """Build the relation objects a model's relation methods return.

    Laravel: ``HasRelationships::hasOne()``, ``hasMany()``, ``belongsTo()``... (mixed into
    :class:`HasRelationships`).
    """

    if t.TYPE_CHECKING:

        def __getattr__(self, name: str) -> t.Any: ...

    def new_related_instance(self, related: t.Any) -> Model:
        """Instantiate the related model on this model's connection. Laravel: ``newRelatedInstance()``."""
        instance = resolve_model_class(related)()
        if not instance.get_connection_name():
            set_connection = getattr(instance, "set_connection", None)
            if callable(set_connection):
                set_connection(self.get_connection_name())
        return instance

    def new_related_through_instance(self, related: t.Any) -> Model:
        """Instantiate the middle model of a through relation. Laravel: ``newRelatedThroughInstance()``."""
        return resolve_model_class(related)()

    def has_one(
        self,
        related: t.Any,
        foreign_key: str | None = None,
        local_key: str | None = None,
    ) -> HasOne:
        """Define a one-to-one relation where the related row holds this key (``user.phone``).

        Laravel: ``HasRelationships::hasOne()``.
        """
        return t.cast(
            "HasOne",
            self._has_one_or_many("has_one", "HasOne", related, foreign_key, local_key),
        )

    def has_many(
        self,
        related: t.Any,
        foreign_key: str | None = None,
        local_key: str | None = None,
    ) -> HasMany:
        """Define a one-to-many relation (``post.comments``). Laravel: ``HasRelationships::hasMany()``."""
        return t.cast(
            "HasMany",
            self._has_one_or_many(
                "has_many", "HasMany", related, foreign_key, local_key
            ),
        )

    def _has_one_or_many(
        self,
        module: str,
        class_name: str,
        related: t.Any,
        foreign_key: str | None,
        local_key: str | None,
    ) -> t.Any:
        instance = self.new_related_instance(related)
        return _relation_class(module, class_name)(
            instance.new_query(),
            self,
            f"{instance.get_table()}.{foreign_key or self.get_foreign_key()}",
            local_key or self.get_key_name(),
        )

    def belongs_to(
        self,
        related: t.Any,
        foreign_key: str | None = None,
        owner_key: str | None = None,
        relation: str | None = None,
    ) -> BelongsTo:
        """Define the inverse of a has-one/has-many (``comment.post``); the key is ``<method>_id``.

        Laravel: ``HasRelationships::belongsTo()``.
        """
        from protevus.database.eloquent.relations.belongs_to import BelongsTo

        relation = relation or guess_relation_name()
        instance = self.new_related_instance(related)
        if foreign_key is None:
            foreign_key = f"{Str.snake(relation)}_{instance.get_key_name()}"
        owner_key = owner_key or instance.get_key_name()
        return BelongsTo(
            instance.new_query(),
            t.cast("Model", self),
            foreign_key,
            owner_key,
            relation,
        )

    def has_one_through(
        self,
        related: t.Any,
        through: t.Any,
        first_key: str | None = None,
        second_key: str | None = None,
        local_key: str | None = None,
        second_local_key: str | None = None,
    ) -> HasOneThrough:
        """Define a one-to-one relation through a middle model. Laravel: ``hasOneThrough()``."""
        from protevus.database.eloquent.relations.has_one_through import HasOneThrough

        middle = self.new_related_through_instance(through)
        return HasOneThrough(
            self.new_related_instance(related).new_query(),
            t.cast("Model", self),
            middle,
            first_key or self.get_foreign_key(),
            second_key or middle.get_foreign_key(),
            local_key or self.get_key_name(),
            second_local_key or middle.get_key_name(),
        )

    def has_many_through(
        self,
        related: t.Any,
        through: t.Any,
        first_key: str | None = None,
        second_key: str | None = None,
        local_key: str | None = None,
        second_local_key: str | None = None,
    ) -> HasManyThrough:
        """Define a one-to-many relation through a middle model (``country.posts`` via users).

        Laravel: ``HasRelationships::hasManyThrough()``.
        """
        from protevus.database.eloquent.relations.has_many_through import HasManyThrough

        middle = self.new_related_through_instance(through)
        return HasManyThrough(
            self.new_related_instance(related).new_query(),
            t.cast("Model", self),
            middle,
            first_key or self.get_foreign_key(),
            second_key or middle.get_foreign_key(),
            local_key or self.get_key_name(),
            second_local_key or middle.get_key_name(),
        )

    def belongs_to_many(
        self,
        related: t.Any,
        table: t.Any = None,
        foreign_pivot_key: str | None = None,
        related_pivot_key: str | None = None,
        parent_key: str | None = None,
        related_key: str | None = None,
        relation: str | None = None,
    ) -> t.Any:
        """Define a many-to-many relation through a pivot table (``post_tag`` by default).

        Laravel: ``HasRelationships::belongsToMany()``.
        """
        relation = relation or guess_relation_name()
        instance = self.new_related_instance(related)
        if table is None:
            table = self.joining_table(related, instance)
        return _relation_class("belongs_to_many", "BelongsToMany")(
            instance.new_query(),
            self,
            table,
            foreign_pivot_key or self.get_foreign_key(),
            related_pivot_key or instance.get_foreign_key(),
            parent_key or self.get_key_name(),
            related_key or instance.get_key_name(),
            relation,
        )

    def morph_one(
        self,
        related: t.Any,
        name: str,
        type_: str | None = None,
        id_: str | None = None,
        local_key: str | None = None,
    ) -> t.Any:
        """Define a polymorphic one-to-one relation (``post.image``). Laravel: ``morphOne()``."""
        return self._morph_one_or_many(
            "morph_one", "MorphOne", related, name, type_, id_, local_key
        )

    def morph_many(
        self,
        related: t.Any,
        name: str,
        type_: str | None = None,
        id_: str | None = None,
        local_key: str | None = None,
    ) -> t.Any:
        """Define a polymorphic one-to-many relation (``post.likes``). Laravel: ``morphMany()``."""
        return self._morph_one_or_many(
            "morph_many", "MorphMany", related, name, type_, id_, local_key
        )

    def _morph_one_or_many(
        self,
        module: str,
        class_name: str,
        related: t.Any,
        name: str,
        type_: str | None,
        id_: str | None,
        local_key: str | None,
    ) -> t.Any:
        instance = self.new_related_instance(related)
        type_, id_ = self.get_morphs(name, type_, id_)
        table = instance.get_table()
        return _relation_class(module, class_name)(
            instance.new_query(),
            self,
            f"{table}.{type_}",
            f"{table}.{id_}",
            local_key or self.get_key_name(),
        )

    def morph_to(
        self,
        name: str | None = None,
        type_: str | None = None,
        id_: str | None = None,
        owner_key: str | None = None,
    ) -> t.Any:
        """Define the owner side of a polymorphic relation (``like.likeable``). Laravel: ``morphTo()``."""
        name = name or guess_relation_name()
        type_, id_ = self.get_morphs(Str.snake(name), type_, id_)
        target = self.get_attribute_from_array(type_)
        morph_to = _relation_class("morph_to", "MorphTo")
        if target is None or target == "":
            query = self.new_query()
            set_eager_loads = getattr(query, "set_eager_loads", None)
            if callable(set_eager_loads):
                set_eager_loads({})
            else:
                query.eager_load = {}
            return morph_to(query, self, id_, owner_key, type_, name)
        instance = self.new_related_instance(
            self.get_actual_class_name_for_morph(target)
        )
        return morph_to(
            instance.new_query(),
            self,
            id_,
            owner_key or instance.get_key_name(),
            type_,
            name,
        )

    @staticmethod
    def get_actual_class_name_for_morph(alias: t.Any) -> t.Any:
        """Map a ``*_type`` value through the morph map. Laravel: ``getActualClassNameForMorph()``."""
        return (
            Relation.morph_map().get(alias, alias) if isinstance(alias, str) else alias
        )

    def morph_to_many(
        self,
        related: t.Any,
        name: str,
        table: t.Any = None,
        foreign_pivot_key: str | None = None,
        related_pivot_key: str | None = None,
        parent_key: str | None = None,
        related_key: str | None = None,
        relation: str | None = None,
        inverse: bool = False,
    ) -> t.Any:
        """Define a polymorphic many-to-many relation (``post.tags`` via ``taggables``).

        Laravel: ``HasRelationships::morphToMany()``.
        """
        relation = relation or guess_relation_name()
        instance = self.new_related_instance(related)
        if not table:
            head, _, last = name.rpartition("_")
            table = f"{head}_{Str.plural(last)}" if head else Str.plural(last)
        return _relation_class("morph_to_many", "MorphToMany")(
            instance.new_query(),
            self,
            name,
            table,
            foreign_pivot_key or f"{name}_id",
            related_pivot_key or instance.get_foreign_key(),
            parent_key or self.get_key_name(),
            related_key or instance.get_key_name(),
            relation,
            inverse,
        )

    def morphed_by_many(
        self,
        related: t.Any,
        name: str,
        table: t.Any = None,
        foreign_pivot_key: str | None = None,
        related_pivot_key: str | None = None,
        parent_key: str | None = None,
        related_key: str | None = None,
        relation: str | None = None,
    ) -> t.Any:
        """Define the inverse of a polymorphic many-to-many (``tag.posts``). Laravel: ``morphedByMany()``."""
        return self.morph_to_many(
            related,
            name,
            table,
            foreign_pivot_key or self.get_foreign_key(),
            related_pivot_key or f"{name}_id",
            parent_key,
            related_key,
            relation or guess_relation_name(),
            True,
        )

    def get_morphs(
        self, name: str, type_: str | None, id_: str | None
    ) -> tuple[str, str]:
        """Get the ``<name>_type`` and ``<name>_id`` columns. Laravel: ``getMorphs()``."""
        return type_ or f"{name}_type", id_ or f"{name}_id"

    def joining_table(self, related: t.Any, instance: t.Any = None) -> str:
        """Get the pivot table name: both singular snake names, sorted (``post_tag``).

        Laravel: ``HasRelationships::joiningTable()``.
        """
        first = (
            instance.joining_table_segment()
            if instance is not None
            else Str.snake(resolve_model_class(related).__name__)
        )
        segments = sorted([first, self.joining_table_segment()])
        return "_".join(segments).lower()

    def joining_table_segment(self) -> str:
        """Get this model's part of a pivot table name. Laravel: ``joiningTableSegment()``."""
        return Str.snake(type(self).__name__)


def _relation_class(module: str, name: str) -> t.Any:
    return getattr(importlib.import_module(f"{_RELATIONS_PACKAGE}.{module}"), name)
