"""Tests for protevus.config.env: .env loading and Laravel's env() casts."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import typing as t
import warnings
from pathlib import Path

import pytest

from protevus.config.env import Env
from protevus.config.env import cast
from protevus.config.env import env
from protevus.config.env import load_environment
from protevus.config.exceptions import ConfigError
from protevus.config.exceptions import MissingEnvironmentVariableError

KEYS = (
    "APP_ENV",
    "APP_NAME",
    "PV_A",
    "PV_B",
    "PV_C",
    "PV_D",
    "PV_E",
    "PV_OS",
    "PV_SHARED",
    "PV_ONLY_ONE",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> t.Iterator[None]:
    Env.reset()
    for key in KEYS:
        monkeypatch.delenv(key, raising=False)
    yield
    Env.reset()


def make_app(root: Path, env_text: str | None = None, **files: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    if env_text is not None:
        (root / ".env").write_text(env_text, encoding="utf-8")
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


# -- casts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("(true)", True),
        ("TRUE", True),
        ("(True)", True),
        ("false", False),
        ("(false)", False),
        ("False", False),
        ("(FALSE)", False),
        ("empty", ""),
        ("(empty)", ""),
        ("EMPTY", ""),
        ("null", None),
        ("(null)", None),
        ("NULL", None),
        ('"quoted value"', "quoted value"),
        ("'single quoted'", "single quoted"),
        ('""', ""),
        ('"true"', "true"),
        ("\"mismatched'", "\"mismatched'"),
        ('"', '"'),
        ("plain", "plain"),
        ("", ""),
        ("0", "0"),
        ("1", "1"),
        ("truest", "truest"),
    ],
)
def test_cast_follows_laravel_env(raw: str, expected: t.Any) -> None:
    assert cast(raw) == expected
    assert type(cast(raw)) is type(expected)


def test_env_reads_and_casts_os_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PV_A", "(true)")
    monkeypatch.setenv("PV_B", "Null")
    monkeypatch.setenv("PV_C", '"  padded  "')
    assert env("PV_A") is True
    assert env("PV_B") is None
    assert env("PV_C") == "  padded  "
    assert Env.get("PV_A") is True


def test_env_default_and_callable_default(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def fallback() -> str:
        calls.append(1)
        return "computed"

    assert env("PV_A") is None
    assert env("PV_A", "fallback") == "fallback"
    assert env("PV_A", fallback) == "computed"
    monkeypatch.setenv("PV_A", "set")
    assert env("PV_A", fallback) == "set"
    assert calls == [1]


def test_get_or_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(MissingEnvironmentVariableError) as caught:
        Env.get_or_fail("PV_A")
    assert "Environment variable [PV_A] has no value." in str(caught.value)
    assert isinstance(caught.value, ConfigError)
    monkeypatch.setenv("PV_A", "null")
    assert Env.getOrFail("PV_A") is None
    monkeypatch.setenv("PV_A", "x")
    assert Env.get_or_fail("PV_A") == "x"


# -- loading --------------------------------------------------------------------


def test_load_parses_laravel_style_env_file(tmp_path: Path) -> None:
    app = make_app(
        tmp_path,
        "# a comment\n"
        "\n"
        'APP_NAME="My Blog"\n'
        "export PV_A=exported\n"
        "PV_B=value # inline comment\n"
        "PV_C='single ${APP_NAME} literal'\n"
        "PV_D=true\n"
        "PV_E=\n",
    )
    load_environment(app)
    assert env("APP_NAME") == "My Blog"
    assert env("PV_A") == "exported"
    assert env("PV_B") == "value"
    assert env("PV_C") == "single ${APP_NAME} literal"
    assert env("PV_D") is True
    assert env("PV_E") == ""
    assert Env.loaded()
    assert Env.loaded_files() == [app / ".env"]
    assert set(Env.loaded_keys()) == {
        "APP_NAME",
        "PV_A",
        "PV_B",
        "PV_C",
        "PV_D",
        "PV_E",
    }


def test_interpolation_of_earlier_keys_os_variables_and_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PV_OS", "from-os")
    app = make_app(
        tmp_path,
        "PV_A=base\n"
        'PV_B="${PV_A}/path"\n'
        "PV_C=${PV_OS}-${PV_A}\n"
        "PV_D=${PV_MISSING_KEY:-fallback}\n"
        "PV_E=${PV_MISSING_KEY}end\n",
    )
    load_environment(app)
    assert env("PV_B") == "base/path"
    assert env("PV_C") == "from-os-base"
    assert env("PV_D") == "fallback"
    assert env("PV_E") == "end"


def test_os_variables_win_over_the_file_and_inside_interpolation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_NAME", "FromOS")
    app = make_app(tmp_path, "APP_NAME=FromFile\nPV_A=${APP_NAME}!\n")
    load_environment(app)
    assert env("APP_NAME") == "FromOS"
    assert env("PV_A") == "FromOS!"
    assert "APP_NAME" not in Env.loaded_keys()
    Env.reset()
    assert os.environ["APP_NAME"] == "FromOS"


def test_env_file_overlay_for_app_env_from_the_file(tmp_path: Path) -> None:
    app = make_app(
        tmp_path,
        "APP_ENV=testing\nPV_A=base\nPV_B=base-only\n",
        **{
            ".env.testing": "PV_A=overlay\nPV_C=${PV_B}+${PV_A}\n",
            ".env.local": "PV_A=no",
        },
    )
    load_environment(app)
    assert env("PV_A") == "overlay"
    assert env("PV_B") == "base-only"
    assert env("PV_C") == "base-only+overlay"
    assert Env.loaded_files() == [app / ".env", app / ".env.testing"]


def test_overlay_uses_os_app_env_and_never_overrides_os_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_ENV", "staging")
    monkeypatch.setenv("PV_OS", "os-value")
    app = make_app(
        tmp_path,
        "APP_ENV=local\nPV_A=base\n",
        **{
            ".env.local": "PV_A=local\n",
            ".env.staging": "PV_A=staging\nPV_OS=overlay\n",
        },
    )
    load_environment(app)
    assert env("APP_ENV") == "staging"
    assert env("PV_A") == "staging"
    assert env("PV_OS") == "os-value"


def test_overlay_without_base_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_ENV", "testing")
    app = make_app(tmp_path, None, **{".env.testing": "PV_A=only-overlay\n"})
    load_environment(app)
    assert env("PV_A") == "only-overlay"


def test_custom_file_name(tmp_path: Path) -> None:
    app = make_app(tmp_path, "PV_A=default-file\n", **{"custom.env": "PV_A=custom\n"})
    load_environment(app, "custom.env")
    assert env("PV_A") == "custom"


def test_missing_env_file_loads_nothing(tmp_path: Path) -> None:
    load_environment(tmp_path)
    assert Env.loaded()
    assert Env.loaded_files() == []
    assert Env.loaded_keys() == []
    assert env("PV_A", "default") == "default"


def test_second_load_removes_the_first_apps_values(tmp_path: Path) -> None:
    first = make_app(tmp_path / "one", "PV_ONLY_ONE=1\nPV_SHARED=one\n")
    second = make_app(tmp_path / "two", "PV_SHARED=two\n")
    load_environment(first)
    assert env("PV_ONLY_ONE") == "1"
    load_environment(second)
    assert "PV_ONLY_ONE" not in os.environ
    assert env("PV_SHARED") == "two"
    Env.reset()
    assert "PV_SHARED" not in os.environ
    assert not Env.loaded()
    assert Env.loaded_files() == []


def test_reset_leaves_values_changed_since_loading(tmp_path: Path) -> None:
    load_environment(make_app(tmp_path, "PV_A=file\nPV_B=file\n"))
    os.environ["PV_A"] = "changed by the app"
    Env.reset()
    assert os.environ.pop("PV_A") == "changed by the app"
    assert "PV_B" not in os.environ


def test_loaded_values_reach_child_processes(tmp_path: Path) -> None:
    load_environment(make_app(tmp_path, 'PV_A="child sees me"\n'))
    result = subprocess.run(
        [sys.executable, "-c", "import os; print(os.environ['PV_A'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "child sees me"


def test_malformed_lines_are_skipped_and_logged_without_warnings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(
        tmp_path, 'PV_A=ok\nNOT VALID LINE\nPV_B="unterminated\nPV_C=after\n'
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with caplog.at_level(logging.WARNING, logger="protevus.config.env"):
            load_environment(app)
    assert caught == []
    assert env("PV_A") == "ok"
    assert env("PV_C") == "after"
    assert "PV_B" not in os.environ
    assert Env.skipped_lines() == [(app / ".env", 2), (app / ".env", 3)]
    assert "Skipped line 2 of" in caplog.text
    assert str(app / ".env") in caplog.text


def test_camel_case_aliases() -> None:
    assert Env.getOrFail is Env.get_or_fail
    assert Env.loadedFiles == Env.loaded_files


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes("\ufeffPV_A=bom\n".encode())
    load_environment(tmp_path)
    assert env("PV_A") == "bom"


def test_invalid_utf8_is_a_clear_error_and_loads_nothing(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"PV_A=ok\nPV_B=\xff\xfe\n")
    with pytest.raises(ConfigError) as caught:
        load_environment(tmp_path)
    assert f"[{tmp_path / '.env'}] is not valid UTF-8" in str(caught.value)
    assert "PV_A" not in os.environ
    assert not Env.loaded()
