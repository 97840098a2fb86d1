"""The ``'auth'`` service: guards by name, drivers, per-request state, the Auth facade."""

from __future__ import annotations

import concurrent.futures
import threading
import typing as t

import pytest

LOGIN = {"email": "taylor@example.com", "password": "secret"}


def test_auth_is_bound_with_the_default_guard(auth_app: t.Any) -> None:
    from protevus.auth.auth_manager import AuthManager
    from protevus.auth.eloquent_user_provider import EloquentUserProvider
    from protevus.auth.session_guard import SessionGuard

    env = auth_app()
    auth = env.app.make("auth")

    assert isinstance(auth, AuthManager)
    assert env.app.make(AuthManager) is auth
    guard = auth.guard()
    assert isinstance(guard, SessionGuard) and guard.name == "web"
    assert auth.guard("web") is guard
    assert env.app.make("auth.driver") is guard
    assert isinstance(guard.get_provider(), EloquentUserProvider)
    assert auth.get_default_driver() == "web"
    assert auth.has_resolved_guards()


def test_unknown_guard_and_driver_are_clear_errors(auth_app: t.Any) -> None:
    from protevus.exceptions import InvalidArgumentError

    env = auth_app()
    env.set_config("auth.guards.odd", {"driver": "carrier-pigeon", "provider": "users"})
    env.set_config("auth.guards.bad", {"driver": "session", "provider": "nope"})
    env.set_config("auth.providers.nope", {"driver": "ldap"})
    auth = env.app.make("auth")

    with pytest.raises(
        InvalidArgumentError, match=r"Auth guard \[admin\] is not defined"
    ):
        auth.guard("admin")
    with pytest.raises(InvalidArgumentError, match=r"Auth driver \[carrier-pigeon\]"):
        auth.guard("odd")
    with pytest.raises(
        InvalidArgumentError, match=r"user provider \[ldap\] is not defined"
    ):
        auth.guard("bad")


def test_missing_model_is_a_clear_error(auth_app: t.Any) -> None:
    from protevus.auth.exceptions import AuthError

    env = auth_app()
    env.set_config("auth.providers.users.model", "app.models.nothing.Nobody")

    with pytest.raises(AuthError, match=r"User model \[app.models.nothing.Nobody\]"):
        env.app.make("auth").guard().validate(LOGIN)


def test_facade_calls_reach_the_default_guard(auth_app: t.Any) -> None:
    from protevus.facades import Auth

    env = auth_app()
    user = env.make_user()

    assert Auth.check() is False and Auth.guest() is True and Auth.user() is None
    Auth.set_user(user)
    assert Auth.user() is user and Auth.id() == user.id and Auth.check() is True
    assert Auth.hasUser() is True
    Auth.forget_guards()
    assert Auth.user() is None


def test_extend_adds_a_driver_and_provider_adds_a_provider(auth_app: t.Any) -> None:
    env = auth_app()
    auth = env.app.make("auth")
    calls: list[t.Any] = []

    class StaticProvider:
        def __init__(self, config: dict[str, t.Any]) -> None:
            self.config = config

    def make_guard(app: t.Any, name: str, config: dict[str, t.Any]) -> t.Any:
        calls.append((app, name, config))
        return object()

    auth.provider("static", lambda app, config: StaticProvider(config))
    auth.extend("custom", make_guard)
    env.set_config("auth.guards.api", {"driver": "custom", "provider": "fixed"})
    env.set_config("auth.providers.fixed", {"driver": "static", "id": 7})

    guard = auth.guard("api")

    assert calls and calls[0][1] == "api" and calls[0][2]["driver"] == "custom"
    assert auth.guard("api") is guard
    provider = auth.create_user_provider("fixed")
    assert isinstance(provider, StaticProvider) and provider.config["id"] == 7
    assert auth.create_user_provider("missing") is None


def test_via_request_guard_uses_the_callback(auth_app: t.Any) -> None:
    env = auth_app(
        """
        def key_user(request, provider):
            if request.header('X-Key') == 'letmein':
                return provider.retrieve_by_id(1)
            return None

        Auth.via_request('key', key_user)

        def who(request: Request):
            user = Auth.guard('key').user()
            return {'id': user.id if user else None}

        Route.get('/who', who)
        Route.get('/key-only', lambda request: {'id': request.user().id}).middleware('auth:key')
        """
    )
    env.set_config("auth.guards.key", {"driver": "key", "provider": "users"})
    user = env.make_user()
    client = env.client()

    assert client.get("/who").json() == {"id": None}
    assert client.with_header("X-Key", "letmein").get("/who").json() == {"id": user.id}
    client.with_header("X-Key", "letmein").get("/key-only").assert_ok()
    assert env.client().get_json("/key-only").status_code == 401


