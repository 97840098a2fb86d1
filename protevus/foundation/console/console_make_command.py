"""``make:command``: create an artisan command class in ``app/console/commands``.

Laravel: ``Illuminate\\Foundation\\Console\\ConsoleMakeCommand``.
"""

from __future__ import annotations

import os

from protevus.console.generator_command import GeneratorCommand
from protevus.support.str import Str

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


class ConsoleMakeCommand(GeneratorCommand):
    """Create a new artisan command.

    Laravel: ``Illuminate\\Foundation\\Console\\ConsoleMakeCommand``.
    """

    signature = (
        "make:command {name : The name of the command} "
        "{--command= : The terminal command that will be used to invoke the class} "
        "{--f|force : Create the class even if the console command already exists}"
    )
    description = "Create a new Artisan command"
    type = "Console command"
    directory = os.path.join("app", "console", "commands")
    stub_directory = STUBS

    def get_stub(self) -> str:
        """Use the command stub."""
        return self.stub_path("console.stub")

    def replacements(self, parts: list[str]) -> dict[str, str]:
        """Name the command ``app:send-emails`` after the class, unless ``--command`` says otherwise."""
        values = super().replacements(parts)
        values["command"] = self.option("command") or "app:" + Str.kebab(parts[-1])
        return values
