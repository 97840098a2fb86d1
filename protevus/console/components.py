"""Laravel's console components: ``INFO`` / ``WARN`` / ``ERROR`` labels, tasks, dotted details.

``self.components.info('Controller [x] created successfully.')`` prints::

      INFO  Controller [x] created successfully.

Laravel: ``Illuminate\\Console\\View\\Components\\Factory``.
"""

from __future__ import annotations

import time
import typing as t

import click

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.console.output_style import OutputStyle


class Components(CamelAliases):
    """Render Laravel's component-style messages on an output.

    Laravel: ``Illuminate\\Console\\View\\Components\\Factory``.
    """

    def __init__(self, output: OutputStyle) -> None:
        self.output = output

    def _gap(self) -> None:
        # one blank line above a component, never two (Laravel's newLinesWritten()).
        if self.output.new_lines_written() < 2:
            self.output.writeln("")

    def _label(self, label: str, message: str, **style: t.Any) -> None:
        self._gap()
        badge = click.style(f" {label} ", bold=True, **style)
        self.output.writeln(f"  {badge} {message}")
        self.output.writeln("")

    def info(self, message: str) -> None:
        """Write ``  INFO  message`` on a blue label. Laravel: ``Components\\Info``."""
        self._label("INFO", message, bg="blue", fg="white")

    def warn(self, message: str) -> None:
        """Write ``  WARN  message`` on a yellow label. Laravel: ``Components\\Warn``."""
        self._label("WARN", message, bg="yellow", fg="black")

    def error(self, message: str) -> None:
        """Write ``  ERROR  message`` on a red label. Laravel: ``Components\\Error``."""
        self._label("ERROR", message, bg="red", fg="white")

    def success(self, message: str) -> None:
        """Write ``  SUCCESS  message`` on a green label. Laravel: ``Components\\Success``."""
        self._label("SUCCESS", message, bg="green", fg="white")

    def alert(self, message: str) -> None:
        """Write ``message`` in a full-width yellow bar. Laravel: ``Components\\Alert``."""
        width = self.output.terminal_width() - 4
        self._gap()
        self.output.writeln(
            "  " + click.style(f" {message} ".center(width), bg="yellow", fg="black")
        )
        self.output.writeln("")

    def line(self, style: str, message: str) -> None:
        """Write ``message`` after a label named by ``style`` (``info``, ``warn``, ``error``)."""
        getattr(self, style)(message)

    def two_column_detail(self, first: str, second: str | None = None) -> None:
        """Write ``  first ........ second`` across the terminal.

        Laravel: ``Components\\TwoColumnDetail``.
        """
        second = "" if second is None else str(second)
        width = self.output.terminal_width()
        dots = max(
            width - len(click.unstyle(first)) - len(click.unstyle(second)) - 6, 1
        )
        gap = click.style("." * dots, fg="bright_black")
        self.output.writeln(f"  {first} {gap} {second}".rstrip())

    def bullet_list(self, items: t.Iterable[str]) -> None:
        """Write each item after a bullet. Laravel: ``Components\\BulletList``."""
        for item in items:
            self.output.writeln(f"  ⇂ {item}")

    def task(
        self, description: str, task: t.Callable[[], t.Any] | None = None
    ) -> t.Any:
        """Run ``task`` and write ``description ..... 12ms DONE`` (``FAIL`` when it fails).

        A task returning ``False`` fails; an exception is re-raised after ``FAIL``.

        Laravel: ``Components\\Task``.
        """
        start = time.perf_counter()
        result: t.Any = True
        try:
            result = task() if task is not None else True
        except BaseException:
            self._task_line(description, start, False)
            raise
        self._task_line(description, start, result is not False)
        return result

    def _task_line(self, description: str, start: float, ok: bool) -> None:
        ms = (time.perf_counter() - start) * 1000
        runtime = f"{ms:.2f}ms" if ms < 1000 else f"{ms / 1000:.2f}s"
        status = (
            click.style("DONE", fg="green", bold=True)
            if ok
            else click.style("FAIL", fg="red", bold=True)
        )
        width = self.output.terminal_width()
        dots = max(width - len(description) - len(runtime) - 12, 1)
        self.output.writeln(
            f"  {description} {click.style('.' * dots, fg='bright_black')} "
            f"{click.style(runtime, fg='bright_black')} {status}"
        )
