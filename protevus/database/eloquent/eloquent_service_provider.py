"""Register the Eloquent generators: make:model, make:factory, make:observer.

Laravel: the Eloquent commands of ``Illuminate\\Foundation\\Providers\\ArtisanServiceProvider``.
"""

from __future__ import annotations

from protevus.console.lazy_command import LazyCommand
from protevus.support.service_provider import ServiceProvider

_CONSOLE = "protevus.database.console"

#: name, description and dotted class of each command (imported when it runs).
ELOQUENT_COMMANDS: tuple[LazyCommand, ...] = tuple(
    LazyCommand(name, description, f"{_CONSOLE}.{target}")
    for name, description, target in (
        (
            "make:model",
            "Create a new Eloquent model class",
            "model_make_command.ModelMakeCommand",
        ),
        (
            "make:factory",
            "Create a new model factory",
            "factory_make_command.FactoryMakeCommand",
        ),
        (
            "make:observer",
            "Create a new observer class",
            "observer_make_command.ObserverMakeCommand",
        ),
    )
)


class EloquentServiceProvider(ServiceProvider):
    """Register the Eloquent artisan commands.

    Laravel: ``ArtisanServiceProvider`` (``ModelMakeCommand``, ``FactoryMakeCommand``,
    ``ObserverMakeCommand``).
    """

    def register(self) -> None:
        """Register the commands."""
        self.commands(*ELOQUENT_COMMANDS)
