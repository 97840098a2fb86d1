"""Collection transformations: map family, grouping, flattening, reducing."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from protevus.support.collection import Collection
from protevus.support.collection import collect


def test_map_into() -> None:
    @dataclass
    class Currency:
        code: str

    currencies = collect(["USD", "EUR", "GBP"]).map_into(Currency)
    assert currencies.all() == [Currency("USD"), Currency("EUR"), Currency("GBP")]


def test_map_spread() -> None:
    chunks = collect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).chunk(2)
    sequence = chunks.map_spread(lambda even, odd: even + odd)
    assert sequence.all() == [1, 5, 9, 13, 17]


def test_map_to_groups_and_map_with_keys() -> None:
    people = collect(
        [
            {"name": "John Doe", "department": "Sales"},
            {"name": "Jane Doe", "department": "Sales"},
            {"name": "Johnny Doe", "department": "Marketing"},
        ]
    )
    grouped = people.map_to_groups(lambda item, key: {item["department"]: item["name"]})
    assert grouped.to_array() == {
        "Sales": ["John Doe", "Jane Doe"],
        "Marketing": ["Johnny Doe"],
    }
    assert grouped.get("Sales").all() == ["John Doe", "Jane Doe"]
    staff = collect(
        [
            {"name": "John", "department": "Sales", "email": "john@example.com"},
            {"name": "Jane", "department": "Marketing", "email": "jane@example.com"},
        ]
    )
    keyed = staff.map_with_keys(lambda item, key: {item["email"]: item["name"]})
    assert keyed.all() == {"john@example.com": "John", "jane@example.com": "Jane"}
    assert staff.map_with_keys(lambda i: (i["name"], i["email"])).get("Jane") == (
        "jane@example.com"
    )


def test_flat_map() -> None:
    c = collect([{"name": "Sally"}, {"school": "Arkansas"}, {"age": 28}])
    flattened = c.flat_map(
        lambda values: {k: str(v).upper() for k, v in values.items()}
    )
    assert flattened.all() == {"name": "SALLY", "school": "ARKANSAS", "age": "28"}


def test_flatten() -> None:
    c = collect({"name": "Taylor", "languages": ["PHP", "JavaScript"]})
    assert c.flatten().all() == ["Taylor", "PHP", "JavaScript"]
    phones = collect(
        {
            "Apple": [{"name": "iPhone 6S", "brand": "Apple"}],
            "Samsung": [{"name": "Galaxy S7", "brand": "Samsung"}],
        }
    )
    assert phones.flatten(1).values().all() == [
        {"name": "iPhone 6S", "brand": "Apple"},
        {"name": "Galaxy S7", "brand": "Samsung"},
    ]
    assert phones.flatten().all() == ["iPhone 6S", "Apple", "Galaxy S7", "Samsung"]


def test_collapse_and_collapse_with_keys() -> None:
    c = collect([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    assert c.collapse().all() == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    nested = collect(
        [
            {"first": collect([1, 2, 3])},
            {"second": [4, 5, 6]},
            {"third": collect([7, 8, 9])},
        ]
    )
    assert nested.collapse_with_keys().to_array() == {
        "first": [1, 2, 3],
        "second": [4, 5, 6],
        "third": [7, 8, 9],
    }


def test_group_by() -> None:
    c = collect(
        [
            {"account_id": "account-x10", "product": "Chair"},
            {"account_id": "account-x10", "product": "Bookcase"},
            {"account_id": "account-x11", "product": "Desk"},
        ]
    )
    assert c.group_by("account_id").to_array() == {
        "account-x10": [
            {"account_id": "account-x10", "product": "Chair"},
            {"account_id": "account-x10", "product": "Bookcase"},
        ],
        "account-x11": [{"account_id": "account-x11", "product": "Desk"}],
    }
    by_suffix = c.group_by(lambda item, key: item["account_id"][-3:])
    assert list(by_suffix.keys()) == ["x10", "x11"]


def test_group_by_many_preserving_keys() -> None:
    data = Collection(
        {
            10: {"user": 1, "skill": 1, "roles": ["Role_1", "Role_3"]},
            20: {"user": 2, "skill": 1, "roles": ["Role_1", "Role_2"]},
            30: {"user": 3, "skill": 2, "roles": ["Role_1"]},
            40: {"user": 4, "skill": 2, "roles": ["Role_2"]},
        }
    )
    result = data.group_by(["skill", lambda item: item["roles"]], preserve_keys=True)
    assert result.to_array() == {
        1: {
            "Role_1": {10: data[10], 20: data[20]},
            "Role_3": {10: data[10]},
            "Role_2": {20: data[20]},
        },
        2: {"Role_1": {30: data[30]}, "Role_2": {40: data[40]}},
    }


def test_each_stops_on_false() -> None:
    seen: list[tuple[int, int]] = []
    collect([1, 2, 3, 4]).each(lambda item, key: seen.append((key, item)))
    assert seen == [(0, 1), (1, 2), (2, 3), (3, 4)]
    stopped: list[int] = []

    def until_two(item: int) -> bool | None:
        stopped.append(item)
        return False if item == 2 else None

    collect([1, 2, 3, 4]).each(until_two)
    assert stopped == [1, 2]


def test_each_spread() -> None:
    seen: list[tuple[str, int]] = []
    collect([["John Doe", 35], ["Jane Doe", 33]]).each_spread(
        lambda name, age: seen.append((name, age))
    )
    assert seen == [("John Doe", 35), ("Jane Doe", 33)]
    calls: list[str] = []
    collect([["a", 1], ["b", 2]]).each_spread(lambda n, a: calls.append(n) or False)
    assert calls == ["a"]


def test_reduce() -> None:
    c = collect([1, 2, 3])
    assert c.reduce(lambda carry, item: (carry or 0) + item) == 6
    assert c.reduce(lambda carry, item: carry + item, 4) == 10
    money = collect({"usd": 1400, "gbp": 1200, "eur": 1000})
    ratio = {"usd": 1, "gbp": 1.37, "eur": 1.22}
    total = money.reduce(lambda carry, value, key: carry + value * ratio[key], 0)
    assert round(total) == 4264


def test_reduce_into_and_reduce_spread() -> None:
    class OrderStats:
        total = 0
        count = 0

    def add(stats: OrderStats, order: dict[str, int]) -> None:
        stats.total += order["amount"]
        stats.count += 1

    orders = collect([{"amount": 100}, {"amount": 250}, {"amount": 50}])
    stats = orders.reduce_into(OrderStats(), add)
    assert (stats.total, stats.count) == (400, 3)
    even = collect([1, 2, 3, 4, 5]).reduce_into(
        [], lambda acc, v: acc.append(v) if v % 2 == 0 else None
    )
    assert even == [2, 4]
    credits, batch = collect([3, 5, 4]).reduce_spread(
        lambda left, batch, cost: (
            [left - cost, batch.push(cost)] if left >= cost else [left, batch]
        ),
        8,
        collect(),
    )
    assert credits == 0 and batch.all() == [3, 5]
    with pytest.raises(TypeError, match="must return a list"):
        collect([1]).reduce_spread(lambda a, v: a + v, 0)


def test_reject_and_replace() -> None:
    assert collect([1, 2, 3, 4]).reject(lambda value, key: value > 2).all() == [1, 2]
    c = collect(["Taylor", "Abigail", "James"])
    assert c.replace({1: "Victoria", 3: "Finn"}).all() == [
        "Taylor",
        "Victoria",
        "James",
        "Finn",
    ]
    nested = collect(["Taylor", "Abigail", ["James", "Victoria", "Finn"]])
    assert nested.replace_recursive({0: "Charlie", 2: {1: "King"}}).all() == [
        "Charlie",
        "Abigail",
        ["James", "King", "Finn"],
    ]


def test_zip() -> None:
    zipped = collect(["Chair", "Desk"]).zip([100, 200])
    assert zipped.to_array() == [["Chair", 100], ["Desk", 200]]
    assert collect([1, 2]).zip([3]).to_array() == [[1, 3], [2, None]]


def test_cross_join() -> None:
    assert collect([1, 2]).cross_join(["a", "b"]).all() == [
        [1, "a"],
        [1, "b"],
        [2, "a"],
        [2, "b"],
    ]
    matrix = collect([1, 2]).cross_join(["a", "b"], ["I", "II"])
    assert matrix.count() == 8
    assert matrix.first() == [1, "a", "I"] and matrix.last() == [2, "b", "II"]


def test_pad() -> None:
    c = collect(["A", "B", "C"])
    assert c.pad(5, 0).all() == ["A", "B", "C", 0, 0]
    assert c.pad(-5, 0).all() == [0, 0, "A", "B", "C"]
    assert c.pad(2, 0).all() == ["A", "B", "C"]


def test_multiply() -> None:
    users = collect([{"name": "User #1"}, {"name": "User #2"}]).multiply(3)
    assert users.count() == 6
    assert users.pluck("name").all() == ["User #1", "User #2"] * 3
