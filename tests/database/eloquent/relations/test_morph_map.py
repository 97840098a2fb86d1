"""The morph map: aliases stored in ``*_type`` columns instead of class paths."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.exceptions import RelationNotFoundError
from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.morph_to import resolve_morph_class
from protevus.database.eloquent.relations.relation import Relation


class MapPost(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def likes(self):  # type: ignore[no-untyped-def]
        return self.morph_many(MapLike, "likeable")

    def tags(self):  # type: ignore[no-untyped-def]
        return self.morph_to_many(MapTag, "taggable", related_pivot_key="tag_id")


class MapVideo(Model):
    table = "videos"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def likes(self):  # type: ignore[no-untyped-def]
        return self.morph_many(MapLike, "likeable")


class MapLike(Model):
    table = "likes"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def likeable(self):  # type: ignore[no-untyped-def]
        return self.morph_to()


class MapTag(Model):
    table = "tags"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def posts(self):  # type: ignore[no-untyped-def]
        return self.morphed_by_many(MapPost, "taggable", foreign_pivot_key="tag_id")


@pytest.fixture
def morph_map() -> t.Iterator[None]:
    saved, required = dict(Relation._morph_map), Relation.requires_morph_map()
    Relation._morph_map = {}
    yield
    Relation._morph_map = saved
    Relation.require_morph_map(required)


@pytest.fixture
def tables(eloquent: t.Any, morph_map: None) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    for name in ("posts", "videos"):
        with schema.create(name) as table:
            table.id()
            table.string("title")
    with schema.create("likes") as table:
        table.id()
        table.morphs("likeable")
    with schema.create("tags") as table:
        table.id()
        table.string("name")
    with schema.create("taggables") as table:
        table.integer("tag_id")
        table.morphs("taggable")
    return eloquent


def test_morph_map_sets_merges_and_reads(morph_map: None) -> None:
    assert Relation.morph_map({"post": MapPost}) == {"post": MapPost}
    assert Relation.morph_map({"video": MapVideo}) == {
        "post": MapPost,
        "video": MapVideo,
    }
    assert Relation.morph_map({"like": MapLike}, merge=False) == {"like": MapLike}
    assert Relation.get_morphed_model("like") is MapLike
    assert Relation.get_morphed_model("post") is None
    assert Relation.morph_map() == {"like": MapLike}


def test_a_list_of_classes_is_keyed_by_table(morph_map: None) -> None:
    assert Relation.morph_map([MapPost, MapVideo]) == {
        "posts": MapPost,
        "videos": MapVideo,
    }


def test_get_morph_class_uses_the_alias(morph_map: None) -> None:
    assert MapPost().get_morph_class() == MapPost.class_path()
    Relation.morph_map({"post": MapPost, "video": MapVideo.class_path()})
    assert MapPost().get_morph_class() == "post"
    assert MapVideo().get_morph_class() == "video"
    assert Relation.get_morph_alias(MapPost) == "post"
    assert Relation.get_morph_alias(MapLike) == MapLike.class_path()


def test_stored_types_resolve_to_classes(morph_map: None) -> None:
    Relation.morph_map({"post": MapPost, "video": MapVideo.class_path()})
    assert resolve_morph_class("post") is MapPost
    assert resolve_morph_class("video") is MapVideo
    assert resolve_morph_class(MapLike.class_path()) is MapLike
    with pytest.raises(RelationNotFoundError, match=r"morph type \[nope\]"):
        resolve_morph_class("nope")


@pytest.mark.parametrize("stored", ["builtins.print", "this.Nope", "os.abort"])
def test_a_stored_type_never_imports_or_calls_what_it_names(
    morph_map: None, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # The type column may hold what a user wrote: it must name a known Model class.
    with pytest.raises(RelationNotFoundError, match="No model class is known"):
        resolve_morph_class(stored)
    assert capsys.readouterr().out == ""


def test_aliases_are_written_and_read_by_relations(tables: t.Any) -> None:
    Relation.morph_map({"post": MapPost, "video": MapVideo})
    post = MapPost.create({"title": "Post"})
    video = MapVideo.create({"title": "Video"})
    post.likes().create({})
    video.likes().create({})
    tag = MapTag.create({"name": "python"})
    post.tags().attach(tag)
    assert sorted(tables.connection().table("likes").pluck("likeable_type").all()) == [
        "post",
        "video",
    ]
    assert tables.connection().table("taggables").value("taggable_type") == "post"
    likes = MapLike.with_("likeable").order_by("id").get()
    assert [type(like.likeable) for like in likes] == [MapPost, MapVideo]
    assert MapLike.find(likes[1].id).likeable.title == "Video"
    assert [p.title for p in tag.posts] == ["Post"]
    assert [p.title for p in MapTag.with_("posts").first().posts] == ["Post"]


def test_enforce_morph_map_requires_aliases(morph_map: None) -> None:
    Relation.enforce_morph_map({"post": MapPost})
    assert Relation.requires_morph_map() is True
    assert MapPost().get_morph_class() == "post"
    Relation.require_morph_map(False)
    assert Relation.requires_morph_map() is False
