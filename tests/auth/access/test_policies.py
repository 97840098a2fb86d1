"""Policies: registered, guessed from the model's package, inherited; before(); method names; guests."""

from __future__ import annotations

import sys
import textwrap
import typing as t
import uuid
from pathlib import Path

import pytest

from protevus.auth.access.gate import Gate
from protevus.auth.access.policy import Policy
from protevus.auth.access.response import Response
from protevus.container.container import Container


class User:
    def __init__(self, id: int, admin: bool = False) -> None:
        self.id = id
        self.admin = admin


class Post:
    def __init__(self, user_id: int) -> None:
        self.user_id = user_id


class Draft(Post):
    pass


class PostPolicy(Policy):
    def view_any(self, user: User | None) -> bool:
        return True

    def update(self, user: User, post: Post) -> bool | Response:
        return user.id == post.user_id or self.deny("You do not own this post.")

    def create(self, user: User) -> bool:
        return user.admin

    def force_delete(self, user: User, post: Post) -> bool:
        return user.admin


def make_gate(user: t.Any = None, container: t.Any = None) -> Gate:
    gate = Gate(container or Container(), lambda: user)
    # No guessing: these tests register their policies.
    gate.guess_policy_names_using(lambda model: [])
    return gate


def test_a_registered_policy_answers_for_instances() -> None:
    gate = make_gate(User(1)).policy(Post, PostPolicy)

    assert gate.allows("update", Post(1))
    response = gate.inspect("update", Post(2))
    assert response.denied() and response.message() == "You do not own this post."
    assert gate.policies() == {Post: PostPolicy}
    assert isinstance(gate.get_policy_for(Post(1)), PostPolicy)
    assert isinstance(gate.get_policy_for(Post), PostPolicy)


def test_a_class_argument_picks_the_policy_and_is_dropped() -> None:
    gate = make_gate(User(1, admin=True)).policy(Post, PostPolicy)

    assert gate.allows("create", Post)
    assert gate.for_user(User(2)).denies("create", Post)
    assert gate.allows("create", [Post])


@pytest.mark.parametrize("ability", ["viewAny", "view-any", "view_any"])
def test_ability_names_in_camel_kebab_or_snake_case(ability: str) -> None:
    gate = make_gate(User(1)).policy(Post, PostPolicy)

    assert gate.allows(ability, Post)


def test_force_delete_from_camel_case() -> None:
    gate = make_gate(User(1, admin=True)).policy(Post, PostPolicy)

    assert gate.allows("forceDelete", Post(2))


def test_a_policy_without_the_method_falls_back_to_the_ability() -> None:
    gate = make_gate(User(1)).policy(Post, PostPolicy)
    gate.define("archive", lambda user, post: post.user_id == 1)

    assert gate.allows("archive", Post(1))
    assert gate.denies("archive", Post(2))
    assert gate.denies("unknown", Post(1))


def test_private_names_never_select_policy_methods() -> None:
    class Sneaky(Policy):
        def _secret(self, user: User, post: Post) -> bool:
            return True

    gate = make_gate(User(1)).policy(Post, Sneaky)

    assert gate.denies("_secret", Post(1))
    assert gate.denies("__init__", Post(1))


def test_guests_reach_only_methods_accepting_none() -> None:
    gate = make_gate(None).policy(Post, PostPolicy)

    assert gate.allows("viewAny", Post)
    assert gate.denies("update", Post(1))
    assert gate.denies("create", Post)


def test_policy_before_decides_first() -> None:
    class AdminPolicy(PostPolicy):
        def before(self, user: User, ability: str) -> bool | None:
            return True if user.admin else None

    gate = make_gate(User(9, admin=True)).policy(Post, AdminPolicy)

    assert gate.allows("update", Post(1))
    assert gate.for_user(User(1)).allows("update", Post(1))
    assert gate.for_user(User(2)).denies("update", Post(1))
    # before() runs only when the policy has the ability's method.
    assert gate.denies("unknown", Post(1))


def test_policy_before_is_skipped_for_guests_unless_it_accepts_none() -> None:
    calls: list[t.Any] = []

    class Strict(PostPolicy):
        def before(self, user: User, ability: str) -> None:
            calls.append(user)

    class Lenient(PostPolicy):
        def before(self, user: User | None, ability: str) -> bool:
            return ability == "update"

    assert make_gate(None).policy(Post, Strict).allows("viewAny", Post)
    assert calls == []
    assert make_gate(None).policy(Post, Lenient).allows("update", Post(1))


def test_a_subclass_uses_the_parents_policy() -> None:
    gate = make_gate(User(1)).policy(Post, PostPolicy)

    assert gate.allows("update", Draft(1))


def test_policies_may_be_dotted_paths() -> None:
    gate = make_gate(User(1)).policy(f"{__name__}.Post", f"{__name__}.PostPolicy")

    assert gate.allows("update", Post(1))
    assert gate.denies("update", Post(2))


