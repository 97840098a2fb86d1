"""The event dispatcher: listeners in every form, wildcards, halting, subscribers."""

from __future__ import annotations

import typing as t

import pytest

from protevus.container.container import Container
from protevus.events.dispatcher import Dispatcher
from protevus.events.event_service_provider import EventServiceProvider
from protevus.events.null_dispatcher import NullDispatcher
from protevus.exceptions import InvalidArgumentError

CALLS: list[t.Any] = []


class OrderShipped:
    def __init__(self, order_id: int) -> None:
        self.order_id = order_id


class ExpressOrderShipped(OrderShipped):
    pass


class SendShipmentNotification:
    def handle(self, event: OrderShipped) -> str:
        CALLS.append(("handle", event.order_id))
        return "notified"

    def other(self, event: OrderShipped) -> None:
        CALLS.append(("other", event.order_id))


class InvokableListener:
    def __call__(self, *payload: t.Any) -> None:
        CALLS.append(("invoked", payload))


class Mailer:
    sent: list[str]

    def __init__(self) -> None:
        self.sent = []


class ListenerWithDependency:
    def __init__(self, mailer: Mailer) -> None:
        self.mailer = mailer

    def handle(self, name: str) -> None:
        self.mailer.sent.append(name)


class UserEventSubscriber:
    def handle_login(self, user: str) -> None:
        CALLS.append(("login", user))

    def handle_logout(self, user: str) -> None:
        CALLS.append(("logout", user))

    def subscribe(self, events: Dispatcher) -> dict[str, t.Any]:
        return {"user.login": "handle_login", "user.logout": ["handle_logout"]}


class ListeningSubscriber:
    def subscribe(self, events: Dispatcher) -> None:
        events.listen("user.login", lambda user: CALLS.append(("direct", user)))


@pytest.fixture(autouse=True)
def _reset_calls() -> t.Iterator[None]:
    CALLS.clear()
    yield
    CALLS.clear()


def test_string_events_pass_the_payload_as_arguments() -> None:
    events = Dispatcher()
    events.listen("user.login", lambda user, remember: CALLS.append((user, remember)))

    assert events.dispatch("user.login", ["taylor", True]) == [None]
    assert CALLS == [("taylor", True)]


def test_a_single_payload_value_is_one_argument() -> None:
    events = Dispatcher()
    events.listen("user.login", lambda user: CALLS.append(user))
    events.dispatch("user.login", {"name": "taylor"})
    events.dispatch("user.login", ("tuple-spreads",))

    assert CALLS == [{"name": "taylor"}, "tuple-spreads"]


def test_no_payload_calls_without_arguments_and_unknown_events_do_nothing() -> None:
    events = Dispatcher()
    events.listen("tick", lambda: CALLS.append("tick"))

    assert events.dispatch("tick") == [None]
    assert events.dispatch("nobody.listens", "x") == []
    assert CALLS == ["tick"]


def test_listen_registers_several_events_at_once() -> None:
    events = Dispatcher()
    events.listen(["a", "b"], lambda: CALLS.append("hit"))
    events.dispatch("a")
    events.dispatch("b")

    assert CALLS == ["hit", "hit"]


def test_responses_are_collected_in_registration_order() -> None:
    events = Dispatcher()
    events.listen("e", lambda: 1)
    events.listen("e", lambda: None)
    events.listen("e", lambda: "three")

    assert events.dispatch("e") == [1, None, "three"]


def test_a_listener_returning_false_stops_propagation() -> None:
    events = Dispatcher()
    events.listen("e", lambda: CALLS.append("first"))
    events.listen("e", lambda: False)
    events.listen("e", lambda: CALLS.append("never"))

    assert events.dispatch("e") == [None]
    assert CALLS == ["first"]


def test_until_returns_the_first_response_that_is_not_none() -> None:
    events = Dispatcher()
    events.listen("e", lambda: None)
    events.listen("e", lambda: "answer")
    events.listen("e", lambda: CALLS.append("never"))

    assert events.until("e") == "answer"
    assert events.dispatch("e", halt=True) == "answer"
    assert events.until("nothing") is None
    assert CALLS == []


def test_until_returns_false_from_a_cancelling_listener() -> None:
    events = Dispatcher()
    events.listen("e", lambda: False)

    assert events.until("e") is False


