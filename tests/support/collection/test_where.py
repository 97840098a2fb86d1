"""Collection where clauses, containment, plucking and loose versus strict comparison."""

from __future__ import annotations

import typing as t
from dataclasses import dataclass

import pytest

from protevus.support.collection import collect

PRODUCTS = [
    {"product": "Desk", "price": 200},
    {"product": "Chair", "price": 100},
    {"product": "Bookcase", "price": 150},
    {"product": "Door", "price": 100},
]


@dataclass
class User:
    name: str
    votes: int = 0
    active: bool = True


def test_where_docs_examples() -> None:
    c = collect(PRODUCTS)
    assert c.where("price", 100).all() == {1: PRODUCTS[1], 3: PRODUCTS[3]}
    platforms = collect(
        [
            {"name": "Jim", "platform": "Mac"},
            {"name": "Sally", "platform": "Mac"},
            {"name": "Sue", "platform": "Linux"},
        ]
    )
    assert platforms.where("platform", "!=", "Linux").pluck("name").all() == [
        "Jim",
        "Sally",
    ]
    assert c.where_in("price", [150, 200]).pluck("product").all() == [
        "Desk",
        "Bookcase",
    ]
    assert c.where_not_in("price", [150, 200]).pluck("product").all() == [
        "Chair",
        "Door",
    ]


def test_where_between_and_not_between() -> None:
    c = collect(
        [
            {"product": "Desk", "price": 200},
            {"product": "Chair", "price": 80},
            {"product": "Bookcase", "price": 150},
            {"product": "Pencil", "price": 30},
            {"product": "Door", "price": 100},
        ]
    )
    assert c.where_between("price", [100, 200]).pluck("product").all() == [
        "Desk",
        "Bookcase",
        "Door",
    ]
    assert c.where_not_between("price", [100, 200]).pluck("product").all() == [
        "Chair",
        "Pencil",
    ]


def test_where_null_and_not_null() -> None:
    c = collect(
        [
            {"name": "Desk"},
            {"name": None},
            {"name": "Bookcase"},
            {"name": 0},
            {"name": ""},
        ]
    )
    assert c.where_not_null("name").pluck("name").all() == ["Desk", "Bookcase", 0, ""]
    assert c.where_null("name").all() == {1: {"name": None}}


def test_where_instance_of() -> None:
    class Post:
        pass

    a, b = User("a"), User("b")
    assert collect([a, b, Post()]).where_instance_of(User).all() == [a, b]


@pytest.mark.parametrize(
    ("items", "operator", "value", "expected"),
    [
        ([3, "3"], "=", "3", [3, "3"]),
        ([3, "3"], "===", "3", ["3"]),
        ([3, "3"], "!==", "3", [3]),
        (["1", "01", "1.0"], "==", "01", ["1", "01", "1.0"]),
        ([None, "", 0, "0"], "=", None, [None, "", 0]),
        ([0, "a", "0"], "==", "a", ["a"]),
        ([5, "10", "abc"], ">", 6, ["10", "abc"]),
        ([5, "10", "abc"], "<", "9", [5]),
        ([1, 2, 3], "<>", 2, [1, 3]),
        ([1, 2, 3], ">=", 2, [2, 3]),
        ([1, 2, 3], "<=", "2", [1, 2]),
    ],
)
def test_where_loose_and_strict_operators(
    items: list[t.Any], operator: str, value: t.Any, expected: list[t.Any]
) -> None:
    rows = collect([{"v": x} for x in items])
    assert rows.where("v", operator, value).pluck("v").all() == expected


def test_where_strict_and_contains_strict() -> None:
    rows = collect([{"id": 1}, {"id": "1"}])
    assert rows.where("id", 1).count() == 2
    assert rows.where_strict("id", 1).count() == 1
    assert collect([1, 2]).contains("1") is True
    assert collect([1, 2]).contains_strict("1") is False
    assert collect([1, 2]).contains_strict(1) is True
    assert rows.contains_strict("id", "1") is True
    assert rows.where_in("id", ["1"]).count() == 2
    assert rows.where_in_strict("id", ["1"]).count() == 1
    assert rows.where_not_in_strict("id", ["1"]).count() == 1


def test_where_unknown_operator_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"operator \[like\] is not supported"):
        collect([{"a": 1}]).where("a", "like", 1).all()


