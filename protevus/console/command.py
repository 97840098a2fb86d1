"""The base class of artisan commands: a signature, a description and ``handle()``.

::

    class SendEmails(Command):
        signature = 'mail:send {user} {--queue=default}'
        description = 'Send a marketing email to a user'

        def handle(self, mailer: Mailer) -> int | None:
            self.info(f"Sending to {self.argument('user')}")

``handle`` is called through the container, so type-hinted services are injected;
its return value is the exit code (``None`` means 0).

Laravel: ``Illuminate\\Console\\Command``.
"""

from __future__ import annotations

import typing as t

from protevus.console.components import Components
from protevus.console.exceptions import ManuallyFailedError
from protevus.console.output_style import NORMAL
from protevus.console.output_style import OutputStyle
from protevus.console.signature import Signature
from protevus.console.signature import parse
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.console.progress_bar import ProgressBar


class Command(CamelAliases, Macroable):
    """Define an artisan command by its ``signature``, ``description`` and ``handle()``.

    Class attributes: ``signature`` (Laravel's mini-language, see
    :mod:`protevus.console.signature`), ``description`` (one line for ``list``),
    ``help`` (longer text for ``help CMD``), ``hidden`` (left out of ``list``),
    ``aliases`` (other names).

    Laravel: ``Illuminate\\Console\\Command``.
    """

    SUCCESS: t.ClassVar[int] = 0
    FAILURE: t.ClassVar[int] = 1
    INVALID: t.ClassVar[int] = 2

    signature: str = ""
    name: str | None = None
    description: str = ""
    help: str = ""
    hidden: bool = False
    aliases: t.Sequence[str] = ()

    def __init__(self) -> None:
        self.laravel: t.Any = None
        self.input_arguments: dict[str, t.Any] = {}
        self.input_options: dict[str, t.Any] = {}
        self.output = OutputStyle()
        self.components = Components(self.output)

    # -- definition -----------------------------------------------------------

    def get_definition(self) -> Signature:
        """Get the parsed signature (parsed once per signature string).

        Laravel: ``Command::getDefinition()``.
        """
        return definition_of(self)

    def get_name(self) -> str:
        """Get the command's name (``mail:send``). Laravel: ``Command::getName()``."""
        return definition_of(self).name

    @property
    def app(self) -> t.Any:
        """Get the application running the command (Laravel's ``$this->laravel``)."""
        return self.laravel

    # -- running --------------------------------------------------------------

    def run(
        self,
        app: t.Any,
        arguments: t.Mapping[str, t.Any],
        options: t.Mapping[str, t.Any],
        output: OutputStyle | None = None,
    ) -> int:
        """Run ``handle()`` with parsed input and return the exit code.

        Laravel: ``Command::run()`` and ``Command::execute()``.
        """
        self.laravel = app
        self.input_arguments = {"command": self.get_name(), **arguments}
        self.input_options = dict(options)
        if output is not None:
            self.output = output
            self.components = Components(output)
        try:
            rv = app.call(self.handle) if app is not None else self.handle()
        except ManuallyFailedError as exc:
            self.components.error(str(exc))
            return self.FAILURE
        return rv if isinstance(rv, int) else self.SUCCESS

    def handle(self) -> t.Any:
        """Run the command; subclasses define it (type-hinted parameters are injected)."""
        raise NotImplementedError(
            f"Command [{self.get_name()}] has no handle() method. Define "
            "handle(self) on it."
        )

    def fail(self, exception: str | BaseException | None = None) -> t.NoReturn:
        """Stop the command: print the message as an error and exit with 1.

        An exception instance is raised as is.

        Laravel: ``Command::fail()``.
        """
        if isinstance(exception, BaseException):
            raise exception
        raise ManuallyFailedError(exception or "Command failed manually.")

    def call(self, command: str, arguments: t.Mapping[str, t.Any] | None = None) -> int:
        """Run another command, writing to this command's output; return its exit code.

        Laravel: ``Command::call()``.
        """
        return int(self._artisan().call(command, arguments, self.output))

    def call_silently(
        self, command: str, arguments: t.Mapping[str, t.Any] | None = None
    ) -> int:
        """Run another command and discard its output; return its exit code.

        Laravel: ``Command::callSilently()``.
        """
        import io

        quiet = OutputStyle(io.StringIO(), decorated=False, interactive=False)
        return int(self._artisan().call(command, arguments, quiet))

    def call_silent(
        self, command: str, arguments: t.Mapping[str, t.Any] | None = None
    ) -> int:
        """Run another command and discard its output. Laravel: ``Command::callSilent()``."""
        return self.call_silently(command, arguments)

    def _artisan(self) -> t.Any:
        if self.laravel is None or not self.laravel.bound("artisan"):
            raise InvalidArgumentError(
                f"Command [{self.get_name()}] cannot call other commands outside "
                "artisan. Run it with python artisan.py or Artisan.call()."
            )
        return self.laravel.make("artisan")

    # -- input ------------------------------------------------------------------

    def argument(self, key: str | None = None) -> t.Any:
        """Get one argument's value, or all of them with no key.

        Laravel: ``Command::argument()``.
        """
        if key is None:
            return dict(self.input_arguments)
        if key not in self.input_arguments:
            raise InvalidArgumentError(
                f'The "{key}" argument does not exist on command [{self.get_name()}]. '
                "Declare it in the signature: {" + key + "}."
            )
        return self.input_arguments[key]

    def arguments(self) -> dict[str, t.Any]:
        """Get every argument (``command`` included). Laravel: ``Command::arguments()``."""
        return dict(self.input_arguments)

    def option(self, key: str | None = None) -> t.Any:
        """Get one option's value (``dry-run`` or ``dry_run``), or all with no key.

        Laravel: ``Command::option()``.
        """
        if key is None:
            return dict(self.input_options)
        for name in (key, key.replace("_", "-")):
            if name in self.input_options:
                return self.input_options[name]
        raise InvalidArgumentError(
            f'The "--{key}" option does not exist on command [{self.get_name()}]. '
            "Declare it in the signature: {--" + key + "}."
        )

    def options(self) -> dict[str, t.Any]:
        """Get every option. Laravel: ``Command::options()``."""
        return dict(self.input_options)

    def has_argument(self, name: str) -> bool:
        """Determine if the command declares argument ``name``. Laravel: ``hasArgument()``."""
        return name in self.input_arguments

    def has_option(self, name: str) -> bool:
        """Determine if the command declares option ``name``. Laravel: ``hasOption()``."""
        return (
            name in self.input_options or name.replace("_", "-") in self.input_options
        )

    # -- output (delegated to the output style) ----------------------------------

    def line(
        self, string: str, style: str | None = None, verbosity: int = NORMAL
    ) -> None:
        """Write a line, optionally styled (``info``, ``comment``...). Laravel: ``Command::line()``."""
        self.output.line(string, style, verbosity)

    def info(self, string: str, verbosity: int = NORMAL) -> None:
        """Write a green line. Laravel: ``Command::info()``."""
        self.output.info(string, verbosity)

    def comment(self, string: str, verbosity: int = NORMAL) -> None:
        """Write a yellow line. Laravel: ``Command::comment()``."""
        self.output.comment(string, verbosity)

    def question(self, string: str, verbosity: int = NORMAL) -> None:
        """Write a black-on-cyan line. Laravel: ``Command::question()``."""
        self.output.question(string, verbosity)

    def error(self, string: str, verbosity: int = NORMAL) -> None:
        """Write a white-on-red line. Laravel: ``Command::error()``."""
        self.output.error(string, verbosity)

    def warn(self, string: str, verbosity: int = NORMAL) -> None:
        """Write a warning line. Laravel: ``Command::warn()``."""
        self.output.warn(string, verbosity)

    def alert(self, string: str, verbosity: int = NORMAL) -> None:
        """Write a line framed by asterisks. Laravel: ``Command::alert()``."""
        self.output.alert(string, verbosity)

    def new_line(self, count: int = 1) -> Command:
        """Write blank lines. Laravel: ``Command::newLine()``."""
        self.output.new_line(count)
        return self

    def table(
        self,
        headers: t.Sequence[t.Any],
        rows: t.Iterable[t.Any],
        table_style: str = "default",
    ) -> None:
        """Write a table. Laravel: ``Command::table()``."""
        self.output.table(headers, rows, table_style)

    def create_progress_bar(self, max: int = 0) -> ProgressBar:
        """Create a progress bar. Laravel: ``$this->output->createProgressBar()``."""
        return self.output.create_progress_bar(max)

    def with_progress_bar(
        self, total_steps: int | t.Iterable[t.Any], callback: t.Callable[..., t.Any]
    ) -> t.Any:
        """Call ``callback(item, bar)`` (or ``callback(bar)`` for a count) while a bar advances.

        Returns the items (or ``None`` for a count), like Laravel.

        Laravel: ``Command::withProgressBar()``.
        """
        import inspect

        items = None if isinstance(total_steps, int) else list(total_steps)
        count = total_steps if isinstance(total_steps, int) else len(items or [])
        bar = self.create_progress_bar(count)
        try:
            params = len(inspect.signature(callback).parameters)
        except (TypeError, ValueError):
            params = 2
        bar.start()
        if items is None:
            for _ in range(count):
                callback(bar) if params else callback()
                bar.advance()
        else:
            for item in items:
                callback(item, bar) if params >= 2 else callback(item)
                bar.advance()
        bar.finish()
        self.output.new_line()
        return items

    # -- questions --------------------------------------------------------------

    def ask(self, question: str, default: t.Any = None) -> t.Any:
        """Ask a question. Laravel: ``Command::ask()``."""
        return self.output.ask(question, default)

    def anticipate(
        self, question: str, choices: t.Iterable[str], default: t.Any = None
    ) -> t.Any:
        """Ask with suggested answers. Laravel: ``Command::anticipate()``."""
        return self.output.anticipate(question, choices, default)

    def secret(self, question: str, fallback: bool = True) -> str | None:
        """Ask without echoing the answer. Laravel: ``Command::secret()``."""
        return self.output.secret(question, fallback)

    def confirm(self, question: str, default: bool = False) -> bool:
        """Ask a yes/no question. Laravel: ``Command::confirm()``."""
        return self.output.confirm(question, default)

    def choice(
        self,
        question: str,
        choices: t.Sequence[t.Any] | t.Mapping[t.Any, t.Any],
        default: t.Any = None,
        attempts: int | None = None,
        multiple: bool = False,
    ) -> t.Any:
        """Ask to pick one (or several) of ``choices``. Laravel: ``Command::choice()``."""
        return self.output.choice(question, choices, default, attempts, multiple)


def definition_of(command: type[Command] | Command) -> Signature:
    """Get the parsed signature of a command class or instance.

    A command may give only ``name`` (no arguments or options) instead of a signature.
    """
    signature = getattr(command, "signature", "") or ""
    if signature:
        return parse(signature)
    name = getattr(command, "name", None)
    if name:
        return Signature(str(name))
    label = command.__name__ if isinstance(command, type) else type(command).__name__
    raise InvalidArgumentError(
        f"Command [{label}] has no signature. Set signature = 'name {{argument}}' on it."
    )
