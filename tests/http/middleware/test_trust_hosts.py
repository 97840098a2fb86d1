"""TrustHosts: a request for a host that is not the application's answers 400."""

from __future__ import annotations

import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.facades import Route
from protevus.http.middleware.trust_hosts import TrustHosts
from protevus.http.middleware.trust_proxies import TrustProxies
from protevus.testing import TestClient

KEY = "base64:" + "A" * 43 + "="
JSON = {"Accept": "application/json"}


@pytest.fixture(autouse=True)
def _flush() -> t.Iterator[None]:
    yield
    TrustHosts.flush_state()
    TrustProxies.flush_state()


def _client(
    make_app: t.Any,
    middleware: t.Callable[[t.Any], t.Any] | None = lambda m: m.trust_hosts(),
    env: str = "production",
) -> TestClient:
    app = make_app(
        env=f"APP_KEY={KEY}\nAPP_ENV={env}\nAPP_URL=https://example.com\n",
        with_middleware=middleware,
    )
    Route.get("/ping", lambda request: f"pong from {request.host()}")
    return TestClient(app)


@pytest.mark.parametrize(
    "host", ["example.com", "EXAMPLE.com", "www.example.com", "a.b.example.com:8080"]
)
def test_the_app_url_host_and_its_subdomains_are_trusted(
    make_app: t.Any, host: str
) -> None:
    _client(make_app).get(f"http://{host}/ping").assert_ok()


@pytest.mark.parametrize(
    "host",
    ["evil.test", "example.com.evil.test", "notexample.com", "example.co", "[::1]"],
)
def test_other_hosts_answer_400(make_app: t.Any, host: str) -> None:
    client = _client(make_app)
    response = client.get(f"http://{host}/ping", None, JSON).assert_status(400)
    assert response.json() == {"message": "Untrusted Host."}
    client.get(f"http://{host}/ping").assert_status(400)


def test_a_malformed_host_header_answers_400(make_app: t.Any) -> None:
    client = _client(make_app)
    for host in ("exa mple.com", "example.com/../x", "", "\u2603.com"):
        client.get("/ping", None, {"Host": host}).assert_status(400)


def test_off_unless_trust_hosts_is_called(make_app: t.Any) -> None:
    client = _client(make_app, middleware=None)
    client.get("http://evil.test/ping").assert_ok()
    app = make_app(env=f"APP_KEY={KEY}\n", with_middleware=lambda m: m.trust_hosts())
    assert app.make("http.kernel").get_global_middleware()[:2] == [
        TrustHosts,
        TrustProxies,
    ]


@pytest.mark.parametrize("env", ["local", "testing"])
def test_skipped_locally_and_in_tests(make_app: t.Any, env: str) -> None:
    _client(make_app, env=env).get("http://evil.test/ping").assert_ok()


def test_listed_hosts_plain_and_patterns(make_app: t.Any) -> None:
    client = _client(
        make_app, lambda m: m.trust_hosts(at=["shop.test", r"^(.+\.)?cdn\.test$"])
    )
    for ok in ("shop.test", "SHOP.test", "cdn.test", "img.cdn.test", "www.example.com"):
        client.get(f"http://{ok}/ping").assert_ok()
    for bad in ("sub.shop.test", "shopXtest", "cdn.test.evil", "evil.test"):
        client.get(f"http://{bad}/ping").assert_status(400)


def test_without_subdomains_only_the_list_counts(make_app: t.Any) -> None:
    client = _client(
        make_app, lambda m: m.trust_hosts(at=lambda: ["shop.test"], subdomains=False)
    )
    client.get("http://shop.test/ping").assert_ok()
    client.get("http://example.com/ping").assert_status(400)


def test_at_sets_the_hosts_for_every_app(make_app: t.Any) -> None:
    TrustHosts.at(["api.test"], subdomains=False)
    client = _client(make_app, middleware=lambda m: m.append(TrustHosts))
    client.get("http://api.test/ping").assert_ok()
    client.get("http://example.com/ping").assert_status(400)


def test_a_bad_pattern_is_a_clear_error(make_app: t.Any) -> None:
    app = make_app(env=f"APP_KEY={KEY}\nAPP_ENV=production\n")
    TrustHosts.at(["(unclosed"])
    with pytest.raises(InvalidArgumentError, match=r"Trusted host \[\(unclosed\]"):
        TrustHosts(app).is_trusted("example.com")


def test_the_forwarded_host_of_a_trusted_proxy_is_checked(make_app: t.Any) -> None:
    client = _client(
        make_app, lambda m: m.trust_hosts().trust_proxies(at="10.0.0.0/8")
    ).with_server_variables({"REMOTE_ADDR": "10.0.0.1"})
    inner = "http://app-internal:8000/ping"
    forwarded = client.get(inner, None, {"X-Forwarded-Host": "example.com"})
    forwarded.assert_ok().assert_see("pong from example.com")
    client.get(inner, None, {"X-Forwarded-Host": "evil.test"}).assert_status(400)
    client.get(inner).assert_status(400)


def test_an_untrusted_peer_cannot_smuggle_a_forwarded_host(make_app: t.Any) -> None:
    client = _client(
        make_app, lambda m: m.trust_hosts().trust_proxies(at="10.0.0.0/8")
    ).with_server_variables({"REMOTE_ADDR": "198.51.100.1"})
    headers = {"X-Forwarded-Host": "example.com"}
    client.get("http://evil.test/ping", None, headers).assert_status(400)
    client.get(
        "http://example.com/ping", None, {"X-Forwarded-Host": "evil.test"}
    ).assert_ok()
