"""reset_global_state() forgets the class-level state the HTTP and routing layers keep."""

from __future__ import annotations

import typing as t

from protevus.facades import Route
from protevus.http.middleware.convert_empty_strings_to_null import (
    ConvertEmptyStringsToNull,
)
from protevus.http.middleware.trim_strings import TrimStrings
from protevus.http.request import Request
from protevus.routing.resource_registrar import ResourceRegistrar
from protevus.support.carbon import Carbon
from protevus.testing import TestClient
from protevus.testing.creates_application import reset_global_state


def _echo_client(app: t.Any) -> TestClient:
    def echo(request: Request) -> t.Any:
        return {"input": request.all()}

    Route.get("/echo", echo)
    return TestClient(app)


def test_middleware_state_is_flushed(make_app: t.Any) -> None:
    app = make_app()
    TrimStrings.except_(["name"])
    TrimStrings.skip_when(lambda request: request.query("skip") == "1")
    ConvertEmptyStringsToNull.skip_when(lambda request: True)
    client = _echo_client(app)
    client.get("/echo", {"name": " x ", "empty": ""}).assert_exact_json(
        {"input": {"name": " x ", "empty": ""}}
    )

    reset_global_state(app)

    fresh = _echo_client(make_app())
    fresh.get("/echo", {"name": " x ", "empty": ""}).assert_exact_json(
        {"input": {"name": "x", "empty": None}}
    )
    fresh.get("/echo", {"skip": "1", "pad": " y "}).assert_exact_json(
        {"input": {"skip": "1", "pad": "y"}}
    )
    assert "name" not in TrimStrings.except_
    assert "password" in TrimStrings.except_


def test_resource_verbs_and_test_now_are_restored(make_app: t.Any) -> None:
    app = make_app()
    ResourceRegistrar.resource_verbs({"create": "crear", "edit": "editar"})
    Carbon.set_test_now("2020-01-01 12:00:00")
    assert Carbon.has_test_now()

    reset_global_state(app)

    assert ResourceRegistrar.resource_verbs() == {"create": "create", "edit": "edit"}
    assert not Carbon.has_test_now()
    make_app()

    class PhotoController:
        def create(self) -> str:
            return "form"

    Route.resource("photos", PhotoController).only(["create"])
    assert Route.has("photos.create")
    assert Route.get_routes().get_by_name("photos.create").uri() == "photos/create"
