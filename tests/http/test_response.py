"""Response, JsonResponse, RedirectResponse, streamed and file responses."""

from __future__ import annotations

import datetime as dt
import typing as t
from pathlib import Path

import flask
import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.http.exceptions import HttpResponseException
from protevus.http.request import Request
from protevus.http.response import BinaryFileResponse
from protevus.http.response import Cookie
from protevus.http.response import JsonResponse
from protevus.http.response import RedirectResponse
from protevus.http.response import Response
from protevus.http.response import StreamedResponse
from protevus.support.collection import Collection
from protevus.support.json_encoding import JSON_PRETTY_PRINT
from protevus.support.json_encoding import JSON_UNESCAPED_SLASHES
from protevus.support.json_encoding import JSON_UNESCAPED_UNICODE
from protevus.support.message_bag import MessageBag
from protevus.support.view_error_bag import ViewErrorBag


def test_response_status_content_and_headers() -> None:
    response = Response("Hello", 201, {"X-A": "1"})
    assert response.status() == 201
    assert response.status == "201 CREATED"  # Werkzeug's status line still works
    assert response.get_status_code() == 201
    assert response.status_text() == "CREATED"
    assert response.content() == "Hello"
    assert response.get_content() == "Hello"
    response.header("X-A", "2").header("X-A", "3", replace=False)
    assert response.headers.getlist("X-A") == ["2", "3"]
    response.with_headers({"X-B": "b", "X-C": 3})
    assert response.headers["X-C"] == "3"
    response.set_status_code(404)
    assert response.is_not_found() and response.is_client_error()
    response.set_content("changed")
    assert response.get_data() == b"changed"
    with pytest.raises(InvalidArgumentError, match=r"\[999\]"):
        response.set_status_code(999)


def test_dict_content_becomes_json() -> None:
    response = Response({"a": 1})
    assert response.content_type == "application/json"
    assert response.content() == '{"a":1}'
    assert response.get_original_content() == {"a": 1}
    response.set_content(Collection([1, 2]))
    assert response.content() == "[1,2]"


@pytest.mark.parametrize(
    ("code", "checks"),
    [
        (200, {"is_ok", "is_successful"}),
        (204, {"is_successful", "is_empty"}),
        (302, {"is_redirection", "is_redirect"}),
        (403, {"is_forbidden", "is_client_error"}),
        (404, {"is_not_found", "is_client_error"}),
        (500, {"is_server_error"}),
        (101, {"is_informational"}),
    ],
)
def test_status_predicates(code: int, checks: set[str]) -> None:
    names = [
        "is_ok", "is_successful", "is_empty", "is_redirection", "is_redirect",
        "is_forbidden", "is_not_found", "is_client_error", "is_server_error",
        "is_informational", "is_invalid",
    ]  # fmt: skip
    response = Response("", code)
    assert {name for name in names if getattr(response, name)()} == checks


def test_cookies() -> None:
    response = Response("x")
    response.cookie("name", "value", 60)
    response.with_cookie(Cookie("plain", "v", same_site="strict", secure=True))
    response.without_cookie("old")
    cookies = response.headers.getlist("Set-Cookie")
    assert any(c.startswith("name=value;") and "Max-Age=3600" in c for c in cookies)
    assert any(
        "plain=v" in c and "SameSite=Strict" in c and "Secure" in c for c in cookies
    )
    assert any(c.startswith("old=;") and "Max-Age=0" in c for c in cookies)
    assert all("HttpOnly" in c for c in cookies)


def test_throw_response() -> None:
    response = Response("stop", 418)
    with pytest.raises(HttpResponseException) as caught:
        response.throw_response()
    assert caught.value.get_response() is response


def test_json_response_is_compact_like_php() -> None:
    response = JsonResponse({"url": "http://x/y", "name": "Zoë", "n": 1.0, "f": 1.5})
    assert response.content_type == "application/json"
    assert response.get_data(as_text=True) == (
        '{"url":"http:\\/\\/x\\/y","name":"Zo\\u00eb","n":1,"f":1.5}'
    )
    assert response.data == {"url": "http://x/y", "name": "Zoë", "n": 1, "f": 1.5}
    assert response.get_data_value()["name"] == "Zoë"
    assert response.status_code == 200


def test_json_response_options_and_data_updates() -> None:
    options = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
    response = JsonResponse({"u": "a/b", "é": 1}, 201, {"X-A": "1"}, options)
    assert response.get_data(as_text=True) == '{"u":"a/b","é":1}'
    assert response.status_code == 201 and response.headers["X-A"] == "1"
    response.set_data([1, 2])
    assert response.data == [1, 2]
    response.data = {"k": None}
    assert response.get_data() == b'{"k":null}'
    response.set_encoding_options(JSON_PRETTY_PRINT)
    assert response.get_data(as_text=True) == '{\n    "k": null\n}'


def test_json_response_serialises_rich_values() -> None:
    when = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    response = JsonResponse({"when": when, "items": Collection(["a"]), "tuple": (1,)})
    assert response.data == {
        "when": "2024-01-02T03:04:05.000000Z",
        "items": ["a"],
        "tuple": [1],
    }
    with pytest.raises(InvalidArgumentError, match="NaN"):
        JsonResponse({"x": float("nan")})
    with pytest.raises(InvalidArgumentError, match=r"\[object\]"):
        JsonResponse({"x": object()})


