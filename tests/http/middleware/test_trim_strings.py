"""TrimStrings: trims query, form and JSON input, except passwords and skipped requests."""

from __future__ import annotations

import json
import typing as t

import pytest

from protevus.http.middleware.trim_strings import TrimStrings
from protevus.http.request import Request


def run(middleware: t.Any, request: Request) -> Request:
    return t.cast(Request, middleware.handle(request, lambda r: r))


def test_trims_query_and_form_input_but_not_passwords() -> None:
    request = Request.from_values(
        "/?q=%20search%20",
        method="POST",
        data={"name": "  Ann\t", "password": " secret ", "tags[]": [" a ", "b "]},
    )
    run(TrimStrings(), request)
    assert request.input("q") == "search"
    assert request.query("q") == "search"
    assert request.input("name") == "Ann"
    assert request.input("password") == " secret "
    assert request.input("tags") == ["a", "b"]


def test_trims_nested_json_and_unicode_spaces() -> None:
    body = {
        "user": {"name": "\u200b Ann \ufeff", "password_confirmation": " x "},
        "n": 1,
    }
    request = Request.from_values(
        "/", method="POST", data=json.dumps(body), content_type="application/json"
    )
    run(TrimStrings(), request)
    assert request.input("user.name") == "Ann"
    assert request.input("n") == 1
    # Nested keys are compared dotted, as in Laravel: only top-level passwords are kept.
    assert request.input("user.password_confirmation") == "x"


def test_except_can_be_extended_or_overridden() -> None:
    TrimStrings.except_(["api_key"])
    TrimStrings.except_("user.bio")

    class Custom(TrimStrings):
        except_ = ["custom"]

    request = Request.from_values(
        "/?api_key=%20k%20&custom=%20c%20&other=%20o%20&user[bio]=%20b%20"
    )
    run(TrimStrings(), request)
    assert request.input("api_key") == " k "
    assert request.input("user.bio") == " b "
    assert request.input("custom") == "c"
    request = Request.from_values("/?custom=%20c%20&api_key=%20k%20&other=%20o%20")
    run(Custom(), request)
    assert request.input("custom") == " c "
    assert request.input("api_key") == " k "  # the global list still applies
    assert request.input("other") == "o"


def test_skip_when_and_flush_state() -> None:
    TrimStrings.skip_when(lambda request: request.is_("admin/*"))
    skipped = run(TrimStrings(), Request.from_values("/admin/x?a=%20a%20"))
    assert skipped.input("a") == " a "
    trimmed = run(TrimStrings(), Request.from_values("/user?a=%20a%20"))
    assert trimmed.input("a") == "a"
    TrimStrings.except_("a")
    TrimStrings.flush_state()
    assert "a" not in TrimStrings.except_
    assert (
        run(TrimStrings(), Request.from_values("/admin/x?a=%20a%20")).input("a") == "a"
    )


@pytest.mark.parametrize(
    "key", ["password", "password_confirmation", "current_password"]
)
def test_default_exceptions(key: str) -> None:
    request = run(TrimStrings(), Request.from_values(f"/?{key}=%20p%20"))
    assert request.input(key) == " p "
