"""The ``throttle`` middleware through whole applications.

Laravel: ``Illuminate\\Routing\\Middleware\\ThrottleRequests`` (``throttle:60,1``,
``throttle:api``), ``ThrottleRequestsException`` and ``MissingRateLimiterException``.
"""

from __future__ import annotations

import textwrap
import typing as t
from dataclasses import dataclass
from pathlib import Path

import pytest

from protevus.cache.cache_service_provider import CacheServiceProvider
from protevus.cache.rate_limiting.limit import Limit
from protevus.routing.middleware.throttle_requests import MissingRateLimiterException
from protevus.routing.middleware.throttle_requests import ThrottleRequests
from protevus.routing.middleware.throttle_requests import ThrottleRequestsException
from protevus.support.carbon import Carbon

KEY = "base64:" + "A" * 43 + "="
JSON = {"Accept": "application/json"}
NOW = 1_750_000_000

ROUTES = """
from protevus.facades import Route

Route.get('/limited', lambda: 'ok').middleware('throttle:3,1')
Route.get('/other', lambda: 'other').middleware('throttle:3,1')
Route.get('/uploads', lambda: 'up').middleware('throttle:1,1,uploads')
Route.get('/downloads', lambda: 'down').middleware('throttle:1,1,downloads')
Route.get('/tiered', lambda: 'tiered').middleware('throttle:1|2,1')
Route.get('/named/{name}', lambda name: name).middleware('throttle:' + 'named')
Route.get('/stacked', lambda: 'stacked').middleware(['throttle:5,1,a', 'throttle:2,1,b'])
Route.get('/bad', lambda: 'bad').middleware('throttle:nope')
"""

API_ROUTES = """
from protevus.facades import Route

Route.get('/ping', lambda: {'pong': True})
"""


@dataclass
class User:
    id: int

    def get_auth_identifier(self) -> int:
        return self.id


class AttachUser:
    """Log the user named by the ``X-User`` header in (a stand-in for the auth guard)."""

    def handle(self, request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        name = request.headers.get("X-User")
        user = User(int(name)) if name else None
        request.set_user_resolver(lambda guard=None: user)
        return next(request)


@pytest.fixture(autouse=True)
def frozen_time() -> t.Iterator[None]:
    Carbon.set_test_now(Carbon.create_from_timestamp(NOW))
    yield
    Carbon.set_test_now(None)


def _write(root: Path, name: str, source: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source).lstrip("\n"))


def build_app(
    root: Path,
    env: str = "CACHE_STORE=array\n",
    debug: bool = False,
    throttle_api: bool = True,
) -> t.Any:
    from protevus.foundation import Application

    root.mkdir(parents=True, exist_ok=True)
    (root / ".env").write_text(
        f"APP_KEY={KEY}\nAPP_DEBUG={'true' if debug else 'false'}\nLOG_CHANNEL=null\n"
        "SESSION_DRIVER=array\n" + env
    )
    _write(root, "routes/web.py", ROUTES)
    _write(root, "routes/api.py", API_ROUTES)

    def middleware(m: t.Any) -> None:
        m.append(AttachUser)
        if throttle_api:
            m.throttle_api()

    return (
        Application.configure(root)
        .with_providers([CacheServiceProvider])
        .with_routing(web="routes/web.py", api="routes/api.py")
        .with_middleware(middleware)
        .create()
    )


def client(app: t.Any, ip: str = "10.0.0.1") -> t.Any:
    from protevus.testing.client import TestClient

    return TestClient(app).with_server_variables({"REMOTE_ADDR": ip})


@pytest.fixture
def app(tmp_path: Path) -> t.Any:
    return build_app(tmp_path / "app")


def test_headers_count_down_then_429_with_retry_after(app: t.Any) -> None:
    browser = client(app)
    for remaining in ("2", "1", "0"):
        response = browser.get("/limited")
        response.assert_ok()
        assert response.headers["X-RateLimit-Limit"] == "3"
        assert response.headers["X-RateLimit-Remaining"] == remaining
        assert "Retry-After" not in response.headers
    throttled = browser.get("/limited")
    throttled.assert_status(429)
    assert throttled.headers["Retry-After"] == "60"
    assert throttled.headers["X-RateLimit-Reset"] == str(NOW + 60)
    assert throttled.headers["X-RateLimit-Limit"] == "3"
    assert throttled.headers["X-RateLimit-Remaining"] == "0"


