"""A command listed by name and description, imported only when it runs.

``python artisan.py list`` needs every command's name and one-line description,
not its module: importing forty command modules (and what they import) to print a
list would make every artisan start pay for all of them. Providers register
:class:`LazyCommand` entries; the console application swaps one for the real
command the first time it is looked up by name.

Laravel: Symfony's ``LazyCommand`` (commands with ``$defaultName`` and
``$defaultDescription`` behind a ``CommandLoader``).
"""

from __future__ import annotations

import importlib
import typing as t

import click

from protevus.exceptions import InvalidArgumentError


class LazyCommand(click.Command):
    """Stand in for a command class or Click command given by its dotted path.

    ``LazyCommand('migrate', 'Run the database migrations',
    'protevus.database.console.migrations.migrate_command.MigrateCommand')``

    Laravel: Symfony's ``Symfony\\Component\\Console\\Command\\LazyCommand``.
    """

    def __init__(
        self,
        name: str,
        description: str,
        target: str,
        *,
        aliases: t.Sequence[str] = (),
        hidden: bool = False,
    ) -> None:
        super().__init__(
            name, short_help=description, hidden=hidden, add_help_option=False
        )
        self.description = description
        self.target = target
        self.aliases = tuple(aliases)

    def load(self) -> t.Any:
        """Import and return the command this entry stands for (a class or Click command)."""
        module, _, attr = self.target.rpartition(".")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            raise InvalidArgumentError(
                f"Command [{self.name}] points to [{self.target}], which cannot be "
                f"imported ({exc}). Fix the dotted path where the command is registered."
            ) from exc

    def invoke(self, ctx: click.Context) -> t.Any:  # pragma: no cover - swapped before
        raise InvalidArgumentError(
            f"Command [{self.name}] was invoked before it was loaded."
        )
