"""The index, foreign key and drop/rename commands of a blueprint.

Laravel: the command methods of ``Illuminate\\Database\\Schema\\Blueprint``.
"""

from __future__ import annotations

import typing as t

from protevus.database.schema.command import Command
from protevus.database.schema.foreign_key_definition import ForeignKeyDefinition
from protevus.support.aliases import CamelAliases

_Columns = str | t.Sequence[str]


def _as_list(columns: _Columns) -> list[str]:
    return [columns] if isinstance(columns, str) else list(columns)


class DefinesIndexes(CamelAliases):
    """Add Laravel's index, foreign key, drop and rename commands to a blueprint."""

    def add_command(self, name: str, **parameters: t.Any) -> Command:
        raise NotImplementedError  # pragma: no cover - Blueprint defines it

    def create_index_name(self, type_: str, columns: t.Sequence[str]) -> str:
        raise NotImplementedError  # pragma: no cover - Blueprint defines it

    # -- indexes --------------------------------------------------------------------

    def primary(self, columns: _Columns, name: str | None = None) -> Command:
        """Set the primary key. Laravel: ``$table->primary(['a', 'b'])``."""
        return self._index_command("primary", columns, name)

    def unique(self, columns: _Columns, name: str | None = None) -> Command:
        """Add a unique index named ``{table}_{columns}_unique``. Laravel: ``unique()``."""
        return self._index_command("unique", columns, name)

    def index(self, columns: _Columns, name: str | None = None) -> Command:
        """Add a plain index named ``{table}_{columns}_index``. Laravel: ``index()``."""
        return self._index_command("index", columns, name)

    def full_text(
        self, columns: _Columns, name: str | None = None, language: str = "english"
    ) -> Command:
        """Add a full text index (MySQL/PostgreSQL). Laravel: ``fullText()``."""
        return self._index_command("fulltext", columns, name).set("language", language)

    def _index_command(
        self, type_: str, columns: _Columns, name: str | None
    ) -> Command:
        cols = _as_list(columns)
        return self.add_command(
            type_, index=name or self.create_index_name(type_, cols), columns=cols
        )

    def foreign(
        self, columns: _Columns, name: str | None = None
    ) -> ForeignKeyDefinition:
        """Add a foreign key named ``{table}_{columns}_foreign``; chain ``references``/``on``.

        Laravel: ``$table->foreign('user_id')->references('id')->on('users')``.
        """
        cols = _as_list(columns)
        command = ForeignKeyDefinition(
            "foreign",
            index=name or self.create_index_name("foreign", cols),
            columns=cols,
        )
        return t.cast(ForeignKeyDefinition, self.add_command_object(command))

    def add_command_object(self, command: Command) -> Command:
        raise NotImplementedError  # pragma: no cover - Blueprint defines it

    # -- drops ----------------------------------------------------------------------

    def drop_column(self, *columns: str | t.Sequence[str]) -> Command:
        """Drop one or more columns. Laravel: ``dropColumn()``."""
        names: list[str] = []
        for column in columns:
            names.extend(_as_list(column))
        return self.add_command("dropColumn", columns=names)

    def drop_columns(self, *columns: str | t.Sequence[str]) -> Command:
        """Drop one or more columns (alias of :meth:`drop_column`)."""
        return self.drop_column(*columns)

    def rename_column(self, from_: str, to: str) -> Command:
        """Rename a column. Laravel: ``renameColumn()``."""
        return self.add_command("renameColumn", from_=from_, to=to)

    def drop_primary(self, index: _Columns | None = None) -> Command:
        """Drop the primary key. Laravel: ``dropPrimary()``."""
        if index is None:
            return self.add_command("dropPrimary", index=None, columns=[])
        return self._drop_index_command("dropPrimary", "primary", index)

    def drop_unique(self, index: _Columns) -> Command:
        """Drop a unique index by name or by its columns. Laravel: ``dropUnique()``."""
        return self._drop_index_command("dropUnique", "unique", index)

    def drop_index(self, index: _Columns) -> Command:
        """Drop a plain index by name or by its columns. Laravel: ``dropIndex()``."""
        return self._drop_index_command("dropIndex", "index", index)

    def drop_full_text(self, index: _Columns) -> Command:
        """Drop a full text index by name or by its columns. Laravel: ``dropFullText()``."""
        return self._drop_index_command("dropFullText", "fulltext", index)

    def drop_foreign(self, index: _Columns) -> Command:
        """Drop a foreign key by name or by its columns. Laravel: ``dropForeign()``."""
        return self._drop_index_command("dropForeign", "foreign", index)

    def drop_constrained_foreign_id(self, column: str) -> Command:
        """Drop the foreign key of ``column``, then the column. Laravel: ``dropConstrainedForeignId()``."""
        self.drop_foreign([column])
        return self.drop_column(column)

    def _drop_index_command(self, command: str, type_: str, index: _Columns) -> Command:
        if isinstance(index, str):
            return self.add_command(command, index=index, columns=[])
        cols = list(index)
        return self.add_command(
            command, index=self.create_index_name(type_, cols), columns=cols
        )

    def rename_index(self, from_: str, to: str) -> Command:
        """Rename an index. Laravel: ``renameIndex()``."""
        return self.add_command("renameIndex", from_=from_, to=to)

    def drop_timestamps(self) -> Command:
        """Drop ``created_at`` and ``updated_at``. Laravel: ``dropTimestamps()``."""
        return self.drop_column("created_at", "updated_at")

    def drop_timestamps_tz(self) -> Command:
        """Drop the time-zone-aware timestamps. Laravel: ``dropTimestampsTz()``."""
        return self.drop_timestamps()

    def drop_soft_deletes(self, column: str = "deleted_at") -> Command:
        """Drop the soft delete column. Laravel: ``dropSoftDeletes()``."""
        return self.drop_column(column)

    def drop_soft_deletes_tz(self, column: str = "deleted_at") -> Command:
        """Drop the time-zone-aware soft delete column. Laravel: ``dropSoftDeletesTz()``."""
        return self.drop_column(column)

    def drop_remember_token(self) -> Command:
        """Drop the ``remember_token`` column. Laravel: ``dropRememberToken()``."""
        return self.drop_column("remember_token")

    def drop_morphs(self, name: str, index_name: str | None = None) -> Command:
        """Drop polymorphic columns and their index. Laravel: ``dropMorphs()``."""
        self.drop_index(
            index_name
            or self.create_index_name("index", [f"{name}_type", f"{name}_id"])
        )
        return self.drop_column(f"{name}_type", f"{name}_id")
