"""The handler's answers to validation errors and CSRF mismatches (Laravel's Handler).

A small in-memory session is attached by a test middleware where flashing is
needed; the real session store is swapped in at integration.
"""

from __future__ import annotations

import typing as t

import pytest

from protevus.session.token_mismatch_exception import TokenMismatchException
from protevus.support.arr import data_get
from protevus.support.arr import data_set
from protevus.validation.exceptions import ValidationError
from protevus.validation.validation_service_provider import ValidationServiceProvider

JSON = {"Accept": "application/json"}


class ArraySession:
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
        return None


class Setup(t.NamedTuple):
    client: t.Any
    session: ArraySession
    reported: list[BaseException]
    router: t.Any


@pytest.fixture
def setup(http_app: t.Any) -> t.Callable[..., Setup]:
    def make(with_session: bool = True, exceptions: t.Any = None) -> Setup:
        session = ArraySession()
        reported: list[BaseException] = []

        class AttachSession:
            def handle(self, request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
                request.set_session(session)
                return next(request)

        def configure(e: t.Any) -> None:
            e.report(lambda exc: reported.append(exc))
            if exceptions is not None:
                exceptions(e)

        app = http_app(
            middleware=(lambda m: m.append(AttachSession)) if with_session else None,
            exceptions=configure,
        )
        app.register(ValidationServiceProvider)
        router = app.make("router")
        return Setup(app.flask.test_client(), session, reported, router)

    return make


def _raiser(exc: BaseException) -> t.Callable[[], t.Any]:
    def action() -> t.Any:
        raise exc

    return action


def _failing(rules: dict[str, t.Any], data: dict[str, t.Any]) -> ValidationError:
    from protevus.validation.validator import Validator

    validator = Validator(data, rules)
    assert validator.fails()
    return ValidationError(validator)


def test_token_mismatch_is_a_419_page_and_json(setup: t.Any) -> None:
    s = setup()
    s.router.post("/form", _raiser(TokenMismatchException()))
    page = s.client.post("/form")
    assert page.status_code == 419
    body = page.get_data(as_text=True)
    assert "<title>Page Expired</title>" in body and "419" in body
    as_json = s.client.post("/form", headers=JSON)
    assert as_json.status_code == 419
    assert as_json.get_json() == {"message": "CSRF token mismatch."}
    assert s.reported == []


def test_json_validation_error_is_a_422(setup: t.Any) -> None:
    s = setup()

    def store(request: t.Any) -> t.Any:
        return request.validate({"title": "required", "body": "required|min:5"})

    s.router.post("/posts", store)
    response = s.client.post("/posts", json={"body": "abc"}, headers=JSON)
    assert response.status_code == 422
    assert response.get_json() == {
        "message": "The title field is required. (and 1 more error)",
        "errors": {
            "title": ["The title field is required."],
            "body": ["The body field must be at least 5 characters."],
        },
    }
    assert s.reported == []


def test_ajax_request_gets_json(setup: t.Any) -> None:
    s = setup()
    s.router.post("/x", _raiser(_failing({"a": "required"}, {})))
    response = s.client.post(
        "/x", headers={"X-Requested-With": "XMLHttpRequest", "Accept": "*/*"}
    )
    assert response.status_code == 422
    assert response.get_json()["message"] == "The a field is required."


def test_status_and_carried_response_are_honoured(setup: t.Any) -> None:
    from protevus.http.response import Response

    s = setup()
    s.router.post("/status", _raiser(_failing({"a": "required"}, {}).status_(418)))
    carried = ValidationError(
        _failing({"a": "required"}, {}).validator, Response("custom", 400)
    )
    s.router.post("/carried", _raiser(carried))
    assert s.client.post("/status", headers=JSON).status_code == 418
    response = s.client.post("/carried", headers=JSON)
    assert (response.status_code, response.data) == (400, b"custom")


def test_html_failure_flashes_errors_and_input_without_passwords(setup: t.Any) -> None:
    s = setup()

    def store(request: t.Any) -> t.Any:
        return request.validate({"email": "required|email"})

    s.router.post("/register", store)
    response = s.client.post(
        "/register",
        data={
            "email": "nope",
            "name": "Ada",
            "password": "p",
            "password_confirmation": "p",
            "current_password": "c",
        },
        headers={"Referer": "http://localhost/register"},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "http://localhost/register"
    assert s.session.get_old_input() == {"email": "nope", "name": "Ada"}
    assert s.session.get("errors").messages() == {
        "email": ["The email field must be a valid email address."]
    }


def test_dont_flash_is_configurable(setup: t.Any) -> None:
    s = setup(exceptions=lambda e: e.dont_flash(["secret"]).dont_flash("pin"))
    s.router.post("/x", lambda request: request.validate({"a": "required"}))
    s.client.post("/x", data={"secret": "s", "pin": "1", "password": "p", "b": "2"})
    assert s.session.get_old_input() == {"b": "2"}


def test_redirect_to_and_error_bag(setup: t.Any) -> None:
    s = setup()
    exc = _failing({"a": "required"}, {}).redirect_to_("/elsewhere").error_bag_("other")
    s.router.post("/x", _raiser(exc))
    response = s.client.post("/x")
    assert response.headers["Location"] == "http://localhost/elsewhere"
    assert s.session.get("errors").get_bag("other").messages() == {
        "a": ["The a field is required."]
    }


def test_error_bag_input_field_picks_the_bag(setup: t.Any) -> None:
    s = setup()
    s.router.post("/x", lambda request: request.validate({"a": "required"}))
    s.client.post("/x", data={"_error_bag": "sidebar"})
    assert s.session.get("errors").has_bag("sidebar")


def test_validate_with_bag(setup: t.Any) -> None:
    s = setup()

    def update(request: t.Any) -> t.Any:
        return request.validate_with_bag(
            "update_password",
            {"password": "required|min:8"},
            {"password.min": "Too short."},
            {"password": "new password"},
        )

    s.router.post("/password", update)
    s.client.post("/password", data={"password": "short"})
    bag = s.session.get("errors").get_bag("update_password")
    assert bag.messages() == {"password": ["Too short."]}
    ok = s.client.post("/password", data={"password": "long enough", "x": 1})
    assert ok.get_json() == {"password": "long enough"}


def test_without_session_html_failure_answers_json_422(setup: t.Any) -> None:
    s = setup(with_session=False)
    s.router.post("/api/x", lambda request: request.validate({"a": "required"}))
    response = s.client.post("/api/x", data={})
    assert response.status_code == 422
    assert response.get_json() == {
        "message": "The a field is required.",
        "errors": {"a": ["The a field is required."]},
    }


def test_render_callbacks_still_win_over_the_default(setup: t.Any) -> None:
    def render(exc: ValidationError, request: t.Any) -> t.Any:
        return {"custom": exc.errors()}

    s = setup(exceptions=lambda e: e.render(render))
    s.router.post("/x", _raiser(_failing({"a": "required"}, {})))
    assert s.client.post("/x").get_json() == {
        "custom": {"a": ["The a field is required."]}
    }


def test_handler_does_not_report_validation_or_csrf_errors(make_app: t.Any) -> None:
    from protevus.foundation.exception_handler import ExceptionHandler

    handler = ExceptionHandler(make_app())
    assert not handler.should_report(_failing({"a": "required"}, {}))
    assert not handler.should_report(TokenMismatchException())
    assert handler.should_report(RuntimeError("boom"))
    assert handler.dont_flash == [
        "current_password",
        "password",
        "password_confirmation",
    ]


def test_dont_flash_takes_dot_keys(setup: t.Any) -> None:
    s = setup(exceptions=lambda e: e.dont_flash("user.pin"))
    s.router.post("/x", lambda request: request.validate({"a": "required"}))
    s.client.post("/x", data={"user[name]": "Ada", "user[pin]": "1234"})
    assert s.session.get_old_input() == {"user": {"name": "Ada"}}
