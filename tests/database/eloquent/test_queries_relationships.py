"""Querying relation existence: has, where_has, doesnt_have, where_relation, morphs."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.exceptions import RelationNotFoundError
from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.relation import Relation
from protevus.exceptions import InvalidArgumentError


class QrUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def posts(self):  # type: ignore[no-untyped-def]
        return self.has_many(QrPost, "user_id")


class QrPost(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def user(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(QrUser, "user_id")

    def comments(self):  # type: ignore[no-untyped-def]
        return self.has_many(QrComment, "post_id")

    def approved_comments(self):  # type: ignore[no-untyped-def]
        return self.has_many(QrComment, "post_id").where("approved", True)

    def likes(self):  # type: ignore[no-untyped-def]
        return self.morph_many(QrLike, "likeable")


class QrVideo(Model):
    table = "videos"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def likes(self):  # type: ignore[no-untyped-def]
        return self.morph_many(QrLike, "likeable")


class QrComment(Model):
    table = "comments"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def post(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(QrPost, "post_id")

    def author(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(QrUser, "user_id")


class QrLike(Model):
    table = "likes"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def likeable(self):  # type: ignore[no-untyped-def]
        return self.morph_to()


def sql(driver: str, text: str) -> str:
    """Write the expected SQL with double quotes; MySQL quotes with backticks."""
    return text.replace('"', "`") if driver == "mysql" else text


@pytest.fixture
def blog(eloquent: t.Any, db_driver: str) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name")
    with schema.create("posts") as table:
        table.id()
        table.integer("user_id")
        table.string("title")
    with schema.create("videos") as table:
        table.id()
        table.string("title")
    with schema.create("comments") as table:
        table.id()
        table.integer("post_id")
        table.integer("user_id")
        table.string("body")
        table.boolean("approved").default(False)
    with schema.create("likes") as table:
        table.id()
        table.string("likeable_type")
        table.integer("likeable_id")
    ada = QrUser.create({"name": "Ada"})
    bob = QrUser.create({"name": "Bob"})
    QrUser.create({"name": "Cy"})
    first = QrPost.create({"user_id": ada.id, "title": "First"})
    second = QrPost.create({"user_id": ada.id, "title": "Second"})
    QrPost.create({"user_id": bob.id, "title": "Quiet"})
    for body, approved, author in [
        ("a", True, bob),
        ("b", False, ada),
        ("c", False, bob),
    ]:
        QrComment.create(
            {
                "post_id": first.id,
                "user_id": author.id,
                "body": body,
                "approved": approved,
            }
        )
    QrComment.create(
        {"post_id": second.id, "user_id": ada.id, "body": "d", "approved": False}
    )
    video = QrVideo.create({"title": "Clip"})
    QrVideo.create({"title": "Unliked"})
    QrLike.create({"likeable_type": first.get_morph_class(), "likeable_id": first.id})
    QrLike.create({"likeable_type": video.get_morph_class(), "likeable_id": video.id})
    return eloquent


def titles(models: t.Iterable[t.Any]) -> list[str]:
    return sorted(model.title for model in models)


# -- the SQL Laravel writes -----------------------------------------------------------


def test_has_compiles_to_where_exists(blog: t.Any, db_driver: str) -> None:
    assert QrPost.has("comments").to_sql() == sql(
        db_driver,
        'select * from "posts" where exists (select * from "comments" '
        'where "posts"."id" = "comments"."post_id")',
    )


def test_has_with_a_count_compiles_to_a_count_sub_query(
    blog: t.Any, db_driver: str
) -> None:
    assert QrPost.has("comments", ">=", 2).to_sql() == sql(
        db_driver,
        'select * from "posts" where (select count(*) from "comments" '
        'where "posts"."id" = "comments"."post_id") >= 2',
    )


def test_doesnt_have_compiles_to_not_exists(blog: t.Any, db_driver: str) -> None:
    assert QrPost.doesnt_have("comments").to_sql() == sql(
        db_driver,
        'select * from "posts" where not exists (select * from "comments" '
        'where "posts"."id" = "comments"."post_id")',
    )


def test_where_has_groups_or_clauses_of_the_callback(
    blog: t.Any, db_driver: str
) -> None:
    query = QrPost.where_has(
        "comments", lambda q: q.where("body", "a").or_where("body", "b")
    )
    assert query.to_sql() == sql(
        db_driver,
        'select * from "posts" where exists (select * from "comments" where '
        '"posts"."id" = "comments"."post_id" and ("body" = ? or "body" = ?))',
    )
    assert query.get_bindings() == ["a", "b"]


def test_nested_has_nests_exists_clauses(blog: t.Any, db_driver: str) -> None:
    assert QrUser.has("posts.comments").to_sql() == sql(
        db_driver,
        'select * from "users" where exists (select * from "posts" where '
        '"users"."id" = "posts"."user_id" and exists (select * from "comments" '
        'where "posts"."id" = "comments"."post_id"))',
    )


def test_relation_definition_wheres_are_merged(blog: t.Any, db_driver: str) -> None:
    query = QrPost.has("approved_comments")
    assert query.to_sql() == sql(
        db_driver,
        'select * from "posts" where exists (select * from "comments" where '
        '"posts"."id" = "comments"."post_id" and "approved" = ?)',
    )
    assert [bool(b) for b in query.get_bindings()] == [True]


def test_belongs_to_existence_query(blog: t.Any, db_driver: str) -> None:
    assert QrComment.has("post").to_sql() == sql(
        db_driver,
        'select * from "comments" where exists (select * from "posts" where '
        '"comments"."post_id" = "posts"."id")',
    )


# -- results on every database ------------------------------------------------------


def test_has_and_doesnt_have_filter_rows(blog: t.Any) -> None:
    assert titles(QrPost.has("comments").get()) == ["First", "Second"]
    assert titles(QrPost.doesnt_have("comments").get()) == ["Quiet"]
    assert titles(QrPost.has("comments", ">", 1).get()) == ["First"]
    assert titles(QrPost.has("comments", "=", 1).get()) == ["Second"]
    assert titles(QrPost.has("comments", "<", 2).get()) == ["Quiet", "Second"]


def test_where_has_with_constraints(blog: t.Any) -> None:
    approved = QrPost.where_has("comments", lambda q: q.where("approved", True)).get()
    assert titles(approved) == ["First"]
    unapproved = QrPost.where_doesnt_have(
        "comments", lambda q: q.where("approved", True)
    )
    assert titles(unapproved.get()) == ["Quiet", "Second"]
    at_least_two = QrPost.where_has(
        "comments", lambda q: q.where("approved", False), ">=", 2
    )
    assert titles(at_least_two.get()) == ["First"]


def test_or_variants(blog: t.Any) -> None:
    query = QrPost.where("title", "Quiet").or_has("comments", ">", 2)
    assert titles(query.get()) == ["First", "Quiet"]
    query = QrPost.where("title", "First").or_where_has(
        "comments", lambda q: q.where("body", "d")
    )
    assert titles(query.get()) == ["First", "Second"]
    assert titles(QrPost.where("title", "First").or_doesnt_have("comments").get()) == [
        "First",
        "Quiet",
    ]
    query = QrPost.where("title", "Quiet").or_where_doesnt_have(
        "comments", lambda q: q.where("approved", True)
    )
    assert titles(query.get()) == ["Quiet", "Second"]


def test_nested_has_and_doesnt_have(blog: t.Any) -> None:
    assert sorted(u.name for u in QrUser.has("posts.comments").get()) == ["Ada"]
    assert sorted(u.name for u in QrUser.doesnt_have("posts.comments").get()) == [
        "Bob",
        "Cy",
    ]
    by_bob = QrUser.where_has("posts.comments", lambda q: q.where("body", "c")).get()
    assert [u.name for u in by_bob] == ["Ada"]


def test_where_relation(blog: t.Any) -> None:
    assert titles(QrPost.where_relation("comments", "approved", True).get()) == [
        "First"
    ]
    assert titles(QrPost.where_relation("comments", "body", "<>", "a").get()) == [
        "First",
        "Second",
    ]
    query = QrPost.where_relation("comments", "body", "a").or_where_relation(
        "comments", "body", "d"
    )
    assert titles(query.get()) == ["First", "Second"]
    assert [
        c.body
        for c in QrComment.where_relation("author", "name", "Bob")
        .order_by("body")
        .get()
    ] == [
        "a",
        "c",
    ]
    nested = QrUser.where_relation("posts.comments", "body", "d").get()
    assert [u.name for u in nested] == ["Ada"]
    closure = QrPost.where_relation("comments", lambda q: q.where("body", "b")).get()
    assert titles(closure) == ["First"]


def test_where_belongs_to(blog: t.Any, db_driver: str) -> None:
    ada = QrUser.where("name", "Ada").first()
    query = QrPost.where_belongs_to(ada, "user")
    assert query.to_sql() == sql(
        db_driver, 'select * from "posts" where "posts"."user_id" in (?)'
    )
    assert titles(query.get()) == ["First", "Second"]
    users = QrUser.where_in("name", ["Ada", "Bob"]).get()
    assert titles(QrPost.where_belongs_to(users, "user").get()) == [
        "First",
        "Quiet",
        "Second",
    ]
    bob = QrUser.where("name", "Bob").first()
    assert [
        c.body for c in QrComment.where_belongs_to(bob, "author").order_by("body").get()
    ] == [
        "a",
        "c",
    ]
    query = QrPost.where("title", "Second").or_where_belongs_to(bob, "user")
    assert titles(query.get()) == ["Quiet", "Second"]


def test_where_belongs_to_errors(blog: t.Any) -> None:
    ada = QrUser.where("name", "Ada").first()
    with pytest.raises(InvalidArgumentError, match="may not be empty"):
        QrPost.where_belongs_to([])
    with pytest.raises(RelationNotFoundError, match=r"\[qr_user\]"):
        QrComment.where_belongs_to(ada)
    with pytest.raises(RelationNotFoundError, match=r"of type \[BelongsTo\]"):
        QrPost.where_belongs_to(ada, "comments")


def test_unknown_relation_raises(blog: t.Any) -> None:
    with pytest.raises(RelationNotFoundError, match=r"undefined relationship \[nope\]"):
        QrPost.has("nope")
    with pytest.raises(RelationNotFoundError, match=r"\[nope\]"):
        QrPost.with_count("nope")


def test_global_scopes_of_the_related_model_apply(blog: t.Any) -> None:
    # Deleted comments are hidden by a scope on the related model; the sub-query sees it.
    class ScopedComment(QrComment):
        table = "comments"

        @classmethod
        def booted(cls) -> None:
            cls.add_global_scope(
                "approved", lambda query: query.where("approved", True)
            )

    class ScopedPost(QrPost):
        table = "posts"

        def scoped_comments(self):  # type: ignore[no-untyped-def]
            return self.has_many(ScopedComment, "post_id")

    assert titles(ScopedPost.has("scoped_comments").get()) == ["First"]


# -- polymorphic ----------------------------------------------------------------------


def test_has_morph_by_type(blog: t.Any) -> None:
    liked_posts = QrLike.has_morph("likeable", [QrPost]).get()
    assert len(liked_posts) == 1
    both = QrLike.has_morph("likeable", [QrPost, QrVideo]).get()
    assert len(both) == 2
    titled = QrLike.where_has_morph(
        "likeable", [QrPost, QrVideo], lambda q: q.where("title", "Clip")
    )
    assert [like.likeable_type for like in titled.get()] == [
        QrVideo().get_morph_class()
    ]
    assert len(QrLike.doesnt_have_morph("likeable", [QrPost]).get()) == 0


def test_has_morph_callback_receives_the_type(blog: t.Any) -> None:
    seen: list[type] = []

    def constrain(query: t.Any, type_: type) -> None:
        seen.append(type_)
        query.where("title", "First" if type_ is QrPost else "Clip")

    assert len(QrLike.where_has_morph("likeable", "*", constrain).get()) == 2
    assert set(seen) == {QrPost, QrVideo}


def test_has_on_a_morph_to_checks_every_stored_type(blog: t.Any) -> None:
    assert len(QrLike.has("likeable").get()) == 2


def test_where_morph_relation_and_morphed_to(blog: t.Any) -> None:
    query = QrLike.where_morph_relation("likeable", [QrPost, QrVideo], "title", "First")
    assert [like.likeable_type for like in query.get()] == [QrPost().get_morph_class()]
    post = QrPost.where("title", "First").first()
    assert len(QrLike.where_morphed_to("likeable", post).get()) == 1
    assert len(QrLike.where_not_morphed_to("likeable", post).get()) == 1
    assert len(QrLike.where_morphed_to("likeable", QrVideo).get()) == 1
    assert len(QrLike.where_morphed_to("likeable", None).get()) == 0


def test_morph_types_through_the_morph_map(blog: t.Any) -> None:
    saved = dict(Relation.morph_map())
    try:
        Relation.morph_map({"qr_video": QrVideo})
        unliked = QrVideo.where("title", "Unliked").first()
        unliked.likes().create({})
        assert unliked.likes().first().likeable_type == "qr_video"

        def unliked_title(q: t.Any) -> None:
            q.where("title", "Unliked")

        assert (
            len(QrLike.where_has_morph("likeable", ["qr_video"], unliked_title).get())
            == 1
        )
        assert (
            len(QrLike.where_has_morph("likeable", [QrVideo], unliked_title).get()) == 1
        )
    finally:
        Relation.morph_map(saved, merge=False)


def test_or_morph_variants(blog: t.Any) -> None:
    post = QrPost.where("title", "First").first()
    video = QrVideo.where("title", "Clip").first()
    assert (
        len(
            QrLike.where_morphed_to("likeable", post)
            .or_where_morphed_to("likeable", video)
            .get()
        )
        == 2
    )
    assert (
        len(
            QrLike.where_morphed_to("likeable", post)
            .or_where_not_morphed_to("likeable", post)
            .get()
        )
        == 2
    )
    query = QrLike.where_morph_relation(
        "likeable", [QrPost], "title", "First"
    ).or_where_morph_relation("likeable", [QrVideo], "title", "Clip")
    assert len(query.get()) == 2
    query = QrLike.has_morph("likeable", [QrPost]).or_has_morph("likeable", [QrVideo])
    assert len(query.get()) == 2
    query = QrLike.where_doesnt_have_morph("likeable", [QrPost]).or_where_has_morph(
        "likeable", [QrVideo], lambda q: q.where("title", "Clip")
    )
    # Absence is checked per type: the post like has its post, so only the video matches.
    assert len(query.get()) == 1
    assert len(QrLike.where_has_morph("likeable", [QrPost], None, ">=", 2).get()) == 0


def test_unknown_morph_type_raises(blog: t.Any) -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[nowhere\.Nothing\]"):
        QrLike.has_morph("likeable", ["nowhere.Nothing"])


def test_with_where_has_filters_and_loads(blog: t.Any, db_driver: str) -> None:
    connection = blog.connection()
    connection.enable_query_log()
    posts = QrPost.with_where_has("comments", lambda q: q.where("approved", True)).get()
    assert titles(posts) == ["First"]
    assert [c.body for c in posts[0].comments] == ["a"]
    assert len(connection.get_query_log()) == 2
    plain = QrPost.with_where_has("comments").order_by("id").get()
    assert [len(p.comments) for p in plain] == [3, 1]


def test_where_doesnt_have_relation(blog: t.Any) -> None:
    query = QrPost.where_doesnt_have_relation("comments", "approved", True)
    assert titles(query.get()) == ["Quiet", "Second"]


def test_camel_case_names(blog: t.Any) -> None:
    assert titles(QrPost.whereHas("comments").get()) == ["First", "Second"]
    assert titles(QrPost.doesntHave("comments").get()) == ["Quiet"]
    assert titles(QrPost.whereRelation("comments", "body", "d").get()) == ["Second"]
    counted = QrPost.withCount("comments").orderBy("id").get()
    assert [int(p.comments_count) for p in counted] == [3, 1, 0]
