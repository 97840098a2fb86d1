"""``user.can``/``can_any``/``cant``/``cannot`` ask the gate for that user."""

from __future__ import annotations

import typing as t

import pytest

from protevus.container.container import Container
from protevus.container.exceptions import BindingResolutionError


def test_can_and_cannot(gate_app: t.Any, models: t.Any) -> None:
    app = gate_app()
    gate = app.make("gate")
    gate.policy(models.Post, models.PostPolicy)
    gate.define("admin", lambda user: user.admin)
    owner, admin = models.User(1), models.User(2, admin=True)
    post = models.Post(1, 1)
    # Whoever is logged in does not matter: the user asks for itself.
    app.make("auth").login(admin)

    assert owner.can("update", post)
    assert not owner.cant("update", post) and not owner.cannot("update", post)
    assert admin.cannot("update", post)
    assert admin.can("admin") and owner.cant("admin")
    assert owner.can(["update", "viewAny"], post)
    assert not owner.can(["update", "admin"], post)
    assert owner.can_any(["admin", "update"], post)
    assert not admin.can_any(["update", "delete"], post)
    assert owner.canAny(["update"], [post])
    assert admin.can("create", models.Post)


def test_the_framework_user_model_is_authorizable(gate_app: t.Any) -> None:
    from protevus.auth.user import User

    class Member(User):
        pass

    app = gate_app()
    app.make("gate").define("edit-profile", lambda user, id: user.id == id)
    member = Member()
    member.id = 7

    assert member.can("edit-profile", 7)
    assert member.cannot("edit-profile", 8)


def test_without_a_gate_the_error_names_the_provider(models: t.Any) -> None:
    Container.set_instance(Container())

    with pytest.raises(BindingResolutionError, match="AccessServiceProvider"):
        models.User(1).can("anything")
