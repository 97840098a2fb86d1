"""The artisan command group: name lookup, global flags, ``list`` and ``help``.

A Click group that holds every command (Click commands and
:class:`~protevus.console.command.Command` classes alike), answers to abbreviations
(``mi:st`` → ``migrate:status``) and aliases, accepts Symfony's global flags
anywhere on the line (``--ansi``/``--no-ansi``, ``-n``/``--no-interaction``,
``-q``/``--quiet``, ``-V``/``--version``), and prints ``list`` like ``php artisan``.

Laravel: ``Illuminate\\Console\\Application`` (Symfony's ``Application``).
"""

from __future__ import annotations

import difflib
import json
import re
import typing as t

import click

from protevus.console.click_command import IO_KEY
from protevus.console.click_command import ClickCommand
from protevus.console.click_command import render_help
from protevus.console.command import Command
from protevus.console.exceptions import CommandNotFoundError
from protevus.console.lazy_command import LazyCommand
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

_GLOBAL_FLAGS: dict[str, tuple[str, t.Any]] = {
    "--ansi": ("decorated", True),
    "--no-ansi": ("decorated", False),
    "-n": ("interactive", False),
    "--no-interaction": ("interactive", False),
    "-q": ("quiet", True),
    "--quiet": ("quiet", True),
}

_GLOBAL_OPTIONS = [
    (
        "-h, --help",
        "Display help for the given command. When no command is given display help for the list command",
    ),
    ("-q, --quiet", "Do not output any message"),
    ("-V, --version", "Display this application version"),
    ("    --ansi|--no-ansi", "Force (or disable --no-ansi) ANSI output"),
    ("-n, --no-interaction", "Do not ask any interactive question"),
    (
        "-v|vv|vvv, --verbose",
        "Increase the verbosity of messages: 1 for normal output, 2 for more verbose output and 3 for debug",
    ),
]


class ConsoleApplication(CamelAliases, click.Group):
    """Hold artisan's commands and dispatch a command line to one of them.

    Laravel: ``Illuminate\\Console\\Application``.
    """

    def __init__(self, name: str = "Protevus Framework", version: str = "") -> None:
        super().__init__(
            name="artisan.py",
            help=f"{name} {version}".strip(),
            context_settings={"help_option_names": []},
            add_help_option=False,
        )
        self.app_name = name
        self.version = version
        self._aliases: dict[str, str] = {}
        self.add(ListCommand)
        self.add(HelpCommand)

    # -- registry ---------------------------------------------------------------

    def add(self, command: t.Any) -> click.Command:
        """Add a Click command, a Command class or a Command instance; return the Click command.

        A :class:`~protevus.console.lazy_command.LazyCommand` is kept as it is
        until the command is first looked up by name.

        Laravel: ``Application::add()``.
        """
        cmd = _to_click(command)
        if not cmd.name:
            raise InvalidArgumentError(f"Command [{cmd!r}] has no name.")
        self.add_command(cmd, cmd.name)
        for alias in getattr(cmd, "aliases", ()) or ():
            self._aliases[alias] = cmd.name
        return cmd

    def _loaded(self, name: str) -> click.Command:
        cmd = self.commands[name]
        if isinstance(cmd, LazyCommand):
            real = _to_click(cmd.load())
            real.hidden = real.hidden or cmd.hidden
            self.commands[name] = real
            return real
        return cmd

    def has(self, name: str) -> bool:
        """Determine if a command (or alias) named ``name`` exists. Laravel: ``Application::has()``."""
        return name in self.commands or name in self._aliases

    def all(self) -> dict[str, click.Command]:
        """Get every command by name (lazy ones loaded). Laravel: ``Application::all()``."""
        return {name: self._loaded(name) for name in list(self.commands)}

    def find(self, name: str) -> click.Command:
        """Find a command by name, alias or unambiguous abbreviation (``mi:st``).

        Raises :class:`CommandNotFoundError` with suggestions otherwise.

        Laravel: ``Application::find()``.
        """
        if name in self.commands:
            return self._loaded(name)
        if name in self._aliases:
            return self._loaded(self._aliases[name])
        parts = name.split(":")
        pattern = re.compile(
            "^" + ":".join(re.escape(p) + "[^:]*" for p in parts) + "$", re.I
        )
        matches = sorted(n for n in self.commands if pattern.match(n))
        visible = [n for n in matches if not self.commands[n].hidden]
        if len(matches) == 1:
            return self._loaded(matches[0])
        if len(visible) == 1:
            return self._loaded(visible[0])
        if len(visible) > 1:
            raise CommandNotFoundError(
                f'Command "{name}" is ambiguous.', alternatives=visible
            )
        names = [n for n, c in self.commands.items() if not c.hidden]
        alternatives = sorted(
            set(difflib.get_close_matches(name, names, n=8, cutoff=0.6))
            | {n for n in names if name.lower() in n.lower()}
        )
        raise CommandNotFoundError(
            f'Command "{name}" is not defined.', alternatives=alternatives
        )

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Find a command for Click, by name, alias or abbreviation."""
        try:
            return self.find(cmd_name)
        except CommandNotFoundError:
            return None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Resolve the first argument to a command, raising :class:`CommandNotFoundError`."""
        cmd = self.find(args[0])
        return cmd.name, cmd, args[1:]

    def list_commands(self, ctx: click.Context) -> list[str]:
        """List command names, sorted."""
        return sorted(self.commands)

    # -- global flags -------------------------------------------------------------

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Take the global flags out of the line (anywhere before ``--``); no command means ``list``."""
        io: dict[str, t.Any] = dict(ctx.meta.get(IO_KEY, {}))
        rest: list[str] = []
        leading: list[str] = []
        for i, arg in enumerate(args):
            if not rest and re.fullmatch(r"-v{1,3}|--verbose", arg):
                leading.append(
                    arg
                )  # verbosity belongs to the command: move it after the name
                continue
            if arg == "--":
                rest += args[i:]
                break
            if arg in _GLOBAL_FLAGS:
                key, val = _GLOBAL_FLAGS[arg]
                io.setdefault(key, val)
            elif arg in ("-V", "--version"):
                click.echo(f"{self.app_name} {click.style(self.version, fg='green')}")
                ctx.exit(0)
            else:
                rest.append(arg)
        ctx.meta[IO_KEY] = io
        if not rest or rest[0] in ("-h", "--help"):
            rest = ["list"]
        rest[1:1] = leading
        return super().parse_args(ctx, rest)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Print the ``list`` output as the group's help."""
        formatter.write(self.render_list())

    # -- rendering ----------------------------------------------------------------

    def render_list(self, namespace: str | None = None, raw: bool = False) -> str:
        """Render ``list`` (grouped by namespace, like ``php artisan list``).

        Laravel: Symfony's ``TextDescriptor::describeApplication()``.
        """
        ordered = sorted(self.commands.items(), key=lambda kv: (":" in kv[0], kv[0]))
        visible = {n: c for n, c in ordered if not c.hidden}
        if namespace:
            visible = {
                n: c for n, c in visible.items() if n.startswith(namespace + ":")
            }
            if not visible:
                raise CommandNotFoundError(
                    f'There are no commands defined in the "{namespace}" namespace.'
                )
        if raw:
            width = max(len(n) for n in visible) + 1
            return "".join(
                f"{n.ljust(width)}{_describe(c)}\n" for n, c in visible.items()
            )
        width = max(len(n) for n in visible) + 2
        width = max(width, max(len(k) for k, _ in _GLOBAL_OPTIONS) + 2)
        lines: list[str] = []
        if namespace is None:
            lines += [
                f"{self.app_name} {click.style(self.version, fg='green')}",
                "",
                click.style("Usage:", fg="yellow"),
                "  command [options] [arguments]",
                "",
                click.style("Options:", fg="yellow"),
            ]
            lines += [
                f"  {click.style(k.ljust(width), fg='green')}{v}"
                for k, v in _GLOBAL_OPTIONS
            ]
            lines += ["", click.style("Available commands:", fg="yellow")]
        else:
            lines.append(
                click.style(
                    f'Available commands for the "{namespace}" namespace:', fg="yellow"
                )
            )
        current: str | None = None
        for name, cmd in visible.items():
            space = name.split(":", 1)[0] if ":" in name else ""
            if namespace is None and space != current and space:
                lines.append(" " + click.style(space, fg="yellow"))
            current = space
            lines.append(
                f"  {click.style(name.ljust(width), fg='green')}{_describe(cmd)}".rstrip()
            )
        return "\n".join(lines) + "\n"

    def render_command_help(self, name: str) -> str:
        """Render ``help NAME`` for any command (Laravel layout for signature commands)."""
        cmd = self.find(name)
        if isinstance(cmd, ClickCommand):
            return render_help(
                cmd.name or name, cmd.definition, cmd.description, cmd.help or ""
            )
        ctx = click.Context(cmd, info_name=f"artisan.py {cmd.name}")
        return cmd.get_help(ctx) + "\n"

    def render_exception(self, exc: CommandNotFoundError) -> str:
        """Render a command-not-found error the way artisan does."""
        badge = click.style(" ERROR ", bg="red", fg="white", bold=True)
        text = f"\n  {badge} {exc}"
        if exc.alternatives:
            text += " Did you mean one of these?\n\n"
            text += "".join(f"  ⇂ {alt}\n" for alt in exc.alternatives)
        return text + "\n"


