"""``optimize`` and ``optimize:clear``: cache (or clear) the framework's bootstrap files.

Laravel: ``Illuminate\\Foundation\\Console\\OptimizeCommand`` and ``OptimizeClearCommand``.
"""

from __future__ import annotations

import typing as t

from protevus.console.command import Command


class OptimizeCommand(Command):
    """Cache framework bootstrap, configuration, and metadata to increase performance.

    Laravel: ``Illuminate\\Foundation\\Console\\OptimizeCommand``.
    """

    signature = "optimize"
    description = (
        "Cache framework bootstrap, configuration, and metadata to increase performance"
    )

    #: task label → command; later issues add routes, views, events.
    tasks: dict[str, str] = {"config": "config:cache", "views": "view:cache"}

    def handle(self) -> int:
        """Run each caching command silently, as a task."""
        self.components.info(
            "Caching framework bootstrap, configuration, and metadata."
        )
        failed = False
        for label, command in self.tasks.items():
            ok = self.components.task(label, self._runner(command))
            failed = failed or not ok
        self.new_line()
        return self.FAILURE if failed else self.SUCCESS

    def _runner(self, command: str) -> t.Callable[[], bool]:
        return lambda: self.call_silently(command) == 0


class OptimizeClearCommand(Command):
    """Remove the cached bootstrap files.

    Laravel: ``Illuminate\\Foundation\\Console\\OptimizeClearCommand``.
    """

    signature = "optimize:clear"
    description = "Remove the cached bootstrap files"

    tasks: dict[str, str] = {"config": "config:clear", "views": "view:clear"}

    def handle(self) -> int:
        """Run each clearing command silently, as a task."""
        self.components.info("Clearing cached bootstrap files.")
        failed = False
        for label, command in self.tasks.items():
            ok = self.components.task(label, self._runner(command))
            failed = failed or not ok
        self.new_line()
        return self.FAILURE if failed else self.SUCCESS

    def _runner(self, command: str) -> t.Callable[[], bool]:
        return lambda: self.call_silently(command) == 0
