"""ConvertEmptyStringsToNull, alone and after TrimStrings."""

from __future__ import annotations

import json
import typing as t

from protevus.http.middleware.convert_empty_strings_to_null import (
    ConvertEmptyStringsToNull,
)
from protevus.http.middleware.trim_strings import TrimStrings
from protevus.http.request import Request


def run(middleware: t.Any, request: Request) -> Request:
    return t.cast(Request, middleware.handle(request, lambda r: r))


def test_empty_strings_become_none_everywhere() -> None:
    body = {"a": "", "b": " ", "c": {"d": ""}, "e": ["", "x"], "f": 0}
    request = Request.from_values(
        "/?q=", method="POST", data=json.dumps(body), content_type="application/json"
    )
    run(ConvertEmptyStringsToNull(), request)
    assert request.all() == {
        "a": None,
        "b": " ",
        "c": {"d": None},
        "e": [None, "x"],
        "f": 0,
        "q": None,
    }
    assert request.has("a") and not request.filled("a")


def test_after_trim_strings_blanks_become_none() -> None:
    request = Request.from_values("/", method="POST", data={"name": "   "})
    run(TrimStrings(), request)
    run(ConvertEmptyStringsToNull(), request)
    assert request.input("name") is None


def test_skip_when() -> None:
    ConvertEmptyStringsToNull.skip_when(lambda request: request.has("raw"))
    request = run(ConvertEmptyStringsToNull(), Request.from_values("/?raw=1&a="))
    assert request.input("a") == ""
    ConvertEmptyStringsToNull.flush_state()
    request = run(ConvertEmptyStringsToNull(), Request.from_values("/?raw=1&a="))
    assert request.input("a") is None
