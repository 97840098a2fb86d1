"""Tests for one log channel, the line formatter and placeholder replacement."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import typing as t
import zoneinfo

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.log.exceptions import InvalidLogLevelError
from protevus.log.line_formatter import LineFormatter
from protevus.log.line_formatter import PsrLogMessageProcessor
from protevus.log.logger import LEVELS
from protevus.log.logger import Logger
from protevus.log.logger import parse_level

# 2026-11-28 17:48:50 UTC
STAMP = dt.datetime(2026, 11, 28, 17, 48, 50, tzinfo=dt.UTC).timestamp()


class ListHandler(logging.Handler):
    """Keep formatted lines in memory."""

    def __init__(self, formatter: logging.Formatter | None = None) -> None:
        super().__init__()
        self.setFormatter(formatter or LineFormatter())
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.created = STAMP
        self.lines.append(self.format(record))


def make_logger(
    name: str = "local", placeholders: bool = False
) -> tuple[Logger, ListHandler]:
    std = logging.Logger(f"tests.{name}")
    std.propagate = False
    handler = ListHandler()
    std.addHandler(handler)
    if placeholders:
        std.addFilter(PsrLogMessageProcessor())
    return Logger(std, name), handler


def test_psr_levels_are_registered_with_logging() -> None:
    assert logging.getLevelName(25) == "NOTICE"
    assert logging.getLevelName(60) == "ALERT"
    assert logging.getLevelName(70) == "EMERGENCY"
    assert list(LEVELS.values()) == sorted(LEVELS.values())


@pytest.mark.parametrize(
    ("level", "number"),
    [
        ("debug", 10),
        ("INFO", 20),
        (" notice ", 25),
        ("warning", 30),
        ("emergency", 70),
        (42, 42),
    ],
)
def test_parse_level_accepts_names_and_numbers(level: str | int, number: int) -> None:
    assert parse_level(level) == number


@pytest.mark.parametrize("level", ["verbose", "", True, None])
def test_parse_level_rejects_unknown_levels(level: object) -> None:
    with pytest.raises(InvalidLogLevelError, match=r"Log level \[.*\] is not valid"):
        parse_level(level)  # type: ignore[arg-type]


def test_invalid_level_error_is_an_invalid_argument_error() -> None:
    with pytest.raises(InvalidArgumentError):
        parse_level("loud")
    with pytest.raises(ValueError):
        parse_level("loud")


@pytest.mark.parametrize("level", list(LEVELS))
def test_each_psr_method_writes_its_level(level: str) -> None:
    logger, handler = make_logger()
    getattr(logger, level)("Hello")
    assert handler.lines == [f"[2026-11-28 17:48:50] local.{level.upper()}: Hello  "]


def test_log_and_write_take_a_level_name() -> None:
    logger, handler = make_logger()
    logger.log("notice", "one")
    logger.write("alert", "two", {"a": 1})
    assert handler.lines == [
        "[2026-11-28 17:48:50] local.NOTICE: one  ",
        '[2026-11-28 17:48:50] local.ALERT: two {"a":1} ',
    ]


def test_log_with_unknown_level_raises() -> None:
    logger, _ = make_logger()
    with pytest.raises(InvalidLogLevelError, match=r"\[shout\]"):
        logger.log("shout", "Hello")


def test_context_must_be_a_dict() -> None:
    logger, _ = make_logger()
    with pytest.raises(TypeError, match=r"Log context must be a dict, \[list\] given"):
        logger.info("Hello", ["not", "a", "dict"])  # type: ignore[arg-type]


def test_with_context_is_merged_and_call_context_wins() -> None:
    logger, handler = make_logger()
    assert logger.with_context({"request": "abc", "user": 1}) is logger
    logger.info("Hello", {"user": 2})
    assert handler.lines[-1].endswith('Hello {"request":"abc","user":2} ')
    assert logger.get_context() == {"request": "abc", "user": 1}


def test_without_context_forgets_some_or_all_keys() -> None:
    logger, handler = make_logger()
    logger.with_context({"a": 1, "b": 2, "c": 3})
    logger.without_context(["a", "missing"])
    logger.info("x")
    assert handler.lines[-1].endswith('x {"b":2,"c":3} ')
    logger.without_context()
    logger.info("y")
    assert handler.lines[-1].endswith("y  ")


def test_camel_case_aliases() -> None:
    logger, handler = make_logger()
    logger.withContext({"a": 1}).withoutContext(["a"])
    assert logger.getContext() == {}
    assert logger.getName() == "local"
    assert logger.getHandlers() == [handler]


def test_messages_that_are_not_strings_are_formatted() -> None:
    class Jsonable:
        def to_json(self) -> str:
            return '{"id":7}'

    logger, handler = make_logger()
    logger.info({"b": 1, "a": [1, 2]})
    logger.info(Jsonable())
    logger.info(42)
    assert handler.lines[0].endswith("local.INFO: {'a': [1, 2], 'b': 1}  ")
    assert handler.lines[1].endswith('local.INFO: {"id":7}  ')
    assert handler.lines[2].endswith("local.INFO: 42  ")


def test_percent_signs_in_messages_are_kept() -> None:
    logger, handler = make_logger()
    logger.info("100% done %s")
    assert handler.lines[-1].endswith("100% done %s  ")


def test_placeholders_are_replaced_from_context() -> None:
    logger, handler = make_logger(placeholders=True)
    logger.info("User {id} logged in", {"id": 3})
    assert handler.lines == [
        '[2026-11-28 17:48:50] local.INFO: User 3 logged in {"id":3} '
    ]


def test_placeholders_stay_without_the_processor() -> None:
    logger, handler = make_logger()
    logger.info("User {id} logged in", {"id": 3})
    assert "User {id} logged in" in handler.lines[0]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (1.5, "1.5"),
        ("x", "x"),
        ([1, "a"], 'array[1,"a"]'),
        ({"k": "é/"}, 'array{"k":"é/"}'),
        (dt.date(2026, 1, 2), "2026-01-02"),
        (ValueError("bad"), "bad"),
        (object(), "[object object]"),
    ],
)
def test_placeholder_values(value: object, text: str) -> None:
    logger, handler = make_logger(placeholders=True)
    logger.info("v={v}", {"v": value})
    assert handler.lines[0].split(": ", 1)[1].startswith(f"v={text} ")


def test_unknown_placeholders_are_left_alone() -> None:
    logger, handler = make_logger(placeholders=True)
    logger.info("Hi {name} {missing} {}", {"name": "Ann"})
    assert "Hi Ann {missing} {}" in handler.lines[0]


def record(msg: str = "Hello", **attrs: object) -> logging.LogRecord:
    rec = logging.LogRecord("app.logger", logging.INFO, __file__, 1, msg, None, None)
    rec.created = STAMP
    for key, value in attrs.items():
        setattr(rec, key, value)
    return rec


def test_formatter_uses_the_timezone() -> None:
    formatter = LineFormatter(timezone=zoneinfo.ZoneInfo("Asia/Tokyo"))
    assert formatter.format(record(channel="production")) == (
        "[2026-11-29 02:48:50] production.INFO: Hello  "
    )


def test_formatter_falls_back_to_the_logger_name_for_plain_records() -> None:
    assert (
        LineFormatter().format(record())
        == "[2026-11-28 17:48:50] app.logger.INFO: Hello  "
    )


def test_formatter_renders_extra_and_custom_formats() -> None:
    rec = record(channel="local", context={"user": 5, "ip": "::1"}, extra={"id": "r1"})
    assert (
        LineFormatter().format(rec).endswith('Hello {"user":5,"ip":"::1"} {"id":"r1"}')
    )
    custom = LineFormatter(
        format="%level_name% %context.user% %message% %context% %nope%"
    )
    assert custom.format(rec) == 'INFO 5 Hello {"ip":"::1"} %nope%'


def test_formatter_can_show_empty_context_like_monolog_defaults() -> None:
    formatter = LineFormatter(ignore_empty_context_and_extra=False)
    assert formatter.format(record(channel="local")).endswith("Hello {} {}")


@dataclasses.dataclass
class Point:
    x: int
    y: int


class Plain:
    def __init__(self) -> None:
        self.name = "n"
        self._secret = "s"


def test_context_values_are_normalized_to_json() -> None:
    context = {
        "path": "/var/www",
        "text": "héllo",
        "float": 1.0,
        "inf": float("inf"),
        "nan": float("nan"),
        "none": None,
        "when": dt.datetime(2026, 1, 2, 3, 4, 5),
        "tuple": (1, 2),
        "point": Point(1, 2),
        "plain": Plain(),
        "bytes": b"raw",
    }
    line = LineFormatter().format(record(channel="local", context=context))
    assert line.endswith(
        '{"path":"/var/www","text":"héllo","float":1.0,"inf":"INF","nan":"NaN",'
        '"none":null,"when":"2026-01-02 03:04:05","tuple":[1,2],'
        f'"point":{{"{__name__}.Point":{{"x":1,"y":2}}}},'
        f'"plain":{{"{__name__}.Plain":{{"name":"n"}}}},"bytes":"raw"}} '
    )


def test_deep_and_large_context_is_truncated() -> None:
    deep: dict[str, object] = {}
    node = deep
    for _ in range(12):
        node["d"] = {}
        node = node["d"]  # type: ignore[assignment]
    line = LineFormatter().format(
        record(context={"deep": deep, "big": list(range(1005))})
    )
    assert "Over 9 levels deep, aborting normalization" in line
    assert "Over 1000 items (1005 total), aborting normalization" in line


def raise_value_error() -> None:
    raise ValueError("boom")


def test_exceptions_render_class_message_location_and_traceback() -> None:
    try:
        raise_value_error()
    except ValueError as exc:
        error = exc
    line = LineFormatter().format(
        record("Failed", channel="local", context={"exception": error})
    )
    head, *rest = line.split("\n")
    assert head.startswith(
        "[2026-11-28 17:48:50] local.INFO: Failed "
        '{"exception":"[object] (ValueError(code: 0): '
        f"boom at {__file__}:"
    )
    assert rest[0] == "[stacktrace]"
    assert "in raise_value_error" in line
    assert line.endswith('\n"} ')


def test_chained_exceptions_are_rendered_as_previous() -> None:
    try:
        try:
            raise KeyError("inner")
        except KeyError as inner:
            raise RuntimeError("outer") from inner
    except RuntimeError as exc:
        error = exc
    line = LineFormatter().format(record(context={"exception": error}))
    assert "(RuntimeError(code: 0): outer at" in line
    assert "[previous exception] [object] (KeyError(code: 0): 'inner' at" in line


def test_unraised_exception_has_no_location() -> None:
    line = LineFormatter().format(record(context={"e": OSError(13, "denied")}))
    assert line.endswith(
        '{"e":"[object] (PermissionError(code: 13): [Errno 13] denied)"} '
    )


def test_stacktraces_can_be_left_out() -> None:
    try:
        raise_value_error()
    except ValueError as exc:
        error = exc
    formatter = LineFormatter(include_stacktraces=False)
    line = formatter.format(record(context={"exception": error}))
    assert "[stacktrace]" not in line
    assert "\n" not in line


def test_stdlib_exc_info_becomes_the_exception_context() -> None:
    logger = logging.Logger("tests.exc_info")
    logger.propagate = False
    handler = ListHandler()
    logger.addHandler(handler)
    try:
        raise_value_error()
    except ValueError:
        logger.exception("Oops")
    assert (
        '.ERROR: Oops {"exception":"[object] (ValueError(code: 0): boom at'
        in (handler.lines[0])
    )


def test_with_context_does_not_leak_between_threads(tmp_path: t.Any) -> None:
    import logging as _logging
    import threading

    from protevus.log.logger import Logger

    seen: dict[int, dict[str, t.Any]] = {}
    channel = Logger(_logging.getLogger(f"protevus.test.threads.{id(tmp_path)}"))
    barrier = threading.Barrier(3)

    def request(user: int) -> None:
        channel.with_context({"user": user})
        barrier.wait()
        seen[user] = channel.get_context()

    threads = [threading.Thread(target=request, args=(n,)) for n in (1, 2, 3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert seen == {1: {"user": 1}, 2: {"user": 2}, 3: {"user": 3}}
