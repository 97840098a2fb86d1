"""A foreign key command and its fluent actions.

Laravel: ``Illuminate\\Database\\Schema\\ForeignKeyDefinition``.
"""

from __future__ import annotations

import typing as t

from protevus.database.schema.command import Command


class ForeignKeyDefinition(Command):
    """Describe a foreign key: the referenced table and columns and its actions::

        table.foreign('user_id').references('id').on('users').cascade_on_delete()

    Laravel: ``Illuminate\\Database\\Schema\\ForeignKeyDefinition``.
    """

    def references(self, columns: str | t.Sequence[str]) -> t.Self:
        """Set the referenced column(s). Laravel: ``->references()``."""
        return self.set(
            "references", [columns] if isinstance(columns, str) else list(columns)
        )

    def on(self, table: str) -> t.Self:
        """Set the referenced table. Laravel: ``->on()``."""
        return self.set("on", table)

    def on_delete(self, action: str) -> t.Self:
        """Set the ON DELETE action (``cascade``, ``restrict``, ``set null``...).

        Laravel: ``->onDelete()``.
        """
        return self.set("on_delete", action)

    def on_update(self, action: str) -> t.Self:
        """Set the ON UPDATE action. Laravel: ``->onUpdate()``."""
        return self.set("on_update", action)

    def cascade_on_delete(self) -> t.Self:
        """Delete the child rows with their parent. Laravel: ``->cascadeOnDelete()``."""
        return self.on_delete("cascade")

    def restrict_on_delete(self) -> t.Self:
        """Refuse to delete a referenced parent. Laravel: ``->restrictOnDelete()``."""
        return self.on_delete("restrict")

    def null_on_delete(self) -> t.Self:
        """Set the child column to NULL when the parent goes. Laravel: ``->nullOnDelete()``."""
        return self.on_delete("set null")

    def no_action_on_delete(self) -> t.Self:
        """Use NO ACTION on delete. Laravel: ``->noActionOnDelete()``."""
        return self.on_delete("no action")

    def cascade_on_update(self) -> t.Self:
        """Update the child rows when the parent key changes. Laravel: ``->cascadeOnUpdate()``."""
        return self.on_update("cascade")

    def restrict_on_update(self) -> t.Self:
        """Refuse to update a referenced parent key. Laravel: ``->restrictOnUpdate()``."""
        return self.on_update("restrict")

    def null_on_update(self) -> t.Self:
        """Set the child column to NULL when the parent key changes. Laravel: ``->nullOnUpdate()``."""
        return self.on_update("set null")

    def no_action_on_update(self) -> t.Self:
        """Use NO ACTION on update. Laravel: ``->noActionOnUpdate()``."""
        return self.on_update("no action")

    def deferrable(self, value: bool = True) -> t.Self:
        """Make the constraint deferrable (PostgreSQL/SQLite). Laravel: ``->deferrable()``."""
        return self.set("deferrable", value)

    def initially_immediate(self, value: bool = True) -> t.Self:
        """Check the deferrable constraint immediately. Laravel: ``->initiallyImmediate()``."""
        return self.set("initially_immediate", value)
