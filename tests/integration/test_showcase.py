"""The showcase application at the repository root, through the whole stack.

The ``app`` and ``client`` fixtures come from Protevus's pytest plugin: they boot
this repository's ``bootstrap/app.py`` (the showcase) with ``APP_ENV=testing``.
"""

from __future__ import annotations

import copy
import importlib
import re
import typing as t

import pytest

from protevus.facades import URL
from protevus.facades import Artisan
from protevus.testing import TestClient


@pytest.fixture(autouse=True)
def sample_data(app: t.Any) -> t.Iterator[None]:
    """Give every test the showcase's sample photos and posts (module-level stores)."""
    stores = [
        importlib.import_module("app.http.controllers.photo_controller").PHOTOS,
        importlib.import_module("app.http.controllers.post_controller").POSTS,
    ]
    saved = copy.deepcopy(stores)
    yield
    for store, data in zip(stores, saved, strict=True):
        store.clear()
        store.update(data)


def test_the_welcome_page_links_to_each_feature(app: t.Any, client: TestClient) -> None:
    response = client.get("/")

    response.assert_ok().assert_see(
        f"<h1>{app.make('config').get('app.name')}</h1>", escape=False
    )
    for path in ["/photos", "/users/1/taylor", "/greet/World", "/api/posts"]:
        response.assert_see(f'href="{path}"', escape=False)
    response.assert_see('href="/admin/dashboard?token=letmein"', escape=False)


def test_web_routes_carry_the_appended_middleware_and_api_routes_do_not(
    client: TestClient,
) -> None:
    client.get("/").assert_header("Server-Timing")
    assert re.fullmatch(r"app;dur=\d+\.\d\d", client.get("/").headers["Server-Timing"])
    client.get("/api/hello").assert_ok().assert_header_missing("Server-Timing")


def test_the_health_route_answers(client: TestClient) -> None:
    client.get("/up").assert_ok()


def test_a_closure_route_with_a_constrained_parameter(client: TestClient) -> None:
    client.get("/greet/Taylor").assert_ok().assert_see("Hello, Taylor!")
    client.get("/greet/<b>").assert_not_found()
    client.get("/greet/123").assert_not_found()


def test_optional_parameters_and_constructor_injection(
    app: t.Any, client: TestClient
) -> None:
    name = app.make("config").get("app.name")
    client.get("/users/7").assert_ok().assert_exact_json(
        {"id": 7, "name": None, "route": "users.show", "app": name}
    )
    client.get("/users/7/taylor").assert_json_path("name", "taylor")
    client.get("/users/abc").assert_not_found()


def test_the_photo_resource_answers_its_seven_actions(client: TestClient) -> None:
    client.get("/photos").assert_ok().assert_see_in_order(["Sunrise", "Harbour"])
    client.get("/photos/create").assert_ok().assert_see(
        'action="/photos"', escape=False
    )
    client.get("/photos/1").assert_ok().assert_see("<h1>Sunrise</h1>", escape=False)
    client.get("/photos/1/edit").assert_ok().assert_see('value="PUT"', escape=False)

    client.post("/photos", {"title": "  Dusk  "}).assert_redirect("/photos/3")
    client.get("/photos/3").assert_see("<h1>Dusk</h1>", escape=False)

    client.post("/photos/3", {"_method": "PUT", "title": "Night"}).assert_redirect(
        "/photos/3"
    )
    client.get("/photos/3").assert_see("Night")

    client.delete("/photos/3").assert_redirect("/photos")
    client.get("/photos/3").assert_not_found()


def test_resource_routes_are_named_like_laravels(app: t.Any) -> None:
    assert URL.route("photos.edit", 5, absolute=False) == "/photos/5/edit"
    assert URL.route("posts.show", {"post": 2, "page": 3}, absolute=False) == (
        "/api/posts/2?page=3"
    )
    assert URL.route("admin.dashboard", absolute=False) == "/admin/dashboard"


def test_missing_routes_and_wrong_verbs(client: TestClient) -> None:
    client.get("/photos/999").assert_not_found()
    client.get("/nowhere").assert_not_found()
    response = client.delete("/").assert_method_not_allowed()
    assert "GET" in response.headers["Allow"]


def test_redirect_routes(client: TestClient) -> None:
    client.get("/home").assert_status(302).assert_redirect("/")
    client.get("/pictures").assert_status(301).assert_redirect("/photos")


def test_the_admin_group_needs_the_token(client: TestClient) -> None:
    client.get("/admin/dashboard").assert_forbidden()
    client.get("/admin/dashboard", {"token": "wrong"}).assert_forbidden()
    client.get("/admin/dashboard", {"token": "letmein"}).assert_ok().assert_exact_json(
        {"route": "admin.dashboard", "photos": 2}
    )
    client.get("/admin/dashboard", headers={"X-Token": "letmein"}).assert_ok()


TOKEN = {"X-Token": "letmein"}


def test_the_post_api_resource(client: TestClient) -> None:
    client.get_json("/api/posts").assert_ok().assert_json_count(2, "data")
    client.get_json("/api/posts?search=art").assert_json_path("data.0.title", "Artisan")

    created = client.post_json("/api/posts", {"title": "New", "body": "Text"}, TOKEN)
    created.assert_created().assert_json({"data": {"id": 3, "title": "New"}})
    client.get_json("/api/posts/3").assert_json_path("data.body", "Text")

    client.put_json(
        "/api/posts/3", {"title": "Renamed"}, TOKEN
    ).assert_ok().assert_json_path("data.title", "Renamed")
    client.delete_json("/api/posts/3", headers=TOKEN).assert_no_content()
    client.get_json("/api/posts/3").assert_not_found().assert_json(
        {"message": "Post [3] not found."}
    )


def test_the_post_api_rejects_bad_input_without_a_server_error(
    client: TestClient,
) -> None:
    missing_title = client.post_json("/api/posts", {"body": "no title"}, TOKEN)
    missing_title.assert_unprocessable().assert_json(
        {"errors": {"title": ["The title field is required."]}}
    )
    client.put_json("/api/posts/1", {"title": ""}, TOKEN).assert_unprocessable()
    client.post(
        "/api/posts",
        headers={
            **TOKEN,
            "Content-Type": "application/json",
            "Accept": "application/json",
        },
        data="{not json",
    ).assert_status(400).assert_see("The request body is not valid JSON")
    client.post_json("/api/posts/1", {"title": "x"}).assert_method_not_allowed()


def test_writing_posts_needs_the_token_from_the_controller_middleware(
    client: TestClient,
) -> None:
    client.post_json("/api/posts", {"title": "New"}).assert_forbidden().assert_json(
        {"message": "The token is missing or invalid."}
    )
    client.delete_json("/api/posts/1").assert_forbidden()
    client.get_json("/api/posts/1").assert_ok()


def test_the_closure_commands(app: t.Any) -> None:
    assert Artisan.call("hello", {"name": "Taylor", "--yell": True}) == 0
    assert "HELLO, TAYLOR!" in Artisan.output()
    assert Artisan.call("hello") == 0
    assert "Hello, World!" in Artisan.output()
    assert Artisan.call("inspire") == 0
    assert " - " in Artisan.output()


def test_route_list_shows_the_showcase_routes(app: t.Any) -> None:
    assert Artisan.call("route:list") == 0
    output = Artisan.output()
    for expected in [
        "photos.index",
        "api/posts/{post}",
        "admin.dashboard",
        "users.show",
    ]:
        assert expected in output