def _to_click(command: t.Any) -> click.Command:
    if isinstance(command, click.Command):
        return command
    if isinstance(command, Command) or (
        isinstance(command, type) and issubclass(command, Command)
    ):
        return ClickCommand(command)
    raise InvalidArgumentError(
        f"[{command!r}] is not a command. Register a protevus.console.Command "
        "subclass or a click.Command."
    )


def _describe(cmd: click.Command) -> str:
    if isinstance(cmd, ClickCommand | LazyCommand):
        return cmd.description
    return cmd.get_short_help_str(limit=120)


def _root() -> ConsoleApplication:
    root = click.get_current_context().find_root().command
    if not isinstance(root, ConsoleApplication):
        raise InvalidArgumentError(
            "The list and help commands run inside artisan. Run them with "
            "python artisan.py list or Artisan.call('list')."
        )
    return root


class ListCommand(Command):
    """List the commands, grouped by namespace.

    Laravel: Symfony's ``ListCommand``.
    """

    signature = (
        "list {namespace? : The namespace name} "
        "{--raw : To output raw command list} "
        "{--format=txt : The output format (txt, json)}"
    )
    description = "List commands"

    def handle(self) -> int:
        """Write the list of commands."""
        root = _root()
        namespace = self.argument("namespace")
        if self.option("format") == "json":
            commands = [
                {"name": n, "description": _describe(c), "hidden": c.hidden}
                for n, c in sorted(root.commands.items())
                if not namespace or n.startswith(namespace + ":")
            ]
            self.output.writeln(json.dumps({"commands": commands}))
            return 0
        self.output.write(root.render_list(namespace, bool(self.option("raw"))))
        return 0


class HelpCommand(Command):
    """Display help for a command.

    Laravel: Symfony's ``HelpCommand``.
    """

    signature = "help {command_name=help : The command name}"
    description = "Display help for a command"

    def handle(self) -> int:
        """Write the named command's help."""
        self.output.write(_root().render_command_help(self.argument("command_name")))
        return 0
