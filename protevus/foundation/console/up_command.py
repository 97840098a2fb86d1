"""``up``: bring the application out of maintenance mode.

Laravel: ``Illuminate\\Foundation\\Console\\UpCommand``.
"""

from __future__ import annotations

import os

from protevus.console.command import Command
from protevus.foundation.console.down_command import down_file


class UpCommand(Command):
    """Bring the application out of maintenance mode.

    Laravel: ``Illuminate\\Foundation\\Console\\UpCommand``.
    """

    signature = "up"
    description = "Bring the application out of maintenance mode"

    def handle(self) -> int:
        """Remove ``storage/framework/down``."""
        path = down_file(self.laravel)
        if not os.path.isfile(path):
            self.components.info("Application is already up.")
            return self.SUCCESS
        os.remove(path)
        self.components.info("Application is now live.")
        return self.SUCCESS
