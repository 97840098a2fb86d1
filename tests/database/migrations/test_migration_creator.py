"""make:migration and the MigrationCreator: file names, stubs, table guessing."""

from __future__ import annotations

import re
import typing as t
from pathlib import Path

import pytest

from protevus.database.migration_service_provider import MigrationServiceProvider
from protevus.database.migrations.migration_creator import MigrationCreator
from protevus.database.migrations.migration_creator import TableGuesser
from protevus.database.migrations.migrator import load_migration_class
from protevus.exceptions import InvalidArgumentError


def call(app: t.Any, command: str, parameters: dict[str, t.Any]) -> tuple[int, str]:
    kernel = app.make("artisan")
    code = kernel.call(command, parameters)
    return code, kernel.output()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("create_users_table", ("users", True)),
        ("create_users", ("users", True)),
        ("create_user_profiles_table", ("user_profiles", True)),
        ("add_votes_to_users_table", ("users", False)),
        ("add_votes_to_users", ("users", False)),
        ("remove_votes_from_users_table", ("users", False)),
        ("change_status_in_orders_table", ("orders", False)),
        ("fix_everything", (None, False)),
    ],
)
def test_table_guesser_follows_laravels_patterns(
    name: str, expected: tuple[str | None, bool]
) -> None:
    assert TableGuesser.guess(name) == expected


def test_creator_writes_a_dated_file_from_the_create_stub(tmp_path: Path) -> None:
    file = MigrationCreator().create("create_posts_table", str(tmp_path), "posts", True)

    assert re.fullmatch(
        r"\d{4}_\d{2}_\d{2}_\d{6}_create_posts_table\.py", Path(file).name
    )
    source = Path(file).read_text()
    assert "class CreatePostsTable(Migration):" in source
    assert 'with Schema.create("posts") as table:' in source
    assert 'Schema.drop_if_exists("posts")' in source
    assert load_migration_class(file).__name__ == "CreatePostsTable"


def test_creator_uses_the_update_and_blank_stubs(tmp_path: Path) -> None:
    creator = MigrationCreator()
    update = Path(creator.create("add_votes_to_users_table", str(tmp_path), "users"))
    blank = Path(creator.create("do_something", str(tmp_path / "other")))

    assert update.read_text().count('with Schema.table("users") as table:') == 2
    assert "class AddVotesToUsersTable(Migration):" in update.read_text()
    assert "Schema" not in blank.read_text()
    assert "class DoSomething(Migration):" in blank.read_text()
    assert load_migration_class(str(blank))().up() is None


def test_creator_prefers_custom_stubs_and_runs_after_create_hooks(
    tmp_path: Path,
) -> None:
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    (stubs / "migration.create.stub").write_text("# custom {{ class }} {{table}}\n")
    seen: list[tuple[str | None, str]] = []
    creator = MigrationCreator(str(stubs))
    creator.after_create(lambda table, path: seen.append((table, path)))

    file = creator.create("create_flights_table", str(tmp_path / "m"), "flights", True)

    assert Path(file).read_text() == "# custom CreateFlightsTable flights\n"
    assert seen == [("flights", file)]


@pytest.mark.parametrize(
    ("name", "table"),
    [("9lives", None), ("drop;table", None), ("ok_name", 'users"); import os; ("')],
)
def test_creator_rejects_names_that_would_not_be_python(
    tmp_path: Path, name: str, table: str | None
) -> None:
    with pytest.raises(InvalidArgumentError, match="is not valid"):
        MigrationCreator().create(name, str(tmp_path), table, True)
    assert list(tmp_path.iterdir()) == []


def test_make_migration_guesses_the_create_stub(
    make_app: t.Any, tmp_path: Path
) -> None:
    app = make_app(providers=[MigrationServiceProvider])

    code, out = call(app, "make:migration", {"name": "CreatePostsTable"})

    files = list((tmp_path / "database" / "migrations").glob("*.py"))
    assert code == 0
    assert len(files) == 1 and files[0].name.endswith("_create_posts_table.py")
    assert (
        f"INFO  Migration [database/migrations/{files[0].name}] created successfully."
        in out
    )
    assert 'Schema.create("posts")' in files[0].read_text()


def test_make_migration_guesses_the_table_stub(make_app: t.Any, tmp_path: Path) -> None:
    app = make_app(providers=[MigrationServiceProvider])

    call(app, "make:migration", {"name": "add_votes_to_users_table"})

    (file,) = (tmp_path / "database" / "migrations").glob("*.py")
    assert 'Schema.table("users")' in file.read_text()


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"--create": "flights"}, 'Schema.create("flights")'),
        ({"--table": "flights"}, 'Schema.table("flights")'),
    ],
)
def test_make_migration_options_override_the_guess(
    make_app: t.Any, tmp_path: Path, options: dict[str, str], expected: str
) -> None:
    app = make_app(providers=[MigrationServiceProvider])

    code, _ = call(app, "make:migration", {"name": "create_posts_table", **options})

    (file,) = (tmp_path / "database" / "migrations").glob("*.py")
    assert code == 0 and expected in file.read_text()


def test_make_migration_writes_into_path(make_app: t.Any, tmp_path: Path) -> None:
    app = make_app(providers=[MigrationServiceProvider])

    call(app, "make:migration", {"name": "create_posts_table", "--path": "modules/m"})

    assert len(list((tmp_path / "modules" / "m").glob("*_create_posts_table.py"))) == 1


def test_make_migration_reports_a_bad_name(make_app: t.Any, tmp_path: Path) -> None:
    app = make_app(providers=[MigrationServiceProvider])

    code, out = call(app, "make:migration", {"name": "2fast"})

    assert code == 1
    assert "ERROR  The migration name [2fast] is not valid." in out
    assert not (tmp_path / "database" / "migrations").exists()
