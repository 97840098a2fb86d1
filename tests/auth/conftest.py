"""Build a web application with a real sqlite ``users`` table and the auth services.

``auth_app()`` writes ``routes/web.py`` (``ROUTES`` below or ``routes``, plus
``extra_routes``),
creates the ``users`` table, registers the AuthServiceProvider and points the
``users`` provider at a fresh ``User`` model class. ``make_user(...)`` saves a user
whose password is ``secret``. Sessions use the ``array`` driver (kept in memory per
application), so requests of one TestClient share a session through its cookie.
"""

from __future__ import annotations

import dataclasses
import textwrap
import typing as t
from pathlib import Path

import pytest

KEY = "base64:" + "A" * 43 + "="

ROUTES = """
from protevus.facades import Auth, Route
from protevus.helpers import redirect
from protevus.http import Request


def login(request: Request):
    remember = bool(request.input('remember'))
    if not Auth.attempt(request.only('email', 'password'), remember):
        return {'ok': False}
    return {'ok': True, 'id': Auth.id(), 'session': request.session().get_id()}


def me(request: Request):
    user = request.user()
    return {
        'id': user.id if user is not None else None,
        'via_remember': Auth.via_remember(),
        'session': request.session().get_id(),
    }


def logout(request: Request):
    Auth.logout()
    request.session().invalidate()
    request.session().regenerate_token()
    return {'ok': True}


def other_devices(request: Request):
    Auth.logout_other_devices(request.input('password'))
    return {'ok': True}


def confirm(request: Request):
    request.session().password_confirmed()
    return {'ok': True}


Route.post('/login', login)
Route.get('/me', me)
Route.post('/logout', logout)
Route.post('/other-devices', other_devices).middleware('auth')
Route.post('/confirm', confirm)
Route.get('/private', lambda: 'private page').middleware('auth')
# the 'auth.session' alias points at protevus.session.middleware (not there yet)
Route.get('/private-session', lambda: 'still here').middleware(
    ['auth', 'protevus.auth.middleware.authenticate_session.AuthenticateSession']
)
Route.get('/login', lambda: 'login page').name('login')
Route.get('/register', lambda: 'register page').middleware('guest')
Route.get('/basic', lambda request: {'id': request.user().id}).middleware('auth.basic')
Route.get('/settings', lambda: 'settings').middleware('password.confirm')
Route.get('/confirm-password', lambda: 'confirm page').name('password.confirm')
"""


@dataclasses.dataclass
class AuthApp:
    app: t.Any
    user_model: type
    root: Path

    def client(self) -> t.Any:
        from protevus.testing.client import TestClient

        return TestClient(self.app)

    def make_user(
        self,
        email: str = "taylor@example.com",
        password: str = "secret",
        **extra: t.Any,
    ) -> t.Any:
        user = self.user_model()
        user.force_fill(
            {"name": "Taylor", "email": email, "password": password, **extra}
        )
        user.save()
        return user

    def set_config(self, key: str, value: t.Any) -> None:
        self.app.make("config").set(key, value)


class AuthAppFactory(t.Protocol):
    def __call__(
        self, extra_routes: str = ..., env: str = ..., routes: str | None = ...
    ) -> AuthApp: ...


@pytest.fixture
def auth_app(tmp_path: Path) -> t.Iterator[AuthAppFactory]:
    """Build web applications with users, sessions and the auth services."""
    from protevus.auth.auth_service_provider import AuthServiceProvider
    from protevus.auth.user import User
    from protevus.database.eloquent.model import Model
    from protevus.foundation import Application

    created: list[t.Any] = []

    def factory(
        extra_routes: str = "", env: str = "", routes: str | None = None
    ) -> AuthApp:
        (tmp_path / ".env").write_text(
            f"APP_ENV=testing\nAPP_KEY={KEY}\nAPP_DEBUG=false\nLOG_CHANNEL=null\n"
            "SESSION_DRIVER=array\nBCRYPT_ROUNDS=4\nDB_CONNECTION=sqlite\n"
            f"DB_DATABASE={tmp_path / 'database.sqlite'}\n" + env
        )
        (tmp_path / "database.sqlite").touch()
        path = tmp_path / "routes" / "web.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        base = textwrap.dedent(ROUTES if routes is None else routes)
        path.write_text(base + textwrap.dedent(extra_routes))
        app = (
            Application.configure(tmp_path)
            .with_routing(web="routes/web.py")
            .with_providers([AuthServiceProvider])
            .create()
        )
        created.append(app)
        schema = app.make("db").connection().get_schema_builder()
        if not schema.has_table("users"):

            def users(table: t.Any) -> None:
                table.id()
                table.string("name")
                table.string("email").unique()
                table.string("password")
                table.boolean("active").default(True)
                table.remember_token()
                table.timestamps()

            schema.create("users", users)

        class AuthUser(User):
            table = "users"
            hidden: t.ClassVar[list[str]] = ["password", "remember_token"]
            casts: t.ClassVar[dict[str, str]] = {"password": "hashed"}

        config = app.make("config")
        config.set("auth.providers.users.model", AuthUser)
        config.set("auth.timebox_duration", 0)
        return AuthApp(app, AuthUser, tmp_path)

    yield factory
    Model.clear_booted_models()
    for app in created:
        app.make("db").disconnect()
