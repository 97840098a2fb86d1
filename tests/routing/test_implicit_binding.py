"""Route model binding in the router: explicit binders, implicit binding by type hint, scoping, 404s.

These tests use small stand-in classes that answer ``resolve_route_binding`` (Laravel's
``UrlRoutable``); Eloquent models are bound in ``tests/database/eloquent/test_route_binding.py``.
"""

from __future__ import annotations

import enum
import typing as t

import pytest

from protevus.database.eloquent.exceptions import ModelNotFoundError
from protevus.routing.implicit_route_binding import binding_plan
from protevus.routing.middleware.substitute_bindings import SubstituteBindings
from protevus.routing.router import Router


class Widget:
    """A stand-in for a model: found by ``id`` or by another field."""

    rows: t.ClassVar[list[dict[str, t.Any]]] = [
        {"id": "1", "slug": "one", "owner": "7", "trashed": False},
        {"id": "2", "slug": "two", "owner": "8", "trashed": True},
    ]

    def __init__(self, row: dict[str, t.Any] | None = None) -> None:
        self.row = row or {}

    def resolve_route_binding(
        self, value: t.Any, field: str | None = None
    ) -> Widget | None:
        for row in self.rows:
            if row[field or "id"] == value and not row["trashed"]:
                return Widget(row)
        return None

    def resolve_soft_deletable_route_binding(
        self, value: t.Any, field: str | None = None
    ) -> Widget | None:
        for row in self.rows:
            if row[field or "id"] == value:
                return Widget(row)
        return None


class SoftDeletes:
    """Named like Eloquent's mixin: implicit binding looks for it by name."""


class TrashableWidget(SoftDeletes, Widget):
    pass


class Owner:
    def __init__(self, id: str = "") -> None:
        self.id = id
        self.asked: list[tuple[str, str, str | None]] = []

    def resolve_route_binding(
        self, value: t.Any, field: str | None = None
    ) -> Owner | None:
        return Owner(value) if value in ("7", "8") else None

    def resolve_child_route_binding(
        self, child_type: str, value: t.Any, field: str | None
    ) -> Widget | None:
        for row in Widget.rows:
            if (
                row["owner"] == self.id
                and row[field or "id"] == value
                and not row["trashed"]
            ):
                return Widget(row)
        return None


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Size(enum.IntEnum):
    SMALL = 1
    LARGE = 2


def show(widget: Widget) -> dict[str, t.Any]:
    return {"slug": widget.row["slug"]}


def test_implicit_binding_by_type_hint(router: Router, client: t.Any) -> None:
    router.get("/widgets/{widget}", show).middleware(SubstituteBindings)
    assert client.get("/widgets/1").get_json() == {"slug": "one"}