def test_json_response_raw_json_jsonp_and_flask(flask_app: flask.Flask) -> None:
    assert JsonResponse('{"a": 1}', json=True).data == {"a": 1}
    jsonp = JsonResponse({"a": 1}).with_callback("cb")
    assert jsonp.get_data(as_text=True) == '/**/cb({"a":1});'
    with pytest.raises(InvalidArgumentError, match="callback"):
        JsonResponse({}).with_callback("alert(1)")

    @flask_app.get("/")
    def index() -> JsonResponse:
        return JsonResponse({"ok": True}, 202)

    response = flask_app.test_client().get("/")
    assert response.status_code == 202
    assert response.get_json() == {"ok": True}
    assert response.headers["Content-Type"] == "application/json"


class FakeSession:
    def __init__(self) -> None:
        self.data: dict[str, t.Any] = {}

    def get(self, key: str, default: t.Any = None) -> t.Any:
        return self.data.get(key, default)

    def flash(self, key: str, value: t.Any) -> None:
        self.data[key] = value


def test_redirect_response_target_and_fragment() -> None:
    response = RedirectResponse("/home")
    assert response.status_code == 302
    assert response.headers["Location"] == "/home"
    assert response.get_target_url() == "/home" and response.target_url == "/home"
    assert "Redirecting to" in response.content()
    response.with_fragment("#top")
    assert response.target_url == "/home#top"
    response.with_fragment("bottom")
    assert response.target_url == "/home#bottom"
    response.without_fragment()
    assert response.headers["Location"] == "/home"
    assert RedirectResponse("/x", 301).is_redirect("/x")
    with pytest.raises(InvalidArgumentError, match=r"\[200\] is not a redirect"):
        RedirectResponse("/x", 200)
    with pytest.raises(InvalidArgumentError, match="empty URL"):
        RedirectResponse("")


def test_redirect_flashing_without_a_session_is_a_clear_error() -> None:
    with pytest.raises(RuntimeError, match="add StartSession to the route"):
        RedirectResponse("/").with_("status", "Saved")
    with pytest.raises(RuntimeError, match="Flashing data needs the session"):
        RedirectResponse("/").with_errors({"a": "b"})


def test_redirect_flashes_through_the_session() -> None:
    session = FakeSession()
    request = Request.from_values("/?name=Ann&password=x")
    response = RedirectResponse("/back").set_session(session).set_request(request)
    response.with_("status", "Saved").with_({"a": 1})
    response.with_success("Yes")
    response.withNotice("camel")
    assert session.data["status"] == "Saved" and session.data["a"] == 1
    assert session.data["success"] == "Yes" and session.data["notice"] == "camel"
    response.with_input()
    assert session.data["_old_input"] == {"name": "Ann", "password": "x"}
    response.except_input("password")
    assert session.data["_old_input"] == {"name": "Ann"}
    response.only_input("password")
    assert session.data["_old_input"] == {"password": "x"}
    response.with_errors({"email": ["Required."]})
    response.with_errors("Bad login.", "login")
    errors = session.data["errors"]
    assert isinstance(errors, ViewErrorBag)
    assert isinstance(errors.get_bag("default"), MessageBag)
    assert errors.first("email") == "Required."
    assert errors.login.first() == "Bad login."
    with pytest.raises(AttributeError, match=r"Method \[nope\]"):
        response.nope()  # type: ignore[attr-defined]


def test_streamed_response_calls_back_only_when_sent(flask_app: flask.Flask) -> None:
    calls: list[int] = []

    def produce() -> t.Iterator[str]:
        calls.append(1)
        yield "a"
        yield "b"

    response = StreamedResponse(produce, 200, {"X-S": "1"})
    assert calls == []

    @flask_app.get("/")
    def index() -> StreamedResponse:
        return StreamedResponse(produce, 200, {"X-S": "1"})

    sent = flask_app.test_client().get("/")
    assert sent.data == b"ab" and sent.headers["X-S"] == "1"
    assert calls == [1]
    assert response.status_code == 200


def test_binary_file_response(tmp_path: Path, flask_app: flask.Flask) -> None:
    path = tmp_path / "report ü.txt"
    path.write_text("content")

    @flask_app.get("/")
    def index() -> BinaryFileResponse:
        return BinaryFileResponse(path).set_content_disposition("attachment")

    sent = flask_app.test_client().get("/")
    assert sent.data == b"content"
    assert sent.headers["Content-Type"].startswith("text/plain")
    assert sent.headers["Content-Length"] == "7"
    assert sent.headers["Content-Disposition"] == (
        "attachment; filename=\"report .txt\"; filename*=utf-8''report%20%C3%BC.txt"
    )
    with pytest.raises(InvalidArgumentError, match="does not exist"):
        BinaryFileResponse(tmp_path / "missing")


def test_binary_file_response_can_delete_after_send(
    tmp_path: Path, flask_app: flask.Flask
) -> None:
    path = tmp_path / "tmp.bin"
    path.write_bytes(b"123")

    @flask_app.get("/")
    def index() -> BinaryFileResponse:
        return BinaryFileResponse(path).delete_file_after_send()

    assert flask_app.test_client().get("/").data == b"123"
    assert not path.exists()
