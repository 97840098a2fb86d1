"""The base class of database seeders: ``run()`` inserts rows, ``call()`` runs other seeders.

::

    class DatabaseSeeder(Seeder):
        def run(self) -> None:
            self.call([UserSeeder, "PostSeeder"])

A seeder named by a string is looked up like ``db:seed --class``: ``UserSeeder``
means ``database.seeders.user_seeder.UserSeeder``, a dotted path is imported from
the application's base path.

Laravel: ``Illuminate\\Database\\Seeder``.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import time
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from protevus.console.command import Command

SeederClass = t.Union[str, "type[Seeder]", "Seeder"]

#: the namespace bare seeder names live in (Laravel: ``Database\\Seeders``).
DEFAULT_NAMESPACE = "database.seeders"


class Seeder(CamelAliases):
    """Seed the database; subclasses define ``run()`` (its parameters are injected).

    Laravel: ``Illuminate\\Database\\Seeder``.
    """

    #: the seeders ``call()`` ran, in order (Laravel: ``Seeder::$called``).
    called: t.ClassVar[list[type[Seeder]]] = []

    def __init__(self) -> None:
        self.container: t.Any = None
        self.command: Command | None = None

    def call(
        self,
        class_: SeederClass | t.Sequence[SeederClass],
        silent: bool = False,
        parameters: t.Mapping[str, t.Any] | None = None,
    ) -> Seeder:
        """Run one seeder or several, printing ``RUNNING`` and ``DONE`` lines.

        Laravel: ``Seeder::call()``.
        """
        classes = [class_] if isinstance(class_, (str, type, Seeder)) else class_
        for each in classes:
            seeder = self.resolve(each)
            name = _class_name(type(seeder))
            components = (
                None if silent or self.command is None else self.command.components
            )
            if components is not None:
                components.two_column_detail(name, _bold("RUNNING", "yellow"))
            start = time.perf_counter()
            seeder(parameters)
            if components is not None and self.command is not None:
                ms = (time.perf_counter() - start) * 1000
                components.two_column_detail(
                    name, f"{_gray(f'{ms:,.0f} ms')} {_bold('DONE', 'green')}"
                )
                self.command.output.writeln("")
            Seeder.called.append(type(seeder))
        return self

    def call_with(
        self,
        class_: SeederClass | t.Sequence[SeederClass],
        parameters: t.Mapping[str, t.Any],
    ) -> Seeder:
        """Run seeders passing ``parameters`` to ``run()``. Laravel: ``Seeder::callWith()``."""
        return self.call(class_, False, parameters)

    def call_silent(
        self,
        class_: SeederClass | t.Sequence[SeederClass],
        parameters: t.Mapping[str, t.Any] | None = None,
    ) -> Seeder:
        """Run seeders without printing. Laravel: ``Seeder::callSilent()``."""
        return self.call(class_, True, parameters)

    def call_once(
        self,
        class_: SeederClass | t.Sequence[SeederClass],
        silent: bool = False,
        parameters: t.Mapping[str, t.Any] | None = None,
    ) -> Seeder:
        """Run seeders not already run by ``call()``. Laravel: ``Seeder::callOnce()``."""
        classes = [class_] if isinstance(class_, (str, type, Seeder)) else class_
        for each in classes:
            if type(self.resolve(each)) not in Seeder.called:
                self.call(each, silent, parameters)
        return self

    def resolve(self, class_: SeederClass) -> Seeder:
        """Get a seeder instance (through the container when there is one).

        Laravel: ``Seeder::resolve()``.
        """
        if isinstance(class_, Seeder):
            instance = class_
        else:
            base = self.container.base_path() if self.container is not None else None
            cls = (
                resolve_seeder_class(class_, base)
                if isinstance(class_, str)
                else class_
            )
            if not (isinstance(cls, type) and issubclass(cls, Seeder)):
                raise InvalidArgumentError(
                    f"Seeder [{class_!r}] is not a Seeder subclass. Pass a class "
                    "extending protevus.database.Seeder."
                )
            instance = self.container.make(cls) if self.container is not None else cls()
        if self.container is not None:
            instance.set_container(self.container)
        if self.command is not None:
            instance.set_command(self.command)
        return instance

    def set_container(self, container: t.Any) -> Seeder:
        """Use ``container`` to build seeders and call ``run()``. Laravel: ``setContainer()``."""
        self.container = container
        return self

    def set_command(self, command: Command) -> Seeder:
        """Print progress through ``command``. Laravel: ``Seeder::setCommand()``."""
        self.command = command
        return self

    def __call__(self, parameters: t.Mapping[str, t.Any] | None = None) -> t.Any:
        """Run the seeder's ``run()``. Laravel: ``Seeder::__invoke()``."""
        run = getattr(self, "run", None)
        if run is None:
            raise InvalidArgumentError(
                f"Method [run] missing from [{_class_name(type(self))}]. Define "
                "run(self) on the seeder."
            )
        params = dict(parameters or {})
        if self.container is not None:
            return self.container.call(run, params)
        return run(**params)


def resolve_seeder_class(name: str, base_path: str | None = None) -> type[Seeder]:
    """Find the seeder class named ``name`` (``UserSeeder`` or a dotted path).

    A bare name lives in ``database.seeders.<snake_name>``. The module is read from
    ``base_path`` when its file is there (no ``__init__.py`` or ``sys.path`` entry
    needed), else imported normally.
    """
    if "." not in name:
        name = f"{DEFAULT_NAMESPACE}.{Str.snake(name)}.{name}"
    module_name, _, attr = name.rpartition(".")
    module = _import_module(module_name, base_path or os.getcwd(), name)
    cls = getattr(module, attr, None)
    if not isinstance(cls, type):
        raise InvalidArgumentError(
            f"Target class [{name}] does not exist. Define class {attr} in module "
            f"[{module_name}]."
        )
    return t.cast("type[Seeder]", cls)


def _import_module(module_name: str, base_path: str, target: str) -> t.Any:
    file = os.path.join(base_path, *module_name.split(".")) + ".py"
    if os.path.isfile(file):
        loaded = sys.modules.get(module_name)
        if loaded is not None and _same_file(getattr(loaded, "__file__", None), file):
            return loaded
        try:
            spec = importlib.util.find_spec(module_name)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and _same_file(spec.origin, file):
            return importlib.import_module(module_name)
        spec = importlib.util.spec_from_file_location(module_name, file)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(module_name, None)
            raise
        return module
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise InvalidArgumentError(
            f"Target class [{target}] does not exist. Create {file} or check the "
            "seeder's name."
        ) from exc


def _same_file(a: str | None, b: str) -> bool:
    return bool(a) and os.path.abspath(str(a)) == os.path.abspath(b)


def _class_name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _bold(text: str, color: str) -> str:
    import click

    return click.style(text, fg=color, bold=True)


def _gray(text: str) -> str:
    import click

    return click.style(text, fg="bright_black")
