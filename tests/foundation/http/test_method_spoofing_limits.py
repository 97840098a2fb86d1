"""``_method`` spoofing reads the form under Flask's body limits, just before URL matching."""

from __future__ import annotations

import io
import typing as t

import pytest
from werkzeug.test import EnvironBuilder

from protevus.facades import Route
from protevus.http.request import Request
from protevus.testing import TestClient

JSON = {"Accept": "application/json"}
RAN: list[str] = []


def multipart(fields: dict[str, str], file_size: int) -> bytes:
    parts = [
        f'--B\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    parts.append(
        '--B\r\nContent-Disposition: form-data; name="upload"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    )
    return "".join(parts).encode() + b"x" * file_size + b"\r\n--B--\r\n"


@pytest.fixture
def app(make_app: t.Any) -> t.Any:
    RAN.clear()
    app = make_app()

    def store(request: Request) -> dict[str, t.Any]:
        RAN.append("store")
        return {"method": request.method(), "real": request.get_real_method()}

    def update(request: Request, item: str) -> dict[str, t.Any]:
        RAN.append("update")
        return {"method": request.method(), "item": item, "name": request.input("name")}

    Route.post("/items", store)
    Route.put("/items/{item}", update)
    Route.delete("/items/{item}", lambda item: {"deleted": item})
    return app


@pytest.mark.parametrize("field", ["PUT", "put"])
def test_a_form_method_field_reaches_the_put_route(app: t.Any, field: str) -> None:
    response = TestClient(app).post("/items/3", {"_method": field, "name": "Ada"})
    response.assert_ok()
    assert response.json() == {"method": "PUT", "item": "3", "name": "Ada"}


def test_a_multipart_method_field_and_the_header_spoof_too(app: t.Any) -> None:
    client = app.flask.test_client()
    body = multipart({"_method": "DELETE"}, 10)
    sent = client.post(
        "/items/4", data=body, content_type="multipart/form-data; boundary=B"
    )
    assert sent.get_json() == {"deleted": "4"}
    header = client.post("/items/5", headers={"X-HTTP-Method-Override": "delete"})
    assert header.get_json() == {"deleted": "5"}


def test_without_a_spoofable_field_a_post_stays_a_post(app: t.Any) -> None:
    client = TestClient(app)
    assert client.post("/items", {"_method": "GET"}).json("method") == "POST"
    client.post("/items/3", {"name": "x"}, JSON).assert_status(405)
    assert RAN == ["store"]


def test_an_oversized_form_is_refused_before_its_files_are_parsed(app: t.Any) -> None:
    app.flask.config["MAX_CONTENT_LENGTH"] = 1000
    body = multipart({"_method": "PUT", "name": "Ada"}, 200_000)
    stream = io.BytesIO(body)
    response = app.flask.test_client().post(
        "/items/3",
        input_stream=stream,
        content_length=len(body),
        content_type="multipart/form-data; boundary=B",
        headers=JSON,
    )
    assert response.status_code == 413
    assert stream.tell() == 0  # not one byte of the body was read
    assert RAN == []


def test_an_oversized_form_to_a_post_route_is_refused_too(app: t.Any) -> None:
    app.flask.config["MAX_CONTENT_LENGTH"] = 1000
    body = multipart({"name": "Ada"}, 5_000)
    stream = io.BytesIO(body)
    response = app.flask.test_client().post(
        "/items",
        input_stream=stream,
        content_length=len(body),
        content_type="multipart/form-data; boundary=B",
    )
    assert response.status_code == 413
    assert stream.tell() == 0  # not one byte of the body was read
    assert RAN == []


@pytest.mark.parametrize(
    ("setting", "value", "fields"),
    [
        ("MAX_FORM_PARTS", 3, {f"f{i}": "v" for i in range(10)}),
        ("MAX_FORM_MEMORY_SIZE", 100, {"_method": "PUT", "name": "A" * 1000}),
    ],
)
def test_the_form_limits_apply_to_the_method_field(
    app: t.Any, setting: str, value: int, fields: dict[str, str]
) -> None:
    app.flask.config[setting] = value
    body = multipart(fields, 10)
    response = app.flask.test_client().post(
        "/items/3", data=body, content_type="multipart/form-data; boundary=B"
    )
    assert response.status_code == 413
    assert RAN == []


def test_a_form_within_the_limits_still_spoofs(app: t.Any) -> None:
    app.flask.config["MAX_CONTENT_LENGTH"] = 10_000
    body = multipart({"_method": "PUT", "name": "Ada"}, 100)
    response = app.flask.test_client().post(
        "/items/3", data=body, content_type="multipart/form-data; boundary=B"
    )
    assert response.get_json() == {"method": "PUT", "item": "3", "name": "Ada"}


def test_a_request_made_outside_the_app_spoofs_at_once() -> None:
    request = Request.from_values("/", method="POST", data={"_method": "PATCH"})
    assert request.environ["REQUEST_METHOD"] == "PATCH"
    assert request.method == "PATCH"
    environ = EnvironBuilder("/", method="POST", data={"_method": "PATCH"})
    deferred = Request(environ.get_environ(), defer_method_override=True)
    assert deferred.environ["REQUEST_METHOD"] == "POST"
    assert deferred.apply_method_override() == "PATCH"
    assert deferred.method() == "PATCH"
