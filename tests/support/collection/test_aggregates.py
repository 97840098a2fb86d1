"""Collection aggregates and single-item lookups."""

from __future__ import annotations

import pytest

from protevus.exceptions import ItemNotFoundError
from protevus.exceptions import MultipleItemsFoundError
from protevus.support.collection import collect


def test_avg_and_average() -> None:
    data = [{"foo": 10}, {"foo": 10}, {"foo": 20}, {"foo": 40}]
    assert collect(data).avg("foo") == 20
    assert collect([1, 1, 2, 4]).avg() == 2
    assert collect([1, 1, 2, 4]).average() == 2
    assert collect([1, 2]).avg() == 1.5
    assert collect([]).avg() is None


def test_count_and_count_by() -> None:
    assert collect([1, 2, 3, 4]).count() == 4
    assert collect([1, 2, 2, 2, 3]).count_by().all() == {1: 1, 2: 3, 3: 1}
    emails = collect(["alice@gmail.com", "bob@yahoo.com", "carlos@gmail.com"])
    assert emails.count_by(lambda e: e.split("@")[1]).all() == {
        "gmail.com": 2,
        "yahoo.com": 1,
    }


def test_max_median_min_mode() -> None:
    assert collect([{"foo": 10}, {"foo": 20}]).max("foo") == 20
    assert collect([1, 2, 3, 4, 5]).max() == 5
    data = collect([{"foo": 10}, {"foo": 10}, {"foo": 20}, {"foo": 40}])
    assert data.median("foo") == 15
    assert collect([1, 1, 2, 4]).median() == 1.5
    assert collect([{"foo": 10}, {"foo": 20}]).min("foo") == 10
    assert collect([1, 2, 3, 4, 5]).min() == 1
    assert data.mode("foo") == [10]
    assert collect([1, 1, 2, 4]).mode() == [1]
    assert collect([1, 1, 2, 2]).mode() == [1, 2]
    assert collect([]).median() is None and collect([]).mode() is None


def test_sum() -> None:
    assert collect([1, 2, 3, 4, 5]).sum() == 15
    books = collect(
        [
            {"name": "JavaScript: The Good Parts", "pages": 176},
            {"name": "JavaScript: The Definitive Guide", "pages": 1096},
        ]
    )
    assert books.sum("pages") == 1272
    products = collect(
        [
            {"name": "Chair", "colors": ["Black"]},
            {"name": "Desk", "colors": ["Black", "Mahogany"]},
            {"name": "Bookcase", "colors": ["Red", "Beige", "Brown"]},
        ]
    )
    assert products.sum(lambda product: len(product["colors"])) == 6
    assert collect(["1", 2, None, "1.5"]).sum() == 4.5


def test_percentage() -> None:
    c = collect([1, 1, 2, 2, 2, 3])
    assert c.percentage(lambda value: value == 1) == 33.33
    assert c.percentage(lambda value: value == 1, precision=3) == 33.333
    assert collect([]).percentage(lambda v: True) is None


def test_duplicates() -> None:
    assert collect(["a", "b", "a", "c", "b"]).duplicates().all() == {2: "a", 4: "b"}
    employees = collect(
        [
            {"email": "abigail@example.com", "position": "Developer"},
            {"email": "james@example.com", "position": "Designer"},
            {"email": "victoria@example.com", "position": "Developer"},
        ]
    )
    assert employees.duplicates("position").all() == {2: "Developer"}
    assert collect([1, "1"]).duplicates().all() == {1: "1"}
    assert collect([1, "1"]).duplicates_strict().all() == []


def test_first_and_first_or_fail() -> None:
    assert collect([1, 2, 3, 4]).first(lambda value, key: value > 2) == 3
    assert collect([1, 2, 3, 4]).first() == 1
    assert collect([]).first() is None
    assert collect([]).first(default=lambda: "none") == "none"
    with pytest.raises(ItemNotFoundError):
        collect([1, 2, 3, 4]).first_or_fail(lambda value, key: value > 5)
    with pytest.raises(ItemNotFoundError):
        collect([]).first_or_fail()
    assert collect([1, 2]).first_or_fail() == 1


def test_last() -> None:
    assert collect([1, 2, 3, 4]).last(lambda value, key: value < 3) == 2
    assert collect([1, 2, 3, 4]).last() == 4
    assert collect([]).last() is None


def test_sole() -> None:
    assert collect([1, 2, 3, 4]).sole(lambda value, key: value == 2) == 2
    rows = collect(
        [{"product": "Desk", "price": 200}, {"product": "Chair", "price": 100}]
    )
    assert rows.sole("product", "Chair") == {"product": "Chair", "price": 100}
    assert collect([{"product": "Desk", "price": 200}]).sole() == {
        "product": "Desk",
        "price": 200,
    }


def test_sole_unhappy_paths() -> None:
    with pytest.raises(ItemNotFoundError):
        collect([]).sole()
    with pytest.raises(ItemNotFoundError):
        collect([1, 2]).sole(lambda v: v > 5)
    with pytest.raises(MultipleItemsFoundError) as caught:
        collect([1, 2, 3]).sole(lambda v: v > 1)
    assert caught.value.count == 2
