"""Redirect routes encode their parameters; line breaks in a redirect target answer 400."""

from __future__ import annotations

import typing as t

import pytest

pytest.importorskip("protevus.foundation.http.kernel")
pytest.importorskip("protevus.routing.routing_service_provider")

from protevus.facades import Route  # noqa: E402
from protevus.http.exceptions import BadRequestHttpException  # noqa: E402
from protevus.http.request import Request  # noqa: E402
from protevus.testing import TestClient  # noqa: E402

JSON = {"Accept": "application/json"}


@pytest.fixture
def client(make_app: t.Any) -> TestClient:
    app = make_app()
    Route.redirect("/old/{id}", "/new/{id}")
    Route.redirect("/go/{path}", "/{path}").where("path", ".*")
    Route.redirect("/away/{id}", "https://example.com/items/{id}", 301)

    def to(request: Request) -> t.Any:
        return app.make("redirect").to(request.query("next"))

    def away(request: Request) -> t.Any:
        return app.make("redirect").away(request.query("next"))

    Route.get("/to", to)
    Route.get("/away", away)
    return TestClient(app)


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/old/5", "/new/5"),
        ("/old/a%20b%3Fx=1", "/new/a%20b%3Fx=1"),
        ("/old/a%23frag", "/new/a%23frag"),
        ("/old/100%25", "/new/100%25"),
        ("/old/caf%C3%A9", "/new/caf%C3%A9"),
        ("/old/a%5Cb", "/new/a%5Cb"),
        ("/old/a@b:c;d,e=f+g!h*i&k", "/new/a@b:c;d,e=f+g!h*i&k"),
        ("/go/a/b", "/a/b"),
    ],
)
def test_parameters_are_percent_encoded(
    client: TestClient, path: str, location: str
) -> None:
    response = client.get(path).assert_status(302)
    assert response.headers["Location"].endswith(location)
    assert "?" not in response.headers["Location"]


def test_a_line_break_in_a_parameter_cannot_inject_a_header(
    client: TestClient,
) -> None:
    response = client.get("/old/%0d%0aSet-Cookie:x=1").assert_status(302)
    assert response.headers["Location"].endswith("/new/%0D%0ASet-Cookie:x=1")
    assert "Set-Cookie" not in response.headers
    response.assert_cookie_missing("x")


def test_a_parameter_cannot_make_a_protocol_relative_url(client: TestClient) -> None:
    response = client.get("/go//evil.com").assert_status(302)
    location = response.headers["Location"]
    assert location.endswith("/evil.com")
    assert "//evil.com" not in location
    backslash = client.get("/go/%5Cevil.com").assert_status(302)
    assert backslash.headers["Location"].endswith("/%5Cevil.com")


def test_absolute_destinations_keep_their_host(client: TestClient) -> None:
    response = client.get("/away/a%20b").assert_status(301)
    assert response.headers["Location"] == "https://example.com/items/a%20b"


@pytest.mark.parametrize("uri", ["/to", "/away"])
def test_redirector_targets_with_line_breaks_answer_400(
    client: TestClient, uri: str
) -> None:
    response = client.get(uri, {"next": "/x\r\nSet-Cookie: x=1"}, JSON)
    message = response.assert_status(400).json("message")
    assert message.startswith("Cannot redirect to [")
    assert "x\\r\\nSet-Cookie: x=1']: the URL holds a line break or NUL" in message
    assert "Set-Cookie" not in response.headers
    client.get(uri, {"next": "/fine"}).assert_redirect()


def test_a_destination_with_a_line_break_answers_400(make_app: t.Any) -> None:
    app = make_app()
    Route.redirect("/bad", "/x\nY: 1")
    response = TestClient(app).get("/bad", None, JSON).assert_status(400)
    assert response.json("message").startswith("Cannot redirect to ['/x\\nY: 1']")


def test_the_redirector_raises_a_bad_request_exception(make_app: t.Any) -> None:
    app = make_app()
    with pytest.raises(BadRequestHttpException, match="line break"):
        app.make("redirect").away("https://example.com/\r\n")


# -- open-redirect protection: back() and intended() stay on this host --------------

WEB_ENV = (
    "APP_KEY=base64:" + "A" * 43 + "=\nAPP_URL=http://localhost\nSESSION_DRIVER=array\n"
)


