"""Collection slicing and chunking."""

from __future__ import annotations

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.support.collection import collect

PRODUCTS = [
    {"product": "Desk", "price": 200},
    {"product": "Chair", "price": 100},
    {"product": "Bookcase", "price": 150},
    {"product": "Door", "price": 100},
]


def test_chunk_by() -> None:
    rows = [
        {"name": "Desk", "category": "Office"},
        {"name": "Chair", "category": "Office"},
        {"name": "Apple", "category": "Fruit"},
        {"name": "Pear", "category": "Fruit"},
    ]
    assert collect(rows).chunk_by("category").count() == 2
    chunks = collect(list("AABBCCCD")).chunk_by(lambda v: v)
    assert [c.values().all() for c in chunks] == [
        ["A", "A"],
        ["B", "B"],
        ["C", "C", "C"],
        ["D"],
    ]
    chunks = collect([1, 1, 2, 2, 1, 1]).chunk_by(lambda v: v)
    assert [c.values().all() for c in chunks] == [[1, 1], [2, 2], [1, 1]]


def test_chunk_while() -> None:
    chunks = collect(list("AABBCCCD")).chunk_while(
        lambda value, key, chunk: value == chunk.last()
    )
    assert [c.values().all() for c in chunks] == [
        ["A", "A"],
        ["B", "B"],
        ["C", "C", "C"],
        ["D"],
    ]
    assert chunks[1].all() == {2: "B", 3: "B"}


def test_for_page() -> None:
    chunk = collect([1, 2, 3, 4, 5, 6, 7, 8, 9]).for_page(2, 3)
    assert chunk.values().all() == [4, 5, 6]
    assert chunk.all() == {3: 4, 4: 5, 5: 6}


def test_nth() -> None:
    c = collect(["a", "b", "c", "d", "e", "f"])
    assert c.nth(4).all() == ["a", "e"]
    assert c.nth(4, 1).all() == ["b", "f"]


def test_partition() -> None:
    under_three, rest = collect([1, 2, 3, 4, 5, 6]).partition(lambda i: i < 3)
    assert under_three.all() == [1, 2]
    assert rest.all() == {2: 3, 3: 4, 4: 5, 5: 6}
    cheap, dear = collect(PRODUCTS).partition("price", "<", 150)
    assert cheap.pluck("product").all() == ["Chair", "Door"]
    assert dear.count() == 2


def test_skip_and_skip_until_and_skip_while() -> None:
    c = collect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    assert c.skip(4).values().all() == [5, 6, 7, 8, 9, 10]
    assert collect([1, 2, 3, 4]).skip_until(lambda item: item >= 3).all() == {
        2: 3,
        3: 4,
    }
    assert collect([1, 2, 3, 4]).skip_until(3).values().all() == [3, 4]
    assert collect([1, 2, 3, 4]).skip_until(9).all() == []
    assert collect([1, 2, 3, 4]).skip_while(lambda item: item <= 3).all() == {3: 4}


def test_slice_and_sliding() -> None:
    c = collect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    assert c.slice(4).values().all() == [5, 6, 7, 8, 9, 10]
    assert c.slice(4, 2).all() == {4: 5, 5: 6}
    assert c.slice(-2).all() == {8: 9, 9: 10}
    assert c.slice(2, -6).values().all() == [3, 4]
    windows = collect([1, 2, 3, 4, 5]).sliding(2)
    assert [w.values().all() for w in windows] == [[1, 2], [2, 3], [3, 4], [4, 5]]
    steps = collect([1, 2, 3, 4, 5]).sliding(3, step=2)
    assert [w.values().all() for w in steps] == [[1, 2, 3], [3, 4, 5]]
    assert collect([1]).sliding(2).all() == []


def test_split_and_split_in() -> None:
    groups = collect([1, 2, 3, 4, 5]).split(3)
    assert groups.to_array() == [[1, 2], [3, 4], [5]]
    groups = collect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).split_in(3)
    assert [g.values().all() for g in groups] == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]


def test_take_family() -> None:
    assert collect([0, 1, 2, 3, 4, 5]).take(3).all() == [0, 1, 2]
    assert collect([0, 1, 2, 3, 4, 5]).take(-2).all() == {4: 4, 5: 5}
    assert collect([1, 2, 3, 4]).take_until(lambda item: item >= 3).all() == [1, 2]
    assert collect([1, 2, 3, 4]).take_until(3).all() == [1, 2]
    assert collect([1, 2, 3, 4]).take_until(9).all() == [1, 2, 3, 4]
    assert collect([1, 2, 3, 4]).take_while(lambda item: item < 3).all() == [1, 2]


def test_sliding_and_nth_reject_bad_sizes() -> None:
    with pytest.raises(InvalidArgumentError, match=r"Size value \[0\]"):
        collect([1]).sliding(0)
    with pytest.raises(InvalidArgumentError, match=r"Step value \[0\]"):
        collect([1]).nth(0)
