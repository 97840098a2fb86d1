"""``make:migration``: write a new migration file from a stub.

``create_posts_table`` gets the create stub for ``posts``; ``add_votes_to_users_table``
the update stub for ``users``; ``--create=`` and ``--table=`` choose explicitly.

Laravel: ``Illuminate\\Database\\Console\\Migrations\\MigrateMakeCommand``.
"""

from __future__ import annotations

import os
import typing as t

from protevus.console.command import Command
from protevus.database.migrations.migration_creator import TableGuesser
from protevus.exceptions import InvalidArgumentError
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from protevus.database.migrations.migration_creator import MigrationCreator


class MigrateMakeCommand(Command):
    """Create a new migration file.

    Laravel: ``Illuminate\\Database\\Console\\Migrations\\MigrateMakeCommand``.
    """

    signature = (
        "make:migration {name : The name of the migration}"
        " {--create= : The table to be created}"
        " {--table= : The table to migrate}"
        " {--path= : The location where the migration file should be created}"
        " {--realpath : Indicate any provided migration file paths are pre-resolved"
        " absolute paths}"
    )
    description = "Create a new migration file"

    def handle(self) -> int:
        """Guess the table, write the file, print its path."""
        name = Str.snake(str(self.argument("name")).strip())
        table = self.option("table")
        create: t.Any = self.option("create") or False
        if not table and isinstance(create, str):
            table, create = create, True
        if not table:
            table, create = TableGuesser.guess(name)
        creator: MigrationCreator = self.laravel.make("migration.creator")
        try:
            file = creator.create(name, self.get_migration_path(), table, bool(create))
        except InvalidArgumentError as exc:
            self.components.error(str(exc))
            return self.FAILURE
        # Laravel's components print paths inside the application relative to it.
        rel = os.path.relpath(file, self.laravel.base_path())
        shown = file if rel.startswith("..") else rel.replace(os.sep, "/")
        self.components.info(f"Migration [{shown}] created successfully.")
        return self.SUCCESS

    def get_migration_path(self) -> str:
        """Get the folder to write into. Laravel: ``MigrateMakeCommand::getMigrationPath()``."""
        path = self.option("path")
        if path:
            if self.option("realpath") or os.path.isabs(path):
                return str(path)
            return t.cast(str, self.laravel.base_path(path))
        return t.cast(str, self.laravel.database_path("migrations"))
