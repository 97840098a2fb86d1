"""``make:rule``: create a validation rule class.

Laravel: ``Illuminate\\Foundation\\Console\\RuleMakeCommand``.
"""

from __future__ import annotations

import os

from protevus.console.generator_command import GeneratorCommand

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


class RuleMakeCommand(GeneratorCommand):
    """Create a new validation rule class in ``app/rules``.

    ``--implicit`` makes a rule that also runs when the field is missing or empty.

    Laravel: ``Illuminate\\Foundation\\Console\\RuleMakeCommand``.
    """

    signature = (
        "make:rule {name : The name of the rule} "
        "{--i|implicit : Generate an implicit rule} "
        "{--f|force : Create the class even if the rule already exists}"
    )
    description = "Create a new validation rule"
    type = "Rule"
    directory = os.path.join("app", "rules")
    stub_directory = STUBS

    def get_stub(self) -> str:
        """Use the implicit rule stub with ``--implicit``, else the rule stub."""
        return self.stub_path(
            "rule.implicit.stub" if self.option("implicit") else "rule.stub"
        )
