"""Accessors and mutators: Attribute methods and legacy get_x/set_x_attribute methods."""

from __future__ import annotations

import dataclasses
import typing as t

import pytest

from protevus.database.eloquent.attribute import Attribute
from protevus.database.eloquent.model import Model
from protevus.support.carbon import Carbon


@dataclasses.dataclass
class Address:
    line_one: str
    line_two: str


class Person(Model):
    table = "people"
    guarded: t.ClassVar[list[str]] = []
    calls: t.ClassVar[list[str]] = []

    def first_name(self) -> Attribute:
        return Attribute(
            get=lambda value: value.capitalize() if value else value,
            set=lambda value: value.strip().lower(),
        )

    def full_name(self) -> Attribute:
        return Attribute.make(
            get=lambda value, attributes: (
                f"{attributes.get('first_name', '')} {attributes.get('last_name', '')}"
            ).strip()
        )

    def address(self) -> Attribute:
        return Attribute(
            get=lambda value, attributes: Address(
                attributes.get("line_one", ""), attributes.get("line_two", "")
            ),
            set=lambda value: {"line_one": value.line_one, "line_two": value.line_two},
        )

    def token(self) -> Attribute:
        def compute(value: t.Any) -> str:
            Person.calls.append("token")
            return f"tok-{value}"

        return Attribute.get(compute).should_cache()

    def fresh_address(self) -> Attribute:
        return Attribute.get(lambda: Address("x", "y")).without_object_caching()

    def email(self) -> Attribute:
        return Attribute.set(lambda value: value.lower())

    def get_nickname_attribute(self, value: t.Any) -> str:
        return (value or "anon").upper()

    def set_last_name_attribute(self, value: str) -> None:
        self.attributes["last_name"] = value.title()


def test_attribute_accessor_and_mutator() -> None:
    person = Person()
    person.first_name = "  TAYLOR "
    assert person.attributes["first_name"] == "taylor"
    assert person.first_name == "Taylor"
    assert person["first_name"] == "Taylor"


def test_accessor_reads_other_attributes_for_computed_values() -> None:
    person = Person(first_name="ada", last_name="lovelace")
    assert person.attributes["last_name"] == "Lovelace"
    assert person.full_name == "ada Lovelace"


def test_mutator_returning_a_dict_sets_several_attributes() -> None:
    person = Person()
    person.address = Address("1 Main", "Apt 2")
    assert person.attributes == {"line_one": "1 Main", "line_two": "Apt 2"}
    assert person.address == Address("1 Main", "Apt 2")


def test_object_values_are_cached_and_written_back() -> None:
    person = Person().set_raw_attributes({"line_one": "a", "line_two": "b"})
    assert person.address is person.address
    person.address.line_one = "changed"
    assert person.get_attributes()["line_one"] == "changed"


def test_should_cache_caches_scalars_and_without_object_caching_rebuilds() -> None:
    Person.calls.clear()
    person = Person().set_raw_attributes({"token": "1"})
    assert person.token == "tok-1"
    assert person.token == "tok-1"
    assert Person.calls == ["token"]
    assert person.fresh_address is not person.fresh_address


def test_set_only_attribute_reads_the_raw_value() -> None:
    person = Person()
    person.email = "A@B.C"
    assert person.email == "a@b.c"
    assert not person.has_get_mutator("email")
    assert person.has_set_mutator("email")


def test_legacy_accessor_and_mutator_methods() -> None:
    person = Person()
    assert person.nickname == "ANON"
    person.last_name = "de la cruz"
    assert person.attributes["last_name"] == "De La Cruz"
    assert person.has_get_mutator("nickname")
    assert person.has_set_mutator("last_name")


def test_fill_and_item_access_use_mutators() -> None:
    person = Person({"first_name": " BOB "})
    person["email"] = "X@Y.Z"
    assert person.attributes["first_name"] == "bob"
    assert person.attributes["email"] == "x@y.z"


def test_class_access_gives_the_method_and_the_attribute_object() -> None:
    assert callable(Person.first_name)
    attribute = Person.first_name(Person())
    assert isinstance(attribute, Attribute)
    assert callable(attribute.get) and callable(attribute.set)


def test_get_mutated_attributes_lists_accessors() -> None:
    mutated = Person().get_mutated_attributes()
    assert set(mutated) == {
        "nickname",
        "first_name",
        "full_name",
        "address",
        "token",
        "fresh_address",
    }


def test_accessors_apply_in_to_array_for_existing_columns_and_appends() -> None:
    person = Person().set_raw_attributes({"first_name": "ada", "last_name": "Byron"})
    assert person.to_array() == {"first_name": "Ada", "last_name": "Byron"}
    person.append("full_name", "nickname")
    data = person.to_array()
    assert data["full_name"] == "ada Byron"
    assert data["nickname"] == "ANON"


def test_accessor_returning_a_date_serializes_it() -> None:
    class Event(Model):
        timestamps = False
        appends = ["starts"]

        def starts(self) -> Attribute:
            return Attribute.get(lambda: Carbon.create(2026, 1, 1, 10))

    assert Event().to_array() == {"starts": "2026-01-01T10:00:00.000000Z"}


def test_appending_an_unknown_accessor_raises() -> None:
    person = Person().append("nope")
    with pytest.raises(AttributeError, match=r"Appended attribute \[nope\]"):
        person.to_array()


def test_subclass_inherits_and_overrides_accessors() -> None:
    class Child(Person):
        def first_name(self) -> Attribute:
            return Attribute.get(lambda value: f"child:{value}")

    child = Child().set_raw_attributes({"first_name": "x"})
    assert child.first_name == "child:x"
    assert child.full_name == "x"
    child.first_name = "Y"
    assert child.attributes["first_name"] == "Y"


def test_mutators_apply_when_saving(schema: t.Any) -> None:
    def columns(table: t.Any) -> None:
        table.id()
        table.string("first_name").nullable()
        table.string("last_name").nullable()
        table.string("line_one").nullable()
        table.string("line_two").nullable()
        table.timestamps()

    schema.create("people", columns)
    person = Person.create(
        {"first_name": " GRACE ", "last_name": "hopper", "address": Address("a", "b")}
    )
    fresh = Person.find(person.id)
    assert fresh.attributes["first_name"] == "grace"
    assert fresh.first_name == "Grace"
    assert fresh.last_name == "Hopper"
    assert fresh.address == Address("a", "b")
    fresh.address.line_two = "c"
    assert fresh.is_dirty("line_two")
    fresh.save()
    assert Person.find(person.id).line_two == "c"