def test_missing_model_is_a_404_with_laravels_message(
    router: Router, client: t.Any
) -> None:
    router.get("/widgets/{widget}", show).middleware(SubstituteBindings)
    response = client.get("/widgets/99", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.get_json()["message"].startswith(
        "No query results for model [tests.routing.test_implicit_binding.Widget] 99"
    )


def test_binding_field_in_the_uri(router: Router, client: t.Any) -> None:
    router.get("/widgets/{widget:slug}", show).middleware(SubstituteBindings)
    assert client.get("/widgets/one").get_json() == {"slug": "one"}
    assert client.get("/widgets/1").status_code == 404


def test_without_the_middleware_nothing_is_bound(router: Router, client: t.Any) -> None:
    router.get("/raw/{widget}", lambda widget: {"type": type(widget).__name__})
    assert client.get("/raw/1").get_json() == {"type": "str"}


def test_unhinted_parameters_stay_strings(router: Router, client: t.Any) -> None:
    router.get("/plain/{widget}", lambda widget: {"value": widget}).middleware(
        SubstituteBindings
    )
    assert client.get("/plain/1").get_json() == {"value": "1"}


def test_optional_parameter_hinted_with_none(router: Router, client: t.Any) -> None:
    def maybe(widget: Widget | None = None) -> dict[str, t.Any]:
        return {"slug": widget.row["slug"] if widget else None}

    router.get("/maybe/{widget?}", maybe).middleware(SubstituteBindings)
    assert client.get("/maybe/2").status_code == 404
    assert client.get("/maybe/1").get_json() == {"slug": "one"}


def test_with_trashed_finds_soft_deleted_models(router: Router, client: t.Any) -> None:
    def trashed(widget: TrashableWidget) -> dict[str, t.Any]:
        return {"slug": widget.row["slug"]}

    router.get("/t/{widget}", trashed).middleware(SubstituteBindings)
    router.get("/tw/{widget}", trashed).middleware(SubstituteBindings).with_trashed()
    assert client.get("/t/2").status_code == 404
    assert client.get("/tw/2").get_json() == {"slug": "two"}


def test_scoped_child_binding_by_field(router: Router, client: t.Any) -> None:
    def child(owner: Owner, widget: Widget) -> dict[str, t.Any]:
        return {"owner": owner.id, "slug": widget.row["slug"]}

    router.get("/owners/{owner}/widgets/{widget:slug}", child).middleware(
        SubstituteBindings
    )
    assert client.get("/owners/7/widgets/one").get_json() == {
        "owner": "7",
        "slug": "one",
    }
    # The widget exists, but does not belong to owner 8.
    assert client.get("/owners/8/widgets/one").status_code == 404


def test_scope_bindings_and_without_scoped_bindings(
    router: Router, client: t.Any
) -> None:
    def child(owner: Owner, widget: Widget) -> dict[str, t.Any]:
        return {"slug": widget.row["slug"]}

    router.get("/s/{owner}/{widget}", child).middleware(
        SubstituteBindings
    ).scope_bindings()
    router.get("/u/{owner}/{widget:slug}", child).middleware(
        SubstituteBindings
    ).without_scoped_bindings()
    router.get("/n/{owner}/{widget}", child).middleware(SubstituteBindings)
    assert client.get("/s/8/1").status_code == 404
    assert client.get("/s/7/1").get_json() == {"slug": "one"}
    assert client.get("/u/8/one").get_json() == {"slug": "one"}
    assert client.get("/n/8/1").get_json() == {"slug": "one"}


def test_scope_bindings_from_a_group(router: Router, client: t.Any) -> None:
    def child(owner: Owner, widget: Widget) -> dict[str, t.Any]:
        return {"slug": widget.row["slug"]}

    with router.group({"scope_bindings": True, "middleware": [SubstituteBindings]}):
        router.get("/g/{owner}/{widget}", child)
    assert client.get("/g/8/1").status_code == 404


def test_missing_callback_answers_instead_of_404(router: Router, client: t.Any) -> None:
    def missing(request: t.Any, error: ModelNotFoundError) -> dict[str, t.Any]:
        return {"missing": error.get_ids()}

    router.get("/widgets/{widget}", show).middleware(SubstituteBindings).missing(
        missing
    )
    assert client.get("/widgets/42").get_json() == {"missing": ["42"]}


def test_enum_parameters(router: Router, client: t.Any) -> None:
    def paint(color: Color, size: Size) -> dict[str, t.Any]:
        return {"color": color.name, "size": size.name}

    router.get("/paint/{color}/{size}", paint).middleware(SubstituteBindings)
    assert client.get("/paint/blue/2").get_json() == {"color": "BLUE", "size": "LARGE"}
    response = client.get("/paint/green/2", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert "Case [green] not found on Backed Enum" in response.get_json()["message"]


def test_controller_method_hints_are_read(router: Router, client: t.Any) -> None:
    class WidgetController:
        def show(self, widget: Widget) -> dict[str, t.Any]:
            return {"slug": widget.row["slug"]}

    router.get("/c/{widget}", [WidgetController, "show"]).middleware(SubstituteBindings)
    assert client.get("/c/1").get_json() == {"slug": "one"}


def test_explicit_bind_runs_first(router: Router, client: t.Any) -> None:
    router.bind("widget", lambda value: Widget({"slug": f"bound-{value}"}))
    router.get("/widgets/{widget}", show).middleware(SubstituteBindings)
    assert client.get("/widgets/77").get_json() == {"slug": "bound-77"}


def test_explicit_model_binding(router: Router, client: t.Any) -> None:
    router.model("thing", Widget)
    router.get("/things/{thing}", lambda thing: {"slug": thing.row["slug"]}).middleware(
        SubstituteBindings
    )
    assert client.get("/things/1").get_json() == {"slug": "one"}
    response = client.get("/things/5", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert (
        "No query results for model [tests.routing.test_implicit_binding.Widget]"
        in response.get_json()["message"]
    )


def test_explicit_model_binding_with_a_fallback(router: Router, client: t.Any) -> None:
    router.model("thing", Widget, lambda value: Widget({"slug": f"new-{value}"}))
    router.get("/things/{thing}", lambda thing: {"slug": thing.row["slug"]}).middleware(
        SubstituteBindings
    )
    assert client.get("/things/5").get_json() == {"slug": "new-5"}


def test_implicit_binding_can_be_replaced(router: Router, client: t.Any) -> None:
    calls: list[str] = []

    def custom(container: t.Any, route: t.Any, default: t.Callable[[], None]) -> None:
        calls.append(route.uri())
        default()

    router.substitute_implicit_bindings_using(custom)
    router.get("/widgets/{widget}", show).middleware(SubstituteBindings)
    assert client.get("/widgets/1").get_json() == {"slug": "one"}
    assert calls == ["widgets/{widget}"]


def test_the_binding_plan_is_cached_per_route(router: Router) -> None:
    route = router.get("/p/{owner}/{widget}", lambda widget, owner: None)
    assert binding_plan(route) == ()

    def action(widget: Widget, owner: Owner, color: Color) -> None: ...

    route.uses(action)
    plan = binding_plan(route)
    assert [name for name, _, _ in plan] == ["owner", "widget", "color"]
    assert binding_plan(route) is plan


def test_parent_of_parameter(router: Router) -> None:
    route = router.get("/a/{first}/{second}", lambda: None).matched(
        {"first": 1, "second": 2}
    )
    assert route.parent_of_parameter("second") == 1
    assert route.parent_of_parameter("first") is None
    assert route.parent_of_parameter("nope") is None


def test_route_binding_flags() -> None:
    from protevus.routing.route import Route

    route = Route("GET", "/x/{a}", {"uses": lambda: None})
    assert not route.enforces_scoped_bindings() and not route.prevents_scoped_bindings()
    assert route.scope_bindings().enforces_scoped_bindings()
    assert route.without_scoped_bindings().prevents_scoped_bindings()
    assert not route.allows_trashed_bindings()
    assert route.with_trashed().allows_trashed_bindings()
    assert not route.with_trashed(False).allows_trashed_bindings()
    assert route.withTrashed() is route


@pytest.mark.parametrize("hint", [int, str, dict, "list[Widget]"])
def test_non_model_hints_are_not_bound(router: Router, hint: t.Any) -> None:
    def action(widget):  # type: ignore[no-untyped-def]
        return None

    action.__annotations__ = {"widget": hint}
    assert binding_plan(router.get("/h/{widget}", action)) == ()
