"""MessageBag: validation errors and flash messages."""

from __future__ import annotations

import json

from protevus.support.message_bag import MessageBag


def make() -> MessageBag:
    return MessageBag(
        {
            "email": ["The email field is required.", "The email must be valid."],
            "name": "The name field is required.",
            "items.0.sku": ["The sku is invalid."],
            "items.1.sku": ["The sku is taken."],
        }
    )


def test_construct_and_count() -> None:
    bag = make()
    assert bag.count() == 5
    assert len(bag) == 5
    assert bag.keys() == ["email", "name", "items.0.sku", "items.1.sku"]
    assert bag.messages()["name"] == ["The name field is required."]
    assert MessageBag({"a": ["x", "x"]}).count() == 1


def test_empty_bag() -> None:
    bag = MessageBag()
    assert bag.is_empty() and not bag.is_not_empty() and not bag.any()
    assert not bag
    assert bag.has("email") is False
    assert bag.first() == ""
    assert bag.first("email") == ""
    assert bag.get("email") == []
    assert bag.all() == []
    assert list(bag) == []


def test_add_add_if_and_unique_messages() -> None:
    bag = MessageBag()
    bag.add("email", "Bad").add("email", "Bad").add_if(False, "name", "x")
    bag.addIf(True, "name", "Required")
    assert bag.get_messages() == {"email": ["Bad"], "name": ["Required"]}
    assert bool(bag) is True


def test_has_has_any_missing() -> None:
    bag = make()
    assert bag.has("email") is True
    assert bag.has("email", "name") is True
    assert bag.has(["email", "password"]) is False
    assert bag.has("items.*") is True
    assert bag.has() is True
    assert bag.has_any(["password", "name"]) is True
    assert bag.has_any("password", "token") is False
    assert bag.missing("password") is True
    assert bag.missing(["password", "email"]) is False
    assert "email" in bag and "password" not in bag


def test_first_and_get_with_formats() -> None:
    bag = make()
    assert bag.first("email") == "The email field is required."
    assert bag.first() == "The email field is required."
    assert (
        bag.first("email", "<p>:message</p>") == "<p>The email field is required.</p>"
    )
    assert bag.first("items.*") == "The sku is invalid."
    assert bag.get("email", ":key: :message") == [
        "email: The email field is required.",
        "email: The email must be valid.",
    ]
    assert bag.get("items.*") == {
        "items.0.sku": ["The sku is invalid."],
        "items.1.sku": ["The sku is taken."],
    }
    assert bag.get("nope") == []


def test_all_unique_and_default_format() -> None:
    bag = MessageBag({"a": ["Same"], "b": ["Same", "Other"]})
    assert bag.all() == ["Same", "Same", "Other"]
    assert bag.unique() == ["Same", "Other"]
    assert bag.get_format() == ":message"
    bag.set_format("<li>:message</li>")
    assert bag.all()[0] == "<li>Same</li>"
    assert bag.first("b") == "<li>Same</li>"
    assert bag.all(":key") == ["a", "b", "b"]
    assert list(bag) == ["<li>Same</li>", "<li>Same</li>", "<li>Other</li>"]


def test_merge_and_forget() -> None:
    bag = MessageBag({"a": ["one"]})
    bag.merge({"a": ["two"], "b": "three"})
    bag.merge(MessageBag({"c": ["four"]}))
    assert bag.messages() == {"a": ["one", "two"], "b": ["three"], "c": ["four"]}
    bag.forget("a").forget("missing")
    assert bag.keys() == ["b", "c"]


def test_to_array_and_json() -> None:
    bag = MessageBag({"email": ["Bad"]})
    assert bag.to_array() == {"email": ["Bad"]}
    assert json.loads(bag.to_json()) == {"email": ["Bad"]}
    assert str(bag) == '{"email": ["Bad"]}'
    assert bag.toJson() == bag.to_json()
    assert bag.get_message_bag() is bag
    assert MessageBag(bag) == bag
