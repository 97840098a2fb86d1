"""Tell whether a model is the one a to-one relation points at, without a query.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Concerns\\ComparesRelatedModels``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import camel_aliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.model import Model


@camel_aliases
class ComparesRelatedModels:
    """Compare a model with the related key of a to-one relation (``is_``/``is_not``).

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Concerns\\ComparesRelatedModels``.
    """

    related: Model
    query: t.Any

    if t.TYPE_CHECKING:

        def get_parent_key(self) -> t.Any: ...

        def get_related_key_from(self, model: Model) -> t.Any: ...

    def is_(self, model: Model | None) -> bool:
        """Determine if ``model`` is the related model (same key, table and connection).

        Laravel: ``ComparesRelatedModels::is()``.
        """
        match = (
            model is not None
            and self.compare_keys(
                self.get_parent_key(), self.get_related_key_from(model)
            )
            and self.related.get_table() == model.get_table()
            and self.related.get_connection_name() == model.get_connection_name()
        )
        is_one_of_many = getattr(self, "is_one_of_many", None)
        if (
            match
            and model is not None
            and callable(is_one_of_many)
            and is_one_of_many()
        ):
            query = self.query.where(
                self.related.get_qualified_key_name(), model.get_key()
            )
            return bool(query.exists())
        return bool(match)

    def is_not(self, model: Model | None) -> bool:
        """Determine if ``model`` is not the related model. Laravel: ``ComparesRelatedModels::isNot()``."""
        return not self.is_(model)

    def compare_keys(self, parent_key: t.Any, related_key: t.Any) -> bool:
        """Compare two keys, as integers when either is one. Laravel: ``compareKeys()``."""
        if parent_key in (None, "", 0, "0") or related_key in (None, "", 0, "0"):
            return False
        if isinstance(parent_key, int) or isinstance(related_key, int):
            try:
                return int(parent_key) == int(related_key)
            except (TypeError, ValueError):
                return False
        return bool(parent_key == related_key)
