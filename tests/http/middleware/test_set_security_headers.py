"""SetSecurityHeaders in the web group: framing, sniffing and referrer defaults."""

from __future__ import annotations

import typing as t

import pytest

from protevus.facades import Route
from protevus.http.middleware.set_security_headers import SetSecurityHeaders
from protevus.http.response import Response
from protevus.testing import TestClient

ENV = "APP_KEY=base64:" + "A" * 43 + "=\nSESSION_DRIVER=array\n"
DEFAULTS = {
    "X-Frame-Options": "SAMEORIGIN",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


@pytest.fixture(autouse=True)
def _flush() -> t.Iterator[None]:
    yield
    SetSecurityHeaders.flush_state()


def _client(make_app: t.Any, middleware: t.Any = SetSecurityHeaders) -> TestClient:
    app = make_app(env=ENV, with_middleware=lambda m: m.web(append=[middleware]))

    def framed() -> Response:
        return Response("embeddable", 200, {"X-Frame-Options": "DENY"})

    def missing() -> t.Any:
        from protevus.http.exceptions import NotFoundHttpException

        raise NotFoundHttpException("Gone fishing.")

    Route.middleware("web").group(
        lambda: [
            Route.get("/page", lambda: "page"),
            Route.get("/framed", framed),
            Route.get("/missing", missing),
            Route.get("/json", lambda: {"ok": True}),
        ]
    )
    Route.get("/bare", lambda: "no web group")
    return TestClient(app)


@pytest.mark.parametrize("uri", ["/page", "/json", "/missing"])
def test_web_responses_carry_the_defaults(make_app: t.Any, uri: str) -> None:
    response = _client(make_app).get(uri)
    for name, value in DEFAULTS.items():
        assert response.headers[name] == value


def test_a_header_the_app_set_is_kept(make_app: t.Any) -> None:
    response = _client(make_app).get("/framed").assert_ok()
    assert response.headers.getlist("X-Frame-Options") == ["DENY"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_routes_outside_the_web_group_are_untouched(make_app: t.Any) -> None:
    response = _client(make_app).get("/bare").assert_ok()
    assert "X-Frame-Options" not in response.headers


def test_using_changes_adds_and_removes_headers(make_app: t.Any) -> None:
    SetSecurityHeaders.using(
        {
            "X-Frame-Options": "DENY",
            "Referrer-Policy": None,
            "Permissions-Policy": "camera=()",
        }
    )
    response = _client(make_app).get("/page")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "Referrer-Policy" not in response.headers
    assert response.headers["Permissions-Policy"] == "camera=()"


def test_a_subclass_sets_its_own_headers(make_app: t.Any) -> None:
    class Strict(SetSecurityHeaders):
        headers = {
            **SetSecurityHeaders.headers,
            "Cross-Origin-Opener-Policy": "same-origin",
        }

    response = _client(make_app, Strict).get("/page")
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
