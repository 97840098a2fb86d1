"""A one-to-many relation through a middle model: ``country.posts`` via ``users``.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasManyThrough``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.relations.has_one_or_many_through import (
    HasOneOrManyThrough,
)
from protevus.database.eloquent.relations.relation import Relation

if t.TYPE_CHECKING:
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model
    from protevus.database.eloquent.relations.has_one_through import HasOneThrough


class HasManyThrough(HasOneOrManyThrough):
    """Load the far models of a far parent as a collection.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasManyThrough``.
    """

    many: t.ClassVar[bool] = True

    def one(self) -> HasOneThrough:
        """Turn the relation into a has-one-through with the same keys. Laravel: ``HasManyThrough::one()``."""
        from protevus.database.eloquent.relations.has_one_through import HasOneThrough

        query = self.get_query()
        query.get_query().joins = []
        return t.cast(
            "HasOneThrough",
            Relation.no_constraints(
                lambda: HasOneThrough(
                    query,
                    self.far_parent,
                    self.through_parent,
                    self.first_key,
                    self.second_key,
                    self.local_key,
                    self.second_local_key,
                )
            ),
        )

    def get_results(self) -> Collection:
        """Get the far models, or an empty collection without a local key. Laravel: ``getResults()``."""
        if self.far_parent.get_attribute(self.local_key) is None:
            return self.related.new_collection([])
        return self.get()

    def init_relation(
        self, models: t.Sequence[Model], relation: str
    ) -> t.Sequence[Model]:
        """Give every far parent an empty collection. Laravel: ``HasManyThrough::initRelation()``."""
        for model in models:
            model.set_relation(relation, self.related.new_collection([]))
        return models

    def match(
        self, models: t.Sequence[Model], results: Collection, relation: str
    ) -> t.Sequence[Model]:
        """Set each far parent's far models. Laravel: ``HasManyThrough::match()``."""
        dictionary = self.build_dictionary(results)
        for model in models:
            key = self.get_dictionary_key(model.get_attribute(self.local_key))
            if key in dictionary:
                model.set_relation(
                    relation, self.related.new_collection(dictionary[key])
                )
        return models
