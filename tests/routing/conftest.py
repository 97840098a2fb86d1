"""A router wired to a plain Flask app whose only view dispatches to it."""

from __future__ import annotations

import typing as t

import flask
import pytest

from protevus.http.request import Request
from protevus.http.response import Response
from protevus.routing.router import Router


class RoutedFlask(flask.Flask):
    request_class = Request
    response_class = Response
    router: Router

    def dispatch_request(self) -> t.Any:  # type: ignore[override]
        return self.router.dispatch(flask.request._get_current_object())  # type: ignore[attr-defined]


@pytest.fixture
def app(make_app: t.Any) -> t.Any:
    return make_app()


@pytest.fixture
def router(app: t.Any) -> Router:
    flask_app = RoutedFlask("protevus_tests")
    flask_app.testing = True
    router = Router(app, flask_app.url_map)
    flask_app.router = router
    app.instance("router", router)
    router.flask = flask_app  # type: ignore[attr-defined]
    return router


@pytest.fixture
def client(router: Router) -> t.Any:
    return router.flask.test_client()  # type: ignore[attr-defined]
