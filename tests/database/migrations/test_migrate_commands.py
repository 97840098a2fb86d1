"""migrate, migrate:install/status/rollback/reset/refresh/fresh on the three databases."""

from __future__ import annotations

import re
import typing as t

import pytest

from protevus.database.exceptions import MigrationError
from protevus.database.exceptions import QueryError

if t.TYPE_CHECKING:
    from conftest import Migrations  # type: ignore[import-not-found]


def call(
    app: t.Any, command: str, parameters: dict[str, t.Any] | None = None
) -> tuple[int, str]:
    kernel = app.make("artisan")
    code = kernel.call(command, parameters or {})
    return code, kernel.output()


def exists(app: t.Any, table: str) -> bool:
    connection = app.make("db").connection()
    try:
        connection.select(f"select count(*) as n from {table}")
    except QueryError:
        return False
    return True


def ran(app: t.Any) -> dict[str, int]:
    return dict(app.make("migrator").get_repository().get_migration_batches())


def test_migrate_creates_the_table_and_runs_pending_files(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    migrations.table("planes", "2026_01_02_000000")

    code, out = call(migrate_app, "migrate")

    assert code == 0
    assert "INFO  Preparing database." in out
    assert re.search(r"Creating migration table \.+ [\d.]+m?s DONE", out)
    assert "INFO  Running migrations." in out
    assert re.search(r"2026_01_01_000000_create_flights_table \.+ [\d.]+m?s DONE", out)
    assert out.index("flights_table") < out.index("planes_table")
    assert exists(migrate_app, "flights") and exists(migrate_app, "planes")
    assert ran(migrate_app) == {
        "2026_01_01_000000_create_flights_table": 1,
        "2026_01_02_000000_create_planes_table": 1,
    }


def test_migrate_twice_has_nothing_to_migrate(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    call(migrate_app, "migrate")

    code, out = call(migrate_app, "migrate")

    assert code == 0
    assert "INFO  Nothing to migrate." in out
    assert "Preparing database" not in out


def test_new_files_run_in_the_next_batch(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    call(migrate_app, "migrate")
    migrations.table("planes", "2026_01_02_000000")
    migrations.table("trains", "2026_01_03_000000")

    call(migrate_app, "migrate")

    assert list(ran(migrate_app).values()) == [1, 2, 2]


def test_step_records_one_batch_per_migration(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    for i, name in enumerate(["flights", "planes", "trains"]):
        migrations.table(name, f"2026_01_0{i + 1}_000000")

    call(migrate_app, "migrate", {"--step": True})

    assert list(ran(migrate_app).values()) == [1, 2, 3]


def test_pretend_prints_the_sql_and_changes_nothing(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    call(migrate_app, "migrate:install")

    code, out = call(migrate_app, "migrate", {"--pretend": True})

    assert code == 0
    assert "2026_01_01_000000_create_flights_table" in out
    assert "⇂ create table flights (id integer primary key, title varchar(50))" in out
    assert not exists(migrate_app, "flights")
    assert ran(migrate_app) == {}


def test_rollback_reverses_the_last_batch(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    call(migrate_app, "migrate")
    migrations.table("planes", "2026_01_02_000000")
    migrations.table("trains", "2026_01_03_000000")
    call(migrate_app, "migrate")

    code, out = call(migrate_app, "migrate:rollback")

    assert code == 0
    assert "INFO  Rolling back migrations." in out
    assert out.index("trains_table") < out.index("planes_table")
    assert re.search(r"2026_01_03_000000_create_trains_table \.+ [\d.]+m?s DONE", out)
    assert list(ran(migrate_app)) == ["2026_01_01_000000_create_flights_table"]
    assert exists(migrate_app, "flights") and not exists(migrate_app, "planes")

    code, out = call(migrate_app, "migrate:rollback")
    assert ran(migrate_app) == {}
    code, out = call(migrate_app, "migrate:rollback")
    assert code == 0 and "INFO  Nothing to rollback." in out


def test_rollback_step_and_batch(migrate_app: t.Any, migrations: Migrations) -> None:
    for i, name in enumerate(["flights", "planes", "trains", "boats"]):
        migrations.table(name, f"2026_01_0{i + 1}_000000")
    call(migrate_app, "migrate", {"--step": True})

    call(migrate_app, "migrate:rollback", {"--step": 2})
    assert list(ran(migrate_app).values()) == [1, 2]

    call(migrate_app, "migrate:rollback", {"--batch": 1})
    assert list(ran(migrate_app)) == ["2026_01_02_000000_create_planes_table"]


def test_rollback_pretend_keeps_everything(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    call(migrate_app, "migrate")

    code, out = call(migrate_app, "migrate:rollback", {"--pretend": True})

    assert "⇂ drop table flights" in out
    assert exists(migrate_app, "flights") and len(ran(migrate_app)) == 1


def test_rollback_reports_a_missing_file(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    file = migrations.table("flights", "2026_01_01_000000")
    call(migrate_app, "migrate")
    file.unlink()

    code, out = call(migrate_app, "migrate:rollback")

    assert code == 0
    assert re.search(
        r"2026_01_01_000000_create_flights_table \.+ Migration not found", out
    )


def test_reset_reverses_everything_newest_first(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    call(migrate_app, "migrate")
    migrations.table("planes", "2026_01_02_000000")
    call(migrate_app, "migrate")

    code, out = call(migrate_app, "migrate:reset")

    assert code == 0
    assert out.index("planes_table") < out.index("flights_table")
    assert ran(migrate_app) == {}
    assert not exists(migrate_app, "flights") and not exists(migrate_app, "planes")
    assert exists(migrate_app, "migrations")
    assert "Nothing to rollback." in call(migrate_app, "migrate:reset")[1]


def test_reset_without_the_table_warns(migrate_app: t.Any) -> None:
    code, out = call(migrate_app, "migrate:reset")

    assert code == 0 and "WARN  Migration table not found." in out


def test_refresh_rolls_back_and_migrates_again(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    call(migrate_app, "migrate")
    migrations.table("planes", "2026_01_02_000000")
    call(migrate_app, "migrate")
    migrate_app.make("db").connection().insert(
        "insert into flights (id, title) values (?, ?)", [1, "x"]
    )

    code, out = call(migrate_app, "migrate:refresh")

    assert code == 0
    assert "Rolling back migrations." in out and "Running migrations." in out
    assert list(ran(migrate_app).values()) == [1, 1]
    assert migrate_app.make("db").connection().select("select * from flights") == []


def test_refresh_step_only_redoes_the_last_ones(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    for i, name in enumerate(["flights", "planes", "trains"]):
        migrations.table(name, f"2026_01_0{i + 1}_000000")
    call(migrate_app, "migrate", {"--step": True})

    call(migrate_app, "migrate:refresh", {"--step": 1})

    assert list(ran(migrate_app).values()) == [1, 2, 3]


def test_fresh_drops_every_table_and_migrates(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    call(migrate_app, "migrate")
    migrate_app.make("db").connection().statement("create table strays (id integer)")

    code, out = call(migrate_app, "migrate:fresh")

    assert code == 0
    assert re.search(r"Dropping all tables \.+ [\d.]+m?s DONE", out)
    assert not exists(migrate_app, "strays")
    assert exists(migrate_app, "flights")
    assert ran(migrate_app) == {"2026_01_01_000000_create_flights_table": 1}


def test_install_creates_the_repository(migrate_app: t.Any) -> None:
    code, out = call(migrate_app, "migrate:install")

    assert code == 0 and "INFO  Migration table created successfully." in out
    assert exists(migrate_app, "migrations")
    assert call(migrate_app, "migrate:install")[0] == 0


def test_status_lists_ran_and_pending_files(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    call(migrate_app, "migrate")
    migrations.table("planes", "2026_01_02_000000")

    code, out = call(migrate_app, "migrate:status")

    assert code == 0
    assert re.search(r"Migration name \.+ Batch / Status", out)
    assert re.search(r"2026_01_01_000000_create_flights_table \.+ \[1\] Ran", out)
    assert re.search(r"2026_01_02_000000_create_planes_table \.+ Pending", out)
    pending = call(migrate_app, "migrate:status", {"--pending": True})[1]
    assert "planes" in pending and "flights" not in pending


def test_status_without_the_table_is_an_error(migrate_app: t.Any) -> None:
    code, out = call(migrate_app, "migrate:status")

    assert code == 1 and "ERROR  Migration table not found." in out


def test_status_with_no_files(migrate_app: t.Any) -> None:
    call(migrate_app, "migrate:install")

    assert "INFO  No migrations found." in call(migrate_app, "migrate:status")[1]


def test_a_failing_migration_keeps_the_earlier_ones_and_names_the_file(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    migrations.write(
        "2026_01_02_000000_broken",
        ["create table halfway (id integer)", "select * from no_such_table"],
    )
    migrations.table("planes", "2026_01_03_000000")

    with pytest.raises(MigrationError) as info:
        call(migrate_app, "migrate")

    message = str(info.value)
    assert "2026_01_02_000000_broken.py" in message
    assert "no_such_table" in message
    assert isinstance(info.value.__cause__, QueryError)
    assert list(ran(migrate_app)) == ["2026_01_01_000000_create_flights_table"]
    assert not exists(migrate_app, "planes")


def test_postgres_rolls_back_the_whole_failed_migration(
    migrate_app: t.Any, migrations: Migrations, db_driver: str
) -> None:
    if db_driver != "pgsql":
        pytest.skip("Only PostgreSQL runs DDL in transactions.")
    migrations.write(
        "2026_01_02_000000_broken",
        ["create table halfway (id integer)", "select * from no_such_table"],
    )
    migrations.write(
        "2026_01_03_000000_outside",
        ["create table outside (id integer)", "select * from no_such_table"],
        body="within_transaction = False",
    )

    with pytest.raises(MigrationError):
        call(migrate_app, "migrate")
    assert not exists(migrate_app, "halfway")

    migrations.folder.joinpath("2026_01_02_000000_broken.py").unlink()
    with pytest.raises(MigrationError):
        call(migrate_app, "migrate")
    assert exists(migrate_app, "outside")


def test_graceful_turns_a_failure_into_a_warning(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.write("2026_01_02_000000_broken", ["select * from no_such_table"])

    code, out = call(migrate_app, "migrate", {"--graceful": True})

    assert code == 0 and "WARN  Migration [" in out


def test_should_run_false_skips_and_does_not_record(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.write(
        "2026_01_01_000000_skipped",
        ["create table skipped (id integer)"],
        body="def should_run(self) -> bool:\n    return False\n",
    )

    code, out = call(migrate_app, "migrate")

    assert code == 0
    assert re.search(r"2026_01_01_000000_skipped \.+ SKIPPED", out)
    assert ran(migrate_app) == {} and not exists(migrate_app, "skipped")


def test_path_option_runs_another_folder(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    folder = migrations.folder.parent / "other"
    migrations.write(
        "2026_01_01_000000_create_boats_table",
        ["create table boats (id integer)"],
        folder=folder,
    )
    migrations.table("flights", "2026_01_02_000000")

    call(migrate_app, "migrate", {"--path": "database/other"})

    assert exists(migrate_app, "boats") and not exists(migrate_app, "flights")
    call(migrate_app, "migrate", {"--path": [str(folder)], "--realpath": True})
    assert list(ran(migrate_app)) == ["2026_01_01_000000_create_boats_table"]


@pytest.mark.parametrize(
    "command",
    [
        "migrate",
        "migrate:rollback",
        "migrate:reset",
        "migrate:refresh",
        "migrate:fresh",
    ],
)
def test_production_needs_force(
    migrate_app: t.Any, migrations: Migrations, command: str
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    migrate_app.detect_environment("production")

    code, out = call(migrate_app, command)

    assert code == 1
    assert "Application In Production" in out and "WARN  Command cancelled." in out
    assert not exists(migrate_app, "flights")
    assert call(migrate_app, command, {"--force": True})[0] == 0


def test_seed_option_runs_the_database_seeder(
    migrate_app: t.Any, migrations: Migrations
) -> None:
    migrations.table("flights", "2026_01_01_000000")
    seeders = migrations.folder.parent / "seeders"
    seeders.mkdir()
    (seeders / "database_seeder.py").write_text(
        "from protevus.database import Seeder\n"
        "from protevus.facades import DB\n\n\n"
        "class DatabaseSeeder(Seeder):\n"
        "    def run(self) -> None:\n"
        "        DB.insert('insert into flights (id, title) values (?, ?)', [1, 'a'])\n"
    )

    code, out = call(migrate_app, "migrate", {"--seed": True})

    assert code == 0
    assert "INFO  Seeding database." in out
    assert re.search(r"database\.seeders\.database_seeder\.DatabaseSeeder", out) is None
    rows = migrate_app.make("db").connection().select("select title from flights")
    assert [r["title"] for r in rows] == ["a"]
