"""``migrate:install``: create the migrations table.

Laravel: ``Illuminate\\Database\\Console\\Migrations\\InstallCommand``.
"""

from __future__ import annotations

from protevus.console.command import Command


class InstallCommand(Command):
    """Create the migration repository.

    Laravel: ``Illuminate\\Database\\Console\\Migrations\\InstallCommand``.
    """

    signature = "migrate:install {--database= : The database connection to use}"
    description = "Create the migration repository"

    def handle(self) -> int:
        """Create the table on the chosen connection unless it exists."""
        repository = self.laravel.make("migration.repository")
        repository.set_source(self.option("database"))
        if not repository.repository_exists():
            repository.create_repository()
        self.components.info("Migration table created successfully.")
        return self.SUCCESS
