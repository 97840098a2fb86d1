"""Soft deletes: mark rows deleted with a timestamp instead of removing them.

Laravel: ``Illuminate\\Database\\Eloquent\\SoftDeletes`` and ``SoftDeletingScope``.

::

    class Post(SoftDeletes, Model):
        ...

    post.delete()                 # sets deleted_at
    Post.with_trashed().get()     # include deleted rows
    post.restore(); post.force_delete()
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.scopes import Scope
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder

_T = t.TypeVar("_T")

#: the builder methods the scope adds (Laravel: ``SoftDeletingScope::$extensions``).
EXTENSIONS = (
    "restore",
    "restore_or_create",
    "create_or_restore",
    "with_trashed",
    "without_trashed",
    "only_trashed",
)


class SoftDeletingScope(Scope):
    """Hide soft-deleted rows and add ``with_trashed``/``only_trashed``/``restore`` to builders.

    Laravel: ``Illuminate\\Database\\Eloquent\\SoftDeletingScope``.
    """

    def apply(self, builder: Builder, model: t.Any) -> None:
        """Add ``deleted_at is null``. Laravel: ``SoftDeletingScope::apply()``."""
        builder.where_null(model.get_qualified_deleted_at_column())

    def extend(self, builder: Builder) -> None:
        """Add the soft-delete macros and make ``delete()`` soft. Laravel: ``SoftDeletingScope::extend()``."""
        for name in EXTENSIONS:
            builder.macro(name, getattr(self, f"_{name}"))

        def soft_delete(query: Builder) -> t.Any:
            column = self._deleted_at_column(query)
            return query.update({column: query.get_model()._fresh_timestamp_string()})

        builder.on_delete(soft_delete)

    def _deleted_at_column(self, builder: Builder) -> str:
        model = builder.get_model()
        if builder.get_query().joins:
            return t.cast(str, model.get_qualified_deleted_at_column())
        return t.cast(str, model.get_deleted_at_column())

    def _restore(self, builder: Builder) -> t.Any:
        builder.without_global_scope(self)
        return builder.update({builder.get_model().get_deleted_at_column(): None})

    def _restore_or_create(
        self,
        builder: Builder,
        attributes: t.Mapping[str, t.Any] | None = None,
        values: t.Mapping[str, t.Any] | None = None,
    ) -> t.Any:
        builder.without_global_scope(self)
        model = builder.first_or_create(attributes, values)
        if model.trashed():
            model.restore()
        return model

    def _create_or_restore(
        self,
        builder: Builder,
        attributes: t.Mapping[str, t.Any] | None = None,
        values: t.Mapping[str, t.Any] | None = None,
    ) -> t.Any:
        builder.without_global_scope(self)
        model = builder.create_or_first(attributes, values)
        if model.trashed():
            model.restore()
        return model

    def _with_trashed(self, builder: Builder, with_trashed: bool = True) -> Builder:
        if not with_trashed:
            return self._without_trashed(builder)
        return builder.without_global_scope(self)

    def _without_trashed(self, builder: Builder) -> Builder:
        model = builder.get_model()
        builder.without_global_scope(self).where_null(
            model.get_qualified_deleted_at_column()
        )
        return builder

    def _only_trashed(self, builder: Builder) -> Builder:
        model = builder.get_model()
        builder.without_global_scope(self).where_not_null(
            model.get_qualified_deleted_at_column()
        )
        return builder


class SoftDeletes(CamelAliases):
    """Soft-delete a model: ``class Post(SoftDeletes, Model)``.

    ``deleted_at_column`` renames the column (Laravel's ``DELETED_AT``).

    Laravel: ``Illuminate\\Database\\Eloquent\\SoftDeletes``.
    """

    deleted_at_column: t.ClassVar[str] = "deleted_at"

    if t.TYPE_CHECKING:

        def __getattr__(self, name: str) -> t.Any: ...

    @classmethod
    def boot_soft_deletes(cls) -> None:
        """Register the soft-deleting scope. Laravel: ``SoftDeletes::bootSoftDeletes()``."""
        t.cast(t.Any, cls).add_global_scope(SoftDeletingScope())

    def initialize_soft_deletes(self) -> None:
        """Cast ``deleted_at`` as a datetime. Laravel: ``SoftDeletes::initializeSoftDeletes()``."""
        self.__dict__["_force_deleting"] = False
        column = self.get_deleted_at_column()
        if column not in self.get_casts():
            self.merge_casts({column: "datetime"})

    def force_delete(self) -> bool | None:
        """Delete the row for real (firing ``forceDeleting``/``forceDeleted``). Laravel: ``forceDelete()``."""
        if self._fire("force_deleting") is False:
            return False
        self.__dict__["_force_deleting"] = True
        try:
            deleted = self.delete()
        finally:
            self.__dict__["_force_deleting"] = False
        if deleted:
            self._fire("force_deleted", False)
        return deleted

    def force_delete_quietly(self) -> bool | None:
        """Force-delete without events. Laravel: ``forceDeleteQuietly()``."""
        return t.cast("bool | None", self._quietly(self.force_delete))

    def perform_delete_on_model(self) -> None:
        """Soft-delete, or delete when force deleting. Laravel: ``SoftDeletes::performDeleteOnModel()``."""
        if self.__dict__.get("_force_deleting"):
            self.set_keys_for_save_query(self.new_model_query()).force_delete()
            self.__dict__["exists"] = False
            return
        self.run_soft_delete()

    def run_soft_delete(self) -> None:
        """Set ``deleted_at`` (and ``updated_at``) on the row. Laravel: ``runSoftDelete()``."""
        query = self.set_keys_for_save_query(self.new_model_query())
        time = self._fresh_timestamp()
        column = self.get_deleted_at_column()
        self.set_attribute(column, time)
        columns = {column: self.get_attributes()[column]}
        updated_at = self.get_updated_at_column()
        if self.uses_timestamps() and updated_at is not None:
            self.set_attribute(updated_at, time)
            columns[updated_at] = self.get_attributes()[updated_at]
        query.update(columns)
        self.sync_original_attributes(list(columns))
        self._fire("trashed", False)

    def restore(self) -> bool:
        """Clear ``deleted_at`` and save (firing ``restoring``/``restored``). Laravel: ``restore()``."""
        if self._fire("restoring") is False:
            return False
        self.set_attribute(self.get_deleted_at_column(), None)
        self.__dict__["exists"] = True
        result = bool(self.save())
        self._fire("restored", False)
        return result

    def restore_quietly(self) -> bool:
        """Restore without events. Laravel: ``restoreQuietly()``."""
        return bool(self._quietly(self.restore))

    def trashed(self) -> bool:
        """Return whether the model is soft-deleted. Laravel: ``trashed()``."""
        return self.get_attribute(self.get_deleted_at_column()) is not None

    def is_force_deleting(self) -> bool:
        """Return whether a force delete is running. Laravel: ``isForceDeleting()``."""
        return bool(self.__dict__.get("_force_deleting"))

    def get_deleted_at_column(self) -> str:
        """Get the soft-delete column. Laravel: ``getDeletedAtColumn()``."""
        return self.deleted_at_column

    def get_qualified_deleted_at_column(self) -> str:
        """Get the table-qualified soft-delete column. Laravel: ``getQualifiedDeletedAtColumn()``."""
        return t.cast(str, self.qualify_column(self.get_deleted_at_column()))

    @classmethod
    def soft_deleted(cls, callback: t.Any) -> None:
        """Listen for ``trashed``. Laravel: ``SoftDeletes::softDeleted()``."""
        t.cast(t.Any, cls).register_model_event("trashed", callback)
