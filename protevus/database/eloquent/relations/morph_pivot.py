"""The model of a polymorphic many-to-many intermediate table row.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\MorphPivot``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.relations.pivot import Pivot

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder


class MorphPivot(Pivot):
    """Hold one row of a polymorphic pivot table (``taggables``), keyed by type too.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\MorphPivot``.
    """

    def initialize_morph_pivot(self) -> None:
        """Give each instance its morph type column and class (Laravel's properties)."""
        self.__dict__.setdefault("_morph_type", None)
        self.__dict__.setdefault("_morph_class", None)

    def set_keys_for_save_query(self, query: Builder) -> Builder:
        """Update this row by its keys and its morph type. Laravel: ``MorphPivot::setKeysForSaveQuery()``."""
        query.where(self.get_morph_type(), self.__dict__.get("_morph_class"))
        return super().set_keys_for_save_query(query)

    def set_keys_for_select_query(self, query: Builder) -> Builder:
        """Find this row by its keys and its morph type. Laravel: ``MorphPivot::setKeysForSelectQuery()``."""
        query.where(self.get_morph_type(), self.__dict__.get("_morph_class"))
        return super().set_keys_for_select_query(query)

    def delete(self) -> int:  # type: ignore[override]
        """Delete this pivot row (matching its morph type too); return the rows deleted.

        Laravel: ``MorphPivot::delete()``.
        """
        if self.get_key_name() in self.attributes:
            return super().delete()
        if self.fire_model_event("deleting") is False:
            return 0
        query = self.get_delete_query()
        query.where(self.get_morph_type(), self.__dict__.get("_morph_class"))
        deleted = int(query.delete() or 0)
        self.__dict__["exists"] = False
        self.fire_model_event("deleted", False)
        return deleted

    def get_morph_type(self) -> str:
        """Return the morph type column (``taggable_type``). Laravel: ``MorphPivot::getMorphType()``."""
        return t.cast(str, self.__dict__.get("_morph_type"))

    def set_morph_type(self, morph_type: str) -> t.Self:
        """Set the morph type column. Laravel: ``MorphPivot::setMorphType()``."""
        self.__dict__["_morph_type"] = morph_type
        return self

    def set_morph_class(self, morph_class: str) -> t.Self:
        """Set the morph class stored in the type column. Laravel: ``MorphPivot::setMorphClass()``."""
        self.__dict__["_morph_class"] = morph_class
        return self
