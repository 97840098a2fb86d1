"""Bind the migrator, its repository and creator, and register the migrate commands.

Laravel: ``Illuminate\\Database\\MigrationServiceProvider`` (with the commands of
``Illuminate\\Foundation\\Providers\\ArtisanServiceProvider``).
"""

from __future__ import annotations

import typing as t

from protevus.console.lazy_command import LazyCommand
from protevus.support.service_provider import ServiceProvider

_CONSOLE = "protevus.database.console"

#: name, description and dotted class of each command (imported when it runs).
MIGRATION_COMMANDS: tuple[LazyCommand, ...] = tuple(
    LazyCommand(name, description, f"{_CONSOLE}.{target}")
    for name, description, target in (
        (
            "migrate",
            "Run the database migrations",
            "migrations.migrate_command.MigrateCommand",
        ),
        (
            "migrate:install",
            "Create the migration repository",
            "migrations.install_command.InstallCommand",
        ),
        (
            "migrate:status",
            "Show the status of each migration",
            "migrations.status_command.StatusCommand",
        ),
        (
            "migrate:rollback",
            "Rollback the last database migration",
            "migrations.rollback_command.RollbackCommand",
        ),
        (
            "migrate:reset",
            "Rollback all database migrations",
            "migrations.reset_command.ResetCommand",
        ),
        (
            "migrate:refresh",
            "Reset and re-run all migrations",
            "migrations.refresh_command.RefreshCommand",
        ),
        (
            "migrate:fresh",
            "Drop all tables and re-run all migrations",
            "migrations.fresh_command.FreshCommand",
        ),
        (
            "make:migration",
            "Create a new migration file",
            "migrations.migrate_make_command.MigrateMakeCommand",
        ),
        ("db:seed", "Seed the database with records", "seeds.seed_command.SeedCommand"),
        (
            "make:seeder",
            "Create a new seeder class",
            "seeds.seeder_make_command.SeederMakeCommand",
        ),
    )
)


class MigrationServiceProvider(ServiceProvider):
    """Register ``'migration.repository'``, ``'migrator'``, ``'migration.creator'`` and the commands.

    The migrations table name is ``database.migrations.table`` (or
    ``database.migrations`` when it is a string, as in older Laravel configs).

    Laravel: ``Illuminate\\Database\\MigrationServiceProvider``.
    """

    def register(self) -> None:
        """Bind the migration services and register the commands."""
        self.app.singleton("migration.repository", self._make_repository)
        self.app.singleton("migrator", self._make_migrator)
        self.app.singleton("migration.creator", self._make_creator)
        self.commands(*MIGRATION_COMMANDS)

    def _make_repository(self, app: t.Any) -> t.Any:
        from protevus.database.migrations.database_migration_repository import (
            DatabaseMigrationRepository,
        )

        setting = app.make("config").get("database.migrations", "migrations")
        table = (
            setting.get("table", "migrations") if isinstance(setting, dict) else setting
        )
        return DatabaseMigrationRepository(app.make("db"), str(table or "migrations"))

    def _make_migrator(self, app: t.Any) -> t.Any:
        from protevus.database.migrations.migrator import Migrator

        return Migrator(app.make("migration.repository"), app.make("db"))

    def _make_creator(self, app: t.Any) -> t.Any:
        from protevus.database.migrations.migration_creator import MigrationCreator

        return MigrationCreator(app.base_path("stubs"))
