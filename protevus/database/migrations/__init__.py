"""Migrations: the base class, the repository and the migrator (Laravel: ``Illuminate\\Database\\Migrations``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.database.migrations.database_migration_repository import (
        DatabaseMigrationRepository as DatabaseMigrationRepository,
    )
    from protevus.database.migrations.migration import Migration as Migration
    from protevus.database.migrations.migration_creator import (
        MigrationCreator as MigrationCreator,
    )
    from protevus.database.migrations.migrator import Migrator as Migrator

__getattr__ = lazy_exports(
    __name__,
    {
        "DatabaseMigrationRepository": "protevus.database.migrations.database_migration_repository",
        "Migration": "protevus.database.migrations.migration",
        "MigrationCreator": "protevus.database.migrations.migration_creator",
        "Migrator": "protevus.database.migrations.migrator",
    },
)
