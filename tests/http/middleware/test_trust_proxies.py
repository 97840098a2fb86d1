"""TrustProxies: the X-Forwarded-* headers count only when a trusted proxy sends them."""

from __future__ import annotations

import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.facades import Route
from protevus.http.middleware.trust_proxies import CLIENT_IPS
from protevus.http.middleware.trust_proxies import TrustProxies
from protevus.http.request import Request
from protevus.testing import TestClient

ENV = "APP_KEY=base64:" + "A" * 43 + "=\nAPP_URL=http://localhost\n"
FORWARDED = {
    "X-Forwarded-For": "203.0.113.9, 10.0.0.2",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "shop.example.com",
}


@pytest.fixture(autouse=True)
def _flush() -> t.Iterator[None]:
    yield
    TrustProxies.flush_state()


def _client(
    make_app: t.Any,
    peer: str = "10.0.0.1",
    middleware: t.Callable[[t.Any], t.Any] | None = None,
    config: dict[str, str] | None = None,
) -> TestClient:
    app = make_app(env=ENV, config=config, with_middleware=middleware)

    def show(request: Request) -> dict[str, t.Any]:
        return {
            "ip": request.ip(),
            "ips": request.environ.get(CLIENT_IPS),
            "secure": request.secure(),
            "host": request.host(),
            "http_host": request.http_host(),
            "url": request.url(),
            "to": app.make("url").to("cart"),
        }

    Route.get("/where", show).name("where")
    return TestClient(app).with_server_variables({"REMOTE_ADDR": peer})


def test_no_proxy_is_trusted_by_default(make_app: t.Any) -> None:
    body = _client(make_app).get("/where", None, FORWARDED).json()
    assert body["ip"] == "10.0.0.1"
    assert body["secure"] is False
    assert body["host"] == "localhost"
    assert body["to"] == "http://localhost/cart"


def test_the_global_stack_has_trust_proxies(make_app: t.Any) -> None:
    app = make_app(env=ENV)
    assert TrustProxies in app.make("http.kernel").get_global_middleware()


def test_a_trusted_proxy_sets_ip_scheme_and_host(make_app: t.Any) -> None:
    client = _client(make_app, middleware=lambda m: m.trust_proxies(at="10.0.0.0/8"))
    body = client.get("/where", None, FORWARDED).json()
    assert body["ip"] == "203.0.113.9"
    assert body["ips"] == ["203.0.113.9"]
    assert body["secure"] is True
    assert body["host"] == "shop.example.com"
    assert body["url"] == "https://shop.example.com/where"
    assert body["to"] == "https://shop.example.com/cart"


def test_an_untrusted_peer_is_ignored(make_app: t.Any) -> None:
    client = _client(
        make_app,
        "192.168.1.5",
        lambda m: m.trust_proxies(at=["10.0.0.0/8", "10.1.1.1"]),
    )
    body = client.get("/where", None, FORWARDED).json()
    assert (body["ip"], body["secure"], body["host"]) == (
        "192.168.1.5",
        False,
        "localhost",
    )


@pytest.mark.parametrize(
    ("at", "ip", "ips"),
    [
        ("*", "2.2.2.2", ["2.2.2.2", "1.1.1.1"]),
        ("**", "1.1.1.1", ["1.1.1.1"]),
        ("10.0.0.1, 2.2.2.2", "1.1.1.1", ["1.1.1.1"]),
    ],
)
def test_the_client_ip_walks_the_chain_from_the_right(
    make_app: t.Any, at: str, ip: str, ips: list[str]
) -> None:
    client = _client(make_app, middleware=lambda m: m.trust_proxies(at=at))
    body = client.get("/where", None, {"X-Forwarded-For": "1.1.1.1, 2.2.2.2"}).json()
    assert (body["ip"], body["ips"]) == (ip, ips)


def test_spoofed_entries_left_of_the_client_do_not_win(make_app: t.Any) -> None:
    client = _client(make_app, middleware=lambda m: m.trust_proxies(at="*"))
    headers = {"X-Forwarded-For": "127.0.0.1, evil, 198.51.100.7:5555"}
    assert client.get("/where", None, headers).json("ip") == "198.51.100.7"


