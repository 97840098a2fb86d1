"""BelongsTo: SQL, guessed keys, defaults, associate/dissociate, eager hooks, touches."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.belongs_to import BelongsTo
from protevus.database.eloquent.relations.relation import Relation


class BtUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class BtPost(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []
    touches: t.ClassVar[list[str]] = []

    def author(self) -> BelongsTo:
        return self.belongs_to(BtUser)  # guessed key: author_id

    def writer(self) -> BelongsTo:
        return self.belongs_to(BtUser, "author_id").with_default({"name": "Guest"})

    def owner(self) -> BelongsTo:
        return self.belongs_to(BtUser, "author_id").with_default(
            lambda user, post: user.force_fill({"name": f"Owner of {post.title}"})
        )

    def by_name(self) -> BelongsTo:
        return self.belongs_to(BtUser, "author_name", "name")


class BtComment(Model):
    table = "comments"
    guarded: t.ClassVar[list[str]] = []
    touches: t.ClassVar[list[str]] = ["post"]

    def post(self) -> BelongsTo:
        return self.belongs_to(BtPost, "post_id")


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
        table.integer("author_id").nullable()
        table.string("author_name").nullable()
        table.string("title")
        table.timestamps()
    with schema.create("comments") as table:
        table.id()
        table.integer("post_id").nullable()
        table.string("body")
        table.timestamps()
    ada = BtUser.create({"name": "Ada"})
    bob = BtUser.create({"name": "Bob"})
    BtPost.create({"author_id": ada.id, "author_name": "Bob", "title": "First"})
    BtPost.create({"author_id": bob.id, "title": "Second"})
    BtPost.create({"title": "Orphan"})
    connection = eloquent.connection()
    connection.enable_query_log()
    connection.flush_query_log()
    return connection


def test_sql_and_guessed_foreign_key(eloquent: t.Any, db_driver: str) -> None:
    post = BtPost({"author_id": 5})
    relation = post.relation("author")
    assert isinstance(relation, BelongsTo)
    assert relation.get_foreign_key_name() == "author_id"
    assert relation.get_owner_key_name() == "id"
    assert relation.get_relation_name() == "author"
    assert relation.to_sql() == sql(
        db_driver, 'select * from "users" where "users"."id" = ?'
    )
    assert relation.get_bindings() == [5]


def test_lazy_load_returns_the_owner_or_none(blog: t.Any) -> None:
    first, _, orphan = BtPost.order_by("id").get()
    blog.flush_query_log()
    assert first.author.name == "Ada"
    assert first.author is first.get_relation("author")
    assert len(blog.get_query_log()) == 1
    assert orphan.author is None
    assert len(blog.get_query_log()) == 1  # a null key runs no query
    assert orphan.relation_loaded("author")


def test_custom_owner_key(blog: t.Any) -> None:
    assert BtPost.find(1).by_name.name == "Bob"


def test_with_default_dict_and_callable(blog: t.Any) -> None:
    orphan = BtPost.find(3)
    assert orphan.writer.name == "Guest"
    assert not orphan.writer.exists
    assert orphan.owner.name == "Owner of Orphan"
    assert BtPost.find(1).writer.name == "Ada"


def test_with_default_true_gives_an_empty_model(blog: t.Any) -> None:
    orphan = BtPost.find(3)
    default = orphan.relation("author").with_default().get_results()
    assert isinstance(default, BtUser) and not default.exists


def test_associate_and_dissociate(blog: t.Any) -> None:
    orphan = BtPost.find(3)
    bob = BtUser.find(2)
    returned = orphan.relation("author").associate(bob)
    assert returned is orphan
    assert orphan.author_id == 2
    assert orphan.author is bob
    orphan.save()
    assert BtPost.find(3).author_id == 2
    orphan.relation("author").associate(1)
    assert orphan.author_id == 1
    assert not orphan.relation_loaded("author")
    assert orphan.author.name == "Ada"
    orphan.relation("author").dissociate()
    assert orphan.author_id is None and orphan.author is None


def test_class_level_access_gives_the_relation(blog: t.Any) -> None:
    post = BtPost.find(1)
    relation = BtPost.author(post)
    assert isinstance(relation, BelongsTo)
    assert relation.first().name == "Ada"


def test_eager_hooks(blog: t.Any, db_driver: str) -> None:
    posts = BtPost.order_by("id").get().all()
    relation = Relation.no_constraints(lambda: BtPost().relation("author"))
    relation.add_eager_constraints(posts)
    assert relation.to_sql() == sql(
        db_driver, 'select * from "users" where "users"."id" in (1, 2)'
    )
    relation.match(
        relation.init_relation(posts, "author"), relation.get_eager(), "author"
    )
    assert [
        p.get_relation("author") and p.get_relation("author").name for p in posts
    ] == [
        "Ada",
        "Bob",
        None,
    ]


def test_eager_with_only_null_keys_runs_no_query(blog: t.Any) -> None:
    orphan = BtPost.find(3)
    relation = Relation.no_constraints(lambda: BtPost().relation("author"))
    relation.add_eager_constraints([orphan])
    blog.flush_query_log()
    assert relation.get_eager().is_empty()
    assert blog.get_query_log() == []


def test_eager_with_string_owner_key_uses_bindings(blog: t.Any, db_driver: str) -> None:
    posts = BtPost.order_by("id").get().all()
    relation = Relation.no_constraints(lambda: BtPost().relation("by_name"))
    relation.add_eager_constraints(posts)
    assert relation.to_sql() == sql(
        db_driver, 'select * from "users" where "users"."name" in (?)'
    )
    relation.match(
        relation.init_relation(posts, "by_name"), relation.get_eager(), "by_name"
    )
    assert posts[0].get_relation("by_name").name == "Bob"


def test_existence_query(eloquent: t.Any, db_driver: str) -> None:
    relation = Relation.no_constraints(lambda: BtPost().relation("author"))
    built = relation.get_relation_existence_query(BtUser.query(), BtPost.query())
    assert built.to_sql() == sql(
        db_driver, 'select * from "users" where "posts"."author_id" = "users"."id"'
    )


def test_is_and_is_not(blog: t.Any) -> None:
    post = BtPost.find(1)
    assert post.relation("author").is_(BtUser.find(1))
    assert post.relation("author").is_not(BtUser.find(2))
    assert post.relation("author").is_not(None)
    assert not BtPost.find(3).relation("author").is_(BtUser.find(1))


def test_touch_owners_updates_the_parent_timestamp(blog: t.Any) -> None:
    post = BtPost.find(1)
    BtPost.query().where("id", 1).update({"updated_at": "2000-01-01 00:00:00"})
    comment = BtComment.create({"post_id": post.id, "body": "hi"})
    assert comment.touches_relation("post")
    assert str(BtPost.find(1).updated_at)[:4] != "2000"


def test_touch_skips_a_missing_owner(blog: t.Any) -> None:
    comment = BtComment({"body": "no post"})
    comment.relation("post").touch()  # no owner key: nothing to update
    assert comment.save()


def test_hidden_and_visible_apply_to_loaded_relations(blog: t.Any) -> None:
    post = BtPost.with_("author").where("title", "First").first()
    assert post is not None
    assert post.to_array()["author"]["name"] == "Ada"

    post.make_hidden("author")
    assert "author" not in post.to_array()
    post.make_visible("author").set_visible(["title"])
    assert set(post.to_array()) == {"title"}
