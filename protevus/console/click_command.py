"""Run a :class:`~protevus.console.command.Command` as a Click command.

Each artisan command, whatever it is written as, ends up a ``click.Command`` in one
group; this adapter parses the signature once, builds the Click parameters, and on
invocation makes the command (through the container, so its constructor gets
services), hands it the parsed input and an output style, and returns its exit code.

Laravel: the bridge ``Illuminate\\Console\\Command`` makes to Symfony's ``Command``.
"""

from __future__ import annotations

import copy
import typing as t

import click

from protevus.console.command import Command
from protevus.console.command import definition_of
from protevus.console.output_style import DEBUG
from protevus.console.output_style import NORMAL
from protevus.console.output_style import QUIET
from protevus.console.output_style import VERBOSE
from protevus.console.output_style import VERY_VERBOSE
from protevus.console.output_style import OutputStyle
from protevus.console.signature import Signature

#: key in ``click.Context.meta`` holding the run's I/O settings (dict).
IO_KEY = "protevus.console.io"

_VERBOSITY = {0: NORMAL, 1: VERBOSE, 2: VERY_VERBOSE}


def output_for(ctx: click.Context, verbose: int = 0) -> OutputStyle:
    """Get the output style of this run: the caller's one, or one from the global flags."""
    io = ctx.meta.get(IO_KEY, {})
    given = io.get("output")
    if isinstance(given, OutputStyle):
        return given
    verbosity = QUIET if io.get("quiet") else _VERBOSITY.get(verbose, DEBUG)
    return OutputStyle(
        decorated=io.get("decorated"),
        verbosity=verbosity,
        interactive=io.get("interactive", True),
    )


class ClickCommand(click.Command):
    """A Click command that runs a Protevus :class:`Command` class or instance.

    Laravel: ``Illuminate\\Console\\Command`` as a Symfony command.
    """

    def __init__(
        self, command: type[Command] | Command, name: str | None = None
    ) -> None:
        self.command = command
        self.definition: Signature = definition_of(command)
        params = self.definition.to_click_params()
        taken = {d for p in params for d in p.opts}
        if "-v" not in taken and "--verbose" not in taken:
            params.append(
                click.Option(
                    ["-v", "--verbose", "_verbose"],
                    count=True,
                    hidden=True,
                    help="Increase the verbosity of messages.",
                )
            )
        description = str(getattr(command, "description", "") or "")
        super().__init__(
            name=name or self.definition.name,
            params=params,
            callback=self._run,
            help=str(getattr(command, "help", "") or "") or description,
            short_help=description,
            hidden=bool(getattr(command, "hidden", False)),
            context_settings={"help_option_names": ["-h", "--help"]},
        )
        self.description = description
        self.aliases = list(getattr(command, "aliases", ()) or ())

    def _run(self, **values: t.Any) -> int:
        ctx = click.get_current_context()
        app = ctx.find_root().obj
        output = output_for(ctx, int(values.pop("_verbose", 0) or 0))
        arguments, options = self.definition.collect(values)
        if isinstance(self.command, Command):
            # A copy per run: concurrent calls (threaded servers) must not share the
            # input and output a run sets on the registered instance.
            instance = copy.copy(self.command)
        elif app is not None and hasattr(app, "make"):
            instance = app.make(self.command)
        else:
            instance = self.command()
        return instance.run(app, arguments, options, output)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Write Laravel's help layout: Description, Usage, Arguments, Options, Help."""
        formatter.write(
            render_help(
                self.name or "", self.definition, self.description, self.help or ""
            )
        )


def render_help(name: str, definition: Signature, description: str, help: str) -> str:
    """Render ``help CMD`` for a signature-based command, as Laravel prints it."""
    lines: list[str] = []
    if description:
        lines += [click.style("Description:", fg="yellow"), f"  {description}", ""]
    usage = [name]
    if definition.options:
        usage.append("[options]")
    if definition.arguments:
        usage.append("[--]")
    for arg in definition.arguments:
        token = f"<{arg.name}>" + ("..." if arg.array else "")
        usage.append(token if arg.required else f"[{token}]")
    lines += [click.style("Usage:", fg="yellow"), "  " + " ".join(usage), ""]
    rows: list[tuple[str, str]] = []
    if definition.arguments:
        for arg in definition.arguments:
            text = arg.description
            if not arg.required and arg.default not in (None, []):
                text += (
                    f" {click.style(f'[default: {_php(arg.default)}]', fg='yellow')}"
                )
            rows.append((arg.name, text.strip()))
    option_rows: list[tuple[str, str]] = []
    for opt in definition.options:
        short = ", ".join(f"-{s}" for s in opt.shortcuts)
        label = (f"{short}, " if short else "    ") + f"--{opt.name}"
        if opt.accepts_value:
            label += (
                f"[={opt.name.upper()}]"
                if opt.default is None
                else f"={opt.name.upper()}"
            )
        text = opt.description
        if opt.accepts_value and opt.default not in (None, []):
            text += f" {click.style(f'[default: {_php(opt.default)}]', fg='yellow')}"
        if opt.array:
            text += f" {click.style('(multiple values allowed)', fg='yellow')}"
        option_rows.append((label, text.strip()))
    option_rows += [
        ("-h, --help", "Display help for the given command."),
        ("-q, --quiet", "Do not output any message"),
        ("    --ansi|--no-ansi", "Force (or disable --no-ansi) ANSI output"),
        ("-n, --no-interaction", "Do not ask any interactive question"),
        ("-v|vv|vvv, --verbose", "Increase the verbosity of messages"),
    ]
    width = max(len(label) for label, _ in rows + option_rows) + 2
    if rows:
        lines.append(click.style("Arguments:", fg="yellow"))
        lines += [
            f"  {click.style(k.ljust(width), fg='green')}{v}".rstrip() for k, v in rows
        ]
        lines.append("")
    lines.append(click.style("Options:", fg="yellow"))
    lines += [
        f"  {click.style(k.ljust(width), fg='green')}{v}".rstrip()
        for k, v in option_rows
    ]
    if help and help != description:
        lines += ["", click.style("Help:", fg="yellow")]
        lines += [f"  {row}" for row in help.strip().splitlines()]
    return "\n".join(lines) + "\n"


def _php(value: t.Any) -> str:
    import json

    return json.dumps(value)
