"""``protevus new``: copy the bundled skeleton, write ``.env``, print the next steps."""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from click.testing import Result

from protevus.console.cli import main
from protevus.console.cli import skeleton_path


def run_new(cwd: Path, *args: str) -> Result:
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["new", *args])
    finally:
        os.chdir(previous)


def env_values(path: Path) -> dict[str, str]:
    pairs = (
        line.split("=", 1)
        for line in path.read_text().splitlines()
        if "=" in line and not line.startswith("#")
    )
    return {key: value for key, value in pairs}


def test_new_copies_the_skeleton(tmp_path: Path) -> None:
    result = run_new(tmp_path, "demo")

    assert result.exit_code == 0, result.output
    app = tmp_path / "demo"
    for relative in [
        "artisan.py",
        "wsgi.py",
        "pyproject.toml",
        ".env.example",
        ".gitignore",
        "bootstrap/app.py",
        "bootstrap/providers.py",
        "app/http/controllers/controller.py",
        "app/providers/app_service_provider.py",
        "config/app.py",
        "routes/web.py",
        "routes/console.py",
        "database/.gitignore",
        "storage/logs/.gitignore",
        "storage/framework/views/.gitignore",
        "tests/conftest.py",
        "tests/feature/test_example.py",
        "tests/unit/test_example.py",
    ]:
        assert (app / relative).is_file(), relative
    assert (app / "resources" / "views").is_dir()
    assert (app / "public").is_dir()
    # Laravel's installer creates the empty SQLite database, so migrate just runs.
    assert (app / "database" / "database.sqlite").read_bytes() == b""
    assert not list(app.rglob("__pycache__"))
    assert 'name = "demo"' in (app / "pyproject.toml").read_text()


def test_new_writes_env_with_a_fresh_key_and_the_name(tmp_path: Path) -> None:
    run_new(tmp_path, "blog")
    run_new(tmp_path, "shop")

    blog = env_values(tmp_path / "blog" / ".env")
    shop = env_values(tmp_path / "shop" / ".env")
    example = env_values(tmp_path / "blog" / ".env.example")
    assert blog["APP_NAME"] == "blog"
    assert shop["APP_NAME"] == "shop"
    assert blog["APP_KEY"].startswith("base64:")
    assert len(base64.b64decode(blog["APP_KEY"].removeprefix("base64:"))) == 32
    assert blog["APP_KEY"] != shop["APP_KEY"]
    assert example["APP_KEY"] == ""
    assert {k: v for k, v in blog.items() if k not in ("APP_NAME", "APP_KEY")} == {
        k: v for k, v in example.items() if k not in ("APP_NAME", "APP_KEY")
    }


def test_new_prints_the_next_commands(tmp_path: Path) -> None:
    result = run_new(tmp_path, "demo")

    assert "Application ready in [demo]" in result.output
    assert re.search(
        r"cd demo\n.*python artisan\.py migrate\n.*python artisan\.py serve",
        result.output,
    )


def test_new_refuses_a_directory_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "notes.txt").write_text("keep me")

    result = run_new(tmp_path, "demo")

    assert result.exit_code == 1
    assert "already exists and is not an empty directory" in result.output
    assert [p.name for p in (tmp_path / "demo").iterdir()] == ["notes.txt"]


def test_new_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "demo").write_text("a file")

    result = run_new(tmp_path, "demo")

    assert result.exit_code == 1
    assert "already exists and is not an empty directory" in result.output
    assert (tmp_path / "demo").read_text() == "a file"


def test_new_fills_an_empty_directory_and_the_current_one(tmp_path: Path) -> None:
    (tmp_path / "demo").mkdir()
    assert run_new(tmp_path, "demo").exit_code == 0

    here = tmp_path / "here"
    here.mkdir()
    result = run_new(here, ".")

    assert result.exit_code == 0, result.output
    assert (here / "artisan.py").is_file()
    assert env_values(here / ".env")["APP_NAME"] == "here"
    assert "cd ." not in result.output


@pytest.mark.parametrize("name", ["my app", "../outside", "a/b", "semi;colon", ""])
def test_new_rejects_names_that_are_not_plain_folder_names(
    tmp_path: Path, name: str
) -> None:
    result = run_new(tmp_path, name)

    assert result.exit_code == 2
    assert "may only contain letters, numbers, dashes, underscores, and periods" in (
        result.output
    )
    assert list(tmp_path.iterdir()) == []


def test_the_skeleton_is_the_repository_skeleton_in_a_checkout() -> None:
    assert skeleton_path() == Path(__file__).resolve().parents[2] / "skeleton"


def run_in(app: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("APP_", "PYTEST_", "DB_", "CACHE_", "SESSION_"))
    }
    return subprocess.run(
        [sys.executable, *argv],
        cwd=app,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_new_application_runs_artisan(tmp_path: Path) -> None:
    run_new(tmp_path, "demo")

    about = run_in(tmp_path / "demo", "artisan.py", "about")
    inspire = run_in(tmp_path / "demo", "artisan.py", "inspire")

    assert about.returncode == 0, about.stderr
    assert re.search(r"Application Name \.+ demo", about.stdout)
    assert re.search(r"Environment \.+ local", about.stdout)
    assert inspire.returncode == 0, inspire.stderr
    assert " - " in inspire.stdout


def test_the_new_applications_own_tests_pass(tmp_path: Path) -> None:
    run_new(tmp_path, "demo")

    result = run_in(tmp_path / "demo", "-m", "pytest", "-q", "-p", "no:cacheprovider")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
