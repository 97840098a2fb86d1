"""Polymorphic one-to-one and one-to-many relations: morph_one and morph_many."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.morph_many import MorphMany
from protevus.database.eloquent.relations.morph_one import MorphOne


class MoPost(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def comments(self):  # type: ignore[no-untyped-def]
        return self.morph_many(MoComment, "commentable")

    def image(self):  # type: ignore[no-untyped-def]
        return self.morph_one(MoImage, "imageable")

    def latest_comment(self):  # type: ignore[no-untyped-def]
        return self.morph_one(MoComment, "commentable").latest_of_many()

    def cover(self):  # type: ignore[no-untyped-def]
        return self.morph_one(MoImage, "imageable").with_default({"url": "blank.png"})


class MoVideo(Model):
    table = "videos"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def comments(self):  # type: ignore[no-untyped-def]
        return self.morph_many(MoComment, "commentable")


class MoComment(Model):
    table = "comments"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class MoImage(Model):
    table = "images"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


def sql(driver: str, text: str) -> str:
    """Write the expected SQL with double quotes; MySQL quotes with backticks."""
    return text.replace('"', "`") if driver == "mysql" else text


@pytest.fixture
def tables(eloquent: t.Any) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    for name in ("posts", "videos"):
        with schema.create(name) as table:
            table.id()
            table.string("title")
    with schema.create("comments") as table:
        table.id()
        table.string("body")
        table.morphs("commentable")
    with schema.create("images") as table:
        table.id()
        table.string("url")
        table.morphs("imageable")
    return eloquent


@pytest.fixture
def content(tables: t.Any) -> dict[str, t.Any]:
    post = MoPost.create({"title": "Post"})
    video = MoVideo.create({"title": "Video"})
    # A video with the same id as the post: the type column keeps them apart.
    assert post.id == video.id
    post.comments().create({"body": "p1"})
    post.comments().create({"body": "p2"})
    video.comments().create({"body": "v1"})
    post.relation("image").create({"url": "post.png"})
    return {"post": post, "video": video}


def test_morph_many_query_sql(tables: t.Any, db_driver: str) -> None:
    post = MoPost.create({"title": "Post"})
    relation = post.relation("comments")
    assert isinstance(relation, MorphMany)
    assert relation.to_sql() == sql(
        db_driver,
        'select * from "comments" where "comments"."commentable_id" = ? and '
        '"comments"."commentable_id" is not null and "comments"."commentable_type" = ?',
    )
    assert relation.get_bindings() == [post.id, MoPost.class_path()]
    assert relation.get_morph_type() == "commentable_type"
    assert relation.get_qualified_morph_type() == "comments.commentable_type"
    assert relation.get_morph_class() == MoPost.class_path()
    assert relation.get_foreign_key_name() == "commentable_id"


def test_create_sets_the_id_and_type(content: dict[str, t.Any], tables: t.Any) -> None:
    rows = tables.connection().table("comments").order_by("id").get()
    assert [
        (r["body"], r["commentable_type"], int(r["commentable_id"])) for r in rows
    ] == [
        ("p1", MoPost.class_path(), content["post"].id),
        ("p2", MoPost.class_path(), content["post"].id),
        ("v1", MoVideo.class_path(), content["video"].id),
    ]


def test_lazy_loading_keeps_types_apart(content: dict[str, t.Any]) -> None:
    assert sorted(c.body for c in content["post"].comments) == ["p1", "p2"]
    assert [c.body for c in content["video"].comments] == ["v1"]
    assert content["post"].image.url == "post.png"
    assert isinstance(content["post"].relation("image"), MorphOne)


def test_save_make_and_force_create(content: dict[str, t.Any]) -> None:
    video = content["video"]
    saved = video.comments().save(MoComment(body="v2"))
    assert saved.commentable_type == MoVideo.class_path()
    made = video.comments().make({"body": "draft"})
    assert made.exists is False
    assert int(made.commentable_id) == video.id
    forced = video.comments().force_create({"body": "v3"})
    assert forced.commentable_type == MoVideo.class_path()
    assert sorted(c.body for c in video.comments().get()) == ["v1", "v2", "v3"]


def test_morph_one_default_and_none(tables: t.Any) -> None:
    post = MoPost.create({"title": "Bare"})
    assert post.image is None
    cover = post.cover
    assert cover.url == "blank.png"
    assert cover.exists is False
    assert cover.imageable_type == MoPost.class_path()
    assert int(cover.imageable_id) == post.id


def test_eager_loading_morph_many_and_morph_one(content: dict[str, t.Any]) -> None:
    connection = content["post"].get_connection()
    connection.enable_query_log()
    connection.flush_query_log()
    posts = MoPost.with_("comments", "image").get()
    assert len(connection.get_query_log()) == 3
    assert sorted(c.body for c in posts[0].comments) == ["p1", "p2"]
    assert posts[0].image.url == "post.png"
    videos = MoVideo.with_("comments").get()
    assert [c.body for c in videos[0].comments] == ["v1"]


def test_latest_of_many_on_morph_one(content: dict[str, t.Any]) -> None:
    assert content["post"].latest_comment.body == "p2"
    posts = MoPost.with_("latest_comment").get()
    assert posts[0].latest_comment.body == "p2"


def test_existence_queries_check_the_type(
    content: dict[str, t.Any], db_driver: str
) -> None:
    MoPost.create({"title": "Quiet"})
    assert [p.title for p in MoPost.has("comments").get()] == ["Post"]
    assert MoPost.has("comments").to_sql() == sql(
        db_driver,
        'select * from "posts" where exists (select * from "comments" where "posts"."id" = '
        '"comments"."commentable_id" and "comments"."commentable_type" = ?)',
    )


def test_one_turns_morph_many_into_morph_one(content: dict[str, t.Any]) -> None:
    relation = content["post"].relation("comments").one()
    assert isinstance(relation, MorphOne)
    assert relation.get_results().body in ("p1", "p2")


def test_update_or_create_through_morph_many(content: dict[str, t.Any]) -> None:
    video = content["video"]
    comment = video.comments().update_or_create({"body": "v1"}, {"body": "v1!"})
    assert comment.body == "v1!"
    created = video.comments().first_or_create({"body": "new"})
    assert created.commentable_type == MoVideo.class_path()
    assert sorted(c.body for c in video.comments().get()) == ["new", "v1!"]
