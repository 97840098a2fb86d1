"""Eager loading: with_, nested and constrained loads, column selection, load()."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.exceptions import RelationNotFoundError
from protevus.database.eloquent.model import Model


class ElUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def posts(self):  # type: ignore[no-untyped-def]
        return self.has_many(ElPost, "user_id")

    def profile(self):  # type: ignore[no-untyped-def]
        return self.has_one(ElProfile, "user_id")


class ElProfile(Model):
    table = "profiles"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class ElPost(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def user(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(ElUser, "user_id")

    def comments(self):  # type: ignore[no-untyped-def]
        return self.has_many(ElComment, "post_id")


class ElComment(Model):
    table = "comments"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def author(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(ElUser, "user_id")

    def post(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(ElPost, "post_id")


class ElPostWithUser(ElPost):
    """A post that always eager loads its user (Laravel's ``$with``)."""

    table = "posts"
    with_: t.ClassVar[list[str]] = ["user"]


def sql(driver: str, text: str) -> str:
    return text.replace('"', "`") if driver == "mysql" else text


@pytest.fixture
def blog(eloquent: t.Any) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name")
    with schema.create("profiles") as table:
        table.id()
        table.integer("user_id")
        table.string("bio")
    with schema.create("posts") as table:
        table.id()
        table.integer("user_id")
        table.string("title")
    with schema.create("comments") as table:
        table.id()
        table.integer("post_id")
        table.integer("user_id")
        table.string("body")
    ada = ElUser.create({"name": "Ada"})
    bob = ElUser.create({"name": "Bob"})
    ElProfile.create({"user_id": ada.id, "bio": "Maths"})
    first = ElPost.create({"user_id": ada.id, "title": "First"})
    second = ElPost.create({"user_id": bob.id, "title": "Second"})
    ElPost.create({"user_id": ada.id, "title": "Empty"})
    ElComment.create({"post_id": first.id, "user_id": bob.id, "body": "nice"})
    ElComment.create({"post_id": first.id, "user_id": ada.id, "body": "thanks"})
    ElComment.create({"post_id": second.id, "user_id": ada.id, "body": "hello"})
    connection = eloquent.connection()
    connection.enable_query_log()
    connection.flush_query_log()
    return connection


def queries(connection: t.Any) -> list[str]:
    return [entry["query"] for entry in connection.get_query_log()]


def test_with_loads_a_relation_in_one_query(blog: t.Any, db_driver: str) -> None:
    posts = ElPost.with_("comments").order_by("id").get()
    assert queries(blog) == [
        sql(db_driver, 'select * from "posts" order by "id" asc'),
        sql(
            db_driver,
            'select * from "comments" where "comments"."post_id" in (1, 2, 3)',
        ),
    ]
    assert [p.relation_loaded("comments") for p in posts] == [True, True, True]
    assert [[c.body for c in p.comments] for p in posts] == [
        ["nice", "thanks"],
        ["hello"],
        [],
    ]
    assert len(queries(blog)) == 2  # reading loaded relations runs no query


def test_with_several_relations_and_to_one_values(blog: t.Any) -> None:
    users = ElUser.with_("posts", "profile").order_by("id").get()
    assert len(queries(blog)) == 3
    assert users[0].profile.bio == "Maths"
    assert users[1].profile is None
    assert [p.title for p in users[0].posts] == ["First", "Empty"]
    assert len(queries(blog)) == 3


def test_nested_eager_loading_runs_one_query_per_level(
    blog: t.Any, db_driver: str
) -> None:
    users = ElUser.with_("posts.comments.author").order_by("id").get()
    log = queries(blog)
    assert len(log) == 4
    assert log[1] == sql(
        db_driver, 'select * from "posts" where "posts"."user_id" in (1, 2)'
    )
    assert log[3] == sql(
        db_driver, 'select * from "users" where "users"."id" in (1, 2)'
    )
    authors = [c.author.name for c in users[0].posts[0].comments]
    assert authors == ["Bob", "Ada"]
    assert len(queries(blog)) == 4


def test_constrained_eager_load(blog: t.Any) -> None:
    posts = (
        ElPost.with_({"comments": lambda q: q.where("body", "<>", "nice")})
        .order_by("id")
        .get()
    )
    assert [[c.body for c in p.comments] for p in posts] == [["thanks"], ["hello"], []]
    posts = (
        ElPost.with_("comments", lambda q: q.order_by("body", "desc"))
        .order_by("id")
        .get()
    )
    assert [c.body for c in posts[0].comments] == ["thanks", "nice"]


def test_constraint_on_a_nested_level(blog: t.Any) -> None:
    users = (
        ElUser.with_({"posts.comments": lambda q: q.where("body", "hello")})
        .order_by("id")
        .get()
    )
    assert [p.title for p in users[0].posts] == ["First", "Empty"]
    assert [[c.body for c in p.comments] for p in users[1].posts] == [["hello"]]
    assert [[c.body for c in p.comments] for p in users[0].posts] == [[], []]


def test_earlier_parent_constraint_survives_a_nested_with(blog: t.Any) -> None:
    users = (
        ElUser.with_({"posts": lambda q: q.where("title", "First")})
        .with_("posts.comments")
        .order_by("id")
        .get()
    )
    assert [p.title for p in users[0].posts] == ["First"]
    assert len(users[0].posts[0].comments) == 2


def test_nested_lists_of_relations(blog: t.Any) -> None:
    posts = ElPost.with_({"comments": ["author", "post"]}).order_by("id").get()
    assert len(queries(blog)) == 4
    assert posts[0].comments[0].author.name == "Bob"
    assert posts[0].comments[0].post.title == "First"


def test_selecting_columns_of_an_eager_load(blog: t.Any, db_driver: str) -> None:
    posts = ElPost.with_("user:id,name").order_by("id").get()
    assert queries(blog)[1] == sql(
        db_driver, 'select "id", "name" from "users" where "users"."id" in (1, 2)'
    )
    assert posts[0].user.name == "Ada"


def test_without_with_only_and_model_defaults(blog: t.Any) -> None:
    posts = ElPostWithUser.order_by("id").get()
    assert len(queries(blog)) == 2
    assert posts[0].relation_loaded("user")
    blog.flush_query_log()
    posts = ElPostWithUser.without("user").order_by("id").get()
    assert len(queries(blog)) == 1
    assert not posts[0].relation_loaded("user")
    blog.flush_query_log()
    posts = ElPostWithUser.with_only("comments").order_by("id").get()
    assert len(queries(blog)) == 2
    assert posts[0].relation_loaded("comments") and not posts[0].relation_loaded("user")


def test_eager_loads_are_inspectable(blog: t.Any) -> None:
    query = ElUser.with_("posts.comments", "profile:id,bio")
    assert list(query.get_eager_loads()) == ["posts", "posts.comments", "profile"]
    query.without_eager_loads()
    assert query.get_eager_loads() == {}
    assert ElUser.query().withOnly("posts").getEagerLoads().keys() == {"posts"}


def test_no_relation_query_when_nothing_matched(blog: t.Any) -> None:
    assert len(ElPost.with_("comments").where("title", "None").get()) == 0
    assert len(queries(blog)) == 1


def test_first_and_find_eager_load(blog: t.Any) -> None:
    post = ElPost.with_("comments.author").find(1)
    assert [c.author.name for c in post.comments] == ["Bob", "Ada"]
    first = ElPost.with_("user").where("title", "Second").first()
    assert first.user.name == "Bob"
    assert len(queries(blog)) == 5


def test_unknown_relations_raise(blog: t.Any) -> None:
    with pytest.raises(RelationNotFoundError, match=r"undefined relationship \[nope\]"):
        ElPost.with_("nope").get()
    with pytest.raises(RelationNotFoundError, match=r"\[nope\]"):
        ElPost.with_("comments.nope").get()


def test_bad_with_arguments_raise(blog: t.Any) -> None:
    with pytest.raises(TypeError, match="must be callable"):
        ElPost.with_({"comments": 3})
    with pytest.raises(TypeError, match="must be strings"):
        ElPost.with_(3)


def test_load_and_load_missing_on_models_and_collections(blog: t.Any) -> None:
    posts = ElPost.order_by("id").get()
    blog.flush_query_log()
    posts.load("comments.author")
    assert len(queries(blog)) == 2
    assert posts[0].comments[0].author.name == "Bob"
    posts.load_missing("comments", "user")
    assert len(queries(blog)) == 3  # only the user relation was missing
    post = ElPost.find(2)
    blog.flush_query_log()
    post.load({"comments": lambda q: q.where("body", "hello")})
    assert [c.body for c in post.comments] == ["hello"]
    assert len(queries(blog)) == 1


def test_eager_load_relations_on_a_builder(blog: t.Any) -> None:
    posts = list(ElPost.order_by("id").get())
    blog.flush_query_log()
    loaded = ElPost.with_("user").eager_load_relations(posts)
    assert [p.user.name for p in loaded] == ["Ada", "Bob", "Ada"]
    assert len(queries(blog)) == 1
    assert ElPost.with_("user").eager_load_relations([]) == []
    assert len(queries(blog)) == 1


def test_relation_queries_eager_load_too(blog: t.Any) -> None:
    ada = ElUser.find(1)
    blog.flush_query_log()
    posts = ada.posts().with_("comments.author").order_by("id").get()
    assert len(queries(blog)) == 3
    assert [[c.author.name for c in p.comments] for p in posts] == [["Bob", "Ada"], []]
    assert len(queries(blog)) == 3


def test_eager_loaded_models_serialize_their_relations(blog: t.Any) -> None:
    post = ElPost.with_("user:id,name", "comments").find(2)
    data = post.to_array()
    assert data["user"] == {"id": 2, "name": "Bob"}
    assert [c["body"] for c in data["comments"]] == ["hello"]
