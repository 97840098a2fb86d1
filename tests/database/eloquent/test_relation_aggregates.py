"""Relation aggregates: with_count, with_sum/min/max/avg, with_exists, load_count."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model


class AgUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def posts(self):  # type: ignore[no-untyped-def]
        return self.has_many(AgPost, "user_id")


class AgPost(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def comments(self):  # type: ignore[no-untyped-def]
        return self.has_many(AgComment, "post_id")

    def user(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(AgUser, "user_id")


class AgComment(Model):
    table = "comments"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class AgCategory(Model):
    table = "categories"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def children(self):  # type: ignore[no-untyped-def]
        return self.has_many(AgCategory, "parent_id")


class AgCountingPost(AgPost):
    """A post that always counts its comments (Laravel's ``$withCount``)."""

    table = "posts"
    with_count: t.ClassVar[list[str]] = ["comments"]


def sql(driver: str, text: str) -> str:
    return text.replace('"', "`") if driver == "mysql" else text


@pytest.fixture
def blog(eloquent: t.Any) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name")
    with schema.create("posts") as table:
        table.id()
        table.integer("user_id")
        table.string("title")
    with schema.create("comments") as table:
        table.id()
        table.integer("post_id")
        table.integer("votes")
        table.boolean("approved").default(False)
    with schema.create("categories") as table:
        table.id()
        table.integer("parent_id").nullable()
        table.string("name")
    ada = AgUser.create({"name": "Ada"})
    first = AgPost.create({"user_id": ada.id, "title": "First"})
    second = AgPost.create({"user_id": ada.id, "title": "Second"})
    AgPost.create({"user_id": ada.id, "title": "Empty"})
    for votes, approved in [(3, True), (5, False), (10, True)]:
        AgComment.create({"post_id": first.id, "votes": votes, "approved": approved})
    AgComment.create({"post_id": second.id, "votes": 7, "approved": False})
    root = AgCategory.create({"name": "root"})
    AgCategory.create({"name": "a", "parent_id": root.id})
    AgCategory.create({"name": "b", "parent_id": root.id})
    return eloquent


def test_with_count_sql(blog: t.Any, db_driver: str) -> None:
    assert AgPost.with_count("comments").to_sql() == sql(
        db_driver,
        'select "posts".*, (select count(*) from "comments" where "posts"."id" = '
        '"comments"."post_id") as "comments_count" from "posts"',
    )


def test_with_count_values(blog: t.Any) -> None:
    posts = AgPost.with_count("comments").order_by("id").get()
    assert [int(p.comments_count) for p in posts] == [3, 1, 0]
    assert [p.title for p in posts] == ["First", "Second", "Empty"]


def test_with_count_keeps_selected_columns(blog: t.Any, db_driver: str) -> None:
    query = AgPost.select("id").with_count("comments")
    assert query.to_sql().startswith(sql(db_driver, 'select "id", (select count(*)'))
    rows = query.order_by("id").get()
    assert [(p.id, int(p.comments_count)) for p in rows] == [(1, 3), (2, 1), (3, 0)]


def test_with_count_aliases_and_constraints(blog: t.Any) -> None:
    posts = (
        AgPost.with_count(
            "comments",
            {
                "comments as approved_comments_count": lambda q: q.where(
                    "approved", True
                )
            },
        )
        .order_by("id")
        .get()
    )
    assert [int(p.comments_count) for p in posts] == [3, 1, 0]
    assert [int(p.approved_comments_count) for p in posts] == [2, 0, 0]
    listed = AgPost.with_count(["comments as total"]).order_by("id").first()
    assert int(listed.total) == 3


def test_sum_min_max_avg(blog: t.Any, db_driver: str) -> None:
    query = AgPost.with_sum("comments", "votes")
    assert query.to_sql() == sql(
        db_driver,
        'select "posts".*, (select sum("comments"."votes") from "comments" where '
        '"posts"."id" = "comments"."post_id") as "comments_sum_votes" from "posts"',
    )
    posts = (
        AgPost.with_sum("comments", "votes")
        .with_min("comments", "votes")
        .with_max("comments", "votes")
        .with_avg("comments", "votes")
        .order_by("id")
        .get()
    )
    first, second, empty = posts
    assert int(first.comments_sum_votes) == 18
    assert int(first.comments_min_votes) == 3
    assert int(first.comments_max_votes) == 10
    assert float(first.comments_avg_votes) == pytest.approx(6.0)
    assert int(second.comments_sum_votes) == 7
    assert empty.comments_sum_votes is None
    assert empty.comments_max_votes is None


def test_with_aggregate_constraint_through_a_dict(blog: t.Any) -> None:
    post = (
        AgPost.with_sum({"comments": lambda q: q.where("approved", True)}, "votes")
        .order_by("id")
        .first()
    )
    assert int(post.comments_sum_votes) == 13


def test_with_exists(blog: t.Any, db_driver: str) -> None:
    assert AgPost.with_exists("comments").to_sql() == sql(
        db_driver,
        'select "posts".*, exists(select * from "comments" where "posts"."id" = '
        '"comments"."post_id") as "comments_exists" from "posts"',
    )
    posts = AgPost.with_exists("comments").order_by("id").get()
    assert [p.comments_exists for p in posts] == [True, True, False]
    assert all(isinstance(p.comments_exists, bool) for p in posts)


def test_with_count_on_a_belongs_to(blog: t.Any) -> None:
    post = AgPost.with_count("user").order_by("id").first()
    assert int(post.user_count) == 1


def test_self_relation_counts_use_an_alias(blog: t.Any, db_driver: str) -> None:
    query = AgCategory.with_count("children")
    assert "laravel_reserved_" in query.to_sql()
    counts = {
        c.name: int(c.children_count) for c in AgCategory.with_count("children").get()
    }
    assert counts == {"root": 2, "a": 0, "b": 0}
    sums = AgCategory.with_max("children", "id").where("name", "root").first()
    assert int(sums.children_max_id) == 3


def test_model_default_with_count(blog: t.Any) -> None:
    posts = AgCountingPost.order_by("id").get()
    assert [int(p.comments_count) for p in posts] == [3, 1, 0]


def test_empty_relations_change_nothing(blog: t.Any, db_driver: str) -> None:
    assert AgPost.with_count([]).to_sql() == sql(db_driver, 'select * from "posts"')


def test_load_count_on_models_and_collections(blog: t.Any) -> None:
    posts = AgPost.order_by("id").get()
    posts.load_count("comments")
    assert [int(p.comments_count) for p in posts] == [3, 1, 0]
    post = AgPost.find(1)
    post.load_count({"comments": lambda q: q.where("votes", ">", 4)})
    assert int(post.comments_count) == 2


def test_has_and_with_count_together(blog: t.Any) -> None:
    users = AgUser.has("posts", ">=", 3).with_count("posts").get()
    assert [int(u.posts_count) for u in users] == [3]


def test_with_aggregate_without_a_function_selects_a_related_value(
    blog: t.Any, db_driver: str
) -> None:
    query = AgPost.with_aggregate("user", "name")
    assert query.to_sql() == sql(
        db_driver,
        'select "posts".*, (select name from "users" where "posts"."user_id" = '
        '"users"."id" limit 1) as "user_name" from "posts"',
    )
    assert query.order_by("id").first().user_name == "Ada"


def test_aggregate_over_an_expression(blog: t.Any) -> None:
    from protevus.database.query.expression import Expression

    post = (
        AgPost.with_aggregate("comments", Expression("votes * 2"), "sum")
        .order_by("id")
        .first()
    )
    assert int(post.comments_sum_votes2) == 36  # Laravel's alias drops the '*'
