"""Collection sorting, shuffling and random picks."""

from __future__ import annotations

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.support.collection import collect
from protevus.support.concerns.collection_sorting import SORT_NATURAL

PEOPLE = [
    {"name": "Taylor Otwell", "age": 34},
    {"name": "Abigail Otwell", "age": 30},
    {"name": "Taylor Otwell", "age": 36},
    {"name": "Abigail Otwell", "age": 32},
]


PEOPLE_SORTED = [
    {"name": "Abigail Otwell", "age": 32},
    {"name": "Abigail Otwell", "age": 30},
    {"name": "Taylor Otwell", "age": 36},
    {"name": "Taylor Otwell", "age": 34},
]


def test_sort_family() -> None:
    assert collect([5, 3, 1, 2, 4]).sort().values().all() == [1, 2, 3, 4, 5]
    assert collect([5, 3, 1]).sort().all() == {2: 1, 1: 3, 0: 5}
    assert collect([5, 3, 1, 2, 4]).sort_desc().values().all() == [5, 4, 3, 2, 1]
    by_cmp = collect([5, 3, 1]).sort(lambda a, b: b - a)
    assert by_cmp.values().all() == [5, 3, 1]
    assert collect(["10", "9", "1"]).sort().values().all() == ["1", "9", "10"]


def test_sort_by() -> None:
    c = collect(
        [
            {"name": "Desk", "price": 200},
            {"name": "Chair", "price": 100},
            {"name": "Bookcase", "price": 150},
        ]
    )
    assert c.sort_by("price").pluck("name").all() == ["Chair", "Bookcase", "Desk"]
    assert c.sort_by("price").keys().all() == [1, 2, 0]
    assert c.sort_by_desc("price").pluck("name").all() == ["Desk", "Bookcase", "Chair"]
    titles = collect([{"title": "Item 1"}, {"title": "Item 12"}, {"title": "Item 3"}])
    assert titles.sort_by("title", SORT_NATURAL).pluck("title").all() == [
        "Item 1",
        "Item 3",
        "Item 12",
    ]
    colors = collect(
        [
            {"name": "Desk", "colors": ["Black", "Mahogany"]},
            {"name": "Chair", "colors": ["Black"]},
            {"name": "Bookcase", "colors": ["Red", "Beige", "Brown"]},
        ]
    )
    by_count = colors.sort_by(lambda product, key: len(product["colors"]))
    assert by_count.pluck("name").all() == ["Chair", "Desk", "Bookcase"]


def test_sort_by_many() -> None:
    sorted_ = collect(PEOPLE).sort_by([["name", "asc"], ["age", "desc"]])
    assert sorted_.values().all() == PEOPLE_SORTED
    with_closures = collect(PEOPLE).sort_by(
        [
            lambda a, b: (a["name"] > b["name"]) - (a["name"] < b["name"]),
            lambda a, b: (b["age"] > a["age"]) - (b["age"] < a["age"]),
        ]
    )
    assert with_closures.values().all() == PEOPLE_SORTED


def test_sort_keys() -> None:
    c = collect({"id": 22345, "first": "John", "last": "Doe"})
    assert list(c.sort_keys().keys()) == ["first", "id", "last"]
    assert list(c.sort_keys_desc().keys()) == ["last", "id", "first"]
    upper = collect({"ID": 22345, "first": "John", "last": "Doe"})
    using = upper.sort_keys_using(
        lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower())
    )
    assert list(using.keys()) == ["first", "ID", "last"]


def test_shuffle() -> None:
    shuffled = collect([1, 2, 3, 4, 5]).shuffle()
    assert sorted(shuffled) == [1, 2, 3, 4, 5]
    assert list(shuffled.keys()) == [0, 1, 2, 3, 4]


def test_random() -> None:
    c = collect([1, 2, 3, 4, 5])
    assert c.random() in [1, 2, 3, 4, 5]
    picked = c.random(3)
    assert picked.count() == 3 and set(picked) <= {1, 2, 3, 4, 5}
    assert c.random(lambda items: min(10, len(items))).count() == 5
    kept = c.random(2, preserve_keys=True)
    assert all(c[k] == v for k, v in kept.items())


def test_random_too_many_raises_clear_error() -> None:
    with pytest.raises(
        InvalidArgumentError, match=r"requested \[6\] items.*only \[5\]"
    ):
        collect([1, 2, 3, 4, 5]).random(6)
    with pytest.raises(InvalidArgumentError):
        collect([]).random()