def test_ports_and_ipv6(make_app: t.Any) -> None:
    client = _client(make_app, "::1", lambda m: m.trust_proxies(at="::1"))
    headers = {
        "X-Forwarded-For": "[2001:db8::1]:4711",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": "shop.example.com",
        "X-Forwarded-Port": "8443",
    }
    body = client.get("/where", None, headers).json()
    assert body["ip"] == "2001:db8::1"
    assert body["http_host"] == "shop.example.com:8443"
    assert body["to"] == "https://shop.example.com:8443/cart"
    standard = {**headers, "X-Forwarded-Port": "443"}
    assert client.get("/where", None, standard).json("http_host") == "shop.example.com"


def test_only_the_chosen_headers_are_trusted(make_app: t.Any) -> None:
    client = _client(
        make_app,
        middleware=lambda m: m.trust_proxies(
            at="10.0.0.0/8", headers=TrustProxies.HEADER_X_FORWARDED_FOR
        ),
    )
    body = client.get("/where", None, FORWARDED).json()
    assert (body["ip"], body["secure"], body["host"]) == (
        "203.0.113.9",
        False,
        "localhost",
    )


def test_the_forwarded_prefix_moves_the_root(make_app: t.Any) -> None:
    client = _client(make_app, middleware=lambda m: m.trust_proxies(at="*"))
    body = client.get("/where", None, {"X-Forwarded-Prefix": "/shop/"}).json()
    assert body["to"] == "http://localhost/shop/cart"


def test_a_bad_forwarded_host_from_a_trusted_proxy_is_a_400(make_app: t.Any) -> None:
    client = _client(make_app, middleware=lambda m: m.trust_proxies(at="*"))
    headers = {"X-Forwarded-Host": "evil.test/<script>", "Accept": "application/json"}
    response = client.get("/where", None, headers).assert_status(400)
    assert "X-Forwarded-Host" in response.json("message")
    untrusted = _client(make_app, "192.0.2.1")
    untrusted.get("/where", None, headers).assert_ok()


def test_proxies_from_at_a_subclass_and_config(make_app: t.Any) -> None:
    TrustProxies.at("10.0.0.1")
    # 10.0.0.2 (the proxy in front of 10.0.0.1) is not trusted: it is the client.
    assert _client(make_app).get("/where", None, FORWARDED).json("ip") == "10.0.0.2"
    TrustProxies.flush_state()
    config = {"trustedproxy": "config = {'proxies': '10.0.0.0/24'}\n"}
    client = _client(make_app, config=config)
    assert client.get("/where", None, FORWARDED).json("secure") is True

    class Behind(TrustProxies):
        proxies = ["10.0.0.1"]
        headers = TrustProxies.HEADER_X_FORWARDED_PROTO

    request = Request.from_values(
        "/", headers=FORWARDED, environ_base={"REMOTE_ADDR": "10.0.0.1"}
    )
    Behind().set_trusted(request)
    assert (request.ip(), request.secure()) == ("10.0.0.1", True)


def test_a_bad_proxy_entry_is_a_clear_error() -> None:
    TrustProxies.at(["10.0.0.1", "not-an-ip"])
    request = Request.from_values("/", environ_base={"REMOTE_ADDR": "10.0.0.1"})
    with pytest.raises(InvalidArgumentError, match=r"Trusted proxy \[not-an-ip\]"):
        TrustProxies().set_trusted(request)


def test_the_values_apply_once_and_the_originals_are_kept() -> None:
    TrustProxies.at("*")
    request = Request.from_values(
        "/", headers=FORWARDED, environ_base={"REMOTE_ADDR": "10.0.0.1"}
    )
    proxies = TrustProxies()
    assert proxies.is_from_trusted_proxy(request)
    proxies.set_trusted(request)
    proxies.set_trusted(request)
    assert request.ip() == "10.0.0.2"
    assert (
        request.environ["protevus.trust_proxies.original"]["REMOTE_ADDR"] == "10.0.0.1"
    )


def test_a_signed_url_validates_behind_the_proxy(make_app: t.Any) -> None:
    app = make_app(env=ENV, with_middleware=lambda m: m.trust_proxies(at="*"))
    Route.get("/s", lambda request: str(request.has_valid_signature())).name("s")
    client = TestClient(app).with_server_variables({"REMOTE_ADDR": "10.0.0.1"})
    url = app.make("url")
    url.force_root_url("https://shop.example.com")
    signed = url.signed_route("s", {"a": 1})
    url.force_root_url(None)
    path = signed.replace("https://shop.example.com", "")
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "shop.example.com"}
    client.get(path, None, headers).assert_see("True")
    client.get(path).assert_see("False")
