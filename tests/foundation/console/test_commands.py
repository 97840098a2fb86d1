"""Artisan's foundation commands: about, env, config:cache, config:clear."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import typing as t
from pathlib import Path

import pytest

from protevus.foundation import Application

ROOT = Path(__file__).resolve().parents[3]


def run(app: t.Any, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = app.handle_command(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_env_prints_the_environment(make_app: t.Any, capsys: t.Any) -> None:
    app = make_app(env="APP_ENV=staging\n")
    code, out = run(app, "env", capsys=capsys)
    assert code == 0
    assert "The application environment is [staging]." in out


def test_about_json(make_app: t.Any, capsys: t.Any) -> None:
    app = make_app(env="APP_NAME=Shop\nAPP_DEBUG=true\n")
    code, out = run(app, "about", "--json", capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert data["environment"]["application_name"] == "Shop"
    assert data["environment"]["debug_mode"] == "ENABLED"
    assert data["drivers"]["database"] == "sqlite"
    assert data["cache"]["config"] == "NOT CACHED"


def test_about_table(make_app: t.Any, capsys: t.Any) -> None:
    app = make_app()
    code, out = run(app, "about", capsys=capsys)
    assert code == 0
    assert "Application Name" in out and "Protevus Version" in out


def test_unknown_command_exits_non_zero(make_app: t.Any, capsys: t.Any) -> None:
    app = make_app()
    code, out = run(app, "nope", capsys=capsys)
    # Laravel (Symfony) words it this way and exits with 1.
    assert code == 1
    assert 'ERROR  Command "nope" is not defined.' in out


def test_config_cache_then_a_new_app_loads_it_without_reading_files(
    make_app: t.Any, tmp_path: Path, capsys: t.Any
) -> None:
    app = make_app(
        env="APP_NAME=Cached\nSECRET_FROM_ENV=abc\n",
        config={
            "services": "from protevus.helpers import env\nconfig = {'x': env('SECRET_FROM_ENV')}\n"
        },
    )
    code, out = run(app, "config:cache", capsys=capsys)
    assert code == 0 and "Configuration cached successfully." in out
    cache = tmp_path / "bootstrap" / "cache" / "config.json"
    assert cache.is_file()

    # Break the sources: a cached config must not read them.
    (tmp_path / ".env").write_text("APP_NAME=Changed\n")
    (tmp_path / "config" / "services.py").write_text("raise RuntimeError('read!')\n")
    os.environ.pop("APP_NAME", None)
    second = Application.configure(tmp_path).create()
    assert second.config_is_cached
    assert second.make("config").get("app.name") == "Cached"
    assert second.make("config").get("services.x") == "abc"

    code, out = run(second, "config:clear", capsys=capsys)
    assert code == 0 and "Configuration cache cleared successfully." in out
    assert not cache.exists()


def test_config_cache_refuses_unserialisable_values(
    make_app: t.Any, tmp_path: Path, capsys: t.Any
) -> None:
    app = make_app(config={"services": "config = {'thing': object()}\n"})
    code, out = run(app, "config:cache", capsys=capsys)
    assert code == 1
    assert "[services.thing]" in out
    assert not (tmp_path / "bootstrap" / "cache" / "config.json").exists()


def test_showcase_artisan_about_runs_on_embedded_defaults(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("APP_", "DB_"))}
    result = subprocess.run(
        [sys.executable, "artisan.py", "about", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["drivers"]["database"] == "sqlite"


def test_artisan_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys, runpy; sys.argv=['artisan.py','--help'];"
        "\ntry:\n    runpy.run_path('artisan.py', run_name='__main__')"
        "\nexcept SystemExit:\n    pass"
        "\nheavy={'sqlalchemy','celery','jinja2','flask','werkzeug'}"
        "\nprint(sorted(m for m in sys.modules if m.split('.')[0] in heavy), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Protevus Framework" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_config_cache_from_an_app_booted_from_the_cache_keeps_env_values(
    make_app: t.Any, tmp_path: Path, capsys: t.Any
) -> None:
    app = make_app(env="APP_NAME=Shop\nAPP_KEY=base64:c2VjcmV0\n")
    assert run(app, "config:cache", capsys=capsys)[0] == 0
    os.environ.pop("APP_NAME", None)
    os.environ.pop("APP_KEY", None)
    cached = Application.configure(tmp_path).create()
    assert cached.config_is_cached
    assert run(cached, "config:cache", capsys=capsys)[0] == 0
    os.environ.pop("APP_NAME", None)
    os.environ.pop("APP_KEY", None)
    again = Application.configure(tmp_path).create()
    assert again.make("config").get("app.name") == "Shop"
    assert again.make("config").get("app.key") == "base64:c2VjcmV0"
