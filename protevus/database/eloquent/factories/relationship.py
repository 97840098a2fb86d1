"""Create related models for a parent a factory created (``has(...)``).

Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\Relationship``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.factories.factory import Factory


class Relationship(CamelAliases):
    """A child factory and the has-one/has-many/morph/belongs-to-many relation it fills.

    Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\Relationship``.
    """

    def __init__(self, factory: Factory, relationship: str) -> None:
        self.factory = factory
        self.relationship = relationship

    def create_for(self, model: t.Any) -> None:
        """Create the related models for ``model``. Laravel: ``Relationship::createFor()``."""
        relation = model.relation(self.relationship)
        if hasattr(relation, "attach"):
            relation.attach(self.factory.create({}, model))
        elif hasattr(relation, "get_morph_type") and hasattr(
            relation, "get_parent_key"
        ):
            self.factory.state(
                {
                    relation.get_morph_type(): relation.get_morph_class(),
                    relation.get_foreign_key_name(): relation.get_parent_key(),
                }
            ).create({}, model)
        else:
            self.factory.state(
                {relation.get_foreign_key_name(): relation.get_parent_key()}
            ).create({}, model)

    def recycle(self, recycle: dict[type, list[t.Any]]) -> Relationship:
        """Hand the models to reuse down to the child factory. Laravel: ``recycle()``."""
        self.factory = self.factory.recycle(recycle)
        return self