def test_json_requests_get_the_message(app: t.Any) -> None:
    browser = client(app)
    for _ in range(3):
        browser.get("/limited", headers=JSON).assert_ok()
    throttled = browser.get("/limited", headers=JSON)
    throttled.assert_status(429)
    assert throttled.json() == {"message": "Too Many Attempts."}


def test_the_window_ends_after_the_decay(app: t.Any) -> None:
    browser = client(app)
    for _ in range(3):
        browser.get("/limited")
    browser.get("/limited").assert_status(429)
    Carbon.set_test_now(Carbon.create_from_timestamp(NOW + 30))
    assert browser.get("/limited").headers["Retry-After"] == "30"
    Carbon.set_test_now(Carbon.create_from_timestamp(NOW + 60))
    response = browser.get("/limited")
    response.assert_ok()
    assert response.headers["X-RateLimit-Remaining"] == "2"


def test_guests_are_keyed_by_ip_and_routes_share_the_plain_key(app: t.Any) -> None:
    first, second = client(app, "10.0.0.1"), client(app, "10.0.0.2")
    first.get("/limited")
    first.get("/other")
    assert first.get("/limited").headers["X-RateLimit-Remaining"] == "0"
    assert second.get("/limited").headers["X-RateLimit-Remaining"] == "2"


def test_a_prefix_gives_a_route_its_own_counter(app: t.Any) -> None:
    browser = client(app)
    browser.get("/uploads").assert_ok()
    browser.get("/uploads").assert_status(429)
    browser.get("/downloads").assert_ok()


def test_users_are_keyed_by_their_identifier(app: t.Any) -> None:
    same_ip = "10.0.0.9"
    one = client(app, same_ip).with_headers({"X-User": "1"})
    two = client(app, same_ip).with_headers({"X-User": "2"})
    guest = client(app, same_ip)
    # throttle:1|2,1: guests get 1 request a minute, users 2
    guest.get("/tiered").assert_ok()
    guest.get("/tiered").assert_status(429)
    one.get("/tiered").assert_ok()
    assert one.get("/tiered").headers["X-RateLimit-Limit"] == "2"
    one.get("/tiered").assert_status(429)
    two.get("/tiered").assert_ok()


def test_throttle_api_uses_the_named_limiter(app: t.Any) -> None:
    from protevus.cache.rate_limiter import RateLimiter

    app.make(RateLimiter).for_(
        "api", lambda request: Limit.per_minute(3).by(request.ip())
    )
    first, second = client(app, "10.0.0.1"), client(app, "10.0.0.2")
    for remaining in ("2", "1", "0"):
        response = first.get("/api/ping")
        assert response.json() == {"pong": True}
        assert response.headers["X-RateLimit-Remaining"] == remaining
    throttled = first.get("/api/ping", headers=JSON)
    throttled.assert_status(429)
    assert throttled.json() == {"message": "Too Many Attempts."}
    assert throttled.headers["Retry-After"] == "60"
    second.get("/api/ping").assert_ok()


def test_an_undefined_api_limiter_is_a_clear_error(tmp_path: Path) -> None:
    app = build_app(tmp_path / "app", debug=True)
    response = client(app).get("/api/ping", headers=JSON)
    response.assert_status(500)
    assert response.json()["message"].startswith("Rate limiter [api] is not defined.")
    assert "RateLimiter.for_('api'" in response.json()["message"]


def test_the_api_group_has_no_throttle_unless_asked(tmp_path: Path) -> None:
    app = build_app(tmp_path / "app", throttle_api=False)
    response = client(app).get("/api/ping")
    response.assert_ok()
    assert "X-RateLimit-Limit" not in response.headers


def test_an_unknown_limiter_name_is_a_clear_error(app: t.Any) -> None:
    response = client(app).get("/bad", headers=JSON)
    response.assert_status(500)
    with pytest.raises(
        MissingRateLimiterException, match=r"Rate limiter \[nope\] is not defined\."
    ):
        ThrottleRequests(app.make("rate_limiter")).resolve_max_attempts(
            _Request(None), "nope"
        )
    with pytest.raises(
        MissingRateLimiterException, match=r"\[.*User::nope\] is not defined"
    ):
        ThrottleRequests(app.make("rate_limiter")).resolve_max_attempts(
            _Request(User(1)), "nope"
        )


