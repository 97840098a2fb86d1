"""Tests for the log manager: drivers, stacks, context and the emergency fallback."""

from __future__ import annotations

import copy
import datetime as dt
import io
import logging
import os
import re
import socket
import tempfile
import textwrap
import typing as t
from pathlib import Path

import pytest

from protevus.log.exceptions import LogStreamError
from protevus.log.log_manager import LogManager
from protevus.log.logger import Logger

LINE = r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] "

LOGGING: dict[str, t.Any] = {
    "default": "stack",
    "deprecations": {"channel": "null", "trace": False},
    "channels": {
        "stack": {
            "driver": "stack",
            "channels": ["single"],
            "ignore_exceptions": False,
        },
        "single": {
            "driver": "single",
            "path": "storage/logs/protevus.log",
            "level": "debug",
            "replace_placeholders": True,
        },
        "daily": {
            "driver": "daily",
            "path": "storage/logs/protevus.log",
            "level": "debug",
            "days": 14,
            "replace_placeholders": True,
        },
        "stderr": {"driver": "stderr", "level": "debug"},
        "syslog": {
            "driver": "syslog",
            "level": "debug",
            "facility": "user",
            "replace_placeholders": True,
        },
        "errorlog": {"driver": "errorlog", "level": "debug"},
        "null": {"driver": "null"},
        "emergency": {"path": "storage/logs/protevus.log"},
    },
}


class Config:
    """A plain-dict config repository with dot-notation get/set."""

    def __init__(self, items: dict[str, t.Any]) -> None:
        self.items = items

    def get(self, key: str, default: t.Any = None) -> t.Any:
        node: t.Any = self.items
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def set(self, key: str, value: t.Any) -> None:
        *parents, last = key.split(".")
        node = self.items
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value


class App:
    """The few application methods the log manager uses."""

    def __init__(self, base: Path, items: dict[str, t.Any], env: str = "local") -> None:
        self.base = base
        self.config = Config(items)
        self.env = env

    def make(self, key: t.Any) -> t.Any:
        if key == "config":
            return self.config
        if isinstance(key, type):
            return key()
        raise KeyError(key)

    def base_path(self, path: str = "") -> str:
        return os.path.join(self.base, path) if path else str(self.base)

    def storage_path(self, path: str = "") -> str:
        return os.path.join(self.base, "storage", path)

    def environment(self) -> str:
        return self.env


Factory = t.Callable[..., LogManager]


@pytest.fixture
def make_manager(tmp_path: Path) -> t.Iterator[Factory]:
    managers: list[LogManager] = []

    def make(
        channels: dict[str, t.Any] | None = None,
        default: str | None = "stack",
        env: str = "local",
        base: Path | None = None,
        **app: t.Any,
    ) -> LogManager:
        logging_config = copy.deepcopy(LOGGING)
        logging_config["channels"].update(channels or {})
        logging_config["default"] = default
        items = {"logging": logging_config, "app": app}
        manager = LogManager(App(base or tmp_path, items, env))
        managers.append(manager)
        return manager

    yield make
    for manager in managers:
        manager.close()


def log_file(base: Path, name: str = "protevus.log") -> str:
    return (base / "storage" / "logs" / name).read_text(encoding="utf-8")