def test_event_objects_dispatch_by_class() -> None:
    events = Dispatcher()
    events.listen(OrderShipped, lambda event: CALLS.append(event.order_id))
    event = OrderShipped(7)

    assert events.dispatch(event, "ignored payload") == [None]
    assert CALLS == [7]
    assert events.has_listeners(OrderShipped)
    assert events.has_listeners(f"{__name__}.OrderShipped")


def test_listeners_of_a_base_class_hear_subclass_events() -> None:
    events = Dispatcher()
    events.listen(OrderShipped, lambda event: CALLS.append(("base", event.order_id)))
    events.listen(
        ExpressOrderShipped, lambda event: CALLS.append(("own", event.order_id))
    )
    events.dispatch(ExpressOrderShipped(3))
    events.dispatch(OrderShipped(4))

    assert CALLS == [("own", 3), ("base", 3), ("base", 4)]


def test_class_listeners_resolve_through_the_container_and_call_handle() -> None:
    container = Container()
    mailer = Mailer()
    container.instance(Mailer, mailer)
    events = Dispatcher(container)
    events.listen("user.registered", ListenerWithDependency)
    events.dispatch("user.registered", "taylor")

    assert mailer.sent == ["taylor"]


def test_class_at_method_strings_and_pairs_name_the_method() -> None:
    events = Dispatcher()
    events.listen(OrderShipped, f"{__name__}.SendShipmentNotification@other")
    events.listen(OrderShipped, [SendShipmentNotification, "other"])
    events.listen(OrderShipped, f"{__name__}.SendShipmentNotification")

    assert events.dispatch(OrderShipped(1)) == [None, None, "notified"]
    assert CALLS == [("other", 1), ("other", 1), ("handle", 1)]


def test_callable_classes_and_instances_are_listeners() -> None:
    events = Dispatcher()
    events.listen("e", InvokableListener)
    events.listen("e", InvokableListener())
    events.dispatch("e", [1, 2])

    assert CALLS == [("invoked", (1, 2)), ("invoked", (1, 2))]


def test_listen_reads_the_event_from_the_type_hint() -> None:
    events = Dispatcher()

    def on_shipped(event: OrderShipped) -> None:
        CALLS.append(("closure", event.order_id))

    events.listen(on_shipped)
    events.listen(SendShipmentNotification)
    events.dispatch(OrderShipped(5))

    assert CALLS == [("closure", 5), ("handle", 5)]


def test_listen_reads_every_class_of_a_union_hint() -> None:
    events = Dispatcher()

    def on_either(event: OrderShipped | Mailer) -> None:
        CALLS.append(type(event).__name__)

    events.listen(on_either)
    events.dispatch(Mailer())
    events.dispatch(OrderShipped(1))

    assert CALLS == ["Mailer", "OrderShipped"]


def test_listen_without_a_hint_names_the_fix() -> None:
    events = Dispatcher()

    with pytest.raises(InvalidArgumentError, match=r"Cannot tell which event"):
        events.listen(lambda event: None)


def test_wildcard_listeners_receive_the_event_name_and_payload() -> None:
    events = Dispatcher()
    events.listen("eloquent.*", lambda name, payload: CALLS.append((name, payload)))
    events.listen("eloquent.created: app.models.Post", lambda post: CALLS.append(post))
    events.dispatch("eloquent.created: app.models.Post", "post")

    assert CALLS == ["post", ("eloquent.created: app.models.Post", ["post"])]
    assert events.has_wildcard_listeners("eloquent.saved: x")
    assert not events.has_wildcard_listeners("user.login")
    assert events.has_listeners("eloquent.anything")


def test_wildcards_registered_later_are_found() -> None:
    events = Dispatcher()
    events.dispatch("user.login")
    events.listen("user.*", lambda name, payload: CALLS.append(name))
    events.dispatch("user.login")

    assert CALLS == ["user.login"]


def test_has_listeners() -> None:
    events = Dispatcher()
    assert not events.has_listeners("user.login")
    events.listen("user.login", lambda: None)

    assert events.has_listeners("user.login")
    assert not events.has_listeners("user.logout")


def test_forget_removes_listeners_and_wildcards() -> None:
    events = Dispatcher()
    events.listen("e", lambda: CALLS.append("e"))
    events.listen("w.*", lambda name, payload: CALLS.append(name))
    events.dispatch("e")
    events.forget("e")
    events.forget("w.*")
    events.dispatch("e")
    events.dispatch("w.x")

    assert CALLS == ["e"]
    assert not events.has_listeners("e")
    assert not events.has_listeners("w.x")


