"""Creating collections, macros, camelCase twins and the Python protocols."""

from __future__ import annotations

import json
import typing as t

import pytest

from protevus.support.collection import Collection
from protevus.support.collection import collect
from protevus.support.lazy_collection import LazyCollection

PRODUCTS = [
    {"product": "Desk", "price": 200},
    {"product": "Chair", "price": 100},
    {"product": "Bookcase", "price": 150},
    {"product": "Door", "price": 100},
]


def test_intro_map_then_reject() -> None:
    names = collect(["Taylor", "Abigail", None]).map(lambda n: (n or "").upper())
    assert names.reject(lambda n: not n).all() == ["TAYLOR", "ABIGAIL"]


def test_collect_and_lazy_collect() -> None:
    a = collect([1, 2, 3])
    b = a.collect()
    assert b.all() == [1, 2, 3] and b is not a

    def gen() -> t.Iterator[int]:
        yield 1
        yield 2
        yield 3

    collection = LazyCollection.make(gen).collect()
    assert type(collection) is Collection
    assert collection.all() == [1, 2, 3]


def test_make_and_map() -> None:
    assert Collection.make([1, 2, 3]).all() == [1, 2, 3]
    assert collect([1, 2, 3, 4, 5]).map(lambda item, key: item * 2).all() == [
        2,
        4,
        6,
        8,
        10,
    ]


def test_range_and_times() -> None:
    assert collect().range(3, 6).all() == [3, 4, 5, 6]
    assert Collection.range(3, 1).all() == [3, 2, 1]
    assert Collection.times(10, lambda number: number * 9).all() == [
        9,
        18,
        27,
        36,
        45,
        54,
        63,
        72,
        81,
        90,
    ]
    assert Collection.times(0).all() == []


def test_unwrap_value_values_wrap() -> None:
    assert Collection.unwrap(collect("John Doe")) == ["John Doe"]
    assert Collection.unwrap(["John Doe"]) == ["John Doe"]
    assert Collection.unwrap("John Doe") == "John Doe"
    rows = collect(
        [{"product": "Desk", "price": 200}, {"product": "Speaker", "price": 400}]
    )
    assert rows.value("price") == 200
    keyed = collect({10: {"product": "Desk"}, 11: {"product": "Speaker"}})
    assert keyed.values().all() == [{"product": "Desk"}, {"product": "Speaker"}]
    assert Collection.wrap("John Doe").all() == ["John Doe"]
    assert Collection.wrap(["John Doe"]).all() == ["John Doe"]
    assert Collection.wrap(collect("John Doe")).all() == ["John Doe"]
    assert Collection.wrap(None).all() == []


def test_from_json() -> None:
    text = json.dumps({"name": "Taylor Otwell", "role": "Developer"})
    assert Collection.from_json(text).get("role") == "Developer"


def test_lazy() -> None:
    lazy = collect([1, 2, 3, 4]).lazy()
    assert isinstance(lazy, LazyCollection)
    assert lazy.all() == [1, 2, 3, 4]
    rows = collect(
        [{"country": "FR", "balance": "150"}, {"country": "FR", "balance": 90}]
    )
    assert rows.lazy().where("country", "FR").where("balance", ">", "100").count() == 1


def test_macro_to_upper_and_camel_twin() -> None:
    Collection.macro("to_upper", lambda self: self.map(str.upper))
    try:
        assert collect(["first", "second"]).to_upper().all() == ["FIRST", "SECOND"]
        assert collect(["first"]).toUpper().all() == ["FIRST"]
    finally:
        Collection.flush_macros()


def test_macro_arguments() -> None:
    words = {"first": "primero", "second": "segundo"}
    Collection.macro("to_locale", lambda self, loc: self.map(lambda v: words[v]))
    try:
        assert collect(["first", "second"]).to_locale("es").all() == [
            "primero",
            "segundo",
        ]
    finally:
        Collection.flush_macros()


def test_camel_case_twins() -> None:
    c = collect(PRODUCTS)
    assert c.whereIn("price", [200]).count() == 1
    assert c.sortByDesc("price").first()["product"] == "Desk"
    assert c.firstWhere("product", "Door") == PRODUCTS[3]


def test_python_protocols() -> None:
    c = collect({"a": 1, "b": 2})
    assert list(c) == [1, 2]
    assert len(c) == 2 and bool(c) and not bool(collect())
    assert c["a"] == 1
    c["c"] = 3
    del c["a"]
    assert c.all() == {"b": 2, "c": 3}
    assert 2 in c and "b" not in c
    assert c.has("b")
    with pytest.raises(KeyError):
        c["missing"]
    c[None] = 4
    assert c.all() == {"b": 2, "c": 3, 0: 4}
    assert dict(c.items()) == {"b": 2, "c": 3, 0: 4}
    assert collect([1, 2]) == collect([1, 2]) == [1, 2]
    assert collect([1, 2]) != collect([2, 1])
    assert repr(collect([1, 2])) == "Collection([1, 2])"
    assert repr(collect([1, 2]).reverse()) == "Collection({1: 2, 0: 1})"
    assert list(reversed(collect([1, 2]))) == [2, 1]
