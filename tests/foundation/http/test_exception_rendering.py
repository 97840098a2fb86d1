"""Errors become pages or JSON: Laravel's Handler::render() through the kernel."""

from __future__ import annotations

import typing as t

import pytest

JSON = {"Accept": "application/json"}


class PaymentError(Exception):
    pass


class SelfRendering(Exception):
    def render(self, request: t.Any) -> t.Any:
        return {"rendered_by": "exception", "path": str(request.path)}


def _raise(exc: BaseException) -> t.Callable[[], t.Any]:
    def action() -> t.Any:
        raise exc

    return action


@pytest.fixture
def client_for(http_app: t.Any) -> t.Callable[..., t.Any]:
    def make(debug: bool = False, exceptions: t.Any = None, **routes: t.Any) -> t.Any:
        app = http_app(debug=debug, exceptions=exceptions)
        router = app.make("router")
        for uri, action in routes.items():
            router.get("/" + uri, action)
        return app.flask.test_client()

    return make


def test_unknown_route_is_a_404_page(client_for: t.Any) -> None:
    response = client_for().get("/nope")
    body = response.get_data(as_text=True)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "<title>Not Found</title>" in body
    assert ">404<" in body and "Not Found" in body


def test_unknown_route_as_json(client_for: t.Any) -> None:
    response = client_for().get("/nope", headers=JSON)
    assert response.status_code == 404
    assert response.get_json() == {"message": "The route nope could not be found."}


def test_wrong_verb_is_a_405_with_allow(client_for: t.Any) -> None:
    client = client_for(hello=lambda: "hi")
    response = client.post("/hello")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"] and "HEAD" in response.headers["Allow"]
    assert "Method Not Allowed" in response.get_data(as_text=True)
    as_json = client.post("/hello", headers=JSON)
    assert as_json.status_code == 405
    assert as_json.get_json()["message"].startswith(
        "The POST method is not supported for route hello."
    )


