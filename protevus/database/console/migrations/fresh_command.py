"""``migrate:fresh``: drop every table and run all migrations from scratch.

Laravel: ``Illuminate\\Database\\Console\\Migrations\\FreshCommand`` (the table
dropping of ``db:wipe`` happens here).
"""

from __future__ import annotations

import typing as t

from protevus.database.console.migrations.base_command import DEFAULT_SEEDER
from protevus.database.console.migrations.base_command import BaseCommand


class FreshCommand(BaseCommand):
    """Drop all tables and re-run all migrations.

    Laravel: ``Illuminate\\Database\\Console\\Migrations\\FreshCommand``.
    """

    signature = (
        "migrate:fresh {--database= : The database connection to use}"
        " {--drop-views : Drop all tables and views}"
        " {--drop-types : Drop all tables and types (Postgres only)}"
        " {--force : Force the operation to run when in production}"
        " {--path=* : The path(s) to the migrations files to be executed}"
        " {--realpath : Indicate any provided migration file paths are pre-resolved"
        " absolute paths}"
        " {--seed : Indicates if the seed task should be re-run}"
        " {--seeder= : The class name of the root seeder}"
        " {--step : Force the migrations to be run so they can be rolled back"
        " individually}"
    )
    description = "Drop all tables and re-run all migrations"

    def handle(self) -> int:
        """Drop everything (when migrations ran before), migrate, seed with ``--seed``."""
        if not self.confirm_to_proceed():
            return self.FAILURE
        database = self.option("database")

        def wipe() -> None:
            if self.migrator.repository_exists():
                self.new_line()
                self.components.task("Dropping all tables", self.wipe)

        self.migrator.using_connection(database, wipe)
        self.new_line()
        code = self.call(
            "migrate",
            {
                "--database": database,
                "--path": self.option("path") or None,
                "--realpath": self.option("realpath"),
                "--force": True,
                "--step": self.option("step"),
            },
        )
        if code != 0:
            return code
        if self.option("seed") or self.option("seeder"):
            return self.call(
                "db:seed",
                {
                    "--database": database,
                    "--class": self.option("seeder") or DEFAULT_SEEDER,
                    "--force": True,
                },
            )
        return self.SUCCESS

    def wipe(self) -> None:
        """Drop every view (``--drop-views``), table and type (``--drop-types``).

        Laravel: ``Illuminate\\Database\\Console\\WipeCommand``.
        """
        schema: t.Any = self.migrator.resolve_connection(None).get_schema_builder()
        if self.option("drop_views"):
            schema.drop_all_views()
        schema.drop_all_tables()
        if self.option("drop_types") and hasattr(schema, "drop_all_types"):
            schema.drop_all_types()
