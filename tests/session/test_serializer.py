"""The JSON session payload: supported types round-trip, others fail naming the key."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import typing as t

import pendulum
import pytest

from protevus.session import serializer
from protevus.session.array_session_handler import ArraySessionHandler
from protevus.session.exceptions import SessionSerializationError
from protevus.session.store import Store
from protevus.support.carbon import Carbon
from protevus.support.message_bag import MessageBag
from protevus.support.view_error_bag import ViewErrorBag


def roundtrip(value: t.Any) -> t.Any:
    return serializer.unserialize(serializer.serialize({"k": value}))["k"]


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        0,
        -5,
        1.5,
        "text é",
        [1, "a", None],
        {"nested": {"list": [1, 2]}},
        (1, "two"),
        {1, 2, 3},
        frozenset({"a"}),
        {1: "one", 2: "two"},
        {"$protevus": "user data that looks like a tag"},
        dt.datetime(2024, 5, 1, 12, 30, tzinfo=dt.UTC),
        dt.datetime(2024, 5, 1, 12, 30),
        dt.date(2024, 5, 1),
        dt.time(8, 15, 30),
        decimal.Decimal("10.25"),
    ],
)
def test_supported_values_round_trip(value: t.Any) -> None:
    assert roundtrip(value) == value
    assert type(roundtrip(value)) is type(value)


def test_carbon_and_pendulum_keep_their_class() -> None:
    carbon = Carbon.create(2024, 5, 1, 12, 0, 0)
    back = roundtrip(carbon)
    assert isinstance(back, Carbon) and back == carbon
    moment = pendulum.datetime(2024, 5, 1, 12, tz="Europe/Paris")
    again = roundtrip(moment)
    assert isinstance(again, pendulum.DateTime) and again == moment


def test_message_bags_round_trip() -> None:
    bag = MessageBag({"email": ["The email field is required."]})
    back = roundtrip(bag)
    assert isinstance(back, MessageBag)
    assert back.first("email") == "The email field is required."
    errors = ViewErrorBag().put("default", bag).put("login", MessageBag({"a": ["b"]}))
    restored = roundtrip(errors)
    assert isinstance(restored, ViewErrorBag)
    assert restored.first("email") == "The email field is required."
    assert restored.get_bag("login").first("a") == "b"


def test_the_payload_is_plain_json() -> None:
    text = serializer.serialize({"_token": "abc", "when": dt.date(2024, 1, 2)})
    assert json.loads(text) == {
        "_token": "abc",
        "when": {"$protevus": "date", "v": "2024-01-02"},
    }


class Widget:
    pass


@pytest.mark.parametrize(
    ("attributes", "key"),
    [
        ({"thing": Widget()}, "[thing]"),
        ({"cart": {"items": [1, Widget()]}}, "[cart.items.1]"),
        ({"f": lambda: None}, "[f]"),
        ({"nan": float("nan")}, "[nan]"),
        ({"bytes": b"raw"}, "[bytes]"),
    ],
)
def test_unsupported_values_fail_naming_the_key(
    attributes: dict[str, t.Any], key: str
) -> None:
    with pytest.raises(SessionSerializationError) as caught:
        serializer.serialize(attributes)
    message = str(caught.value)
    assert key in message
    assert "which a session cannot store" in message
    assert "MessageBag" in message  # lists what a session can hold


def test_save_raises_a_clear_error_and_writes_nothing() -> None:
    handler = ArraySessionHandler(120)
    store = Store("s", handler)
    store.start()
    store.put("user", Widget())
    with pytest.raises(SessionSerializationError, match=r"key \[user\].*Widget"):
        store.save()
    assert handler.read(store.get_id()) == ""


@pytest.mark.parametrize(
    "payload",
    [
        "[1, 2]",
        "{bad json",
        '{"a": {"$protevus": "pickle", "v": "cos\\nsystem"}}',
        '{"a": {"$protevus": "date", "v": "not a date"}}',
        '{"a": {"$protevus": "dict", "v": [[1]]}}',
    ],
)
def test_foreign_payloads_are_refused(payload: str) -> None:
    with pytest.raises(serializer.PayloadError):
        serializer.unserialize(payload)
