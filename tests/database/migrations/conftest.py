"""Fixtures for migrator and command tests: an app with the migration services."""

from __future__ import annotations

import textwrap
import typing as t
from pathlib import Path

import pytest

from protevus.database.migration_service_provider import MigrationServiceProvider


@pytest.fixture
def migrate_app(db_app: t.Any) -> t.Any:
    """Return ``db_app`` with the migrator, its repository and the commands."""
    db_app.register(MigrationServiceProvider)
    db_app.detect_environment("local")  # no .env: the app would be in production
    return db_app


class Migrations:
    """Write raw-SQL migration files into the app's ``database/migrations``."""

    def __init__(self, base: Path) -> None:
        self.folder = base / "database" / "migrations"

    def write(
        self,
        name: str,
        up: t.Sequence[str] = (),
        down: t.Sequence[str] = (),
        body: str = "",
        folder: Path | None = None,
    ) -> Path:
        target = folder or self.folder
        target.mkdir(parents=True, exist_ok=True)
        file = target / f"{name}.py"
        cls = "".join(p.title() for p in name.split("_")[4:]) or "M"
        extra = textwrap.indent(textwrap.dedent(body).strip(), "    ")
        lines = [
            "from protevus.database import Migration",
            "from protevus.facades import DB",
            "",
            "",
            f"class {cls}(Migration):",
            extra,
            "    def up(self) -> None:",
            f"        for sql in {list(up)!r}:",
            "            DB.statement(sql)",
            "",
            "    def down(self) -> None:",
            f"        for sql in {list(down)!r}:",
            "            DB.statement(sql)",
            "",
        ]
        file.write_text("\n".join(line for line in lines if line is not None))
        return file

    def table(self, name: str, stamp: str) -> Path:
        """Write ``<stamp>_create_<name>_table`` creating and dropping ``name``."""
        return self.write(
            f"{stamp}_create_{name}_table",
            [f"create table {name} (id integer primary key, title varchar(50))"],
            [f"drop table {name}"],
        )


@pytest.fixture
def migrations(migrate_app: t.Any) -> Migrations:
    return Migrations(Path(migrate_app.base_path()))
