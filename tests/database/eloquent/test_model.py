"""The Eloquent model: conventions, booting, attribute access, persistence and serialization."""

from __future__ import annotations

import json
import typing as t

import pytest

from protevus.database.eloquent.exceptions import ModelNotFoundError
from protevus.database.eloquent.model import Model
from protevus.database.exceptions import DatabaseError


class MdPost(Model):
    table = "posts"
    fillable = ["title", "votes", "body"]


class MdUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class PostTag(Model):
    pass


class Person(Model):
    pass


def make_tables(schema: t.Any) -> None:
    def posts(table: t.Any) -> None:
        table.id()
        table.string("title")
        table.text("body").nullable()
        table.integer("votes").default(0)
        table.timestamps()

    def users(table: t.Any) -> None:
        table.id()
        table.string("name")
        table.integer("age").nullable()

    schema.create("posts", posts)
    schema.create("users", users)


@pytest.fixture
def tables(schema: t.Any) -> None:
    make_tables(schema)


# -- conventions ----------------------------------------------------------------------


def test_table_names_follow_laravels_inflector() -> None:
    assert PostTag().get_table() == "post_tags"
    assert Person().get_table() == "people"
    assert MdPost().get_table() == "posts"


def test_key_and_column_conventions() -> None:
    post = MdPost()
    assert post.get_key_name() == "id"
    assert post.get_qualified_key_name() == "posts.id"
    assert post.qualify_column("title") == "posts.title"
    assert post.qualify_column("users.name") == "users.name"
    assert post.get_foreign_key() == "md_post_id"
    assert Person().get_foreign_key() == "person_id"
    assert post.get_key_type() == "int"
    assert post.get_incrementing() is True
    assert post.get_per_page() == 15
    assert post.get_morph_class() == f"{__name__}.MdPost"
    assert post.get_created_at_column() == "created_at"
    assert post.get_updated_at_column() == "updated_at"


def test_camel_case_aliases() -> None:
    post = MdPost()
    assert post.getTable() == "posts"
    assert post.getKeyName() == "id"


# -- booting -----------------------------------------------------------------------------


class Tracks:
    booted_on: t.ClassVar[list[str]] = []

    @classmethod
    def boot_tracks(cls) -> None:
        Tracks.booted_on.append(cls.__name__)

    def initialize_tracks(self) -> None:
        self.__dict__["_tracked"] = True


class Tracked(Tracks, Model):
    calls: t.ClassVar[int] = 0

    @classmethod
    def booted(cls) -> None:
        cls.calls += 1


def test_boot_runs_once_per_class_and_initializers_per_instance() -> None:
    Model.clear_booted_models()
    Tracks.booted_on.clear()
    Tracked.calls = 0
    first, second = Tracked(), Tracked()
    assert Tracks.booted_on == ["Tracked"]
    assert Tracked.calls == 1
    assert first._tracked is True and second._tracked is True
    Model.clear_booted_models()
    Tracked()
    assert Tracked.calls == 2


# -- attribute access -------------------------------------------------------------------


def test_attributes_read_and_write_as_attributes_and_items() -> None:
    post = MdPost({"title": "Hello"})
    assert post.title == "Hello"
    assert post["title"] == "Hello"
    post.votes = 3
    post["body"] = "Text"
    assert post.attributes == {"title": "Hello", "votes": 3, "body": "Text"}
    assert post.missing is None
    assert "title" in post and "missing" not in post
    del post["body"]
    assert post.body is None


def test_keyword_attributes_and_defaults() -> None:
    class MdDefaults(Model):
        table = "posts"
        guarded: t.ClassVar[list[str]] = []
        attributes: t.ClassVar[dict[str, t.Any]] = {"votes": 0}

    post = MdDefaults(title="Hi")
    assert post.votes == 0 and post.title == "Hi"
    assert not post.is_dirty("votes")
    assert MdDefaults.attributes == {"votes": 0}


def test_private_and_class_names_are_plain_python_attributes() -> None:
    post = MdPost()
    post._note = "kept"
    post.timestamps = False
    assert post.attributes == {}
    assert post._note == "kept"
    assert post.uses_timestamps() is False
    assert MdPost.timestamps is True
    with pytest.raises(AttributeError):
        post._absent  # noqa: B018


def test_dict_iteration_and_json() -> None:
    user = MdUser({"name": "Ann", "age": 30})
    assert dict(user) == {"name": "Ann", "age": 30}
    assert user.to_array() == {"name": "Ann", "age": 30}
    assert json.loads(user.to_json()) == {"name": "Ann", "age": 30}
    assert repr(user) == "<MdUser {'name': 'Ann', 'age': 30}>"


def test_only_and_except() -> None:
    user = MdUser({"name": "Ann", "age": 30})
    assert user.only("name") == {"name": "Ann"}
    assert user.only(["name", "age"]) == {"name": "Ann", "age": 30}
    assert user.except_("age") == {"name": "Ann"}


# -- connection resolver --------------------------------------------------------------------


