"""``key:generate``: set ``APP_KEY`` in ``.env`` to a fresh random key.

Laravel: ``Illuminate\\Foundation\\Console\\KeyGenerateCommand``.
"""

from __future__ import annotations

import base64
import os
import re

from protevus.console.command import Command


def generate_random_key() -> str:
    """Return ``base64:`` followed by 32 random bytes in base64 (AES-256).

    Laravel: ``KeyGenerateCommand::generateRandomKey()``.
    """
    return "base64:" + base64.b64encode(os.urandom(32)).decode()


class KeyGenerateCommand(Command):
    """Set the application key.

    Laravel: ``Illuminate\\Foundation\\Console\\KeyGenerateCommand``.
    """

    signature = (
        "key:generate {--show : Display the key instead of modifying files} "
        "{--force : Force the operation to run when in production}"
    )
    description = "Set the application key"

    def handle(self) -> int:
        """Generate a key; print it (``--show``) or write it to ``.env``."""
        key = generate_random_key()
        if self.option("show"):
            self.comment(key)
            return self.SUCCESS
        if not self.confirm_to_proceed():
            return self.FAILURE
        self.write_new_environment_file_with(key)
        config = self.laravel.make("config")
        config.set("app.key", key)
        self.components.info("Application key set successfully.")
        return self.SUCCESS

    def confirm_to_proceed(self) -> bool:
        """Ask before changing a production app unless ``--force``. Laravel: ``ConfirmableTrait``."""
        if not self.laravel.is_production() or self.option("force"):
            return True
        self.components.alert("Application In Production")
        if self.confirm("Are you sure you want to run this command?"):
            return True
        self.components.warn("Command cancelled.")
        return False

    def write_new_environment_file_with(self, key: str) -> None:
        """Replace the ``APP_KEY=`` line of ``.env`` (adding it, or the file, when missing)."""
        path = self.laravel.environment_file_path()
        source = ""
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as fh:
                source = fh.read()
        line = f"APP_KEY={key}"
        pattern = re.compile(r"^APP_KEY=.*$", re.M)
        if pattern.search(source):
            source = pattern.sub(lambda _m: line, source, count=1)
        else:
            if source and not source.endswith("\n"):
                source += "\n"
            source += line + "\n"
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(source)
        os.environ["APP_KEY"] = key
