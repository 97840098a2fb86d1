"""Route middleware get the rendered error back from ``next()``; the current route never leaks."""

from __future__ import annotations

import typing as t

import pytest

from protevus.facades import Route
from protevus.foundation.helpers import abort
from protevus.http.exceptions import NotFoundHttpException
from protevus.http.response import Response
from protevus.testing import TestClient

SEEN: list[str] = []
REPORTED: list[BaseException] = []


@pytest.fixture(autouse=True)
def _clear() -> t.Iterator[None]:
    SEEN.clear()
    REPORTED.clear()
    yield
    SEEN.clear()
    REPORTED.clear()


class AddsHeader:
    """Laravel's header-adding middleware: works on whatever ``next()`` returns."""

    def handle(self, request: t.Any, next: t.Any, label: str = "route") -> t.Any:
        response = next(request)
        SEEN.append(f"{label}:{response.status_code}")
        response.headers[f"X-{label.title()}"] = "seen"
        return response


class FailsAfter:
    def handle(self, request: t.Any, next: t.Any) -> t.Any:
        next(request)
        raise RuntimeError("failed after the action")


class FailsBefore:
    def handle(self, request: t.Any, next: t.Any) -> t.Any:
        raise LookupError("failed before the action")


class RecordsRoute:
    """A global middleware noting the current route name before and after ``next()``."""

    def handle(self, request: t.Any, next: t.Any) -> t.Any:
        SEEN.append(f"before:{Route.current_route_name()}")
        response = next(request)
        SEEN.append(f"after:{Route.current_route_name()}")
        return response


def _boom() -> t.NoReturn:
    raise RuntimeError("the action failed")


def _reporting(exceptions: t.Any) -> None:
    exceptions.report(lambda exc: REPORTED.append(exc))


@pytest.fixture
def client(make_app: t.Any) -> TestClient:
    app = make_app(
        env="APP_DEBUG=false\nLOG_CHANNEL=null\n", with_exceptions=_reporting
    )
    Route.middleware(["protevus_test_adds:group"]).group(_routes)
    app.make("router").alias_middleware("protevus_test_adds", AddsHeader)
    return TestClient(app)


def _routes() -> None:
    Route.get("/missing", lambda: abort(404)).middleware(AddsHeader)
    Route.get("/boom", _boom).middleware(AddsHeader)
    Route.get("/teapot", lambda: abort(Response("short and stout", 418))).middleware(
        AddsHeader
    )
    Route.get("/after", lambda: "ok").middleware([AddsHeader, FailsAfter])
    Route.get("/before", lambda: "ok").middleware([AddsHeader, FailsBefore])


@pytest.mark.parametrize(
    ("path", "status"),
    [("/missing", 404), ("/boom", 500), ("/teapot", 418), ("/after", 500)],
)
def test_route_and_group_middleware_see_the_error_response(
    client: TestClient, path: str, status: int
) -> None:
    response = client.get(path)

    response.assert_status(status)
    assert response.headers["X-Route"] == "seen"
    assert response.headers["X-Group"] == "seen"
    assert SEEN == [f"route:{status}", f"group:{status}"]


def test_http_response_exception_still_sends_its_response(client: TestClient) -> None:
    client.get("/teapot").assert_status(418).assert_see("short and stout")


def test_an_error_raised_before_next_reaches_the_outer_middleware(
    client: TestClient,
) -> None:
    response = client.get("/before")

    response.assert_status(500)
    assert response.headers["X-Route"] == "seen"
    assert [type(e).__name__ for e in REPORTED] == ["LookupError"]


def test_an_error_is_reported_once(client: TestClient) -> None:
    client.get("/boom")
    client.get("/after")
    client.get("/missing")

    assert [str(e) for e in REPORTED] == [
        "the action failed",
        "failed after the action",
    ]


def test_a_route_without_middleware_still_renders_its_error(
    make_app: t.Any,
) -> None:
    app = make_app(env="LOG_CHANNEL=null\n", with_exceptions=_reporting)
    Route.get("/bare", _boom)

    TestClient(app).get("/bare").assert_status(500)
    assert len(REPORTED) == 1


def test_the_current_route_is_forgotten_between_requests(make_app: t.Any) -> None:
    app = make_app(
        env="LOG_CHANNEL=null\n", with_middleware=lambda m: m.append(RecordsRoute)
    )
    Route.get("/a", lambda: "a").name("a")
    client = TestClient(app)

    client.get("/a").assert_ok()
    client.get("/nope").assert_not_found()

    assert SEEN == ["before:None", "after:a", "before:None", "after:None"]
    assert Route.current() is None


def test_error_pages_do_not_see_the_previous_route(make_app: t.Any) -> None:
    def render(exc: NotFoundHttpException, request: t.Any) -> tuple[str, int]:
        return f"route={Route.current_route_name()}", 404

    app = make_app(env="LOG_CHANNEL=null\n", with_exceptions=lambda e: e.render(render))
    Route.get("/a", lambda: "a").name("a")
    client = TestClient(app)
    client.get("/a").assert_ok()

    client.get("/nope").assert_not_found().assert_see("route=None")


class Rethrows:
    """Raise the rendered error again: the kernel renders it but must not report it twice."""

    def handle(self, request: t.Any, next: t.Any) -> t.Any:
        response = next(request)
        if response.exception is not None:
            raise response.exception
        return response


def test_an_error_raised_again_outside_the_route_is_not_reported_twice(
    make_app: t.Any,
) -> None:
    app = make_app(env="LOG_CHANNEL=null\n", with_exceptions=_reporting)
    Route.get("/again", _boom).middleware([Rethrows, AddsHeader])

    TestClient(app).get("/again").assert_status(500)

    assert SEEN == ["route:500"]
    assert [str(e) for e in REPORTED] == ["the action failed"]
