"""Maintenance mode: ``storage/framework/down`` makes every request a 503."""

from __future__ import annotations

import json
import time
import typing as t
from pathlib import Path

import pytest

from protevus.foundation.http.middleware.prevent_requests_during_maintenance import (
    MaintenanceModeBypassCookie,
)
from protevus.foundation.http.middleware.prevent_requests_during_maintenance import (
    PreventRequestsDuringMaintenance,
)

COOKIE = MaintenanceModeBypassCookie.NAME


def _down(app: t.Any, **payload: t.Any) -> None:
    path = Path(app.storage_path("framework/down"))
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "except": [],
        "redirect": None,
        "retry": None,
        "refresh": None,
        "secret": None,
        "status": 503,
        "template": None,
    }
    data.update(payload)
    path.write_text(json.dumps(data))


@pytest.fixture
def app(http_app: t.Any) -> t.Any:
    app = http_app(
        middleware=lambda m: m.prevent_requests_during_maintenance(except_=["status/*"])
    )
    router = app.make("router")
    router.get("/", lambda: "home")
    router.get("/hello", lambda: "hello")
    router.get("/status/db", lambda: "db ok")
    router.get("/webhooks/stripe", lambda: "hook")
    router.get("/maintenance", lambda: "we are down")
    return app


def test_requests_pass_while_the_app_is_up(app: t.Any) -> None:
    assert app.flask.test_client().get("/hello").get_data(as_text=True) == "hello"


def test_down_answers_503_with_retry_and_refresh_headers(app: t.Any) -> None:
    _down(app, retry=60, refresh=15)
    client = app.flask.test_client()
    page = client.get("/hello")
    assert page.status_code == 503
    assert page.headers["Retry-After"] == "60"
    assert page.headers["Refresh"] == "15"
    assert "Service Unavailable" in page.get_data(as_text=True)
    as_json = client.get("/hello", headers={"Accept": "application/json"})
    assert as_json.status_code == 503
    assert as_json.get_json() == {"message": "Service Unavailable"}


def test_no_retry_header_without_retry(app: t.Any) -> None:
    _down(app)
    page = app.flask.test_client().get("/hello")
    assert page.status_code == 503 and "Retry-After" not in page.headers


def test_excepted_paths_stay_up(app: t.Any) -> None:
    _down(app, **{"except": ["/webhooks/*"]})
    client = app.flask.test_client()
    assert client.get("/status/db").status_code == 200  # registrar
    assert client.get("/webhooks/stripe").status_code == 200  # payload
    assert client.get("/hello").status_code == 503


def test_secret_sets_a_bypass_cookie_and_redirects_home(app: t.Any) -> None:
    _down(app, secret="let-me-in")
    client = app.flask.test_client()
    assert client.get("/hello").status_code == 503
    visit = client.get("/let-me-in")
    assert visit.status_code == 302
    assert visit.headers["Location"] == "/"
    set_cookie = visit.headers["Set-Cookie"]
    assert set_cookie.startswith(f"{COOKIE}=") and "HttpOnly" in set_cookie
    assert "Max-Age=43200" in set_cookie
    assert client.get("/hello").get_data(as_text=True) == "hello"


def test_bad_forged_expired_or_foreign_cookies_do_not_bypass(app: t.Any) -> None:
    _down(app, secret="let-me-in")
    key = app.make("config").get("app.key")
    expired = MaintenanceModeBypassCookie.value(
        "let-me-in", key, now=time.time() - 13 * 3600
    )
    foreign = MaintenanceModeBypassCookie.value("other-secret", key)
    other_key = MaintenanceModeBypassCookie.value("let-me-in", "another key")
    for value in ("garbage", "e30=", expired, foreign, other_key):
        client = app.flask.test_client()
        client.set_cookie(COOKIE, value)
        assert client.get("/hello").status_code == 503, value
    good = app.flask.test_client()
    good.set_cookie(COOKIE, MaintenanceModeBypassCookie.value("let-me-in", key))
    assert good.get("/hello").status_code == 200


def test_a_cookie_is_useless_without_a_secret(app: t.Any) -> None:
    _down(app)
    client = app.flask.test_client()
    key = app.make("config").get("app.key")
    client.set_cookie(COOKIE, MaintenanceModeBypassCookie.value("", key))
    assert client.get("/hello").status_code == 503


def test_template_is_served_with_the_status(app: t.Any) -> None:
    _down(app, template="<h1>Back soon</h1>", status=500, retry=30)
    page = app.flask.test_client().get("/hello")
    assert page.status_code == 500
    assert page.get_data(as_text=True) == "<h1>Back soon</h1>"
    assert page.headers["Retry-After"] == "30"


def test_redirect_sends_other_paths_to_the_maintenance_page(app: t.Any) -> None:
    _down(app, redirect="/maintenance")
    client = app.flask.test_client()
    moved = client.get("/hello")
    assert moved.status_code == 302 and moved.headers["Location"] == "/maintenance"
    assert client.get("/maintenance").status_code == 503  # no redirect loop


def test_an_unreadable_payload_still_means_down(app: t.Any) -> None:
    path = Path(app.storage_path("framework/down"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json")
    assert app.flask.test_client().get("/hello").status_code == 503


def test_up_again_after_the_file_is_removed(app: t.Any) -> None:
    _down(app)
    client = app.flask.test_client()
    assert client.get("/hello").status_code == 503
    Path(app.storage_path("framework/down")).unlink()
    assert client.get("/hello").status_code == 200


def test_subclass_except_and_excluded_paths(http_app: t.Any) -> None:
    class Custom(PreventRequestsDuringMaintenance):
        except_ = ["health"]

    app = http_app(
        middleware=lambda m: m.replace(PreventRequestsDuringMaintenance, Custom)
    )
    app.make("router").get("/health", lambda: "fine")
    app.make("router").get("/hello", lambda: "hello")
    _down(app, **{"except": ["x"]})
    client = app.flask.test_client()
    assert client.get("/health").status_code == 200
    assert client.get("/hello").status_code == 503
    assert app.make(Custom).get_excluded_paths({"except": ["x"]}) == ["health", "x"]
