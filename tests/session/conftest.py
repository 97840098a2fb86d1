"""Applications with the session provider, and a Redis client on a scratch database."""

from __future__ import annotations

import textwrap
import typing as t
from pathlib import Path

import pytest

KEY = "base64:" + "A" * 43 + "="
START_SESSION = "protevus.session.middleware.start_session.StartSession"

ROUTES = """
from protevus.support.facades.route import Route
from protevus.support.facades.session import Session


def put(request):
    for key, value in request.query().items():
        request.session().put(key, value)
    return "ok"


def show(request):
    return {
        "all": {k: v for k, v in request.session().all().items() if k != "_token"},
        "facade": Session.get("name"),
        "token": request.session().token(),
        "previous": request.session().previous_url(),
    }


def flash(request):
    request.session().flash("status", "Saved!")
    return "flashed"


def regenerate(request):
    request.session().regenerate()
    return "regenerated"


def bad(request):
    request.session().put("thing", object())
    return "never"


Route.get("/put", put)
Route.get("/show", show)
Route.post("/show", show)
Route.get("/flash", flash)
Route.get("/regenerate", regenerate)
Route.get("/bad", bad)
"""

API = """
from protevus.support.facades.route import Route
from protevus.support.facades.session import Session


def put(v: str):
    Session.put("secret", v)
    return {"got": Session.get("secret")}


Route.get("/ping", lambda: {"pong": True})
Route.get("/put/{v}", put)
Route.get("/peek", lambda: {"got": Session.get("secret")})
"""


class SessionAppFactory(t.Protocol):
    def __call__(self, env: str = ..., debug: bool = ...) -> t.Any: ...


@pytest.fixture
def session_app(tmp_path: Path) -> t.Iterator[SessionAppFactory]:
    """Create an app in ``tmp_path`` with web/api routes and SessionServiceProvider."""
    from protevus.foundation import Application
    from protevus.session.session_service_provider import SessionServiceProvider

    created: list[t.Any] = []

    def factory(env: str = "SESSION_DRIVER=array\n", debug: bool = True) -> t.Any:
        text = (
            f"APP_KEY={KEY}\nAPP_DEBUG={'true' if debug else 'false'}\n"
            "LOG_CHANNEL=null\n" + textwrap.dedent(env)
        )
        (tmp_path / ".env").write_text(text)
        for name, source in {"routes/web.py": ROUTES, "routes/api.py": API}.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(source)
        (tmp_path / "storage" / "framework" / "sessions").mkdir(
            parents=True, exist_ok=True
        )
        builder = Application.configure(tmp_path).with_providers(
            [SessionServiceProvider]
        )
        builder.with_routing(web="routes/web.py", api="routes/api.py")
        # Only StartSession: the cookie, CSRF and view middleware of the full web
        # group are other packages' (the integrator tests the whole group).
        builder.with_middleware(lambda m: m.group("web", [START_SESSION]))
        app = builder.create()
        created.append(app)
        return app

    yield factory
    for app in created:
        if app.resolved("log"):
            close = getattr(app.make("log"), "close", None)
            if close is not None:
                close()


@pytest.fixture
def redis_client(
    require_service: t.Callable[[str], tuple[str, int]],
) -> t.Iterator[t.Any]:
    """Return a client of the real Redis server on database 15, emptied before and after."""
    import redis

    host, port = require_service("redis")
    client = redis.Redis(host=host, port=port, db=15)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()
