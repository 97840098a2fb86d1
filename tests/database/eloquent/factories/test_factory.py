"""Factories: make/create/raw, count, states, sequences, callbacks, relationships, recycle."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.factories.factory import Factory
from protevus.database.eloquent.factories.has_factory import HasFactory
from protevus.database.eloquent.factories.sequence import Sequence
from protevus.database.eloquent.model import Model
from protevus.database.eloquent.soft_deletes import SoftDeletes
from protevus.events.dispatcher import Dispatcher
from protevus.exceptions import InvalidArgumentError


class FaUser(HasFactory, Model):
    table = "fa_users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def posts(self):  # type: ignore[no-untyped-def]
        return self.has_many(FaPost, "user_id")

    @classmethod
    def new_factory(cls) -> Factory:
        return FaUserFactory.new()


class FaPost(HasFactory, Model):
    table = "fa_posts"
    fillable: t.ClassVar[list[str]] = ["title"]  # factories fill unguarded anyway
    timestamps = False

    def user(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(FaUser, "user_id")

    def comments(self):  # type: ignore[no-untyped-def]
        return self.has_many(FaComment, "post_id")

    def fa_comments(self):  # type: ignore[no-untyped-def]
        # The name has() guesses from the class name FaComment.
        return self.has_many(FaComment, "post_id")

    def tags(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(FaTag, "fa_post_tag", "post_id", "tag_id")

    @classmethod
    def new_factory(cls) -> Factory:
        return FaPostFactory.new()


class FaComment(Model):
    table = "fa_comments"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def post(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(FaPost, "post_id")


class FaTag(Model):
    table = "fa_tags"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class FaUserFactory(Factory):
    model = FaUser

    def definition(self) -> dict[str, t.Any]:
        return {
            "name": self.faker.name(),
            "email": self.faker.unique.email(),
            "admin": False,
        }

    def admin(self) -> FaUserFactory:
        return self.state({"admin": True})


class FaPostFactory(Factory):
    model = FaPost

    def definition(self) -> dict[str, t.Any]:
        return {
            "user_id": FaUser.factory(),
            "title": self.faker.sentence(),
            "slug": lambda attributes: attributes["title"].lower(),
        }


class FaCommentFactory(Factory):
    model = FaComment

    def definition(self) -> dict[str, t.Any]:
        return {"body": self.faker.paragraph(), "post_id": None}


class FaTagFactory(Factory):
    model = FaTag

    def definition(self) -> dict[str, t.Any]:
        return {"name": self.faker.word()}


class FaArchived(SoftDeletes, Model):
    table = "fa_archived"
    guarded: t.ClassVar[list[str]] = []


class FaArchivedFactory(Factory):
    model = FaArchived

    def definition(self) -> dict[str, t.Any]:
        return {"name": "old"}


class FaNoDefinitionFactory(Factory):
    model = FaTag


@pytest.fixture
def tables(db: t.Any) -> t.Iterator[t.Any]:
    Model.set_connection_resolver(db)
    schema = db.connection().get_schema_builder()
    schema.create(
        "fa_users",
        lambda table: (
            table.id(),
            table.string("name"),
            table.string("email"),
            table.boolean("admin").default(False),
        ),
    )
    schema.create(
        "fa_posts",
        lambda table: (
            table.id(),
            table.integer("user_id").nullable(),
            table.string("title"),
            table.string("slug").nullable(),
        ),
    )
    schema.create(
        "fa_comments",
        lambda table: (
            table.id(),
            table.integer("post_id").nullable(),
            table.text("body"),
        ),
    )
    schema.create("fa_tags", lambda table: (table.id(), table.string("name")))
    schema.create(
        "fa_post_tag",
        lambda table: (
            table.integer("post_id"),
            table.integer("tag_id"),
            table.string("role").nullable(),
        ),
    )
    yield db
    Model.unset_connection_resolver()


def count(db: t.Any, table: str) -> int:
    return int(db.connection().table(table).count())


# -- without a database ------------------------------------------------------------


def test_raw_returns_attributes() -> None:
    raw = FaTagFactory.new().raw({"name": "python"})
    assert raw == {"name": "python"}

    many = FaTagFactory.new().count(3).raw()
    assert isinstance(many, list) and len(many) == 3
    assert all(isinstance(each["name"], str) for each in many)


def test_make_builds_unsaved_models() -> None:
    tag = FaTagFactory.new().make({"name": "django"})

    assert isinstance(tag, FaTag)
    assert tag.name == "django"
    assert tag.exists is False


def test_make_with_count_returns_an_eloquent_collection() -> None:
    tags = FaTagFactory.times(3).make()

    assert len(tags) == 3
    assert all(isinstance(tag, FaTag) and not tag.exists for tag in tags)
    assert hasattr(tags, "model_keys")
    assert len(FaTagFactory.new().count(0).make()) == 0


def test_states_apply_in_order_and_modifiers_return_new_factories() -> None:
    base = FaTagFactory.new()
    named = base.state({"name": "first"})
    renamed = named.state(lambda attributes: {"name": attributes["name"] + "!"})

    assert base.make().name != "first"
    assert named.make().name == "first"
    assert renamed.make().name == "first!"
    assert base.states({"name": "a"}, {"name": "b"}).make().name == "b"
    assert base.set("name", "set").make().name == "set"


def test_state_methods_on_the_factory() -> None:
    assert FaUserFactory.new().admin().make().admin is True
    assert FaUserFactory.new().make().admin is False


def test_an_invalid_state_is_rejected() -> None:
    with pytest.raises(InvalidArgumentError, match=r"dict or a callable, \[42\]"):
        FaTagFactory.new().state(42)


def test_sequences_alternate_states() -> None:
    tags = FaTagFactory.new().count(4).sequence({"name": "a"}, {"name": "b"}).make()
    assert [tag.name for tag in tags] == ["a", "b", "a", "b"]

    indexed = (
        FaTagFactory.new()
        .count(2)
        .sequence(lambda s: {"name": f"tag {s.index}"})
        .make()
    )
    assert [tag.name for tag in indexed] == ["tag 0", "tag 1"]

    assert [
        tag.name
        for tag in FaTagFactory.new().state(Sequence({"name": "x"})).count(2).make()
    ] == ["x", "x"]


def test_for_each_sequence_makes_one_model_per_state() -> None:
    tags = FaTagFactory.new().for_each_sequence({"name": "a"}, {"name": "b"}).make()

    assert [tag.name for tag in tags] == ["a", "b"]


def test_cross_join_sequence() -> None:
    users = (
        FaUserFactory.new()
        .count(4)
        .cross_join_sequence(
            [{"name": "A"}, {"name": "B"}], [{"admin": True}, {"admin": False}]
        )
        .make()
    )

    assert [(u.name, u.admin) for u in users] == [
        ("A", True),
        ("A", False),
        ("B", True),
        ("B", False),
    ]


def test_lazy_attributes_see_the_other_attributes() -> None:
    post = FaPostFactory.new().without_parents().make({"title": "Hello World"})

    assert post.slug == "hello world"


def test_after_making_callbacks_run_for_each_model() -> None:
    made: list[str] = []
    factory = FaTagFactory.new().after_making(lambda tag: made.append(tag.name))
    factory.count(2).sequence({"name": "a"}, {"name": "b"}).make()

    assert made == ["a", "b"]


def test_configure_can_add_callbacks() -> None:
    class ConfiguredTagFactory(FaTagFactory):
        def configure(self) -> ConfiguredTagFactory:
            return self.after_making(
                lambda tag: tag.set_attribute("name", "configured")
            )

    assert ConfiguredTagFactory.new().make().name == "configured"


def test_faker_is_shared_and_generates_data() -> None:
    factory = FaUserFactory.new()

    assert factory.faker is FaTagFactory.new().faker
    emails = {user.email for user in factory.count(5).make()}
    assert len(emails) == 5


def test_a_factory_without_definition_explains_itself() -> None:
    with pytest.raises(NotImplementedError, match="must define definition"):
        FaNoDefinitionFactory.new().make()


def test_unknown_methods_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match=r"undefined method \[FaTagFactory.nope\]"):
        FaTagFactory.new().nope()


def test_model_factory_lookup_through_new_factory() -> None:
    factory = FaUser.factory()

    assert isinstance(factory, FaUserFactory)
    assert len(FaUser.factory(3).make()) == 3
    assert FaUser.factory({"name": "Taylor"}).make().name == "Taylor"
    assert FaUser.factory(2, {"name": "Abigail"}).make()[1].name == "Abigail"


def test_camel_case_twins() -> None:
    tags = FaTagFactory.new().count(2).forEachSequence({"name": "a"}, {"name": "b"})

    assert [tag.name for tag in tags.make()] == ["a", "b"]
    assert FaTagFactory.new().makeOne().exists is False


# -- with a database ---------------------------------------------------------------


def test_create_saves_models(tables: t.Any) -> None:
    tag = FaTagFactory.new().create({"name": "saved"})

    assert tag.exists and tag.id is not None
    assert FaTag.find(tag.id).name == "saved"

    tags = FaTagFactory.new().count(3).create()
    assert len(tags) == 3 and all(tag.exists for tag in tags)
    assert count(tables, "fa_tags") == 4


def test_create_one_and_create_many(tables: t.Any) -> None:
    one = FaTagFactory.new().count(5).create_one({"name": "one"})
    assert isinstance(one, FaTag) and one.name == "one"

    many = FaTagFactory.new().create_many([{"name": "a"}, {"name": "b"}])
    assert [tag.name for tag in many] == ["a", "b"]
    assert len(FaTagFactory.new().create_many(2)) == 2
    assert count(tables, "fa_tags") == 5


def test_factory_values_in_the_definition_create_parents(tables: t.Any) -> None:
    post = FaPostFactory.new().create()

    assert post.user_id is not None
    assert FaUser.find(post.user_id) is not None
    assert count(tables, "fa_users") == 1


def test_model_values_become_their_keys(tables: t.Any) -> None:
    user = FaUserFactory.new().create()
    post = FaPostFactory.new().create({"user_id": user})

    assert post.user_id == user.id


def test_after_creating_callbacks_receive_the_saved_model(tables: t.Any) -> None:
    seen: list[t.Any] = []
    FaTagFactory.new().after_creating(lambda tag: seen.append(tag.exists)).count(
        2
    ).create()

    assert seen == [True, True]


def test_create_quietly_fires_no_events(tables: t.Any) -> None:
    events = Dispatcher()
    fired: list[str] = []
    events.listen("eloquent.*", lambda name, payload: fired.append(name))
    Model.set_event_dispatcher(events)
    try:
        FaTagFactory.new().create_quietly()
        FaTagFactory.new().create_many_quietly(2)
        assert fired == []
        FaTagFactory.new().create()
        assert any(name.startswith("eloquent.created") for name in fired)
    finally:
        Model.unset_event_dispatcher()


def test_has_creates_children_through_the_guessed_relation(tables: t.Any) -> None:
    post = FaPostFactory.new().has(FaCommentFactory.new().count(3)).create()

    comments = FaComment.query().where("post_id", post.id).get()
    assert len(comments) == 3


def test_has_with_an_unknown_relation_names_it(tables: t.Any) -> None:
    from protevus.database.eloquent.exceptions import RelationNotFoundError

    factory = FaPostFactory.new().has(FaTagFactory.new(), "labels")
    with pytest.raises(RelationNotFoundError, match=r"\[labels\]"):
        factory.create()


def test_has_guesses_the_relation_and_accepts_a_name(tables: t.Any) -> None:
    user = FaUserFactory.new().has(FaPostFactory.new().count(2), "posts").create()

    assert FaPost.query().where("user_id", user.id).count() == 2
    assert count(tables, "fa_users") == 1


def test_magic_has_relation(tables: t.Any) -> None:
    user = FaUser.factory().has_posts(2, {"title": "Magic"}).create()

    posts = FaPost.query().where("user_id", user.id).get()
    assert [post.title for post in posts] == ["Magic", "Magic"]
    assert FaUser.factory().hasPosts(1).create().id != user.id


def test_for_a_parent_model(tables: t.Any) -> None:
    user = FaUserFactory.new().create()
    posts = FaPostFactory.new().count(2).for_(user, "user").create()

    assert [post.user_id for post in posts] == [user.id, user.id]
    assert count(tables, "fa_users") == 1


def test_for_a_parent_factory_creates_one_parent(tables: t.Any) -> None:
    posts = (
        FaPostFactory.new()
        .count(3)
        .for_(FaUserFactory.new().state({"name": "Owner"}), "user")
        .create()
    )

    assert len({post.user_id for post in posts}) == 1
    assert FaUser.find(posts[0].user_id).name == "Owner"
    assert count(tables, "fa_users") == 1


def test_magic_for_relation(tables: t.Any) -> None:
    post = FaPost.factory().for_user({"name": "Magic Owner"}).create()

    assert FaUser.find(post.user_id).name == "Magic Owner"


def test_has_attached_with_pivot_attributes(tables: t.Any) -> None:
    post = (
        FaPostFactory.new()
        .has_attached(FaTagFactory.new().count(2), {"role": "primary"}, "tags")
        .create()
    )

    rows = tables.connection().table("fa_post_tag").where("post_id", post.id).get()
    assert len(rows) == 2
    assert {row["role"] for row in rows} == {"primary"}


def test_has_attached_existing_models_with_a_pivot_callable(tables: t.Any) -> None:
    tags = FaTagFactory.new().count(2).create()
    post = (
        FaPostFactory.new()
        .has_attached(tags, lambda post: {"role": f"for {post.id}"}, "tags")
        .create()
    )

    rows = tables.connection().table("fa_post_tag").where("post_id", post.id).get()
    assert sorted(row["tag_id"] for row in rows) == sorted(tag.id for tag in tags)
    assert {row["role"] for row in rows} == {f"for {post.id}"}


def test_recycle_reuses_models_for_parents(tables: t.Any) -> None:
    user = FaUserFactory.new().create()
    posts = FaPostFactory.new().count(3).recycle(user).create()

    assert {post.user_id for post in posts} == {user.id}
    assert count(tables, "fa_users") == 1

    comments = (
        FaCommentFactory.new()
        .count(2)
        .for_(FaPostFactory.new(), "post")
        .recycle(user)
        .create()
    )
    assert FaPost.find(comments[0].post_id).user_id == user.id
    assert count(tables, "fa_users") == 1


def test_connection_sets_the_model_connection(tables: t.Any) -> None:
    name = tables.connection().get_name()
    tag = FaTagFactory.new().connection(name).create()

    assert tag.get_connection_name() == name


def test_for_and_has_attached_guess_relation_names_from_the_class(
    tables: t.Any,
) -> None:
    from protevus.database.eloquent.exceptions import RelationNotFoundError

    user = FaUserFactory.new().create()
    with pytest.raises(RelationNotFoundError, match=r"\[fa_user\]"):
        FaPostFactory.new().for_(user).make()
    with pytest.raises(RelationNotFoundError, match=r"\[fa_tags\]"):
        FaPostFactory.new().has_attached(FaTagFactory.new()).create()


def test_trashed_state_for_soft_deleting_models() -> None:
    archived = FaArchivedFactory.new().trashed().make()

    assert archived.deleted_at is not None
    assert archived.trashed()
    assert not FaArchivedFactory.new().make().trashed()
    with pytest.raises(AttributeError, match="does not use SoftDeletes"):
        FaTagFactory.new().trashed()
