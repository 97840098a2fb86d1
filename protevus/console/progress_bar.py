"""A progress bar drawn with rich on a command's output.

Laravel: ``Symfony\\Component\\Console\\Helper\\ProgressBar`` (``$this->output->createProgressBar()``).
"""

from __future__ import annotations

import sys
import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.console.output_style import OutputStyle


class _Writer:
    """Forward rich's writes to the output style's current stream."""

    def __init__(self, output: OutputStyle) -> None:
        self.output = output

    def write(self, text: str) -> int:
        stream = self.output.stream or sys.stdout
        stream.write(text)
        return len(text)

    def flush(self) -> None:
        stream = self.output.stream or sys.stdout
        flush = getattr(stream, "flush", None)
        if flush is not None:
            flush()

    def isatty(self) -> bool:
        stream = self.output.stream or sys.stdout
        isatty = getattr(stream, "isatty", None)
        return bool(isatty and isatty())


class ProgressBar(CamelAliases):
    """Show how many of ``max`` steps are done: ``start()``, ``advance()``, ``finish()``.

    On a terminal the bar redraws in place; elsewhere (CI, tests, ``Artisan.call``)
    only the final state is written.

    Laravel: ``Symfony\\Component\\Console\\Helper\\ProgressBar``.
    """

    def __init__(self, output: OutputStyle, max: int = 0) -> None:
        self.output = output
        self.max = max
        self.progress = 0
        self.message = ""
        self._rich: t.Any = None
        self._task: t.Any = None

    def start(self, max: int | None = None) -> None:
        """Start (or restart) the bar, optionally with a new ``max``.

        Laravel: ``ProgressBar::start()``.
        """
        if max is not None:
            self.max = max
        self.progress = 0
        if self.output.is_quiet():
            return
        from rich.console import Console
        from rich.progress import BarColumn
        from rich.progress import MofNCompleteColumn
        from rich.progress import Progress
        from rich.progress import TaskProgressColumn
        from rich.progress import TextColumn

        writer = _Writer(self.output)
        console = Console(
            file=t.cast(t.IO[str], writer),
            force_terminal=self.output.decorated,
            no_color=self.output.decorated is False,
        )
        columns = [MofNCompleteColumn(), BarColumn(), TaskProgressColumn()]
        self._rich = Progress(
            *columns, TextColumn("{task.description}"), console=console
        )
        self._task = self._rich.add_task(self.message, total=self.max or None)
        self._rich.start()

    def advance(self, step: int = 1) -> None:
        """Move the bar ``step`` steps forward. Laravel: ``ProgressBar::advance()``."""
        self.set_progress(self.progress + step)

    def set_progress(self, step: int) -> None:
        """Set the number of steps done. Laravel: ``ProgressBar::setProgress()``."""
        if self._rich is None and not self.output.is_quiet():
            self.start()
        self.progress = step
        if self.max and step > self.max:
            self.max = step
        if self._rich is not None:
            self._rich.update(
                self._task,
                completed=step,
                total=self.max or None,
                description=self.message,
            )

    def set_message(self, message: str) -> None:
        """Show ``message`` next to the bar. Laravel: ``ProgressBar::setMessage()``."""
        self.message = message
        if self._rich is not None:
            self._rich.update(self._task, description=message)

    def finish(self) -> None:
        """Fill the bar and stop redrawing it. Laravel: ``ProgressBar::finish()``."""
        if self._rich is None and not self.output.is_quiet():
            self.start()
        if not self.max:
            self.max = self.progress
        self.set_progress(self.max)
        if self._rich is not None:
            self._rich.stop()
            self._rich = None

    def get_progress(self) -> int:
        """Get the number of steps done."""
        return self.progress

    def get_max_steps(self) -> int:
        """Get the number of steps the bar counts to."""
        return self.max
