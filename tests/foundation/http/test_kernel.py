"""The HTTP kernel end to end through ``app.flask.test_client()``."""

from __future__ import annotations

import typing as t

import pytest

from protevus.facades import Route
from protevus.testing import TestClient

TRAIL: list[str] = []


@pytest.fixture(autouse=True)
def _clear_trail() -> t.Iterator[None]:
    TRAIL.clear()
    yield
    TRAIL.clear()


class GlobalMiddleware:
    built = 0

    def __init__(self) -> None:
        type(self).built += 1

    def handle(self, request: t.Any, next: t.Any) -> t.Any:
        TRAIL.append("global:before")
        response = next(request)
        TRAIL.append("global:after")
        response.headers["X-Global"] = "yes"
        return response


class GroupMiddleware:
    def handle(self, request: t.Any, next: t.Any) -> t.Any:
        TRAIL.append("group:before")
        response = next(request)
        TRAIL.append("group:after")
        return response


class RouteMiddleware:
    def handle(self, request: t.Any, next: t.Any, label: str = "none") -> t.Any:
        TRAIL.append(f"route:{label}:before")
        response = next(request)
        TRAIL.append(f"route:{label}:after")
        return response


class TerminableRouteMiddleware:
    def handle(self, request: t.Any, next: t.Any) -> t.Any:
        return next(request)

    def terminate(self, request: t.Any, response: t.Any) -> None:
        TRAIL.append(f"terminate:route:{response.status_code}:{request.path}")


class TerminableGlobalMiddleware:
    def handle(self, request: t.Any, next: t.Any) -> t.Any:
        return next(request)

    def terminate(self, request: t.Any, response: t.Any) -> None:
        TRAIL.append(f"terminate:global:{response.status_code}")


class Blocker:
    def handle(self, request: t.Any, next: t.Any, status: str = "403") -> t.Any:
        from protevus.http.response import Response

        return Response("blocked", int(status))


class FailingGlobal:
    def handle(self, request: t.Any, next: t.Any) -> t.Any:
        raise RuntimeError("global middleware failed")


def _configure(m: t.Any) -> None:
    m.append(GlobalMiddleware)
    m.group("custom", [GroupMiddleware])
    m.alias({"rec": RouteMiddleware, "term": TerminableRouteMiddleware})


def _action() -> str:
    TRAIL.append("action")
    return "hello"


def test_middleware_run_global_then_group_then_route_around_the_action(
    http_app: t.Any,
) -> None:
    app = http_app(middleware=_configure)
    app.make("router").get("/hello", _action).middleware(["custom", "rec:x"])
    response = app.flask.test_client().get("/hello")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "hello"
    assert response.headers["X-Global"] == "yes"
    assert TRAIL == [
        "global:before",
        "group:before",
        "route:x:before",
        "action",
        "route:x:after",
        "group:after",
        "global:after",
    ]


def test_application_global_middleware_is_built_for_each_request(
    http_app: t.Any,
) -> None:
    GlobalMiddleware.built = 0
    app = http_app(middleware=_configure)
    app.make("router").get("/hello", _action)
    client = app.flask.test_client()
    for _ in range(3):
        assert client.get("/hello").status_code == 200
    assert GlobalMiddleware.built == 3


def test_global_middleware_bound_as_a_singleton_is_built_once(http_app: t.Any) -> None:
    GlobalMiddleware.built = 0
    app = http_app(middleware=_configure)
    app.singleton(GlobalMiddleware)
    app.make("router").get("/hello", _action)
    client = app.flask.test_client()
    for _ in range(3):
        assert client.get("/hello").headers["X-Global"] == "yes"
    assert GlobalMiddleware.built == 1


def test_middleware_can_answer_early_and_the_action_never_runs(http_app: t.Any) -> None:
    app = http_app(middleware=lambda m: m.alias({"block": Blocker}))
    app.make("router").get("/secret", _action).middleware("block:401")
    response = app.flask.test_client().get("/secret")
    assert (response.status_code, response.get_data(as_text=True)) == (401, "blocked")
    assert "action" not in TRAIL


