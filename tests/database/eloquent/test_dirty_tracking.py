"""Dirty tracking: is_dirty, is_clean, was_changed, get_original, get_changes."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model


class DtUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


@pytest.fixture
def users(schema: t.Any) -> None:
    def table(t_: t.Any) -> None:
        t_.id()
        t_.string("name")
        t_.string("email").nullable()
        t_.integer("age").nullable()

    schema.create("users", table)


def test_new_models_are_dirty_until_saved(users: None) -> None:
    user = DtUser({"name": "Ann"})
    assert user.is_dirty() and user.is_dirty("name") and not user.is_dirty("email")
    assert user.get_dirty() == {"name": "Ann"}
    user.save()
    assert user.is_clean() and not user.is_dirty()
    assert user.get_original("name") == "Ann"


def test_changes_since_retrieval(users: None) -> None:
    DtUser.create({"name": "Ann", "email": "a@x", "age": 30})
    user = DtUser.first()
    assert user.is_clean()
    user.name = "Anna"
    user.age = 30
    assert user.is_dirty("name") and not user.is_dirty("age")
    assert user.is_dirty(["age", "name"]) and user.is_clean("email", "age")
    assert user.get_dirty() == {"name": "Anna"}
    assert user.get_original("name") == "Ann"
    assert user.get_original()["name"] == "Ann"
    assert user.get_original("missing", "dflt") == "dflt"
    assert user.get_raw_original("name") == "Ann"
    assert not user.was_changed()
    user.save()
    assert (
        user.was_changed() and user.was_changed("name") and not user.was_changed("age")
    )
    assert user.get_changes() == {"name": "Anna"}
    assert user.get_previous() == {"name": "Ann"}
    assert user.get_original("name") == "Anna"
    user.save()
    assert user.get_changes() == {"name": "Anna"}


def test_saving_a_clean_model_runs_no_update(users: None) -> None:
    user = DtUser.create({"name": "Ann"})
    connection = user.get_connection()
    connection.enable_query_log()
    connection.flush_query_log()
    assert user.save() is True
    assert connection.get_query_log() == []
    user.name = "Bob"
    user.save()
    assert len(connection.get_query_log()) == 1


def test_discard_changes_and_sync(users: None) -> None:
    user = DtUser.create({"name": "Ann"})
    user.name = "Zed"
    user.discard_changes()
    assert user.name == "Ann" and user.is_clean()
    user.email = "new@x"
    user.sync_original_attribute("email")
    assert user.is_clean("email")
    user.age = 5
    user.sync_original_attributes(["age"])
    assert user.is_clean()


def test_null_and_type_changes_are_dirty(users: None) -> None:
    user = DtUser.create({"name": "Ann", "age": 3})
    user.age = None
    assert user.is_dirty("age")
    user.age = 3
    assert user.is_clean("age")
