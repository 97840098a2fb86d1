"""``cache:clear``: flush the default cache store (or the one named).

Laravel: ``Illuminate\\Cache\\Console\\ClearCommand``.
"""

from __future__ import annotations

from protevus.console.command import Command


class ClearCommand(Command):
    """Flush the application cache.

    Laravel: ``Illuminate\\Cache\\Console\\ClearCommand``.
    """

    signature = "cache:clear {store? : The name of the store you would like to clear}"
    description = "Flush the application cache"

    def handle(self) -> int:
        """Flush the store; fail with a message when it cannot be flushed."""
        name = self.argument("store") or None
        try:
            repository = self.laravel.make("cache").store(name)
            flushed = repository.flush()
        except Exception as exc:  # an unknown store or an unreachable server
            self.components.error(f"Failed to clear cache: {exc}")
            return self.FAILURE
        if not flushed:
            self.components.error(
                "Failed to clear cache. Make sure you have the appropriate permissions."
            )
            return self.FAILURE
        self.components.info("Application cache cleared successfully.")
        return self.SUCCESS
