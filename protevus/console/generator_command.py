"""The base of ``make:*`` commands: fill a stub and write it where the class belongs.

``python artisan.py make:controller Admin/PostController`` writes
``app/http/controllers/admin/post_controller.py`` from the controller stub, with
``{{ class }}`` replaced by ``PostController``.

Laravel: ``Illuminate\\Console\\GeneratorCommand``.
"""

from __future__ import annotations

import keyword
import os
import re
import typing as t

from protevus.console.command import Command
from protevus.support.str import Str


class GeneratorCommand(Command):
    """Create a file from a stub: subclasses set ``type``, ``directory`` and ``get_stub()``.

    The signature of a generator holds at least ``{name}`` and ``{--force}``.

    Laravel: ``Illuminate\\Console\\GeneratorCommand``.
    """

    #: what is generated, for messages ("Controller already exists.").
    type: str = ""
    #: where files go, relative to the base path (``app/http/controllers``).
    directory: str = "app"
    #: the folder holding this generator's stubs.
    stub_directory: str = ""

    def get_stub(self) -> str:
        """Get the path of the stub file to fill. Laravel: ``GeneratorCommand::getStub()``."""
        raise NotImplementedError(
            f"Generator [{type(self).__name__}] must define get_stub()."
        )

    def handle(self) -> int:
        """Write the file unless it exists (``--force`` overwrites); print where it went."""
        name = self.get_name_input()
        parts = [p for p in re.split(r"[/\\.]", name) if p]
        invalid = [p for p in parts if not p.isidentifier() or keyword.iskeyword(p)]
        if not parts or invalid:
            self.components.error(
                f'The name "{name}" is not a valid Python class name. Use letters, '
                "digits and underscores, with / between folders."
            )
            return self.FAILURE
        path = self.get_path(parts)
        if os.path.exists(path) and not self.option("force"):
            self.components.error(f"{self.type} already exists.")
            return self.FAILURE
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.build_class(parts))
        rel = os.path.relpath(path, self.laravel.base_path()).replace(os.sep, "/")
        self.components.info(f"{self.type} [{rel}] created successfully.")
        self.after_write(parts, path)
        return self.SUCCESS

    def get_name_input(self) -> str:
        """Get the ``name`` argument, trimmed. Laravel: ``GeneratorCommand::getNameInput()``."""
        return str(self.argument("name")).strip()

    def class_name(self, parts: list[str]) -> str:
        """Get the class name from the last part of the name."""
        return parts[-1]

    def file_name(self, parts: list[str]) -> str:
        """Get the module file name (``PostController`` → ``post_controller.py``)."""
        return f"{Str.snake(self.class_name(parts))}.py"

    def get_path(self, parts: list[str]) -> str:
        """Get the destination path. Laravel: ``GeneratorCommand::getPath()``."""
        folders = [Str.snake(p) for p in parts[:-1]]
        return self.laravel.base_path(
            os.path.join(self.directory, *folders, self.file_name(parts))
        )

    def module_name(self, parts: list[str]) -> str:
        """Get the dotted module of the generated file (``app.http.controllers.post_controller``)."""
        rel = os.path.relpath(self.get_path(parts), self.laravel.base_path())
        return rel[:-3].replace(os.sep, ".")

    def replacements(self, parts: list[str]) -> dict[str, str]:
        """Get the ``{{ placeholder }}`` values. Subclasses add their own."""
        module = self.module_name(parts)
        return {
            "class": self.class_name(parts),
            "namespace": module.rpartition(".")[0],
            "module": module,
        }

    def build_class(self, parts: list[str]) -> str:
        """Fill the stub's ``{{ placeholders }}``. Laravel: ``GeneratorCommand::buildClass()``."""
        with open(self.get_stub(), encoding="utf-8") as fh:
            stub = fh.read()
        values = self.replacements(parts)

        def fill(match: re.Match[str]) -> str:
            key = match.group(1)
            return values.get(key, match.group(0))

        return re.sub(r"\{\{\s*(\w+)\s*\}\}", fill, stub)

    def after_write(self, parts: list[str], path: str) -> None:
        """Run after the file is written (``make:provider`` registers the provider)."""

    def stub_path(self, file: str) -> str:
        """Find a stub: the application's ``stubs/`` folder first (``stub:publish``), else the framework's."""
        custom = self.laravel.base_path(os.path.join("stubs", file))
        if os.path.isfile(custom):
            return t.cast(str, custom)
        return os.path.join(self.stub_directory, file)
