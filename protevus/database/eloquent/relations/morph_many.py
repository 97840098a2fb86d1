"""A polymorphic one-to-many relation: ``post.comments`` shared with ``video.comments``.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\MorphMany``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.relations.morph_one_or_many import MorphOneOrMany
from protevus.database.eloquent.relations.relation import Relation

if t.TYPE_CHECKING:
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model
    from protevus.database.eloquent.relations.morph_one import MorphOne


class MorphMany(MorphOneOrMany):
    """Load the children of a parent whose ``<name>_type`` names the parent's class.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\MorphMany``.
    """

    many: t.ClassVar[bool] = True

    def one(self) -> MorphOne:
        """Turn the relation into a morph-one with the same keys and constraints.

        Laravel: ``MorphMany::one()``.
        """
        from protevus.database.eloquent.relations.morph_one import MorphOne

        query, parent = self.get_query(), self.parent
        morph_type, foreign_key, local_key = (
            self.morph_type,
            self.foreign_key,
            self.local_key,
        )
        return t.cast(
            "MorphOne",
            Relation.no_constraints(
                lambda: MorphOne(query, parent, morph_type, foreign_key, local_key)
            ),
        )

    def get_results(self) -> Collection:
        """Get the children, or an empty collection when the parent key is null.

        Laravel: ``MorphMany::getResults()``.
        """
        if self.get_parent_key() is None:
            return self.related.new_collection([])
        return t.cast("Collection", self.query.get())

    def init_relation(
        self, models: t.Sequence[Model], relation: str
    ) -> t.Sequence[Model]:
        """Give every parent an empty collection. Laravel: ``MorphMany::initRelation()``."""
        for model in models:
            model.set_relation(relation, self.related.new_collection([]))
        return models

    def match(
        self, models: t.Sequence[Model], results: Collection, relation: str
    ) -> t.Sequence[Model]:
        """Set each parent's children. Laravel: ``MorphMany::match()``."""
        return self.match_many(models, results, relation)
