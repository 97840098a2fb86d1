"""``make:observer``: create an observer class in ``app/observers``.

Laravel: ``Illuminate\\Foundation\\Console\\ObserverMakeCommand``.
"""

from __future__ import annotations

import keyword
import os

from protevus.console.generator_command import GeneratorCommand
from protevus.database.console.model_make_command import qualify_model
from protevus.support.str import Str

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


class ObserverMakeCommand(GeneratorCommand):
    """Create a new observer class (with ``--model``, one method per model event).

    Laravel: ``Illuminate\\Foundation\\Console\\ObserverMakeCommand``.
    """

    signature = (
        "make:observer {name : The name of the observer}"
        " {--m|model= : The model that the observer applies to}"
        " {--f|force : Create the class even if the observer already exists}"
    )
    description = "Create a new observer class"
    type = "Observer"
    directory = os.path.join("app", "observers")
    stub_directory = STUBS

    def get_stub(self) -> str:
        """Use the model observer stub with ``--model``, else the plain one."""
        name = "observer.stub" if self.option("model") else "observer.plain.stub"
        return self.stub_path(name)

    def replacements(self, parts: list[str]) -> dict[str, str]:
        """Add the model's class, module and variable name."""
        values = super().replacements(parts)
        model = self.option("model")
        if model:
            module, cls = qualify_model(str(model))
            variable = Str.snake(cls)
            if keyword.iskeyword(variable):
                variable += "_"
            values.update(
                {"model": cls, "model_module": module, "model_variable": variable}
            )
        return values
