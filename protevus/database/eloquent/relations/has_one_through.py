"""A one-to-one relation through a middle model: ``mechanic.car_owner`` via ``cars``.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasOneThrough``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.relations.concerns.supports_default_models import (
    SupportsDefaultModels,
)
from protevus.database.eloquent.relations.has_one_or_many_through import (
    HasOneOrManyThrough,
)

if t.TYPE_CHECKING:
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model


class HasOneThrough(SupportsDefaultModels, HasOneOrManyThrough):
    """Load the single far model of a far parent.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasOneThrough``.
    """

    def get_results(self) -> Model | None:
        """Get the far model, or the default / ``None``. Laravel: ``HasOneThrough::getResults()``."""
        if self.far_parent.get_attribute(self.local_key) is None:
            return self.get_default_for(self.far_parent)
        return self.first() or self.get_default_for(self.far_parent)

    def init_relation(
        self, models: t.Sequence[Model], relation: str
    ) -> t.Sequence[Model]:
        """Give every far parent the default model or ``None``. Laravel: ``initRelation()``."""
        for model in models:
            model.set_relation(relation, self.get_default_for(model))
        return models

    def match(
        self, models: t.Sequence[Model], results: Collection, relation: str
    ) -> t.Sequence[Model]:
        """Set each far parent's far model. Laravel: ``HasOneThrough::match()``."""
        dictionary = self.build_dictionary(results)
        for model in models:
            key = self.get_dictionary_key(model.get_attribute(self.local_key))
            if key in dictionary:
                model.set_relation(relation, dictionary[key][0])
        return models

    def new_related_instance_for(self, parent: Model) -> Model:
        """Make the default far model. Laravel: ``HasOneThrough::newRelatedInstanceFor()``."""
        return self.related.new_instance()
