"""The blog acceptance test: every relation type, nested eager loading, counts, pivots.

Users write posts, posts have comments and tags (a pivot table), posts and comments
collect polymorphic likes. Each scenario asserts the exact number of queries, so an
N+1 regression in eager loading fails here on every database.
"""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.exceptions import LazyLoadingViolationError
from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.relation import Relation


class User(Model):
    guarded: t.ClassVar[list[str]] = []

    def profile(self):  # type: ignore[no-untyped-def]
        return self.has_one(Profile)

    def posts(self):  # type: ignore[no-untyped-def]
        return self.has_many(Post)

    def comments(self):  # type: ignore[no-untyped-def]
        return self.has_many(Comment)

    def latest_post(self):  # type: ignore[no-untyped-def]
        return self.has_one(Post).latest_of_many()

    def post_comments(self):  # type: ignore[no-untyped-def]
        return self.has_many_through(Comment, Post)

    def likes(self):  # type: ignore[no-untyped-def]
        return self.has_many(Like)


class Profile(Model):
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def user(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(User)


class Post(Model):
    guarded: t.ClassVar[list[str]] = []

    def user(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(User)

    def comments(self):  # type: ignore[no-untyped-def]
        return self.has_many(Comment)

    def tags(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(Tag).with_timestamps()

    def likes(self):  # type: ignore[no-untyped-def]
        return self.morph_many(Like, "likeable")


class Comment(Model):
    guarded: t.ClassVar[list[str]] = []

    def post(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(Post)

    def author(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(User, "user_id")

    def likes(self):  # type: ignore[no-untyped-def]
        return self.morph_many(Like, "likeable")


class Tag(Model):
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def posts(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(Post)


class Like(Model):
    guarded: t.ClassVar[list[str]] = []

    def likeable(self):  # type: ignore[no-untyped-def]
        return self.morph_to()

    def user(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(User)


@pytest.fixture
def blog(eloquent: t.Any) -> t.Iterator[t.Any]:
    """Create and fill the blog tables; yield the connection with the query log on."""
    saved_map = dict(Relation.morph_map())
    Relation.morph_map({"post": Post, "comment": Comment})
    schema = eloquent.connection().get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name")
        table.timestamps()
    with schema.create("profiles") as table:
        table.id()
        table.foreign_id("user_id")
        table.string("bio")
    with schema.create("posts") as table:
        table.id()
        table.foreign_id("user_id")
        table.string("title")
        table.timestamps()
    with schema.create("comments") as table:
        table.id()
        table.foreign_id("post_id")
        table.foreign_id("user_id")
        table.string("body")
        table.timestamps()
    with schema.create("tags") as table:
        table.id()
        table.string("name")
    with schema.create("post_tag") as table:
        table.foreign_id("post_id")
        table.foreign_id("tag_id")
        table.timestamps()
    with schema.create("likes") as table:
        table.id()
        table.foreign_id("user_id")
        table.morphs("likeable")
        table.timestamps()

    ada, bob, cy = (User.create({"name": name}) for name in ("Ada", "Bob", "Cy"))
    Profile.create({"user_id": ada.id, "bio": "Mathematician"})
    Profile.create({"user_id": bob.id, "bio": "Builder"})
    news, code, ideas = (
        Tag.create({"name": name}) for name in ("news", "code", "ideas")
    )
    readers = [ada, bob, cy]
    for author, titles in ((ada, ("Engines", "Notes")), (bob, ("Bridges", "Cranes"))):
        for title in titles:
            post = author.posts().create({"title": title})
            for index in range(3):
                reader = readers[index]
                comment = post.comments().create(
                    {"user_id": reader.id, "body": f"{title} #{index + 1}"}
                )
                if index == 0:
                    comment.likes().create({"user_id": author.id})
            post.likes().create({"user_id": cy.id})
    Post.where("title", "Engines").first().tags().attach([news.id, code.id])
    Post.where("title", "Bridges").first().tags().attach([code.id])

    connection = eloquent.connection()
    connection.enable_query_log()
    connection.flush_query_log()
    yield connection
    Model.prevent_lazy_loading(False)
    Relation._morph_map = saved_map


def count(connection: t.Any) -> int:
    """Return how many queries ran since the last flush, then flush."""
    ran = len(connection.get_query_log())
    connection.flush_query_log()
    return ran


def test_nested_eager_loading_runs_one_query_per_relation(blog: t.Any) -> None:
    posts = Post.with_(
        "user", "tags", "comments.author", "comments.likes", "likes.user"
    ).get()
    # posts, users, tags, comments, comment authors, comment likes, likes, like users
    assert count(blog) == 8
    summary = {
        post.title: (
            post.user.name,
            sorted(tag.name for tag in post.tags),
            [(c.body, c.author.name, len(c.likes)) for c in post.comments],
            [like.user.name for like in post.likes],
        )
        for post in posts
    }
    assert summary["Engines"] == (
        "Ada",
        ["code", "news"],
        [("Engines #1", "Ada", 1), ("Engines #2", "Bob", 0), ("Engines #3", "Cy", 0)],
        ["Cy"],
    )
    assert summary["Cranes"][1] == []
    assert count(blog) == 0  # everything above was already loaded


def test_lazy_loading_is_the_n_plus_one_the_eager_load_avoids(blog: t.Any) -> None:
    posts = Post.all()
    bodies = [len(post.comments) for post in posts]
    assert bodies == [3, 3, 3, 3]
    assert count(blog) == 1 + 4
    assert [len(post.comments) for post in Post.with_("comments").get()] == bodies
    assert count(blog) == 2


def test_prevent_lazy_loading_catches_the_n_plus_one(blog: t.Any) -> None:
    Model.prevent_lazy_loading(True)
    posts = Post.all()
    with pytest.raises(LazyLoadingViolationError, match=r"\[comments\]"):
        len(posts[0].comments)  # to-many values load (and are guarded) on first use
    # A single retrieved model may still lazy load (Laravel's rule).
    single = Post.find(1)
    assert len(single.comments) == 3
    eager = Post.with_("comments").get()
    assert len(eager[0].comments) == 3


def test_counts_and_to_one_relations(blog: t.Any) -> None:
    users = (
        User.with_count("posts", "comments")
        .with_("profile", "latest_post")
        .order_by("id")
        .get()
    )
    assert count(blog) == 3
    rows = [
        (
            u.name,
            int(u.posts_count),
            int(u.comments_count),
            u.profile.bio if u.profile else None,
            u.latest_post.title if u.latest_post else None,
        )
        for u in users
    ]
    assert rows == [
        ("Ada", 2, 4, "Mathematician", "Notes"),
        ("Bob", 2, 4, "Builder", "Cranes"),
        ("Cy", 0, 4, None, None),
    ]
    assert count(blog) == 0


def test_relation_queries(blog: t.Any) -> None:
    assert sorted(u.name for u in User.has("posts").get()) == ["Ada", "Bob"]
    assert [u.name for u in User.doesnt_have("posts").get()] == ["Cy"]
    tagged = (
        Post.where_has("tags", lambda q: q.where("name", "code")).order_by("id").get()
    )
    assert [p.title for p in tagged] == ["Engines", "Bridges"]
    assert [p.title for p in Post.doesnt_have("tags").order_by("id").get()] == [
        "Notes",
        "Cranes",
    ]
    liked = Comment.has("likes").order_by("id").get()
    assert len(liked) == 4
    by_bob_readers = User.where_has(
        "posts.comments.author", lambda q: q.where("name", "Bob")
    )
    assert sorted(u.name for u in by_bob_readers.get()) == ["Ada", "Bob"]
    liked_posts = Like.where_has_morph(
        "likeable", [Post], lambda q: q.where("title", "Engines")
    )
    assert len(liked_posts.get()) == 1
    assert count(blog) == 7


def test_morph_to_eager_loads_one_query_per_type(blog: t.Any) -> None:
    likes = Like.with_("likeable").order_by("id").get()
    assert count(blog) == 3  # likes, then posts and comments
    kinds = sorted({type(like.likeable).__name__ for like in likes})
    assert kinds == ["Comment", "Post"]
    assert {like.likeable_type for like in likes} == {"post", "comment"}
    assert count(blog) == 0


def test_has_many_through_and_pivot_counts(blog: t.Any) -> None:
    users = User.with_("post_comments").with_count("post_comments").order_by("id").get()
    assert count(blog) == 2
    assert [len(u.post_comments) for u in users] == [6, 6, 0]
    assert [int(u.post_comments_count) for u in users] == [6, 6, 0]
    tags = Tag.with_count("posts").order_by("id").get()
    assert [(tag.name, int(tag.posts_count)) for tag in tags] == [
        ("news", 1),
        ("code", 2),
        ("ideas", 0),
    ]
    assert count(blog) == 1


def test_pivot_operations(blog: t.Any) -> None:
    post = Post.where("title", "Notes").first()
    news, code, ideas = Tag.order_by("id").get()
    count(blog)
    post.tags().attach([news.id, ideas.id])
    assert count(blog) == 1  # one insert for both rows
    result = post.tags().sync([code.id, ideas.id])
    assert sorted(result["attached"]) == [code.id]
    assert sorted(result["detached"]) == [news.id]
    assert result["updated"] == []
    assert sorted(t_.name for t_ in post.tags().get()) == ["code", "ideas"]
    assert post.tags().detach(ideas.id) == 1
    loaded = Post.with_("tags").where("title", "Notes").first()
    assert [tag.name for tag in loaded.tags] == ["code"]
    pivot = loaded.tags[0].pivot
    assert pivot.post_id == post.id and pivot.tag_id == code.id
    assert pivot.created_at is not None


def test_load_on_a_collection_and_a_model(blog: t.Any) -> None:
    posts = Post.order_by("id").get()
    count(blog)
    posts.load("comments.likes", "user")
    assert count(blog) == 3
    assert [len(p.comments) for p in posts] == [3, 3, 3, 3]
    posts.load_missing("comments", "tags")
    assert count(blog) == 1
    user = User.find(1)
    count(blog)
    user.load_count("posts")
    assert int(user.posts_count) == 2
    assert count(blog) == 1


def test_where_belongs_to_and_where_relation(blog: t.Any) -> None:
    ada = User.where("name", "Ada").first()
    count(blog)
    assert sorted(p.title for p in Post.where_belongs_to(ada).get()) == [
        "Engines",
        "Notes",
    ]
    comments = Comment.where_relation("post", "title", "Bridges").order_by("id").get()
    assert [c.body for c in comments] == ["Bridges #1", "Bridges #2", "Bridges #3"]
    assert count(blog) == 2
