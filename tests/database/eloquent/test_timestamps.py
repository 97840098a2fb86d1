"""Timestamps: created_at/updated_at on insert and update, touch, custom columns."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model


class TsPost(Model):
    table = "posts"
    fillable = ["title"]


class TsNoStamps(Model):
    table = "plain"
    fillable = ["title"]
    timestamps = False


class TsCustom(Model):
    table = "custom"
    fillable = ["title"]
    created_at_column = "made_on"
    updated_at_column = None


@pytest.fixture
def tables(schema: t.Any) -> None:
    def posts(table: t.Any) -> None:
        table.id()
        table.string("title")
        table.timestamps()

    def plain(table: t.Any) -> None:
        table.id()
        table.string("title")

    def custom(table: t.Any) -> None:
        table.id()
        table.string("title")
        table.timestamp("made_on").nullable()

    schema.create("posts", posts)
    schema.create("plain", plain)
    schema.create("custom", custom)


def _raw(model: Model, column: str) -> str:
    return str(
        model.get_connection()
        .table(model.get_table())
        .where("id", model.get_key())
        .value(column)
    )


def test_insert_sets_both_and_update_sets_updated_at(tables: None) -> None:
    post = TsPost.create({"title": "Hello"})
    assert post.created_at is not None and post.updated_at is not None
    assert _raw(post, "created_at")[:4].isdigit()
    TsPost.where("id", post.id).update(
        {"created_at": "2020-01-01 00:00:00", "updated_at": "2020-01-01 00:00:00"}
    )
    post.refresh()
    post.title = "Changed"
    post.save()
    assert _raw(post, "created_at").startswith("2020-01-01")
    assert not _raw(post, "updated_at").startswith("2020-01-01")


def test_explicit_timestamps_are_kept(tables: None) -> None:
    post = TsPost({"title": "x"})
    post.created_at = "2021-05-05 10:00:00"
    post.save()
    assert _raw(post, "created_at").startswith("2021-05-05")


def test_touch_and_touch_quietly(tables: None) -> None:
    post = TsPost.create({"title": "Hello"})
    TsPost.where("id", post.id).update({"updated_at": "2020-01-01 00:00:00"})
    post.refresh()
    assert post.touch() is True
    assert not _raw(post, "updated_at").startswith("2020")
    TsPost.where("id", post.id).update({"updated_at": "2020-01-01 00:00:00"})
    post.refresh()
    assert post.touch_quietly() is True
    assert not _raw(post, "updated_at").startswith("2020")
    TsPost.where("id", post.id).update({"updated_at": "2020-01-01 00:00:00"})
    assert TsPost.where("id", post.id).touch() == 1
    assert not _raw(post, "updated_at").startswith("2020")


def test_timestamps_off_and_custom_columns(tables: None) -> None:
    plain = TsNoStamps.create({"title": "x"})
    assert "created_at" not in plain.attributes
    assert plain.touch() is False
    custom = TsCustom.create({"title": "x"})
    assert custom.made_on is not None
    assert "updated_at" not in custom.attributes
    assert custom.get_qualified_created_at_column() == "custom.made_on"
    assert custom.get_qualified_updated_at_column() is None
    custom.title = "y"
    assert custom.save() is True


def test_without_timestamps(tables: None) -> None:
    post = TsPost.without_timestamps(lambda: TsPost.create({"title": "quiet"}))
    assert post.created_at is None
    assert TsPost.is_ignoring_timestamps() is False
    assert TsPost().uses_timestamps() is True
