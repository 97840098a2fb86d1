"""Applications with the gate bound, a stand-in ``'auth'`` service and a few models for the authorization tests."""

from __future__ import annotations

import textwrap
import types
import typing as t
from pathlib import Path

import pytest

from protevus.auth.access.access_service_provider import AccessServiceProvider
from protevus.auth.access.authorizable import Authorizable
from protevus.auth.access.policy import Policy
from protevus.auth.access.response import Response

KEY = "base64:" + "A" * 43 + "="


class User(Authorizable):
    """A user; ``Authorizable`` gives it ``can``/``cannot``."""

    def __init__(self, id: int, admin: bool = False) -> None:
        self.id = id
        self.admin = admin


class Post:
    """A model-like object owned by a user."""

    def __init__(self, id: int, user_id: int) -> None:
        self.id = id
        self.user_id = user_id


class PostPolicy(Policy):
    """Owners update; everybody (guests too) lists; admins create; deleting hides the post."""

    def view_any(self, user: User | None) -> bool:
        return True

    def update(self, user: User, post: Post) -> bool | Response:
        return user.id == post.user_id or self.deny("You do not own this post.")

    def create(self, user: User) -> bool:
        return user.admin

    def delete(self, user: User, post: Post) -> Response:
        return self.deny_as_not_found()


class Guard:
    """The part of a guard the gate reads."""

    def __init__(self) -> None:
        self.current: t.Any = None

    def user(self) -> t.Any:
        return self.current


class Auth:
    """A stand-in for the ``'auth'`` manager: ``guard().user()`` is whoever logged in."""

    def __init__(self) -> None:
        self._guard = Guard()

    def guard(self, name: str | None = None) -> Guard:
        return self._guard

    def login(self, user: t.Any) -> None:
        self._guard.current = user

    def check(self) -> bool:
        return self._guard.current is not None


@pytest.fixture
def gate_app(tmp_path: Path) -> t.Iterator[t.Callable[..., t.Any]]:
    """Create an app with the gate and a stand-in ``'auth'``; ``files`` are written under ``tmp_path``."""
    from protevus.foundation import Application

    created: list[t.Any] = []

    def factory(*, files: dict[str, str] | None = None, debug: bool = False) -> t.Any:
        env = (
            f"APP_KEY={KEY}\nAPP_DEBUG={'true' if debug else 'false'}\n"
            "LOG_CHANNEL=null\nSESSION_DRIVER=array\n"
        )
        (tmp_path / ".env").write_text(env)
        for name, source in (files or {}).items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(source))
        app = (
            Application.configure(tmp_path)
            .with_providers([AccessServiceProvider])
            .create()
        )
        app.instance("auth", Auth())
        created.append(app)
        return app

    yield factory
    for app in created:
        if app.resolved("log"):
            close = getattr(app.make("log"), "close", None)
            if close is not None:
                close()


@pytest.fixture
def models() -> types.SimpleNamespace:
    """The shared test classes: ``User``, ``Post``, ``PostPolicy``, ``Auth``."""
    return types.SimpleNamespace(User=User, Post=Post, PostPolicy=PostPolicy, Auth=Auth)
