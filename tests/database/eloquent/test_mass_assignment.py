"""Mass assignment: fillable, guarded, unguard and the strict discard check."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.exceptions import MassAssignmentError
from protevus.database.eloquent.model import Model


class MaFillable(Model):
    table = "members"
    fillable = ["name", "email"]


class MaGuardedAll(Model):
    table = "members"


class MaGuardedSome(Model):
    table = "members"
    guarded: t.ClassVar[list[str]] = ["is_admin"]


class MaOpen(Model):
    table = "members"
    guarded: t.ClassVar[list[str]] = []


@pytest.fixture
def members(schema: t.Any) -> None:
    def table(t_: t.Any) -> None:
        t_.id()
        t_.string("name").nullable()
        t_.string("email").nullable()
        t_.boolean("is_admin").default(False)
        t_.timestamps()

    schema.create("members", table)


def test_fillable_keeps_only_listed_keys() -> None:
    model = MaFillable({"name": "Ann", "email": "a@x", "is_admin": True})
    assert model.attributes == {"name": "Ann", "email": "a@x"}
    assert model.is_fillable("name") and not model.is_fillable("is_admin")


def test_a_totally_guarded_model_refuses_mass_assignment() -> None:
    with pytest.raises(MassAssignmentError) as caught:
        MaGuardedAll({"name": "Ann"})
    assert str(caught.value) == (
        f"Add [name] to fillable property to allow mass assignment on [{__name__}.MaGuardedAll]."
    )
    assert MaGuardedAll().totally_guarded()


def test_guarded_columns_are_checked_against_the_table(members: None) -> None:
    model = MaGuardedSome({"name": "Ann", "is_admin": True, "not_a_column": 1})
    assert model.attributes == {"name": "Ann"}
    assert model.is_guarded("IS_ADMIN")
    assert not model.is_guarded("name")


def test_empty_guarded_allows_everything_but_private_and_dotted_keys() -> None:
    model = MaOpen({"name": "Ann", "is_admin": True, "_secret": 1, "a.b": 2})
    assert model.attributes == {"name": "Ann", "is_admin": True}


def test_unguard_reguard_and_unguarded() -> None:
    try:
        MaGuardedAll.unguard()
        assert MaGuardedAll.is_unguarded()
        assert MaGuardedAll({"name": "Ann"}).name == "Ann"
    finally:
        MaGuardedAll.reguard()
    assert not Model.is_unguarded()
    made = Model.unguarded(lambda: MaFillable({"is_admin": True}))
    assert made.is_admin is True
    assert not Model.is_unguarded()


def test_force_fill_and_force_create(members: None) -> None:
    model = MaGuardedAll().force_fill({"name": "Ann", "is_admin": True})
    assert model.attributes == {"name": "Ann", "is_admin": True}
    created = MaGuardedAll.force_create({"name": "Bob", "is_admin": True})
    assert created.exists and MaGuardedAll.find(created.id).name == "Bob"
    with pytest.raises(MassAssignmentError):
        MaGuardedAll.create({"name": "Cy"})


def test_create_respects_fillable(members: None) -> None:
    created = MaFillable.create({"name": "Ann", "is_admin": True})
    assert MaFillable.find(created.id).get_attribute("is_admin") in (0, False)


def test_preventing_silently_discarded_attributes(eloquent: t.Any) -> None:
    Model.prevent_silently_discarding_attributes()
    try:
        with pytest.raises(
            MassAssignmentError, match=r"Add fillable property \[is_admin\]"
        ):
            MaFillable({"name": "Ann", "is_admin": True})
    finally:
        Model.prevent_silently_discarding_attributes(False)
    assert MaFillable({"name": "Ann", "is_admin": True}).name == "Ann"


def test_instance_level_changes() -> None:
    model = MaFillable().merge_fillable(["is_admin"])
    assert model.get_fillable() == ["name", "email", "is_admin"]
    assert MaFillable().get_fillable() == ["name", "email"]
    guarded = MaOpen().guard(["name"]).merge_guarded(["email"])
    assert guarded.get_guarded() == ["name", "email"]