@pytest.fixture
def web(make_app: t.Any) -> TestClient:
    app = make_app(env=WEB_ENV)
    redirect = app.make("redirect")

    def intended(request: Request) -> t.Any:
        if request.query("store") is not None:
            redirect.set_intended_url(request.query("store"))
        return redirect.intended("/home")

    Route.middleware("web").group(
        lambda: [
            Route.get("/page", lambda: "page"),
            Route.get("/back", lambda: redirect.back()),
            Route.get(
                "/back-or-partner",
                lambda: redirect.back(fallback="https://partner.test/help"),
            ),
            Route.get("/intended", intended),
            Route.get("/private", lambda: redirect.guest("/login")),
            Route.get("/out", lambda: redirect.to("https://docs.example.org/")),
        ]
    )
    return TestClient(app)


@pytest.mark.parametrize(
    "referer",
    [
        "https://evil.test/phish",
        "//evil.test/phish",
        "/\\evil.test/phish",
        "\\\\evil.test",
        "/\t/evil.test",
        "http:evil.test",
        "javascript:alert(1)",
        "data:text/html,hi",
        "https://localhost.evil.test/",
        "https://evil.test\\@localhost/",
        "http://[::1/",
    ],
)
def test_back_ignores_a_referer_on_another_host(web: TestClient, referer: str) -> None:
    response = web.from_(referer).get("/back").assert_status(302)
    assert response.headers["Location"] == "http://localhost"


@pytest.mark.parametrize(
    ("referer", "location"),
    [
        ("http://localhost/page?x=1", "http://localhost/page?x=1"),
        ("https://LOCALHOST:8443/page", "https://localhost:8443/page"),
        ("/page", "http://localhost/page"),
    ],
)
def test_back_follows_a_referer_on_this_host(
    web: TestClient, referer: str, location: str
) -> None:
    response = web.from_(referer).get("/back").assert_status(302)
    assert response.headers["Location"] == location


def test_back_falls_back_to_the_sessions_previous_url(web: TestClient) -> None:
    web.get("/page").assert_ok()
    response = web.from_("https://evil.test/").get("/back").assert_status(302)
    assert response.headers["Location"] == "http://localhost/page"


def test_a_developer_fallback_may_leave_the_site(web: TestClient) -> None:
    response = web.get("/back-or-partner").assert_status(302)
    assert response.headers["Location"] == "https://partner.test/help"
    web.get("/out").assert_redirect("https://docs.example.org/")


@pytest.mark.parametrize(
    ("stored", "location"),
    [
        ("https://evil.test/steal", "http://localhost/home"),
        ("//evil.test/steal", "http://localhost/home"),
        ("/\\evil.test", "http://localhost/home"),
        ("javascript:alert(1)", "http://localhost/home"),
        ("http://localhost/dashboard", "http://localhost/dashboard"),
        ("/settings", "http://localhost/settings"),
    ],
)
def test_intended_only_returns_to_this_host(
    web: TestClient, stored: str, location: str
) -> None:
    response = web.get("/intended", {"store": stored}).assert_status(302)
    assert response.headers["Location"] == location


def test_guest_then_intended_round_trip(web: TestClient) -> None:
    web.get("/private", {"tab": "2"}).assert_redirect("http://localhost/login")
    response = web.get("/intended").assert_status(302)
    assert response.headers["Location"] == "http://localhost/private?tab=2"
    web.get("/intended").assert_redirect("http://localhost/home")


def test_a_spoofed_host_stored_as_intended_is_dropped(web: TestClient) -> None:
    web.get("http://evil.test/private").assert_status(302)
    response = web.get("/intended").assert_status(302)
    assert response.headers["Location"] == "http://localhost/home"


@pytest.mark.parametrize(
    ("url", "same"),
    [
        ("/", True),
        ("relative/path", True),
        ("?q=1", True),
        ("http://localhost", True),
        ("HTTPS://localhost/x", True),
        ("http://app.test/x", True),
        ("ftp://localhost/x", False),
        ("http://sub.localhost/x", False),
        ("//localhost/x", True),
        ("///evil.test", False),
        ("http://evil.test#@localhost", False),
        ("", True),
    ],
)
def test_is_same_host(make_app: t.Any, url: str, same: bool) -> None:
    app = make_app(env=WEB_ENV)
    generator = app.make("url")
    generator.force_root_url("http://app.test")
    assert generator.is_same_host(url) is same