def test_values_never_select_a_policy() -> None:
    gate = make_gate(User(1)).policy(Post, PostPolicy)

    for value in ("text", 3, None, [1], {"a": 1}):
        assert gate.get_policy_for(value) is None
    with pytest.raises(TypeError, match="needs a model class and a policy class"):
        gate.policy(Post(1), PostPolicy)


class Clock:
    hour = 3


class NightPolicy(Policy):
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def update(self, user: User, post: Post) -> bool:
        return self.clock.hour < 6


def test_policies_are_built_by_the_container() -> None:
    gate = make_gate(User(1)).policy(Post, NightPolicy)

    assert gate.allows("update", Post(2))


def test_guess_policy_names_using_a_callback_is_cached_per_model() -> None:
    gate = Gate(Container(), lambda: User(1))
    asked: list[type] = []

    def guess(model: type) -> t.Any:
        asked.append(model)
        return [f"{__name__}.Missing", PostPolicy]

    gate.guess_policy_names_using(guess)

    assert gate.allows("update", Post(1))
    assert gate.denies("update", Post(2))
    assert gate.for_user(User(2)).allows("update", Post(2))
    assert asked == [Post]


def test_the_default_guess_follows_laravel_layout() -> None:
    gate = Gate(Container(), lambda: None)
    model = type("Post", (), {"__module__": "app.models.post"})
    nested = type("PostTag", (), {"__module__": "app.models.admin.post_tag"})

    assert gate.guess_policy_name(model) == [
        "app.models.policies.post_policy.PostPolicy",
        "app.policies.post_policy.PostPolicy",
    ]
    assert gate.guess_policy_name(nested)[:2] == [
        "app.models.policies.admin.post_tag_policy.PostTagPolicy",
        "app.policies.admin.post_tag_policy.PostTagPolicy",
    ]
    assert "app.policies.post_tag_policy.PostTagPolicy" in gate.guess_policy_name(
        nested
    )


@pytest.fixture
def package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> t.Iterator[t.Callable[..., str]]:
    """Write a uniquely named package under ``tmp_path``; forget its modules afterwards."""
    name = f"acc_app_{uuid.uuid4().hex[:10]}"
    monkeypatch.syspath_prepend(str(tmp_path))

    def write(files: dict[str, str]) -> str:
        for rel, source in files.items():
            path = tmp_path / name / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(source))
        for folder in {p.parent for p in (tmp_path / name).rglob("*.py")} | {
            tmp_path / name
        }:
            (folder / "__init__.py").touch()
        return name

    yield write
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]


MODEL = """
    class Post:
        def __init__(self, user_id):
            self.user_id = user_id
"""

POLICY = """
    from __future__ import annotations

    from protevus.auth.access.policy import Policy


    class PostPolicy(Policy):
        def update(self, user: object, post: object) -> bool:
            return user.id == post.user_id

        def view_any(self, user: object | None) -> bool:
            return True
"""


def test_policies_are_discovered_from_the_models_package(
    package: t.Callable[..., str],
) -> None:
    import importlib

    name = package({"models/post.py": MODEL, "policies/post_policy.py": POLICY})
    post_class = importlib.import_module(f"{name}.models.post").Post
    gate = Gate(Container(), lambda: User(1))

    assert gate.allows("update", post_class(1))
    assert gate.denies("update", post_class(2))
    assert (
        type(gate.get_policy_for(post_class)).__module__
        == f"{name}.policies.post_policy"
    )
    assert Gate(Container(), lambda: None).allows("viewAny", post_class)


def test_models_policies_package_wins(package: t.Callable[..., str]) -> None:
    import importlib

    name = package(
        {
            "models/post.py": MODEL,
            "policies/post_policy.py": POLICY,
            "models/policies/post_policy.py": POLICY.replace(
                "user.id ==", "user.id !="
            ),
        }
    )
    post_class = importlib.import_module(f"{name}.models.post").Post

    assert Gate(Container(), lambda: User(1)).denies("update", post_class(1))


def test_a_model_without_a_policy_falls_back_to_abilities(
    package: t.Callable[..., str],
) -> None:
    import importlib

    name = package({"models/post.py": MODEL})
    post_class = importlib.import_module(f"{name}.models.post").Post
    gate = Gate(Container(), lambda: User(1))
    gate.define("update", lambda user, post: True)

    assert gate.get_policy_for(post_class) is None
    assert gate.allows("update", post_class(5))


def test_errors_inside_a_policy_module_are_not_hidden(
    package: t.Callable[..., str],
) -> None:
    import importlib

    name = package(
        {
            "models/post.py": MODEL,
            "policies/post_policy.py": "import acc_not_installed_anywhere\n",
        }
    )
    post_class = importlib.import_module(f"{name}.models.post").Post

    with pytest.raises(ModuleNotFoundError, match="acc_not_installed_anywhere"):
        Gate(Container(), lambda: User(1)).allows("update", post_class(1))
