"""Relate models through a polymorphic pivot table: ``post.tags`` via ``taggables``.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\MorphToMany``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.relations.belongs_to_many import BelongsToMany

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.model import Model
    from protevus.database.eloquent.relations.pivot import Pivot


class MorphToMany(BelongsToMany):
    """Relate models through a pivot table whose rows also name the parent's type.

    ``morph_to_many(Tag, 'taggable')`` reads ``taggables`` rows with
    ``taggable_type`` = the parent's morph class; the inverse
    (``morphed_by_many(Post, 'taggable')``) filters on the related model's class.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\MorphToMany``.
    """

    def __init__(
        self,
        query: Builder,
        parent: Model,
        name: str,
        table: t.Any,
        foreign_pivot_key: str,
        related_pivot_key: str,
        parent_key: str,
        related_key: str,
        relation_name: str | None = None,
        inverse: bool = False,
    ) -> None:
        self.inverse = inverse
        self.morph_type = f"{name}_type"
        owner = query.get_model() if inverse else parent
        self.morph_class: str = owner.get_morph_class()
        super().__init__(
            query,
            parent,
            table,
            foreign_pivot_key,
            related_pivot_key,
            parent_key,
            related_key,
            relation_name,
        )

    def add_where_constraints(self) -> t.Self:
        """Limit the pivot rows to the parent and its type. Laravel: ``MorphToMany::addWhereConstraints()``."""
        super().add_where_constraints()
        self.query.where(self.qualify_pivot_column(self.morph_type), self.morph_class)
        return self

    def add_eager_constraints(self, models: t.Sequence[Model]) -> None:
        """Limit the pivot rows to the parents and their type. Laravel: ``addEagerConstraints()``."""
        super().add_eager_constraints(models)
        self.query.where(self.qualify_pivot_column(self.morph_type), self.morph_class)

    def _base_attach_record(self, id: t.Any, timed: bool) -> dict[str, t.Any]:
        record = super()._base_attach_record(id, timed)
        record.setdefault(self.morph_type, self.morph_class)
        return record

    def get_relation_existence_query(
        self, query: Builder, parent_query: Builder, columns: t.Any = ("*",)
    ) -> Builder:
        """Constrain an existence query through the pivot table and its type column.

        Laravel: ``MorphToMany::getRelationExistenceQuery()``.
        """
        built = super().get_relation_existence_query(query, parent_query, columns)
        built.where(self.qualify_pivot_column(self.morph_type), self.morph_class)
        return built

    def get_pivot_class(self) -> type[Pivot]:
        """Return the pivot model class (``using``'s, else MorphPivot). Laravel: ``newPivot()``."""
        if self.using_class is not None:
            return self.using_class
        from protevus.database.eloquent.relations.morph_pivot import MorphPivot

        return MorphPivot

    def new_pivot(
        self, attributes: t.Mapping[str, t.Any] | None = None, exists: bool = False
    ) -> Pivot:
        """Make a pivot model carrying the morph type. Laravel: ``MorphToMany::newPivot()``."""
        return super().new_pivot(
            {self.morph_type: self.morph_class, **(attributes or {})}, exists
        )

    def _prepare_pivot(self, pivot: Pivot) -> Pivot:
        from protevus.database.eloquent.relations.morph_pivot import MorphPivot

        if isinstance(pivot, MorphPivot):
            pivot.set_morph_type(self.morph_type).set_morph_class(self.morph_class)
        return pivot

    def new_pivot_query(self) -> t.Any:
        """Return a pivot query limited to the parent, its type and the pivot constraints.

        Laravel: ``MorphToMany::newPivotQuery()``.
        """
        return super().new_pivot_query().where(self.morph_type, self.morph_class)

    def _pivot_select_columns(self) -> list[t.Any]:
        return [
            self.foreign_pivot_key,
            self.related_pivot_key,
            self.morph_type,
            *self.pivot_columns,
        ]

    def get_morph_type(self) -> str:
        """Return the pivot's type column (``taggable_type``). Laravel: ``MorphToMany::getMorphType()``."""
        return self.morph_type

    def get_qualified_morph_type_name(self) -> str:
        """Return ``table.taggable_type``. Laravel: ``MorphToMany::getQualifiedMorphTypeName()``."""
        return t.cast(str, self.qualify_pivot_column(self.morph_type))

    def get_morph_class(self) -> str:
        """Return the class alias stored in the type column. Laravel: ``MorphToMany::getMorphClass()``."""
        return self.morph_class

    def get_inverse(self) -> bool:
        """Return whether this is the inverse side (``morphed_by_many``). Laravel: ``getInverse()``."""
        return self.inverse