def test_default_stack_writes_laravel_lines_to_the_single_file(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager()
    log.info("User {id} logged in", {"id": 3})
    log.warning("Disk almost full")
    lines = log_file(tmp_path).splitlines()
    assert re.fullmatch(LINE + r'local\.INFO: User 3 logged in \{"id":3\} ', lines[0])
    assert re.fullmatch(LINE + r"local\.WARNING: Disk almost full  ", lines[1])


@pytest.mark.parametrize(
    "level",
    ["emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"],
)
def test_manager_psr_methods_forward_to_the_default_channel(
    make_manager: Factory, tmp_path: Path, level: str
) -> None:
    log = make_manager(default="single")
    getattr(log, level)("Hi")
    log.log(level, "Again")
    assert f"local.{level.upper()}: Hi  \n" in log_file(tmp_path)
    assert f"local.{level.upper()}: Again  \n" in log_file(tmp_path)


def test_single_creates_the_directory_and_resolves_relative_paths(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager({"single": {"driver": "single", "path": "deep/er/app.log"}})
    log.channel("single").info("Hello")
    assert "local.INFO: Hello" in (tmp_path / "deep" / "er" / "app.log").read_text()


def test_single_without_a_path_uses_the_storage_log(
    make_manager: Factory, tmp_path: Path
) -> None:
    make_manager({"bare": {"driver": "single"}}).channel("bare").info("Hello")
    assert "local.INFO: Hello" in log_file(tmp_path)


def test_channel_level_is_the_minimum_written(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager(
        {
            "single": {
                "driver": "single",
                "level": "warning",
                "path": "storage/logs/protevus.log",
            }
        }
    )
    log.debug("no")
    log.info("no")
    log.notice("no")
    log.warning("yes 1")
    log.emergency("yes 2")
    content = log_file(tmp_path)
    assert "no" not in content
    assert "WARNING: yes 1" in content and "EMERGENCY: yes 2" in content


def test_placeholders_are_kept_when_replace_placeholders_is_off(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager(
        {"single": {"driver": "single", "path": "storage/logs/protevus.log"}}
    )
    log.info("User {id}", {"id": 3})
    assert 'local.INFO: User {id} {"id":3} ' in log_file(tmp_path)


def test_context_is_compact_unescaped_json(
    make_manager: Factory, tmp_path: Path
) -> None:
    make_manager().info(
        "Saved", {"url": "https://x.test/a", "name": "Zoë", "tags": [1, 2]}
    )
    assert 'Saved {"url":"https://x.test/a","name":"Zoë","tags":[1,2]} \n' in log_file(
        tmp_path
    )


def test_exceptions_in_context_are_rendered_with_their_traceback(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager()
    try:
        {}["missing"]
    except KeyError as exc:
        log.error("Lookup failed", {"exception": exc})
    content = log_file(tmp_path)
    assert (
        'local.ERROR: Lookup failed {"exception":"[object] (KeyError(code: 0): '
        f"'missing' at {__file__}:"
    ) in content
    assert "\n[stacktrace]\n" in content
    assert "test_exceptions_in_context_are_rendered_with_their_traceback" in content


def test_unwritable_file_raises_a_clear_error(
    make_manager: Factory, tmp_path: Path
) -> None:
    (tmp_path / "taken").mkdir()
    log = make_manager({"single": {"driver": "single", "path": "taken"}})
    with pytest.raises(LogStreamError, match=r"could not be opened in append mode"):
        log.channel("single").info("Hello")


def test_daily_writes_a_dated_file_in_the_app_timezone(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager(timezone="Asia/Tokyo")
    log.channel("daily").info("Hello")
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=9))).strftime("%Y-%m-%d")
    assert "local.INFO: Hello" in log_file(tmp_path, f"protevus-{today}.log")
    assert not (tmp_path / "storage" / "logs" / "protevus.log").exists()


def test_daily_keeps_only_the_newest_days(
    make_manager: Factory, tmp_path: Path
) -> None:
    logs = tmp_path / "storage" / "logs"
    logs.mkdir(parents=True)
    old = [f"protevus-2020-01-{day:02d}.log" for day in range(1, 11)]
    for name in old:
        (logs / name).write_text("old\n")
    (logs / "other-2020-01-01.log").write_text("keep\n")
    (logs / "protevus.log").write_text("keep\n")
    log = make_manager(
        {"daily": {"driver": "daily", "path": "storage/logs/protevus.log", "days": 3}}
    )
    log.channel("daily").info("Hello")
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    assert sorted(os.listdir(logs)) == sorted(
        [
            f"protevus-{today}.log",
            "protevus-2020-01-10.log",
            "protevus-2020-01-09.log",
            "other-2020-01-01.log",
            "protevus.log",
        ]
    )


def test_daily_with_zero_days_keeps_every_file(
    make_manager: Factory, tmp_path: Path
) -> None:
    logs = tmp_path / "storage" / "logs"
    logs.mkdir(parents=True)
    for day in range(1, 4):
        (logs / f"protevus-2020-01-0{day}.log").write_text("old\n")
    log = make_manager(
        {"daily": {"driver": "daily", "path": "storage/logs/protevus.log", "days": 0}}
    )
    log.channel("daily").info("Hello")
    assert len(os.listdir(logs)) == 4


def test_stack_fans_out_to_every_channel(make_manager: Factory, tmp_path: Path) -> None:
    log = make_manager(
        {
            "stack": {"driver": "stack", "channels": ["single", "second"]},
            "second": {
                "driver": "single",
                "path": "storage/logs/second.log",
                "level": "error",
            },
        }
    )
    log.info("Info")
    log.error("Error")
    assert "local.INFO: Info" in log_file(tmp_path)
    assert "local.ERROR: Error" in log_file(tmp_path)
    second = log_file(tmp_path, "second.log")
    assert "Info" not in second and "local.ERROR: Error" in second


def test_stack_accepts_a_comma_separated_string(
    make_manager: Factory, capsys: t.Any
) -> None:
    log = make_manager({"stack": {"driver": "stack", "channels": "single, stderr"}})
    log.info("Both")
    assert "local.INFO: Both" in capsys.readouterr().err


class FailingHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        raise RuntimeError("handler is down")


@pytest.mark.parametrize("ignore", [True, False])
def test_stack_ignore_exceptions(
    make_manager: Factory, tmp_path: Path, ignore: bool
) -> None:
    log = make_manager(
        {
            "stack": {
                "driver": "stack",
                "channels": ["broken", "single"],
                "ignore_exceptions": ignore,
            },
            "broken": {"driver": "custom", "via": lambda config: FailingHandler()},
        }
    )
    if ignore:
        log.info("Still written")
        assert "Still written" in log_file(tmp_path)
    else:
        with pytest.raises(RuntimeError, match="handler is down"):
            log.info("Lost")


def test_null_channel_discards(
    make_manager: Factory, tmp_path: Path, capsys: t.Any
) -> None:
    log = make_manager(default="null")
    log.emergency("Nothing")
    assert not (tmp_path / "storage").exists()
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("channel", ["stderr", "errorlog"])
def test_stderr_and_errorlog_write_to_stderr(
    make_manager: Factory, capsys: t.Any, channel: str
) -> None:
    make_manager().channel(channel).notice("To stderr", {"a": 1})
    captured = capsys.readouterr()
    assert re.fullmatch(LINE + r'local\.NOTICE: To stderr \{"a":1\} \n', captured.err)
    assert captured.out == ""


def test_stderr_channel_can_write_to_stdout(
    make_manager: Factory, capsys: t.Any
) -> None:
    log = make_manager({"out": {"driver": "stderr", "stream": "stdout"}})
    log.channel("out").info("To stdout")
    assert "local.INFO: To stdout" in capsys.readouterr().out


def test_custom_driver_via_callable_returning_a_handler(make_manager: Factory) -> None:
    stream = io.StringIO()
    received: list[dict[str, t.Any]] = []

    def via(config: dict[str, t.Any]) -> logging.Handler:
        received.append(config)
        return logging.StreamHandler(stream)

    log = make_manager(
        {
            "custom": {
                "driver": "custom",
                "via": via,
                "level": "info",
                "name": "audit",
                "replace_placeholders": True,
            }
        }
    )
    log.channel("custom").debug("hidden")
    log.channel("custom").info("Hi {who}", {"who": "Ann"})
    assert received[0]["name"] == "audit"
    assert re.fullmatch(
        LINE + r'audit\.INFO: Hi Ann \{"who":"Ann"\} \n', stream.getvalue()
    )


def test_custom_driver_via_dotted_path_to_a_class(
    make_manager: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module_dir = tmp_path / "mods"
    module_dir.mkdir()
    (module_dir / "log_factories_for_tests.py").write_text(
        textwrap.dedent("""
        import io
        import logging

        STREAM = io.StringIO()

        class CreateLogger:
            def __call__(self, config):
                logger = logging.Logger("app.custom")
                logger.addHandler(logging.StreamHandler(STREAM))
                return logger

        def add_marker(logger, marker="default"):
            logger.with_context({"marker": marker})
    """)
    )
    monkeypatch.syspath_prepend(str(module_dir))
    log = make_manager(
        {
            "custom": {
                "driver": "custom",
                "via": "log_factories_for_tests.CreateLogger",
                "tap": ["log_factories_for_tests.add_marker:tapped"],
            }
        }
    )
    log.channel("custom").info("From a class")
    import log_factories_for_tests as mod  # type: ignore[import-not-found]

    assert mod.STREAM.getvalue() == "From a class\n"
    assert log.channel("custom").get_context() == {"marker": "tapped"}
    assert log.channel("custom").get_name() == "app.custom"


def test_extend_registers_a_driver_called_with_app_and_config(
    make_manager: Factory,
) -> None:
    stream = io.StringIO()
    calls: list[tuple[t.Any, dict[str, t.Any]]] = []

    def factory(app: t.Any, config: dict[str, t.Any]) -> logging.Handler:
        calls.append((app, config))
        return logging.StreamHandler(stream)

    log = make_manager({"mongo": {"driver": "mongodb", "collection": "logs"}})
    assert log.extend("mongodb", factory) is log
    log.channel("mongo").warning("Stored")
    assert calls[0][0] is log.app and calls[0][1]["collection"] == "logs"
    assert re.fullmatch(LINE + r"local\.WARNING: Stored  \n", stream.getvalue())


def test_monolog_driver_builds_a_handler_class(make_manager: Factory) -> None:
    stream = io.StringIO()
    log = make_manager(
        {
            "handler": {
                "driver": "monolog",
                "handler": "logging.StreamHandler",
                "with": {"stream": stream},
                "level": "error",
            }
        }
    )
    log.channel("handler").info("skip")
    log.channel("handler").error("keep")
    assert re.fullmatch(LINE + r"local\.ERROR: keep  \n", stream.getvalue())


def test_custom_driver_returning_junk_falls_back(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager({"junk": {"driver": "custom", "via": lambda config: 42}})
    log.channel("junk").info("Hello")
    assert "The [custom] log driver returned [int]" in log_file(tmp_path)


def test_build_creates_an_on_demand_channel(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager()
    first = log.build({"driver": "single", "path": str(tmp_path / "one.log")})
    first.info("One")
    second = log.build({"driver": "single", "path": str(tmp_path / "two.log")})
    second.info("Two")
    assert "local.INFO: One" in (tmp_path / "one.log").read_text()
    assert "local.INFO: Two" in (tmp_path / "two.log").read_text()
    assert log.get_channels()["ondemand"] is second


def test_stack_creates_an_on_demand_stack(
    make_manager: Factory, tmp_path: Path, capsys: t.Any
) -> None:
    log = make_manager()
    extra = log.build({"driver": "single", "path": str(tmp_path / "extra.log")})
    log.stack(["single", extra, "stderr"], "ops").critical("Everywhere")
    assert "ops.CRITICAL: Everywhere" in log_file(tmp_path)
    assert "ops.CRITICAL: Everywhere" in (tmp_path / "extra.log").read_text()
    assert "ops.CRITICAL: Everywhere" in capsys.readouterr().err


def test_channels_are_cached_and_can_be_forgotten(make_manager: Factory) -> None:
    log = make_manager()
    single = log.channel("single")
    assert log.channel("single") is single
    assert log.driver("single") is single
    assert log.channel() is log.channel("stack")
    assert set(log.get_channels()) == {"single", "stack"}
    log.forget_channel("single")
    assert "single" not in log.get_channels()
    assert log.channel("single") is not single


def test_default_driver_can_be_read_and_changed(
    make_manager: Factory, capsys: t.Any
) -> None:
    log = make_manager()
    assert log.get_default_driver() == "stack"
    log.set_default_driver("stderr")
    assert log.getDefaultDriver() == "stderr"
    log.info("Now on stderr")
    assert "local.INFO: Now on stderr" in capsys.readouterr().err


def test_with_context_on_the_default_channel(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager()
    assert isinstance(log.with_context({"request_id": "r1"}), Logger)
    log.info("A")
    log.channel("single").info("B")
    content = log_file(tmp_path)
    assert 'A {"request_id":"r1"} ' in content
    assert "B  " in content


def test_share_context_reaches_every_channel(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager()
    log.channel("single")
    assert log.share_context({"host": "web1"}) is log
    log.channel("single").info("Existing")
    log.stack(["single"]).info("Stack")
    log.channel("daily").info("Later")
    assert log.shared_context() == {"host": "web1"}
    assert 'Existing {"host":"web1"} ' in log_file(tmp_path)
    assert 'Stack {"host":"web1"} ' in log_file(tmp_path)
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    assert 'Later {"host":"web1"} ' in log_file(tmp_path, f"protevus-{today}.log")


def test_flush_and_without_context(make_manager: Factory, tmp_path: Path) -> None:
    log = make_manager()
    log.shareContext({"host": "web1", "user": 1})
    log.channel("single")
    assert log.flush_shared_context().shared_context() == {}
    log.channel("stderr")
    assert log.channel("stderr").get_context() == {}
    assert log.channel("single").get_context() == {"host": "web1", "user": 1}
    log.without_context(["user"])
    assert log.channel("single").get_context() == {"host": "web1"}
    log.withoutContext()
    assert log.channel("single").get_context() == {}


def emergency_lines(base: Path) -> list[str]:
    return [line for line in log_file(base).splitlines() if ".EMERGENCY:" in line]


@pytest.mark.parametrize(
    ("channels", "name", "reason"),
    [
        ({}, "nope", "Log [nope] is not defined."),
        (
            {"odd": {"driver": "carrier-pigeon"}},
            "odd",
            "Driver [carrier-pigeon] is not supported",
        ),
        (
            {"loud": {"driver": "single", "level": "verbose"}},
            "loud",
            "Log level [verbose] is not valid",
        ),
        ({}, "emergency", "Driver [None] is not supported"),
    ],
)
def test_unusable_channels_fall_back_to_the_emergency_logger(
    make_manager: Factory,
    tmp_path: Path,
    channels: dict[str, t.Any],
    name: str,
    reason: str,
) -> None:
    log = make_manager(channels)
    fallback = log.channel(name)
    fallback.info("Still logged")
    content = log_file(tmp_path)
    lines = emergency_lines(tmp_path)
    assert len(lines) == 1
    assert re.match(
        LINE
        + r"protevus\.EMERGENCY: Unable to create configured logger\. Using emergency "
        r'logger\. \{"exception":"\[object\] \(protevus\.log\.exceptions\.',
        lines[0],
    )
    assert reason in lines[0]
    assert "protevus.INFO: Still logged  \n" in content
    assert name not in log.get_channels()


def test_emergency_logger_uses_the_emergency_path(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager({"emergency": {"path": "var/emergency.log"}})
    log.channel("missing").info("Saved")
    assert "protevus.INFO: Saved" in (tmp_path / "var" / "emergency.log").read_text()


def test_missing_default_channel(make_manager: Factory, tmp_path: Path) -> None:
    log = make_manager(default=None)
    log.info("Hello")
    assert "No default log channel is set." in emergency_lines(tmp_path)[0]


def test_missing_default_channel_is_null_when_testing(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager(default=None, env="testing")
    log.info("Hello")
    assert not (tmp_path / "storage").exists()


def test_syslog_without_a_socket_falls_back_with_a_clear_message(
    make_manager: Factory, tmp_path: Path
) -> None:
    if os.path.exists("/dev/log") or os.path.exists("/var/run/syslog"):
        pytest.skip("this machine has a syslog socket")
    make_manager().channel("syslog").info("Hello")
    assert (
        "No syslog socket was found at [/dev/log, /var/run/syslog]"
        in (emergency_lines(tmp_path)[0])
    )


def test_syslog_writes_to_the_configured_socket(make_manager: Factory) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "log.sock")
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
            server.bind(path)
            server.settimeout(2)
            log = make_manager(
                {
                    "syslog": {
                        "driver": "syslog",
                        "address": path,
                        "facility": "local0",
                        "level": "info",
                        "replace_placeholders": True,
                    }
                },
                name="My App",
            )
            log.channel("syslog").debug("hidden")
            log.channel("syslog").warning("Disk {disk}", {"disk": "sda"})
            data = server.recv(4096).decode()
            log.close()
    # <132> = facility local0 (16) * 8 + warning (4)
    assert re.fullmatch(
        r"<132>my-app: " + LINE + r'local\.WARNING: Disk sda \{"disk":"sda"\} \x00',
        data,
    )


def test_syslog_rejects_unknown_facilities(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager(
        {"syslog": {"driver": "syslog", "address": "/nowhere", "facility": "x"}}
    )
    log.channel("syslog").info("Hello")
    assert "Syslog facility [x] is not valid." in emergency_lines(tmp_path)[0]


def test_two_managers_are_isolated(make_manager: Factory, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = make_manager(base=tmp_path / "a")
    second = make_manager(base=tmp_path / "b", env="production")
    first.info("From A")
    second.info("From B")
    a, b = log_file(tmp_path / "a"), log_file(tmp_path / "b")
    assert "local.INFO: From A" in a and "From B" not in a
    assert "production.INFO: From B" in b and "From A" not in b
    one, two = (
        first.channel("single").get_logger(),
        second.channel("single").get_logger(),
    )
    assert one.name != two.name
    assert not set(one.handlers) & set(two.handlers)


def test_records_never_reach_the_root_logger(
    make_manager: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        log = make_manager()
        log.error("Private")
    assert caplog.records == []
    assert log.channel("single").get_logger().propagate is False


def test_close_releases_files_and_writes_reopen(
    make_manager: Factory, tmp_path: Path
) -> None:
    log = make_manager()
    log.info("Before")
    log.close()
    log.info("After")
    log.close()
    content = log_file(tmp_path)
    assert "Before" in content and "After" in content


def test_camel_case_aliases(make_manager: Factory) -> None:
    log = make_manager()
    assert log.withContext.__func__ is LogManager.with_context  # type: ignore[attr-defined]
    assert callable(log.forgetChannel) and callable(log.flushSharedContext)
    assert callable(log.getChannels) and callable(log.setDefaultDriver)


def test_a_dropped_manager_closes_its_files(tmp_path: Path) -> None:
    import gc
    import warnings

    items = {"logging": copy.deepcopy(LOGGING)}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        log: LogManager | None = LogManager(App(tmp_path, items))
        assert log is not None
        log.info("Unclosed")
        del log
        gc.collect()
    assert "Unclosed" in log_file(tmp_path)
