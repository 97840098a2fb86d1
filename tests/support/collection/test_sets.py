"""Collection set operations: diff, intersect, union, unique, merge."""

from __future__ import annotations

from protevus.support.collection import collect


def test_diff_family() -> None:
    assert collect([1, 2, 3, 4, 5]).diff([2, 4, 6, 8]).all() == {0: 1, 2: 3, 4: 5}
    c = collect({"color": "orange", "type": "fruit", "remain": 6})
    diff = c.diff_assoc({"color": "yellow", "type": "fruit", "remain": 3, "used": 6})
    assert diff.all() == {"color": "orange", "remain": 6}
    used = c.diff_assoc_using(
        {"Color": "yellow", "Type": "fruit", "Remain": 3},
        lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()),
    )
    assert used.all() == {"color": "orange", "remain": 6}
    numbers = collect({"one": 10, "two": 20, "three": 30, "four": 40, "five": 50})
    keys = numbers.diff_keys({"two": 2, "four": 4, "six": 6, "eight": 8})
    assert keys.all() == {"one": 10, "three": 30, "five": 50}


def test_intersect_family() -> None:
    c = collect(["Desk", "Sofa", "Chair"])
    assert c.intersect(["Desk", "Chair", "Bookcase"]).all() == {0: "Desk", 2: "Chair"}
    used = c.intersect_using(
        ["desk", "chair", "bookcase"],
        lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()),
    )
    assert used.all() == {0: "Desk", 2: "Chair"}
    shirt = collect({"color": "red", "size": "M", "material": "cotton"})
    other = {"color": "blue", "size": "M", "material": "polyester"}
    assert shirt.intersect_assoc(other).all() == {"size": "M"}
    item = collect({"serial": "UX301", "type": "screen", "year": 2009})
    same_keys = item.intersect_by_keys(
        {"reference": "UX404", "type": "tab", "year": 2011}
    )
    assert same_keys.all() == {"type": "screen", "year": 2009}


def test_union_and_unique() -> None:
    union = collect({1: ["a"], 2: ["b"]}).union({3: ["c"], 1: ["d"]})
    assert union.all() == {1: ["a"], 2: ["b"], 3: ["c"]}
    assert collect([1, 1, 2, 2, 3, 4, 2]).unique().values().all() == [1, 2, 3, 4]
    phones = collect(
        [
            {"name": "iPhone 6", "brand": "Apple", "type": "phone"},
            {"name": "iPhone 5", "brand": "Apple", "type": "phone"},
            {"name": "Apple Watch", "brand": "Apple", "type": "watch"},
            {"name": "Galaxy S6", "brand": "Samsung", "type": "phone"},
            {"name": "Galaxy Gear", "brand": "Samsung", "type": "watch"},
        ]
    )
    assert phones.unique("brand").pluck("name").all() == ["iPhone 6", "Galaxy S6"]
    by_pair = phones.unique(lambda item: item["brand"] + item["type"])
    assert by_pair.pluck("name").all() == [
        "iPhone 6",
        "Apple Watch",
        "Galaxy S6",
        "Galaxy Gear",
    ]


def test_unique_loose_versus_strict() -> None:
    assert collect([1, "1", 1.0, "01"]).unique().all() == [1]
    assert collect([1, "1", 1.0]).unique_strict().all() == [1, "1", 1.0]
    assert collect([None, "", 0, "a"]).unique().all() == {0: None, 3: "a"}


def test_merge_and_merge_recursive() -> None:
    c = collect({"product_id": 1, "price": 100})
    assert c.merge({"price": 200, "discount": False}).all() == {
        "product_id": 1,
        "price": 200,
        "discount": False,
    }
    assert collect(["Desk", "Chair"]).merge(["Bookcase", "Door"]).all() == [
        "Desk",
        "Chair",
        "Bookcase",
        "Door",
    ]
    merged = c.merge_recursive({"product_id": 2, "price": 200, "discount": False})
    assert merged.all() == {
        "product_id": [1, 2],
        "price": [100, 200],
        "discount": False,
    }