@pytest.mark.parametrize("decay", ["0", "-1", "abc"])
def test_a_decay_that_cannot_count_is_refused(decay: str) -> None:
    from protevus.routing.middleware.throttle_requests import _decay_seconds

    with pytest.raises(ValueError, match=r"Throttle decay \[.*\] must be"):
        _decay_seconds(decay)


class _Request:
    def __init__(self, user: t.Any) -> None:
        self._user = user

    def user(self) -> t.Any:
        return self._user


def test_named_limiter_with_several_limits_applies_each(app: t.Any) -> None:
    def limits(request: t.Any) -> t.Any:
        name = request.route("name")
        if name == "free":
            return Limit.none()
        if name == "custom":
            return (
                Limit.per_minute(1)
                .by("custom")
                .response(lambda request, headers: ({"slow": "down"}, 429, headers))
            )
        return [Limit.per_minute(3), Limit.per_minute(2).by("everyone")]

    app.make("rate_limiter").for_("named", limits)
    browser = client(app)
    first = browser.get("/named/pair")
    assert first.headers["X-RateLimit-Limit"] == "2"  # the stricter limit's headers
    assert first.headers["X-RateLimit-Remaining"] == "1"
    browser.get("/named/pair").assert_ok()
    browser.get("/named/pair").assert_status(429)

    for _ in range(5):
        free = browser.get("/named/free")
        free.assert_ok()
        assert "X-RateLimit-Limit" not in free.headers

    browser.get("/named/custom").assert_ok()
    custom = browser.get("/named/custom")
    custom.assert_status(429)
    assert custom.json() == {"slow": "down"}
    assert custom.headers["Retry-After"] == "60"
    assert custom.headers["X-RateLimit-Remaining"] == "0"


def test_two_throttles_on_one_route_keep_the_stricter_headers(app: t.Any) -> None:
    browser = client(app)
    response = browser.get("/stacked")
    assert response.headers["X-RateLimit-Limit"] == "2"
    assert response.headers["X-RateLimit-Remaining"] == "1"
    browser.get("/stacked").assert_ok()
    browser.get("/stacked").assert_status(429)


def test_exception_and_helpers() -> None:
    error = ThrottleRequestsException(headers={"Retry-After": "5"})
    assert error.get_status_code() == 429
    assert str(error) == "Too Many Attempts."
    assert error.headers == {"Retry-After": "5"}
    assert ThrottleRequests.using("api") == "throttle:api"
    assert ThrottleRequests.with_(10, 2) == "throttle:10,2"
    assert ThrottleRequests.with_(10, 2, "uploads") == "throttle:10,2,uploads"


def test_counters_hold_across_two_apps_on_one_database(tmp_path: Path) -> None:
    """Two app instances (two gunicorn workers) on the same database store share one limit."""
    database = tmp_path / "shared.sqlite"
    database.touch()
    env = f"CACHE_STORE=database\nDB_CONNECTION=sqlite\nDB_DATABASE={database}\n"
    first = build_app(tmp_path / "one", env)
    second = build_app(tmp_path / "two", env)

    def columns(table: t.Any) -> None:
        table.string("key").primary()
        table.medium_text("value")
        table.integer("expiration")

    first.make("db").connection().get_schema_builder().create("cache", columns)
    try:
        worker_one, worker_two = client(first), client(second)
        assert worker_one.get("/limited").headers["X-RateLimit-Remaining"] == "2"
        assert worker_two.get("/limited").headers["X-RateLimit-Remaining"] == "1"
        assert worker_one.get("/limited").headers["X-RateLimit-Remaining"] == "0"
        worker_two.get("/limited").assert_status(429)
        worker_one.get("/limited").assert_status(429)
    finally:
        first.make("db").disconnect()
        second.make("db").disconnect()


def test_a_missing_cache_table_says_to_migrate(tmp_path: Path) -> None:
    database = tmp_path / "empty.sqlite"
    database.touch()
    app = build_app(
        tmp_path / "app",
        f"CACHE_STORE=database\nDB_CONNECTION=sqlite\nDB_DATABASE={database}\n",
        debug=True,
    )
    try:
        response = client(app).get("/limited", headers=JSON)
        response.assert_status(500)
        assert "migrate" in response.json()["message"]
    finally:
        app.make("db").disconnect()