def test_should_use_changes_the_default_for_this_request_only(auth_app: t.Any) -> None:
    env = auth_app(
        """
        def default_guard(request: Request):
            return {'guard': Auth.get_default_driver()}

        Route.get('/default-guard', default_guard).middleware('auth:admin')
        Route.get('/plain-default', default_guard)
        """
    )
    env.set_config("auth.guards.admin", {"driver": "session", "provider": "users"})
    env.make_user()
    client = env.client()
    client.post("/login", LOGIN)

    # logged in on 'web', not 'admin'
    assert client.get_json("/default-guard").status_code == 401
    env.set_config("auth.defaults.guard", "admin")
    client.post("/login", LOGIN)  # now on the admin guard
    assert client.get("/default-guard").json() == {"guard": "admin"}
    env.set_config("auth.defaults.guard", "web")
    assert client.get("/plain-default").json() == {"guard": "web"}


def test_a_worker_thread_never_shows_one_clients_user_to_another(
    auth_app: t.Any,
) -> None:
    env = auth_app()
    user = env.make_user()
    taylor, guest = env.client(), env.client()

    with concurrent.futures.ThreadPoolExecutor(1) as pool:

        def run(fn: t.Callable[[], t.Any]) -> t.Any:
            return pool.submit(fn).result()

        assert run(lambda: taylor.post("/login", LOGIN).json()["ok"]) is True
        for _ in range(3):
            assert run(lambda: taylor.get("/me").json()["id"]) == user.id
            assert run(lambda: guest.get("/me").json()["id"]) is None


def test_concurrent_requests_keep_their_own_users(auth_app: t.Any) -> None:
    env = auth_app()
    users = [env.make_user(email=f"user{i}@example.com") for i in range(4)]
    clients = [env.client() for _ in users]
    for user, client in zip(users, clients, strict=True):
        client.post("/login", {"email": user.email, "password": "secret"})
    guest = env.client()
    barrier = threading.Barrier(5)

    def ask(client: t.Any) -> list[t.Any]:
        barrier.wait()
        return [client.get("/me").json()["id"] for _ in range(5)]

    with concurrent.futures.ThreadPoolExecutor(5) as pool:
        results = list(pool.map(ask, [*clients, guest]))

    for user, seen in zip(users, results[:4], strict=True):
        assert seen == [user.id] * 5
    assert results[-1] == [None] * 5


def test_outside_requests_each_thread_has_its_own_guards(auth_app: t.Any) -> None:
    env = auth_app()
    user = env.make_user()
    auth = env.app.make("auth")
    auth.guard().set_user(user)

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        other = pool.submit(lambda: auth.guard().get_user()).result()

    assert other is None
    assert auth.user() is user


def test_user_resolver_can_be_replaced(auth_app: t.Any) -> None:
    env = auth_app()
    auth = env.app.make("auth")
    assert auth.user_resolver()() is None
    auth.resolve_users_using(lambda guard=None: f"user of {guard}")
    assert auth.user_resolver()("api") == "user of api"


def test_token_driver_builds_the_token_guard(auth_app: t.Any) -> None:
    pytest.importorskip("protevus.auth.token_guard")
    from protevus.auth.token_guard import TokenGuard

    env = auth_app()
    env.set_config("auth.guards.api", {"driver": "token", "provider": "users"})

    guard = env.app.make("auth").guard("api")

    assert isinstance(guard, TokenGuard)


def test_blade_auth_directives_see_the_user(auth_app: t.Any) -> None:
    env = auth_app(
        "Route.get('/page', lambda: view('page'))\nfrom protevus.helpers import view\n"
    )
    view = env.root / "resources" / "views" / "page.blade.html"
    view.parent.mkdir(parents=True, exist_ok=True)
    view.write_text(
        "@auth\nhello {{ auth().user().name }}\n@endauth\n@guest\nguest\n@endguest\n"
    )
    env.make_user()
    client = env.client()

    assert "guest" in client.get("/page").text
    client.post("/login", LOGIN)
    page = client.get("/page").text
    assert "hello Taylor" in page and "guest" not in page
