"""The console kernel: the ``'artisan'`` service behind ``python artisan.py`` and ``Artisan``.

It gathers the commands providers registered (``app.get_commands()``), the
:class:`~protevus.console.command.Command` classes found in ``app/console/commands``,
the closure commands of ``routes/console.py`` (``with_routing(commands=...)``),
and runs a command line (``handle``) or a single command from code (``call``).

Laravel: ``Illuminate\\Foundation\\Console\\Kernel``.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import importlib
import importlib.util
import io
import os
import sys
import typing as t

import click

from protevus.console.application import ConsoleApplication
from protevus.console.click_command import IO_KEY
from protevus.console.click_command import ClickCommand
from protevus.console.closure_command import ClosureCommand
from protevus.console.command import Command
from protevus.console.exceptions import CommandInputError
from protevus.console.exceptions import CommandNotFoundError
from protevus.console.output_capture import capture_stdout
from protevus.console.output_style import OutputStyle
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.foundation.application import Application

_Callback = t.Callable[..., t.Any]


class Kernel(CamelAliases):
    """Collect artisan's commands and run them.

    Laravel: ``Illuminate\\Foundation\\Console\\Kernel``.
    """

    def __init__(self, app: Application) -> None:
        self.app = app
        self._artisan: ConsoleApplication | None = None
        self._commands: list[t.Any] = []
        self._bootstrapped = False
        self._loaded_files: set[str] = set()
        # Per context, so concurrent requests each read their own call's output.
        self._last_output: contextvars.ContextVar[str] = contextvars.ContextVar(
            f"protevus.console.last_output.{id(self)}", default=""
        )

    # -- registering ----------------------------------------------------------

    def command(self, signature: str, callback: _Callback | None = None) -> t.Any:
        """Register a closure command; without ``callback`` act as a decorator.

        ``Artisan.command('inspire', fn).purpose('Display an inspiring quote')``
        or ``@Artisan.command('mail:send {user}')`` above a function.

        Laravel: ``Kernel::command()`` (``Artisan::command()``).
        """
        if callback is None:

            def decorator(fn: _Callback) -> ClosureCommand:
                return t.cast(ClosureCommand, self.command(signature, fn))

            return decorator
        command = ClosureCommand(signature, callback)
        self.register_command(command)
        return command

    def register_command(self, command: t.Any) -> None:
        """Add a command (Click command, Command class or instance) to artisan.

        Laravel: ``Kernel::registerCommand()``.
        """
        self._commands.append(command)
        if self._artisan is not None:
            self._artisan.add(command)

    def load(self, *paths: str) -> None:
        """Register every Command subclass defined in the ``.py`` files under ``paths``.

        Relative paths are relative to the base path.

        Laravel: ``Kernel::load()``.
        """
        for path in paths:
            root = path if os.path.isabs(path) else self.app.base_path(path)
            if not os.path.isdir(root):
                continue
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")))
                for file in sorted(files):
                    if file.endswith(".py") and not file.startswith("_"):
                        for command in _commands_in(
                            self.import_file(os.path.join(folder, file))
                        ):
                            self.register_command(command)

    def load_file(self, path: str) -> None:
        """Run a console routes file (``routes/console.py``) once.

        Laravel: the ``require`` of ``routes/console.php`` in ``Kernel::commands()``.
        """
        full = os.path.abspath(
            path if os.path.isabs(path) else self.app.base_path(path)
        )
        if full in self._loaded_files:
            return
        self._loaded_files.add(full)
        import runpy

        runpy.run_path(full, run_name="__protevus_console_routes__")

    def bootstrap(self) -> None:
        """Load ``app/console/commands`` and the console routes file, once.

        Laravel: ``Kernel::bootstrap()`` then ``Kernel::commands()``.
        """
        if self._bootstrapped:
            return
        self._bootstrapped = True
        self.load(self.app.app_path(os.path.join("console", "commands")))
        routes = self.app.routing.get("commands") if self.app.routing else None
        if isinstance(routes, str):
            full = routes if os.path.isabs(routes) else self.app.base_path(routes)
            if os.path.isfile(full):
                self.load_file(full)

    def get_artisan(self) -> ConsoleApplication:
        """Build (once) the group of every command.

        Laravel: ``Kernel::getArtisan()``.
        """
        if self._artisan is None:
            artisan = ConsoleApplication("Protevus Framework", self.app.version())
            for command in self.app.get_commands():
                if isinstance(command, str):
                    self._register_path(command)
                else:
                    artisan.add(command)
            for command in self._commands:
                artisan.add(command)
            self._artisan = artisan
        return self._artisan

    def group(self) -> ConsoleApplication:
        """Get the Click group of every command (``CliRunner().invoke(kernel.group(), [...], obj=app)``)."""
        self.bootstrap()
        return self.get_artisan()

    def all(self) -> dict[str, click.Command]:
        """Get every command by name. Laravel: ``Kernel::all()``."""
        return self.group().all()

    def _register_path(self, entry: str) -> None:
        full = entry if os.path.isabs(entry) else self.app.base_path(entry)
        if os.path.isdir(full):
            self.load(full)
        elif os.path.isfile(full):
            self.load_file(full)
        else:
            module, _, attr = entry.rpartition(".")
            self.register_command(getattr(importlib.import_module(module), attr))

    def import_file(self, file: str) -> t.Any:
        """Import a Python file of the application as a module (by its dotted path when importable)."""
        rel = os.path.relpath(file, self.app.base_path())
        dotted = rel[:-3].replace(os.sep, ".")
        if not rel.startswith(".."):
            try:
                spec = importlib.util.find_spec(dotted)
            except (ImportError, ValueError):
                spec = None
            if spec is not None and spec.origin and os.path.samefile(spec.origin, file):
                return importlib.import_module(dotted)
        name = "_protevus_commands_" + hashlib.sha1(file.encode()).hexdigest()[:12]
        if name in sys.modules:
            return sys.modules[name]
        spec = importlib.util.spec_from_file_location(name, file)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    # -- running --------------------------------------------------------------

    def handle(self, argv: list[str] | None = None) -> int:
        """Run one command line (``argv`` without the program name); return the exit code.

        Errors are reported through the exception handler and printed; the exit
        code is then 1.

        Laravel: ``Kernel::handle()``.
        """
        self.app.set_running_in_console(True)
        args = list(sys.argv[1:] if argv is None else argv)
        artisan: ConsoleApplication | None = None
        try:
            self.bootstrap()
            artisan = self.get_artisan()
            rv = artisan.main(
                args=args, prog_name="artisan.py", standalone_mode=False, obj=self.app
            )
        except click.exceptions.Exit as exc:
            return exc.exit_code
        except click.ClickException as exc:
            exc.show()
            return exc.exit_code
        except click.Abort:
            click.echo("Aborted!", err=True)
            return 1
        except CommandNotFoundError as exc:
            text = (artisan or ConsoleApplication()).render_exception(exc)
            click.echo(text, nl=False)
            return 1
        except Exception as exc:
            self.report_exception(exc)
            self.render_exception(exc, verbose=any(a.startswith("-v") for a in args))
            return 1
        finally:
            self.app.terminate()
        return rv if isinstance(rv, int) else 0

    def call(
        self,
        command: str,
        parameters: t.Mapping[str, t.Any] | None = None,
        output_buffer: t.Any = None,
    ) -> int:
        """Run a command by name and return its exit code; ``output()`` gives what it printed.

        ``parameters``: ``{'user': 1, '--queue': 'high', '--force': True}``; or give the
        whole line as ``command`` (``'mail:send 1 --queue=high'``). Prompts answer
        with their defaults. An unknown command raises :class:`CommandNotFoundError`,
        bad input :class:`CommandInputError`; exceptions from the command propagate.

        Only the calling thread's output is captured (``print()`` and ``click.echo()``
        included): other threads, such as concurrent requests on a threaded server,
        keep printing to the real stdout.

        Laravel: ``Kernel::call()`` (``Artisan::call()``).
        """
        import shlex

        self.bootstrap()
        artisan = self.get_artisan()
        rest: list[str] | None = None
        if parameters is None and " " in command.strip():
            command, *rest = shlex.split(command)
        cmd = artisan.find(command)
        if rest is None:
            rest = _to_argv(cmd, parameters or {})
        if isinstance(output_buffer, OutputStyle):
            output, sink = output_buffer, output_buffer.stream
            buffer = None
        else:
            buffer = output_buffer if output_buffer is not None else io.StringIO()
            output = OutputStyle(buffer, decorated=False, interactive=False)
            sink = buffer
        root = click.Context(artisan, info_name="artisan.py", obj=self.app)
        root.meta[IO_KEY] = {"output": output, "interactive": output.interactive}
        # Only this thread's prints (and click.echo() without a file) go to the
        # buffer: other requests on a threaded server keep their stdout.
        capture = capture_stdout(sink) if sink is not None else contextlib.nullcontext()
        try:
            with capture, root:
                with cmd.make_context(cmd.name, list(rest), parent=root) as ctx:
                    rv = cmd.invoke(ctx)
        except click.exceptions.Exit as exc:
            rv = exc.exit_code
        except click.UsageError as exc:
            raise CommandInputError(
                f"Command [{cmd.name}] rejected its input: {exc.format_message()}"
            ) from exc
        except click.ClickException as exc:
            output.writeln(f"Error: {exc.format_message()}")
            rv = exc.exit_code
        except click.Abort:
            rv = 1
        finally:
            if buffer is not None and hasattr(buffer, "getvalue"):
                self._last_output.set(buffer.getvalue())
        return rv if isinstance(rv, int) else 0

    def output(self) -> str:
        """Get what the last ``call()`` of this thread (or asyncio task) printed.

        Laravel: ``Kernel::output()``.
        """
        return self._last_output.get()

    def report_exception(self, exc: BaseException) -> None:
        """Report an exception through the ``'exceptions'`` handler, when bound."""
        if self.app.bound("exceptions"):
            with contextlib.suppress(Exception):
                self.app.make("exceptions").report(exc)

    def render_exception(self, exc: BaseException, verbose: bool = False) -> None:
        """Print an exception like artisan: class, message, where it was raised.

        Laravel: ``Kernel::renderException()`` (Collision's console renderer).
        """
        import traceback

        name = type(exc).__name__
        out = f"\n  {click.style(f' {name} ', bg='red', fg='white', bold=True)}\n\n  {exc}\n"
        frames = traceback.extract_tb(exc.__traceback__)
        if frames:
            last = frames[-1]
            out += (
                f"\n  at {click.style(f'{last.filename}:{last.lineno}', fg='green')}\n"
            )
        if verbose:
            out += "\n" + "".join(traceback.format_exception(exc))
        click.echo(out)

    def terminate(self) -> None:
        """Run the application's terminating callbacks. Laravel: ``Kernel::terminate()``."""
        self.app.terminate()


def _commands_in(module: t.Any) -> list[type[Command]]:
    found: list[type[Command]] = []
    for obj in vars(module).values():
        if (
            isinstance(obj, type)
            and issubclass(obj, Command)
            and obj.__module__ == module.__name__
            and (obj.__dict__.get("signature") or obj.__dict__.get("name"))
        ):
            found.append(obj)
    return found


def _to_argv(cmd: click.Command, parameters: t.Mapping[str, t.Any]) -> list[str]:
    options: list[str] = []
    positional: dict[str, t.Any] = {}
    for key, val in parameters.items():
        if not key.startswith("-"):
            positional[key] = val
            continue
        if val is True:
            options.append(key)
        elif val is False or val is None:
            continue
        else:
            for each in val if isinstance(val, (list, tuple)) else [val]:
                options += (
                    [f"{key}={each}"] if key.startswith("--") else [key, str(each)]
                )
    if isinstance(cmd, ClickCommand):
        order = [a.name for a in cmd.definition.arguments]
    else:
        order = [p.name or "" for p in cmd.params if isinstance(p, click.Argument)]
    unknown = set(positional) - set(order) - {"command"}
    if unknown:
        raise CommandInputError(
            f'The "{sorted(unknown)[0]}" argument does not exist on command [{cmd.name}]. '
            f"Its arguments are: {', '.join(order) or 'none'}."
        )
    args: list[str] = []
    gap = None
    for name in order:
        if name not in positional:
            gap = gap or name
            continue
        if gap is not None:
            raise CommandInputError(
                f'Argument [{name}] of command [{cmd.name}] needs the "{gap}" argument '
                "before it. Give both."
            )
        val = positional[name]
        args += [str(v) for v in val] if isinstance(val, (list, tuple)) else [str(val)]
    return options + (["--", *args] if args else [])
