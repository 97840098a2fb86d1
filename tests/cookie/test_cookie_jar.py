"""CookieJar: making cookies with defaults and the per-request queue."""

from __future__ import annotations

import threading
import typing as t

import flask
import pytest

from protevus.cookie.cookie_jar import FOREVER_MINUTES
from protevus.cookie.cookie_jar import CookieJar
from protevus.http.response import Cookie


@pytest.fixture
def jar() -> CookieJar:
    return CookieJar().set_default_path_and_domain(
        "/app", "example.com", True, "strict"
    )


def test_make_uses_the_defaults(jar: CookieJar) -> None:
    cookie = jar.make("theme", "dark", 60)
    assert cookie == Cookie(
        "theme", "dark", 60, "/app", "example.com", True, True, "strict", False
    )


def test_make_arguments_win_over_the_defaults(jar: CookieJar) -> None:
    cookie = jar.make("theme", "dark", 5, "/", "other.test", False, False, True, "none")
    assert (cookie.path, cookie.domain, cookie.secure) == ("/", "other.test", False)
    assert (cookie.http_only, cookie.raw, cookie.same_site) == (False, True, "none")


def test_plain_jar_defaults() -> None:
    cookie = CookieJar().make("a", 1)
    assert (cookie.value, cookie.path, cookie.domain, cookie.secure) == (
        "1",
        "/",
        None,
        None,
    )
    assert cookie.same_site == "lax" and cookie.minutes == 0


def test_forever_and_forget(jar: CookieJar) -> None:
    assert jar.forever("remember", "yes").minutes == FOREVER_MINUTES
    gone = jar.forget("remember")
    assert gone.value == "" and gone.minutes < 0 and gone.path == "/app"


@pytest.mark.parametrize("name", ["", None, 3])
def test_make_rejects_bad_names(jar: CookieJar, name: t.Any) -> None:
    with pytest.raises(ValueError, match="Cookie names must be non-empty strings"):
        jar.make(name, "v")


def test_queue_by_arguments_and_by_cookie(jar: CookieJar) -> None:
    jar.queue("theme", "dark", 60)
    jar.queue(Cookie("lang", "en", path="/"))
    assert jar.has_queued("theme") and jar.has_queued("lang")
    assert jar.queued("theme").value == "dark"
    assert [c.name for c in jar.get_queued_cookies()] == ["theme", "lang"]
    jar.flush_queued_cookies()
    assert jar.get_queued_cookies() == []


def test_queue_keeps_one_cookie_per_name_and_path(jar: CookieJar) -> None:
    jar.queue("theme", "dark")
    jar.queue("theme", "light")
    jar.queue("theme", "blue", path="/admin")
    assert jar.queued("theme").value == "blue"  # the last queued
    assert jar.queued("theme", path="/app").value == "light"
    assert jar.queued("theme", "none", path="/other") == "none"
    assert jar.queued("missing", "default") == "default"
    assert len(jar.get_queued_cookies()) == 2


def test_unqueue(jar: CookieJar) -> None:
    jar.queue("theme", "dark")
    jar.queue("theme", "blue", path="/admin")
    jar.unqueue("theme", "/admin")
    assert not jar.has_queued("theme", "/admin") and jar.has_queued("theme")
    jar.unqueue("theme", "/app")
    assert not jar.has_queued("theme")
    jar.queue("theme", "dark")
    jar.unqueue("theme")
    jar.unqueue("never-queued")
    jar.unqueue("never-queued", "/")
    assert jar.get_queued_cookies() == []


def test_expire_queues_a_deletion(jar: CookieJar) -> None:
    jar.expire("theme")
    cookie = jar.queued("theme")
    assert cookie.value == "" and cookie.minutes < 0


def test_queue_rejects_a_cookie_with_extra_arguments(jar: CookieJar) -> None:
    with pytest.raises(TypeError, match=r"Cookie \[a\] and more arguments"):
        jar.queue(Cookie("a", "1"), "2")


def test_the_queue_belongs_to_the_thread(jar: CookieJar) -> None:
    jar.queue("main", "1")
    seen: list[list[str]] = []

    def other() -> None:
        seen.append([c.name for c in jar.get_queued_cookies()])
        jar.queue("thread", "2")

    worker = threading.Thread(target=other)
    worker.start()
    worker.join()
    assert seen == [[]]
    assert [c.name for c in jar.get_queued_cookies()] == ["main"]


def test_each_request_starts_with_an_empty_queue(jar: CookieJar) -> None:
    web = flask.Flask("jar")
    with web.test_request_context("/one"):
        jar.queue("first", "1")
        assert jar.has_queued("first")
    with web.test_request_context("/two"):
        # Same thread, next request: the previous request's queue is gone.
        assert not jar.has_queued("first")
        assert jar.get_queued_cookies() == []


def test_camel_case_names(jar: CookieJar) -> None:
    jar.queue("a", "1")
    assert jar.hasQueued("a")
    assert [c.name for c in jar.getQueuedCookies()] == ["a"]
