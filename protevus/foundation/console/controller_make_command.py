"""``make:controller``: create a controller class (plain, resource, API or invokable).

Laravel: ``Illuminate\\Routing\\Console\\ControllerMakeCommand``.
"""

from __future__ import annotations

import os

from protevus.console.generator_command import GeneratorCommand

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


class ControllerMakeCommand(GeneratorCommand):
    """Create a new controller class.

    Laravel: ``Illuminate\\Routing\\Console\\ControllerMakeCommand``.
    """

    signature = (
        "make:controller {name : The name of the controller} "
        "{--api : Exclude the create and edit methods from the controller} "
        "{--i|invokable : Generate a single method, invokable controller class} "
        "{--r|resource : Generate a resource controller class} "
        "{--m|model= : Generate a resource controller for the given model} "
        "{--f|force : Create the class even if the controller already exists}"
    )
    description = "Create a new controller class"
    type = "Controller"
    directory = os.path.join("app", "http", "controllers")
    stub_directory = STUBS

    def get_stub(self) -> str:
        """Pick the stub from the options: invokable, api, resource or plain."""
        if self.option("invokable"):
            name = "controller.invokable.stub"
        elif self.option("api"):
            name = "controller.api.stub"
        elif self.option("resource") or self.option("model"):
            name = "controller.stub"
        else:
            name = "controller.plain.stub"
        return self.stub_path(name)
