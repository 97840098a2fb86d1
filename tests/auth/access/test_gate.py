"""Gate: define/allows/denies/check/any/none/authorize/inspect/raw, hooks, guests, for_user."""

from __future__ import annotations

import typing as t

import pytest

from protevus.auth.access.exceptions import AuthorizationException
from protevus.auth.access.gate import Gate
from protevus.auth.access.policy import Policy
from protevus.auth.access.response import Response
from protevus.container.container import Container
from protevus.exceptions import InvalidArgumentError


class User:
    def __init__(self, id: int, admin: bool = False) -> None:
        self.id = id
        self.admin = admin


class Post:
    def __init__(self, user_id: int) -> None:
        self.user_id = user_id


def make_gate(user: t.Any = None) -> Gate:
    return Gate(Container(), lambda: user)


def test_define_with_a_callable_and_allows_denies() -> None:
    gate = make_gate(User(1))
    gate.define("update-post", lambda user, post: user.id == post.user_id)

    assert gate.allows("update-post", Post(1))
    assert not gate.allows("update-post", Post(2))
    assert gate.denies("update-post", Post(2))
    assert gate.allows("update-post", [Post(1)])
    assert gate.has("update-post")
    assert not gate.has(["update-post", "missing"])


def test_an_undefined_ability_is_denied() -> None:
    gate = make_gate(User(1))

    assert gate.denies("anything")
    assert gate.inspect("anything").message() is None


def test_extra_arguments_are_dropped_like_php_does() -> None:
    gate = make_gate(User(1, admin=True))
    gate.define("admin", lambda user: user.admin)

    assert gate.allows("admin", [Post(1), "extra"])


def test_check_any_and_none_over_several_abilities() -> None:
    gate = make_gate(User(1))
    gate.define("a", lambda user: True)
    gate.define("b", lambda user: False)

    assert gate.check(["a"])
    assert not gate.check(["a", "b"])
    assert gate.any(["a", "b"])
    assert not gate.any(["b", "c"])
    assert gate.none(["b", "c"])
    assert not gate.none(["a", "b"])
    assert gate.allows(["a", "b"]) is False


def test_authorize_returns_the_response_or_raises_403() -> None:
    gate = make_gate(User(1))
    gate.define("yes", lambda user: True)
    gate.define("no", lambda user: False)

    assert gate.authorize("yes").allowed()
    with pytest.raises(AuthorizationException) as caught:
        gate.authorize("no")
    assert str(caught.value) == "This action is unauthorized."
    assert caught.value.status_code == 403
    assert not caught.value.has_status()


def test_inspect_returns_the_callbacks_response() -> None:
    gate = make_gate(User(1))
    gate.define("edit", lambda user: Response.deny("Locked.", "locked"))

    response = gate.inspect("edit")

    assert response.denied()
    assert response.message() == "Locked."
    assert response.code() == "locked"
    with pytest.raises(AuthorizationException) as caught:
        gate.authorize("edit")
    assert caught.value.get_message() == "Locked."
    assert caught.value.get_code() == "locked"
    assert caught.value.gate_response() is not None


def test_inspect_turns_a_raised_authorization_exception_into_a_response() -> None:
    gate = make_gate(User(1))

    def raises(user: t.Any) -> bool:
        raise AuthorizationException("Nope.", 7)

    gate.define("x", raises)

    response = gate.inspect("x")
    assert response.denied() and response.message() == "Nope." and response.code() == 7


def test_raw_returns_the_callbacks_answer() -> None:
    gate = make_gate(User(1))
    gate.define("count", lambda user: 0)

    assert gate.raw("count") == 0
    assert gate.raw("undefined") is None


def test_default_denial_response() -> None:
    gate = make_gate(User(1))
    gate.define("no", lambda user: False)
    gate.default_denial_response(Response.deny_as_not_found("Gone."))

    response = gate.inspect("no")
    assert response.status() == 404 and response.message() == "Gone."


def test_before_short_circuits_on_a_non_none_answer() -> None:
    gate = make_gate(User(1, admin=True))
    gate.define("edit", lambda user: False)
    seen: list[t.Any] = []

    def before(user: t.Any, ability: str, arguments: list[t.Any]) -> bool | None:
        seen.append((ability, arguments))
        return True if user.admin else None

    gate.before(before)

    assert gate.allows("edit", "arg")
    assert seen == [("edit", ["arg"])]
    assert gate.for_user(User(2)).denies("edit")


def test_before_may_deny() -> None:
    gate = make_gate(User(1))
    gate.define("edit", lambda user: True)
    gate.before(lambda user, ability: False)

    assert gate.denies("edit")


def test_after_decides_only_when_the_check_gave_none() -> None:
    gate = make_gate(User(1))
    gate.define("deny", lambda user: False)
    gate.define("undecided", lambda user: None)
    calls: list[tuple[str, t.Any]] = []

    def after(user: t.Any, ability: str, result: t.Any, arguments: list[t.Any]) -> bool:
        calls.append((ability, result))
        return True

    gate.after(after)

    assert gate.denies("deny")
    assert gate.allows("undecided")
    assert gate.allows("never-defined")
    assert calls == [("deny", False), ("undecided", None), ("never-defined", None)]


