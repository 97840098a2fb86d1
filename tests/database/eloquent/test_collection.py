"""The Eloquent Collection: keys, find, contains, set operations, queries, loading."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.collection import Collection
from protevus.database.eloquent.model import Model
from protevus.database.exceptions import DatabaseError
from protevus.support.collection import Collection as BaseCollection


class CoItem(Model):
    table = "items"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False
    hidden: t.ClassVar[list[str]] = ["secret"]


class CoOther(Model):
    table = "items"
    timestamps = False


@pytest.fixture
def items(schema: t.Any) -> Collection:
    def table(t_: t.Any) -> None:
        t_.id()
        t_.string("name")
        t_.string("secret").nullable()

    schema.create("items", table)
    for name in ("a", "b", "c"):
        CoItem.create({"name": name, "secret": "s"})
    return CoItem.order_by("id").get()


def test_model_keys_find_and_dictionary(items: Collection) -> None:
    assert items.model_keys() == [1, 2, 3]
    assert items.modelKeys() == [1, 2, 3]
    assert items.find(2).name == "b"
    assert items.find(items[0]).name == "a"
    assert items.find(9) is None and items.find(9, "x") == "x"
    assert [m.name for m in items.find([1, 3])] == ["a", "c"]
    assert list(items.get_dictionary()) == [1, 2, 3]


def test_contains_by_model_key_and_callback(items: Collection) -> None:
    assert items.contains(2)
    assert items.contains(CoItem.find(1))
    assert not items.contains(9)
    assert items.contains(lambda m: m.name == "c")
    assert items.contains("name", "b")
    assert items.doesnt_contain(7)


def test_set_operations_by_key(items: Collection) -> None:
    first_two = Collection([CoItem.find(1), CoItem.find(2)])
    assert items.diff(first_two).model_keys() == [3]
    assert items.intersect(first_two).model_keys() == [1, 2]
    assert items.merge(
        [CoItem.find(1), CoItem.hydrate([{"id": 7, "name": "z"}])[0]]
    ).model_keys() == [1, 2, 3, 7]
    doubled = Collection([*items, CoItem.find(1)])
    assert doubled.unique().model_keys() == [1, 2, 3]
    assert items.only(1, 3).model_keys() == [1, 3]
    assert items.only().model_keys() == [1, 2, 3]
    assert items.except_([2]).model_keys() == [1, 3]


def test_results_that_are_not_models_become_base_collections(items: Collection) -> None:
    names = items.map(lambda m: m.name)
    assert type(names) is BaseCollection and names.all() == ["a", "b", "c"]
    assert isinstance(items.map(lambda m: m), Collection)
    assert type(items.pluck("name")) is BaseCollection
    assert type(items.keys()) is BaseCollection
    assert type(items.to_base()) is BaseCollection
    assert isinstance(items.filter(lambda m: m.id > 1), Collection)


def test_serialization_and_visibility(items: Collection) -> None:
    assert items.to_array()[0] == {"id": 1, "name": "a"}
    items.make_visible("secret")
    assert items.to_array()[0]["secret"] == "s"
    items.make_hidden("name")
    assert "name" not in items.to_array()[0]
    items.set_hidden([]).set_visible(["id"])
    assert items.to_array()[0] == {"id": 1}


def test_to_query_and_fresh(items: Collection) -> None:
    query = items.only(1, 2).to_query()
    assert query.count() == 2
    CoItem.where("id", 1).update({"name": "changed"})
    CoItem.where("id", 3).delete()
    fresh = items.fresh()
    assert fresh.model_keys() == [1, 2]
    assert fresh.find(1).name == "changed"
    with pytest.raises(DatabaseError, match="empty collection"):
        Collection().to_query()
    with pytest.raises(DatabaseError, match="mixed types"):
        Collection([items[0], CoOther.hydrate([{"id": 1}])[0]]).to_query()
    assert Collection().fresh().is_empty()


def test_a_plain_collection_is_not_callable() -> None:
    with pytest.raises(TypeError, match="not a loaded relation"):
        Collection()()
    called = Collection().set_relation_factory(lambda: "relation")
    assert called() == "relation"
