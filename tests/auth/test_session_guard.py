"""The session guard through the whole web stack: attempt, login, logout, remember me.

Every test runs real requests against an application with a sqlite ``users`` table
(see ``conftest.py``); the session lives in the ``array`` driver, so one TestClient
keeps its session through the session cookie, and a new client starts a new one.
"""

from __future__ import annotations

import time
import typing as t

import pytest

LOGIN = {"email": "taylor@example.com", "password": "secret"}
REMEMBER = "remember_web_59ba36addc2b2f9401580f014c7f58ea4e30989d"
SESSION_KEY = "login_web_59ba36addc2b2f9401580f014c7f58ea4e30989d"


def _events(app: t.Any, *classes: type) -> list[t.Any]:
    seen: list[t.Any] = []
    for cls in classes:
        app.make("events").listen(cls, seen.append)
    return seen


def _decrypt_cookie(app: t.Any, name: str, raw: str) -> str | None:
    from protevus.cookie.middleware.encrypt_cookies import EncryptCookies

    return EncryptCookies(app.make("encrypter")).decrypt_cookie(name, raw)


def test_wrong_password_fails_and_dispatches_failed(auth_app: t.Any) -> None:
    from protevus.auth.events import Attempting
    from protevus.auth.events import Failed
    from protevus.auth.events import Login

    env = auth_app()
    user = env.make_user()
    seen = _events(env.app, Attempting, Failed, Login)

    response = env.client().post("/login", {**LOGIN, "password": "wrong"})

    assert response.json() == {"ok": False}
    assert [type(e) for e in seen] == [Attempting, Failed]
    attempting, failed = seen
    assert attempting.guard == "web" and attempting.remember is False
    assert failed.guard == "web" and failed.user.id == user.id
    assert failed.credentials == {"email": "taylor@example.com", "password": "wrong"}


def test_unknown_email_fails_with_no_user(auth_app: t.Any) -> None:
    from protevus.auth.events import Failed

    env = auth_app()
    env.make_user()
    seen = _events(env.app, Failed)

    response = env.client().post("/login", {**LOGIN, "email": "nobody@example.com"})

    assert response.json() == {"ok": False}
    assert len(seen) == 1 and seen[0].user is None


def test_login_changes_the_session_id_and_keeps_the_user(auth_app: t.Any) -> None:
    from protevus.auth.events import Authenticated
    from protevus.auth.events import Login
    from protevus.auth.events import Validated

    env = auth_app()
    user = env.make_user()
    client = env.client()
    before = client.get("/me").json()
    assert before["id"] is None
    seen = _events(env.app, Validated, Login, Authenticated)

    login = client.post("/login", LOGIN).json()

    assert login["ok"] is True and login["id"] == user.id
    assert login["session"] != before["session"]
    assert [type(e) for e in seen] == [Validated, Login, Authenticated]
    assert seen[1].remember is False and seen[1].user.id == user.id
    # the next requests find the user through the session
    again = client.get("/me").json()
    assert again == {"id": user.id, "via_remember": False, "session": login["session"]}
    assert client.get("/me").json()["id"] == user.id
    # another browser is a guest
    assert env.client().get("/me").json()["id"] is None


def test_logout_forgets_the_user_and_invalidates_the_session(auth_app: t.Any) -> None:
    from protevus.auth.events import Logout

    env = auth_app()
    user = env.make_user()
    client = env.client()
    session = client.post("/login", LOGIN).json()["session"]
    seen = _events(env.app, Logout)

    client.post("/logout").assert_ok()

    me = client.get("/me").json()
    assert me["id"] is None
    assert me["session"] != session
    assert len(seen) == 1 and seen[0].user.id == user.id and seen[0].guard == "web"


def test_remember_me_cookie_logs_a_fresh_client_in(auth_app: t.Any) -> None:
    from protevus.auth.events import Login

    env = auth_app()
    user = env.make_user()
    response = env.client().post("/login", {**LOGIN, "remember": "1"})
    cookie = response.cookie(REMEMBER)
    assert cookie is not None and cookie.http_only
    # Laravel's 576000 minutes (400 days, the longest browsers keep a cookie)
    assert cookie.max_age == 576000 * 60
    fresh = env.user_model.find(user.id)
    token = fresh.remember_token
    assert token and len(token) == 60
    plain = _decrypt_cookie(env.app, REMEMBER, cookie.value)
    # the third part is a MAC of the password hash, never the hash itself
    from protevus.auth.recaller import hash_password_for_cookie

    assert plain == f"{user.id}|{token}|{hash_password_for_cookie(fresh.password)}"
    assert fresh.password not in plain

    seen = _events(env.app, Login)
    other = env.client().with_unencrypted_cookie(REMEMBER, cookie.value)
    me = other.get("/me").json()

    assert me["id"] == user.id and me["via_remember"] is True
    assert len(seen) == 1 and seen[0].remember is True
    # the session now carries the user: the next request needs no cookie lookup
    again = other.get("/me").json()
    assert again["id"] == user.id and again["via_remember"] is False
    # recalling does not rotate the token (Laravel rotates it on logout)
    assert env.user_model.find(user.id).remember_token == token


