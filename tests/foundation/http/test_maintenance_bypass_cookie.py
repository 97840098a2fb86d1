"""The maintenance bypass cookie: signed with APP_KEY, expiring, tamper-proof (never a 500)."""

from __future__ import annotations

import base64
import json
import time
import typing as t
from pathlib import Path

import pytest

from protevus.foundation.http.middleware.prevent_requests_during_maintenance import (
    MaintenanceModeBypassCookie,
)

COOKIE = MaintenanceModeBypassCookie.NAME
SECRET = "let-me-in"


def _encode(payload: t.Any) -> str:
    return base64.b64encode(json.dumps(payload).encode()).decode()


@pytest.fixture
def app(http_app: t.Any) -> t.Any:
    app = http_app()
    app.make("router").get("/hello", lambda: "hello")
    down = Path(app.storage_path("framework/down"))
    down.parent.mkdir(parents=True, exist_ok=True)
    down.write_text(json.dumps({"secret": SECRET, "status": 503}))
    return app


def test_the_cookie_is_a_signed_expiring_payload(app: t.Any) -> None:
    key = app.make("config").get("app.key")
    value = MaintenanceModeBypassCookie.value(SECRET, key, now=1000)
    payload = json.loads(base64.b64decode(value))
    assert set(payload) == {"expires_at", "mac"}
    assert payload["expires_at"] == 1000 + 12 * 3600
    assert len(payload["mac"]) == 64
    assert MaintenanceModeBypassCookie.is_valid(value, SECRET, key) is False  # expired
    fresh = MaintenanceModeBypassCookie.value(SECRET, key)
    assert MaintenanceModeBypassCookie.is_valid(fresh, SECRET, key) is True
    assert MaintenanceModeBypassCookie.is_valid(fresh, SECRET, key + "x") is False


def _forgeries(app: t.Any) -> list[str]:
    key = app.make("config").get("app.key")
    genuine = json.loads(
        base64.b64decode(MaintenanceModeBypassCookie.value(SECRET, key))
    )
    later = int(time.time()) + 10 * 365 * 86400
    return [
        _encode({**genuine, "expires_at": later}),
        _encode({**genuine, "mac": genuine["mac"].upper()}),
        _encode({**genuine, "mac": "\u00e9" * 64}),
        _encode({**genuine, "mac": "\ud800"}),
        _encode({**genuine, "expires_at": True}),
        _encode({**genuine, "expires_at": str(genuine["expires_at"])}),
        _encode({**genuine, "expires_at": float(genuine["expires_at"])}),
        _encode({"mac": genuine["mac"]}),
        _encode([genuine]),
        _encode("x"),
        base64.b64encode(b"\xff\xfe not json").decode(),
        "\u2603",
        "",
    ]


def test_tampered_cookies_do_not_bypass_and_never_fail(app: t.Any) -> None:
    for value in _forgeries(app):
        client = app.flask.test_client()
        client.set_cookie(COOKIE, value)
        assert client.get("/hello").status_code == 503, value


def test_visiting_the_secret_gives_a_working_cookie(app: t.Any) -> None:
    client = app.flask.test_client()
    response = client.get(f"/{SECRET}")
    assert response.status_code in (302, 303)
    assert client.get("/hello").status_code == 200
