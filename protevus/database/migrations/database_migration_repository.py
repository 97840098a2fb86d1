"""The ``migrations`` table: which migration files ran, and in which batch.

Laravel: ``Illuminate\\Database\\Migrations\\DatabaseMigrationRepository``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.connection import Connection


class DatabaseMigrationRepository(CamelAliases):
    """Record ran migrations in a table (``id``, ``migration``, ``batch``).

    ``resolver`` is anything with ``connection(name=None)`` (the
    :class:`~protevus.database.database_manager.DatabaseManager`); ``set_source``
    picks the connection name (``None``: the default connection).

    Laravel: ``Illuminate\\Database\\Migrations\\DatabaseMigrationRepository``.
    """

    def __init__(self, resolver: t.Any, table: str = "migrations") -> None:
        self.resolver = resolver
        self.table = table
        self.connection_name: str | None = None

    # -- reading ----------------------------------------------------------------

    def get_ran(self) -> list[str]:
        """Get the names of the ran migrations, oldest batch first.

        Laravel: ``DatabaseMigrationRepository::getRan()``.
        """
        rows = self._select(
            f"select {self._col('migration')} from {self._table()} "
            f"order by {self._col('batch')} asc, {self._col('migration')} asc"
        )
        return [str(row["migration"]) for row in rows]

    def get_migrations(self, steps: int) -> list[dict[str, t.Any]]:
        """Get the last ``steps`` migrations, newest first.

        Laravel: ``DatabaseMigrationRepository::getMigrations()``.
        """
        return self._select(
            f"select * from {self._table()} where {self._col('batch')} >= ? "
            f"order by {self._col('batch')} desc, {self._col('migration')} desc "
            "limit ?",
            [1, int(steps)],
        )

    def get_migrations_by_batch(self, batch: int) -> list[dict[str, t.Any]]:
        """Get the migrations of one batch, newest first.

        Laravel: ``DatabaseMigrationRepository::getMigrationsByBatch()``.
        """
        return self._select(
            f"select * from {self._table()} where {self._col('batch')} = ? "
            f"order by {self._col('migration')} desc",
            [int(batch)],
        )

    def get_last(self) -> list[dict[str, t.Any]]:
        """Get the migrations of the last batch, newest first.

        Laravel: ``DatabaseMigrationRepository::getLast()``.
        """
        return self.get_migrations_by_batch(self.get_last_batch_number())

    def get_migration_batches(self) -> dict[str, int]:
        """Get ``{migration name: batch}`` for every ran migration.

        Laravel: ``DatabaseMigrationRepository::getMigrationBatches()``.
        """
        rows = self._select(
            f"select {self._col('migration')}, {self._col('batch')} from "
            f"{self._table()} order by {self._col('batch')} asc, "
            f"{self._col('migration')} asc"
        )
        return {str(row["migration"]): int(row["batch"]) for row in rows}

    def get_next_batch_number(self) -> int:
        """Get the batch number the next run records. Laravel: ``getNextBatchNumber()``."""
        return self.get_last_batch_number() + 1

    def get_last_batch_number(self) -> int:
        """Get the highest batch number, 0 when none ran. Laravel: ``getLastBatchNumber()``."""
        value = self.get_connection().scalar(
            f"select max({self._col('batch')}) from {self._table()}"
        )
        return int(value or 0)

    # -- writing ----------------------------------------------------------------

    def log(self, file: str, batch: int) -> None:
        """Record that migration ``file`` ran in ``batch``. Laravel: ``log()``."""
        self.get_connection().insert(
            f"insert into {self._table()} ({self._col('migration')}, "
            f"{self._col('batch')}) values (?, ?)",
            [file, int(batch)],
        )

    def delete(self, migration: t.Any) -> None:
        """Forget a ran migration (a name, or a row with ``migration``). Laravel: ``delete()``."""
        name = migration if isinstance(migration, str) else _name_of(migration)
        self.get_connection().delete(
            f"delete from {self._table()} where {self._col('migration')} = ?", [name]
        )

    # -- the table itself ---------------------------------------------------------

    def create_repository(self) -> None:
        """Create the migrations table. Laravel: ``createRepository()``."""

        def columns(table: t.Any) -> None:
            table.increments("id")
            table.string("migration")
            table.integer("batch")

        self.get_connection().get_schema_builder().create(self.table, columns)

    def repository_exists(self) -> bool:
        """Determine if the migrations table exists. Laravel: ``repositoryExists()``."""
        return bool(self.get_connection().get_schema_builder().has_table(self.table))

    def delete_repository(self) -> None:
        """Drop the migrations table. Laravel: ``deleteRepository()``."""
        self.get_connection().get_schema_builder().drop(self.table)

    # -- connection -----------------------------------------------------------------

    def get_connection_resolver(self) -> t.Any:
        """Get the connection resolver. Laravel: ``getConnectionResolver()``."""
        return self.resolver

    def get_connection(self) -> Connection:
        """Get the connection the table lives on. Laravel: ``getConnection()``."""
        return t.cast("Connection", self.resolver.connection(self.connection_name))

    def set_source(self, name: str | None) -> None:
        """Use connection ``name`` (``None``: the default). Laravel: ``setSource()``."""
        self.connection_name = name

    # -- helpers --------------------------------------------------------------------

    def _select(
        self, sql: str, bindings: t.Sequence[t.Any] = ()
    ) -> list[dict[str, t.Any]]:
        return [dict(row) for row in self.get_connection().select(sql, bindings)]

    def _quote(self) -> str:
        driver = self.get_connection().get_driver_name()
        return "`" if driver in ("mysql", "mariadb") else '"'

    def _table(self) -> str:
        connection = self.get_connection()
        return self._wrap(connection.get_table_prefix() + self.table)

    def _col(self, name: str) -> str:
        return self._wrap(name)

    def _wrap(self, name: str) -> str:
        quote = self._quote()
        return quote + name.replace(quote, quote * 2) + quote


def _name_of(migration: t.Any) -> str:
    if isinstance(migration, t.Mapping):
        return str(migration["migration"])
    return str(migration.migration)
