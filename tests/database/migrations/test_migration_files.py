"""Finding and importing migration files (no database needed)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from protevus.database import Migration
from protevus.database.exceptions import MigrationError
from protevus.database.migrations.migrator import Migrator
from protevus.database.migrations.migrator import load_migration_class

HEADER = "from protevus.database import Migration\n\n"


def migrator() -> Migrator:
    return Migrator(repository=None, resolver=None)  # type: ignore[arg-type]


def test_files_are_keyed_by_name_and_sorted(tmp_path: Path) -> None:
    for name in ["2026_02_01_000000_b", "2026_01_01_000000_a", "__init__", "_x_y"]:
        (tmp_path / f"{name}.py").write_text("")
    (tmp_path / "notes.txt").write_text("")
    other = tmp_path / "other"
    other.mkdir()
    (other / "2025_01_01_000000_c.py").write_text("")

    files = migrator().get_migration_files([str(tmp_path), str(other)])

    assert list(files) == [
        "2025_01_01_000000_c",
        "2026_01_01_000000_a",
        "2026_02_01_000000_b",
    ]
    assert files["2026_01_01_000000_a"] == str(tmp_path / "2026_01_01_000000_a.py")


def test_a_path_may_name_one_file(tmp_path: Path) -> None:
    file = tmp_path / "2026_01_01_000000_a.py"
    file.write_text("")

    assert migrator().get_migration_files(str(file)) == {
        "2026_01_01_000000_a": str(file)
    }
    assert migrator().get_migration_files(str(tmp_path / "missing")) == {}


def test_the_migration_class_is_found_and_instantiated(tmp_path: Path) -> None:
    file = tmp_path / "2026_01_01_000000_create_posts_table.py"
    file.write_text(
        HEADER + "from protevus.database import Migration as M\n"
        "class CreatePostsTable(Migration):\n    connection = 'pgsql'\n"
    )

    migration = migrator().resolve_path(str(file))

    assert type(migration).__name__ == "CreatePostsTable"
    assert isinstance(migration, Migration)
    assert migration.get_connection() == "pgsql"
    assert migration.within_transaction is True and migration.should_run() is True


def test_a_changed_file_is_imported_again(tmp_path: Path) -> None:
    file = tmp_path / "2026_01_01_000000_a.py"
    file.write_text(HEADER + "class First(Migration):\n    pass\n")
    assert load_migration_class(str(file)).__name__ == "First"
    assert load_migration_class(str(file)) is load_migration_class(str(file))

    file.write_text(HEADER + "class Second(Migration):\n    pass\n")
    later = time.time() + 5
    os.utime(file, (later, later))

    assert load_migration_class(str(file)).__name__ == "Second"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("x = 1\n", r"must define exactly one Migration subclass but defines none"),
        (
            "class A(Migration):\n    pass\nclass B(Migration):\n    pass\n",
            r"defines several \(A, B\)",
        ),
        ("class A(Migration)\n", r"could not be imported"),
        ("raise RuntimeError('boom')\n", r"could not be imported: boom"),
    ],
)
def test_bad_files_raise_migration_errors_naming_the_file(
    tmp_path: Path, source: str, message: str
) -> None:
    file = tmp_path / "2026_01_01_000000_bad.py"
    file.write_text(HEADER + source)

    with pytest.raises(MigrationError, match=message) as info:
        load_migration_class(str(file))
    assert "2026_01_01_000000_bad.py" in str(info.value)


def test_a_missing_file_is_a_migration_error(tmp_path: Path) -> None:
    with pytest.raises(MigrationError, match=r"does not exist"):
        load_migration_class(str(tmp_path / "2026_01_01_000000_gone.py"))


def test_extra_paths_are_registered_once() -> None:
    m = migrator()
    m.path("/a")
    m.path("/b")
    m.path("/a")

    assert m.paths() == ["/a", "/b"]


def test_the_migration_base_does_nothing() -> None:
    migration = Migration()

    assert migration.up() is None and migration.down() is None
    assert migration.get_connection() is None
    assert migration.getConnection() is None  # camelCase twin