def test_guests_are_denied_unless_the_callback_accepts_none() -> None:
    gate = make_gate(None)
    called: list[str] = []

    def members(user: User) -> bool:
        called.append("members")
        return True

    def everyone(user: User | None) -> bool:
        return True

    def defaulted(user: t.Any = None) -> bool:
        return user is None

    def optional(user: t.Optional[User]) -> bool:  # noqa: UP045 - the old spelling works too
        return True

    gate.define("members", members)
    gate.define("everyone", everyone)
    gate.define("defaulted", defaulted)
    gate.define("optional", optional)
    gate.define("lambda", lambda user: True)

    assert gate.denies("members") and called == []
    assert gate.allows("everyone")
    assert gate.allows("defaulted")
    assert gate.allows("optional")
    assert gate.denies("lambda")


def test_before_and_after_callbacks_skip_guests_unless_they_accept_none() -> None:
    gate = make_gate(None)
    gate.before(lambda user, ability: True)
    assert gate.denies("anything")

    gate.before(lambda user=None, ability="": True)
    assert gate.allows("anything")


def test_for_user_checks_another_user_and_keeps_the_definitions() -> None:
    gate = make_gate(User(1))
    gate.define("own", lambda user, post: user.id == post.user_id)
    other = gate.for_user(User(2))

    assert gate.allows("own", Post(1))
    assert other.denies("own", Post(1))
    assert other.allows("own", Post(2))
    assert other.resolve_user().id == 2
    other.define("only-there", lambda user: True)
    assert not gate.has("only-there")


def test_allow_if_and_deny_if() -> None:
    gate = make_gate(User(1, admin=True))

    assert gate.allow_if(True).allowed()
    assert gate.allow_if(lambda user: user.admin).allowed()
    assert gate.deny_if(False).allowed()
    with pytest.raises(AuthorizationException, match="Admins only."):
        gate.deny_if(lambda user: user.admin, "Admins only.")
    with pytest.raises(AuthorizationException):
        gate.allow_if(Response.deny())
    with pytest.raises(AuthorizationException):
        make_gate(None).allow_if(lambda user: True)


def test_define_rejects_what_is_not_a_callback() -> None:
    gate = make_gate(User(1))

    with pytest.raises(InvalidArgumentError, match=r"ability \[x\] must be a callable"):
        gate.define("x", 42)
    with pytest.raises(InvalidArgumentError, match="non-empty string"):
        gate.define("", lambda user: True)
    with pytest.raises(InvalidArgumentError, match=r"method \[_secret\]"):
        gate.define("x", [object, "_secret"])


class ArticlePolicy(Policy):
    def update(self, user: User, post: Post) -> bool:
        return user.id == post.user_id

    def view(self, user: User | None, post: Post) -> bool:
        return True

    def publish(self, user: User) -> bool:
        return user.admin


def test_define_with_a_class_method_pair_and_a_string() -> None:
    gate = make_gate(User(1))
    gate.define("update-article", [ArticlePolicy, "update"])
    gate.define("publish", f"{__name__}.ArticlePolicy@publish")

    assert gate.allows("update-article", Post(1))
    assert gate.denies("update-article", Post(2))
    assert gate.denies("publish")
    assert gate.for_user(User(1, admin=True)).allows("publish")


def test_string_callbacks_check_the_method_for_guests() -> None:
    gate = make_gate(None)
    gate.define("view-article", [ArticlePolicy, "view"])
    gate.define("update-article", [ArticlePolicy, "update"])

    assert gate.allows("view-article", Post(1))
    assert gate.denies("update-article", Post(1))


def test_a_string_callback_naming_a_missing_class_is_an_error() -> None:
    gate = make_gate(User(1))
    gate.define("x", "tests_nowhere_pkg.Policy@x")

    with pytest.raises(
        InvalidArgumentError, match=r"\[tests_nowhere_pkg.Policy\] does not exist"
    ):
        gate.allows("x")


def test_resource_defines_the_policy_abilities() -> None:
    gate = make_gate(User(1))

    class PostsPolicy(Policy):
        def view_any(self, user: User) -> bool:
            return True

        def view(self, user: User, post: Post) -> bool:
            return True

        def create(self, user: User) -> bool:
            return False

        def update(self, user: User, post: Post) -> bool:
            return user.id == post.user_id

        def delete(self, user: User, post: Post) -> bool:
            return False

    gate.resource("posts", PostsPolicy)

    assert set(gate.abilities()) == {
        "posts.viewAny",
        "posts.view",
        "posts.create",
        "posts.update",
        "posts.delete",
    }
    assert gate.allows("posts.viewAny")
    assert gate.allows("posts.update", Post(1))
    assert gate.denies("posts.update", Post(2))
    assert gate.denies("posts.create")


def test_camel_case_aliases() -> None:
    gate = make_gate(User(1))
    gate.define("a", lambda user: True)

    assert gate.forUser(User(2)).allows("a")  # type: ignore[attr-defined]
    assert gate.allowIf(True).allowed()  # type: ignore[attr-defined]


def test_gate_evaluated_is_dispatched_when_events_are_bound(make_app: t.Any) -> None:
    from protevus.auth.access.events import GateEvaluated

    app = make_app()
    gate = Gate(app, lambda: User(1))
    gate.define("a", lambda user: True)
    seen: list[GateEvaluated] = []
    app.make("events").listen(GateEvaluated, seen.append)

    gate.allows("a", "x")

    assert len(seen) == 1
    assert (seen[0].ability, seen[0].result, seen[0].arguments) == ("a", True, ["x"])
    assert seen[0].user.id == 1
