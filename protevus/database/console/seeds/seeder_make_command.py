"""``make:seeder``: create a seeder class in ``database/seeders``.

Laravel: ``Illuminate\\Database\\Console\\Seeds\\SeederMakeCommand``.
"""

from __future__ import annotations

import os

from protevus.console.generator_command import GeneratorCommand

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


class SeederMakeCommand(GeneratorCommand):
    """Create a new seeder class.

    Laravel: ``Illuminate\\Database\\Console\\Seeds\\SeederMakeCommand``.
    """

    signature = (
        "make:seeder {name : The name of the seeder}"
        " {--f|force : Create the class even if the seeder already exists}"
    )
    description = "Create a new seeder class"
    type = "Seeder"
    directory = os.path.join("database", "seeders")
    stub_directory = STUBS

    def get_stub(self) -> str:
        """Use the seeder stub (``stubs/seeder.stub`` in the application wins)."""
        return self.stub_path("seeder.stub")
