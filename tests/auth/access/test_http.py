"""Authorization over HTTP: status codes, the ``can`` middleware, controllers, the provider and facade."""

from __future__ import annotations

import typing as t

import pytest

from protevus.auth.access.authorizes_requests import AuthorizesRequests
from protevus.auth.access.gate import Gate
from protevus.auth.access.response import Response
from protevus.routing.controller import Controller

JSON = {"Accept": "application/json"}


@pytest.fixture
def app(gate_app: t.Any, models: t.Any) -> t.Any:
    """An app whose gate knows PostPolicy, with posts 1 (user 1) and 2 (user 2) bound to ``{post}``."""
    app = gate_app()
    app.make("gate").policy(models.Post, models.PostPolicy)
    posts = {1: models.Post(1, 1), 2: models.Post(2, 2)}
    app.make("router").bind("post", lambda value: posts[int(value)])
    return app


def login(app: t.Any, user: t.Any) -> None:
    app.make("auth").login(user)


def get(app: t.Any, uri: str, json: bool = False) -> t.Any:
    return app.flask.test_client().get(uri, headers=JSON if json else {})


def route(app: t.Any, uri: str, action: t.Any, *middleware: str) -> None:
    app.make("router").get(uri, action).middleware(["web", *middleware])


def test_the_provider_binds_one_gate(app: t.Any) -> None:
    from protevus.support.facades.gate import Gate as GateFacade

    gate = app.make("gate")

    assert isinstance(gate, Gate)
    assert app.make("gate") is gate
    assert GateFacade.get_facade_root() is gate
    assert "make:policy" in app.make("artisan").all()


def test_the_gate_reads_the_user_from_auth_at_each_check(
    app: t.Any, models: t.Any
) -> None:
    from protevus.support.facades.gate import Gate as GateFacade

    GateFacade.define("admin", lambda user: user.admin)
    assert GateFacade.denies("admin")
    login(app, models.User(1, admin=True))
    assert GateFacade.allows("admin")
    login(app, models.User(2))
    assert GateFacade.denies("admin")


def test_without_auth_every_check_is_a_guest(make_app: t.Any) -> None:
    from protevus.auth.access.access_service_provider import AccessServiceProvider

    app = make_app(providers=[AccessServiceProvider])
    gate = app.make("gate")
    gate.define("open", lambda user=None: True)
    gate.define("members", lambda user: True)

    assert gate.resolve_user() is None
    assert gate.allows("open") and gate.denies("members")


def test_a_denial_is_a_403_with_the_default_message(app: t.Any, models: t.Any) -> None:
    app.make("gate").define("nothing", lambda user: False)
    route(app, "/secret", lambda: "secret", "can:nothing")
    login(app, models.User(1))

    response = get(app, "/secret", json=True)
    assert response.status_code == 403
    assert response.get_json() == {"message": "This action is unauthorized."}

    page = get(app, "/secret")
    assert page.status_code == 403 and page.mimetype == "text/html"
    assert "This action is unauthorized." in page.get_data(as_text=True)


def test_can_middleware_with_a_bound_model(app: t.Any, models: t.Any) -> None:
    route(
        app, "/posts/{post}/edit", lambda post: f"editing {post.id}", "can:update,post"
    )
    login(app, models.User(1))

    assert get(app, "/posts/1/edit").get_data(as_text=True) == "editing 1"
    denied = get(app, "/posts/2/edit", json=True)
    assert denied.status_code == 403
    assert denied.get_json() == {"message": "You do not own this post."}
    page = get(app, "/posts/2/edit")
    assert page.status_code == 403
    assert "You do not own this post." in page.get_data(as_text=True)


def test_can_middleware_denies_guests(app: t.Any) -> None:
    route(app, "/posts/{post}/edit", lambda post: "editing", "can:update,post")

    assert get(app, "/posts/1/edit", json=True).status_code == 403


def test_deny_as_not_found_renders_a_404(app: t.Any, models: t.Any) -> None:
    route(app, "/posts/{post}/delete", lambda post: "deleted", "can:delete,post")
    login(app, models.User(1))

    response = get(app, "/posts/1/delete", json=True)
    assert response.status_code == 404
    assert response.get_json() == {"message": "Not Found"}
    page = get(app, "/posts/1/delete")
    assert page.status_code == 404 and "Not Found" in page.get_data(as_text=True)


