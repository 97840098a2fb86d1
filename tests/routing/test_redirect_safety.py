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
