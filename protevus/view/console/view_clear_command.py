"""``view:clear``: delete the compiled templates.

Laravel: ``Illuminate\\Foundation\\Console\\ViewClearCommand``.
"""

from __future__ import annotations

import os

from protevus.console.command import Command


class ViewClearCommand(Command):
    """Clear all compiled view files.

    Laravel: ``Illuminate\\Foundation\\Console\\ViewClearCommand``.
    """

    signature = "view:clear"
    description = "Clear all compiled view files"

    def handle(self) -> int:
        """Remove every file in ``config('view.compiled')``."""
        from protevus.view.view_service_provider import compiled_path

        path = compiled_path(self.laravel)
        if path is None:
            self.components.error(
                "View path not found. Set config('view.compiled') to the compiled views directory."
            )
            return self.FAILURE
        if os.path.isdir(path):
            for entry in os.scandir(path):
                if entry.is_file() and not entry.name.startswith("."):
                    os.remove(entry.path)
        self.components.info("Compiled views cleared successfully.")
        return self.SUCCESS
