"""Write new migration files from stubs (``make:migration``).

Laravel: ``Illuminate\\Database\\Migrations\\MigrationCreator``.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.str import Str

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")

_TABLE = re.compile(r"^[A-Za-z0-9_$.\-]+$")


class MigrationCreator(CamelAliases):
    """Create ``<date>_<name>.py`` from the blank, create or update stub.

    ``custom_stub_path`` is a folder (the application's ``stubs/``) whose
    ``migration*.stub`` files win over the framework's.

    Laravel: ``Illuminate\\Database\\Migrations\\MigrationCreator``.
    """

    def __init__(self, custom_stub_path: str | None = None) -> None:
        self.custom_stub_path = custom_stub_path
        self._post_create: list[t.Callable[[str | None, str], t.Any]] = []

    def create(
        self, name: str, path: str, table: str | None = None, create: bool = False
    ) -> str:
        """Write a migration named ``name`` into folder ``path``; return the file's path.

        Laravel: ``MigrationCreator::create()``.
        """
        name = Str.snake(name.strip())
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
            raise InvalidArgumentError(
                f"The migration name [{name}] is not valid. Use letters, digits and "
                "underscores, starting with a letter (create_posts_table)."
            )
        if table is not None and not _TABLE.match(table):
            raise InvalidArgumentError(
                f"The table name [{table}] is not valid. Use letters, digits, "
                "underscores, dots and dashes."
            )
        stub = self.get_stub(table, create)
        file = self.get_path(name, path)
        os.makedirs(path, exist_ok=True)
        with open(file, "w", encoding="utf-8") as fh:
            fh.write(self.populate_stub(stub, name, table))
        for callback in self._post_create:
            callback(table, file)
        return file

    def get_stub(self, table: str | None, create: bool) -> str:
        """Get the stub text for a blank, create or update migration.

        Laravel: ``MigrationCreator::getStub()``.
        """
        if table is None:
            file = "migration.stub"
        elif create:
            file = "migration.create.stub"
        else:
            file = "migration.update.stub"
        for folder in (self.custom_stub_path, STUBS):
            if folder and os.path.isfile(os.path.join(folder, file)):
                with open(os.path.join(folder, file), encoding="utf-8") as fh:
                    return fh.read()
        raise InvalidArgumentError(
            f"Migration stub [{file}] is missing."
        )  # pragma: no cover

    def populate_stub(self, stub: str, name: str, table: str | None) -> str:
        """Fill ``{{ class }}`` and ``{{ table }}``. Laravel: ``MigrationCreator::populateStub()``."""
        values = {"class": self.get_class_name(name), "table": table or ""}
        return re.sub(
            r"\{\{\s*(class|table)\s*\}\}", lambda m: values[m.group(1)], stub
        )

    def get_class_name(self, name: str) -> str:
        """Get the class name of a migration name (``create_posts_table`` → ``CreatePostsTable``).

        Laravel: ``MigrationCreator::getClassName()``.
        """
        return Str.studly(name)

    def get_path(self, name: str, path: str) -> str:
        """Get the full file path: ``<path>/<date prefix>_<name>.py``.

        Laravel: ``MigrationCreator::getPath()``.
        """
        return os.path.join(path, f"{self.get_date_prefix()}_{name}.py")

    def get_date_prefix(self) -> str:
        """Get the date prefix ``2026_01_31_235959``. Laravel: ``getDatePrefix()``."""
        return _dt.datetime.now().strftime("%Y_%m_%d_%H%M%S")

    def after_create(self, callback: t.Callable[[str | None, str], t.Any]) -> None:
        """Call ``callback(table, path)`` after each file is written. Laravel: ``afterCreate()``."""
        self._post_create.append(callback)

    def stub_path(self) -> str:
        """Get the framework's stub folder. Laravel: ``MigrationCreator::stubPath()``."""
        return STUBS


class TableGuesser:
    """Guess the table and whether it is created from a migration name.

    Laravel: ``Illuminate\\Database\\Console\\Migrations\\TableGuesser``.
    """

    CREATE_PATTERNS: t.ClassVar[tuple[str, ...]] = (
        r"^create_(\w+)_table$",
        r"^create_(\w+)$",
    )
    CHANGE_PATTERNS: t.ClassVar[tuple[str, ...]] = (
        r".+_(to|from|in)_(\w+)_table$",
        r".+_(to|from|in)_(\w+)$",
    )

    @classmethod
    def guess(cls, migration: str) -> tuple[str | None, bool]:
        """Return ``(table, create)``: ``create_posts_table`` → ``('posts', True)``.

        Laravel: ``TableGuesser::guess()``.
        """
        for pattern in cls.CREATE_PATTERNS:
            match = re.match(pattern, migration)
            if match:
                return match.group(1), True
        for pattern in cls.CHANGE_PATTERNS:
            match = re.match(pattern, migration)
            if match:
                return match.group(2), False
        return None, False
