"""Form requests resolved by type hint: authorize, prepare, validate, then the action.

The session here is a small in-memory stand-in attached by a test middleware
(flash, get, put, flash_input, get_old_input): the session package is built in
parallel and is swapped in at integration.
"""

from __future__ import annotations

import typing as t

import pytest

from protevus.foundation.http.form_request import FormRequest
from protevus.support.arr import data_get
from protevus.support.arr import data_set
from protevus.validation.validation_service_provider import ValidationServiceProvider

JSON = {"Accept": "application/json"}


class ArraySession:
    """Just enough of the session store for flashing errors and old input."""

    def __init__(self) -> None:
        self.data: dict[str, t.Any] = {}

    def get(self, key: str, default: t.Any = None) -> t.Any:
        return data_get(self.data, key, default)

    def put(self, key: str, value: t.Any = None) -> None:
        data_set(self.data, key, value)

    def flash(self, key: str, value: t.Any = True) -> None:
        self.put(key, value)

    def flash_input(self, data: dict[str, t.Any]) -> None:
        self.flash("_old_input", data)

    def get_old_input(self, key: str | None = None, default: t.Any = None) -> t.Any:
        return data_get(self.data.get("_old_input", {}), key, default)

    def previous_url(self) -> str | None:
        return t.cast("str | None", self.get("_previous.url"))


class StorePostRequest(FormRequest):
    def authorize(self) -> bool:
        return self.input("token") != "forbidden"

    def rules(self) -> dict[str, t.Any]:
        return {"title": "required|max:10", "body": "required"}

    def messages(self) -> dict[str, str]:
        return {"body.required": "Write something in the :attribute."}

    def attributes(self) -> dict[str, str]:
        return {"body": "post body"}


class SlugRequest(FormRequest):
    seen: t.ClassVar[list[str]] = []

    def prepare_for_validation(self) -> None:
        title = str(self.input("title", ""))
        self.merge({"slug": title.lower().replace(" ", "-")})

    def rules(self) -> dict[str, t.Any]:
        return {"title": "required", "slug": "required|alpha_dash", "tags.*": "string"}

    def passed_validation(self) -> None:
        SlugRequest.seen.append(str(self.input("slug")))


class BaggedRequest(FormRequest):
    error_bag = "login"
    redirect = "/login"
    stop_on_first_failure = True

    def rules(self) -> dict[str, t.Any]:
        return {"email": "required", "password": "required"}


class HookedRequest(FormRequest):
    def rules(self) -> dict[str, t.Any]:
        return {"a": "required"}

    def with_validator(self, validator: t.Any) -> None:
        validator.after(
            lambda v: (
                v.errors().add("a", "From with_validator.")
                if self.input("a") == "bad"
                else None
            )
        )

    def after(self) -> list[t.Any]:
        return [
            lambda v: (
                v.errors().add("a", "From after.")
                if self.input("a") == "worse"
                else None
            )
        ]


class PostController:
    def store(self, request: StorePostRequest) -> dict[str, t.Any]:
        return {"validated": request.validated(), "title": request.validated("title")}

    def slug(self, request: SlugRequest) -> dict[str, t.Any]:
        return {
            "validated": request.validated(),
            "safe": request.safe().only(["slug"]),
        }


@pytest.fixture
def session() -> ArraySession:
    return ArraySession()


