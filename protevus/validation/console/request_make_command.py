"""``make:request``: create a form request class.

Laravel: ``Illuminate\\Foundation\\Console\\RequestMakeCommand``.
"""

from __future__ import annotations

import os

from protevus.console.generator_command import GeneratorCommand

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


class RequestMakeCommand(GeneratorCommand):
    """Create a new form request class in ``app/http/requests``.

    Laravel: ``Illuminate\\Foundation\\Console\\RequestMakeCommand``.
    """

    signature = (
        "make:request {name : The name of the request} "
        "{--f|force : Create the class even if the request already exists}"
    )
    description = "Create a new form request class"
    type = "Request"
    directory = os.path.join("app", "http", "requests")
    stub_directory = STUBS

    def get_stub(self) -> str:
        """Use the request stub."""
        return self.stub_path("request.stub")
