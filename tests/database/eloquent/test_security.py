"""Mass assignment, relation names and model events cannot be turned against the app."""

from __future__ import annotations

import threading
import typing as t

import pytest

from protevus.database.eloquent.exceptions import RelationNotFoundError
from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.has_many import HasMany
from protevus.events.dispatcher import Dispatcher


class SecMember(Model):
    table = "members"
    guarded = ["is_admin"]


class SecPost(Model):
    table = "posts"
    fillable = ["title"]

    def comments(self) -> t.Any:
        return self.has_many(SecComment, "post_id")

    def latest_comment(
        self,
    ) -> HasMany:  # built on a relation, recognised by annotation
        return t.cast(HasMany, self.comments().latest())

    def publish(self) -> None:  # takes no argument, but is no relation
        self.__dict__["published_by_call"] = True


class SecComment(Model):
    table = "comments"
    fillable = ["post_id", "body"]


@pytest.fixture
def tables(schema: t.Any) -> None:
    with schema.create("members") as table:
        table.id()
        table.string("name").nullable()
        table.text("is_admin").nullable()
        table.timestamps()
    with schema.create("posts") as table:
        table.id()
        table.string("title")
        table.timestamps()
    with schema.create("comments") as table:
        table.id()
        table.integer("post_id")
        table.string("body")
        table.timestamps()


def test_a_json_path_cannot_fill_a_guarded_column(tables: None) -> None:
    member = SecMember({"name": "a", "is_admin->x": True})
    assert member.attributes == {"name": "a"}


@pytest.mark.parametrize("name", ["delete", "save", "insert", "truncate", "publish"])
def test_a_relation_name_never_calls_another_method(tables: None, name: str) -> None:
    post = SecPost.create({"title": "First"})
    with pytest.raises(RelationNotFoundError):
        post.relation(name)
    with pytest.raises(RelationNotFoundError):
        SecPost.with_(name).get()
    assert SecPost.query().count() == 1
    assert "published_by_call" not in post.__dict__


def test_a_method_annotated_as_a_relation_loads_by_name(tables: None) -> None:
    post = SecPost.create({"title": "First"})
    post.relation("comments").create({"body": "hi"})
    loaded = SecPost.with_("latest_comment").first()
    assert loaded is not None
    assert [c.body for c in loaded.latest_comment] == ["hi"]


def test_unguarding_in_one_thread_does_not_unguard_another(tables: None) -> None:
    started, release = threading.Event(), threading.Event()
    filled: list[dict[str, t.Any]] = []

    def unguarded_worker() -> None:
        def hold() -> None:
            started.set()
            release.wait(5)

        Model.unguarded(hold)

    worker = threading.Thread(target=unguarded_worker)
    worker.start()
    assert started.wait(5)
    try:
        filled.append(SecMember({"name": "b", "is_admin": "1"}).attributes)
    finally:
        release.set()
        worker.join(5)
    assert filled == [{"name": "b"}]


def test_muting_events_in_one_thread_does_not_mute_another(tables: None) -> None:
    dispatcher = Dispatcher()
    SecPost.set_event_dispatcher(dispatcher)
    seen: list[str] = []
    try:
        SecPost.creating(lambda post: seen.append(post.title))
        started, release = threading.Event(), threading.Event()

        def quiet_worker() -> None:
            def hold() -> None:
                started.set()
                release.wait(5)

            SecPost.without_events(hold)

        worker = threading.Thread(target=quiet_worker)
        worker.start()
        assert started.wait(5)
        try:
            SecPost.create({"title": "heard"})
        finally:
            release.set()
            worker.join(5)
        assert seen == ["heard"]
    finally:
        SecPost.unset_event_dispatcher()
