"""``make:model``: create a model class, and with options its migration, factory, seeder, controller.

``python artisan.py make:model Post -mfsc`` writes ``app/models/post.py``,
``database/migrations/..._create_posts_table.py``,
``database/factories/post_factory.py``, ``database/seeders/post_seeder.py`` and
``app/http/controllers/post_controller.py``.

Laravel: ``Illuminate\\Foundation\\Console\\ModelMakeCommand``.
"""

from __future__ import annotations

import os
import re

from protevus.console.generator_command import GeneratorCommand
from protevus.support.str import Str

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


def qualify_model(name: str) -> tuple[str, str]:
    """Get the module and class of a model name.

    ``Post`` → ``('app.models.post', 'Post')``; ``Admin/Post`` →
    ``('app.models.admin.post', 'Post')``; a dotted path (``app.models.post.Post``)
    is taken as it is.

    Laravel: ``GeneratorCommand::qualifyModel()``.
    """
    name = name.strip()
    if "." in name and "/" not in name and "\\" not in name:
        module, _, cls = name.rpartition(".")
        return module, cls
    parts = [p for p in re.split(r"[/\\]", name) if p]
    cls = Str.studly(parts[-1]) if parts else name
    folders = [Str.snake(p) for p in parts[:-1]]
    return ".".join(["app", "models", *folders, Str.snake(cls)]), cls


class ModelMakeCommand(GeneratorCommand):
    """Create a new Eloquent model class.

    Laravel: ``Illuminate\\Foundation\\Console\\ModelMakeCommand``.
    """

    signature = (
        "make:model {name : The name of the model}"
        " {--a|all : Generate a migration, seeder, factory, policy and resource"
        " controller for the model}"
        " {--c|controller : Create a new controller for the model}"
        " {--f|factory : Create a new factory for the model}"
        " {--force : Create the class even if the model already exists}"
        " {--m|migration : Create a new migration file for the model}"
        " {--morph-pivot : Indicates if the generated model should be a custom"
        " polymorphic intermediate table model}"
        " {--policy : Create a new policy for the model}"
        " {--s|seed : Create a new seeder for the model}"
        " {--p|pivot : Indicates if the generated model should be a custom"
        " intermediate table model}"
        " {--r|resource : Indicates if the generated controller should be a"
        " resource controller}"
        " {--api : Indicates if the generated controller should be an API resource"
        " controller}"
    )
    description = "Create a new Eloquent model class"
    type = "Model"
    directory = os.path.join("app", "models")
    stub_directory = STUBS

    def handle(self) -> int:
        """Write the model, then the files the options ask for."""
        if super().handle() == self.FAILURE and not self.option("force"):
            return self.FAILURE
        if self.option("all"):
            for each in ("factory", "seed", "migration", "controller", "resource"):
                self.input_options[each] = True
            if self._has_command("make:policy"):
                self.input_options["policy"] = True
        code = self.SUCCESS
        if self.option("factory"):
            code |= self.create_factory()
        if self.option("migration"):
            code |= self.create_migration()
        if self.option("seed"):
            code |= self.create_seeder()
        if self.option("controller") or self.option("resource") or self.option("api"):
            code |= self.create_controller()
        if self.option("policy"):
            code |= self.create_policy()
        return self.SUCCESS if code == self.SUCCESS else self.FAILURE

    def get_stub(self) -> str:
        """Use the model stub (``stubs/model.stub`` in the application wins)."""
        return self.stub_path("model.stub")

    def replacements(self, parts: list[str]) -> dict[str, str]:
        """Fill the base classes and imports (pivot models, HasFactory with ``-f``)."""
        values = super().replacements(parts)
        bases: list[str] = []
        imports: list[str] = []
        if self.option("factory") or self.option("all"):
            bases.append("HasFactory")
            imports.append("from protevus.database import HasFactory")
        if self.option("pivot"):
            bases.append("Pivot")
            imports.append(
                "from protevus.database.eloquent.relations.pivot import Pivot"
            )
        elif self.option("morph_pivot"):
            bases.append("MorphPivot")
            imports.append(
                "from protevus.database.eloquent.relations.morph_pivot import MorphPivot"
            )
        else:
            bases.append("Model")
            imports.append("from protevus.database import Model")
        values["bases"] = ", ".join(bases)
        values["imports"] = "\n".join(sorted(imports))
        values["table"] = self._table(parts[-1])
        return values

    def _table(self, cls: str) -> str:
        table = Str.snake(Str.plural_studly(cls))
        return Str.singular(table) if self.option("pivot") else table

    def _parts(self) -> list[str]:
        return [p for p in re.split(r"[/\\.]", self.get_name_input()) if p]

    def _model_path(self) -> str:
        parts = self._parts()
        return f"{self.module_name(parts)}.{self.class_name(parts)}"

    def _basename(self) -> str:
        return Str.studly(self._parts()[-1])

    def create_factory(self) -> int:
        """Create the model's factory. Laravel: ``ModelMakeCommand::createFactory()``."""
        name = "/".join([*self._parts()[:-1], f"{self._basename()}Factory"])
        return self.call("make:factory", {"name": name, "--model": self._model_path()})

    def create_migration(self) -> int:
        """Create the table's migration. Laravel: ``ModelMakeCommand::createMigration()``."""
        table = self._table(self._basename())
        return self.call(
            "make:migration", {"name": f"create_{table}_table", "--create": table}
        )

    def create_seeder(self) -> int:
        """Create the model's seeder. Laravel: ``ModelMakeCommand::createSeeder()``."""
        return self.call("make:seeder", {"name": f"{self._basename()}Seeder"})

    def create_controller(self) -> int:
        """Create the model's controller. Laravel: ``ModelMakeCommand::createController()``."""
        arguments: dict[str, object] = {"name": f"{self._basename()}Controller"}
        if self.option("resource") or self.option("api"):
            arguments["--model"] = self._model_path()
        if self.option("api"):
            arguments["--api"] = True
        return self.call("make:controller", arguments)

    def create_policy(self) -> int:
        """Create the model's policy. Laravel: ``ModelMakeCommand::createPolicy()``."""
        if not self._has_command("make:policy"):
            self.components.warn(
                "No policy was created: the make:policy command is not registered."
            )
            return self.SUCCESS
        return self.call(
            "make:policy",
            {"name": f"{self._basename()}Policy", "--model": self._model_path()},
        )

    def _has_command(self, name: str) -> bool:
        if self.laravel is None or not self.laravel.bound("artisan"):
            return False
        return name in self.laravel.make("artisan").all()
