"""ValidatePostSize: 413 when Content-Length is over the limit."""

from __future__ import annotations

import flask
import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.http.exceptions import PostTooLargeException
from protevus.http.middleware.validate_post_size import ValidatePostSize
from protevus.http.middleware.validate_post_size import parse_size
from protevus.http.request import Request


def body(size: int) -> Request:
    return Request.from_values("/", method="POST", data=b"x" * size)


class Small(ValidatePostSize):
    max_size = "1K"


def test_rejects_bodies_over_the_limit() -> None:
    with pytest.raises(PostTooLargeException) as caught:
        Small().handle(body(2048), lambda r: "passed")
    assert caught.value.status_code == 413
    assert "[2048] bytes sent, [1024] allowed" in str(caught.value)
    assert Small().handle(body(1024), lambda r: "passed") == "passed"


def test_no_limit_by_default_and_flask_limit(flask_app: flask.Flask) -> None:
    assert ValidatePostSize().handle(body(10_000), lambda r: "ok") == "ok"
    flask_app.config["MAX_CONTENT_LENGTH"] = 10
    with flask_app.test_request_context("/", method="POST", data=b"x" * 11):
        request = flask.request._get_current_object()  # type: ignore[attr-defined]
        with pytest.raises(PostTooLargeException):
            ValidatePostSize().handle(request, lambda r: "ok")


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (None, None),
        (5, 5),
        ("8M", 8 * 1024**2),
        ("512k", 512 * 1024),
        ("1G", 1024**3),
        ("10", 10),
    ],
)
def test_parse_size(size: int | str | None, expected: int | None) -> None:
    assert parse_size(size) == expected


def test_parse_size_rejects_nonsense() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[lots\]"):
        parse_size("lots")
