"""``db:seed``: run the root seeder (``DatabaseSeeder``) or the one ``--class`` names.

Laravel: ``Illuminate\\Database\\Console\\Seeds\\SeedCommand``.
"""

from __future__ import annotations

from protevus.database.console.migrations.base_command import DEFAULT_SEEDER
from protevus.database.console.migrations.base_command import BaseCommand
from protevus.database.seeder import Seeder
from protevus.database.seeder import resolve_seeder_class


class SeedCommand(BaseCommand):
    """Seed the database with records.

    Laravel: ``Illuminate\\Database\\Console\\Seeds\\SeedCommand``.
    """

    signature = (
        "db:seed {class? : The class name of the root seeder}"
        " {--class=" + DEFAULT_SEEDER + " : The class name of the root seeder}"
        " {--database= : The database connection to seed}"
        " {--force : Force the operation to run when in production}"
    )
    description = "Seed the database with records"

    def handle(self) -> int:
        """Confirm in production, then run the seeder on the chosen connection."""
        if not self.confirm_to_proceed():
            return self.FAILURE
        self.components.info("Seeding database.")
        db = self.laravel.make("db")
        previous = db.get_default_connection()
        database = self.option("database")
        if database:
            db.set_default_connection(database)
        # As Laravel: seeders create models unguarded (any attribute may be filled).
        from protevus.database.eloquent.model import Model

        try:
            seeder = self.get_seeder()
            Model.unguarded(seeder)
        finally:
            db.set_default_connection(previous)
        return self.SUCCESS

    def get_seeder(self) -> Seeder:
        """Build the root seeder. Laravel: ``SeedCommand::getSeeder()``."""
        name = self.argument("class") or self.option("class") or DEFAULT_SEEDER
        cls = resolve_seeder_class(str(name), self.laravel.base_path())
        seeder: Seeder = self.laravel.make(cls)
        return seeder.set_container(self.laravel).set_command(self)
