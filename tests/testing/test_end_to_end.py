"""TestClient + TestResponse through the whole HTTP kernel: routes, errors, redirects, cookies."""

from __future__ import annotations

import typing as t

import pytest

pytest.importorskip("protevus.foundation.http.kernel")
pytest.importorskip("protevus.routing.routing_service_provider")

from protevus.facades import Route  # noqa: E402
from protevus.http.request import Request  # noqa: E402
from protevus.testing import TestClient  # noqa: E402


@pytest.fixture
def routed(make_app: t.Any) -> t.Iterator[TestClient]:
    app = make_app()

    Route.get("/", lambda: "<h1>Welcome &amp; hello</h1>").name("home")
    Route.get("/hello/{name}", lambda name: f"<p>Hello {name}</p>").name("hello")
    Route.get(
        "/posts",
        lambda: {
            "data": [{"id": 1, "title": "First"}, {"id": 2, "title": "Second"}],
            "meta": {"total": 2},
        },
    )

    def store(request: Request) -> t.Any:
        return app.make("response").json(
            {"id": 3, "title": request.input("title")}, 201
        )

    def update(id: str, request: Request) -> t.Any:
        return {"id": int(id), "title": request.input("title")}

    def headers(request: Request) -> t.Any:
        return {"team": request.header("X-Team"), "token": request.bearer_token()}

    Route.post("/posts", store)
    Route.put("/posts/{id}", update)
    Route.delete("/posts/{id}", lambda id: app.make("response").no_content())
    Route.get("/go-home", lambda: app.make("redirect").route("hello", {"name": "ann"}))
    Route.redirect("/here", "/there")
    Route.get(
        "/cookie", lambda: app.make("response").make("ok").cookie("flavour", "oat")
    )
    Route.get("/headers", headers)
    yield TestClient(app)


def test_html_route(routed: TestClient) -> None:
    routed.get("/").assert_ok().assert_see("Welcome & hello").assert_see_text(
        "Welcome & hello"
    )
    routed.get("/hello/ann").assert_ok().assert_see_text("Hello ann").assert_dont_see(
        "Bob"
    )


def test_json_routes(routed: TestClient) -> None:
    response = routed.get_json("/posts")
    response.assert_ok().assert_header("Content-Type", "application/json")
    response.assert_json({"meta": {"total": 2}}).assert_json_count(2, "data")
    response.assert_json_path("data.*.id", [1, 2]).assert_json_fragment(
        {"title": "Second"}
    )
    response.assert_json_structure({"data": {"*": ["id", "title"]}, "meta": ["total"]})
    response.assert_json_missing({"title": "Third"})


def test_json_bodies_and_status(routed: TestClient) -> None:
    routed.post_json("/posts", {"title": "New"}).assert_created().assert_exact_json(
        {"id": 3, "title": "New"}
    )
    routed.put_json("/posts/3", {"title": "Edit"}).assert_ok().assert_json_path(
        "title", "Edit"
    )
    routed.put("/posts/3", {"title": "Form"}).assert_ok().assert_json_path(
        "title", "Form"
    )
    routed.delete("/posts/3").assert_no_content()


def test_headers_reach_the_request(routed: TestClient) -> None:
    routed.with_headers({"X-Team": "7"}).with_token("abc").get(
        "/headers"
    ).assert_exact_json({"team": "7", "token": "abc"})


def test_not_found_and_method_not_allowed(routed: TestClient) -> None:
    routed.get("/nowhere").assert_not_found()
    routed.get_json("/nowhere").assert_not_found().assert_json_structure(["message"])
    routed.patch("/posts").assert_method_not_allowed().assert_header("Allow")


def test_malformed_json_body_is_a_400(routed: TestClient) -> None:
    routed.post(
        "/posts",
        "{not json",
        {"Content-Type": "application/json", "Accept": "application/json"},
    ).assert_bad_request().assert_json_structure(["message"])


def test_redirects(routed: TestClient) -> None:
    routed.get("/here").assert_redirect("/there")
    routed.get("/go-home").assert_redirect("/hello/ann").assert_redirect_to_route(
        "hello", {"name": "ann"}
    )
    routed.follow_redirects().get("/go-home").assert_ok().assert_see("Hello ann")


def test_cookies(routed: TestClient) -> None:
    routed.get("/cookie").assert_ok().assert_cookie(
        "flavour", "oat"
    ).assert_cookie_missing("other")


def test_failure_message_through_the_kernel(routed: TestClient) -> None:
    with pytest.raises(AssertionError) as info:
        routed.get("/nowhere").assert_ok()
    assert "Expected response status code [200] but received 404." in str(info.value)
    assert "status 404" in str(info.value)