def test_global_middleware_with_parameters_and_from_the_kernel_api(
    http_app: t.Any,
) -> None:
    app = http_app(middleware=lambda m: m.alias({"block": Blocker}).append("block:418"))
    app.make("router").get("/hello", _action)
    assert app.flask.test_client().get("/hello").status_code == 418

    kernel = app.make("http.kernel")
    assert kernel.has_middleware("block:418")
    kernel.set_global_middleware([]).push_middleware(GlobalMiddleware)
    response = app.flask.test_client().get("/hello")
    assert response.status_code == 200 and response.headers["X-Global"] == "yes"


def test_terminable_middleware_and_terminating_callbacks_run_after_the_response(
    http_app: t.Any,
) -> None:
    app = http_app(
        middleware=lambda m: (_configure(m), m.append(TerminableGlobalMiddleware))
    )
    app.make("router").get("/hello", _action).middleware("term")
    app.terminating(lambda: TRAIL.append("app:terminating"))
    app.scoped("per-request", lambda: object())

    first_scoped = app.make("per-request")
    response = app.flask.test_client().get("/hello")
    assert "app:terminating" not in TRAIL  # the body is not closed yet
    response.close()
    assert TRAIL[-3:] == [
        "terminate:route:200:/hello",
        "terminate:global:200",
        "app:terminating",
    ]
    assert app.make("per-request") is not first_scoped


def test_buffered_client_terminates_before_returning(http_app: t.Any) -> None:
    app = http_app(middleware=lambda m: m.append(TerminableGlobalMiddleware))
    app.make("router").get("/hello", _action)
    app.flask.test_client().get("/hello", buffered=True)
    assert TRAIL[-1] == "terminate:global:200"


def test_terminate_runs_for_error_responses_and_reports_its_own_failures(
    http_app: t.Any,
) -> None:
    reported: list[BaseException] = []

    def boom() -> None:
        raise ValueError("terminating failed")

    app = http_app(
        middleware=lambda m: m.append(TerminableGlobalMiddleware),
        exceptions=lambda e: e.report(lambda exc: reported.append(exc)),
    )
    app.terminating(boom)
    app.scoped("per-request", lambda: object())
    first_scoped = app.make("per-request")
    app.flask.test_client().get("/missing", buffered=True)
    assert TRAIL == ["terminate:global:404"]
    assert [str(e) for e in reported] == ["terminating failed"]
    assert app.make("per-request") is not first_scoped  # cleanup still ran


def test_exception_in_global_middleware_is_rendered_inside_the_stack(
    http_app: t.Any,
) -> None:
    reported: list[BaseException] = []
    app = http_app(
        middleware=lambda m: m.append([GlobalMiddleware, FailingGlobal]),
        exceptions=lambda e: e.report(lambda exc: reported.append(exc)),
    )
    app.make("router").get("/hello", _action)
    response = app.flask.test_client().get("/hello")
    assert response.status_code == 500
    # the outer middleware saw the error response and could change it
    assert response.headers["X-Global"] == "yes"
    assert [str(e) for e in reported] == ["global middleware failed"]


def test_exceptions_are_reported_once_and_rendered(http_app: t.Any) -> None:
    reported: list[BaseException] = []
    app = http_app(
        middleware=lambda m: m.append(GlobalMiddleware),
        exceptions=lambda e: e.report(lambda exc: reported.append(exc)),
    )

    def fails() -> str:
        raise RuntimeError("boom")

    app.make("router").get("/fails", fails)
    response = app.flask.test_client().get("/fails")
    assert response.status_code == 500
    assert len(reported) == 1 and str(reported[0]) == "boom"
    assert response.headers["X-Global"] == "yes"


