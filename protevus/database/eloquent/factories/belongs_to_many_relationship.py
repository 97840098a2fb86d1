"""Attach related models through a pivot table (``has_attached(...)``).

Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\BelongsToManyRelationship``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class BelongsToManyRelationship(CamelAliases):
    """Models (or a factory making them) to attach, with pivot attributes.

    Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\BelongsToManyRelationship``.
    """

    def __init__(self, factory: t.Any, pivot: t.Any, relationship: str) -> None:
        self.factory = factory
        self.pivot = pivot
        self.relationship = relationship

    def create_for(self, model: t.Any) -> None:
        """Create (or take) the related models and attach them. Laravel: ``createFor()``."""
        from protevus.database.eloquent.factories.factory import Factory

        if isinstance(self.factory, Factory):
            related = self.factory.create({}, model)
        else:
            related = self.factory
        # A model is iterable (its attributes), so tell it apart by get_key.
        items = [related] if hasattr(related, "get_key") else list(related)
        pivot = self.pivot(model) if callable(self.pivot) else (self.pivot or {})
        for item in items:
            model.relation(self.relationship).attach(item, pivot)

    def recycle(self, recycle: dict[type, list[t.Any]]) -> BelongsToManyRelationship:
        """Hand the models to reuse down to the factory. Laravel: ``recycle()``."""
        from protevus.database.eloquent.factories.factory import Factory

        if isinstance(self.factory, Factory):
            self.factory = self.factory.recycle(recycle)
        return self
