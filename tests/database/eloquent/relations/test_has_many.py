"""HasMany: the SQL it builds, lazy results, eager hooks, existence queries and writes."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.exceptions import MassAssignmentError
from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.has_many import HasMany
from protevus.database.eloquent.relations.has_one import HasOne
from protevus.database.eloquent.relations.relation import Relation


class HmPost(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def comments(self) -> HasMany:
        return self.has_many(HmComment, "post_id")

    def approved_comments(self) -> HasMany:
        return self.has_many(HmComment, "post_id").where("approved", True)

    def by_slug(self) -> HasMany:
        return self.has_many(HmComment, "post_slug", "slug")


class HmComment(Model):
    table = "comments"
    fillable: t.ClassVar[list[str]] = ["body", "approved", "post_id"]
    timestamps = False


class HmCategory(Model):
    table = "categories"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def children(self) -> HasMany:
        return self.has_many(HmCategory, "parent_id")


def sql(driver: str, text: str) -> str:
    return text.replace('"', "`") if driver == "mysql" else text


def queries(connection: t.Any) -> list[str]:
    return [entry["query"] for entry in connection.get_query_log()]


@pytest.fixture
def blog(eloquent: t.Any) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    with schema.create("posts") as table:
        table.id()
        table.string("title")
        table.string("slug").nullable()
    with schema.create("comments") as table:
        table.id()
        table.integer("post_id").nullable()
        table.string("post_slug").nullable()
        table.string("body")
        table.boolean("approved").default(False)
        table.unique(["post_id", "body"])
    with schema.create("categories") as table:
        table.id()
        table.integer("parent_id").nullable()
        table.string("name")
    first = HmPost.create({"title": "First", "slug": "first"})
    second = HmPost.create({"title": "Second", "slug": "second"})
    HmPost.create({"title": "Empty"})
    HmComment.create({"post_id": first.id, "body": "a", "approved": True})
    HmComment.create({"post_id": first.id, "body": "b"})
    HmComment.create({"post_id": second.id, "body": "c", "approved": True})
    connection = eloquent.connection()
    connection.enable_query_log()
    connection.flush_query_log()
    return connection


def test_relation_query_sql(eloquent: t.Any, db_driver: str) -> None:
    post = HmPost({"id": 7})
    relation = post.comments()
    assert isinstance(relation, HasMany)
    assert relation.to_sql() == sql(
        db_driver,
        'select * from "comments" where "comments"."post_id" = ? and "comments"."post_id" is not null',
    )
    assert relation.get_bindings() == [7]


def test_lazy_results_and_caching(blog: t.Any) -> None:
    post = HmPost.find(1)
    blog.flush_query_log()
    comments = post.comments
    assert [c.body for c in comments] == ["a", "b"]
    assert all(isinstance(c, HmComment) for c in comments)
    assert len(blog.get_query_log()) == 1
    assert post.relation_loaded("comments")
    assert post.comments is comments
    assert [c.body for c in post.comments] == ["a", "b"]
    assert len(blog.get_query_log()) == 1


def test_constrained_relation_method(blog: t.Any) -> None:
    post = HmPost.find(1)
    assert [c.body for c in post.approved_comments] == ["a"]
    assert [c.body for c in post.comments().where("approved", False).get()] == ["b"]
    assert post.comments().count() == 2


def test_null_parent_key_gives_empty_collection_without_query(blog: t.Any) -> None:
    post = HmPost()
    blog.flush_query_log()
    assert len(post.comments) == 0
    assert post.comments().get_results().is_empty()
    assert blog.get_query_log() == []


def test_custom_local_key(blog: t.Any) -> None:
    comment = HmComment()
    comment.force_fill({"post_slug": "second", "body": "by slug"}).save()
    post = HmPost.find(2)
    assert [c.body for c in post.by_slug] == ["by slug"]


def test_eager_hooks_build_one_query_and_match(blog: t.Any, db_driver: str) -> None:
    posts = HmPost.order_by("id").get().all()
    relation = Relation.no_constraints(lambda: HmPost().comments())
    relation.add_eager_constraints(posts)
    assert relation.to_sql() == sql(
        db_driver, 'select * from "comments" where "comments"."post_id" in (1, 2, 3)'
    )
    relation.init_relation(posts, "comments")
    relation.match(posts, relation.get_eager(), "comments")
    assert [[c.body for c in p.get_relation("comments")] for p in posts] == [
        ["a", "b"],
        ["c"],
        [],
    ]


def test_eager_with_no_keys_runs_no_query(blog: t.Any) -> None:
    relation = Relation.no_constraints(lambda: HmPost().by_slug())
    relation.add_eager_constraints([])
    blog.flush_query_log()
    assert relation.get_eager().is_empty()
    assert blog.get_query_log() == []


def test_existence_queries(eloquent: t.Any, db_driver: str) -> None:
    relation = Relation.no_constraints(lambda: HmPost().comments())
    exists = relation.get_relation_existence_query(HmComment.query(), HmPost.query())
    assert exists.to_sql() == sql(
        db_driver, 'select * from "comments" where "posts"."id" = "comments"."post_id"'
    )
    count = relation.get_relation_existence_count_query(
        HmComment.query(), HmPost.query()
    )
    assert count.to_sql() == sql(
        db_driver,
        'select count(*) from "comments" where "posts"."id" = "comments"."post_id"',
    )


def test_self_relation_existence_query_aliases_the_table(
    eloquent: t.Any, db_driver: str
) -> None:
    relation = Relation.no_constraints(lambda: HmCategory().children())
    built = relation.get_relation_existence_query(
        HmCategory.query(), HmCategory.query()
    )
    alias = built.get_query().from_value.split(" as ")[-1]
    assert alias.startswith("laravel_reserved_")
    assert built.to_sql() == sql(
        db_driver,
        f'select * from "categories" as "{alias}" where "categories"."id" = "{alias}"."parent_id"',
    )


def test_create_and_save_set_the_foreign_key(blog: t.Any) -> None:
    post = HmPost.find(3)
    created = post.comments().create({"body": "new"})
    assert created.exists and created.post_id == 3
    saved = post.comments().save(HmComment({"body": "saved"}))
    assert saved is not False and saved.post_id == 3
    many = post.comments().save_many(
        [HmComment({"body": "x"}), HmComment({"body": "y"})]
    )
    assert [c.post_id for c in many] == [3, 3]
    made = post.comments().create_many([{"body": "m1"}, {"body": "m2"}])
    assert [c.body for c in made] == ["m1", "m2"]
    assert post.comments().count() == 6


def test_make_does_not_save(blog: t.Any) -> None:
    post = HmPost.find(3)
    made = post.comments().make({"body": "draft"})
    assert made.post_id == 3 and not made.exists
    assert [
        m.post_id for m in post.comments().make_many([{"body": "1"}, {"body": "2"}])
    ] == [3, 3]
    assert post.comments().count() == 0


def test_create_respects_mass_assignment_and_force_create_does_not(blog: t.Any) -> None:
    post = HmPost.find(3)
    with pytest.raises(MassAssignmentError):
        HmComment.prevent_silently_discarding_attributes(True)
        try:
            post.comments().create({"body": "x", "id": 99})
        finally:
            HmComment.prevent_silently_discarding_attributes(False)
    forced = post.comments().force_create({"body": "forced", "id": 99})
    assert forced.id == 99 and forced.post_id == 3


def test_first_or_new_first_or_create_update_or_create(blog: t.Any) -> None:
    post = HmPost.find(1)
    found = post.comments().first_or_new({"body": "a"})
    assert found.exists and found.id == 1
    fresh = post.comments().first_or_new({"body": "zzz"}, {"approved": True})
    assert not fresh.exists and fresh.post_id == 1 and fresh.approved is True
    created = post.comments().first_or_create({"body": "c"})
    assert created.was_recently_created and created.post_id == 1
    assert post.comments().first_or_create({"body": "c"}).id == created.id
    updated = post.comments().update_or_create({"body": "b"}, {"approved": True})
    assert not updated.was_recently_created
    assert HmComment.find(updated.id).approved in (True, 1)
    assert post.comments().count() == 3


def test_create_or_first_finds_on_unique_violation(blog: t.Any) -> None:
    post = HmPost.find(1)
    found = post.comments().create_or_first({"body": "a"})
    assert found.id == 1


def test_find_or_new(blog: t.Any) -> None:
    post = HmPost.find(1)
    assert post.comments().find_or_new(2).body == "b"
    missing = post.comments().find_or_new(3)
    assert not missing.exists and missing.post_id == 1


def test_upsert_adds_the_parent_key(blog: t.Any) -> None:
    post = HmPost.find(3)
    post.comments().upsert(
        [{"body": "u1"}, {"body": "u2"}], ["post_id", "body"], ["approved"]
    )
    assert sorted(c.body for c in post.comments().get()) == ["u1", "u2"]


def test_one_turns_has_many_into_has_one(blog: t.Any) -> None:
    post = HmPost.find(1)
    one = post.comments().one()
    assert isinstance(one, HasOne)
    assert one.get_results().body == "a"


def test_forwarded_builder_calls_return_the_relation(blog: t.Any) -> None:
    post = HmPost.find(1)
    relation = post.comments()
    assert relation.where("approved", True) is relation
    assert relation.order_by("id").pluck("body").all() == ["a"]
    assert relation.get_parent() is post
    assert isinstance(relation.get_related(), HmComment)
    assert relation.get_foreign_key_name() == "post_id"
    assert relation.get_qualified_foreign_key_name() == "comments.post_id"
    assert relation.get_qualified_parent_key_name() == "posts.id"
    assert relation.getLocalKeyName() == "id"