def test_push_and_flush_defer_events() -> None:
    events = Dispatcher()
    events.listen("mail.sent", lambda to: CALLS.append(to))
    events.push("mail.sent", ["a@example.com"])
    events.push("mail.sent", ["b@example.com"])
    assert CALLS == []

    events.flush("mail.sent")
    assert CALLS == ["a@example.com", "b@example.com"]

    events.forget_pushed()
    events.flush("mail.sent")
    assert CALLS == ["a@example.com", "b@example.com"]


def test_subscribers_returning_a_map_register_methods() -> None:
    events = Dispatcher()
    events.subscribe(UserEventSubscriber)
    events.dispatch("user.login", "taylor")
    events.dispatch("user.logout", "taylor")

    assert CALLS == [("login", "taylor"), ("logout", "taylor")]


def test_subscribers_may_listen_themselves_and_be_dotted_paths() -> None:
    events = Dispatcher()
    events.subscribe(f"{__name__}.ListeningSubscriber")
    events.subscribe(ListeningSubscriber())
    events.dispatch("user.login", "abigail")

    assert CALLS == [("direct", "abigail"), ("direct", "abigail")]


def test_unknown_subscriber_path_names_it() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[app.missing.Subscriber\]"):
        Dispatcher().subscribe("app.missing.Subscriber")


def test_unknown_listener_path_fails_when_the_event_fires() -> None:
    events = Dispatcher()
    events.listen("e", "app.listeners.Missing")

    with pytest.raises(InvalidArgumentError, match=r"\[app.listeners.Missing\]"):
        events.dispatch("e")


def test_a_listener_without_the_named_method_is_reported() -> None:
    events = Dispatcher()
    events.listen("e", [SendShipmentNotification, "nope"])
    events.listen("f", Mailer)

    with pytest.raises(AttributeError):
        events.dispatch("e")
    with pytest.raises(InvalidArgumentError, match=r"has no method \[handle\]"):
        events.dispatch("f")


def test_non_callable_listeners_are_rejected() -> None:
    events = Dispatcher()
    events.listen("e", 42)

    with pytest.raises(InvalidArgumentError, match=r"\[42\] is not callable"):
        events.dispatch("e")


def test_get_raw_listeners_and_camel_case_twins() -> None:
    events = Dispatcher()
    listener = lambda: None  # noqa: E731
    events.listen("e", listener)

    assert events.get_raw_listeners() == {"e": [listener]}
    assert events.hasListeners("e")


def test_macros() -> None:
    Dispatcher.macro("fire_twice", lambda self, name: [self.dispatch(name)] * 2)
    try:
        events = Dispatcher()
        events.listen("e", lambda: 1)
        assert events.fire_twice("e") == [[1], [1]]
    finally:
        Dispatcher.flush_macros()


def test_null_dispatcher_mutes_dispatch_but_forwards_listen() -> None:
    real = Dispatcher()
    muted = NullDispatcher(real)
    muted.listen("e", lambda: CALLS.append("e"))

    assert muted.dispatch("e") is None
    assert muted.until("e") is None
    muted.push("e")
    assert CALLS == []
    assert muted.has_listeners("e")
    real.dispatch("e")
    assert CALLS == ["e"]


def test_the_provider_binds_one_dispatcher_as_events(make_app: t.Any) -> None:
    app = make_app(providers=[EventServiceProvider])
    events = app.make("events")

    assert isinstance(events, Dispatcher)
    assert app.make("events") is events
    assert app.make(Dispatcher) is events


def test_the_event_facade_reaches_the_dispatcher(make_app: t.Any) -> None:
    from protevus.support.facades.event import Event

    make_app(providers=[EventServiceProvider])
    Event.listen("user.login", lambda user: CALLS.append(user))
    Event.dispatch("user.login", "taylor")

    assert CALLS == ["taylor"]


def test_listeners_resolved_from_the_app_get_injection(make_app: t.Any) -> None:
    app = make_app(providers=[EventServiceProvider])
    mailer = Mailer()
    app.instance(Mailer, mailer)
    app.make("events").listen("user.registered", ListenerWithDependency)
    app.make("events").dispatch("user.registered", ["abigail"])

    assert mailer.sent == ["abigail"]
