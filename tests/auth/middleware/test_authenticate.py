"""The ``auth`` middleware and how AuthenticationException renders."""

from __future__ import annotations

import typing as t

import pytest

LOGIN = {"email": "taylor@example.com", "password": "secret"}


@pytest.fixture(autouse=True)
def _reset_redirects() -> t.Iterator[None]:
    from protevus.auth.exceptions import AuthenticationException
    from protevus.auth.middleware.authenticate import Authenticate

    yield
    Authenticate.redirect_using(None)
    AuthenticationException.redirect_using(None)


def test_guest_browser_is_redirected_to_login_and_the_url_kept(auth_app: t.Any) -> None:
    env = auth_app(
        """
        def login_then_back(request: Request):
            Auth.attempt(request.only('email', 'password'))
            request.session().regenerate()
            return redirect().intended('/home')

        Route.post('/login-form', login_then_back)
        """
    )
    env.make_user()
    client = env.client()

    client.get("/private").assert_redirect("http://localhost/login")

    # after logging in, the app sends the user to the page they wanted
    client.post("/login-form", LOGIN).assert_redirect("http://localhost/private")
    client.get("/private").assert_ok().assert_see("private page")


def test_guest_json_request_gets_401(auth_app: t.Any) -> None:
    env = auth_app()

    response = env.client().get_json("/private")

    response.assert_status(401)
    assert response.json() == {"message": "Unauthenticated."}


def test_authenticated_request_passes(auth_app: t.Any) -> None:
    env = auth_app()
    env.make_user()
    client = env.client()
    client.post("/login", LOGIN)

    client.get("/private").assert_ok()
    client.get_json("/private").assert_ok()


def test_guards_are_tried_in_order(auth_app: t.Any) -> None:
    env = auth_app(
        """
        def which(request: Request):
            return {'guard': Auth.get_default_driver(), 'id': request.user().id}

        Route.get('/either', which).middleware('auth:admin,web')
        """
    )
    env.set_config("auth.guards.admin", {"driver": "session", "provider": "users"})
    user = env.make_user()
    client = env.client()
    assert client.get_json("/either").status_code == 401

    client.post("/login", LOGIN)

    assert client.get("/either").json() == {"guard": "web", "id": user.id}


def test_redirect_using_sets_where_guests_go(auth_app: t.Any) -> None:
    from protevus.auth.middleware.authenticate import Authenticate

    env = auth_app()
    Authenticate.redirect_using(lambda request: "/sign-in?from=" + request.path)

    env.client().get("/private").assert_redirect(
        "http://localhost/sign-in?from=/private"
    )
    Authenticate.redirect_using("/welcome")
    env.client().get("/private").assert_redirect("http://localhost/welcome")
    # JSON clients still get the 401
    env.client().get_json("/private").assert_status(401)


def test_without_a_login_route_browsers_get_the_401_page(auth_app: t.Any) -> None:
    env = auth_app(
        routes="""
        from protevus.facades import Route

        Route.get('/members', lambda: 'members').middleware('auth')
        """
    )

    response = env.client().get("/members")

    response.assert_status(401)
    assert "Location" not in response.headers
    env.client().get_json("/members").assert_status(401)


def test_using_builds_the_middleware_string() -> None:
    from protevus.auth.middleware.authenticate import Authenticate

    assert Authenticate.using("api") == "auth:api"
    assert Authenticate.using("api", "web") == "auth:api,web"


def test_exception_api() -> None:
    from protevus.auth.exceptions import AuthenticationException

    exc = AuthenticationException("Unauthenticated.", ["web"], "/in")
    assert exc.guards() == ["web"]
    assert exc.redirect_to() == "/in"
    assert str(exc) == "Unauthenticated."
    assert AuthenticationException().redirect_to() is None
    AuthenticationException.redirect_using("/there")
    assert AuthenticationException().redirect_to() == "/there"
