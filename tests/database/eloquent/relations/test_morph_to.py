"""The owner side of polymorphic relations: morph_to, lazy and eager, across types."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.morph_to import MorphTo
from protevus.database.eloquent.relations.relation import Relation


class MtUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class MtPost(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def author(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(MtUser, "user_id")

    def comments(self):  # type: ignore[no-untyped-def]
        return self.morph_many(MtComment, "commentable")


class MtVideo(Model):
    table = "videos"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def comments(self):  # type: ignore[no-untyped-def]
        return self.morph_many(MtComment, "commentable")


class MtComment(Model):
    table = "comments"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def commentable(self):  # type: ignore[no-untyped-def]
        return self.morph_to()

    def subject(self):  # type: ignore[no-untyped-def]
        return self.morph_to("subject", "commentable_type", "commentable_id")

    def owner_with_default(self):  # type: ignore[no-untyped-def]
        return self.morph_to("commentable").with_default()


def sql(driver: str, text: str) -> str:
    """Write the expected SQL with double quotes; MySQL quotes with backticks."""
    return text.replace('"', "`") if driver == "mysql" else text


@pytest.fixture
def tables(eloquent: t.Any) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name")
    with schema.create("posts") as table:
        table.id()
        table.integer("user_id").nullable()
        table.string("title")
    with schema.create("videos") as table:
        table.id()
        table.string("title")
    with schema.create("comments") as table:
        table.id()
        table.string("body")
        table.nullable_morphs("commentable")
    return eloquent


@pytest.fixture
def content(tables: t.Any) -> dict[str, t.Any]:
    ada = MtUser.create({"name": "Ada"})
    posts = [MtPost.create({"title": f"Post {i}", "user_id": ada.id}) for i in (1, 2)]
    videos = [MtVideo.create({"title": f"Video {i}"}) for i in (1, 2)]
    posts[0].comments().create({"body": "on post 1"})
    posts[1].comments().create({"body": "on post 2"})
    videos[0].comments().create({"body": "on video 1"})
    videos[0].comments().create({"body": "again on video 1"})
    MtComment.create({"body": "orphan"})
    return {"ada": ada, "posts": posts, "videos": videos}


def by_body(comments: t.Iterable[t.Any]) -> dict[str, t.Any]:
    return {comment.body: comment for comment in comments}


def test_lazy_loading_resolves_the_type(content: dict[str, t.Any]) -> None:
    comments = by_body(MtComment.all())
    owner = comments["on post 1"].commentable
    assert isinstance(owner, MtPost)
    assert owner.title == "Post 1"
    video = comments["on video 1"].commentable
    assert isinstance(video, MtVideo)
    assert video.title == "Video 1"
    assert comments["orphan"].commentable is None


def test_morph_to_query_sql(content: dict[str, t.Any], db_driver: str) -> None:
    comment = MtComment.where("body", "on video 1").first()
    relation = comment.relation("commentable")
    assert isinstance(relation, MorphTo)
    assert relation.to_sql() == sql(
        db_driver, 'select * from "videos" where "videos"."id" = ?'
    )
    assert relation.get_morph_type() == "commentable_type"
    assert relation.get_foreign_key_name() == "commentable_id"


def test_custom_names_and_columns(content: dict[str, t.Any]) -> None:
    comment = MtComment.where("body", "on post 2").first()
    assert comment.subject.title == "Post 2"


def test_with_default_gives_a_model_when_there_is_no_owner(
    content: dict[str, t.Any],
) -> None:
    orphan = MtComment.where("body", "orphan").first()
    assert orphan.owner_with_default is not None
    assert orphan.owner_with_default.exists is False


def test_eager_loading_runs_one_query_per_type(content: dict[str, t.Any]) -> None:
    connection = content["ada"].get_connection()
    connection.enable_query_log()
    connection.flush_query_log()
    comments = by_body(MtComment.with_("commentable").get())
    log = connection.get_query_log()
    assert len(log) == 3  # comments, posts, videos
    assert comments["on post 1"].commentable.title == "Post 1"
    assert comments["on post 2"].commentable.title == "Post 2"
    assert comments["on video 1"].commentable.title == "Video 1"
    assert (
        comments["again on video 1"].commentable is comments["on video 1"].commentable
    )
    assert comments["orphan"].relation_loaded("commentable")
    assert comments["orphan"].commentable is None
    assert len(connection.get_query_log()) == 3


def test_eager_loading_nested_relations_and_morph_with(
    content: dict[str, t.Any],
) -> None:
    connection = content["ada"].get_connection()
    connection.enable_query_log()
    comments = by_body(
        MtComment.with_(
            {"commentable": lambda morph_to: morph_to.morph_with({MtPost: ["author"]})}
        ).get()
    )
    connection.flush_query_log()
    assert comments["on post 1"].commentable.author.name == "Ada"
    assert comments["on video 1"].commentable.relation_loaded("author") is False
    assert connection.get_query_log() == []


def test_eager_loading_with_morph_with_count(content: dict[str, t.Any]) -> None:
    comments = by_body(
        MtComment.with_(
            {
                "commentable": lambda morph_to: morph_to.morph_with_count(
                    {MtVideo: ["comments"]}
                )
            }
        ).get()
    )
    assert int(comments["on video 1"].commentable.comments_count) == 2
    assert "comments_count" not in comments["on post 1"].commentable.get_attributes()


def test_eager_loading_with_constrain(content: dict[str, t.Any]) -> None:
    comments = by_body(
        MtComment.with_(
            {
                "commentable": lambda morph_to: morph_to.constrain(
                    {MtPost: lambda query: query.where("title", "Post 2")}
                )
            }
        ).get()
    )
    assert comments["on post 1"].commentable is None
    assert comments["on post 2"].commentable.title == "Post 2"
    assert comments["on video 1"].commentable.title == "Video 1"


def test_eager_loading_an_empty_set_runs_no_type_queries(tables: t.Any) -> None:
    MtComment.create({"body": "orphan"})
    comments = MtComment.with_("commentable").get()
    assert comments[0].commentable is None


def test_associate_and_dissociate(content: dict[str, t.Any]) -> None:
    comment = MtComment.where("body", "orphan").first()
    video = content["videos"][1]
    comment.relation("commentable").associate(video)
    assert comment.commentable_type == MtVideo.class_path()
    assert int(comment.commentable_id) == video.id
    assert comment.commentable is video
    comment.save()
    assert MtComment.find(comment.id).commentable.title == "Video 2"
    comment.relation("commentable").dissociate()
    assert comment.commentable_type is None
    assert comment.commentable_id is None
    assert comment.commentable is None


def test_morph_map_aliases_are_resolved(content: dict[str, t.Any]) -> None:
    Relation.morph_map({"vid": MtVideo})
    comment = MtComment.create({"body": "aliased"})
    comment.relation("commentable").associate(content["videos"][1])
    assert comment.commentable_type == "vid"
    comment.save()
    assert MtComment.find(comment.id).commentable.title == "Video 2"
    loaded = by_body(MtComment.with_("commentable").get())
    assert loaded["aliased"].commentable.title == "Video 2"
