"""Route parameters hinted ``int``, ``float`` or ``bool`` reach the action converted; bad values are 404s."""

from __future__ import annotations

import typing as t

import pytest

from protevus.facades import Route
from protevus.routing.controller import Controller
from protevus.testing import TestClient


def show_int(id: int) -> dict[str, t.Any]:
    return {
        "value": id,
        "type": type(id).__name__,
        "raw": Route.current().parameter("id"),
    }


def show_float(price: float) -> dict[str, t.Any]:
    return {"value": price, "type": type(price).__name__}


def show_bool(flag: bool) -> dict[str, t.Any]:
    return {"value": flag, "type": type(flag).__name__}


def show_optional(id: int | None = None) -> dict[str, t.Any]:
    return {"value": id, "type": type(id).__name__}


def show_typing_optional(id: t.Optional[int]) -> dict[str, t.Any]:  # noqa: UP045 - the old spelling works too
    return {"value": id, "type": type(id).__name__}


def show_union(id: int | str) -> dict[str, t.Any]:
    return {"value": id, "type": type(id).__name__}


def show_positional(post_id: int, comment_id: int) -> dict[str, t.Any]:
    return {"value": post_id + comment_id, "type": type(post_id).__name__}


class PhotoController(Controller):
    def show(self, photo: int) -> dict[str, t.Any]:
        return {"value": photo, "type": type(photo).__name__}


@pytest.fixture
def client(make_app: t.Any) -> TestClient:
    app = make_app(env="LOG_CHANNEL=null\n")
    Route.get("/int/{id}", show_int)
    Route.get("/float/{price}", show_float)
    Route.get("/bool/{flag}", show_bool)
    Route.get("/optional/{id?}", show_optional)
    Route.get("/typing/{id?}", show_typing_optional)
    Route.get("/union/{id}", show_union)
    Route.get("/posts/{post}/comments/{comment}", show_positional)
    Route.get("/photos/{photo}", [PhotoController, "show"])
    return TestClient(app)


@pytest.mark.parametrize(
    ("path", "value", "type_"),
    [
        ("/int/5", 5, "int"),
        ("/int/-3", -3, "int"),
        ("/int/007", 7, "int"),
        ("/float/2.5", 2.5, "float"),
        ("/float/3", 3.0, "float"),
        ("/float/1e3", 1000.0, "float"),
        ("/bool/1", True, "bool"),
        ("/bool/true", True, "bool"),
        ("/bool/Off", False, "bool"),
        ("/bool/0", False, "bool"),
        ("/optional", None, "NoneType"),
        ("/optional/9", 9, "int"),
        ("/typing", None, "NoneType"),
        ("/typing/4", 4, "int"),
        ("/union/5", "5", "str"),
        ("/posts/2/comments/3", 5, "int"),
        ("/photos/12", 12, "int"),
    ],
)
def test_typed_parameters_are_converted(
    client: TestClient, path: str, value: t.Any, type_: str
) -> None:
    response = client.get(path).assert_ok()

    assert response.json()["value"] == value
    assert response.json()["type"] == type_


def test_the_route_keeps_the_string(client: TestClient) -> None:
    assert client.get("/int/5").json()["raw"] == "5"


@pytest.mark.parametrize(
    "path",
    [
        "/int/abc",
        "/int/5.5",
        "/int/%C2%B3",
        "/int/1_000",
        "/float/nan",
        "/float/inf",
        "/float/x",
        "/bool/maybe",
        "/optional/x",
        "/posts/1/comments/x",
        "/photos/me",
    ],
)
def test_values_that_cannot_be_converted_are_not_found(
    client: TestClient, path: str
) -> None:
    client.get_json(path).assert_not_found()


def test_the_not_found_message_names_the_parameter(make_app: t.Any) -> None:
    app = make_app(env="APP_DEBUG=true\nLOG_CHANNEL=null\n")
    Route.get("/int/{id}", show_int)

    response = TestClient(app).get_json("/int/abc").assert_not_found()

    assert response.json()["message"] == (
        "The route parameter [id] must be an integer; [abc] is not."
    )


def test_an_unresolvable_hint_does_not_stop_the_conversion(make_app: t.Any) -> None:
    class Local:
        pass

    def action(id: int, other: Local | None = None) -> dict[str, t.Any]:
        return {"value": id, "type": type(id).__name__}

    app = make_app(env="LOG_CHANNEL=null\n")
    Route.get("/local/{id}", action)

    assert TestClient(app).get("/local/8").assert_ok().json()["type"] == "int"
