"""``migrate``: run the pending migrations (creating the migrations table first).

Laravel: ``Illuminate\\Database\\Console\\Migrations\\MigrateCommand``.
"""

from __future__ import annotations

import os

from protevus.database.console.migrations.base_command import DEFAULT_SEEDER
from protevus.database.console.migrations.base_command import BaseCommand
from protevus.database.exceptions import MigrationError


class MigrateCommand(BaseCommand):
    """Run the database migrations.

    Laravel: ``Illuminate\\Database\\Console\\Migrations\\MigrateCommand``.
    """

    signature = (
        "migrate {--database= : The database connection to use}"
        " {--force : Force the operation to run when in production}"
        " {--path=* : The path(s) to the migrations files to be executed}"
        " {--realpath : Indicate any provided migration file paths are pre-resolved"
        " absolute paths}"
        " {--pretend : Dump the SQL queries that would be run}"
        " {--seed : Indicates if the seed task should be re-run}"
        " {--seeder= : The class name of the root seeder}"
        " {--step : Force the migrations to be run so they can be rolled back"
        " individually}"
        " {--graceful : Return a successful exit code even if an error occurs}"
    )
    description = "Run the database migrations"

    def handle(self) -> int:
        """Confirm in production, then migrate (and seed with ``--seed``)."""
        if not self.confirm_to_proceed():
            return self.FAILURE
        try:
            self.run_migrations()
        except Exception as exc:
            if self.option("graceful"):
                self.components.warn(str(exc))
                return self.SUCCESS
            raise
        return self.SUCCESS

    def run_migrations(self) -> None:
        """Prepare the database and run the migrator. Laravel: ``runMigrations()``."""
        database = self.option("database")

        def run() -> None:
            self.prepare_database()
            self.migrator.set_output(self.output).run(
                self.get_migration_paths(),
                {"pretend": self.option("pretend"), "step": self.option("step")},
            )
            if self.option("seed") and not self.option("pretend"):
                self.call(
                    "db:seed",
                    {
                        "--class": self.option("seeder") or DEFAULT_SEEDER,
                        "--force": True,
                    },
                )

        self.migrator.using_connection(database, run)

    def prepare_database(self) -> None:
        """Create the migrations table when missing. Laravel: ``prepareDatabase()``."""
        self.create_missing_sqlite_database()
        if self.migrator.repository_exists():
            return
        self.components.info("Preparing database.")
        database = self.option("database")
        self.components.task(
            "Creating migration table",
            lambda: (
                self.call_silently("migrate:install", {"--database": database}) == 0
            ),
        )
        self.output.new_line()

    def create_missing_sqlite_database(self) -> None:
        """Offer to create the SQLite file the connection points to when it is missing.

        Laravel: ``MigrateCommand::createMissingSqliteDatabase()``.
        """
        connection = self.migrator.resolve_connection(None)
        if connection.get_driver_name() != "sqlite":
            return
        path = str(connection.get_config("database") or "")
        if (
            not path
            or path == ":memory:"
            or path.startswith("file:")
            or ("mode=memory" in path)
        ):
            return
        if not os.path.isabs(path):
            path = self.laravel.base_path(path)
        if os.path.exists(path):
            return
        if not self.option("force"):
            self.components.warn(
                "The SQLite database configured for this application does not exist: "
                f"{path}."
            )
            if not self.confirm("Would you like to create it?", True):
                self.components.info("Operation cancelled. No database was created.")
                raise MigrationError(
                    f"Database [{path}] was not created. Aborting migration; create "
                    "the file or run migrate --force."
                )
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "a", encoding="utf-8"):
            pass
