"""The per-request shortcuts of the HTTP path answer exactly as the full path does."""

from __future__ import annotations

import json
import typing as t
from pathlib import Path

import flask
import pytest

from protevus.http.middleware.validate_post_size import ValidatePostSize
from protevus.support.json_encoding import json_encode

API = """
from protevus.facades import Route
from protevus.facades import Request

Route.bind("user", lambda value: "user-" + value)
Route.get("/users/{user}", lambda user: {"user": user})
Route.get("/echo", lambda: {"all": Request.all(), "query": Request.query()})
Route.post("/echo", lambda: {"all": Request.all(), "method": Request.method()})
Route.get("/merge", lambda: (Request.merge({"added": "x"}), Request.all())[1])
"""


@pytest.fixture
def app(http_app: t.Any) -> t.Any:
    return http_app(files={"routes/api.py": API}, api="routes/api.py")


def test_explicit_bindings_apply_to_routes_in_the_api_group(app: t.Any) -> None:
    response = app.flask.test_client().get("/api/users/7")
    assert response.get_json() == {"user": "user-7"}


def test_a_plain_get_has_empty_mutable_input(app: t.Any) -> None:
    client = app.flask.test_client()
    assert client.get("/api/echo").get_json() == {"all": {}, "query": {}}
    assert client.get("/api/merge").get_json() == {"added": "x"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/echo?name=%20Ada%20&empty=", {"name": "Ada", "empty": None}),
        ("/api/echo?tags[]=a&tags[]=b", {"tags": ["a", "b"]}),
    ],
)
def test_query_strings_are_still_parsed_and_cleaned(
    app: t.Any, url: str, expected: dict[str, t.Any]
) -> None:
    body = app.flask.test_client().get(url).get_json()
    assert body["all"] == expected
    assert body["query"] == expected


def test_form_and_json_bodies_are_still_parsed_and_cleaned(app: t.Any) -> None:
    client = app.flask.test_client()
    form = client.post("/api/echo", data={"name": "  Ada ", "_method": "POST"})
    assert form.get_json()["all"] == {"name": "Ada", "_method": "POST"}
    sent = client.post("/api/echo", json={"name": " Ada ", "blank": ""})
    assert sent.get_json()["all"] == {"name": "Ada", "blank": None}


def test_malformed_json_is_still_a_400(app: t.Any) -> None:
    response = app.flask.test_client().post(
        "/api/echo", data="{oops", content_type="application/json"
    )
    assert response.status_code == 400


def test_post_size_is_checked_only_when_a_body_is_announced() -> None:
    class Tiny(ValidatePostSize):
        max_size = 4

    passed: list[str] = []
    app = flask.Flask(__name__)
    with app.test_request_context("/", method="GET"):
        Tiny().handle(flask.request, lambda request: passed.append("get"))
    with app.test_request_context("/", method="POST", data="12345678"):
        with pytest.raises(Exception, match=r"\[8\] bytes sent, \[4\] allowed"):
            Tiny().handle(flask.request, lambda request: passed.append("post"))
    assert passed == ["get"]


def test_down_takes_effect_on_the_next_request(app: t.Any) -> None:
    client = app.flask.test_client()
    assert client.get("/api/users/1").status_code == 200
    down = Path(app.storage_path("framework/down"))
    down.parent.mkdir(parents=True, exist_ok=True)
    down.write_text(json.dumps({"status": 503}))
    assert client.get("/api/users/1").status_code == 503
    down.unlink()
    assert client.get("/api/users/1").status_code == 200


def test_flask_sessions_still_work_without_a_cookie_header(http_app: t.Any) -> None:
    app = http_app()
    router = app.make("router")

    def remember() -> str:
        flask.session["seen"] = "yes"
        return "ok"

    router.get("/remember", remember)
    router.get("/recall", lambda: str(flask.session.get("seen")))
    router.get("/plain", lambda: "plain")
    client = app.flask.test_client()
    plain = client.get("/plain")
    assert "Set-Cookie" not in plain.headers
    assert "Vary" not in plain.headers
    first = client.get("/remember")
    assert "Set-Cookie" in first.headers
    assert "Cookie" in first.headers["Vary"]
    assert client.get("/recall").get_data(as_text=True) == "yes"
    fresh = app.flask.test_client().get("/recall")
    assert fresh.get_data(as_text=True) == "None"
    assert "Cookie" in fresh.headers["Vary"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            {"a": 1, "b": "x/y", "c": None, "d": True},
            '{"a":1,"b":"x\\/y","c":null,"d":true}',
        ),
        ({1: 2.0, "n": {"x": [1.5, "é"]}}, '{"1":2,"n":{"x":[1.5,"\\u00e9"]}}'),
        ({True: "t"}, '{"True":"t"}'),
    ],
)
def test_json_encoding_of_plain_dicts_is_unchanged(
    value: dict[t.Any, t.Any], expected: str
) -> None:
    assert json_encode(value) == expected
