"""``make:component``: create a Blade component class and its view (or only a view).

Laravel: ``Illuminate\\Foundation\\Console\\ComponentMakeCommand``.
"""

from __future__ import annotations

import os
import re

from protevus.console.generator_command import GeneratorCommand

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


def _kebab(part: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", part).replace("_", "-").lower()


class ComponentMakeCommand(GeneratorCommand):
    """Create a new view component class (``app/view/components``) and its Blade view.

    ``make:component Forms/InputField`` writes ``app/view/components/forms/input_field.py``
    (class ``InputField``) and ``resources/views/components/forms/input-field.blade.html``,
    used as ``<x-forms.input-field/>``. ``--view`` writes only the view (an anonymous
    component); ``--inline`` puts the template in ``render()``.

    Laravel: ``Illuminate\\Foundation\\Console\\ComponentMakeCommand``.
    """

    signature = (
        "make:component {name : The name of the component} "
        "{--inline : Create a component that renders an inline view} "
        "{--view : Create an anonymous component with only a view} "
        "{--f|force : Create the class even if the component already exists}"
    )
    description = "Create a new view component class"
    type = "Component"
    directory = os.path.join("app", "view", "components")
    stub_directory = STUBS

    def get_stub(self) -> str:
        """Use the inline stub with ``--inline``, else the class stub."""
        if self.option("inline"):
            return self.stub_path("view-component-inline.stub")
        return self.stub_path("view-component.stub")

    def handle(self) -> int:
        """Write the view only (``--view``) or the class and its view."""
        if not self.option("view"):
            return super().handle()
        parts = [p for p in re.split(r"[/\\.]", self.get_name_input()) if p]
        if not parts or not all(re.fullmatch(r"[A-Za-z_][\w\-]*", p) for p in parts):
            self.components.error(
                f'The name "{self.get_name_input()}" is not a valid component name. '
                "Use letters, digits, dashes and underscores, with / or . between folders."
            )
            return self.FAILURE
        return self.SUCCESS if self.write_view(parts) else self.FAILURE

    def class_name(self, parts: list[str]) -> str:
        """Get the StudlyCase class name (``input-field`` → ``InputField``)."""
        return "".join(
            word[:1].upper() + word[1:] for word in re.split(r"[-_]", parts[-1])
        )

    def view_name(self, parts: list[str]) -> str:
        """Get the dotted view name (``Forms/InputField`` → ``components.forms.input-field``)."""
        return "components." + ".".join(_kebab(p) for p in parts)

    def view_path(self, parts: list[str]) -> str:
        """Get the view file (``resources/views/components/forms/input-field.blade.html``)."""
        relative = os.path.join(*self.view_name(parts).split(".")) + ".blade.html"
        return str(self.laravel.resource_path(os.path.join("views", relative)))

    def replacements(self, parts: list[str]) -> dict[str, str]:
        """Add the view name to the stub values."""
        values = super().replacements(parts)
        values["view"] = self.view_name(parts)
        values["tag"] = "x-" + self.view_name(parts)[len("components.") :]
        return values

    def after_write(self, parts: list[str], path: str) -> None:
        """Write the component's view unless it is inline."""
        if not self.option("inline"):
            self.write_view(parts)

    def write_view(self, parts: list[str]) -> bool:
        """Write the Blade view from the view stub. Laravel: ``ComponentMakeCommand::writeView()``."""
        path = self.view_path(parts)
        if os.path.exists(path) and not self.option("force"):
            self.components.error("View already exists.")
            return False
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(self.stub_path("view.stub"), encoding="utf-8") as fh:
            stub = fh.read()
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(stub)
        rel = os.path.relpath(path, self.laravel.base_path()).replace(os.sep, "/")
        self.components.info(f"View [{rel}] created successfully.")
        return True
