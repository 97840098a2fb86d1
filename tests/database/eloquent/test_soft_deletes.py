"""Soft deletes: delete, restore, force delete and the trashed scopes."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.database.eloquent.soft_deletes import SoftDeletes


class SdPost(SoftDeletes, Model):
    table = "posts"
    fillable = ["title"]


class SdNote(SoftDeletes, Model):
    table = "notes"
    fillable = ["body"]
    timestamps = False
    deleted_at_column = "removed_at"


def _sql(builder: t.Any) -> str:
    return str(builder.to_sql()).replace("`", '"')


@pytest.fixture
def tables(schema: t.Any) -> None:
    def posts(table: t.Any) -> None:
        table.id()
        table.string("title")
        table.timestamps()
        table.soft_deletes()

    def notes(table: t.Any) -> None:
        table.id()
        table.string("body")
        table.timestamp("removed_at").nullable()

    schema.create("posts", posts)
    schema.create("notes", notes)


def test_delete_sets_deleted_at_and_hides_the_row(tables: None) -> None:
    post = SdPost.create({"title": "Hello"})
    other = SdPost.create({"title": "Other"})
    assert post.delete() is True
    assert post.trashed() and post.exists
    assert post.deleted_at is not None
    assert not post.is_dirty()
    assert SdPost.count() == 1
    assert SdPost.with_trashed().count() == 2
    assert SdPost.only_trashed().pluck("title").all() == ["Hello"]
    assert SdPost.with_trashed().without_trashed().count() == 1
    assert SdPost.with_trashed(False).count() == 1
    assert SdPost.find(post.id) is None
    assert SdPost.with_trashed().find(post.id).trashed()
    assert not other.trashed()
    assert _sql(SdPost.where("id", 1).to_base()) == (
        'select * from "posts" where "id" = ? and "posts"."deleted_at" is null'
    )


def test_restore_and_force_delete(tables: None) -> None:
    post = SdPost.create({"title": "Hello"})
    post.delete()
    assert post.restore() is True
    assert not post.trashed() and SdPost.count() == 1
    assert post.force_delete() is True
    assert not post.exists
    assert SdPost.with_trashed().count() == 0
    assert not post.is_force_deleting()


def test_builder_delete_restore_and_force_delete(tables: None) -> None:
    for title in ("a", "b", "c"):
        SdPost.create({"title": title})
    assert SdPost.where("title", "!=", "c").delete() == 2
    assert SdPost.count() == 1
    assert SdPost.with_trashed().count() == 3
    assert SdPost.only_trashed().restore() == 2
    assert SdPost.count() == 3
    SdPost.where("title", "a").force_delete()
    assert SdPost.with_trashed().count() == 2
    assert SdPost.restore_or_create({"title": "z"}).exists
    assert SdPost.count() == 3


def test_custom_column_and_no_timestamps(tables: None) -> None:
    note = SdNote.create({"body": "x"})
    note.delete()
    assert note.removed_at is not None
    assert note.get_qualified_deleted_at_column() == "notes.removed_at"
    assert SdNote.count() == 0 and SdNote.only_trashed().count() == 1
    note.restore_quietly()
    assert SdNote.count() == 1
    note.force_delete_quietly()
    assert SdNote.with_trashed().count() == 0


def test_destroy_soft_deletes(tables: None) -> None:
    a = SdPost.create({"title": "a"})
    assert SdPost.destroy(a.id) == 1
    assert SdPost.with_trashed().count() == 1


def test_soft_delete_events_fire_and_can_cancel(tables: None) -> None:
    from protevus.events.dispatcher import Dispatcher

    fired: list[str] = []
    Model.set_event_dispatcher(Dispatcher())
    try:
        for event in ("deleting", "deleted", "trashed", "restoring", "restored",
                      "force_deleting", "force_deleted"):  # fmt: skip
            SdPost.register_model_event(event, lambda post, e=event: fired.append(e))
        post = SdPost.create({"title": "Hello"})
        post.delete()
        post.restore()
        post.force_delete()
        assert fired == [
            "deleting", "trashed", "deleted", "restoring", "restored",
            "force_deleting", "deleting", "deleted", "force_deleted",
        ]  # fmt: skip
        SdPost.register_model_event("restoring", lambda post: False)
        other = SdPost.create({"title": "Other"})
        other.delete()
        assert other.restore() is False and other.trashed()
        SdPost.soft_deleted(lambda post: fired.append("soft"))
        SdPost.create({"title": "x"}).delete()
        assert fired[-3:] == ["trashed", "soft", "deleted"]
    finally:
        Model.unset_event_dispatcher()
