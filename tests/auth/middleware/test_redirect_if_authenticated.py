"""The ``guest`` middleware: logged-in users are sent away from guest pages."""

from __future__ import annotations

import typing as t

import pytest

LOGIN = {"email": "taylor@example.com", "password": "secret"}


@pytest.fixture(autouse=True)
def _reset() -> t.Iterator[None]:
    from protevus.auth.middleware.redirect_if_authenticated import (
        RedirectIfAuthenticated,
    )

    yield
    RedirectIfAuthenticated.redirect_using(None)


def _logged_in(env: t.Any) -> t.Any:
    env.make_user()
    client = env.client()
    client.post("/login", LOGIN)
    return client


def test_guests_see_the_page(auth_app: t.Any) -> None:
    env = auth_app()
    env.client().get("/register").assert_ok().assert_see("register page")


def test_users_go_to_slash_without_dashboard_or_home(auth_app: t.Any) -> None:
    env = auth_app()
    _logged_in(env).get("/register").assert_redirect("http://localhost/")


@pytest.mark.parametrize(
    ("routes", "target"),
    [
        (
            "Route.get('/panel', lambda: 'x').name('dashboard')",
            "http://localhost/panel",
        ),
        ("Route.get('/start', lambda: 'x').name('home')", "http://localhost/start"),
        ("Route.get('/home', lambda: 'x')", "http://localhost/home"),
        (
            "Route.get('/dashboard', lambda: 'x')\nRoute.get('/home', lambda: 'x')",
            "http://localhost/dashboard",
        ),
    ],
)
def test_users_go_to_the_dashboard_or_home(
    auth_app: t.Any, routes: str, target: str
) -> None:
    env = auth_app(routes + "\n")
    _logged_in(env).get("/register").assert_redirect(target)


def test_redirect_using(auth_app: t.Any) -> None:
    from protevus.auth.middleware.redirect_if_authenticated import (
        RedirectIfAuthenticated,
    )

    env = auth_app()
    client = _logged_in(env)
    RedirectIfAuthenticated.redirect_using("/account")
    client.get("/register").assert_redirect("http://localhost/account")
    RedirectIfAuthenticated.redirect_using(lambda request: "/from" + request.path)
    client.get("/register").assert_redirect("http://localhost/from/register")


def test_guest_with_a_guard_name_checks_that_guard(auth_app: t.Any) -> None:
    env = auth_app(
        "Route.get('/admin-register', lambda: 'ok').middleware('guest:admin')\n"
    )
    env.set_config("auth.guards.admin", {"driver": "session", "provider": "users"})
    client = _logged_in(env)  # on 'web'
    client.get("/admin-register").assert_ok()
