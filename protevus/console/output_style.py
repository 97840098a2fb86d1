"""Write styled console output and ask questions: what a command's ``self.info()`` uses.

Output goes through ``click.echo`` to the stream current at write time (so Click's
``CliRunner`` and pytest's ``capsys`` capture it); ANSI codes are dropped when the
stream is not a terminal, under ``--no-ansi`` and when ``NO_COLOR`` is set. Questions
read lines from stdin: under ``--no-interaction`` they answer with their default,
and when stdin is exhausted they use the default or raise :class:`MissingInputError`.

Laravel: ``Illuminate\\Console\\OutputStyle`` (Symfony's ``SymfonyStyle``).
"""

from __future__ import annotations

import os
import shutil
import sys
import typing as t

import click

from protevus.console.exceptions import MissingInputError
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.console.progress_bar import ProgressBar

#: Symfony's verbosity levels.
QUIET, NORMAL, VERBOSE, VERY_VERBOSE, DEBUG = 16, 32, 64, 128, 256

#: the named styles ``line(text, style)`` accepts (Symfony's defaults + Laravel's ``warning``).
STYLES: dict[str, dict[str, t.Any]] = {
    "info": {"fg": "green"},
    "comment": {"fg": "yellow"},
    "question": {"fg": "black", "bg": "cyan"},
    "error": {"fg": "white", "bg": "red"},
    "warning": {"fg": "yellow"},
    "warn": {"fg": "yellow"},
}


