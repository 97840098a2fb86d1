"""CookieServiceProvider: the ``'cookie'`` singleton configured from ``session.*``."""

from __future__ import annotations

import typing as t

from protevus.cookie.cookie_jar import CookieJar
from protevus.http.response import Response
from protevus.support.facades.cookie import Cookie
from protevus.testing import TestClient

SESSION_ENV = """
SESSION_PATH=/shop
SESSION_DOMAIN=.example.com
SESSION_SECURE_COOKIE=true
SESSION_SAME_SITE=strict
"""


def test_the_jar_is_a_singleton_with_session_defaults(cookie_app: t.Any) -> None:
    app = cookie_app(env=SESSION_ENV)
    jar = app.make("cookie")
    assert isinstance(jar, CookieJar) and app.make("cookie") is jar
    cookie = jar.make("theme", "dark")
    assert (cookie.path, cookie.domain, cookie.secure, cookie.same_site) == (
        "/shop",
        ".example.com",
        True,
        "strict",
    )


def test_default_session_settings(cookie_app: t.Any) -> None:
    cookie = cookie_app().make("cookie").make("theme", "dark")
    assert (cookie.path, cookie.domain, cookie.secure, cookie.same_site) == (
        "/",
        None,
        None,
        "lax",
    )


def test_the_facade_and_helper_reach_the_jar(cookie_app: t.Any) -> None:
    from protevus.foundation.helpers import cookie

    app = cookie_app(env=SESSION_ENV)
    assert cookie() is app.make("cookie")
    assert cookie("a", "1", minutes=5).path == "/shop"
    assert Cookie.forever("b", "2").domain == ".example.com"


def test_response_cookie_uses_the_jar_defaults(cookie_app: t.Any) -> None:
    app = cookie_app(env=SESSION_ENV)
    app.make("router").get(
        "/", lambda: Response("ok").cookie("theme", "dark").without_cookie("old")
    )
    response = TestClient(app).get("/")
    theme = response.cookie("theme")
    assert theme is not None
    assert (theme.path, theme.domain, theme.secure, theme.same_site) == (
        "/shop",
        "example.com",
        True,
        "Strict",
    )
    old = response.cookie("old")
    assert old is not None and old.path == "/shop" and old.is_expired()
