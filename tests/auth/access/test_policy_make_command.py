"""``make:policy`` writes ``app/policies/*_policy.py`` like Laravel's PolicyMakeCommand."""

from __future__ import annotations

import ast
import typing as t
from pathlib import Path

import pytest

from protevus.auth.access.access_service_provider import AccessServiceProvider


def call(app: t.Any, command: str, parameters: dict[str, t.Any]) -> tuple[int, str]:
    kernel = app.make("artisan")
    code = kernel.call(command, parameters)
    return code, kernel.output()


def methods(source: str) -> dict[str, list[str]]:
    tree = ast.parse(source)
    found: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            found[node.name] = [
                f"{a.arg}: {ast.unparse(a.annotation)}" if a.annotation else a.arg
                for a in node.args.args
            ]
    return found


@pytest.fixture
def app(make_app: t.Any) -> t.Any:
    return make_app(providers=[AccessServiceProvider])


def test_a_plain_policy(app: t.Any, tmp_path: Path) -> None:
    code, out = call(app, "make:policy", {"name": "PostPolicy"})

    assert code == 0
    assert "Policy [app/policies/post_policy.py] created successfully." in out
    source = (tmp_path / "app/policies/post_policy.py").read_text()
    assert "from protevus.auth.access import Policy" in source
    assert "class PostPolicy(Policy):" in source
    assert methods(source) == {}


def test_a_policy_for_a_model(app: t.Any, tmp_path: Path) -> None:
    code, _ = call(app, "make:policy", {"name": "PostPolicy", "--model": "Post"})

    assert code == 0
    source = (tmp_path / "app/policies/post_policy.py").read_text()
    assert "from app.models.post import Post" in source
    assert "from app.models.user import User" in source
    assert methods(source) == {
        "view_any": ["self", "user: User"],
        "view": ["self", "user: User", "post: Post"],
        "create": ["self", "user: User"],
        "update": ["self", "user: User", "post: Post"],
        "delete": ["self", "user: User", "post: Post"],
        "restore": ["self", "user: User", "post: Post"],
        "force_delete": ["self", "user: User", "post: Post"],
    }


def test_nested_names_and_models(app: t.Any, tmp_path: Path) -> None:
    code, _ = call(
        app, "make:policy", {"name": "Admin/PostTagPolicy", "--model": "Admin/PostTag"}
    )

    assert code == 0
    source = (tmp_path / "app/policies/admin/post_tag_policy.py").read_text()
    assert "from app.models.admin.post_tag import PostTag" in source
    assert "post_tag: PostTag" in methods(source)["update"]


def test_the_user_model_itself_is_named_model(app: t.Any, tmp_path: Path) -> None:
    call(app, "make:policy", {"name": "UserPolicy", "--model": "User"})

    source = (tmp_path / "app/policies/user_policy.py").read_text()
    assert source.count("from app.models.user import User") == 1
    assert methods(source)["update"] == ["self", "user: User", "model: User"]


def test_the_user_model_comes_from_the_auth_config(
    make_app: t.Any, tmp_path: Path
) -> None:
    app = make_app(
        providers=[AccessServiceProvider],
        config={
            "auth": """
                config = {
                    "defaults": {"guard": "web"},
                    "guards": {
                        "web": {"driver": "session", "provider": "users"},
                        "admin": {"driver": "session", "provider": "admins"},
                    },
                    "providers": {
                        "users": {"driver": "eloquent", "model": "app.models.user.User"},
                        "admins": {"driver": "eloquent", "model": "app.models.admin.Admin"},
                    },
                }
            """
        },
    )

    call(
        app,
        "make:policy",
        {"name": "PostPolicy", "--model": "Post", "--guard": "admin"},
    )

    source = (tmp_path / "app/policies/post_policy.py").read_text()
    assert "from app.models.admin import Admin" in source
    assert methods(source)["create"] == ["self", "user: Admin"]


def test_refuses_to_overwrite_unless_forced(app: t.Any, tmp_path: Path) -> None:
    call(app, "make:policy", {"name": "PostPolicy"})
    target = tmp_path / "app/policies/post_policy.py"
    target.write_text("# mine\n")

    code, out = call(app, "make:policy", {"name": "PostPolicy"})
    assert code == 1 and "Policy already exists." in out
    assert target.read_text() == "# mine\n"

    code, _ = call(app, "make:policy", {"name": "PostPolicy", "--force": True})
    assert code == 0 and "class PostPolicy(Policy):" in target.read_text()


@pytest.mark.parametrize("model", ["9Post", "app.models.1post.Post", "class", "Post!"])
def test_rejects_a_model_that_is_not_a_class_name(
    app: t.Any, tmp_path: Path, model: str
) -> None:
    code, out = call(app, "make:policy", {"name": "PostPolicy", "--model": model})

    assert code == 1
    assert "is not a valid Python class name" in out
    assert not (tmp_path / "app/policies/post_policy.py").exists()


def test_make_model_with_policy_uses_it(app: t.Any, tmp_path: Path) -> None:
    code, _ = call(app, "make:model", {"name": "Post", "--policy": True})

    assert code == 0
    source = (tmp_path / "app/policies/post_policy.py").read_text()
    assert "from app.models.post import Post" in source