class OutputStyle(CamelAliases):
    """Write lines, tables and prompts for one command run.

    ``stream`` is a text file (``io.StringIO`` for ``Artisan.call``) or ``None`` for
    the current ``sys.stdout``; ``decorated`` forces colours on or off (``None``:
    only on terminals); ``input`` is the text stream questions read (``None``:
    ``sys.stdin``).

    Laravel: ``Illuminate\\Console\\OutputStyle``.
    """

    def __init__(
        self,
        stream: t.TextIO | None = None,
        decorated: bool | None = None,
        verbosity: int = NORMAL,
        interactive: bool = True,
        input: t.TextIO | None = None,
    ) -> None:
        if decorated is None and os.environ.get("NO_COLOR"):
            decorated = False
        self.stream = stream
        self.decorated = decorated
        self.verbosity = verbosity
        self.interactive = interactive
        self.input = input
        self._newlines = 0

    # -- raw output -----------------------------------------------------------

    def write(self, text: str, newline: bool = False, verbosity: int = NORMAL) -> None:
        """Write ``text`` (``newline``: end the line) unless the verbosity hides it.

        Laravel: ``OutputInterface::write()``.
        """
        if self.verbosity < verbosity or self.verbosity == QUIET:
            return
        out = text + ("\n" if newline else "")
        click.echo(out, file=self.stream or sys.stdout, nl=False, color=self.decorated)
        if out:
            stripped = out.rstrip("\n")
            trailing = len(out) - len(stripped)
            self._newlines = trailing + (self._newlines if not stripped else 0)

    def writeln(self, text: str = "", verbosity: int = NORMAL) -> None:
        """Write ``text`` and end the line.

        Laravel: ``OutputInterface::writeln()``.
        """
        self.write(text, True, verbosity)

    def style(self, text: str, style: str | None) -> str:
        """Wrap ``text`` in a named style (``info``, ``comment``, ``question``, ``error``, ``warning``)."""
        if style is None:
            return text
        try:
            return click.style(text, **STYLES[style])
        except KeyError:
            raise InvalidArgumentError(
                f"Output style [{style}] does not exist. Use one of: "
                f"{', '.join(STYLES)}."
            ) from None

    def is_quiet(self) -> bool:
        """Determine if output is silenced (``-q``)."""
        return self.verbosity == QUIET

    def is_verbose(self) -> bool:
        """Determine if ``-v`` (or more) was given."""
        return self.verbosity >= VERBOSE

    def is_very_verbose(self) -> bool:
        """Determine if ``-vv`` (or more) was given."""
        return self.verbosity >= VERY_VERBOSE

    def is_debug(self) -> bool:
        """Determine if ``-vvv`` was given."""
        return self.verbosity >= DEBUG

    def new_lines_written(self) -> int:
        """Count the blank line endings at the end of the output so far.

        Laravel: ``OutputStyle::newLinesWritten()`` (components use it to avoid double gaps).
        """
        return self._newlines

    def terminal_width(self) -> int:
        """Get the terminal width, capped at 150 columns like Laravel's components."""
        return min(shutil.get_terminal_size((80, 24)).columns, 150)

    # -- lines ----------------------------------------------------------------

    def line(
        self, text: str, style: str | None = None, verbosity: int = NORMAL
    ) -> None:
        """Write a line, optionally in a named style.

        Laravel: ``Command::line()``.
        """
        self.writeln(self.style(str(text), style), verbosity)

    def info(self, text: str, verbosity: int = NORMAL) -> None:
        """Write a line in green. Laravel: ``Command::info()``."""
        self.line(text, "info", verbosity)

    def comment(self, text: str, verbosity: int = NORMAL) -> None:
        """Write a line in yellow. Laravel: ``Command::comment()``."""
        self.line(text, "comment", verbosity)

    def question(self, text: str, verbosity: int = NORMAL) -> None:
        """Write a line black on cyan. Laravel: ``Command::question()``."""
        self.line(text, "question", verbosity)

    def error(self, text: str, verbosity: int = NORMAL) -> None:
        """Write a line white on red. Laravel: ``Command::error()``."""
        self.line(text, "error", verbosity)

    def warn(self, text: str, verbosity: int = NORMAL) -> None:
        """Write a line in the warning style. Laravel: ``Command::warn()``."""
        self.line(text, "warning", verbosity)

    def alert(self, text: str, verbosity: int = NORMAL) -> None:
        """Write ``text`` framed by asterisks.

        Laravel: ``Command::alert()``.
        """
        length = len(click.unstyle(text)) + 12
        self.comment("*" * length, verbosity)
        self.comment(f"*     {text}     *", verbosity)
        self.comment("*" * length, verbosity)
        self.new_line(1, verbosity)

    def new_line(self, count: int = 1, verbosity: int = NORMAL) -> None:
        """Write ``count`` blank lines. Laravel: ``Command::newLine()``."""
        self.write("\n" * count, False, verbosity)

    def table(
        self,
        headers: t.Sequence[t.Any],
        rows: t.Iterable[t.Any],
        style: str = "default",
    ) -> None:
        """Write a table; rows are sequences, mappings (their values) or objects with ``to_array()``.

        Styles: ``default`` (``+---+``), ``compact``, ``borderless``, ``box``, ``box-double``.

        Laravel: ``Command::table()``.
        """
        from protevus.console.table import render_table

        self.write(render_table(headers, rows, style))

    def create_progress_bar(self, max: int = 0) -> ProgressBar:
        """Create a progress bar of ``max`` steps drawn on this output.

        Laravel: ``OutputStyle::createProgressBar()``.
        """
        from protevus.console.progress_bar import ProgressBar

        return ProgressBar(self, max)

    # -- questions --------------------------------------------------------------

    def _read_line(self) -> str | None:
        stream = self.input or sys.stdin
        try:
            line = stream.readline()
        except (OSError, ValueError, AttributeError):
            # pytest's captured stdin raises on read: treat it as "no input".
            return None
        if not line:
            return None
        return line.rstrip("\r\n")

    def _prompt(self, label: str) -> str | None:
        self.writeln("")
        self.writeln(f" {self.style(label, 'info')}:")
        self.write(" > ")
        answer = self._read_line()
        self.writeln("")
        return answer

    def _no_answer(self, question: str) -> t.NoReturn:
        raise MissingInputError(
            f"The question [{question}] needs an answer but no input is available. "
            "Answer it in a terminal, give the value as an argument or option, or "
            "pass --no-interaction to accept the defaults."
        )

    def ask(self, question: str, default: t.Any = None) -> t.Any:
        """Ask a question and return the answer (``default`` when left empty).

        Laravel: ``Command::ask()``.
        """
        if not self.interactive:
            return default
        label = question if default is None else f"{question} [{default}]"
        answer = self._prompt(label)
        if answer is None:
            if default is None:
                self._no_answer(question)
            return default
        return answer if answer.strip() != "" else default

    def anticipate(
        self, question: str, choices: t.Iterable[str], default: t.Any = None
    ) -> t.Any:
        """Ask with suggested answers (completion needs a terminal; any answer is accepted).

        Laravel: ``Command::anticipate()``.
        """
        return self.ask(question, default)

    def secret(self, question: str, fallback: bool = True) -> str | None:
        """Ask a question without echoing the answer on a terminal.

        Laravel: ``Command::secret()``.
        """
        if not self.interactive:
            return None
        stream = self.input or sys.stdin
        isatty = getattr(stream, "isatty", None)
        if self.input is None and isatty is not None and isatty():
            import getpass

            self.writeln("")
            self.writeln(f" {self.style(question, 'info')}:")
            answer: str | None = getpass.getpass(" > ")
        else:
            answer = self._prompt(question)
            if answer is None:
                self._no_answer(question)
        return answer or None

    def confirm(self, question: str, default: bool = False) -> bool:
        """Ask a yes/no question; answers starting with ``y`` mean yes.

        Laravel: ``Command::confirm()``.
        """
        if not self.interactive:
            return default
        answer = self._prompt(f"{question} (yes/no) [{'yes' if default else 'no'}]")
        if answer is None:
            return default
        answer = answer.strip()
        is_yes = answer[:1].lower() == "y"
        if default is False:
            return bool(answer) and is_yes
        return answer == "" or is_yes

    def choice(
        self,
        question: str,
        choices: t.Sequence[t.Any] | t.Mapping[t.Any, t.Any],
        default: t.Any = None,
        attempts: int | None = None,
        multiple: bool = False,
    ) -> t.Any:
        """Ask to pick among ``choices`` by key or value; ``multiple`` accepts ``a,b``.

        List choices return the chosen values; mapping choices return the chosen keys.

        Laravel: ``Command::choice()``.
        """
        if not choices:
            raise InvalidArgumentError(
                f"The question [{question}] has no choices. Give it at least one."
            )
        mapping = dict(choices) if isinstance(choices, t.Mapping) else None
        keyed = mapping if mapping is not None else dict(enumerate(choices))
        default_answer = None if default is None else str(default)
        if not self.interactive:
            if default_answer is None:
                return [] if multiple else None
            return self._resolve_choice(keyed, mapping, default_answer, multiple)
        label = question if default is None else f"{question} [{default}]"
        tries = 0
        while True:
            self.writeln("")
            self.writeln(f" {self.style(label, 'info')}:")
            width = max(len(str(k)) for k in keyed)
            for key, val in keyed.items():
                self.writeln(
                    f"  [{self.style(str(key).ljust(width), 'comment')}] {val}"
                )
            self.write(" > ")
            answer = self._read_line()
            self.writeln("")
            if answer is None:
                if default_answer is None:
                    self._no_answer(question)
                answer = default_answer
            elif answer.strip() == "" and default_answer is not None:
                answer = default_answer
            try:
                return self._resolve_choice(keyed, mapping, answer, multiple)
            except InvalidArgumentError as exc:
                tries += 1
                self.writeln(self.style(f" {exc}", "error"))
                if attempts is not None and tries >= attempts:
                    raise

    def _resolve_choice(
        self,
        keyed: dict[t.Any, t.Any],
        mapping: dict[t.Any, t.Any] | None,
        answer: str,
        multiple: bool,
    ) -> t.Any:
        picked: list[t.Any] = []
        parts = [p.strip() for p in answer.split(",")] if multiple else [answer.strip()]
        for part in parts:
            found = False
            for key, val in keyed.items():
                if part == str(key) or part == str(val):
                    picked.append(key if mapping is not None else val)
                    found = True
                    break
            if not found:
                raise InvalidArgumentError(f'Value "{part}" is invalid')
        return picked if multiple else picked[0]
