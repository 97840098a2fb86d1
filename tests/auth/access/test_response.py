"""Response.allow/deny/deny_with_status/deny_as_not_found and AuthorizationException."""

from __future__ import annotations

import pytest

from protevus.auth.access.exceptions import AuthorizationException
from protevus.auth.access.handles_authorization import HandlesAuthorization
from protevus.auth.access.response import Response
from protevus.http.exceptions import HttpException


def test_allow() -> None:
    response = Response.allow("Fine.", 5)

    assert response.allowed() and not response.denied()
    assert response.message() == "Fine." and response.code() == 5
    assert response.status() is None
    assert response.authorize() is response
    assert bool(response) is True
    assert response.to_array() == {"allowed": True, "message": "Fine.", "code": 5}


def test_deny_raises_a_403_with_the_message() -> None:
    response = Response.deny("You do not own this post.", "owner")

    assert response.denied() and bool(response) is False
    assert str(response) == "You do not own this post."
    with pytest.raises(AuthorizationException) as caught:
        response.authorize()
    exc = caught.value
    assert isinstance(exc, HttpException)
    assert exc.status_code == 403 and exc.code == 403
    assert str(exc) == "You do not own this post."
    assert exc.get_code() == "owner"
    assert exc.gate_response() is response


def test_deny_without_a_message_uses_the_default() -> None:
    with pytest.raises(
        AuthorizationException, match=r"^This action is unauthorized\.$"
    ):
        Response.deny().authorize()


def test_deny_as_not_found_and_with_status() -> None:
    assert Response.deny_as_not_found().status() == 404
    assert Response.deny_with_status(418, "Teapot.").status() == 418
    assert Response.deny().as_not_found().status() == 404

    with pytest.raises(AuthorizationException) as caught:
        Response.deny_as_not_found().authorize()
    exc = caught.value
    assert exc.has_status() and exc.status() == 404 and exc.status_code == 404
    assert str(exc) == "This action is unauthorized."
    # What the handler renders: the response's message, else the status text.
    assert exc.message == "Not Found"

    with pytest.raises(AuthorizationException) as caught:
        Response.deny_with_status(410, "Archived.").authorize()
    assert caught.value.status_code == 410 and caught.value.message == "Archived."


@pytest.mark.parametrize("status", [99, 600, "404", True, 40.4])
def test_a_status_must_be_an_http_status(status: object) -> None:
    with pytest.raises(ValueError, match="is not an HTTP status code"):
        Response.deny_with_status(status)  # type: ignore[arg-type]


def test_exception_round_trips_to_a_response() -> None:
    exc = AuthorizationException("No.", 3).as_not_found()

    response = exc.to_gate_response()

    assert response.denied() and response.message() == "No."
    assert response.code() == 3 and response.status() == 404


def test_handles_authorization_helpers() -> None:
    class Helpers(HandlesAuthorization):
        pass

    helpers = Helpers()
    assert helpers.allow("ok").allowed()
    assert helpers.deny("no", 1).message() == "no"
    assert helpers.deny_with_status(409).status() == 409
    assert helpers.deny_as_not_found().status() == 404
    assert helpers.denyAsNotFound().status() == 404  # type: ignore[attr-defined]


def test_camel_case_aliases() -> None:
    assert Response.denyAsNotFound().status() == 404  # type: ignore[attr-defined]
    assert Response.denyWithStatus(403).status() == 403  # type: ignore[attr-defined]
