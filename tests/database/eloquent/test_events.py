"""Model events: order, cancelling with False, booted() registration, muting, custom classes."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.database.eloquent.soft_deletes import SoftDeletes
from protevus.events.dispatcher import Dispatcher

FIRED: list[t.Any] = []


class EvPost(Model):
    table = "ev_posts"
    guarded: t.ClassVar[list[str]] = []


class EvSluggedPost(Model):
    table = "ev_posts"
    guarded: t.ClassVar[list[str]] = []

    @classmethod
    def booted(cls) -> None:
        cls.creating(lambda post: post.set_attribute("slug", post.title.lower()))


class EvPostSaved:
    def __init__(self, post: t.Any) -> None:
        self.post = post


class EvPostDeleting:
    def __init__(self, post: t.Any) -> None:
        self.post = post


class EvCustomPost(Model):
    table = "ev_posts"
    guarded: t.ClassVar[list[str]] = []
    dispatches_events: t.ClassVar[dict[str, type]] = {
        "saved": EvPostSaved,
        "deleting": EvPostDeleting,
    }


class EvSoftPost(SoftDeletes, Model):
    table = "ev_soft_posts"
    guarded: t.ClassVar[list[str]] = []


class EvSoftPostObserver:
    def force_deleting(self, post: EvSoftPost) -> None:
        FIRED.append("observer:force_deleting")

    def trashed(self, post: EvSoftPost) -> None:
        FIRED.append("observer:trashed")

    def restored(self, post: EvSoftPost) -> None:
        FIRED.append("observer:restored")


def name(event: str, model: type = EvPost) -> str:
    return f"eloquent.{event}: {__name__}.{model.__name__}"


@pytest.fixture
def events(db: t.Any) -> t.Iterator[Dispatcher]:
    dispatcher = Dispatcher()
    Model.set_connection_resolver(db)
    Model.set_event_dispatcher(dispatcher)
    Model.clear_booted_models()
    db.connection().get_schema_builder().create(
        "ev_posts",
        lambda table: (
            table.id(),
            table.string("title"),
            table.string("slug").nullable(),
            table.timestamps(),
        ),
    )
    FIRED.clear()
    yield dispatcher
    FIRED.clear()
    Model.unset_event_dispatcher()
    Model.unset_connection_resolver()
    Model.clear_booted_models()


def record_all(dispatcher: Dispatcher) -> None:
    def record(event: str, payload: list[t.Any]) -> None:
        FIRED.append(event.split(":")[0].removeprefix("eloquent."))

    dispatcher.listen("eloquent.*", record)


def test_creating_a_model_fires_the_events_in_order(events: Dispatcher) -> None:
    record_all(events)
    EvPost.create({"title": "Hello"})

    assert FIRED == ["saving", "creating", "created", "saved"]


def test_updating_fires_update_events_and_a_clean_save_only_saving_saved(
    events: Dispatcher,
) -> None:
    post = EvPost.create({"title": "Hello"})
    record_all(events)
    post.title = "Changed"
    post.save()
    assert FIRED == ["saving", "updating", "updated", "saved"]

    FIRED.clear()
    post.save()
    assert FIRED == ["saving", "saved"]


def test_deleting_fires_deleting_and_deleted(events: Dispatcher) -> None:
    post = EvPost.create({"title": "Hello"})
    record_all(events)
    post.delete()

    assert FIRED == ["deleting", "deleted"]


def test_models_loaded_from_the_database_fire_retrieved(events: Dispatcher) -> None:
    EvPost.create({"title": "a"})
    EvPost.create({"title": "b"})
    events.listen(name("retrieved"), lambda post: FIRED.append(post.title))

    EvPost.find(1)
    EvPost.query().order_by("id").get()

    assert FIRED == ["a", "a", "b"]


def test_listeners_receive_the_model(events: Dispatcher) -> None:
    events.listen(name("created"), lambda post: FIRED.append((post.exists, post.id)))
    post = EvPost.create({"title": "Hello"})

    assert FIRED == [(True, post.id)]


@pytest.mark.parametrize("event", ["saving", "creating"])
def test_returning_false_from_saving_or_creating_cancels_the_insert(
    events: Dispatcher, event: str
) -> None:
    events.listen(name(event), lambda post: False)
    events.listen(name("created"), lambda post: FIRED.append("created"))
    post = EvPost({"title": "Nope"})

    assert post.save() is False
    assert post.exists is False
    assert EvPost.query().count() == 0
    assert FIRED == []


def test_returning_false_from_updating_cancels_the_update(events: Dispatcher) -> None:
    post = EvPost.create({"title": "Before"})
    events.listen(name("updating"), lambda post: False)
    post.title = "After"

    assert post.save() is False
    assert EvPost.find(post.id).title == "Before"


def test_returning_false_from_deleting_cancels_the_delete(events: Dispatcher) -> None:
    post = EvPost.create({"title": "Keep me"})
    events.listen(name("deleting"), lambda post: False)

    assert not post.delete()
    assert post.exists
    assert EvPost.query().count() == 1


def test_other_answers_do_not_cancel(events: Dispatcher) -> None:
    events.listen(name("saving"), lambda post: "ok")
    events.listen(name("saving"), lambda post: 0)

    assert EvPost({"title": "Saved"}).save() is True
    assert EvPost.query().count() == 1


def test_a_false_listener_stops_the_listeners_after_it(events: Dispatcher) -> None:
    events.listen(name("created"), lambda post: False)
    events.listen(name("created"), lambda post: FIRED.append("second"))
    EvPost.create({"title": "x"})

    assert FIRED == []


def test_booted_registers_listeners(events: Dispatcher) -> None:
    post = EvSluggedPost.create({"title": "Hello World"})

    assert post.slug == "hello world"
    assert EvSluggedPost.find(post.id).slug == "hello world"


def test_registration_methods_work_as_decorators(events: Dispatcher) -> None:
    @EvPost.saved
    def on_saved(post: EvPost) -> None:
        FIRED.append(("saved", post.title))

    EvPost.updated(lambda post: FIRED.append(("updated", post.title)))
    EvPost.deleted(lambda post: FIRED.append(("deleted", post.title)))
    post = EvPost.create({"title": "a"})
    post.update({"title": "b"})
    post.delete()

    assert on_saved is not None
    assert FIRED == [("saved", "a"), ("updated", "b"), ("saved", "b"), ("deleted", "b")]


def test_listeners_are_per_class(events: Dispatcher) -> None:
    EvPost.created(lambda post: FIRED.append("EvPost"))
    EvSluggedPost.create({"title": "Other class"})

    assert FIRED == []


def test_replicate_fires_replicating(events: Dispatcher) -> None:
    post = EvPost.create({"title": "Original"})
    EvPost.replicating(lambda copy: FIRED.append(copy.title))
    copy = post.replicate()

    assert FIRED == ["Original"]
    assert copy.exists is False


def test_without_events_mutes_every_model_event(events: Dispatcher) -> None:
    record_all(events)
    post = EvPost.without_events(lambda: EvPost.create({"title": "quiet"}))

    assert post.exists
    assert FIRED == []
    assert EvPost.get_event_dispatcher() is events


def test_listeners_registered_while_muted_still_register(events: Dispatcher) -> None:
    EvPost.without_events(lambda: EvPost.created(lambda post: FIRED.append("later")))
    EvPost.create({"title": "x"})

    assert FIRED == ["later"]


def test_quiet_methods_fire_nothing(events: Dispatcher) -> None:
    record_all(events)
    post = EvPost({"title": "quiet"})
    post.save_quietly()
    post.title = "still quiet"
    post.save_quietly()
    post.delete_quietly()

    assert FIRED == []
    assert EvPost.query().count() == 0


def test_without_events_restores_the_dispatcher_after_an_error(
    events: Dispatcher,
) -> None:
    def boom() -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        EvPost.without_events(boom)

    assert EvPost.get_event_dispatcher() is events


def test_dispatches_events_maps_to_event_classes(events: Dispatcher) -> None:
    events.listen(EvPostSaved, lambda event: FIRED.append(("class", event.post.title)))
    events.listen(name("saved", EvCustomPost), lambda post: FIRED.append("string"))
    EvCustomPost.create({"title": "Hello"})

    assert FIRED == [("class", "Hello"), "string"]


def test_an_event_class_listener_can_cancel(events: Dispatcher) -> None:
    events.listen(EvPostDeleting, lambda event: False)
    post = EvCustomPost.create({"title": "Stay"})

    assert not post.delete()
    assert EvCustomPost.query().count() == 1


def test_an_event_class_listener_answer_skips_the_string_event(
    events: Dispatcher,
) -> None:
    events.listen(EvPostDeleting, lambda event: "handled")
    events.listen(name("deleting", EvCustomPost), lambda post: False)
    post = EvCustomPost.create({"title": "Go"})

    assert post.delete()
    assert EvCustomPost.query().count() == 0


def test_fire_model_event_answers(events: Dispatcher) -> None:
    post = EvPost({"title": "x"})
    assert post.fire_model_event("saving") is True
    assert post.fire_model_event("saved", False) is True

    events.listen(name("published"), lambda post: "yes")
    assert post.fire_model_event("published") == "yes"
    assert post.fire_model_event("published", False) == ["yes"]

    events.listen(name("force_deleting"), lambda post: False)
    assert post.fire_model_event("forceDeleting") is False


def test_without_a_dispatcher_events_are_off(events: Dispatcher) -> None:
    events.listen(name("saving"), lambda post: False)
    Model.unset_event_dispatcher()

    assert EvPost.get_event_dispatcher() is None
    EvPost.created(lambda post: FIRED.append("ignored"))
    post = EvPost.create({"title": "saved anyway"})
    assert post.exists
    assert post.fire_model_event("saving") is True
    assert FIRED == []


def test_flush_event_listeners(events: Dispatcher) -> None:
    EvPost.created(lambda post: FIRED.append("created"))
    EvCustomPost.saved(lambda post: FIRED.append("saved"))
    events.listen(EvPostSaved, lambda event: FIRED.append("class"))
    EvPost.flush_event_listeners()
    EvCustomPost.flush_event_listeners()
    EvPost.create({"title": "x"})
    EvCustomPost.create({"title": "y"})

    assert FIRED == []
    assert not events.has_listeners(name("created"))


def test_camel_case_twins(events: Dispatcher) -> None:
    EvPost.forceDeleted(lambda post: FIRED.append("force"))
    EvPost({"title": "x"}).fireModelEvent("force_deleted", False)

    assert FIRED == ["force"]
    assert EvPost.getEventDispatcher() is events


def test_an_application_wires_model_events_to_the_event_facade(
    make_app: t.Any, connection: t.Any, db_config: dict[str, t.Any]
) -> None:
    from protevus.database.database_service_provider import DatabaseServiceProvider
    from protevus.events.event_service_provider import EventServiceProvider
    from protevus.support.facades.event import Event

    key = connection.get_name()
    source = (
        f"config = {{'default': {key!r}, 'connections': {{{key!r}: {db_config!r}}}}}\n"
    )
    app = make_app(
        config={"database": source},
        providers=[EventServiceProvider, DatabaseServiceProvider],
    )
    app.make("db").connections[key] = connection
    try:
        assert Model.get_event_dispatcher() is app.make("events")
        Model.clear_booted_models()
        connection.get_schema_builder().create(
            "ev_posts",
            lambda table: (table.id(), table.string("title"), table.timestamps()),
        )
        Event.listen(name("created"), lambda post: FIRED.append(post.title))
        EvPost.create({"title": "through the app"})
        assert FIRED == ["through the app"]
    finally:
        FIRED.clear()
        Model.unset_event_dispatcher()
        Model.unset_connection_resolver()
        Model.clear_booted_models()


@pytest.fixture
def soft_events(events: Dispatcher, db: t.Any) -> Dispatcher:
    db.connection().get_schema_builder().create(
        "ev_soft_posts",
        lambda table: (
            table.id(),
            table.string("title"),
            table.timestamps(),
            table.soft_deletes(),
        ),
    )
    return events


def test_soft_delete_restore_and_force_delete_events(soft_events: Dispatcher) -> None:
    post = EvSoftPost.create({"title": "soft"})
    record_all(soft_events)
    EvSoftPost.observe(EvSoftPostObserver)

    post.delete()
    # Listeners of the exact event run before wildcard listeners, as in Laravel.
    assert FIRED == ["deleting", "observer:trashed", "trashed", "deleted"]

    FIRED.clear()
    post.restore()
    assert FIRED[0] == "restoring"
    assert FIRED[-2:] == ["observer:restored", "restored"]
    assert "saving" in FIRED

    FIRED.clear()
    post.force_delete()
    assert FIRED[:2] == ["observer:force_deleting", "force_deleting"]
    assert FIRED[-1] == "force_deleted"
    assert EvSoftPost.with_trashed().count() == 0


@pytest.mark.parametrize("event", ["restoring", "force_deleting"])
def test_soft_delete_events_cancel(soft_events: Dispatcher, event: str) -> None:
    post = EvSoftPost.create({"title": "stay"})
    post.delete()
    getattr(EvSoftPost, event)(lambda post: False)

    if event == "restoring":
        assert not post.restore()
        assert EvSoftPost.query().count() == 0
    else:
        assert not post.force_delete()
        assert EvSoftPost.with_trashed().count() == 1


def test_a_capsule_with_a_dispatcher_turns_model_events_on() -> None:
    from protevus.database.capsule import Capsule

    capsule = Capsule()
    capsule.add_connection({"driver": "sqlite", "database": ":memory:"})
    dispatcher = Dispatcher()
    capsule.set_event_dispatcher(dispatcher)
    capsule.boot_eloquent()
    try:
        Model.clear_booted_models()
        capsule.schema().create(
            "ev_posts",
            lambda table: (table.id(), table.string("title"), table.timestamps()),
        )
        dispatcher.listen(name("created"), lambda post: FIRED.append(post.title))
        EvPost.create({"title": "standalone"})
        assert FIRED == ["standalone"]
    finally:
        FIRED.clear()
        Model.unset_event_dispatcher()
        Model.unset_connection_resolver()
        Model.clear_booted_models()