@pytest.fixture
def client(http_app: t.Any, session: ArraySession) -> t.Any:
    class AttachSession:
        def handle(self, request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
            request.set_session(session)
            return next(request)

    app = http_app(middleware=lambda m: m.append(AttachSession))
    app.register(ValidationServiceProvider)
    router = app.make("router")
    router.post("/posts", [PostController, "store"])
    router.post("/slug", [PostController, "slug"])

    def login(request: BaggedRequest) -> str:
        return "logged in"

    def hooked(request: HookedRequest) -> str:
        return "ok"

    router.post("/login", login)
    router.post("/hooked", hooked)
    return app.flask.test_client()


def test_invalid_json_request_gets_422_with_laravel_shape(client: t.Any) -> None:
    response = client.post("/posts", json={}, headers=JSON)
    assert response.status_code == 422
    assert response.get_json() == {
        "message": "The title field is required. (and 1 more error)",
        "errors": {
            "title": ["The title field is required."],
            "body": ["Write something in the post body."],
        },
    }


def test_valid_request_reaches_the_controller_with_validated_data(
    client: t.Any,
) -> None:
    response = client.post(
        "/posts", json={"title": "Hello", "body": "Text", "extra": "dropped"}
    )
    assert response.status_code == 200
    assert response.get_json() == {
        "validated": {"title": "Hello", "body": "Text"},
        "title": "Hello",
    }


def test_unauthorized_form_request_is_a_403(client: t.Any) -> None:
    response = client.post(
        "/posts", json={"token": "forbidden", "title": "x", "body": "y"}, headers=JSON
    )
    assert response.status_code == 403
    assert response.get_json() == {"message": "This action is unauthorized."}
    page = client.post("/posts", data={"token": "forbidden"})
    assert page.status_code == 403
    assert "This action is unauthorized." in page.get_data(as_text=True)


def test_authorization_runs_before_validation(client: t.Any) -> None:
    # Missing fields, but the 403 wins: Laravel authorizes first.
    response = client.post("/posts", json={"token": "forbidden"}, headers=JSON)
    assert response.status_code == 403


def test_html_failure_redirects_back_with_errors_and_old_input(
    client: t.Any, session: ArraySession
) -> None:
    response = client.post(
        "/posts",
        data={"title": "far too long a title", "password": "secret"},
        headers={"Referer": "http://localhost/posts/create"},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "http://localhost/posts/create"
    errors = session.get("errors")
    assert errors.get_bag("default").messages() == {
        "title": ["The title field must not be greater than 10 characters."],
        "body": ["Write something in the post body."],
    }
    assert session.get_old_input() == {"title": "far too long a title"}


def test_prepare_for_validation_merges_into_the_form_request_only(
    client: t.Any,
) -> None:
    SlugRequest.seen.clear()
    response = client.post("/slug", json={"title": "Hello World", "tags": ["a"]})
    assert response.status_code == 200
    assert response.get_json() == {
        "validated": {"title": "Hello World", "slug": "hello-world", "tags": ["a"]},
        "safe": {"slug": "hello-world"},
    }
    assert SlugRequest.seen == ["hello-world"]


def test_passed_validation_does_not_run_on_failure(client: t.Any) -> None:
    SlugRequest.seen.clear()
    response = client.post("/slug", json={"tags": [1]}, headers=JSON)
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"title", "slug", "tags.0"}
    assert SlugRequest.seen == []


def test_error_bag_redirect_and_stop_on_first_failure(
    client: t.Any, session: ArraySession
) -> None:
    response = client.post("/login", data={})
    assert response.status_code == 302
    assert response.headers["Location"] == "http://localhost/login"
    errors = session.get("errors")
    assert errors.has_bag("login")
    assert errors.get_bag("login").messages() == {
        "email": ["The email field is required."]
    }
    assert errors.get_bag("default").is_empty()


def test_form_request_in_a_closure_route(client: t.Any) -> None:
    assert client.post("/login", data={"email": "a@b.c", "password": "x"}).data == (
        b"logged in"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [("bad", "From with_validator."), ("worse", "From after.")],
)
def test_with_validator_and_after_hooks(
    client: t.Any, value: str, message: str
) -> None:
    response = client.post("/hooked", json={"a": value}, headers=JSON)
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"a": [message]}
    assert client.post("/hooked", json={"a": "fine"}).status_code == 200


def test_form_request_without_a_current_request_explains(make_app: t.Any) -> None:
    app = make_app()
    app.register(ValidationServiceProvider)
    with pytest.raises(Exception, match="no current request|there is none"):
        app.make(StorePostRequest)


def test_create_from_copies_input_without_sharing_it(http_app: t.Any) -> None:
    app = http_app()
    from protevus.http.request import Request

    seen: dict[str, t.Any] = {}

    def action(request: Request) -> str:
        form = StorePostRequest.create_from(request)
        form.merge({"title": "changed"})
        seen.update(original=request.input("title"), copy=form.input("title"))
        seen.update(route=form.route() is request.route())
        return "ok"

    app.make("router").post("/copy", action)
    app.flask.test_client().post("/copy", data={"title": "first"})
    assert seen == {"original": "first", "copy": "changed", "route": True}
