"""Groups in their three forms, nesting prefix, name, middleware, controller."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.routing.controller import Controller
from protevus.routing.exceptions import RoutingError
from protevus.routing.router import Router

LOG: list[str] = []


class Tag:
    def handle(
        self, request: t.Any, next: t.Callable[[t.Any], t.Any], label: str = "tag"
    ) -> t.Any:
        LOG.append(f"before:{label}")
        response = next(request)
        LOG.append(f"after:{label}")
        return response


class Other:
    def handle(self, request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        LOG.append("other")
        return next(request)


class UserController(Controller):
    def index(self) -> str:
        return "users"

    def show(self, id: str) -> str:
        return f"user {id}"


@pytest.fixture(autouse=True)
def _clear_log() -> None:
    LOG.clear()


def test_context_manager_group_nests_prefix_name_and_middleware(
    router: Router, client: t.Any
) -> None:
    router.alias_middleware("tag", Tag)
    with router.middleware("tag:outer").prefix("admin").name("admin.").group():
        with router.prefix("users").name("users.").middleware("tag:inner").group():
            route = router.get("/{id}", lambda id: f"user {id}").name("show")

    assert route.uri() == "admin/users/{id}"
    assert route.get_name() == "admin.users.show"
    assert client.get("/admin/users/3").data == b"user 3"
    assert LOG == ["before:outer", "before:inner", "after:inner", "after:outer"]


def test_callback_group_and_attribute_dict_group(router: Router, client: t.Any) -> None:
    router.prefix("api").group(lambda: router.get("/ping", lambda: "pong").name("ping"))
    router.group(
        {"prefix": "v2", "as": "v2."},
        lambda r: r.get("/ping", lambda: "v2").name("ping"),
    )

    assert client.get("/api/ping").data == b"pong"
    assert client.get("/v2/ping").data == b"v2"
    assert router.has("ping", "v2.ping")


def test_file_group_runs_a_route_file_relative_to_the_base_path(
    router: Router, client: t.Any, app: t.Any
) -> None:
    routes = Path(app.base_path("routes"))
    routes.mkdir(exist_ok=True)
    (routes / "extra.py").write_text(
        "from protevus.facades import Route\nRoute.get('/extra', lambda: 'extra').name('extra')\n"
    )
    from protevus.support.facades.facade import Facade

    Facade.set_facade_application(app)
    router.prefix("more").name("more.").group("routes/extra.py")

    assert client.get("/more/extra").data == b"extra"
    assert router.has("more.extra")


def test_missing_route_file_is_a_clear_error(router: Router) -> None:
    with pytest.raises(RoutingError, match=r"Route file \[.*nope\.py\] does not exist"):
        router.prefix("x").group("routes/nope.py")


def test_registrar_registers_single_routes_with_its_attributes(
    router: Router, client: t.Any
) -> None:
    router.alias_middleware("tag", Tag)
    route = router.middleware("tag").prefix("p").get("/one", lambda: "one")

    assert route.uri() == "p/one"
    assert client.get("/p/one").data == b"one"
    assert LOG == ["before:tag", "after:tag"]
    assert router.get_group_stack() == []


def test_group_where_constraints_apply_to_the_group(
    router: Router, client: t.Any
) -> None:
    with router.where("id", "[0-9]+").group():
        router.get("/w/{id}", lambda id: id)

    assert client.get("/w/1").status_code == 200
    assert client.get("/w/x").status_code == 404


def test_controller_group_routes_name_methods(router: Router, client: t.Any) -> None:
    with router.controller(UserController).prefix("users").group():
        router.get("/", "index")
        router.get("/{id}", "show")

    assert client.get("/users").data == b"users"
    assert client.get("/users/4").data == b"user 4"


def test_without_middleware_removes_group_middleware(
    router: Router, client: t.Any
) -> None:
    router.alias_middleware("tag", Tag)
    with router.middleware(["tag", Other]).group():
        router.get("/with", lambda: "w")
        router.get("/without", lambda: "wo").without_middleware("tag")
    with router.without_middleware(Other).group():
        router.get("/bare", lambda: "b").middleware(Other)

    client.get("/with")
    assert LOG == ["before:tag", "other", "after:tag"]
    LOG.clear()
    client.get("/without")
    assert LOG == ["other"]
    LOG.clear()
    client.get("/bare")
    assert LOG == []


def test_middleware_groups_parameters_and_closures(
    router: Router, client: t.Any
) -> None:
    router.alias_middleware("tag", Tag)
    router.middleware_group("web", ["tag:web", "inner"])
    router.middleware_group("inner", [Other])

    def closure(request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        LOG.append("closure")
        return next(request)

    router.get("/g", lambda: "g").middleware("web", closure)

    client.get("/g")
    assert LOG == ["before:web", "other", "closure", "after:web"]


def test_middleware_may_answer_early_and_its_return_is_converted(
    router: Router, client: t.Any
) -> None:
    def deny(request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        return {"denied": True}

    router.get("/secret", lambda: "secret").middleware(deny)

    assert client.get("/secret").get_json() == {"denied": True}


def test_middleware_priority_sorts_the_stack(router: Router, client: t.Any) -> None:
    router.middleware_priority = [Other, Tag]
    router.get("/p", lambda: "p").middleware(Tag, Other)

    client.get("/p")
    assert LOG == ["other", "before:tag", "after:tag"]


def test_unknown_middleware_name_is_a_clear_error(
    router: Router, client: t.Any
) -> None:
    router.get("/x", lambda: "x").middleware("nope")

    with pytest.raises(RoutingError, match=r"Middleware \[nope\] is not defined"):
        router.gather_route_middleware(router.get_routes().get_routes()[0])


def test_middleware_changes_after_first_dispatch_are_seen(
    router: Router, client: t.Any
) -> None:
    router.middleware_group("web", [])
    router.get("/m", lambda: "m").middleware("web")
    client.get("/m")
    assert LOG == []

    router.push_middleware_to_group("web", Other)
    client.get("/m")

    assert LOG == ["other"]


def test_unknown_group_attribute_is_rejected(router: Router) -> None:
    with pytest.raises(RoutingError, match=r"Attribute \[colour\] does not exist"):
        router.prefix("x").attribute("colour", "red")