def test_a_query_without_a_resolver_says_how_to_set_one() -> None:
    previous = Model.get_connection_resolver()
    Model.unset_connection_resolver()
    try:
        with pytest.raises(DatabaseError, match=r"No database connection resolver"):
            MdPost.query()
        with pytest.raises(AttributeError):
            MdPost.no_such_thing  # noqa: B018
    finally:
        Model.set_connection_resolver(previous)


def test_capsule_boot_eloquent_sets_the_resolver() -> None:
    from protevus.database.capsule import Capsule

    previous = Model.get_connection_resolver()
    capsule = Capsule()
    capsule.add_connection({"driver": "sqlite", "database": ":memory:"})
    try:
        capsule.boot_eloquent()
        assert Model.get_connection_resolver() is capsule.get_database_manager()
        make_tables(capsule.schema())
        MdUser.create({"name": "Ann"})
        assert MdUser.count() == 1
    finally:
        Model.set_connection_resolver(previous)
        Model.clear_booted_models()


def test_the_database_provider_sets_the_resolver(db_app: t.Any) -> None:
    try:
        assert Model.get_connection_resolver() is db_app.make("db")
    finally:
        Model.unset_connection_resolver()


# -- persistence ------------------------------------------------------------------------------


def test_create_save_and_find(tables: None) -> None:
    post = MdPost.create({"title": "Hello"})
    assert post.exists and post.was_recently_created
    assert isinstance(post.id, int)
    assert post.get_key() == post.id
    found = MdPost.find(post.id)
    assert found is not None and found.title == "Hello" and found.votes == 0
    assert found.exists and not found.was_recently_created
    assert found.get_connection_name() == post.get_connection_name()
    assert MdPost.find(999) is None

    fresh = MdPost()
    fresh.title = "Second"
    assert fresh.save() is True
    assert [p.title for p in MdPost.all()] == ["Hello", "Second"]


def test_update_delete_and_destroy(tables: None) -> None:
    a = MdPost.create({"title": "A"})
    b = MdPost.create({"title": "B"})
    c = MdPost.create({"title": "C"})
    assert a.update({"title": "A2"}) is True
    assert MdPost.find(a.id).title == "A2"
    assert MdPost().update({"title": "x"}) is False
    assert b.delete() is True
    assert b.exists is False
    assert b.delete() is None
    assert MdPost.destroy(a.id, 999) == 1
    assert MdPost.destroy([c.id]) == 1
    assert MdPost.destroy([]) == 0
    assert MdPost.count() == 0


def test_fresh_refresh_and_replicate(tables: None) -> None:
    post = MdPost.create({"title": "Hello", "votes": 2})
    MdPost.where("id", post.id).update({"title": "Changed"})
    assert post.title == "Hello"
    fresh = post.fresh()
    assert fresh.title == "Changed" and fresh is not post
    post.refresh()
    assert post.title == "Changed" and not post.is_dirty()
    copy = post.replicate()
    assert copy.exists is False
    assert copy.id is None and copy.created_at is None
    assert copy.title == "Changed"
    copy.save()
    assert MdPost.count() == 2
    without_votes = post.replicate(["votes"])
    assert "votes" not in without_votes.attributes
    assert MdPost().fresh() is None


def test_increment_and_decrement(tables: None) -> None:
    post = MdPost.create({"title": "Hello"})
    post.increment("votes")
    post.increment("votes", 5, {"title": "Popular"})
    assert post.votes == 6 and post.title == "Popular"
    assert not post.is_dirty()
    post.decrement("votes", 2)
    row = MdPost.find(post.id)
    assert row.votes == 4 and row.title == "Popular"


def test_is_and_equality(tables: None) -> None:
    post = MdPost.create({"title": "Hello"})
    same = MdPost.find(post.id)
    other = MdPost.create({"title": "Other"})
    assert post.is_(same) and post.isNot(other) and post.is_not(other)
    assert not post.is_(None)
    assert post == same and post != other
    assert len({post, same, other}) == 2
    assert MdPost() != MdPost()


def test_hydrate_and_new_from_builder(tables: None) -> None:
    models = MdPost.hydrate([{"id": 1, "title": "A"}, {"id": 2, "title": "B"}])
    assert models.model_keys() == [1, 2]
    assert all(m.exists and not m.is_dirty() for m in models)
    model = MdPost().new_from_builder({"id": 5, "title": "C"}, "other")
    assert model.exists and model.get_connection_name() == "other"


def test_class_calls_forward_to_the_builder(tables: None) -> None:
    MdPost.create({"title": "A", "votes": 1})
    MdPost.create({"title": "B", "votes": 5})
    assert MdPost.where("votes", ">", 2).first().title == "B"
    assert MdPost.whereVotes(1).value("title") == "A"
    assert MdPost.where_title("B").count() == 1
    assert MdPost.order_by("votes", "desc").pluck("title").all() == ["B", "A"]
    assert MdPost.on(MdPost().get_connection().get_name()).count() == 2
    assert (
        MdPost.query().to_sql() == 'select * from "posts"'
        or MdPost.query().to_sql() == "select * from `posts`"
    )


