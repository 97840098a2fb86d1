"""What the migrate commands share: migration paths and the production confirmation.

Laravel: ``Illuminate\\Database\\Console\\Migrations\\BaseCommand`` and
``Illuminate\\Console\\ConfirmableTrait``.
"""

from __future__ import annotations

import os
import typing as t

from protevus.console.command import Command

if t.TYPE_CHECKING:
    from protevus.database.migrations.migrator import Migrator

#: the root seeder ``--seed`` runs unless ``--seeder`` names another.
DEFAULT_SEEDER = "database.seeders.database_seeder.DatabaseSeeder"


class BaseCommand(Command):
    """Give migrate commands their migrator, paths and ``--force`` check.

    Laravel: ``Illuminate\\Database\\Console\\Migrations\\BaseCommand``.
    """

    @property
    def migrator(self) -> Migrator:
        """Get the ``'migrator'`` service."""
        return t.cast("Migrator", self.laravel.make("migrator"))

    def get_migration_paths(self) -> list[str]:
        """Get the folders (or files) holding the migrations to run.

        ``--path`` values are relative to the base path unless ``--realpath``.

        Laravel: ``BaseCommand::getMigrationPaths()``.
        """
        paths = self.option("path") if self.has_option("path") else None
        if paths:
            if isinstance(paths, str):
                paths = [paths]
            if self.has_option("realpath") and self.option("realpath"):
                return [str(p) for p in paths]
            return [p if os.path.isabs(p) else self.laravel.base_path(p) for p in paths]
        return [self.get_migration_path(), *self.migrator.paths()]

    def get_migration_path(self) -> str:
        """Get ``database/migrations``. Laravel: ``BaseCommand::getMigrationPath()``."""
        return t.cast(str, self.laravel.database_path("migrations"))

    def confirm_to_proceed(self, warning: str = "Application In Production") -> bool:
        """Ask before changing a production database unless ``--force``.

        Without a terminal the answer is no.

        Laravel: ``ConfirmableTrait::confirmToProceed()``.
        """
        if not self.laravel.is_production():
            return True
        if self.has_option("force") and self.option("force"):
            return True
        self.components.alert(warning)
        if self.confirm("Are you sure you want to run this command?"):
            return True
        self.components.warn("Command cancelled.")
        return False
