"""Polymorphic many-to-many relations: morph_to_many and morphed_by_many."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.morph_pivot import MorphPivot
from protevus.database.eloquent.relations.morph_to_many import MorphToMany


class Post(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def tags(self):  # type: ignore[no-untyped-def]
        return self.morph_to_many(Tag, "taggable").with_pivot("weight")


class Video(Model):
    table = "videos"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def tags(self):  # type: ignore[no-untyped-def]
        return self.morph_to_many(Tag, "taggable").with_timestamps()


class Tag(Model):
    table = "tags"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def posts(self):  # type: ignore[no-untyped-def]
        return self.morphed_by_many(Post, "taggable")

    def videos(self):  # type: ignore[no-untyped-def]
        return self.morphed_by_many(Video, "taggable")


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
    with schema.create("tags") as table:
        table.id()
        table.string("name")
    with schema.create("taggables") as table:
        table.integer("tag_id")
        table.morphs("taggable")
        table.integer("weight").nullable()
        table.timestamps()
    return eloquent


@pytest.fixture
def content(tables: t.Any) -> dict[str, t.Any]:
    post = Post.create({"title": "Post"})
    video = Video.create({"title": "Video"})
    assert post.id == video.id
    python, php, go = (Tag.create({"name": n}) for n in ("python", "php", "go"))
    post.tags().attach({python.id: {"weight": 2}, php.id: {"weight": 1}})
    video.tags().attach(go)
    return {"post": post, "video": video, "python": python, "php": php, "go": go}


def names(models: t.Iterable[t.Any]) -> list[str]:
    return sorted(
        model.name if "name" in model.get_attributes() else model.title
        for model in models
    )


def test_conventions_and_sql(tables: t.Any, db_driver: str) -> None:
    post = Post.create({"title": "Post"})
    relation = post.relation("tags")
    assert isinstance(relation, MorphToMany)
    assert relation.get_table() == "taggables"
    assert relation.get_foreign_pivot_key_name() == "taggable_id"
    assert relation.get_related_pivot_key_name() == "tag_id"
    assert relation.get_morph_type() == "taggable_type"
    assert relation.get_qualified_morph_type_name() == "taggables.taggable_type"
    assert relation.get_morph_class() == Post.class_path()
    assert relation.get_inverse() is False
    assert relation.to_sql() == sql(
        db_driver,
        'select * from "tags" inner join "taggables" on "tags"."id" = "taggables"."tag_id" '
        'where "taggables"."taggable_id" = ? and "taggables"."taggable_type" = ?',
    )
    assert relation.get_bindings() == [post.id, Post.class_path()]
    inverse = Tag().relation("posts")
    assert inverse.get_inverse() is True
    assert inverse.get_foreign_pivot_key_name() == "tag_id"
    assert inverse.get_related_pivot_key_name() == "taggable_id"
    assert inverse.get_morph_class() == Post.class_path()


def test_attach_writes_the_type(content: dict[str, t.Any], tables: t.Any) -> None:
    rows = tables.connection().table("taggables").order_by("tag_id").get()
    assert [
        (int(r["tag_id"]), r["taggable_type"], int(r["taggable_id"])) for r in rows
    ] == [
        (content["python"].id, Post.class_path(), content["post"].id),
        (content["php"].id, Post.class_path(), content["post"].id),
        (content["go"].id, Video.class_path(), content["video"].id),
    ]
    assert rows[2]["created_at"] is not None


def test_lazy_loading_keeps_types_apart(content: dict[str, t.Any]) -> None:
    assert names(content["post"].tags) == ["php", "python"]
    assert names(content["video"].tags) == ["go"]
    tag = content["post"].tags().where("name", "python").first()
    assert isinstance(tag.pivot, MorphPivot)
    assert int(tag.pivot.weight) == 2
    assert tag.pivot.taggable_type == Post.class_path()


def test_inverse_side(content: dict[str, t.Any]) -> None:
    assert names(content["python"].posts) == ["Post"]
    assert names(content["python"].videos) == []
    assert names(content["go"].videos) == ["Video"]


def test_detach_and_sync_only_touch_rows_of_the_type(
    content: dict[str, t.Any], tables: t.Any
) -> None:
    video, post = content["video"], content["post"]
    video.tags().attach(content["python"])
    assert post.tags().detach(content["python"]) == 1
    assert names(video.tags) == ["go", "python"]
    changes = video.tags().sync([content["php"].id])
    assert changes == {
        "attached": [content["php"].id],
        "detached": [content["go"].id, content["python"].id],
        "updated": [],
    }
    assert names(post.tags().get()) == ["php"]
    assert names(video.tags().get()) == ["php"]
    assert video.tags().update_existing_pivot(content["php"].id, {"weight": 7}) == 1
    assert int(post.tags().first().pivot.weight) == 1


def test_morph_pivot_saves_and_deletes_with_its_type(
    content: dict[str, t.Any], tables: t.Any
) -> None:
    content["video"].tags().attach(content["php"])
    pivot = content["post"].tags().where("name", "php").first().pivot
    pivot.weight = 9
    pivot.save()
    weights = {
        r["taggable_type"]: r["weight"]
        for r in tables.connection()
        .table("taggables")
        .where("tag_id", content["php"].id)
        .get()
    }
    assert weights == {Post.class_path(): 9, Video.class_path(): None}
    assert pivot.delete() == 1
    assert names(content["video"].tags().get()) == ["go", "php"]


def test_eager_loading_both_sides(content: dict[str, t.Any]) -> None:
    connection = content["post"].get_connection()
    connection.enable_query_log()
    connection.flush_query_log()
    posts = Post.with_("tags").get()
    tags = Tag.with_("posts", "videos").order_by("name").get()
    assert len(connection.get_query_log()) == 5
    assert names(posts[0].tags) == ["php", "python"]
    assert [names(tag.posts) for tag in tags] == [[], ["Post"], ["Post"]]
    assert [names(tag.videos) for tag in tags] == [["Video"], [], []]


def test_existence_query_checks_the_type(
    content: dict[str, t.Any], db_driver: str
) -> None:
    Post.create({"title": "Untagged"})
    assert [p.title for p in Post.has("tags").get()] == ["Post"]
    assert [t_.name for t_ in Tag.has("videos").get()] == ["go"]
    assert Post.has("tags").to_sql() == sql(
        db_driver,
        'select * from "posts" where exists (select * from "tags" inner join "taggables" on '
        '"tags"."id" = "taggables"."tag_id" where "posts"."id" = "taggables"."taggable_id" '
        'and "taggables"."taggable_type" = ?)',
    )