def test_a_password_change_ends_remember_me_logins(auth_app: t.Any) -> None:
    env = auth_app()
    user = env.make_user()
    cookie = env.client().post("/login", {**LOGIN, "remember": "1"}).cookie(REMEMBER)
    assert cookie is not None
    fresh = env.user_model.find(user.id)
    fresh.password = "a-new-password-9"
    fresh.save()
    other = env.client().with_unencrypted_cookie(REMEMBER, cookie.value)
    assert other.get("/me").json()["id"] is None


def test_logout_rotates_the_remember_token_and_expires_the_cookie(
    auth_app: t.Any,
) -> None:
    env = auth_app()
    user = env.make_user()
    client = env.client()
    cookie = client.post("/login", {**LOGIN, "remember": "1"}).cookie(REMEMBER)
    assert cookie is not None
    token = env.user_model.find(user.id).remember_token

    client.post("/logout").assert_cookie_expired(REMEMBER)

    rotated = env.user_model.find(user.id).remember_token
    assert rotated and rotated != token
    stolen = env.client().with_unencrypted_cookie(REMEMBER, cookie.value)
    assert stolen.get("/me").json()["id"] is None


@pytest.mark.parametrize(
    "value",
    ["", "1", "1|", "|token|hash", "999|token|hash", "1|wrong-token|hash"],
)
def test_bad_remember_cookies_log_nobody_in(auth_app: t.Any, value: str) -> None:
    env = auth_app()
    env.make_user(remember_token="x" * 60)

    client = env.client().with_cookie(REMEMBER, value)

    assert client.get("/me").json()["id"] is None


def test_tampered_remember_cookie_is_ignored(auth_app: t.Any) -> None:
    env = auth_app()
    env.make_user(remember_token="x" * 60)

    client = env.client().with_unencrypted_cookie(REMEMBER, "1|" + "x" * 60 + "|h")

    assert client.get("/me").json()["id"] is None


def test_attempt_when_callbacks_must_accept_the_user(auth_app: t.Any) -> None:
    env = auth_app(
        """
        def login_active(request: Request):
            ok = Auth.attempt_when(
                request.only('email', 'password'), [lambda user: bool(user.active)]
            )
            return {'ok': ok, 'id': Auth.id()}

        Route.post('/login-active', login_active)
        """
    )
    env.make_user(active=False)
    env.make_user(email="dayle@example.com", active=True)

    inactive = env.client().post("/login-active", LOGIN).json()
    active = env.client().post("/login-active", {**LOGIN, "email": "dayle@example.com"})

    assert inactive == {"ok": False, "id": None}
    assert active.json()["ok"] is True


def test_once_and_validate_leave_the_session_alone(auth_app: t.Any) -> None:
    env = auth_app(
        """
        def once(request: Request):
            return {'ok': Auth.once(request.only('email', 'password')), 'id': Auth.id()}

        def validate(request: Request):
            return {'ok': Auth.validate(request.only('email', 'password')), 'id': Auth.id()}

        def once_id(request: Request):
            user = Auth.once_using_id(int(request.input('id')))
            return {'found': user is not False, 'id': Auth.id()}

        Route.post('/once', once)
        Route.post('/validate', validate)
        Route.post('/once-id', once_id)
        """
    )
    user = env.make_user()
    client = env.client()

    assert client.post("/once", LOGIN).json() == {"ok": True, "id": user.id}
    assert client.get("/me").json()["id"] is None
    assert client.post("/validate", LOGIN).json() == {"ok": True, "id": None}
    assert client.post("/validate", {**LOGIN, "password": "x"}).json()["ok"] is False
    assert client.post("/once-id", {"id": user.id}).json() == {
        "found": True,
        "id": user.id,
    }
    assert client.post("/once-id", {"id": 999}).json() == {"found": False, "id": None}
    assert client.get("/me").json()["id"] is None


