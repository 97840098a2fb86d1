"""The HTTP helpers (route, url, redirect, back, response, request, abort) through a real app."""

from __future__ import annotations

import typing as t

import pytest

from protevus import helpers
from protevus.facades import Route
from protevus.testing import TestClient


@pytest.fixture
def client(make_app: t.Any) -> TestClient:
    app = make_app(env="APP_URL=http://shop.test\n")
    Route.get(
        "/users/{id}/profile", lambda id: helpers.route("profile", {"id": id})
    ).name("profile")
    Route.get("/url", lambda: helpers.url("/a/b"))
    Route.get("/go", lambda: helpers.redirect("/there"))
    Route.get("/named", lambda: helpers.to_route("profile", {"id": 7}))
    Route.get("/back", lambda: helpers.back(fallback="/home"))
    Route.get("/made", lambda: helpers.response("made", 201, {"X-Made": "yes"}))
    Route.get("/json", lambda: helpers.response().json({"ok": True}))
    Route.get(
        "/echo",
        lambda: {"name": helpers.request("name"), "all": helpers.request(["a"])},
    )
    Route.get("/gone", lambda: helpers.abort(410, "Gone for good"))
    Route.get("/if", lambda: helpers.abort_if(True, 403))
    Route.get("/unless", lambda: helpers.abort_unless(True, 403) or "fine")
    return TestClient(app)


def test_route_and_url(client: TestClient) -> None:
    client.get("/users/5/profile").assert_ok().assert_see(
        "http://shop.test/users/5/profile"
    )
    assert helpers.route("profile", {"id": 3, "tab": "x"}, absolute=False) == (
        "/users/3/profile?tab=x"
    )
    client.get("/url").assert_see("http://shop.test/a/b")


def test_redirects(client: TestClient) -> None:
    client.get("/go").assert_redirect("http://shop.test/there")
    client.get("/named").assert_redirect("http://shop.test/users/7/profile")
    client.get("/back").assert_redirect("http://shop.test/home")


def test_response_and_request(client: TestClient) -> None:
    client.get("/made").assert_status(201).assert_header("X-Made", "yes").assert_see(
        "made"
    )
    client.get("/json").assert_ok().assert_exact_json({"ok": True})
    client.get("/echo?name=Taylor&a=1").assert_json(
        {"name": "Taylor", "all": {"a": "1"}}
    )


def test_abort_helpers(client: TestClient) -> None:
    client.get("/gone").assert_status(410)
    client.get_json("/gone").assert_status(410).assert_json(
        {"message": "Gone for good"}
    )
    client.get("/if").assert_forbidden()
    client.get("/unless").assert_ok().assert_see("fine")
