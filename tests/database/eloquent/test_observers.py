"""Observers: observe(), the observers class attribute, cancelling, custom observable events."""

from __future__ import annotations

import typing as t

import pytest

from protevus.container.container import Container
from protevus.database.eloquent.model import Model
from protevus.events.dispatcher import Dispatcher
from protevus.exceptions import InvalidArgumentError

SEEN: list[t.Any] = []


class ObPost(Model):
    table = "ob_posts"
    guarded: t.ClassVar[list[str]] = []


class ObPostObserver:
    def creating(self, post: ObPost) -> None:
        SEEN.append(("creating", post.title))

    def created(self, post: ObPost) -> None:
        SEEN.append(("created", post.title))

    def updated(self, post: ObPost) -> None:
        SEEN.append(("updated", post.title))

    def deleted(self, post: ObPost) -> None:
        SEEN.append(("deleted", post.title))

    def helper(self, post: ObPost) -> None:  # not an event: never registered
        SEEN.append("helper")


class ObVetoObserver:
    def saving(self, post: ObPost) -> bool | None:
        return False if post.title == "spam" else None


class ObAutoPost(Model):
    table = "ob_posts"
    guarded: t.ClassVar[list[str]] = []
    observers: t.ClassVar[list[t.Any]] = [ObPostObserver]


class ObPublishablePost(Model):
    table = "ob_posts"
    guarded: t.ClassVar[list[str]] = []
    observables: t.ClassVar[list[str]] = ["published"]

    def publish(self) -> None:
        self.fire_model_event("published", False)


class ObPublishObserver:
    def published(self, post: ObPublishablePost) -> None:
        SEEN.append(("published", post.title))


class ObAudit:
    def __init__(self) -> None:
        self.entries: list[str] = []


class ObAuditingObserver:
    def __init__(self, audit: ObAudit) -> None:
        self.audit = audit

    def created(self, post: ObPost) -> None:
        self.audit.entries.append(post.title)


@pytest.fixture
def dispatcher(db: t.Any) -> t.Iterator[Dispatcher]:
    events = Dispatcher()
    Model.set_connection_resolver(db)
    Model.set_event_dispatcher(events)
    Model.clear_booted_models()
    db.connection().get_schema_builder().create(
        "ob_posts",
        lambda table: (table.id(), table.string("title"), table.timestamps()),
    )
    SEEN.clear()
    yield events
    SEEN.clear()
    Model.unset_event_dispatcher()
    Model.unset_connection_resolver()
    Model.clear_booted_models()


def test_observe_registers_the_methods_named_after_events(
    dispatcher: Dispatcher,
) -> None:
    ObPost.observe(ObPostObserver)
    post = ObPost.create({"title": "a"})
    post.update({"title": "b"})
    post.delete()

    assert SEEN == [
        ("creating", "a"),
        ("created", "a"),
        ("updated", "b"),
        ("deleted", "b"),
    ]


def test_only_event_methods_become_listeners(dispatcher: Dispatcher) -> None:
    ObPost.observe(ObPostObserver)
    prefix = f"eloquent.%s: {__name__}.ObPost"

    assert dispatcher.has_listeners(prefix % "created")
    assert not dispatcher.has_listeners(prefix % "saving")
    assert not dispatcher.has_listeners(prefix % "helper")


def test_an_observer_returning_false_cancels(dispatcher: Dispatcher) -> None:
    ObPost.observe(ObVetoObserver)

    assert ObPost({"title": "spam"}).save() is False
    assert ObPost({"title": "ham"}).save() is True
    assert [p.title for p in ObPost.all()] == ["ham"]


def test_observers_attribute_registers_when_the_class_boots(
    dispatcher: Dispatcher,
) -> None:
    ObAutoPost.create({"title": "auto"})

    assert SEEN == [("creating", "auto"), ("created", "auto")]


def test_observe_takes_lists_dotted_paths_and_instances(
    dispatcher: Dispatcher,
) -> None:
    instance = ObPublishObserver()
    ObPublishablePost.observe([f"{__name__}.ObPostObserver", instance])
    post = ObPublishablePost.create({"title": "news"})
    post.publish()

    assert SEEN == [("creating", "news"), ("created", "news"), ("published", "news")]


def test_custom_observable_events(dispatcher: Dispatcher) -> None:
    post = ObPublishablePost({"title": "x"})

    assert "published" in post.get_observable_events()
    assert post.get_observable_events()[:3] == ["retrieved", "creating", "created"]
    post.add_observable_events("archived", ["featured"])
    assert post.get_observable_events()[-3:] == ["published", "archived", "featured"]
    post.remove_observable_events("published")
    assert "published" not in post.get_observable_events()
    post.set_observable_events(["only"])
    assert post.get_observable_events()[-1] == "only"
    assert ObPublishablePost({"title": "y"}).get_observable_events()[-1] == "published"


def test_an_unknown_observer_path_names_it(dispatcher: Dispatcher) -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[app.observers.Missing\]"):
        ObPost.observe("app.observers.Missing")


def test_observer_classes_resolve_through_the_container(db: t.Any) -> None:
    container = Container()
    audit = ObAudit()
    container.instance(ObAudit, audit)
    Model.set_connection_resolver(db)
    Model.set_event_dispatcher(Dispatcher(container))
    Model.clear_booted_models()
    try:
        db.connection().get_schema_builder().create(
            "ob_posts",
            lambda table: (table.id(), table.string("title"), table.timestamps()),
        )
        ObPost.observe(ObAuditingObserver)
        ObPost.create({"title": "logged"})
        assert audit.entries == ["logged"]
    finally:
        Model.unset_event_dispatcher()
        Model.unset_connection_resolver()
        Model.clear_booted_models()


def test_observe_without_a_dispatcher_does_nothing(db: t.Any) -> None:
    Model.unset_event_dispatcher()
    ObPost.observe(ObPostObserver)

    assert ObPost.get_event_dispatcher() is None
