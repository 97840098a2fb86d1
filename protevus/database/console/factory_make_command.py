"""``make:factory``: create a model factory in ``database/factories``.

Laravel: ``Illuminate\\Database\\Console\\Factories\\FactoryMakeCommand``.
"""

from __future__ import annotations

import os

from protevus.console.generator_command import GeneratorCommand
from protevus.database.console.model_make_command import qualify_model
from protevus.support.str import Str

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


class FactoryMakeCommand(GeneratorCommand):
    """Create a new model factory.

    ``make:factory Post`` and ``make:factory PostFactory`` both write
    ``database/factories/post_factory.py`` for the model ``app.models.post.Post``
    (``--model`` names another).

    Laravel: ``Illuminate\\Database\\Console\\Factories\\FactoryMakeCommand``.
    """

    signature = (
        "make:factory {name : The name of the factory}"
        " {--m|model= : The name of the model}"
        " {--f|force : Create the class even if the factory already exists}"
    )
    description = "Create a new model factory"
    type = "Factory"
    directory = os.path.join("database", "factories")
    stub_directory = STUBS

    def get_stub(self) -> str:
        """Use the factory stub (``stubs/factory.stub`` in the application wins)."""
        return self.stub_path("factory.stub")

    def get_name_input(self) -> str:
        """Get the name, ending in ``Factory``. Laravel: ``FactoryMakeCommand::getPath()``."""
        return Str.finish(super().get_name_input(), "Factory")

    def replacements(self, parts: list[str]) -> dict[str, str]:
        """Add the model's class and module."""
        values = super().replacements(parts)
        model = self.option("model")
        if not model:
            guessed = [*parts[:-1], Str.replace_last("Factory", "", parts[-1])]
            model = "/".join(guessed)
        module, cls = qualify_model(str(model))
        values.update({"model": cls, "model_module": module})
        return values
