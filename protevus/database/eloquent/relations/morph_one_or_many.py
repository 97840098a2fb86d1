"""The shared half of morph-one and morph-many: children keyed by the parent's id and type.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\MorphOneOrMany``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.relations.has_one_or_many import HasOneOrMany
from protevus.database.eloquent.relations.relation import Relation

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.model import Model


class MorphOneOrMany(HasOneOrMany):
    """Query and write children whose ``<name>_id``/``<name>_type`` name the parent.

    ``morph_type`` and ``foreign_key`` are qualified (``images.imageable_type``); the
    type column holds the parent's morph class (its morph-map alias or dotted path).

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\MorphOneOrMany``.
    """

    morph_type: str
    morph_class: str

    def __init__(
        self, query: Builder, parent: Model, type_: str, id_: str, local_key: str
    ) -> None:
        self.morph_type = type_
        self.morph_class = parent.get_morph_class()
        super().__init__(query, parent, id_, local_key)

    def add_constraints(self) -> None:
        """Constrain to the parent's key and morph class. Laravel: ``MorphOneOrMany::addConstraints()``."""
        if Relation.constraints_enabled():
            super().add_constraints()
            self.get_relation_query().where(self.morph_type, self.morph_class)

    def add_eager_constraints(self, models: t.Sequence[Model]) -> None:
        """Constrain to the parents' keys and morph class. Laravel: ``addEagerConstraints()``."""
        super().add_eager_constraints(models)
        self.get_relation_query().where(self.morph_type, self.morph_class)

    def force_create(self, attributes: dict[str, t.Any] | None = None) -> Model:
        """Create a child ignoring mass assignment, with the parent's key and type.

        Laravel: ``MorphOneOrMany::forceCreate()``.
        """
        attributes = {
            **(attributes or {}),
            self.get_foreign_key_name(): self.get_parent_key(),
            self.get_morph_type(): self.morph_class,
        }
        return t.cast("Model", self.related.new_query().force_create(attributes))

    def set_foreign_attributes_for_create(self, model: Model) -> None:
        """Write the parent's key and morph class into the child.

        Laravel: ``MorphOneOrMany::setForeignAttributesForCreate()``.
        """
        model.set_attribute(self.get_foreign_key_name(), self.get_parent_key())
        model.set_attribute(self.get_morph_type(), self.morph_class)

    def upsert(self, values: t.Any, unique_by: t.Any, update: t.Any = None) -> int:
        """Insert or update children, all with the parent's key and type. Laravel: ``upsert()``."""
        rows = [values] if isinstance(values, dict) else list(values)
        rows = [{**row, self.get_morph_type(): self.morph_class} for row in rows]
        return super().upsert(rows, unique_by, update)

    def get_relation_existence_query(
        self, query: Builder, parent_query: Builder, columns: t.Any = None
    ) -> Builder:
        """Constrain an existence query to children of the parent's type too.

        Laravel: ``MorphOneOrMany::getRelationExistenceQuery()``.
        """
        built = super().get_relation_existence_query(query, parent_query, columns)
        built.where(query.qualify_column(self.get_morph_type()), self.morph_class)
        return built

    def get_qualified_morph_type(self) -> str:
        """Get the qualified type column (``images.imageable_type``). Laravel: ``getQualifiedMorphType()``."""
        return self.morph_type

    def get_morph_type(self) -> str:
        """Get the type column (``imageable_type``). Laravel: ``MorphOneOrMany::getMorphType()``."""
        return self.morph_type.split(".")[-1]

    def get_morph_class(self) -> str:
        """Get the value stored in the type column. Laravel: ``MorphOneOrMany::getMorphClass()``."""
        return self.morph_class
