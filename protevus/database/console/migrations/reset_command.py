"""``migrate:reset``: reverse every ran migration.

Laravel: ``Illuminate\\Database\\Console\\Migrations\\ResetCommand``.
"""

from __future__ import annotations

from protevus.database.console.migrations.base_command import BaseCommand


class ResetCommand(BaseCommand):
    """Rollback all database migrations.

    Laravel: ``Illuminate\\Database\\Console\\Migrations\\ResetCommand``.
    """

    signature = (
        "migrate:reset {--database= : The database connection to use}"
        " {--force : Force the operation to run when in production}"
        " {--path=* : The path(s) to the migrations files to be executed}"
        " {--realpath : Indicate any provided migration file paths are pre-resolved"
        " absolute paths}"
        " {--pretend : Dump the SQL queries that would be run}"
    )
    description = "Rollback all database migrations"

    def handle(self) -> int:
        """Confirm in production, then roll everything back."""
        if not self.confirm_to_proceed():
            return self.FAILURE
        return self.migrator.using_connection(self.option("database"), self._reset)

    def _reset(self) -> int:
        migrator = self.migrator
        if not migrator.repository_exists():
            self.components.warn("Migration table not found.")
            return self.SUCCESS
        migrator.set_output(self.output).reset(
            self.get_migration_paths(), bool(self.option("pretend"))
        )
        return self.SUCCESS