def test_flask_hooks_keep_working(http_app: t.Any) -> None:
    app = http_app()
    app.make("router").get("/hello", _action)
    flask_app = app.flask

    @flask_app.before_request
    def short_circuit() -> t.Any:
        from flask import request

        if request.args.get("stop"):
            return "stopped by flask", 202
        return None

    @flask_app.after_request
    def stamp(response: t.Any) -> t.Any:
        response.headers["X-Flask"] = "after"
        return response

    client = flask_app.test_client()
    ok = client.get("/hello")
    assert ok.get_data(as_text=True) == "hello" and ok.headers["X-Flask"] == "after"
    stopped = client.get("/hello?stop=1")
    assert stopped.status_code == 202 and "action" not in TRAIL[1:]
    assert stopped.headers["X-Flask"] == "after"


def test_errors_in_flask_hooks_are_rendered_by_the_handler(http_app: t.Any) -> None:
    app = http_app()
    app.make("router").get("/hello", _action)

    @app.flask.before_request
    def broken() -> None:
        raise RuntimeError("hook failed")

    response = app.flask.test_client().get(
        "/hello", headers={"Accept": "application/json"}
    )
    assert response.status_code == 500
    assert response.get_json() == {"message": "Server Error"}


def test_flask_cors_adds_headers_through_the_kernel(http_app: t.Any) -> None:
    flask_cors = pytest.importorskip("flask_cors")
    app = http_app()
    app.make("router").get("/api/ping", lambda: {"pong": True})
    flask_cors.CORS(app.flask)
    client = app.flask.test_client()
    origin = {"Origin": "https://example.com"}
    ok = client.get("/api/ping", headers=origin)
    assert ok.get_json() == {"pong": True}
    assert ok.headers["Access-Control-Allow-Origin"] == "https://example.com"
    missing = client.get("/api/nope", headers=origin)
    assert missing.status_code == 404
    assert missing.headers["Access-Control-Allow-Origin"] == "https://example.com"


def test_kernel_shares_groups_aliases_and_priority_with_the_router(
    http_app: t.Any,
) -> None:
    app = http_app(
        middleware=lambda m: (
            m.group("custom", [GroupMiddleware])
            .alias({"rec": RouteMiddleware})
            .priority([RouteMiddleware, GroupMiddleware])
        )
    )
    kernel = app.make("http.kernel")
    router = app.make("router")
    assert kernel.get_application() is app
    assert router.get_middleware_groups()["custom"] == [GroupMiddleware]
    assert router.get_middleware()["rec"] is RouteMiddleware
    assert router.middleware_priority == [RouteMiddleware, GroupMiddleware]
    assert set(kernel.get_middleware_groups()) >= {"web", "api", "custom"}
    kernel.append_middleware_to_group("custom", RouteMiddleware)
    assert router.get_middleware_groups()["custom"] == [
        GroupMiddleware,
        RouteMiddleware,
    ]
    kernel.prepend_middleware_to_group("custom", Blocker)
    assert router.get_middleware_groups()["custom"][0] is Blocker
    assert kernel.get_middleware_aliases()["rec"] is RouteMiddleware
    assert kernel.get_middleware_priority() == [RouteMiddleware, GroupMiddleware]


def test_a_broken_exception_handler_still_answers_500_without_details(
    http_app: t.Any,
) -> None:
    app = http_app()

    def fails() -> str:
        raise RuntimeError("secret detail")

    def broken_render(exc: RuntimeError, request: t.Any) -> t.Any:
        raise KeyError("renderer bug")

    app.make("exceptions").renderables.append(broken_render)
    app.make("router").get("/fails", fails)
    response = app.flask.test_client().get("/fails")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Server Error" in body and "secret detail" not in body


