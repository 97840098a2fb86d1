"""Maintain created_at and updated_at.

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasTimestamps``.

``fresh_timestamp()`` / ``fresh_timestamp_string()`` come from the dates mixin of
:class:`HasCasts` (they depend on ``date_format``).
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.concerns.has_attributes import class_defines
from protevus.support.aliases import camel_aliases

_T = t.TypeVar("_T")


@camel_aliases
class HasTimestamps:
    """Maintain created_at and updated_at.

    Set ``timestamps = False`` to turn them off, or rename the columns with
    ``created_at_column`` / ``updated_at_column`` (``None`` drops one).

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasTimestamps``.
    """

    timestamps: t.ClassVar[bool] = True
    created_at_column: t.ClassVar[str | None] = "created_at"
    updated_at_column: t.ClassVar[str | None] = "updated_at"
    #: model classes whose timestamps are switched off (``without_timestamps``).
    _ignore_timestamps_on: t.ClassVar[list[type]] = []

    if t.TYPE_CHECKING:

        def __getattr__(self, name: str) -> t.Any: ...

    def touch(self, attribute: str | None = None) -> bool:
        """Save the model with a fresh ``updated_at`` (or ``attribute``). Laravel: ``touch()``."""
        if attribute is not None:
            self.set_attribute(attribute, self._fresh_timestamp())
            return bool(self.save())
        if not self.uses_timestamps():
            return False
        self.update_timestamps()
        return bool(self.save())

    def touch_quietly(self, attribute: str | None = None) -> bool:
        """Touch the model without firing events. Laravel: ``touchQuietly()``."""
        return bool(self._quietly(lambda: self.touch(attribute)))

    def _quietly(self, callback: t.Callable[[], _T]) -> _T:
        if class_defines(type(self), "without_events"):
            return t.cast(_T, t.cast(t.Any, type(self)).without_events(callback))
        return callback()

    def update_timestamps(self) -> t.Self:
        """Set ``updated_at`` (and ``created_at`` on new models) unless already changed.

        Laravel: ``HasTimestamps::updateTimestamps()``.
        """
        time = self._fresh_timestamp()
        updated_at = self.get_updated_at_column()
        if updated_at is not None and not self.is_dirty(updated_at):
            self.set_updated_at(time)
        created_at = self.get_created_at_column()
        if not self.exists and created_at is not None and not self.is_dirty(created_at):
            self.set_created_at(time)
        return self

    def _fresh_timestamp(self) -> t.Any:
        return self.fresh_timestamp()

    def _fresh_timestamp_string(self) -> t.Any:
        return self.fresh_timestamp_string()

    def set_created_at(self, value: t.Any) -> t.Self:
        """Set the creation time. Laravel: ``setCreatedAt()``."""
        column = self.get_created_at_column()
        if column is not None:
            self.set_attribute(column, value)
        return self

    def set_updated_at(self, value: t.Any) -> t.Self:
        """Set the update time. Laravel: ``setUpdatedAt()``."""
        column = self.get_updated_at_column()
        if column is not None:
            self.set_attribute(column, value)
        return self

    def uses_timestamps(self) -> bool:
        """Return whether the model maintains timestamps. Laravel: ``usesTimestamps()``."""
        return bool(self.timestamps) and not type(self).is_ignoring_timestamps()

    def get_created_at_column(self) -> str | None:
        """Get the creation column name. Laravel: ``getCreatedAtColumn()`` (``CREATED_AT``)."""
        return self.created_at_column

    def get_updated_at_column(self) -> str | None:
        """Get the update column name. Laravel: ``getUpdatedAtColumn()`` (``UPDATED_AT``)."""
        return self.updated_at_column

    def get_qualified_created_at_column(self) -> str | None:
        """Get the table-qualified creation column. Laravel: ``getQualifiedCreatedAtColumn()``."""
        column = self.get_created_at_column()
        return self.qualify_column(column) if column is not None else None

    def get_qualified_updated_at_column(self) -> str | None:
        """Get the table-qualified update column. Laravel: ``getQualifiedUpdatedAtColumn()``."""
        column = self.get_updated_at_column()
        return self.qualify_column(column) if column is not None else None

    @classmethod
    def without_timestamps(cls, callback: t.Callable[[], _T]) -> _T:
        """Run ``callback`` with this model's timestamps off. Laravel: ``Model::withoutTimestamps()``."""
        return cls.without_timestamps_on([cls], callback)

    @classmethod
    def without_timestamps_on(
        cls, models: list[type], callback: t.Callable[[], _T]
    ) -> _T:
        """Run ``callback`` with the given models' timestamps off. Laravel: ``withoutTimestampsOn()``."""
        ignored = HasTimestamps._ignore_timestamps_on
        HasTimestamps._ignore_timestamps_on = [*ignored, *models]
        try:
            return callback()
        finally:
            HasTimestamps._ignore_timestamps_on = ignored

    @classmethod
    def is_ignoring_timestamps(cls, model: type | None = None) -> bool:
        """Return whether timestamps are off for ``model`` (this class by default).

        Laravel: ``Model::isIgnoringTouch()`` / ``isIgnoringTimestamps()``.
        """
        model = model or cls
        return any(issubclass(model, m) for m in HasTimestamps._ignore_timestamps_on)
