"""Global helpers: tap, blank/filled, retry, e, optional, throw_if, rescue..."""

from __future__ import annotations

import enum
import types
import typing as t

import pytest

from protevus.support import helpers
from protevus.support.helpers import HigherOrderTapProxy
from protevus.support.helpers import blank
from protevus.support.helpers import class_basename
from protevus.support.helpers import e
from protevus.support.helpers import filled
from protevus.support.helpers import head
from protevus.support.helpers import last
from protevus.support.helpers import object_get
from protevus.support.helpers import optional
from protevus.support.helpers import rescue
from protevus.support.helpers import retry
from protevus.support.helpers import set_exception_reporter
from protevus.support.helpers import tap
from protevus.support.helpers import throw_if
from protevus.support.helpers import throw_unless
from protevus.support.helpers import transform
from protevus.support.helpers import value
from protevus.support.helpers import with_


class Empty:
    def is_empty(self) -> bool:
        return True


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def increment(self, by: int = 1) -> int:
        self.count += by
        return self.count


def test_value() -> None:
    assert value(5) == 5
    assert value(lambda: 5) == 5
    assert value(lambda a: a * 2, 4) == 8
    assert value(Counter) is Counter


def test_tap_with_callback_returns_value() -> None:
    items: list[int] = []
    assert tap(items, lambda v: v.append(1)) is items
    assert items == [1]


def test_tap_without_callback_forwards_one_call() -> None:
    counter = Counter()
    proxy = tap(counter)
    assert isinstance(proxy, HigherOrderTapProxy)
    assert proxy.increment(5) is counter
    assert counter.count == 5


@pytest.mark.parametrize(
    "val",
    [None, "", "   ", "\n\t", [], {}, (), set(), Empty()],
)
def test_blank_values(val: t.Any) -> None:
    assert blank(val) is True
    assert filled(val) is False


@pytest.mark.parametrize(
    "val", [0, 0.0, False, True, "0", "a", [0], {"a": 1}, object()]
)
def test_filled_values(val: t.Any) -> None:
    assert blank(val) is False
    assert filled(val) is True


def test_retry_returns_after_failures() -> None:
    attempts: list[int] = []

    def flaky(attempt: int) -> str:
        attempts.append(attempt)
        if attempt < 3:
            raise ValueError("not yet")
        return "ok"

    assert retry(3, flaky) == "ok"
    assert attempts == [1, 2, 3]


def test_retry_reraises_last_error() -> None:
    def fail(attempt: int) -> None:
        raise ValueError(f"attempt {attempt}")

    with pytest.raises(ValueError, match="attempt 2"):
        retry(2, fail)


def test_retry_with_backoff_list_and_when() -> None:
    calls: list[int] = []

    def fail(attempt: int) -> None:
        calls.append(attempt)
        raise KeyError(attempt)

    with pytest.raises(KeyError):
        retry([0, 0], fail)
    assert calls == [1, 2, 3]
    calls.clear()
    with pytest.raises(KeyError):
        retry(5, fail, 0, when=lambda error: False)
    assert calls == [1]


def test_retry_sleep_callable_receives_attempt_and_error() -> None:
    seen: list[tuple[int, str]] = []

    def sleeper(attempt: int, error: BaseException) -> int:
        seen.append((attempt, type(error).__name__))
        return 0

    def fail(attempt: int) -> None:
        raise RuntimeError

    with pytest.raises(RuntimeError):
        retry(3, fail, sleeper)
    assert seen == [(1, "RuntimeError"), (2, "RuntimeError")]


class Safe:
    def __html__(self) -> str:
        return "<b>safe</b>"


class Color(enum.Enum):
    RED = "<red>"


@pytest.mark.parametrize(
    ("val", "expected"),
    [
        (
            "<a href=\"x\">Tom & 'Jerry'</a>",
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#039;Jerry&#039;&lt;/a&gt;",
        ),
        (None, ""),
        (5, "5"),
        (Safe(), "<b>safe</b>"),
        (Color.RED, "&lt;red&gt;"),
        ("&amp;", "&amp;amp;"),
    ],
)
def test_e(val: t.Any, expected: str) -> None:
    assert e(val) == expected


def test_e_without_double_encoding() -> None:
    assert (
        e("&amp; & &#039; &copy;", double_encode=False) == "&amp; &amp; &#039; &copy;"
    )


def test_with() -> None:
    assert with_(5) == 5
    assert with_(5, lambda v: v + 1) == 6


def test_head_and_last() -> None:
    assert head([1, 2, 3]) == 1
    assert last([1, 2, 3]) == 3
    assert head({"a": 1, "b": 2}) == 1
    assert last({"a": 1, "b": 2}) == 2
    assert head([]) is None
    assert last([]) is None


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("App\\Models\\User", "User"),
        ("app.models.User", "User"),
        (Counter, "Counter"),
        (Counter(), "Counter"),
        ("Plain", "Plain"),
    ],
)
def test_class_basename(target: t.Any, expected: str) -> None:
    assert class_basename(target) == expected


def test_optional() -> None:
    user = types.SimpleNamespace(address=types.SimpleNamespace(street="Main"))
    assert optional(user).address.street == "Main"
    assert optional(None).address is None
    assert optional(None)["key"] is None
    assert optional({"a": 1})["a"] == 1
    assert optional({"a": 1}).a == 1
    assert optional({"a": 1})["b"] is None
    assert optional(None, lambda u: u.name) is None
    assert optional(user, lambda u: u.address.street) == "Main"
    assert not optional(None)


def test_throw_if_and_unless() -> None:
    assert throw_if(False, ValueError, "nope") is False
    with pytest.raises(ValueError, match="bad input"):
        throw_if(True, ValueError, "bad input")
    with pytest.raises(KeyError):
        throw_if(1, KeyError("k"))
    with pytest.raises(RuntimeError, match="as message"):
        throw_if(True, "as message")
    assert throw_unless("yes", ValueError) == "yes"
    with pytest.raises(PermissionError, match="denied"):
        throw_unless(None, PermissionError, "denied")
    with pytest.raises(TypeError, match=r"\[42\]"):
        throw_if(True, 42)


def test_rescue_returns_default_and_reports() -> None:
    reported: list[BaseException] = []

    def boom() -> int:
        raise ValueError("boom")

    assert rescue(boom) is None
    set_exception_reporter(reported.append)
    try:
        assert rescue(boom, 5) == 5
        assert rescue(boom, lambda error: str(error)) == "boom"
        assert rescue(boom, 0, report=False) == 0
        assert rescue(boom, 0, report=lambda error: False) == 0
        assert rescue(lambda: 7, 0) == 7
    finally:
        set_exception_reporter(None)
    assert [str(x) for x in reported] == ["boom", "boom"]
    assert helpers._exception_reporter is None


def test_transform() -> None:
    assert transform(5, lambda v: v * 2) == 10
    assert transform(None, lambda v: v * 2) is None
    assert transform("", lambda v: v, "default") == "default"
    assert transform("  ", lambda v: v, lambda v: f"[{v}]") == "[  ]"


def test_object_get() -> None:
    obj = types.SimpleNamespace(a=types.SimpleNamespace(b=1))
    assert object_get(obj, "a.b") == 1
    assert object_get(obj, "a.c", "d") == "d"
    assert object_get(obj, None) is obj
    assert object_get(obj, "") is obj
