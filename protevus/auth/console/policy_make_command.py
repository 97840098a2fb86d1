"""``make:policy``: create a policy class, with the resource methods for ``--model``.

Laravel: ``Illuminate\\Foundation\\Console\\PolicyMakeCommand``.
"""

from __future__ import annotations

import keyword
import os
import typing as t

from protevus.console.generator_command import GeneratorCommand
from protevus.database.console.model_make_command import qualify_model
from protevus.support.str import Str

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")

#: the user model when the configuration names none (Laravel: ``App\\Models\\User``).
DEFAULT_USER_MODEL = "app.models.user.User"


class PolicyMakeCommand(GeneratorCommand):
    """Create a new policy class in ``app/policies``.

    ``make:policy PostPolicy --model=Post`` writes ``app/policies/post_policy.py``
    with ``view_any``, ``view``, ``create``, ``update``, ``delete``, ``restore``
    and ``force_delete`` typed with the model and the guard's user model.

    Laravel: ``Illuminate\\Foundation\\Console\\PolicyMakeCommand``.
    """

    signature = (
        "make:policy {name : The name of the policy} "
        "{--m|model= : The model that the policy applies to} "
        "{--g|guard= : The guard that the policy relies on} "
        "{--f|force : Create the class even if the policy already exists}"
    )
    description = "Create a new policy class"
    type = "Policy"
    directory = os.path.join("app", "policies")
    stub_directory = STUBS

    def get_stub(self) -> str:
        """Use the model stub with ``--model``, else the plain one."""
        name = "policy.stub" if self.option("model") else "policy.plain.stub"
        return self.stub_path(name)

    def handle(self) -> int:
        """Check ``--model`` names a class, then write the policy."""
        model = self.option("model")
        if model:
            module, cls = qualify_model(str(model))
            parts = [*module.split("."), cls]
            if not all(p.isidentifier() and not keyword.iskeyword(p) for p in parts):
                self.components.error(
                    f'The model "{model}" is not a valid Python class name. Use a '
                    "class name (Post), a folder path (Admin/Post) or a dotted path "
                    "(app.models.post.Post)."
                )
                return self.FAILURE
        return super().handle()

    def replacements(self, parts: list[str]) -> dict[str, str]:
        """Add the model, the user model and their imports. Laravel: ``PolicyMakeCommand::replaceModel()``."""
        values = super().replacements(parts)
        user_module, user = self.user_provider_model()
        values["user"] = user
        values["user_module"] = user_module
        model = self.option("model")
        if not model:
            return values
        module, cls = qualify_model(str(model))
        variable = Str.snake(cls)
        imports = {f"from {module} import {cls}"}
        if cls == user:
            # Laravel: the model parameter becomes $model when it is the user model.
            variable = "model"
            if module != user_module:
                imports = {f"from {module} import {cls} as {cls}Model"}
                cls = f"{cls}Model"
        imports.add(f"from {user_module} import {user}")
        values.update(
            {
                "model": cls,
                "model_module": module,
                "model_variable": variable,
                "imports": "\n".join(sorted(imports)),
            }
        )
        return values

    def user_provider_model(self) -> tuple[str, str]:
        """Get the module and class of the guard's user model.

        Laravel: ``GeneratorCommand::userProviderModel()``.
        """
        path = DEFAULT_USER_MODEL
        app = self.laravel
        if app is not None and app.bound("config"):
            config = app.make("config")
            guard = self.option("guard") or config.get("auth.defaults.guard")
            provider = config.get(f"auth.guards.{guard}.provider")
            found: t.Any = config.get(f"auth.providers.{provider}.model")
            if isinstance(found, type):
                found = f"{found.__module__}.{found.__qualname__}"
            if isinstance(found, str) and "." in found:
                path = found
        module, _, cls = path.rpartition(".")
        return module, cls
