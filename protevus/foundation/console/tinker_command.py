"""``tinker``: an interactive Python shell with the application booted.

IPython when installed, else the standard ``code.interact``. The namespace holds
``app``, every facade (``Route``, ``Config``...) and the classes of ``app/models``.

Laravel: ``Laravel\\Tinker\\Console\\TinkerCommand``.
"""

from __future__ import annotations

import importlib
import os
import typing as t

from protevus.console.command import Command


class TinkerCommand(Command):
    """Interact with your application.

    Laravel: ``Laravel\\Tinker\\Console\\TinkerCommand``.
    """

    signature = (
        "tinker {--execute= : Execute the given code using Tinker} "
        "{--plain : Use the standard Python shell even if IPython is installed}"
    )
    description = "Interact with your application"

    def handle(self) -> int:
        """Run ``--execute`` code, or start a shell."""
        namespace = self.namespace()
        code = self.option("execute")
        if code:
            exec(compile(code, "<tinker>", "exec"), namespace)
            return self.SUCCESS
        if not self.option("plain"):
            try:
                from IPython import start_ipython  # type: ignore[import-not-found]
            except ImportError:
                pass
            else:
                start_ipython(argv=[], user_ns=namespace)
                return self.SUCCESS
        import code as code_module

        banner = f"Protevus {self.laravel.version()} tinker: app, facades and models are loaded."
        code_module.interact(banner=banner, local=namespace, exitmsg="")
        return self.SUCCESS

    def namespace(self) -> dict[str, t.Any]:
        """Build the shell's globals: ``app``, the facades and ``app/models`` classes."""
        from protevus import facades

        namespace: dict[str, t.Any] = {"app": self.laravel}
        for name in dir(facades):
            if not name.startswith("_") and name[:1].isupper():
                namespace[name] = getattr(facades, name)
        namespace.update(self.models())
        return namespace

    def models(self) -> dict[str, type]:
        """Import the classes defined in ``app/models/*.py``."""
        folder = self.laravel.app_path("models")
        found: dict[str, type] = {}
        if not os.path.isdir(folder):
            return found
        kernel = self.laravel.make("artisan") if self.laravel.bound("artisan") else None
        for file in sorted(os.listdir(folder)):
            if not file.endswith(".py") or file.startswith("_"):
                continue
            path = os.path.join(folder, file)
            if kernel is not None:
                module = kernel.import_file(path)
            else:  # pragma: no cover - artisan is always bound by the foundation
                module = importlib.import_module(f"app.models.{file[:-3]}")
            for name, obj in vars(module).items():
                if isinstance(obj, type) and obj.__module__ == module.__name__:
                    found[name] = obj
        return found
