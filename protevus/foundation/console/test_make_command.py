"""``make:test``: create a pytest module in ``tests/feature`` (or ``tests/unit`` with ``--unit``).

Laravel: ``Illuminate\\Foundation\\Console\\TestMakeCommand``.
"""

from __future__ import annotations

import os

from protevus.console.generator_command import GeneratorCommand
from protevus.support.str import Str

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


class TestMakeCommand(GeneratorCommand):
    """Create a new test module (``UserTest`` → ``tests/feature/test_user.py``).

    Laravel: ``Illuminate\\Foundation\\Console\\TestMakeCommand``.
    """

    __test__ = False  # not a pytest test class despite the name

    signature = (
        "make:test {name : The name of the test} "
        "{--u|unit : Create a unit test} "
        "{--f|force : Create the test even if the test already exists}"
    )
    description = "Create a new test class"
    type = "Test"
    stub_directory = STUBS

    @property
    def directory(self) -> str:  # type: ignore[override]
        """Put unit tests in ``tests/unit`` and the others in ``tests/feature``."""
        return os.path.join("tests", "unit" if self.option("unit") else "feature")

    def get_stub(self) -> str:
        """Use the unit or feature test stub."""
        return self.stub_path("test.unit.stub" if self.option("unit") else "test.stub")

    def file_name(self, parts: list[str]) -> str:
        """Name the module ``test_<snake name>.py`` so pytest collects it."""
        name = Str.snake(parts[-1])
        name = name.removesuffix("_test").removeprefix("test_")
        return f"test_{name}.py"
