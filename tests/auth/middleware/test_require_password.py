"""The ``password.confirm`` middleware: recent confirmation, else 302 or 423."""

from __future__ import annotations

import time
import typing as t


def test_unconfirmed_browser_goes_to_the_confirm_route(auth_app: t.Any) -> None:
    env = auth_app()
    env.client().get("/settings").assert_redirect("http://localhost/confirm-password")


def test_unconfirmed_json_request_gets_423(auth_app: t.Any) -> None:
    env = auth_app()

    response = env.client().get_json("/settings")

    response.assert_status(423)
    assert response.json() == {"message": "Password confirmation required."}


def test_recent_confirmation_passes(auth_app: t.Any) -> None:
    env = auth_app()
    client = env.client()
    client.post("/confirm").assert_ok()

    client.get("/settings").assert_ok().assert_see("settings")


def test_old_confirmation_must_be_repeated(auth_app: t.Any) -> None:
    env = auth_app(
        """
        def confirm_long_ago(request: Request):
            request.session().put('auth.password_confirmed_at', int(time.time()) - 11000)
            return {'ok': True}

        import time
        Route.post('/confirm-old', confirm_long_ago)
        Route.get('/short', lambda: 'short').middleware('password.confirm:password.confirm,60')
        """
    )
    client = env.client()
    client.post("/confirm-old")

    client.get("/settings").assert_redirect("http://localhost/confirm-password")
    env.set_config("auth.password_timeout", 20000)
    client.get("/settings").assert_ok()
    client.get("/short").assert_redirect("http://localhost/confirm-password")


def test_timeout_parameter_and_using(auth_app: t.Any) -> None:
    from protevus.auth.middleware.require_password import RequirePassword

    env = auth_app(
        "Route.get('/strict', lambda: 'ok')"
        f".middleware('{RequirePassword.using(None, 1)}')\n"
    )
    client = env.client()
    client.post("/confirm")
    client.get("/strict").assert_ok()
    time.sleep(2.1)
    client.get("/strict").assert_redirect("http://localhost/confirm-password")
    assert RequirePassword.using("custom.confirm") == "password.confirm:custom.confirm"


def test_garbage_in_the_session_counts_as_unconfirmed(auth_app: t.Any) -> None:
    env = auth_app(
        """
        def junk(request: Request):
            request.session().put('auth.password_confirmed_at', 'yesterday')
            return {'ok': True}

        Route.post('/junk', junk)
        """
    )
    client = env.client()
    client.post("/junk")
    client.get("/settings").assert_redirect("http://localhost/confirm-password")
