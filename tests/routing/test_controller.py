"""Controllers: plain, invokable, 'Class@method', injection, middleware options."""

from __future__ import annotations

import typing as t

import pytest

from protevus.http.request import Request
from protevus.routing.controller import Controller
from protevus.routing.controllers.middleware import Middleware
from protevus.routing.exceptions import MissingControllerActionError
from protevus.routing.exceptions import RoutingError
from protevus.routing.router import Router

LOG: list[str] = []


class Clock:
    def now(self) -> str:
        return "noon"


def log(name: str) -> t.Callable[..., t.Any]:
    def middleware(request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        LOG.append(name)
        return next(request)

    return middleware


AUTH, AUDIT = log("auth"), log("audit")


class PhotoController(Controller):
    middleware = [AUTH, Middleware(AUDIT, only=["index"])]

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def index(self, request: Request) -> str:
        return f"photos at {self.clock.now()} ({request.method})"

    def show(self, photo: str) -> dict[str, str]:
        return {"photo": photo}


class StaticMiddlewareController(Controller):
    @staticmethod
    def middleware() -> list[t.Any]:  # type: ignore[override]
        return [Middleware(AUDIT).except_("store")]

    def index(self) -> str:
        return "index"

    def store(self) -> str:
        return "store"


class ShowProfile:
    def __call__(self, id: str) -> str:
        return f"profile {id}"


class WrappingController(Controller):
    def call_action(
        self, method: str, parameters: t.Sequence[t.Any], named: t.Any = None
    ) -> t.Any:
        return "wrapped " + super().call_action(method, parameters, named)

    def hello(self) -> str:
        return "hello"


@pytest.fixture(autouse=True)
def _clear() -> None:
    LOG.clear()


def test_controller_with_constructor_and_method_injection(
    router: Router, client: t.Any
) -> None:
    router.get("/photos", [PhotoController, "index"])
    router.get("/photos/{photo}", [PhotoController, "show"])

    assert client.get("/photos").data == b"photos at noon (GET)"
    assert LOG == ["auth", "audit"]
    LOG.clear()
    assert client.get("/photos/9").get_json() == {"photo": "9"}
    assert LOG == ["auth"]


def test_static_middleware_method_with_except(router: Router, client: t.Any) -> None:
    router.get("/s", [StaticMiddlewareController, "index"])
    router.post("/s", [StaticMiddlewareController, "store"])

    client.get("/s")
    client.post("/s")

    assert LOG == ["audit"]


def test_invokable_controller_and_dotted_strings(router: Router, client: t.Any) -> None:
    route = router.get("/profile/{id}", ShowProfile)
    router.get("/p2/{id}", f"{__name__}.ShowProfile")
    router.get("/p3/{photo}", f"{__name__}.PhotoController@show")

    assert client.get("/profile/1").data == b"profile 1"
    assert client.get("/p2/2").data == b"profile 2"
    assert client.get("/p3/3").get_json() == {"photo": "3"}
    assert route.get_action_name() == f"{__name__}.ShowProfile@__call__"


def test_call_action_wraps_every_action(router: Router, client: t.Any) -> None:
    router.get("/w", [WrappingController, "hello"])

    assert client.get("/w").data == b"wrapped hello"


def test_missing_controller_method(router: Router, client: t.Any) -> None:
    router.get("/m", [PhotoController, "nope"])

    with pytest.raises(
        MissingControllerActionError, match=r"PhotoController\.nope\] does not exist"
    ):
        router.flask.test_client().get("/m")  # type: ignore[attr-defined]


def test_invalid_actions_are_rejected(router: Router) -> None:
    class NotInvokable:
        pass

    with pytest.raises(RoutingError, match="is not invokable"):
        router.get("/a", NotInvokable)
    with pytest.raises(RoutingError, match=r"must be \[Controller, 'method'\]"):
        router.get("/b", [PhotoController])
    with pytest.raises(
        RoutingError, match=r"Target class \[nowhere\.Missing\] does not exist"
    ):
        router.get("/c", "nowhere.Missing@index").get_controller_class()


def test_get_middleware_lists_declarations() -> None:
    assert PhotoController.get_middleware() == [
        {"middleware": AUTH, "options": {}},
        {"middleware": AUDIT, "options": {"only": ["index"]}},
    ]
    assert Middleware("log").only("a", "b").except_(["c"]).options == {
        "only": ["a", "b"],
        "except": ["c"],
    }
