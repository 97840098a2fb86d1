"""TestClient against a tiny Flask app and a bare WSGI callable."""

from __future__ import annotations

import io
import typing as t

import flask
import pytest

from protevus.testing import TestClient
from protevus.testing import TestResponse


def echo_app() -> flask.Flask:
    web = flask.Flask("echo")

    @web.route("/echo", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
    def echo() -> t.Any:
        request = flask.request
        return {
            "method": request.method,
            "args": request.args.to_dict(),
            "form": request.form.to_dict(),
            "json": request.get_json(silent=True),
            "files": {k: f.filename for k, f in request.files.items()},
            "headers": {k: v for k, v in request.headers.items() if k.startswith("X-")},
            "accept": request.headers.get("Accept"),
            "content_type": request.content_type,
            "authorization": request.headers.get("Authorization"),
            "referer": request.headers.get("Referer"),
            "cookies": request.cookies.to_dict(),
            "remote_addr": request.remote_addr,
        }

    @web.route("/set-cookie")
    def set_cookie() -> t.Any:
        response = flask.make_response("set")
        response.set_cookie("visited", "yes")
        return response

    @web.route("/old")
    def old() -> t.Any:
        return flask.redirect("/new")

    @web.route("/new")
    def new() -> str:
        return "<h1>New place</h1>"

    return web


@pytest.fixture
def web() -> TestClient:
    return TestClient(echo_app())


def test_get_returns_a_test_response(web: TestClient) -> None:
    response = web.get("/echo", {"q": "x"})
    assert isinstance(response, TestResponse)
    response.assert_ok().assert_json({"method": "GET", "args": {"q": "x"}})
    web.get("/echo?page=2").assert_json_path("args.page", "2")


@pytest.mark.parametrize("verb", ["post", "put", "patch", "delete"])
def test_form_verbs_send_form_fields(web: TestClient, verb: str) -> None:
    response = getattr(web, verb)("/echo", {"name": "Ann"})
    response.assert_ok().assert_json(
        {"method": verb.upper(), "form": {"name": "Ann"}, "json": None}
    )


def test_options_and_head(web: TestClient) -> None:
    web.options("/echo").assert_ok()
    head = web.head("/echo")
    head.assert_ok()
    assert head.content == b""


def test_post_with_a_file_is_multipart(web: TestClient) -> None:
    response = web.post(
        "/echo", {"title": "x", "avatar": (io.BytesIO(b"png"), "me.png")}
    )
    response.assert_json({"form": {"title": "x"}, "files": {"avatar": "me.png"}})
    assert response.json("content_type").startswith("multipart/form-data")


@pytest.mark.parametrize("verb", ["post", "put", "patch", "delete", "options"])
def test_json_verbs_send_a_json_body_and_accept_json(
    web: TestClient, verb: str
) -> None:
    response = getattr(web, f"{verb}_json")("/echo", {"title": "Hi", "tags": [1]})
    response.assert_ok().assert_json(
        {
            "method": verb.upper(),
            "json": {"title": "Hi", "tags": [1]},
            "accept": "application/json",
            "content_type": "application/json",
        }
    )


def test_get_json_sends_accept_and_no_body(web: TestClient) -> None:
    web.get_json("/echo").assert_json({"accept": "application/json", "json": None})
    web.json("GET", "/echo", {"q": "1"}).assert_json_path("args", {"q": "1"})


def test_json_request_headers_can_be_overridden(web: TestClient) -> None:
    response = web.post_json("/echo", {"a": 1}, {"Accept": "text/html", "X-One": "1"})
    response.assert_json({"accept": "text/html", "headers": {"X-One": "1"}})


def test_json_rejects_unserialisable_data(web: TestClient) -> None:
    with pytest.raises(
        TypeError, match=r"Object of type \[object\] is not JSON serializable"
    ):
        web.post_json("/echo", {"x": object()})


def test_json_serialises_arrayable_objects(web: TestClient) -> None:
    class Post:
        def to_array(self) -> dict[str, int]:
            return {"id": 7}

    web.post_json("/echo", {"post": Post()}).assert_json_path("json.post.id", 7)


def test_with_headers_persist_and_request_headers_win(web: TestClient) -> None:
    web.with_headers({"X-Team": 1}).with_header("X-User", "ann")
    web.get("/echo").assert_json_path("headers", {"X-Team": "1", "X-User": "ann"})
    web.get("/echo", headers={"X-Team": "2"}).assert_json_path("headers.X-Team", "2")
    web.without_header("x-user").get("/echo").assert_json_path(
        "headers", {"X-Team": "1"}
    )
    web.flush_headers().get("/echo").assert_json_path("headers", {})


def test_with_token_and_basic_auth(web: TestClient) -> None:
    web.with_token("abc").get("/echo").assert_json_path("authorization", "Bearer abc")
    web.with_basic_auth("ann", "pw").get("/echo").assert_json_path(
        "authorization", "Basic YW5uOnB3"
    )
    web.without_token().get("/echo").assert_json_path("authorization", None)


def test_with_cookies(web: TestClient) -> None:
    web.with_cookies({"theme": "dark"}).with_cookie("lang", "en")
    web.with_unencrypted_cookie("raw", "1")
    web.get("/echo").assert_json_path(
        "cookies", {"theme": "dark", "lang": "en", "raw": "1"}
    )


def test_cookies_set_by_the_app_are_sent_back(web: TestClient) -> None:
    web.get("/set-cookie").assert_cookie("visited", "yes")
    web.get("/echo").assert_json_path("cookies.visited", "yes")


def test_from_sets_the_referer(web: TestClient) -> None:
    web.from_("/previous").get("/echo").assert_json_path("referer", "/previous")


def test_with_server_variables(web: TestClient) -> None:
    web.with_server_variables({"REMOTE_ADDR": "10.0.0.9"})
    web.get("/echo").assert_json_path("remote_addr", "10.0.0.9")


def test_redirects_are_not_followed_by_default(web: TestClient) -> None:
    web.get("/old").assert_redirect("/new")


def test_follow_redirects(web: TestClient) -> None:
    response = web.follow_redirects().get("/old")
    response.assert_ok().assert_see("New place")
    assert [r.status_code for r in response.history] == [302]


def test_unknown_route_is_a_404_response(web: TestClient) -> None:
    web.get("/nowhere").assert_not_found()
    web.put_json("/set-cookie").assert_method_not_allowed()


def test_camel_case_spelling(web: TestClient) -> None:
    web.withHeaders({"X-A": "1"}).postJson("/echo", {"a": 1}).assertJsonPath(
        "json.a", 1
    )


def test_plain_wsgi_callable() -> None:
    def wsgi(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
        start_response("201 Created", [("Content-Type", "text/plain")])
        return [environ["PATH_INFO"].encode()]

    TestClient(wsgi).get("/hello").assert_created().assert_see("/hello")


def test_rejects_things_that_are_not_apps() -> None:
    with pytest.raises(TypeError, match=r"Cannot make requests to \[int\]"):
        TestClient(42)


def test_werkzeug_client_is_reachable(web: TestClient) -> None:
    assert web.werkzeug_client.application is not None


def test_the_original_response_and_its_exception_are_kept() -> None:
    web = flask.Flask("errors")

    @web.route("/boom")
    def boom() -> t.Any:
        response = flask.make_response("Server Error", 500)
        response.exception = RuntimeError("database is down")  # type: ignore[attr-defined]
        return response

    response = TestClient(web).get("/boom")
    assert response.original_response is not None
    assert isinstance(response.exception, RuntimeError)
    with pytest.raises(AssertionError) as info:
        response.assert_ok()
    assert "RuntimeError: database is down" in str(info.value)


def test_plain_wsgi_responses_have_no_original() -> None:
    def wsgi(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
        start_response("200 OK", [])
        return [b""]

    response = TestClient(wsgi).get("/")
    assert response.original_response is None
    assert response.exception is None


def test_relative_uris_go_to_the_app_url(make_app: t.Any) -> None:
    from protevus.facades import Route
    from protevus.helpers import route
    from protevus.testing import TestClient

    app = make_app(env="APP_URL=http://localhost:8000\n")
    Route.get("/posts/{id}", lambda id: id).name("posts.show")
    Route.get("/r", lambda: route("posts.show", {"id": 5}))
    client = TestClient(app)
    client.get("/r").assert_see("http://localhost:8000/posts/5")
    assert route("posts.show", {"id": 5}) == "http://localhost:8000/posts/5"
