"""The pytest plugin: ``app``/``client`` fixtures, the testing environment, isolation."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import typing as t
from pathlib import Path

import pytest

from protevus.support.facades.facade import Facade
from protevus.testing import TESTING_ENVIRONMENT
from protevus.testing.creates_application import create_application
from protevus.testing.exceptions import ApplicationNotFoundError

REPO = Path(__file__).resolve().parents[2]

BOOTSTRAP = """
from pathlib import Path

from protevus.foundation import Application

app = Application.configure(base_path=Path(__file__).resolve().parent.parent).create()
"""


def write(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))


def run_pytest(
    root: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run pytest in ``root`` with only this plugin (as an installed project would)."""
    environ = {k: v for k, v in os.environ.items() if k not in TESTING_ENVIRONMENT}
    environ.update(env or {})
    environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    environ.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "protevus.testing.plugin",
            "-p",
            "no:cacheprovider",
            "-q",
            "-W",
            "error",
        ],
        cwd=root,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


# -- in this repository (the showcase's bootstrap/app.py) ------------------------------


def test_app_fixture_builds_the_project_app_in_the_testing_environment(
    app: t.Any,
) -> None:
    assert Path(app.base_path()) == REPO
    assert app.environment() == "testing"
    assert app.running_unit_tests()
    assert os.environ["CACHE_STORE"] == os.environ.get("CACHE_STORE", "array")
    assert Facade._app is app


def test_client_fixture_wraps_the_app(client: t.Any, app: t.Any) -> None:
    assert client.app is app
    client.get("/up").assert_ok()
    client.get_json("/up").assert_ok().assert_exact_json({"status": "up"})


def test_the_testing_values_are_gone_after_the_test() -> None:
    # Runs after the tests above: nothing they set is left behind.
    assert Facade._app is None
    if "APP_ENV" not in os.environ:
        assert (
            "SESSION_DRIVER" not in os.environ
            or os.environ["SESSION_DRIVER"] != "array"
        )


def test_create_application_without_bootstrap(tmp_path: Path) -> None:
    with pytest.raises(ApplicationNotFoundError) as info:
        create_application(tmp_path)
    assert (
        f"No application bootstrap file at [{tmp_path / 'bootstrap' / 'app.py'}]"
        in str(info.value)
    )
    assert "protevus_app fixture" in str(info.value)


def test_create_application_without_an_app_variable(tmp_path: Path) -> None:
    write(tmp_path, {"bootstrap/app.py": "application = None\n"})
    with pytest.raises(
        ApplicationNotFoundError, match=r"defines no application named \[app\]"
    ):
        create_application(tmp_path)


# -- in a fresh project (subprocess) ------------------------------------------------------


def test_fixtures_in_a_project(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "bootstrap/app.py": BOOTSTRAP,
            ".env": "APP_NAME=Demo\nAPP_ENV=local\nCACHE_STORE=database\n",
            "tests/test_app.py": """
                import os

                from protevus.support.facades.facade import Facade


                def test_app_is_in_the_testing_environment(app):
                    assert app.environment() == "testing"
                    assert app.make("config").get("app.name") == "Demo"
                    assert os.environ["CACHE_STORE"] == "array"  # phpunit.xml beats .env
                    assert os.environ["BCRYPT_ROUNDS"] == "4"
                    assert os.environ["QUEUE_CONNECTION"] == "sync"
                    assert os.environ["SESSION_DRIVER"] == "file"  # set by the OS: kept


                def test_nothing_is_left_behind():
                    assert Facade._app is None
                    assert "APP_NAME" not in os.environ
                    assert "CACHE_STORE" not in os.environ
                    assert os.environ["SESSION_DRIVER"] == "file"


                def test_each_test_gets_a_fresh_app(app):
                    assert not app.bound("marker")
                    app.instance("marker", True)


                def test_each_test_gets_a_fresh_app_again(app):
                    assert not app.bound("marker")
            """,
        },
    )
    result = run_pytest(tmp_path, {"SESSION_DRIVER": "file"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


def test_create_application_in_conftest(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "tests/conftest.py": """
                from protevus.foundation import Application


                def create_application():
                    app = Application.configure(base_path=__file__.rsplit("/", 2)[0]).create()
                    app.instance("made_by", "conftest")
                    return app
            """,
            "tests/test_app.py": """
                def test_uses_create_application(app):
                    assert app.make("made_by") == "conftest"
                    assert app.environment() == "testing"
            """,
        },
    )
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_protevus_app_fixture_override_and_client(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "conftest.py": """
                import flask
                import pytest


                @pytest.fixture
                def protevus_app():
                    web = flask.Flask("demo")
                    web.add_url_rule("/", "home", lambda: "<h1>Hello</h1>")
                    return web
            """,
            "tests/test_web.py": """
                def test_client_uses_the_override(client):
                    client.get("/").assert_ok().assert_see("Hello")
                    client.get("/missing").assert_not_found()
            """,
        },
    )
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_bootstrap_fails_the_test_clearly(tmp_path: Path) -> None:
    write(tmp_path, {"tests/test_app.py": "def test_needs_app(app):\n    pass\n"})
    result = run_pytest(tmp_path)
    assert result.returncode == 1
    assert "No application bootstrap file at" in result.stdout


def test_failure_messages_reach_the_pytest_report(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "conftest.py": """
                import flask
                import pytest


                @pytest.fixture
                def protevus_app():
                    web = flask.Flask("demo")
                    web.add_url_rule("/", "home", lambda: ("<p>Nope</p>", 403))
                    return web
            """,
            "tests/test_web.py": """
                def test_home(client):
                    client.get("/").assert_ok()
            """,
        },
    )
    result = run_pytest(tmp_path)
    assert result.returncode == 1
    assert "Expected response status code [200] but received 403." in result.stdout
    assert "Body: <p>Nope</p>" in result.stdout
