"""Fixtures for the HTTP tests: a bare Flask app using Protevus's request and response."""

from __future__ import annotations

import typing as t

import flask
import pytest

from protevus.http.middleware.convert_empty_strings_to_null import (
    ConvertEmptyStringsToNull,
)
from protevus.http.middleware.trim_strings import TrimStrings
from protevus.http.request import Request
from protevus.http.response import Response


class _App(flask.Flask):
    request_class = Request
    response_class = Response


@pytest.fixture
def flask_app() -> flask.Flask:
    """Return a Flask app whose requests are Protevus requests."""
    app = _App(__name__)
    app.config["TESTING"] = True
    return app


@pytest.fixture(autouse=True)
def _reset_middleware_state() -> t.Iterator[None]:
    yield
    TrimStrings.flush_state()
    ConvertEmptyStringsToNull.flush_state()