def test_first_where() -> None:
    c = collect(
        [
            {"name": "Regena", "age": None},
            {"name": "Linda", "age": 14},
            {"name": "Diego", "age": 23},
            {"name": "Linda", "age": 84},
        ]
    )
    assert c.first_where("name", "Linda") == {"name": "Linda", "age": 14}
    assert c.first_where("age", ">=", 18) == {"name": "Diego", "age": 23}
    assert c.first_where("age") == {"name": "Linda", "age": 14}
    assert c.first_where("name", "Nobody") is None


def test_contains() -> None:
    assert collect([1, 2, 3, 4, 5]).contains(lambda value, key: value > 5) is False
    c = collect({"name": "Desk", "price": 100})
    assert c.contains("Desk") is True
    assert c.contains("New York") is False
    rows = collect(
        [{"product": "Desk", "price": 200}, {"product": "Chair", "price": 100}]
    )
    assert rows.contains("product", "Bookcase") is False
    assert rows.contains("product", "Desk") is True
    assert rows.some("price", ">", 150) is True


def test_doesnt_contain() -> None:
    assert collect([1, 2, 3, 4, 5]).doesnt_contain(lambda v: v < 5) is False
    c = collect({"name": "Desk", "price": 100})
    assert c.doesnt_contain("Table") is True
    assert c.doesnt_contain("Desk") is False
    rows = collect([{"product": "Desk", "price": 200}, {"product": "Chair"}])
    assert rows.doesnt_contain("product", "Bookcase") is True


def test_every() -> None:
    assert collect([1, 2, 3, 4]).every(lambda value, key: value > 2) is False
    assert collect([]).every(lambda value: value > 2) is True
    assert collect(PRODUCTS).every("price", ">=", 100) is True


def test_filter() -> None:
    assert collect([1, 2, 3, 4]).filter(lambda value, key: value > 2).all() == {
        2: 3,
        3: 4,
    }
    assert collect([1, 2, 3, None, False, "", 0, []]).filter().all() == [1, 2, 3]
    assert collect(["0", "a"]).filter().all() == {1: "a"}


def test_pluck() -> None:
    c = collect(
        [
            {"product_id": "prod-100", "name": "Desk"},
            {"product_id": "prod-200", "name": "Chair"},
        ]
    )
    assert c.pluck("name").all() == ["Desk", "Chair"]
    assert c.pluck("name", "product_id").all() == {
        "prod-100": "Desk",
        "prod-200": "Chair",
    }
    conferences = collect(
        [
            {"name": "Laracon", "speakers": {"first_day": ["Rosa", "Judith"]}},
            {"name": "VueConf", "speakers": {"first_day": ["Abigail", "Joey"]}},
        ]
    )
    assert conferences.pluck("speakers.first_day").all() == [
        ["Rosa", "Judith"],
        ["Abigail", "Joey"],
    ]
    cars = collect(
        [
            {"brand": "Tesla", "color": "red"},
            {"brand": "Pagani", "color": "white"},
            {"brand": "Tesla", "color": "black"},
            {"brand": "Pagani", "color": "orange"},
        ]
    )
    assert cars.pluck("color", "brand").all() == {"Tesla": "black", "Pagani": "orange"}


def test_select() -> None:
    users = collect(
        [
            {"name": "Taylor Otwell", "role": "Developer", "status": "active"},
            {"name": "Victoria Faith", "role": "Researcher", "status": "active"},
        ]
    )
    assert users.select(["name", "role"]).all() == [
        {"name": "Taylor Otwell", "role": "Developer"},
        {"name": "Victoria Faith", "role": "Researcher"},
    ]


def test_objects_work_wherever_keys_are_read() -> None:
    users = collect([User("ann", 3), User("bob", 5, False), User("cid", 5)])
    assert users.pluck("name").all() == ["ann", "bob", "cid"]
    assert users.where("active", True).pluck("name").all() == ["ann", "cid"]
    assert users.sum("votes") == 13
    assert users.sort_by_desc("votes").first().name == "bob"
    assert users.group_by("votes").map(lambda g: g.count()).all() == {3: 1, 5: 2}
    assert list(users.key_by("name").keys()) == ["ann", "bob", "cid"]
    assert users.unique("votes").count() == 2
    assert users.first_where("name", "bob").votes == 5
    assert users.contains("name", "cid") is True
    assert users.max("votes") == 5 and users.avg("votes") == pytest.approx(13 / 3)


def test_dot_paths_into_objects_and_dicts() -> None:
    rows = collect([{"user": User("ann")}, {"user": {"name": "bob"}}])
    assert rows.pluck("user.name").all() == ["ann", "bob"]
    assert rows.where("user.name", "bob").count() == 1
