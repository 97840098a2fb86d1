"""Custom cast classes, castables, inbound casts and the built-in As* casts."""

from __future__ import annotations

import dataclasses
import typing as t

import pytest

from protevus.database.eloquent.casts.array_object import ArrayObject
from protevus.database.eloquent.casts.as_array_object import AsArrayObject
from protevus.database.eloquent.casts.as_collection import AsCollection
from protevus.database.eloquent.casts.as_stringable import AsStringable
from protevus.database.eloquent.casts.casts_attributes import Castable
from protevus.database.eloquent.casts.casts_attributes import CastsAttributes
from protevus.database.eloquent.casts.casts_attributes import CastsInboundAttributes
from protevus.database.eloquent.model import Model
from protevus.exceptions import InvalidArgumentError
from protevus.support.collection import Collection
from protevus.support.stringable import Stringable


@dataclasses.dataclass
class Address:
    line_one: str
    line_two: str


class AddressCast(CastsAttributes):
    def get(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        if attributes.get("address_line_one") is None:
            return None
        return Address(attributes["address_line_one"], attributes["address_line_two"])

    def set(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        if not isinstance(value, Address):
            raise InvalidArgumentError("The given value is not an Address instance.")
        return {"address_line_one": value.line_one, "address_line_two": value.line_two}

    def serialize(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        return f"{value.line_one}, {value.line_two}"


class Money(Castable):
    def __init__(self, cents: int, currency: str) -> None:
        self.cents, self.currency = cents, currency

    @classmethod
    def cast_using(cls, arguments: list[str]) -> t.Any:
        currency = arguments[0] if arguments else "USD"

        class MoneyCast(CastsAttributes):
            def get(
                self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
            ) -> t.Any:
                return None if value is None else Money(int(value), currency)

            def set(
                self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
            ) -> t.Any:
                return value.cents if isinstance(value, Money) else int(value)

        return MoneyCast()


class Lowercase(CastsInboundAttributes):
    def set(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        return value.lower()


class Prefixed(CastsAttributes):
    without_object_caching = True

    def __init__(self, prefix: str = ">") -> None:
        self.prefix = prefix
        self.calls = 0

    def get(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        self.calls += 1
        return Stringable(self.prefix + str(value))

    def compare(self, model: t.Any, key: str, first: t.Any, second: t.Any) -> bool:
        return str(first).lower() == str(second).lower()


class Tags(Collection):
    pass


@dataclasses.dataclass
class Option:
    name: str


class Profile(Model):
    table = "profiles"
    guarded: t.ClassVar[list[str]] = []
    casts = {
        "address": AddressCast,
        "price": Money,
        "email": Lowercase,
        "code": Prefixed("#"),
        "options": AsArrayObject,
        "tags": AsCollection,
        "typed_tags": AsCollection.using(Tags),
        "choices": AsCollection.of(Option),
        "bio": AsStringable,
    }


def test_value_object_spanning_several_columns() -> None:
    profile = Profile()
    profile.address = Address("1 Main St", "Apt 2")
    assert profile.attributes == {
        "address_line_one": "1 Main St",
        "address_line_two": "Apt 2",
    }
    assert "address" not in profile.attributes
    assert profile.address == Address("1 Main St", "Apt 2")
    assert profile.address is profile.address  # cached object


def test_changing_a_cached_value_object_is_written_back() -> None:
    profile = Profile(address=Address("a", "b"))
    profile.address.line_one = "changed"
    assert profile.get_attributes()["address_line_one"] == "changed"


def test_cast_class_errors_propagate() -> None:
    with pytest.raises(InvalidArgumentError, match="not an Address"):
        Profile().address = "nope"


def test_serialize_method_shapes_to_array() -> None:
    profile = Profile(address=Address("a", "b"))
    assert "address" not in profile.to_array()
    profile.append("address")
    assert profile.to_array()["address"] == "a, b"
    assert '"address": "a, b"' in profile.to_json()


def test_castable_value_class_with_arguments() -> None:
    class Priced(Model):
        timestamps = False
        casts = {"price": f"{__name__}.Money:EUR", "other": Money}

    priced = Priced().set_raw_attributes({"price": "150", "other": 3})
    assert priced.price.cents == 150
    assert priced.price.currency == "EUR"
    assert priced.other.currency == "USD"
    priced.price = Money(99, "EUR")
    assert priced.attributes["price"] == 99


def test_inbound_cast_only_transforms_writes() -> None:
    profile = Profile()
    profile.email = "TAYLOR@Example.COM"
    assert profile.attributes["email"] == "taylor@example.com"
    assert profile.email == "taylor@example.com"


def test_cast_instance_with_arguments_and_without_object_caching() -> None:
    profile = Profile().set_raw_attributes({"code": "abc"})
    caster = Profile.casts["code"]
    before = caster.calls
    assert str(profile.code) == "#abc"
    assert str(profile.code) == "#abc"
    assert caster.calls == before + 2


def test_compare_method_decides_dirtiness() -> None:
    profile = Profile().set_raw_attributes({"code": "abc"}, sync=True)
    profile.set_raw_attributes({"code": "ABC"})
    assert profile.is_clean("code")
    profile.set_raw_attributes({"code": "abd"})
    assert profile.is_dirty("code")


def test_as_array_object_changes_in_place_are_saved_to_attributes() -> None:
    profile = Profile().set_raw_attributes({"options": '{"theme":"light"}'}, sync=True)
    assert isinstance(profile.options, ArrayObject)
    profile.options["theme"] = "dark"
    profile.options.lang = "fr"
    assert profile.is_dirty("options")
    assert profile.get_attributes()["options"] == '{"theme":"dark","lang":"fr"}'
    assert profile.to_array()["options"] == {"theme": "dark", "lang": "fr"}
    assert profile.options.collect().all() == {"theme": "dark", "lang": "fr"}


def test_as_collection_variants() -> None:
    profile = Profile().set_raw_attributes(
        {"tags": '["a"]', "typed_tags": '["b"]', "choices": '["x","y"]'}
    )
    assert isinstance(profile.tags, Collection)
    assert isinstance(profile.typed_tags, Tags)
    assert profile.choices.all() == [Option("x"), Option("y")]
    profile.tags.push("c")
    assert profile.get_attributes()["tags"] == '["a","c"]'
    with pytest.raises(InvalidArgumentError, match="must extend"):
        AsCollection.using(dict)


def test_as_stringable() -> None:
    profile = Profile()
    profile.bio = "hello world"
    assert isinstance(profile.bio, Stringable)
    assert str(profile.bio.title()) == "Hello World"
    assert profile.to_array()["bio"] == "hello world"


def test_as_array_object_round_trips_and_saves_in_place_changes(schema: t.Any) -> None:
    def columns(table: t.Any) -> None:
        table.id()
        table.json("options").nullable()
        table.json("tags").nullable()
        table.string("address_line_one").nullable()
        table.string("address_line_two").nullable()
        table.timestamps()

    schema.create("profiles", columns)
    profile = Profile.create(
        {
            "options": {"theme": "light", "ü": [1]},
            "tags": ["a"],
            "address": Address("x", "y"),
        }
    )
    fresh = Profile.find(profile.id)
    assert fresh.is_clean()
    assert fresh.options["ü"] == [1]
    fresh.options["theme"] = "dark"
    fresh.tags.push("b")
    assert fresh.is_dirty("options", "tags")
    fresh.save()
    again = Profile.find(profile.id)
    assert again.options == {"theme": "dark", "ü": [1]}
    assert again.tags.all() == ["a", "b"]
    assert again.address == Address("x", "y")
    assert again.is_clean()