def test_login_using_id(auth_app: t.Any) -> None:
    env = auth_app(
        """
        def as_id(request: Request):
            user = Auth.login_using_id(int(request.input('id')))
            return {'found': user is not False}

        Route.post('/as-id', as_id)
        """
    )
    user = env.make_user()
    client = env.client()

    assert client.post("/as-id", {"id": 999}).json() == {"found": False}
    assert client.get("/me").json()["id"] is None
    assert client.post("/as-id", {"id": user.id}).json() == {"found": True}
    assert client.get("/me").json()["id"] == user.id


def test_logout_other_devices_logs_out_the_other_session(auth_app: t.Any) -> None:
    from protevus.auth.events import OtherDeviceLogout

    env = auth_app()
    env.make_user()
    laptop, phone = env.client(), env.client()
    phone.post("/login", LOGIN)
    phone.get("/private-session").assert_ok()  # stores the password hash
    laptop.post("/login", LOGIN)
    seen = _events(env.app, OtherDeviceLogout)

    laptop.post("/other-devices", {"password": "secret"}).assert_ok()

    assert len(seen) == 1
    phone.get("/private-session").assert_redirect("http://localhost/login")
    assert phone.get("/me").json()["id"] is None
    laptop.get("/private-session").assert_ok()
    # the password itself still works
    assert env.client().post("/login", LOGIN).json()["ok"] is True


def test_logout_other_devices_ends_remember_me_elsewhere(auth_app: t.Any) -> None:
    env = auth_app()
    env.make_user()
    laptop = env.client()
    cookie = env.client().post("/login", {**LOGIN, "remember": "1"}).cookie(REMEMBER)
    assert cookie is not None
    laptop.post("/login", LOGIN)

    laptop.post("/other-devices", {"password": "secret"}).assert_ok()

    phone = env.client().with_unencrypted_cookie(REMEMBER, cookie.value)
    phone.get("/private-session").assert_redirect("http://localhost/login")
    laptop.get("/private-session").assert_ok()


def test_logout_other_devices_needs_the_current_password(auth_app: t.Any) -> None:
    from protevus.exceptions import InvalidArgumentError

    env = auth_app()
    user = env.make_user()
    auth = env.app.make("auth")
    auth.guard().set_user(user)

    with pytest.raises(
        InvalidArgumentError, match="does not match the current password"
    ):
        auth.logout_other_devices("wrong")


@pytest.mark.parametrize("rehash", [True, False])
def test_rehash_on_login_when_the_cost_changes(auth_app: t.Any, rehash: bool) -> None:
    env = auth_app()
    user = env.make_user()
    old_hash = env.user_model.find(user.id).password
    assert old_hash.startswith("$2y$04$")
    env.set_config("hashing.bcrypt.rounds", 5)
    env.set_config("hashing.rehash_on_login", rehash)
    env.app.make("hash").forget_drivers()

    assert env.client().post("/login", LOGIN).json()["ok"] is True

    new_hash = env.user_model.find(user.id).password
    if rehash:
        assert new_hash.startswith("$2y$05$")
        assert env.app.make("hash").check("secret", new_hash)
    else:
        assert new_hash == old_hash


def test_failed_attempts_take_the_timebox_duration(auth_app: t.Any) -> None:
    env = auth_app()
    env.make_user()
    env.set_config("auth.timebox_duration", 150_000)
    client = env.client()

    started = time.perf_counter()
    client.post("/login", {**LOGIN, "email": "nobody@example.com"})
    unknown = time.perf_counter() - started
    started = time.perf_counter()
    ok = client.post("/login", LOGIN).json()["ok"]
    success = time.perf_counter() - started

    assert unknown >= 0.15
    assert ok is True and success < 0.15


def test_session_key_and_recaller_name_match_laravel(auth_app: t.Any) -> None:
    env = auth_app()
    guard = env.app.make("auth").guard()
    assert guard.get_name() == SESSION_KEY
    assert guard.get_recaller_name() == REMEMBER
    assert guard.getRecallerName() == REMEMBER


def test_remember_duration_comes_from_the_guard_config(auth_app: t.Any) -> None:
    env = auth_app()
    env.set_config("auth.guards.web.remember", 60)
    env.make_user()

    cookie = env.client().post("/login", {**LOGIN, "remember": "1"}).cookie(REMEMBER)

    assert cookie is not None and cookie.max_age == 3600
