"""HTTP exceptions and abort helpers, on their own and through Flask."""

from __future__ import annotations

import flask
import pytest
from werkzeug.exceptions import HTTPException

from protevus.exceptions import ProtevusError
from protevus.http.exceptions import AccessDeniedHttpException
from protevus.http.exceptions import BadRequestHttpException
from protevus.http.exceptions import HttpException
from protevus.http.exceptions import HttpResponseException
from protevus.http.exceptions import MethodNotAllowedHttpException
from protevus.http.exceptions import NotFoundHttpException
from protevus.http.exceptions import PostTooLargeException
from protevus.http.exceptions import ServiceUnavailableHttpException
from protevus.http.exceptions import TooManyRequestsHttpException
from protevus.http.exceptions import UnauthorizedHttpException
from protevus.http.exceptions import abort
from protevus.http.exceptions import abort_if
from protevus.http.exceptions import abort_unless
from protevus.http.response import Response


@pytest.mark.parametrize(
    ("exc", "status"),
    [
        (BadRequestHttpException("bad"), 400),
        (UnauthorizedHttpException("Bearer", "who?"), 401),
        (AccessDeniedHttpException("no"), 403),
        (NotFoundHttpException("gone"), 404),
        (MethodNotAllowedHttpException(["get", "head"], "nope"), 405),
        (PostTooLargeException(), 413),
        (TooManyRequestsHttpException(60, "slow"), 429),
        (ServiceUnavailableHttpException(120, "down"), 503),
    ],
)
def test_named_exceptions(exc: HttpException, status: int) -> None:
    assert isinstance(exc, HTTPException) and isinstance(exc, ProtevusError)
    assert exc.status_code == exc.code == exc.get_status_code() == status
    assert str(exc) == exc.message == exc.get_message()


def test_headers_of_named_exceptions() -> None:
    assert MethodNotAllowedHttpException(["get", "head"]).headers == {
        "Allow": "GET, HEAD"
    }
    assert UnauthorizedHttpException("Bearer").headers == {"WWW-Authenticate": "Bearer"}
    assert UnauthorizedHttpException().headers == {}
    assert TooManyRequestsHttpException(30).headers == {"Retry-After": "30"}
    assert ServiceUnavailableHttpException(None, headers={"X": "1"}).headers == {
        "X": "1"
    }
    exc = HttpException(418, headers={"X-Tea": "1"})
    assert str(exc) == "418 I'm a teapot" and exc.message == ""
    exc.set_headers({"X-Other": "2"})
    assert ("X-Other", "2") in exc.get_headers()
    cause = ValueError("root")
    assert HttpException(500, "x", previous=cause).__cause__ is cause


def test_abort() -> None:
    with pytest.raises(NotFoundHttpException):
        abort(404)
    with pytest.raises(HttpException) as caught:
        abort(403, "Nope.", {"X-Reason": "r"})
    assert caught.value.status_code == 403 and caught.value.message == "Nope."
    assert caught.value.headers == {"X-Reason": "r"}
    response = Response("custom", 409)
    with pytest.raises(HttpResponseException) as sent:
        abort(response)
    assert sent.value.get_response() is response
    assert sent.value.code == 409
    with pytest.raises(TypeError, match="status code or a response"):
        abort("404")


def test_abort_with_a_responsable() -> None:
    class Thing:
        def to_response(self, request: object) -> Response:
            return Response(f"request={request}", 202)

    with pytest.raises(HttpResponseException) as sent:
        abort(Thing())
    assert sent.value.get_response().get_data() == b"request=None"


def test_abort_if_and_unless() -> None:
    abort_if(False, 500)
    abort_unless(True, 500)
    with pytest.raises(HttpException) as caught:
        abort_if(True, 401, "Login.")
    assert caught.value.status_code == 401
    with pytest.raises(NotFoundHttpException):
        abort_unless(0, 404)


def test_flask_sends_them_with_status_and_headers(flask_app: flask.Flask) -> None:
    @flask_app.get("/limited")
    def limited() -> str:
        raise TooManyRequestsHttpException(10, "Slow down.")

    @flask_app.get("/custom")
    def custom() -> str:
        abort(Response("teapot", 418, {"X-T": "1"}))

    client = flask_app.test_client()
    limited_response = client.get("/limited")
    assert limited_response.status_code == 429
    assert limited_response.headers["Retry-After"] == "10"
    assert b"Slow down." in limited_response.data
    custom_response = client.get("/custom")
    assert custom_response.status_code == 418
    assert custom_response.text == "teapot" and custom_response.headers["X-T"] == "1"
