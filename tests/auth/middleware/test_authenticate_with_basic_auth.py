"""The ``auth.basic`` middleware: HTTP basic credentials, or a 401 challenge."""

from __future__ import annotations

import typing as t


def test_missing_credentials_get_a_basic_challenge(auth_app: t.Any) -> None:
    env = auth_app()
    env.make_user()

    response = env.client().get("/basic")

    response.assert_status(401)
    assert response.headers["WWW-Authenticate"] == "Basic"


def test_wrong_credentials_get_401(auth_app: t.Any) -> None:
    env = auth_app()
    env.make_user()

    wrong = env.client().with_basic_auth("taylor@example.com", "nope").get("/basic")
    unknown = env.client().with_basic_auth("x@example.com", "secret").get_json("/basic")

    wrong.assert_status(401)
    assert wrong.headers["WWW-Authenticate"] == "Basic"
    unknown.assert_status(401)
    assert unknown.json() == {"message": "Invalid credentials."}


def test_bearer_header_is_not_basic(auth_app: t.Any) -> None:
    env = auth_app()
    env.make_user()
    env.client().with_token("abc").get("/basic").assert_status(401)


def test_right_credentials_pass(auth_app: t.Any) -> None:
    env = auth_app()
    user = env.make_user()

    response = (
        env.client().with_basic_auth("taylor@example.com", "secret").get("/basic")
    )

    assert response.assert_ok().json() == {"id": user.id}


def test_guard_and_field_parameters(auth_app: t.Any) -> None:
    from protevus.auth.middleware.authenticate_with_basic_auth import (
        AuthenticateWithBasicAuth,
    )

    env = auth_app(
        "Route.get('/by-name', lambda request: {'id': request.user().id})"
        f".middleware('{AuthenticateWithBasicAuth.using('web', 'name')}')\n"
    )
    user = env.make_user()

    env.client().with_basic_auth("Taylor", "secret").get("/by-name").assert_ok()
    assert (
        env.client().with_basic_auth("Taylor", "x").get("/by-name").status_code == 401
    )
    assert AuthenticateWithBasicAuth.using() == "auth.basic:"
    assert user.id == 1
