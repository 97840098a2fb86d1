"""TokenGuard: the bearer token's user, cached on the request; revoked and expired tokens refused."""

from __future__ import annotations

import contextlib
import threading
import typing as t

import pytest

from protevus.auth.exceptions import AuthenticationException
from protevus.auth.has_api_tokens import HasApiTokens
from protevus.auth.middleware.check_abilities import CheckAbilities
from protevus.auth.middleware.check_for_any_ability import CheckForAnyAbility
from protevus.auth.missing_ability_exception import MissingAbilityException
from protevus.auth.personal_access_token import PersonalAccessToken
from protevus.auth.token_guard import TokenAuthenticated
from protevus.auth.token_guard import TokenGuard
from protevus.database.eloquent.model import Model
from protevus.support.carbon import Carbon


class GuardUser(HasApiTokens, Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []


class OtherTokenable(HasApiTokens, Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []


def users_table(table: t.Any) -> None:
    table.id()
    table.string("name")
    table.timestamps()


def tokens_table(table: t.Any) -> None:
    table.id()
    table.morphs("tokenable")
    table.text("name")
    table.string("token", 64).unique()
    table.text("abilities").nullable()
    table.timestamp("last_used_at").nullable()
    table.timestamp("expires_at").nullable().index()
    table.timestamps()


class Provider:
    """The one method of a user provider the guard reads."""

    def __init__(self, model: t.Any) -> None:
        self.model = model

    def get_model(self) -> t.Any:
        return self.model


@pytest.fixture
def app(db_app: t.Any) -> t.Iterator[t.Any]:
    schema = db_app.make("db").connection().get_schema_builder()
    schema.create("users", users_table)
    schema.create("personal_access_tokens", tokens_table)
    Model.clear_booted_models()
    try:
        yield db_app
    finally:
        Carbon.set_test_now(None)
        Model.clear_booted_models()


@contextlib.contextmanager
def request(app: t.Any, authorization: str | None = None) -> t.Iterator[t.Any]:
    headers = {} if authorization is None else {"Authorization": authorization}
    with app.flask.test_request_context("/api/user", headers=headers):
        yield app.make("request")


def bearer(token: str) -> str:
    return f"Bearer {token}"


def make_guard(**config: t.Any) -> TokenGuard:
    return TokenGuard("api", Provider(GuardUser), {"driver": "token", **config})


def test_no_token_is_a_guest(app: t.Any) -> None:
    guard = make_guard()

    with request(app):
        assert guard.user() is None
        assert guard.check() is False
        assert guard.guest() is True
        assert guard.id() is None
        assert guard.has_user() is False


def test_a_valid_token_gives_its_user_and_current_token(app: t.Any) -> None:
    user = GuardUser.create({"name": "ada"})
    new = user.create_token("cli", ["posts:read"])
    guard = make_guard()

    with request(app, bearer(new.plain_text_token)):
        found = guard.user()
        assert isinstance(found, GuardUser) and found.id == user.id
        assert found.current_access_token().id == new.access_token.id
        assert found.token_can("posts:read") and found.token_cant("posts:write")
        assert guard.check() and not guard.guest()
        assert guard.id() == user.id
        assert guard.has_user()
        assert guard.user() is found  # resolved once per request


def test_the_bearer_scheme_is_case_insensitive(app: t.Any) -> None:
    new = GuardUser.create({"name": "ada"}).create_token("cli")

    with request(app, f"bearer {new.plain_text_token}"):
        assert make_guard().check()


def test_a_revoked_token_is_a_guest(app: t.Any) -> None:
    user = GuardUser.create({"name": "ada"})
    new = user.create_token("cli")
    new.access_token.delete()

    with request(app, bearer(new.plain_text_token)):
        assert make_guard().user() is None


def test_revoking_every_token_of_a_user(app: t.Any) -> None:
    user = GuardUser.create({"name": "ada"})
    tokens = [user.create_token(name).plain_text_token for name in ("a", "b")]
    user.tokens().delete()

    for token in tokens:
        with request(app, bearer(token)):
            assert make_guard().guest()


def test_a_token_past_expires_at_is_a_guest(app: t.Any) -> None:
    user = GuardUser.create({"name": "ada"})
    past = user.create_token("old", expires_at=Carbon.now().sub_minutes(1))
    future = user.create_token("new", expires_at=Carbon.now().add_minutes(5))

    with request(app, bearer(past.plain_text_token)):
        assert make_guard().guest()
    with request(app, bearer(future.plain_text_token)):
        assert make_guard().check()


def test_the_configured_expiration_counts_from_creation(app: t.Any) -> None:
    Carbon.set_test_now(Carbon.create(2030, 1, 1, 12, 0, 0))
    new = GuardUser.create({"name": "ada"}).create_token("cli")

    Carbon.set_test_now(Carbon.create(2030, 1, 1, 12, 59, 0))
    with request(app, bearer(new.plain_text_token)):
        assert make_guard(expiration=60).check()
        assert make_guard().check()  # no expiration: valid until revoked

    Carbon.set_test_now(Carbon.create(2030, 1, 1, 13, 1, 0))
    with request(app, bearer(new.plain_text_token)):
        assert make_guard(expiration=60).guest()
        assert make_guard(expiration=None).check()


def test_sanctum_expiration_config_is_the_default(app: t.Any) -> None:
    Carbon.set_test_now(Carbon.create(2030, 1, 1, 12, 0, 0))
    new = GuardUser.create({"name": "ada"}).create_token("cli")
    app.make("config").set("sanctum.expiration", 30)

    Carbon.set_test_now(Carbon.create(2030, 1, 1, 12, 31, 0))
    with request(app, bearer(new.plain_text_token)):
        assert make_guard().guest()
        assert make_guard(expiration=None).check()  # the guard's own key wins


def test_a_token_whose_owner_is_gone_is_a_guest(app: t.Any) -> None:
    user = GuardUser.create({"name": "ada"})
    new = user.create_token("cli")
    app.make("db").table("users").where("id", user.id).delete()

    with request(app, bearer(new.plain_text_token)):
        assert make_guard().guest()


def test_a_token_of_another_model_than_the_provider_s_is_a_guest(app: t.Any) -> None:
    other = OtherTokenable.create({"name": "robot"})
    new = other.create_token("cli")

    with request(app, bearer(new.plain_text_token)):
        assert make_guard().guest()
        assert TokenGuard("api", Provider(OtherTokenable), {}).check()
        by_path = Provider(OtherTokenable.class_path())
        assert TokenGuard("api", by_path, {}).check()
        assert TokenGuard("api", None, {}).check()  # no provider: any tokenable


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer ",
        "Bearer |",
        "Bearer 1|",
        "Bearer abc|def",
        "Bearer 1 OR 1=1|x",
        "Bearer " + "9" * 30 + "|x",
        "Bearer " + "x" * 5000,
        "Basic dXNlcjpwYXNz",
        "Bearer 1|x, Bearer 2|y",
    ],
)
def test_malformed_headers_are_guests(app: t.Any, authorization: str) -> None:
    GuardUser.create({"name": "ada"}).create_token("cli")

    with request(app, authorization):
        assert make_guard().guest()


