"""``migrate:status``: list every migration file with its batch, or Pending.

Laravel: ``Illuminate\\Database\\Console\\Migrations\\StatusCommand``.
"""

from __future__ import annotations

import click

from protevus.database.console.migrations.base_command import BaseCommand


class StatusCommand(BaseCommand):
    """Show the status of each migration.

    Laravel: ``Illuminate\\Database\\Console\\Migrations\\StatusCommand``.
    """

    signature = (
        "migrate:status {--database= : The database connection to use}"
        " {--pending : Only list pending migrations}"
        " {--path=* : The path(s) to the migrations files to use}"
        " {--realpath : Indicate any provided migration file paths are pre-resolved"
        " absolute paths}"
    )
    description = "Show the status of each migration"

    def handle(self) -> int:
        """Print ``name .... [batch] Ran`` or ``name .... Pending`` per file."""
        return self.migrator.using_connection(self.option("database"), self._status)

    def _status(self) -> int:
        migrator = self.migrator
        if not migrator.repository_exists():
            self.components.error("Migration table not found.")
            return self.FAILURE
        batches = migrator.get_repository().get_migration_batches()
        rows = self.get_status_for(batches)
        if self.option("pending"):
            rows = [row for row in rows if row[1] is None]
        if rows:
            self.new_line()
            self.components.two_column_detail(
                click.style("Migration name", fg="bright_black"),
                click.style("Batch / Status", fg="bright_black"),
            )
            for name, batch in rows:
                status = (
                    click.style("Pending", fg="yellow", bold=True)
                    if batch is None
                    else f"[{batch}] " + click.style("Ran", fg="green", bold=True)
                )
                self.components.two_column_detail(name, status)
            self.new_line()
        elif self.option("pending"):
            self.components.info("No pending migrations.")
        else:
            self.components.info("No migrations found.")
        return self.SUCCESS

    def get_status_for(self, batches: dict[str, int]) -> list[tuple[str, int | None]]:
        """Pair every migration file with its batch (``None``: pending).

        Laravel: ``StatusCommand::getStatusFor()``.
        """
        files = self.migrator.get_migration_files(self.get_migration_paths())
        return [(name, batches.get(name)) for name in files]
