"""``make:middleware``: create a middleware class.

Laravel: ``Illuminate\\Routing\\Console\\MiddlewareMakeCommand``.
"""

from __future__ import annotations

import os

from protevus.console.generator_command import GeneratorCommand

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


class MiddlewareMakeCommand(GeneratorCommand):
    """Create a new HTTP middleware class.

    Laravel: ``Illuminate\\Routing\\Console\\MiddlewareMakeCommand``.
    """

    signature = (
        "make:middleware {name : The name of the middleware} "
        "{--f|force : Create the class even if the middleware already exists}"
    )
    description = "Create a new HTTP middleware class"
    type = "Middleware"
    directory = os.path.join("app", "http", "middleware")
    stub_directory = STUBS

    def get_stub(self) -> str:
        """Use the middleware stub."""
        return self.stub_path("middleware.stub")