def test_the_hash_itself_is_not_a_token(app: t.Any) -> None:
    new = GuardUser.create({"name": "ada"}).create_token("cli")
    stored = new.access_token.get_attribute("token")

    with request(app, bearer(f"{new.access_token.id}|{stored}")):
        assert make_guard().guest()
    with request(app, bearer(stored)):
        assert make_guard().guest()


def test_a_bare_secret_without_the_id_authenticates(app: t.Any) -> None:
    new = GuardUser.create({"name": "ada"}).create_token("cli")

    with request(app, bearer(new.plain_text_token.split("|", 1)[1])):
        assert make_guard().check()


def test_last_used_at_is_written_at_most_once_a_minute(app: t.Any) -> None:
    Carbon.set_test_now(Carbon.create(2030, 1, 1, 12, 0, 0))
    new = GuardUser.create({"name": "ada"}).create_token("cli")

    def last_used() -> str | None:
        token = PersonalAccessToken.find(new.access_token.id)
        value = token.last_used_at
        return None if value is None else value.to_date_time_string()

    assert last_used() is None
    with request(app, bearer(new.plain_text_token)):
        make_guard().user()
    assert last_used() == "2030-01-01 12:00:00"

    Carbon.set_test_now(Carbon.create(2030, 1, 1, 12, 0, 30))
    with request(app, bearer(new.plain_text_token)):
        make_guard().user()
    assert last_used() == "2030-01-01 12:00:00"

    Carbon.set_test_now(Carbon.create(2030, 1, 1, 12, 2, 0))
    with request(app, bearer(new.plain_text_token)):
        make_guard().user()
    assert last_used() == "2030-01-01 12:02:00"


def test_token_authenticated_is_dispatched(app: t.Any) -> None:
    new = GuardUser.create({"name": "ada"}).create_token("cli")
    seen: list[t.Any] = []
    app.make("events").listen(TokenAuthenticated, seen.append)

    with request(app, bearer(new.plain_text_token)):
        make_guard().user()
        make_guard().user()  # a second guard, the same request: one lookup each

    assert [event.token.id for event in seen] == [new.access_token.id] * 2


def test_validate_checks_a_token_without_logging_in(app: t.Any) -> None:
    new = GuardUser.create({"name": "ada"}).create_token("cli")
    guard = make_guard()

    with request(app):
        assert guard.validate({"token": new.plain_text_token}) is True
        assert guard.validate({"token": "1|wrong"}) is False
        assert guard.validate({}) is False
        assert guard.user() is None
    with request(app, bearer(new.plain_text_token)) as current:
        assert guard.validate({"request": current}) is True
    assert PersonalAccessToken.find(new.access_token.id).last_used_at is None


