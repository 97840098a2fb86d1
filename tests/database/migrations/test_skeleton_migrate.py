"""A fresh application from the skeleton migrates, seeds and rolls back on SQLite."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from protevus.console.cli import main
from protevus.foundation.providers import FRAMEWORK_PROVIDERS

DEFAULT_TABLES = {
    "users",
    "password_reset_tokens",
    "sessions",
    "cache",
    "cache_locks",
    "jobs",
    "job_batches",
    "failed_jobs",
    "personal_access_tokens",
    "migrations",
}
NEEDED = (
    "protevus.database.database_service_provider.DatabaseServiceProvider",
    "protevus.database.migration_service_provider.MigrationServiceProvider",
)


@pytest.fixture
def fresh_app(tmp_path: Path) -> Path:
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["new", "demo"])
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.output
    app = tmp_path / "demo"
    missing = [p for p in NEEDED if p not in FRAMEWORK_PROVIDERS]
    if missing:  # until the framework registers them itself
        providers = app / "bootstrap" / "providers.py"
        providers.write_text(
            providers.read_text().replace(
                "providers = [",
                "providers = [\n" + "".join(f'    "{p}",\n' for p in missing),
            )
        )
    return app


def artisan(app: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("APP_", "PYTEST_", "DB_", "CACHE_", "SESSION_"))
    }
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "artisan.py", *argv],
        cwd=app,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def tables(app: Path) -> set[str]:
    with sqlite3.connect(app / "database" / "database.sqlite") as db:
        rows = db.execute(
            "select name from sqlite_master where type = 'table' "
            "and name not like 'sqlite_%'"
        ).fetchall()
    return {row[0] for row in rows}


def test_migrate_creates_the_default_tables(fresh_app: Path) -> None:
    result = artisan(fresh_app, "migrate")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "INFO  Running migrations." in result.stdout
    for name in (
        "create_users_table",
        "create_cache_table",
        "create_jobs_table",
        "create_personal_access_tokens_table",
    ):
        assert re.search(
            rf"0001_01_01_00000\d_{name} \.+ [\d.]+m?s DONE", result.stdout
        )
    assert tables(fresh_app) == DEFAULT_TABLES

    status = artisan(fresh_app, "migrate:status")
    assert status.returncode == 0, status.stderr
    assert len(re.findall(r"\.+ \[1\] Ran", status.stdout)) == 4


def test_seed_rollback_refresh_and_fresh(fresh_app: Path) -> None:
    assert artisan(fresh_app, "migrate", "--seed").returncode == 0
    with sqlite3.connect(fresh_app / "database" / "database.sqlite") as db:
        assert db.execute("select email from users").fetchall() == [
            ("test@example.com",)
        ]

    rollback = artisan(fresh_app, "migrate:rollback")
    assert rollback.returncode == 0, rollback.stderr
    assert "INFO  Rolling back migrations." in rollback.stdout
    assert tables(fresh_app) == {"migrations"}

    assert artisan(fresh_app, "migrate").returncode == 0
    assert artisan(fresh_app, "migrate:refresh").returncode == 0
    assert tables(fresh_app) == DEFAULT_TABLES

    fresh = artisan(fresh_app, "migrate:fresh", "--seed")
    assert fresh.returncode == 0, fresh.stderr
    assert "Dropping all tables" in fresh.stdout
    assert tables(fresh_app) == DEFAULT_TABLES

    reset = artisan(fresh_app, "migrate:reset")
    assert reset.returncode == 0 and tables(fresh_app) == {"migrations"}


def test_make_migration_then_migrate(fresh_app: Path) -> None:
    made = artisan(fresh_app, "make:migration", "create_posts_table")
    assert made.returncode == 0, made.stderr
    assert "_create_posts_table.py] created successfully." in made.stdout

    result = artisan(fresh_app, "migrate")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "posts" in tables(fresh_app)