def test_wsgi_property_is_the_flask_app(http_app: t.Any) -> None:
    app = http_app()
    assert app.wsgi is app.flask is app.flask
    assert callable(app.wsgi)
    from protevus.http.request import Request
    from protevus.http.response import Response

    assert app.flask.request_class is Request
    assert app.flask.response_class is Response
    assert app.flask.secret_key == app.make("config").get("app.key")
    assert app.flask.static_folder is None


def test_wsgi_callable_serves_a_request_end_to_end(http_app: t.Any) -> None:
    from werkzeug.test import EnvironBuilder

    app = http_app(middleware=lambda m: m.append(TerminableGlobalMiddleware))
    app.make("router").get("/hello", _action)
    environ = EnvironBuilder(path="/hello").get_environ()
    started: list[str] = []
    body = app.wsgi(
        environ, lambda status, headers, exc_info=None: started.append(status)
    )
    assert b"".join(body) == b"hello"
    assert started == ["200 OK"]
    assert "terminate:global:200" not in TRAIL
    body.close()  # the server closes the body after sending it
    assert TRAIL[-1] == "terminate:global:200"


class RemembersPath:
    built: t.ClassVar[list[RemembersPath]] = []

    def __init__(self) -> None:
        type(self).built.append(self)

    def handle(self, request: t.Any, next: t.Any) -> t.Any:
        self.path = request.path
        return next(request)

    def terminate(self, request: t.Any, response: t.Any) -> None:
        TRAIL.append(f"terminate:{getattr(self, 'path', None)}:{request.path}")


def _remembering_app(make_app: t.Any) -> t.Any:
    RemembersPath.built.clear()
    app = make_app(
        env="LOG_CHANNEL=null\n", with_middleware=lambda m: m.append(RemembersPath)
    )
    Route.get("/a", lambda: "a")
    Route.get("/b", lambda: "b")
    return app


def test_global_middleware_get_a_fresh_instance_per_request_and_for_terminate(
    make_app: t.Any,
) -> None:
    client = TestClient(_remembering_app(make_app))

    client.get("/a").assert_ok()
    client.get("/b").assert_ok()

    # Laravel resolves the middleware again for terminate(): a new, unset instance.
    assert TRAIL == ["terminate:None:/a", "terminate:None:/b"]
    assert len({id(m) for m in RemembersPath.built}) == len(RemembersPath.built) == 4


def test_scoped_terminable_global_middleware_sees_its_own_request(
    make_app: t.Any,
) -> None:
    app = _remembering_app(make_app)
    app.scoped(RemembersPath)
    client = TestClient(app)

    client.get("/a").assert_ok()
    client.get("/b").assert_ok()
    client.get("/nope").assert_not_found()

    assert TRAIL == [
        "terminate:/a:/a",
        "terminate:/b:/b",
        "terminate:/nope:/nope",
    ]
    assert len(RemembersPath.built) == 3


def test_framework_global_middleware_is_built_once(make_app: t.Any) -> None:
    from protevus.http.middleware.trim_strings import TrimStrings

    app = make_app(env="LOG_CHANNEL=null\n")
    built: list[t.Any] = []
    app.after_resolving(TrimStrings, lambda instance, app: built.append(instance))
    Route.get("/a", lambda: "a")
    client = TestClient(app)

    for _ in range(3):
        client.get("/a").assert_ok()

    assert len(built) == 1


def test_a_framework_middleware_rebound_to_an_application_class_is_built_per_request(
    make_app: t.Any,
) -> None:
    from protevus.http.middleware.trim_strings import TrimStrings

    built: list[t.Any] = []

    class MyTrimStrings(TrimStrings):
        def __init__(self) -> None:
            super().__init__()
            built.append(self)

    app = make_app(env="LOG_CHANNEL=null\n")
    app.bind(TrimStrings, MyTrimStrings)
    Route.post("/echo", lambda request: request.input("name"))
    client = TestClient(app)

    for _ in range(2):
        client.post("/echo", {"name": "  Taylor  "}).assert_ok().assert_see("Taylor")

    assert len(built) == 3  # one while building the stack, then one per request
