"""A one-to-many relation: ``post.comments``.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasMany``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.relations.has_one_or_many import HasOneOrMany
from protevus.database.eloquent.relations.relation import Relation

if t.TYPE_CHECKING:
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model
    from protevus.database.eloquent.relations.has_one import HasOne


class HasMany(HasOneOrMany):
    """Load the children of a parent as a collection.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasMany``.
    """

    many: t.ClassVar[bool] = True

    def one(self) -> HasOne:
        """Turn the relation into a has-one with the same keys and constraints.

        ``self.has_many(Order).one().latest_of_many()``. Laravel: ``HasMany::one()``.
        """
        from protevus.database.eloquent.relations.has_one import HasOne

        query = self.get_query()
        parent = self.parent
        foreign_key, local_key = self.foreign_key, self.local_key
        return t.cast(
            "HasOne",
            Relation.no_constraints(
                lambda: HasOne(query, parent, foreign_key, local_key)
            ),
        )

    def get_results(self) -> Collection:
        """Get the children, or an empty collection when the parent key is null.

        Laravel: ``HasMany::getResults()``.
        """
        if self.get_parent_key() is None:
            return self.related.new_collection([])
        return self.query.get()

    def init_relation(
        self, models: t.Sequence[Model], relation: str
    ) -> t.Sequence[Model]:
        """Give every parent an empty collection. Laravel: ``HasMany::initRelation()``."""
        for model in models:
            model.set_relation(relation, self.related.new_collection([]))
        return models

    def match(
        self, models: t.Sequence[Model], results: Collection, relation: str
    ) -> t.Sequence[Model]:
        """Set each parent's children. Laravel: ``HasMany::match()``."""
        return self.match_many(models, results, relation)
