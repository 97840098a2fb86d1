"""Tests for protevus.config.loader.ConfigLoader and the framework defaults."""

from __future__ import annotations

import json
import sys
import typing as t
from pathlib import Path

import pytest

from protevus.config.env import Env
from protevus.config.env import load_environment
from protevus.config.exceptions import ConfigError
from protevus.config.exceptions import ConfigNotSerializableError
from protevus.config.loader import DEFAULT_NAMES
from protevus.config.loader import ConfigLoader

ENV_KEYS = (
    "APP_NAME",
    "APP_ENV",
    "APP_DEBUG",
    "APP_URL",
    "APP_PREVIOUS_KEYS",
    "DB_CONNECTION",
    "DB_PORT",
    "DB_DATABASE",
    "LOG_STACK",
    "LOG_LEVEL",
    "LOG_DAILY_DAYS",
    "SESSION_COOKIE",
    "CACHE_PREFIX",
    "BCRYPT_ROUNDS",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> t.Iterator[None]:
    Env.reset()
    for key in ENV_KEYS:
        monkeypatch.delenv(key, raising=False)
    yield
    Env.reset()


def make_app(root: Path, **files: str) -> ConfigLoader:
    """Create ``root/config/<name>.py`` for each file; return the app's loader."""
    config_dir = root / "config"
    config_dir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = config_dir / f"{name.replace('__', '/')}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return ConfigLoader(config_dir, root / "bootstrap" / "cache" / "config.json")


# -- defaults -------------------------------------------------------------------


def test_missing_config_dir_runs_on_the_defaults(tmp_path: Path) -> None:
    loader = ConfigLoader(tmp_path / "config", tmp_path / "cache.json")
    items = loader.load()
    assert set(items) == set(DEFAULT_NAMES)
    assert items["app"]["name"] == "Protevus"
    assert items["app"]["env"] == "production"
    assert items["app"]["debug"] is False
    assert items["app"]["url"] == "http://localhost"
    assert items["app"]["timezone"] == "UTC"
    assert items["app"]["cipher"] == "AES-256-CBC"
    assert items["app"]["key"] is None
    assert items["app"]["previous_keys"] == []
    assert items["database"]["default"] == "sqlite"
    assert items["database"]["connections"]["sqlite"]["database"] == (
        "database/database.sqlite"
    )
    assert items["database"]["connections"]["sqlite"]["foreign_key_constraints"]
    assert items["database"]["connections"]["pgsql"]["port"] == 5432
    assert items["cache"]["default"] == "database"
    assert items["session"]["driver"] == "database"
    assert items["session"]["cookie"] == "protevus-session"
    assert items["queue"]["failed"]["driver"] == "database-uuids"
    assert items["auth"]["providers"]["users"]["model"] == "app.models.user.User"
    assert items["hashing"]["bcrypt"]["rounds"] == 12
    assert items["view"]["paths"] == ["resources/views"]
    assert items["filesystems"]["disks"]["public"]["url"] == "http://localhost/storage"


def test_empty_config_dir_runs_on_the_defaults(tmp_path: Path) -> None:
    loader = make_app(tmp_path)
    assert loader.config_files() == []
    assert loader.load()["mail"]["default"] == "log"


def test_logging_defaults_have_the_shapes_the_log_manager_expects(
    tmp_path: Path,
) -> None:
    channels = ConfigLoader(tmp_path, tmp_path / "c.json").load()["logging"]["channels"]
    log = "storage/logs/protevus.log"
    assert channels["stack"] == {
        "driver": "stack",
        "channels": ["single"],
        "ignore_exceptions": False,
    }
    assert channels["single"] == {
        "driver": "single",
        "path": log,
        "level": "debug",
        "replace_placeholders": True,
    }
    assert channels["daily"] == {
        "driver": "daily",
        "path": log,
        "level": "debug",
        "days": 14,
        "replace_placeholders": True,
    }
    assert channels["stderr"] == {"driver": "stderr", "level": "debug"}
    assert channels["syslog"]["facility"] == "user"
    assert channels["errorlog"] == {"driver": "errorlog", "level": "debug"}
    assert channels["null"] == {"driver": "null"}
    assert channels["emergency"] == {"path": log}


def test_defaults_read_the_environment_at_load_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader = ConfigLoader(tmp_path / "config", tmp_path / "c.json")
    monkeypatch.setenv("APP_NAME", "My Blog")
    monkeypatch.setenv("APP_DEBUG", "true")
    monkeypatch.setenv("APP_PREVIOUS_KEYS", "old1, old2,,")
    monkeypatch.setenv("DB_CONNECTION", "pgsql")
    monkeypatch.setenv("DB_PORT", "6543")
    monkeypatch.setenv("LOG_STACK", "single,daily")
    monkeypatch.setenv("LOG_DAILY_DAYS", "7")
    monkeypatch.setenv("BCRYPT_ROUNDS", "4")
    items = loader.load()
    assert items["app"]["name"] == "My Blog"
    assert items["app"]["debug"] is True
    assert items["app"]["previous_keys"] == ["old1", "old2"]
    assert items["database"]["default"] == "pgsql"
    assert items["database"]["connections"]["pgsql"]["port"] == 6543
    assert items["session"]["cookie"] == "my-blog-session"
    assert items["cache"]["prefix"] == "my-blog-cache-"
    assert items["database"]["redis"]["options"]["prefix"] == "my_blog_database_"
    assert items["logging"]["channels"]["stack"]["channels"] == ["single", "daily"]
    assert items["logging"]["channels"]["daily"]["days"] == 7
    assert items["hashing"]["bcrypt"]["rounds"] == 4


@pytest.mark.parametrize(("raw", "expected"), [("0", False), ("1", True), ("", False)])
def test_app_debug_uses_php_truthiness(
    raw: str, expected: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_DEBUG", raw)
    assert (
        ConfigLoader(tmp_path, tmp_path / "c.json").load()["app"]["debug"] is expected
    )


def test_non_numeric_integer_setting_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DB_PORT", "five")
    with pytest.raises(ConfigError, match=r"\[DB_PORT\] must be an integer, \[five\]"):
        ConfigLoader(tmp_path, tmp_path / "c.json").load()


def test_env_file_values_reach_the_defaults(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text('APP_NAME="Env App"\nDB_DATABASE=/tmp/x.db\n')
    load_environment(tmp_path)
    items = ConfigLoader(tmp_path / "config", tmp_path / "c.json").load()
    assert items["app"]["name"] == "Env App"
    assert items["database"]["connections"]["sqlite"]["database"] == "/tmp/x.db"


# -- merging application files --------------------------------------------------


def test_app_file_replaces_top_level_keys_and_keeps_the_rest(tmp_path: Path) -> None:
    loader = make_app(tmp_path, app="config = {'name': 'Mine', 'custom': [1, 2]}\n")
    app = loader.load()["app"]
    assert app["name"] == "Mine"
    assert app["custom"] == [1, 2]
    assert app["timezone"] == "UTC"


def test_mergeable_options_merge_one_level_deeper(tmp_path: Path) -> None:
    loader = make_app(
        tmp_path,
        database=(
            "config = {\n"
            "    'connections': {'sqlite': {'driver': 'sqlite', 'database': 'x.db'},\n"
            "                    'reporting': {'driver': 'pgsql'}},\n"
            "    'migrations': {'table': 'my_migrations'},\n"
            "}\n"
        ),
        auth="config = {'guards': {'api': {'driver': 'token'}}}\n",
        logging="config = {'channels': {'custom': {'driver': 'null'}}}\n",
    )
    items = loader.load()
    connections = items["database"]["connections"]
    assert set(connections) >= {"sqlite", "mysql", "mariadb", "pgsql", "reporting"}
    # The entry itself is replaced, not merged deeper.
    assert connections["sqlite"] == {"driver": "sqlite", "database": "x.db"}
    # Non-mergeable options are replaced wholesale.
    assert items["database"]["migrations"] == {"table": "my_migrations"}
    assert set(items["auth"]["guards"]) == {"web", "api"}
    assert "users" in items["auth"]["providers"]
    assert set(items["logging"]["channels"]) >= {"stack", "single", "custom"}


def test_config_without_defaults_is_loaded_as_is(tmp_path: Path) -> None:
    loader = make_app(tmp_path, stripe="config = {'key': 'pk_test'}\n")
    assert loader.load()["stripe"] == {"key": "pk_test"}


def test_nested_folders_and_private_files(tmp_path: Path) -> None:
    loader = make_app(
        tmp_path,
        services__payments="config = {'provider': 'stripe'}\n",
        _helpers="raise RuntimeError('private files are not config')\n",
    )
    items = loader.load()
    assert items["services"]["payments"] == {"provider": "stripe"}
    assert "postmark" in items["services"]


def test_config_files_may_call_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_NAME", "FromEnv")
    loader = make_app(
        tmp_path,
        app=(
            "from protevus.config.env import env\n"
            "config = {'name': env('APP_NAME', 'x') + '!'}\n"
        ),
    )
    assert loader.load()["app"]["name"] == "FromEnv!"


def test_each_load_executes_files_fresh_and_apps_stay_separate(tmp_path: Path) -> None:
    first = make_app(tmp_path / "one", app="config = {'name': 'One'}\n")
    second = make_app(tmp_path / "two", app="config = {'name': 'Two'}\n")
    assert first.load()["app"]["name"] == "One"
    assert second.load()["app"]["name"] == "Two"
    (tmp_path / "one" / "config" / "app.py").write_text("config = {'name': 'Edited'}\n")
    assert first.load()["app"]["name"] == "Edited"
    assert not any("protevus_config_" in name for name in sys.modules)


def test_file_without_config_dict_is_a_clear_error(tmp_path: Path) -> None:
    loader = make_app(tmp_path, app="settings = {'name': 'x'}\n")
    with pytest.raises(ConfigError) as caught:
        loader.load()
    message = str(caught.value)
    assert str(tmp_path / "config" / "app.py") in message
    assert "config = {...}" in message


def test_file_with_non_dict_config_is_a_clear_error(tmp_path: Path) -> None:
    loader = make_app(tmp_path, cache="config = ['file']\n")
    with pytest.raises(ConfigError, match=r"must define \[config\] as a dict, list"):
        loader.load()


# -- the cache ------------------------------------------------------------------


def test_cache_round_trip(tmp_path: Path) -> None:
    loader = make_app(tmp_path, app="config = {'name': 'Cached', 'pair': (1, 2)}\n")
    assert not loader.is_cached()
    items = loader.load()
    loader.write_cache(items)
    assert loader.is_cached()
    cached = loader.load_cached()
    assert cached["app"]["name"] == "Cached"
    assert cached["app"]["pair"] == [1, 2]
    assert cached["database"] == items["database"]
    assert list(loader.cache_file.parent.iterdir()) == [loader.cache_file]
    assert json.loads(loader.cache_file.read_text())["app"]["name"] == "Cached"


def test_load_cached_does_not_execute_config_files_or_read_env(
    tmp_path: Path,
) -> None:
    loader = make_app(tmp_path, app="config = {'name': 'Before'}\n")
    loader.write_cache(loader.load())
    (tmp_path / "config" / "app.py").write_text("raise RuntimeError('executed!')\n")
    (tmp_path / ".env").write_text("APP_NAME=FromEnvFile\n")
    assert loader.load_cached()["app"]["name"] == "Before"
    with pytest.raises(RuntimeError, match="executed!"):
        loader.load()


@pytest.mark.parametrize(
    ("items", "key", "held"),
    [
        ({"app": {"thing": object()}}, "app.thing", "holds a <class 'object'>"),
        (
            {"app": {"list": [1, {"x": {1, 2}}]}},
            "app.list.1.x",
            "holds a <class 'set'>",
        ),
        ({"app": {"ratio": float("nan")}}, "app.ratio", "holds a <class 'float'>"),
        (
            {"app": {"fn": len}},
            "app.fn",
            "holds a <class 'builtin_function_or_method'>",
        ),
        ({"app": {1: "int key"}}, "app", "has the non-string key [1]"),
    ],
)
def test_unserializable_values_raise_and_write_nothing(
    tmp_path: Path, items: dict[str, t.Any], key: str, held: str
) -> None:
    loader = make_app(tmp_path)
    with pytest.raises(ConfigNotSerializableError) as caught:
        loader.write_cache(items)
    assert f"Your configuration files are not serializable: [{key}] {held}" in str(
        caught.value
    )
    assert caught.value.key == key
    assert not loader.cache_file.exists()
    assert not loader.cache_file.parent.exists() or not any(
        loader.cache_file.parent.iterdir()
    )


def test_exact_unserializable_message(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        make_app(tmp_path).write_cache({"app": {"thing": object()}})
    assert str(caught.value).startswith(
        "Your configuration files are not serializable: "
        "[app.thing] holds a <class 'object'>."
    )


def test_failed_write_keeps_the_previous_cache(tmp_path: Path) -> None:
    loader = make_app(tmp_path)
    loader.write_cache({"app": {"name": "Good"}})
    with pytest.raises(ConfigNotSerializableError):
        loader.write_cache({"app": {"name": object()}})
    assert loader.load_cached() == {"app": {"name": "Good"}}


def test_clear_cache(tmp_path: Path) -> None:
    loader = make_app(tmp_path)
    assert loader.clear_cache() is False
    loader.write_cache({"app": {}})
    assert loader.clear_cache() is True
    assert not loader.is_cached()
    assert loader.clear_cache() is False


def test_load_cached_errors(tmp_path: Path) -> None:
    loader = make_app(tmp_path)
    with pytest.raises(ConfigError, match="does not exist"):
        loader.load_cached()
    loader.cache_file.parent.mkdir(parents=True)
    loader.cache_file.write_text("{not json")
    with pytest.raises(ConfigError, match="is not valid JSON. Run config:clear"):
        loader.load_cached()
    loader.cache_file.write_text("[1, 2]")
    with pytest.raises(ConfigError, match="does not hold a dict"):
        loader.load_cached()


def test_camel_case_aliases() -> None:
    assert ConfigLoader.isCached is ConfigLoader.is_cached
    assert ConfigLoader.writeCache is ConfigLoader.write_cache


def test_config_files_can_call_env_without_importing_it(tmp_path: Path) -> None:
    from protevus.config.loader import ConfigLoader

    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "shop.py").write_text(
        "config = {'name': env('SHOP_NAME', 'Shop')}\n"
    )
    loader = ConfigLoader(tmp_path / "config", tmp_path / "cache.json")
    assert loader.load()["shop"]["name"] == "Shop"
