"""The route:list command."""

from __future__ import annotations

import json
import typing as t

import pytest
from click.testing import CliRunner

from protevus.routing.console.route_list import route_list
from protevus.routing.controller import Controller
from protevus.routing.router import Router


class PhotoController(Controller):
    def index(self) -> str:
        return "i"

    def show(self, photo: str) -> str:
        return photo


class Auth:
    def handle(self, request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        return next(request)


@pytest.fixture
def routes(router: Router) -> Router:
    router.alias_middleware("auth", Auth)
    router.get("/", lambda: "home").name("home")
    router.resource("photos", PhotoController).only("index", "show").middleware(
        "auth:web"
    )
    router.post("/api/ping", lambda: "pong")
    return router


def run(app: t.Any, *args: str, columns: int = 150) -> str:
    env = {"COLUMNS": str(columns), "NO_COLOR": "1"}
    result = CliRunner().invoke(route_list, list(args), obj=app, env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_lists_routes_sorted_by_uri_like_laravel(routes: Router, app: t.Any) -> None:
    lines = [line for line in run(app).splitlines() if line.strip()]

    assert lines[0].startswith("  GET|HEAD       / ....")
    assert lines[0].endswith(" home")
    assert lines[1].startswith("  POST           api/ping ")
    assert lines[2].startswith("  GET|HEAD       photos ....")
    assert lines[2].endswith(
        "photos.index › tests.routing.test_route_list.PhotoController@index"
    )
    assert lines[3].startswith("  GET|HEAD       photos/{photo} ")
    assert lines[-1].strip() == "Showing [4] routes"
    assert all(len(line) <= 150 for line in lines)


def test_long_actions_are_cut_to_the_terminal_width(routes: Router, app: t.Any) -> None:
    lines = [
        line for line in run(app, columns=80).splitlines() if "photos.index" in line
    ]

    assert lines[0].endswith("…")
    assert len(lines[0]) <= 80


def test_filters(routes: Router, app: t.Any) -> None:
    assert "api/ping" in run(app, "--method", "post")
    assert "photos" not in run(app, "--method", "post")
    assert "Showing [2] routes" in run(app, "--name", "photos")
    assert "Showing [1] route" in run(app, "--path", "api")
    assert "Showing [2] routes" in run(app, "--except-path", "photos")
    assert "matching the given criteria" in run(app, "--name", "nothing")


def test_json_reverse_and_verbose(routes: Router, app: t.Any) -> None:
    rows = json.loads(run(app, "--json", "--reverse"))

    assert [row["uri"] for row in rows] == ["photos/{photo}", "photos", "api/ping", "/"]
    assert rows[0] == {
        "domain": None,
        "method": "GET|HEAD",
        "uri": "photos/{photo}",
        "name": "photos.show",
        "action": "tests.routing.test_route_list.PhotoController@show",
        "middleware": ["tests.routing.test_route_list.Auth:web"],
    }
    assert "⇂ tests.routing.test_route_list.Auth:web" in run(app, "-v")


def test_no_routes(router: Router, app: t.Any) -> None:
    assert "Your application doesn't have any routes." in run(app)