def test_the_user_lives_on_the_request_not_on_the_guard(app: t.Any) -> None:
    new = GuardUser.create({"name": "ada"}).create_token("cli")
    guard = make_guard()

    with request(app, bearer(new.plain_text_token)):
        assert guard.check()
    with request(app):
        assert guard.guest()
        assert not guard.has_user()


def test_threads_never_share_a_user(app: t.Any) -> None:
    if app.make("db").connection().get_driver_name() == "sqlite":
        pytest.skip("the in-memory SQLite connection belongs to the test's thread")
    new = GuardUser.create({"name": "ada"}).create_token("cli")
    guard = make_guard()
    results: dict[str, t.Any] = {}
    started = threading.Barrier(2)

    def serve(name: str, authorization: str | None) -> None:
        with request(app, authorization):
            started.wait(timeout=5)
            results[name] = guard.user()

    threads = [
        threading.Thread(target=serve, args=("token", bearer(new.plain_text_token))),
        threading.Thread(target=serve, args=("guest", None)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)

    assert results["guest"] is None
    assert results["token"] is not None


def test_set_user_and_forget_user(app: t.Any) -> None:
    user = GuardUser.create({"name": "ada"})
    guard = make_guard()

    with request(app):
        assert guard.set_user(user) is guard
        assert guard.user() is user and guard.has_user() and guard.id() == user.id
        guard.forget_user()
        assert guard.user() is None

    # Outside a request (console, queue) set_user still works, per guard.
    guard.set_user(user)
    assert guard.user() is user
    assert make_guard().user() is None
    guard.forget_user()
    assert guard.user() is None


def test_authenticate_raises_401(app: t.Any) -> None:
    new = GuardUser.create({"name": "ada"}).create_token("cli")

    with request(app), pytest.raises(AuthenticationException) as raised:
        make_guard().authenticate()
    assert raised.value.guards() == ["api"]
    with request(app, bearer(new.plain_text_token)):
        assert make_guard().authenticate().name == "ada"


# -- the ability middleware -------------------------------------------------------------


def run(
    app: t.Any, middleware: t.Any, authorization: str | None, *abilities: str
) -> t.Any:
    guard = make_guard()
    with request(app, authorization) as current:
        current.set_user_resolver(lambda name=None: guard.user())
        return middleware.handle(current, lambda request: "passed", *abilities)


@pytest.mark.parametrize(
    ("abilities", "checked", "passes"),
    [
        (["*"], ("posts:read", "posts:write"), True),
        (["posts:read", "posts:write"], ("posts:read", "posts:write"), True),
        (["posts:read"], ("posts:read", "posts:write"), False),
        ([], ("posts:read",), False),
        (["posts:read"], (), True),
    ],
)
def test_check_abilities_needs_all(
    app: t.Any, abilities: list[str], checked: tuple[str, ...], passes: bool
) -> None:
    new = GuardUser.create({"name": "ada"}).create_token("cli", abilities)

    if passes:
        assert (
            run(app, CheckAbilities(), bearer(new.plain_text_token), *checked)
            == "passed"
        )
        return
    with pytest.raises(MissingAbilityException) as raised:
        run(app, CheckAbilities(), bearer(new.plain_text_token), *checked)
    assert raised.value.status_code == 403
    assert str(raised.value) == "Invalid ability provided."


@pytest.mark.parametrize(
    ("abilities", "checked", "passes"),
    [
        (["*"], ("posts:read", "posts:write"), True),
        (["posts:write"], ("posts:read", "posts:write"), True),
        (["posts:read"], ("posts:write", "admin"), False),
        ([], ("posts:read",), False),
    ],
)
def test_check_for_any_ability_needs_one(
    app: t.Any, abilities: list[str], checked: tuple[str, ...], passes: bool
) -> None:
    new = GuardUser.create({"name": "ada"}).create_token("cli", abilities)
    middleware = CheckForAnyAbility()

    if passes:
        assert run(app, middleware, bearer(new.plain_text_token), *checked) == "passed"
        return
    with pytest.raises(MissingAbilityException) as raised:
        run(app, middleware, bearer(new.plain_text_token), *checked)
    assert raised.value.get_abilities() == list(checked)


@pytest.mark.parametrize("middleware", [CheckAbilities(), CheckForAnyAbility()])
def test_the_ability_middleware_without_a_token_is_401(
    app: t.Any, middleware: t.Any
) -> None:
    user = GuardUser.create({"name": "ada"})
    revoked = user.create_token("cli")
    revoked.access_token.delete()

    with pytest.raises(AuthenticationException):
        run(app, middleware, None, "posts:read")
    with pytest.raises(AuthenticationException):
        run(app, middleware, bearer(revoked.plain_text_token), "posts:read")


def test_a_session_user_without_a_token_is_401_for_abilities(app: t.Any) -> None:
    user = GuardUser.create({"name": "ada"})

    with request(app) as current:
        current.set_user_resolver(lambda name=None: user)
        with pytest.raises(AuthenticationException):
            CheckAbilities().handle(current, lambda request: "passed", "posts:read")
