"""``request.validate()`` and ``validate_with_bag()`` through the validator service."""

from __future__ import annotations

import typing as t

import pytest

from protevus.http.request import Request
from protevus.validation.exceptions import ValidationError
from protevus.validation.validation_service_provider import ValidationServiceProvider


@pytest.fixture
def app(make_app: t.Any) -> t.Any:
    return make_app(providers=[ValidationServiceProvider])


def test_validate_returns_the_validated_data(app: t.Any) -> None:
    request = Request.from_values(
        "/?page=2", method="POST", data={"title": "Hi", "extra": "x"}
    )
    assert request.validate({"title": "required", "page": "integer"}) == {
        "title": "Hi",
        "page": "2",
    }


def test_validate_raises_with_messages_and_attributes(app: t.Any) -> None:
    request = Request.from_values("/", method="POST", json={"title": ""})
    with pytest.raises(ValidationError) as caught:
        request.validate(
            {"title": "required", "body": "required"},
            {"title.required": "A :attribute, please."},
            {"title": "headline"},
        )
    error = caught.value
    assert error.errors() == {
        "title": ["A headline, please."],
        "body": ["The body field is required."],
    }
    assert error.error_bag == "default" and error.status == 422
    assert str(error) == "A headline, please. (and 1 more error)"


def test_validate_with_bag_sets_the_bag(app: t.Any) -> None:
    request = Request.from_values("/", method="POST", data={})
    with pytest.raises(ValidationError) as caught:
        request.validate_with_bag("login", {"email": "required"})
    assert caught.value.error_bag == "login"
    request = Request.from_values("/", method="POST", data={"email": "a@b.c"})
    assert request.validate_with_bag("login", {"email": "required|email"}) == {
        "email": "a@b.c"
    }
