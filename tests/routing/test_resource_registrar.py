"""Resource and API resource routes: URIs, names, methods and options."""

from __future__ import annotations

import typing as t

import pytest

from protevus.routing.controller import Controller
from protevus.routing.router import Router


class PhotoController(Controller):
    def index(self) -> str:
        return "index"

    def create(self) -> str:
        return "create"

    def store(self) -> str:
        return "store"

    def show(self, photo: str) -> str:
        return f"show {photo}"

    def edit(self, photo: str) -> str:
        return f"edit {photo}"

    def update(self, photo: str) -> str:
        return f"update {photo}"

    def destroy(self, photo: str) -> str:
        return f"destroy {photo}"


class CommentController(Controller):
    def index(self, photo: str) -> str:
        return f"comments of {photo}"

    def show(self, photo: str, comment: str) -> str:
        return f"{photo}/{comment}"

    def store(self, photo: str) -> str:
        return "stored"


def table(router: Router) -> list[tuple[str, str, str | None, str]]:
    return [
        ("|".join(r.methods()), r.uri(), r.get_name(), r.get_action_method())
        for r in router.get_routes()
    ]


def test_resource_registers_laravels_seven_routes(router: Router) -> None:
    router.resource("photos", PhotoController)

    assert table(router) == [
        ("GET|HEAD", "photos", "photos.index", "index"),
        ("GET|HEAD", "photos/create", "photos.create", "create"),
        ("POST", "photos", "photos.store", "store"),
        ("GET|HEAD", "photos/{photo}", "photos.show", "show"),
        ("GET|HEAD", "photos/{photo}/edit", "photos.edit", "edit"),
        ("PUT|PATCH", "photos/{photo}", "photos.update", "update"),
        ("DELETE", "photos/{photo}", "photos.destroy", "destroy"),
    ]


def test_resource_routes_dispatch(router: Router, client: t.Any) -> None:
    router.resource("photos", PhotoController)

    assert client.get("/photos/create").data == b"create"
    assert client.get("/photos/5").data == b"show 5"
    assert client.patch("/photos/5").data == b"update 5"
    assert client.put("/photos/5").data == b"update 5"
    assert client.delete("/photos/5").data == b"destroy 5"
    assert client.post("/photos").data == b"store"
    assert client.post("/photos", data={"_method": "DELETE"}).status_code == 405


def test_api_resource_registers_five_routes(router: Router) -> None:
    router.api_resource("posts", PhotoController)

    assert table(router) == [
        ("GET|HEAD", "posts", "posts.index", "index"),
        ("POST", "posts", "posts.store", "store"),
        ("GET|HEAD", "posts/{post}", "posts.show", "show"),
        ("PUT|PATCH", "posts/{post}", "posts.update", "update"),
        ("DELETE", "posts/{post}", "posts.destroy", "destroy"),
    ]


def test_only_and_except(router: Router) -> None:
    router.resource("photos", PhotoController).only(["index", "show"])
    router.resource("videos", PhotoController).except_("create", "edit", "destroy")
    router.api_resource("tags", PhotoController).except_(["destroy"])

    names = [r.get_name() for r in router.get_routes()]
    assert names == [
        "photos.index",
        "photos.show",
        "videos.index",
        "videos.store",
        "videos.show",
        "videos.update",
        "tags.index",
        "tags.store",
        "tags.show",
        "tags.update",
    ]


def test_names_name_parameters_and_parameter(router: Router) -> None:
    router.resource("photos", PhotoController).only("show", "create").names(
        {"create": "photos.build"}
    )
    router.resource("users", PhotoController).only("show").names("people")
    router.resource("admin-users", PhotoController).only("show").parameters(
        {"admin-users": "admin_user"}
    )
    router.resource("pics", PhotoController).only("edit").parameter("pics", "pic").name(
        "edit", "pics.change"
    )

    assert table(router) == [
        ("GET|HEAD", "photos/create", "photos.build", "create"),
        ("GET|HEAD", "photos/{photo}", "photos.show", "show"),
        ("GET|HEAD", "users/{user}", "people.show", "show"),
        ("GET|HEAD", "admin-users/{admin_user}", "admin-users.show", "show"),
        ("GET|HEAD", "pics/{pic}/edit", "pics.change", "edit"),
    ]


def test_nested_resources(router: Router, client: t.Any) -> None:
    router.resource("photos.comments", CommentController).only("index", "show", "store")

    assert table(router) == [
        ("GET|HEAD", "photos/{photo}/comments", "photos.comments.index", "index"),
        ("POST", "photos/{photo}/comments", "photos.comments.store", "store"),
        (
            "GET|HEAD",
            "photos/{photo}/comments/{comment}",
            "photos.comments.show",
            "show",
        ),
    ]
    assert client.get("/photos/1/comments/2").data == b"1/2"


def test_shallow_nesting(router: Router) -> None:
    router.resource("photos.comments", PhotoController).shallow()

    assert [(r.uri(), r.get_name()) for r in router.get_routes()] == [
        ("photos/{photo}/comments", "photos.comments.index"),
        ("photos/{photo}/comments/create", "photos.comments.create"),
        ("photos/{photo}/comments", "photos.comments.store"),
        ("comments/{comment}", "comments.show"),
        ("comments/{comment}/edit", "comments.edit"),
        ("comments/{comment}", "comments.update"),
        ("comments/{comment}", "comments.destroy"),
    ]


def test_resource_in_a_group_and_with_middleware(router: Router, client: t.Any) -> None:
    seen: list[str] = []

    def mark(request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        seen.append(request.path)
        return next(request)

    with router.prefix("admin").name("admin.").group():
        router.resource("photos", PhotoController).only("index").middleware(mark)
    router.resource("shop/items", PhotoController).only("index")

    assert [(r.uri(), r.get_name()) for r in router.get_routes()] == [
        ("admin/photos", "admin.photos.index"),
        ("shop/items", "items.index"),
    ]
    assert client.get("/admin/photos").data == b"index"
    assert seen == ["/admin/photos"]


def test_resources_and_api_resources(router: Router) -> None:
    router.resources({"a": PhotoController, "b": PhotoController})
    router.api_resources({"c": PhotoController})

    assert len(router.get_routes()) == 7 + 7 + 5


@pytest.mark.parametrize("verb", [{"create": "crear", "edit": "editar"}])
def test_localized_resource_verbs(router: Router, verb: dict[str, str]) -> None:
    from protevus.routing.resource_registrar import ResourceRegistrar

    saved = ResourceRegistrar.resource_verbs()
    try:
        ResourceRegistrar.resource_verbs(verb)
        router.resource("fotos", PhotoController).only("create", "edit")
    finally:
        ResourceRegistrar.verbs = saved

    assert [r.uri() for r in router.get_routes()] == [
        "fotos/crear",
        "fotos/{foto}/editar",
    ]