def test_find_or_fail_raises_model_not_found(tables: None) -> None:
    with pytest.raises(ModelNotFoundError) as caught:
        MdPost.find_or_fail(7)
    assert str(caught.value) == f"No query results for model [{__name__}.MdPost] 7."
    assert caught.value.get_ids() == [7]
    assert caught.value.status_code == 404


def test_save_or_fail_and_push(tables: None) -> None:
    post = MdPost({"title": "Hello"})
    assert post.save_or_fail() is True
    post.title = "Pushed"
    assert post.push() is True
    assert MdPost.find(post.id).title == "Pushed"


def test_model_not_found_is_a_404_over_http(db_app: t.Any, tables: None) -> None:
    from protevus.facades import Route
    from protevus.testing import TestClient

    app = db_app
    Route.get("/posts/{id}", lambda id: MdPost.find_or_fail(int(id)).to_array())
    client = TestClient(app)
    MdPost.create({"title": "Hello"})
    assert client.get("/posts/1").status_code == 200
    response = client.get("/posts/2", headers={"Accept": "application/json"})
    assert response.status_code == 404


# -- default eager loads, JSON paths, strictness ------------------------------------------------


class MdAuthor(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False
    with_count = ["posts"]

    def posts(self):  # type: ignore[no-untyped-def]
        return self.has_many(MdOwnedPost, "user_id")


class MdOwnedPost(Model):
    table = "owned_posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False
    with_ = ["author"]

    def author(self):  # type: ignore[no-untyped-def]
        return self.belongs_to(MdAuthor, "user_id")


def test_class_lists_with_and_with_count_are_default_eager_loads(schema: t.Any) -> None:
    make_tables(schema)

    def owned(table: t.Any) -> None:
        table.id()
        table.integer("user_id")
        table.string("title")

    schema.create("owned_posts", owned)
    ann = MdAuthor.create({"name": "Ann"})
    MdOwnedPost.create({"user_id": ann.id, "title": "a"})
    MdOwnedPost.create({"user_id": ann.id, "title": "b"})
    posts = MdOwnedPost.all()
    assert all(p.relation_loaded("author") for p in posts)
    assert MdOwnedPost.without("author").first().relation_loaded("author") is False
    assert int(MdAuthor.first().posts_count) == 2
    assert MdAuthor.with_("posts").first().relation_loaded("posts")
    assert MdAuthor.find(ann.id).load_count("posts").posts_count == 2


def test_json_path_attributes_write_inside_the_json_column() -> None:
    user = MdUser({"meta": '{"lang": "en"}'})
    user["meta->lang"] = "de"
    user.set_attribute("meta->theme->dark", True)
    assert json.loads(user.attributes["meta"]) == {
        "lang": "de",
        "theme": {"dark": True},
    }


def test_strict_mode_reports_attributes_that_were_not_selected(tables: None) -> None:
    MdPost.create({"title": "Hello"})
    Model.should_be_strict()
    try:
        post = MdPost.query().first(["id"])
        with pytest.raises(
            AttributeError, match=r"attribute \[title\] either does not exist"
        ):
            post.title  # noqa: B018
        assert "title" not in post
        assert MdPost().title is None  # new models may read anything
    finally:
        Model.should_be_strict(False)
    assert MdPost.query().first(["id"]).title is None


def test_to_json_reports_values_it_cannot_encode() -> None:
    from protevus.database.eloquent.exceptions import JsonEncodingError

    user = MdUser({"name": object()})
    with pytest.raises(JsonEncodingError, match=r"Error encoding model \[.*MdUser\]"):
        user.to_json()


def test_an_application_booted_before_the_orm_is_imported_is_adopted(
    tmp_path: t.Any,
) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from protevus.foundation import Application\n"
        "app = Application.configure(sys.argv[1]).create()\n"
        "assert 'protevus.database.eloquent.model' not in sys.modules\n"
        "from protevus.database.eloquent.model import Model\n"
        "assert Model.get_connection_resolver() is app.make('db')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_refresh_reloads_loaded_relations(schema: t.Any) -> None:
    make_tables(schema)

    def owned(table: t.Any) -> None:
        table.id()
        table.integer("user_id")
        table.string("title")

    schema.create("owned_posts", owned)
    ann = MdAuthor.create({"name": "Ann"})
    post = MdOwnedPost.create({"user_id": ann.id, "title": "a"})
    post.load("author")
    MdAuthor.where("id", ann.id).update({"name": "Anna"})
    assert post.author.name == "Ann"
    post.refresh()
    assert post.author.name == "Anna"


def test_copies_change_on_their_own() -> None:
    import copy

    user = MdUser({"name": "Ann"})
    twin = copy.copy(user)
    twin.name = "Bob"
    assert user.name == "Ann" and twin.name == "Bob"