def test_malformed_json_body_is_a_400_json_error(http_app: t.Any) -> None:
    app = http_app()

    def store(request: t.Any) -> t.Any:
        return {"name": request.input("name")}

    from protevus.http.request import Request

    store.__annotations__["request"] = Request
    app.make("router").post("/items", store)
    response = app.flask.test_client().post(
        "/items",
        data="{not json",
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    assert response.status_code == 400
    assert response.get_json()["message"].startswith(
        "The request body is not valid JSON"
    )


def test_server_error_hides_everything_when_debug_is_off(client_for: t.Any) -> None:
    client = client_for(fails=_raise(RuntimeError("database password is hunter2")))
    page = client.get("/fails")
    body = page.get_data(as_text=True)
    assert page.status_code == 500
    assert "Server Error" in body
    for secret in ("hunter2", "Traceback", "RuntimeError", "test_exception_rendering"):
        assert secret not in body
    as_json = client.get("/fails", headers=JSON)
    assert as_json.status_code == 500
    assert as_json.get_json() == {"message": "Server Error"}


def test_debug_page_shows_the_exception_escaped(client_for: t.Any) -> None:
    client = client_for(debug=True, fails=_raise(RuntimeError("<script>x()</script>")))
    response = client.get(
        "/fails?q=<b>", headers={"Authorization": "Bearer top-secret", "X-Test": "<i>"}
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "builtins.RuntimeError" in body
    assert "&lt;script&gt;x()&lt;/script&gt;" in body
    assert "<script>x()" not in body
    assert "Stack trace" in body and "test_exception_rendering.py" in body
    assert "&lt;i&gt;" in body and "<i>" not in body
    assert "top-secret" not in body
    assert "<b>" not in body


def test_debug_json_has_exception_file_line_and_trace(client_for: t.Any) -> None:
    client = client_for(debug=True, fails=_raise(RuntimeError("boom")))
    data = client.get("/fails", headers=JSON).get_json()
    assert data["message"] == "boom"
    assert data["exception"] == "builtins.RuntimeError"
    assert data["file"].endswith("test_exception_rendering.py")
    assert isinstance(data["line"], int) and data["line"] > 0
    assert data["trace"][0]["file"].endswith("test_exception_rendering.py")
    assert {"file", "line", "function"} <= set(data["trace"][0])


def test_http_exceptions_keep_their_page_in_debug_mode(client_for: t.Any) -> None:
    from protevus.http.exceptions import abort

    client = client_for(debug=True, gone=lambda: abort(410))
    response = client.get("/gone")
    assert response.status_code == 410
    assert "Stack trace" not in response.get_data(as_text=True)
    assert "Gone" in response.get_data(as_text=True)


def test_abort_messages_headers_and_403_page(client_for: t.Any) -> None:
    from protevus.http.exceptions import abort

    client = client_for(
        denied=lambda: abort(403, "You shall not pass."),
        teapot=lambda: abort(418, "", {"X-Teapot": "yes"}),
        empty=lambda: abort(404),
    )
    denied = client.get("/denied")
    assert denied.status_code == 403
    assert "You shall not pass." in denied.get_data(as_text=True)
    assert client.get("/denied", headers=JSON).get_json() == {
        "message": "You shall not pass."
    }
    teapot = client.get("/teapot")
    assert teapot.status_code == 418 and teapot.headers["X-Teapot"] == "yes"
    assert "I&#x27;m a teapot" in teapot.get_data(as_text=True)
    assert client.get("/empty", headers=JSON).get_json() == {"message": "Not Found"}


def test_http_response_exception_sends_its_response(client_for: t.Any) -> None:
    from protevus.http.exceptions import abort
    from protevus.http.response import Response

    client = client_for(custom=lambda: abort(Response("custom body", 422)))
    response = client.get("/custom", headers=JSON)
    assert response.status_code == 422
    assert response.get_data(as_text=True) == "custom body"


def test_render_callbacks_match_by_annotation(client_for: t.Any) -> None:
    seen: list[str] = []

    def render_payment(exc: PaymentError, request: t.Any) -> t.Any:
        return {"payment": str(exc), "path": str(request.path)}

    def untyped(exc: t.Any) -> None:
        seen.append(type(exc).__name__)  # returns None: the next renderer runs

    def configure(e: t.Any) -> None:
        e.render(untyped)
        e.render(render_payment)

    client = client_for(
        exceptions=configure,
        pay=_raise(PaymentError("card declined")),
        other=_raise(KeyError("x")),
    )
    pay = client.get("/pay")
    assert pay.get_json() == {"payment": "card declined", "path": "/pay"}
    other = client.get("/other")
    assert other.status_code == 500
    assert seen == ["PaymentError", "KeyError"]


def test_exceptions_with_their_own_render_method(client_for: t.Any) -> None:
    client = client_for(mine=_raise(SelfRendering()))
    assert client.get("/mine").get_json() == {
        "rendered_by": "exception",
        "path": "/mine",
    }


def test_http_exceptions_are_not_reported_by_default(http_app: t.Any) -> None:
    from protevus.http.exceptions import abort

    reported: list[BaseException] = []
    app = http_app(exceptions=lambda e: e.report(lambda exc: reported.append(exc)))
    app.make("router").get("/denied", lambda: abort(403))
    app.make("router").get("/fails", _raise(RuntimeError("boom")))
    client = app.flask.test_client()
    client.get("/denied")
    client.get("/missing")
    client.get("/fails")
    assert [type(e).__name__ for e in reported] == ["RuntimeError"]


def test_map_respond_and_should_render_json_when(http_app: t.Any) -> None:
    app = http_app()
    handler = app.make("exceptions")
    handler.map(PaymentError, LookupError)

    def soften(exc: ZeroDivisionError) -> ValueError:
        return ValueError(f"softened {exc}")

    handler.map(soften)
    handler.respond(lambda response, exc, request: _stamp(response, exc))
    handler.respond(lambda response: response.headers.set("X-Seen", "1"))
    handler.should_render_json_when(
        lambda request, exc: str(request.path).startswith("/api/")
    )
    app.make("router").get("/api/pay", _raise(PaymentError("declined")))
    app.make("router").get("/api/divide", _raise(ZeroDivisionError("by zero")))
    app.make("router").get("/page", _raise(PaymentError("declined")))
    client = app.flask.test_client()
    response = client.get("/api/pay")
    assert response.status_code == 500
    assert response.get_json() == {"message": "Server Error"}
    assert response.headers["X-Exception"] == "LookupError"
    assert client.get("/api/divide").headers["X-Exception"] == "ValueError"
    assert response.headers["X-Seen"] == "1"  # a callback returning None keeps it
    page = client.get("/page", headers=JSON)
    assert page.mimetype == "text/html"  # the callback said no, whatever Accept says


def _stamp(response: t.Any, exc: BaseException) -> t.Any:
    response.headers["X-Exception"] = type(exc).__name__
    return response


def test_map_needs_a_target_or_a_callback(http_app: t.Any) -> None:
    handler = http_app().make("exceptions")
    with pytest.raises(TypeError, match=r"\[PaymentError\] needs a target"):
        handler.map(PaymentError)
    with pytest.raises(TypeError, match="is not an exception class"):
        handler.map(lambda e: e, LookupError)


def test_rendered_response_carries_the_exception(http_app: t.Any) -> None:
    app = http_app()
    handler = app.make("exceptions")
    with app.flask.test_request_context("/x", headers=JSON):
        from flask import request

        response = handler.render(request, RuntimeError("kept"))
    assert response.status_code == 500
    assert str(response.exception) == "kept"


def test_error_views_are_used_when_a_view_service_exists(http_app: t.Any) -> None:
    class Views:
        def exists(self, name: str) -> bool:
            return name == "errors.4xx"

        def make(self, name: str, data: dict[str, t.Any]) -> t.Any:
            class View:
                def render(self) -> str:
                    return f"view {name} for {data['exception'].code}"

            return View()

    app = http_app()
    app.instance("view", Views())
    response = app.flask.test_client().get("/nope")
    assert response.status_code == 404
    assert response.get_data(as_text=True) == "view errors.4xx for 404"
