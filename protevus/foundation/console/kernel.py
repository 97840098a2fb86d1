"""Run artisan command lines against an application.

Laravel: ``Illuminate\\Foundation\\Console\\Kernel``. Commands are Click commands;
providers offer them with ``self.commands(...)``.
"""

from __future__ import annotations

import typing as t

import click

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.foundation.application import Application


class Kernel(CamelAliases):
    """Build the artisan Click group for an application and run it.

    Laravel: ``Illuminate\\Foundation\\Console\\Kernel::handle()``.
    """

    def __init__(self, app: Application) -> None:
        self.app = app

    def group(self) -> click.Group:
        """Build the ``artisan`` group holding every registered command."""
        group = click.Group(
            name="artisan",
            help=f"Protevus Framework {self.app.version()}",
            context_settings={"help_option_names": ["-h", "--help"]},
        )
        for command in self.app.get_commands():
            if isinstance(command, click.Command):
                group.add_command(command)
        return group

    def handle(self, argv: list[str] | None = None) -> int:
        """Run one command line (``argv`` without the program name); return the exit code."""
        self.app.set_running_in_console(True)
        group = self.group()
        try:
            rv = group.main(
                args=argv,
                prog_name="artisan.py",
                standalone_mode=False,
                obj=self.app,
            )
        except click.exceptions.Exit as exc:
            return exc.exit_code
        except click.ClickException as exc:
            exc.show()
            return exc.exit_code
        except click.Abort:
            click.echo("Aborted!", err=True)
            return 1
        finally:
            self.app.terminate()
        return rv if isinstance(rv, int) else 0
