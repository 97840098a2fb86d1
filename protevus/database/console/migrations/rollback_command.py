"""``migrate:rollback``: reverse the last batch (or ``--step`` migrations, or ``--batch``).

Laravel: ``Illuminate\\Database\\Console\\Migrations\\RollbackCommand``.
"""

from __future__ import annotations

from protevus.database.console.migrations.base_command import BaseCommand


class RollbackCommand(BaseCommand):
    """Rollback the last database migration.

    Laravel: ``Illuminate\\Database\\Console\\Migrations\\RollbackCommand``.
    """

    signature = (
        "migrate:rollback {--database= : The database connection to use}"
        " {--force : Force the operation to run when in production}"
        " {--path=* : The path(s) to the migrations files to be executed}"
        " {--realpath : Indicate any provided migration file paths are pre-resolved"
        " absolute paths}"
        " {--pretend : Dump the SQL queries that would be run}"
        " {--step= : The number of migrations to be reverted}"
        " {--batch= : The batch of migrations (identified by their batch number) to"
        " be reverted}"
    )
    description = "Rollback the last database migration"

    def handle(self) -> int:
        """Confirm in production, then roll back."""
        if not self.confirm_to_proceed():
            return self.FAILURE
        step = _int_option(self.option("step"), "step")
        batch = _int_option(self.option("batch"), "batch")
        options = {"pretend": self.option("pretend"), "step": step, "batch": batch}

        def rollback() -> None:
            if not self.migrator.repository_exists():
                self.components.warn("Migration table not found.")
                return
            self.migrator.set_output(self.output).rollback(
                self.get_migration_paths(), options
            )

        self.migrator.using_connection(self.option("database"), rollback)
        return self.SUCCESS


def _int_option(value: object, name: str) -> int:
    if value in (None, "", False):
        return 0
    try:
        return int(str(value))
    except ValueError:
        from protevus.exceptions import InvalidArgumentError

        raise InvalidArgumentError(
            f"The --{name} option must be a whole number, [{value}] given."
        ) from None
