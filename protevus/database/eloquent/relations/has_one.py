"""A one-to-one relation where the child holds the key: ``user.phone``.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasOne``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.relations.concerns.can_be_one_of_many import (
    CanBeOneOfMany,
)
from protevus.database.eloquent.relations.concerns.compares_related_models import (
    ComparesRelatedModels,
)
from protevus.database.eloquent.relations.concerns.supports_default_models import (
    SupportsDefaultModels,
)
from protevus.database.eloquent.relations.has_one_or_many import HasOneOrMany

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model
    from protevus.database.query.join_clause import JoinClause


class HasOne(
    ComparesRelatedModels, CanBeOneOfMany, SupportsDefaultModels, HasOneOrMany
):
    """Load the single child of a parent (or the latest/oldest one of many).

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasOne``.
    """

    def get_results(self) -> Model | None:
        """Get the child, or the default model / ``None``. Laravel: ``HasOne::getResults()``."""
        if self.get_parent_key() is None:
            return self.get_default_for(self.parent)
        found = self.query.first()
        return t.cast("Model | None", found) or self.get_default_for(self.parent)

    def init_relation(
        self, models: t.Sequence[Model], relation: str
    ) -> t.Sequence[Model]:
        """Give every parent the default model or ``None``. Laravel: ``HasOne::initRelation()``."""
        for model in models:
            model.set_relation(relation, self.get_default_for(model))
        return models

    def match(
        self, models: t.Sequence[Model], results: Collection, relation: str
    ) -> t.Sequence[Model]:
        """Set each parent's child. Laravel: ``HasOne::match()``."""
        return self.match_one(models, results, relation)

    def get_relation_existence_query(
        self, query: Builder, parent_query: Builder, columns: t.Any = None
    ) -> Builder:
        """Add the one-of-many join to existence queries. Laravel: ``HasOne::getRelationExistenceQuery()``."""
        if self.is_one_of_many():
            self.merge_one_of_many_joins_to(query)
        return super().get_relation_existence_query(query, parent_query, columns)

    def add_one_of_many_sub_query_constraints(
        self, query: Builder, column: str | None = None, aggregate: str | None = None
    ) -> None:
        """Select the foreign key in the aggregate sub-query. Laravel: ``addOneOfManySubQueryConstraints()``."""
        query.add_select(self.foreign_key)

    def get_one_of_many_sub_query_select_columns(self) -> str | list[str]:
        """Group the aggregate sub-query by the foreign key. Laravel: ``getOneOfManySubQuerySelectColumns()``."""
        return self.foreign_key

    def add_one_of_many_join_sub_query_constraints(self, join: JoinClause) -> None:
        """Join the sub-query on the foreign key too. Laravel: ``addOneOfManyJoinSubQueryConstraints()``."""
        join.on(
            self.qualify_sub_select_column(self.foreign_key),
            "=",
            self.qualify_related_column(self.foreign_key),
        )

    def new_related_instance_for(self, parent: Model) -> Model:
        """Make the default child with the parent key set. Laravel: ``HasOne::newRelatedInstanceFor()``."""
        instance = self.related.new_instance()
        instance.set_attribute(
            self.get_foreign_key_name(), parent.get_attribute(self.local_key)
        )
        return instance

    def get_related_key_from(self, model: Model) -> t.Any:
        """Get the child's foreign key value. Laravel: ``HasOne::getRelatedKeyFrom()``."""
        return model.get_attribute(self.get_foreign_key_name())
