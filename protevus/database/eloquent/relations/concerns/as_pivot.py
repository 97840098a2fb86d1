"""Make a model act as the row of a many-to-many intermediate table.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Concerns\\AsPivot``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.concerns.has_attributes import model_hook
from protevus.support.aliases import CamelAliases
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.model import Model


class AsPivot(CamelAliases):
    """Make a model act as the row of a many-to-many intermediate table.

    A pivot has no key of its own: it is saved and deleted by its two foreign key
    columns, takes its table and connection from the relation, and keeps the parent
    (``pivot_parent``) and related model (``pivot_related``) of the relation.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Concerns\\AsPivot``.
    """

    if t.TYPE_CHECKING:
        attributes: dict[str, t.Any]
        exists: bool
        relations: dict[str, t.Any]
        table: str | None
        pivot_parent: Model | None
        pivot_related: Model | None

        def __init__(self, attributes: t.Any = None) -> None: ...
        def get_attribute(self, key: str) -> t.Any: ...
        def get_original(
            self, key: str | None = None, default: t.Any = None
        ) -> t.Any: ...
        def get_raw_original(
            self, key: str | None = None, default: t.Any = None
        ) -> t.Any: ...
        def get_key_name(self) -> str: ...
        def set_connection(self, name: str | None) -> t.Any: ...
        def set_table(self, table: str) -> t.Any: ...
        def force_fill(self, attributes: t.Mapping[str, t.Any]) -> t.Any: ...
        def sync_original(self) -> t.Any: ...
        def set_raw_attributes(
            self, attributes: t.Mapping[str, t.Any], sync: bool = False
        ) -> t.Any: ...
        def new_query_without_relationships(self) -> Builder: ...
        def fire_model_event(self, event: str, halt: bool = True) -> t.Any: ...

    def initialize_as_pivot(self) -> None:
        """Give each pivot instance its relation state (Laravel's AsPivot properties)."""
        self.__dict__.setdefault("pivot_parent", None)
        self.__dict__.setdefault("pivot_related", None)
        self.__dict__.setdefault("_pivot_foreign_key", None)
        self.__dict__.setdefault("_pivot_related_key", None)

    @classmethod
    def from_attributes(
        cls,
        parent: Model,
        attributes: t.Mapping[str, t.Any],
        table: str,
        exists: bool = False,
        related: Model | None = None,
    ) -> t.Self:
        """Make a pivot for ``table`` filled with ``attributes`` (unguarded).

        Laravel: ``Pivot::fromAttributes()``.
        """
        instance = cls()
        instance.__dict__["timestamps"] = instance.has_timestamp_attributes(attributes)
        instance.set_connection(parent.get_connection_name())
        instance.set_table(table)
        instance.force_fill(attributes)
        instance.sync_original()
        instance.__dict__["pivot_parent"] = parent
        instance.__dict__["pivot_related"] = related
        instance.__dict__["exists"] = exists
        return instance

    @classmethod
    def from_raw_attributes(
        cls,
        parent: Model,
        attributes: t.Mapping[str, t.Any],
        table: str,
        exists: bool = False,
        related: Model | None = None,
    ) -> t.Self:
        """Make a pivot from raw column values (no mutators or casts run on them).

        Laravel: ``Pivot::fromRawAttributes()``.
        """
        instance = cls.from_attributes(parent, {}, table, exists, related)
        instance.__dict__["timestamps"] = instance.has_timestamp_attributes(attributes)
        instance.set_raw_attributes(
            {**(instance.get_raw_original() or {}), **dict(attributes)}, exists
        )
        return instance

    def set_keys_for_select_query(self, query: Builder) -> Builder:
        """Find this row by its two foreign keys unless it has a key of its own.

        Laravel: ``AsPivot::setKeysForSelectQuery()``.
        """
        if self.get_key_name() in self.attributes:
            return t.cast("Builder", super().set_keys_for_select_query(query))  # type: ignore[misc]
        foreign, related = self._pivot_keys()
        query.where(foreign, self.get_original(foreign, self.get_attribute(foreign)))
        return query.where(
            related, self.get_original(related, self.get_attribute(related))
        )

    def set_keys_for_save_query(self, query: Builder) -> Builder:
        """Update this row by its two foreign keys. Laravel: ``AsPivot::setKeysForSaveQuery()``."""
        return self.set_keys_for_select_query(query)

    def delete(self) -> int:
        """Delete this pivot row by its foreign keys; return the number of rows deleted.

        Laravel: ``AsPivot::delete()``.
        """
        if self.get_key_name() in self.attributes:
            return int(super().delete() or 0)  # type: ignore[misc]
        if self.fire_model_event("deleting") is False:
            return 0
        touch_owners = model_hook(self, "touch_owners")
        if touch_owners is not None:
            touch_owners()
        deleted = int(self.get_delete_query().delete() or 0)
        self.__dict__["exists"] = False
        self.fire_model_event("deleted", False)
        return deleted

    def get_delete_query(self) -> Builder:
        """Return the query deleting this row by its foreign keys.

        Laravel: ``AsPivot::getDeleteQuery()``.
        """
        foreign, related = self._pivot_keys()
        return self.new_query_without_relationships().where(
            {
                foreign: self.get_original(foreign, self.get_attribute(foreign)),
                related: self.get_original(related, self.get_attribute(related)),
            }
        )

    def get_table(self) -> str:
        """Return the pivot table (the singular snake name of the class by default).

        Laravel: ``AsPivot::getTable()``.
        """
        table = getattr(self, "table", None)
        if not table:
            table = Str.snake(Str.singular(type(self).__name__))
            self.set_table(table)
        return table

    def get_foreign_key(self) -> str:
        """Return the pivot column holding the parent's key. Laravel: ``AsPivot::getForeignKey()``."""
        key = self.__dict__.get("_pivot_foreign_key")
        return str(key) if key else str(super().get_foreign_key())  # type: ignore[misc]

    def get_related_key(self) -> str | None:
        """Return the pivot column holding the related key. Laravel: ``AsPivot::getRelatedKey()``."""
        return t.cast("str | None", self.__dict__.get("_pivot_related_key"))

    def get_other_key(self) -> str | None:
        """Return the pivot column holding the related key. Laravel: ``AsPivot::getOtherKey()``."""
        return self.get_related_key()

    def _pivot_keys(self) -> tuple[str, str]:
        foreign = self.__dict__.get("_pivot_foreign_key")
        related = self.__dict__.get("_pivot_related_key")
        if not foreign or not related:
            raise ValueError(
                f"The pivot [{type(self).__name__}] has no pivot keys: load it through a "
                "belongs-to-many relation or call set_pivot_keys(foreign_key, related_key)."
            )
        return foreign, related

    def set_pivot_keys(self, foreign_key: str, related_key: str) -> t.Self:
        """Set the two foreign key columns of the pivot. Laravel: ``AsPivot::setPivotKeys()``."""
        self.__dict__["_pivot_foreign_key"] = foreign_key
        self.__dict__["_pivot_related_key"] = related_key
        return self

    def has_timestamp_attributes(
        self, attributes: t.Mapping[str, t.Any] | None = None
    ) -> bool:
        """Return whether the attributes hold the created-at column.

        Laravel: ``AsPivot::hasTimestampAttributes()``.
        """
        source = self.attributes if attributes is None else attributes
        return self.get_created_at_column() in source

    def get_created_at_column(self) -> str:
        """Return the created-at column (the parent's). Laravel: ``AsPivot::getCreatedAtColumn()``."""
        parent = self.__dict__.get("pivot_parent")
        if parent is not None:
            return t.cast(str, parent.get_created_at_column())
        return t.cast(str, super().get_created_at_column())  # type: ignore[misc]

    def get_updated_at_column(self) -> str:
        """Return the updated-at column (the parent's). Laravel: ``AsPivot::getUpdatedAtColumn()``."""
        parent = self.__dict__.get("pivot_parent")
        if parent is not None:
            return t.cast(str, parent.get_updated_at_column())
        return t.cast(str, super().get_updated_at_column())  # type: ignore[misc]

    def unset_relations(self) -> t.Self:
        """Forget the loaded relations and the parent. Laravel: ``AsPivot::unsetRelations()``."""
        self.__dict__["pivot_parent"] = None
        self.__dict__["relations"] = {}
        return self