def test_custom_statuses_and_messages(app: t.Any, models: t.Any) -> None:
    gate = app.make("gate")
    gate.define("archived", lambda user: Response.deny_with_status(410, "Archived."))
    gate.define("hidden", lambda user: Response.deny_as_not_found("No such post."))
    route(app, "/archived", lambda: "x", "can:archived")
    route(app, "/hidden", lambda: "x", "can:hidden")
    login(app, models.User(1))

    archived = get(app, "/archived", json=True)
    assert archived.status_code == 410 and archived.get_json() == {
        "message": "Archived."
    }
    hidden = get(app, "/hidden", json=True)
    assert hidden.status_code == 404 and hidden.get_json() == {
        "message": "No such post."
    }


def test_can_middleware_with_a_class(app: t.Any, models: t.Any) -> None:
    path = f"{models.Post.__module__}.{models.Post.__qualname__}"
    route(app, "/posts/create", lambda: "form", f"can:create,{path}")

    login(app, models.User(1, admin=True))
    assert get(app, "/posts/create").get_data(as_text=True) == "form"
    login(app, models.User(2))
    assert get(app, "/posts/create", json=True).status_code == 403


def test_can_middleware_with_a_quoted_string(app: t.Any, models: t.Any) -> None:
    app.make("gate").define("section", lambda user, name: name == "news")
    route(app, "/news", lambda: "news", "can:section,'news'")
    route(app, "/admin", lambda: "admin", "can:section,'admin'")
    login(app, models.User(1))

    assert get(app, "/news").status_code == 200
    assert get(app, "/admin").status_code == 403


def test_authorize_using_builds_the_middleware_string() -> None:
    from protevus.auth.middleware.authorize import Authorize

    assert Authorize.using("update", "post") == "can:update,post"
    assert Authorize.using("create", "app.models.post.Post") == (
        "can:create,app.models.post.Post"
    )


class PostController(Controller):
    def update(self, post: t.Any) -> str:
        self.authorize("update", post)
        return f"updated {post.id}"


class ForUserController(Controller):
    def show(self, post: t.Any) -> str:
        from protevus.container.container import Container

        owner = Container.get_instance().make("test.owner")
        response = self.authorize_for_user(owner, "update", post)
        return "owner may" if response.allowed() else "?"


class GuessingController(AuthorizesRequests, Controller):
    def update(self, post: t.Any) -> str:
        self.authorize(post)
        return "guessed update"

    def destroy(self, post: t.Any) -> str:
        self.authorize(post)
        return "never"


def test_controller_authorize(app: t.Any, models: t.Any) -> None:
    app.make("router").get(
        "/posts/{post}/update", [PostController, "update"]
    ).middleware("web")
    login(app, models.User(1))

    assert get(app, "/posts/1/update").get_data(as_text=True) == "updated 1"
    denied = get(app, "/posts/2/update", json=True)
    assert denied.status_code == 403
    assert denied.get_json() == {"message": "You do not own this post."}


def test_controller_authorize_for_user(app: t.Any, models: t.Any) -> None:
    app.instance("test.owner", models.User(2))
    app.make("router").get("/posts/{post}", [ForUserController, "show"]).middleware(
        "web"
    )
    login(app, models.User(1))

    assert get(app, "/posts/2").get_data(as_text=True) == "owner may"
    assert get(app, "/posts/1", json=True).status_code == 403


def test_authorizes_requests_guesses_the_ability_from_the_method(
    app: t.Any, models: t.Any
) -> None:
    router = app.make("router")
    router.get("/g/{post}/update", [GuessingController, "update"]).middleware("web")
    router.get("/g/{post}/destroy", [GuessingController, "destroy"]).middleware("web")
    login(app, models.User(1))

    assert get(app, "/g/1/update").get_data(as_text=True) == "guessed update"
    assert get(app, "/g/2/update", json=True).status_code == 403
    # destroy → delete, which the policy answers with deny_as_not_found().
    assert get(app, "/g/1/destroy", json=True).status_code == 404
