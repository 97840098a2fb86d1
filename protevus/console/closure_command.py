"""Commands defined by a function: ``Artisan.command('mail:send {user}', send)``.

The function receives the arguments and options by name (``dry-run`` as
``dry_run``), type-hinted services from the container, and the command itself
through a parameter named ``command``::

    @Artisan.command('mail:send {user} {--queue=}')
    def send(user: str, queue: str | None, command: Command) -> None:
        command.info(f"Sending to {user}")

Laravel: ``Illuminate\\Foundation\\Console\\ClosureCommand``.
"""

from __future__ import annotations

import typing as t

from protevus.console.command import Command
from protevus.console.signature import parse


class ClosureCommand(Command):
    """Run a function as an artisan command.

    Laravel: ``Illuminate\\Foundation\\Console\\ClosureCommand``.
    """

    def __init__(self, signature: str, callback: t.Callable[..., t.Any]) -> None:
        super().__init__()
        parse(signature)  # a malformed signature fails where it is declared
        self.signature = signature
        self.callback = callback
        self.description = ""
        doc = getattr(callback, "__doc__", None)
        if doc:
            self.description = doc.strip().splitlines()[0]

    def purpose(self, description: str) -> ClosureCommand:
        """Set the description ``list`` shows. Laravel: ``ClosureCommand::purpose()``."""
        self.description = description
        return self

    def describe(self, description: str) -> ClosureCommand:
        """Set the description ``list`` shows. Laravel: ``ClosureCommand::describe()``."""
        return self.purpose(description)

    def handle(self) -> t.Any:
        """Call the function with the input by name, services injected and ``command=self``."""
        parameters: dict[str, t.Any] = {}
        for source in (self.input_arguments, self.input_options):
            for key, val in source.items():
                parameters[key.replace("-", "_")] = val
        parameters["command"] = self
        if self.laravel is None:
            import inspect

            accepted = inspect.signature(self.callback).parameters
            return self.callback(
                **{k: v for k, v in parameters.items() if k in accepted}
            )
        return self.laravel.call(self.callback, parameters)

    def __call__(self, *args: t.Any, **kwargs: t.Any) -> t.Any:
        """Call the wrapped function directly (the decorator form keeps it callable)."""
        return self.callback(*args, **kwargs)
