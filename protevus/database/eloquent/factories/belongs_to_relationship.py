"""Fill a model's foreign key from a parent model or factory (``for_(...)``).

Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\BelongsToRelationship``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

_MISSING = object()


class BelongsToRelationship(CamelAliases):
    """A parent (model or factory) and the belongs-to or morph-to relation pointing at it.

    A parent factory creates one parent, shared by every model the child factory
    makes, the first time the foreign key is needed.

    Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\BelongsToRelationship``.
    """

    def __init__(self, factory: t.Any, relationship: str) -> None:
        self.factory = factory
        self.relationship = relationship
        self._resolved: t.Any = _MISSING

    def attributes_for(self, model: t.Any) -> dict[str, t.Any]:
        """Get the foreign key (and morph type) attributes. Laravel: ``attributesFor()``."""
        from protevus.database.eloquent.factories.factory import Factory

        relation = model.relation(self.relationship)
        attributes = {
            relation.get_foreign_key_name(): self._resolver(
                relation.get_owner_key_name()
            )
        }
        if hasattr(relation, "get_morph_type"):
            parent = (
                self.factory.new_model()
                if isinstance(self.factory, Factory)
                else self.factory
            )
            attributes[relation.get_morph_type()] = parent.get_morph_class()
        return attributes

    def _resolver(self, key: str | None) -> t.Callable[[], t.Any]:
        from protevus.database.eloquent.factories.factory import Factory

        def resolve() -> t.Any:
            if self._resolved is _MISSING:
                instance = self.factory
                if isinstance(instance, Factory):
                    instance = (
                        instance.get_random_recycled_model(instance.model_name())
                        or instance.create()
                    )
                self._resolved = getattr(instance, key) if key else instance.get_key()
            return self._resolved

        return resolve

    def recycle(self, recycle: dict[type, list[t.Any]]) -> BelongsToRelationship:
        """Hand the models to reuse down to the parent factory. Laravel: ``recycle()``."""
        from protevus.database.eloquent.factories.factory import Factory

        if isinstance(self.factory, Factory):
            self.factory = self.factory.recycle(recycle)
        return self
