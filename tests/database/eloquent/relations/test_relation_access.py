"""Reading relations on models: attributes vs calls, relation(), caching, lazy-loading guard."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.collection import Collection
from protevus.database.eloquent.concerns.has_relationships import RelationDescriptor
from protevus.database.eloquent.concerns.has_relationships import is_relation_method
from protevus.database.eloquent.exceptions import LazyLoadingViolationError
from protevus.database.eloquent.exceptions import RelationNotFoundError
from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.belongs_to import BelongsTo
from protevus.database.eloquent.relations.has_many import HasMany
from protevus.database.eloquent.relations.relation import Relation


class RaUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def posts(self):  # type: ignore[no-untyped-def]
        return self.has_many(RaPost, "user_id")

    def post_count(self) -> int:
        return int(self.posts().count())


class RaPost(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def user(self) -> BelongsTo:
        return self.belongs_to(RaUser, "user_id")

    def comments(self) -> HasMany:
        return self.has_many(RaComment, "post_id")

    def latest_comment(self) -> Relation:
        return self.comments().one().latest_of_many()

    def broken(self) -> Relation:
        return None  # type: ignore[return-value]

    def title_upper(self) -> str:
        return str(self.title).upper()


class RaComment(Model):
    table = "comments"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def post(self) -> BelongsTo:
        return self.belongs_to(RaPost, "post_id")


@pytest.fixture
def blog(eloquent: t.Any) -> t.Iterator[t.Any]:
    schema = eloquent.connection().get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name")
    with schema.create("posts") as table:
        table.id()
        table.integer("user_id").nullable()
        table.string("title")
    with schema.create("comments") as table:
        table.id()
        table.integer("post_id")
        table.string("body")
    ada = RaUser.create({"name": "Ada"})
    first = RaPost.create({"user_id": ada.id, "title": "First"})
    second = RaPost.create({"user_id": ada.id, "title": "Second"})
    RaComment.create({"post_id": first.id, "body": "one"})
    RaComment.create({"post_id": first.id, "body": "two"})
    RaComment.create({"post_id": second.id, "body": "three"})
    connection = eloquent.connection()
    connection.enable_query_log()
    connection.flush_query_log()
    yield connection
    Model.prevent_lazy_loading(False)


def count(connection: t.Any) -> int:
    return len(connection.get_query_log())


def test_relation_methods_become_descriptors() -> None:
    assert isinstance(RaPost.__dict__["comments"], RelationDescriptor)
    assert isinstance(RaPost.__dict__["latest_comment"], RelationDescriptor)
    assert isinstance(RaUser.__dict__["posts"], RelationDescriptor)  # found by its code
    assert isinstance(
        RaPost.__dict__["latestComment"], RelationDescriptor
    )  # camelCase twin
    assert not isinstance(RaPost.__dict__["title_upper"], RelationDescriptor)
    assert not isinstance(RaUser.__dict__["post_count"], RelationDescriptor)
    assert RaPost().is_relation("comments") and not RaPost().is_relation("title")
    assert sorted(RaUser.relation_names()) == ["posts"]


def test_detection_rules() -> None:
    def with_argument(self: t.Any, other: t.Any) -> t.Any:
        return self.has_many(other)

    def annotated(self: t.Any) -> HasMany:
        return self.build()

    def plain(self: t.Any) -> int:
        return 1

    assert not is_relation_method(with_argument)
    assert is_relation_method(annotated)
    assert not is_relation_method(plain)
    assert not is_relation_method(staticmethod(plain))


def test_class_level_access_gives_the_function(blog: t.Any) -> None:
    post = RaPost.find(1)
    assert callable(RaPost.comments)
    assert isinstance(RaPost.comments(post), HasMany)
    assert isinstance(RaPost.user(post), BelongsTo)


def test_to_many_attribute_is_a_callable_collection(blog: t.Any) -> None:
    post = RaPost.find(1)
    blog.flush_query_log()
    relation = post.comments()
    assert isinstance(relation, HasMany)
    assert count(blog) == 0  # calling does not load the collection
    assert not post.relation_loaded("comments")
    comments = post.comments
    assert isinstance(comments, Collection)
    assert [c.body for c in comments] == ["one", "two"]
    assert count(blog) == 1
    assert post.relation_loaded("comments")
    assert post.comments is comments
    assert isinstance(post.comments(), HasMany)
    assert [c.body for c in post.comments().where("body", "two").get()] == ["two"]
    assert count(blog) == 2


def test_create_through_the_call_runs_only_the_insert(blog: t.Any) -> None:
    post = RaPost.find(2)
    blog.flush_query_log()
    post.comments().create({"body": "new"})
    assert [e["query"].split()[0] for e in blog.get_query_log()] == ["insert"]


def test_derived_collections_are_plain(blog: t.Any) -> None:
    post = RaPost.find(1)
    filtered = post.comments.filter(lambda c: c.body == "one")
    assert [c.body for c in filtered] == ["one"]
    with pytest.raises(TypeError):
        filtered()


def test_loaded_collection_is_shared_with_relations(blog: t.Any) -> None:
    post = RaPost.find(1)
    post.comments.push(RaComment({"body": "unsaved"}))
    assert len(post.get_relation("comments")) == 3
    assert len(post.comments) == 3


def test_to_one_attribute(blog: t.Any) -> None:
    post = RaPost.find(1)
    assert post.user.name == "Ada"
    assert post.user is post.get_relation("user")
    orphan = RaPost.create({"title": "Orphan"})
    assert orphan.user is None


def test_relation_by_name(blog: t.Any) -> None:
    post = RaPost.find(1)
    assert isinstance(post.relation("user"), BelongsTo)
    assert isinstance(post.relation("comments"), HasMany)
    with pytest.raises(RelationNotFoundError, match=r"\[nope\]"):
        post.relation("nope")
    with pytest.raises(
        RelationNotFoundError, match=r"must return a relationship instance"
    ):
        post.relation("broken")


def test_item_access_and_get_attribute_read_relations(blog: t.Any) -> None:
    post = RaPost.find(1)
    assert post["user"].name == "Ada"
    assert [c.body for c in post.get_attribute("comments")] == ["one", "two"]
    assert post.get_relation_value("title_upper") is None


def test_assigning_and_deleting_relations(blog: t.Any) -> None:
    post = RaPost.find(1)
    other = RaUser({"name": "Other"})
    post.user = other
    assert post.get_relation("user") is other
    assert "user" not in post.attributes
    del post.user
    assert not post.relation_loaded("user")
    post.set_relations({"user": None})
    assert post.user is None
    post.unset_relations()
    assert post.get_relations() == {}


def test_without_relations_and_relations_to_array(blog: t.Any) -> None:
    post = RaPost.find(1)
    _ = post.user
    _ = post.comments  # deferred: a to-many value loads when first used
    assert not post.relation_loaded("comments")
    assert len(post.comments) == 2
    data = post.relations_to_array()
    assert data["user"]["name"] == "Ada"
    assert [c["body"] for c in data["comments"]] == ["one", "two"]
    bare = post.without_relations()
    assert bare.get_relations() == {} and post.relation_loaded("user")


def test_prevent_lazy_loading_guards_models_loaded_together(blog: t.Any) -> None:
    Model.prevent_lazy_loading()
    assert Model.prevents_lazy_loading()
    posts = RaPost.order_by("id").get()
    with pytest.raises(
        LazyLoadingViolationError,
        match=r"Attempted to lazy load \[user\] on model \[.*RaPost\] but lazy loading is disabled\.",
    ):
        _ = posts[0].user
    with pytest.raises(LazyLoadingViolationError):
        list(posts[0].comments)
    assert isinstance(posts[0].comments(), HasMany)  # the builder is not a lazy load
    single = RaPost.find(1)
    assert single.user.name == "Ada"  # one model: no N+1 risk


def test_lazy_loading_violation_callback(blog: t.Any) -> None:
    seen: list[str] = []
    Model.prevent_lazy_loading()
    Model.handle_lazy_loading_violation_using(lambda model, key: seen.append(key))
    try:
        posts = RaPost.order_by("id").get()
        assert posts[0].user.name == "Ada"
        assert seen == ["user"]
    finally:
        Model.handle_lazy_loading_violation_using(None)


def test_push_saves_loaded_children(blog: t.Any) -> None:
    post = RaPost.find(1)
    first = post.comments.first()
    first.body = "edited"
    post.title = "Pushed"
    assert post.push()
    assert RaComment.find(first.id).body == "edited"
    assert RaPost.find(1).title == "Pushed"


def test_no_constraints_is_restored_after_errors() -> None:
    def fail() -> None:
        assert not Relation.constraints_enabled()
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        Relation.no_constraints(fail)
    assert Relation.constraints_enabled()
    assert Relation.no_constraints(lambda: Relation.no_constraints(lambda: 5)) == 5
    assert Relation.constraints_enabled()


@pytest.mark.parametrize(
    ("value", "expected"),
    [("7", 7), (7, 7), (True, 1), ("007", "007"), ("abc", "abc"), (None, None)],
)
def test_dictionary_keys_fold_like_php_arrays(value: t.Any, expected: t.Any) -> None:
    from decimal import Decimal

    from protevus.database.eloquent.relations.relation import dictionary_key

    assert dictionary_key(value) == expected
    assert dictionary_key(Decimal("3")) == 3


def test_morph_map_registry() -> None:
    previous = dict(Relation.morph_map())
    try:
        Relation.morph_map({}, merge=False)
        assert Relation.morph_map({"post": RaPost}) == {"post": RaPost}
        Relation.morph_map({"user": "tests.models.User"})
        assert Relation.get_morphed_model("post") is RaPost
        assert Relation.get_morphed_model("user") == "tests.models.User"
        assert Relation.get_morphed_model("nope") is None
        assert Relation.get_morph_alias(RaPost) == "post"
        assert Relation.get_morph_alias("tests.models.User") == "user"
        path = f"{RaComment.__module__}.{RaComment.__qualname__}"
        assert Relation.get_morph_alias(RaComment) == path
        Relation.morph_map([RaComment], merge=False)
        assert Relation.morph_map() == {"comments": RaComment}
        Relation.enforce_morph_map({"post": RaPost})
        assert Relation.requires_morph_map()
    finally:
        Relation.require_morph_map(False)
        Relation.morph_map(previous, merge=False)


def test_unbound_collection_call_explains_itself() -> None:
    from protevus.database.eloquent.relations.concerns.related_collection import (
        bound_class,
    )

    loose = bound_class(Collection)([1])
    with pytest.raises(TypeError, match="not bound to a model relation"):
        loose()
