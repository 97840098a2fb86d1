"""Collection: the Laravel docs' examples, ported line by line, plus PHP key rules."""

from __future__ import annotations

import json
import typing as t
from dataclasses import dataclass

import pytest

from protevus.contracts.support import Arrayable
from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ItemNotFoundError
from protevus.exceptions import MultipleItemsFoundError
from protevus.support.collection import Collection
from protevus.support.collection import collect
from protevus.support.concerns.collection_sorting import SORT_NATURAL
from protevus.support.lazy_collection import LazyCollection

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


# --- docs examples (https://laravel.com/docs/collections) ---------------------


def test_intro_map_then_reject() -> None:
    names = collect(["Taylor", "Abigail", None]).map(lambda n: (n or "").upper())
    assert names.reject(lambda n: not n).all() == ["TAYLOR", "ABIGAIL"]


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


def test_after_and_before() -> None:
    c = collect([1, 2, 3, 4, 5])
    assert c.after(3) == 4
    assert c.after(5) is None
    assert collect([2, 4, 6, 8]).after("4", strict=True) is None
    assert collect([2, 4, 6, 8]).after(lambda item, key: item > 5) == 8
    assert c.before(3) == 2
    assert c.before(1) is None
    assert collect([2, 4, 6, 8]).before("4", strict=True) is None
    assert collect([2, 4, 6, 8]).before(lambda item: item > 5) == 4


def test_all() -> None:
    assert collect([1, 2, 3]).all() == [1, 2, 3]


def test_avg_and_average() -> None:
    data = [{"foo": 10}, {"foo": 10}, {"foo": 20}, {"foo": 40}]
    assert collect(data).avg("foo") == 20
    assert collect([1, 1, 2, 4]).avg() == 2
    assert collect([1, 1, 2, 4]).average() == 2
    assert collect([1, 2]).avg() == 1.5
    assert collect([]).avg() is None


def test_chunk_keeps_keys() -> None:
    chunks = collect([1, 2, 3, 4, 5, 6, 7]).chunk(4)
    assert chunks.to_array() == [[1, 2, 3, 4], {4: 5, 5: 6, 6: 7}]
    assert chunks.map(lambda c: c.values().all()).all() == [[1, 2, 3, 4], [5, 6, 7]]
    assert collect([1, 2]).chunk(0).all() == []


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


def test_combine_and_concat() -> None:
    assert collect(["name", "age"]).combine(["George", 29]).all() == {
        "name": "George",
        "age": 29,
    }
    joined = collect(["John Doe"]).concat(["Jane Doe"]).concat({"name": "Johnny Doe"})
    assert joined.all() == ["John Doe", "Jane Doe", "Johnny Doe"]


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


def test_count_and_count_by() -> None:
    assert collect([1, 2, 3, 4]).count() == 4
    assert collect([1, 2, 2, 2, 3]).count_by().all() == {1: 1, 2: 3, 3: 1}
    emails = collect(["alice@gmail.com", "bob@yahoo.com", "carlos@gmail.com"])
    assert emails.count_by(lambda e: e.split("@")[1]).all() == {
        "gmail.com": 2,
        "yahoo.com": 1,
    }


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


def test_doesnt_contain() -> None:
    assert collect([1, 2, 3, 4, 5]).doesnt_contain(lambda v: v < 5) is False
    c = collect({"name": "Desk", "price": 100})
    assert c.doesnt_contain("Table") is True
    assert c.doesnt_contain("Desk") is False
    rows = collect([{"product": "Desk", "price": 200}, {"product": "Chair"}])
    assert rows.doesnt_contain("product", "Bookcase") is True


def test_dot_and_undot() -> None:
    flat = collect({"products": {"desk": {"price": 100}}}).dot()
    assert flat.all() == {"products.desk.price": 100}
    person = collect(
        {
            "name.first_name": "Marie",
            "name.last_name": "Valentine",
            "address.line_1": "2992 Eagle Drive",
            "address.line_2": "",
            "address.suburb": "Detroit",
            "address.state": "MI",
            "address.postcode": "48219",
        }
    ).undot()
    assert person.to_array() == {
        "name": {"first_name": "Marie", "last_name": "Valentine"},
        "address": {
            "line_1": "2992 Eagle Drive",
            "line_2": "",
            "suburb": "Detroit",
            "state": "MI",
            "postcode": "48219",
        },
    }


def test_dump_prints_and_returns(capsys: pytest.CaptureFixture[str]) -> None:
    c = collect(["John Doe", "Jane Doe"])
    assert c.dump() is c
    assert "John Doe" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        c.dd()


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


def test_ensure() -> None:
    assert collect([1, 2]).ensure(int).all() == [1, 2]
    assert collect([1, "a"]).ensure([int, str]).count() == 2
    assert collect([1]).ensure("int").count() == 1
    with pytest.raises(TypeError, match=r"\[str\] found at position 1"):
        collect([1, "a"]).ensure(int)


def test_every() -> None:
    assert collect([1, 2, 3, 4]).every(lambda value, key: value > 2) is False
    assert collect([]).every(lambda value: value > 2) is True
    assert collect(PRODUCTS).every("price", ">=", 100) is True


def test_except_and_only() -> None:
    c = collect({"product_id": 1, "price": 100, "discount": False})
    assert c.except_(["price", "discount"]).all() == {"product_id": 1}
    assert c.except_("price").all() == {"product_id": 1, "discount": False}
    product = collect(
        {"product_id": 1, "name": "Desk", "price": 100, "discount": False}
    )
    assert product.only(["product_id", "name"]).all() == {
        "product_id": 1,
        "name": "Desk",
    }
    assert product.only("name", "product_id").all() == {"product_id": 1, "name": "Desk"}


def test_filter() -> None:
    assert collect([1, 2, 3, 4]).filter(lambda value, key: value > 2).all() == {
        2: 3,
        3: 4,
    }
    assert collect([1, 2, 3, None, False, "", 0, []]).filter().all() == [1, 2, 3]
    assert collect(["0", "a"]).filter().all() == {1: "a"}


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


def test_flip_and_forget() -> None:
    c = collect({"name": "Taylor", "framework": "Laravel"})
    assert c.flip().all() == {"Taylor": "name", "Laravel": "framework"}
    assert c.forget("name") is c
    assert c.all() == {"framework": "Laravel"}
    c.forget(["name", "framework"])
    assert c.all() == []


def test_for_page() -> None:
    chunk = collect([1, 2, 3, 4, 5, 6, 7, 8, 9]).for_page(2, 3)
    assert chunk.values().all() == [4, 5, 6]
    assert chunk.all() == {3: 4, 4: 5, 5: 6}


def test_from_json() -> None:
    text = json.dumps({"name": "Taylor Otwell", "role": "Developer"})
    assert Collection.from_json(text).get("role") == "Developer"


def test_get() -> None:
    c = collect({"name": "Taylor", "framework": "Laravel"})
    assert c.get("name") == "Taylor"
    assert c.get("age", 34) == 34
    assert c.get("email", lambda: "taylor@example.com") == "taylor@example.com"


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


def test_has_has_any_has_many_has_sole() -> None:
    c = collect({"account_id": 1, "product": "Desk", "amount": 5})
    assert c.has("product") is True
    assert c.has(["product", "amount"]) is True
    assert c.has(["amount", "price"]) is False
    assert c.has_any(["product", "price"]) is True
    assert c.has_any(["name", "price"]) is False
    assert collect([]).has_many() is False
    assert collect(["1"]).has_many() is False
    assert collect([1, 2, 3]).has_many() is True
    assert collect([{"age": 2}, {"age": 3}]).has_many(lambda i: i["age"] == 2) is False
    assert collect([]).has_sole() is False
    assert collect(["1"]).has_sole() is True
    assert collect([1, 2, 3]).has_sole(lambda item: item == 2) is True


def test_implode() -> None:
    c = collect(
        [{"account_id": 1, "product": "Desk"}, {"account_id": 2, "product": "Chair"}]
    )
    assert c.implode("product", ", ") == "Desk, Chair"
    assert collect([1, 2, 3, 4, 5]).implode("-") == "1-2-3-4-5"
    assert c.implode(lambda item, key: item["product"].upper(), ", ") == "DESK, CHAIR"


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


def test_is_empty_and_is_not_empty() -> None:
    assert collect([]).is_empty() is True
    assert collect([]).is_not_empty() is False
    assert collect([1]).isNotEmpty() is True


@pytest.mark.parametrize(
    ("items", "glue", "final", "expected"),
    [
        (["a", "b", "c"], ", ", "", "a, b, c"),
        (["a", "b", "c"], ", ", ", and ", "a, b, and c"),
        (["a", "b"], ", ", " and ", "a and b"),
        (["a"], ", ", " and ", "a"),
        ([], ", ", " and ", ""),
    ],
)
def test_join(items: list[str], glue: str, final: str, expected: str) -> None:
    assert collect(items).join(glue, final) == expected


def test_key_by_and_keys() -> None:
    c = collect(
        [
            {"product_id": "prod-100", "name": "Desk"},
            {"product_id": "prod-200", "name": "Chair"},
        ]
    )
    keyed = c.key_by("product_id")
    assert list(keyed.keys()) == ["prod-100", "prod-200"]
    assert keyed.get("prod-200") == {"product_id": "prod-200", "name": "Chair"}
    upper = c.key_by(lambda item, key: item["product_id"].upper())
    assert upper.keys().all() == ["PROD-100", "PROD-200"]


def test_last() -> None:
    assert collect([1, 2, 3, 4]).last(lambda value, key: value < 3) == 2
    assert collect([1, 2, 3, 4]).last() == 4
    assert collect([]).last() is None


def test_lazy() -> None:
    lazy = collect([1, 2, 3, 4]).lazy()
    assert isinstance(lazy, LazyCollection)
    assert lazy.all() == [1, 2, 3, 4]
    rows = collect(
        [{"country": "FR", "balance": "150"}, {"country": "FR", "balance": 90}]
    )
    assert rows.lazy().where("country", "FR").where("balance", ">", "100").count() == 1


def test_make_and_map() -> None:
    assert Collection.make([1, 2, 3]).all() == [1, 2, 3]
    assert collect([1, 2, 3, 4, 5]).map(lambda item, key: item * 2).all() == [
        2,
        4,
        6,
        8,
        10,
    ]


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


def test_multiply() -> None:
    users = collect([{"name": "User #1"}, {"name": "User #2"}]).multiply(3)
    assert users.count() == 6
    assert users.pluck("name").all() == ["User #1", "User #2"] * 3


def test_nth() -> None:
    c = collect(["a", "b", "c", "d", "e", "f"])
    assert c.nth(4).all() == ["a", "e"]
    assert c.nth(4, 1).all() == ["b", "f"]


def test_pad() -> None:
    c = collect(["A", "B", "C"])
    assert c.pad(5, 0).all() == ["A", "B", "C", 0, 0]
    assert c.pad(-5, 0).all() == [0, 0, "A", "B", "C"]
    assert c.pad(2, 0).all() == ["A", "B", "C"]


def test_partition() -> None:
    under_three, rest = collect([1, 2, 3, 4, 5, 6]).partition(lambda i: i < 3)
    assert under_three.all() == [1, 2]
    assert rest.all() == {2: 3, 3: 4, 4: 5, 5: 6}
    cheap, dear = collect(PRODUCTS).partition("price", "<", 150)
    assert cheap.pluck("product").all() == ["Chair", "Door"]
    assert dear.count() == 2


def test_percentage() -> None:
    c = collect([1, 1, 2, 2, 2, 3])
    assert c.percentage(lambda value: value == 1) == 33.33
    assert c.percentage(lambda value: value == 1, precision=3) == 33.333
    assert collect([]).percentage(lambda v: True) is None


def test_pipe_pipe_into_pipe_through() -> None:
    c = collect([1, 2, 3])
    assert c.pipe(lambda collection: collection.sum()) == 6

    class ResourceCollection:
        def __init__(self, collection: Collection) -> None:
            self.collection = collection

    assert c.pipe_into(ResourceCollection).collection.all() == [1, 2, 3]
    result = c.pipe_through([lambda x: x.merge([4, 5]), lambda x: x.sum()])
    assert result == 15


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


def test_pop_prepend_pull_push_put() -> None:
    c = collect([1, 2, 3, 4, 5])
    assert c.pop() == 5
    assert c.all() == [1, 2, 3, 4]
    c = collect([1, 2, 3, 4, 5])
    assert c.pop(3).all() == [5, 4, 3]
    assert c.all() == [1, 2]
    c = collect([1, 2, 3, 4, 5])
    c.prepend(0)
    assert c.all() == [0, 1, 2, 3, 4, 5]
    c = collect({"one": 1, "two": 2})
    c.prepend(0, "zero")
    assert c.all() == {"zero": 0, "one": 1, "two": 2}
    c = collect({"product_id": "prod-100", "name": "Desk"})
    assert c.pull("name") == "Desk"
    assert c.all() == {"product_id": "prod-100"}
    c = collect([1, 2, 3, 4])
    c.push(5)
    assert c.all() == [1, 2, 3, 4, 5]
    c.push(6, 7)
    assert c.all() == [1, 2, 3, 4, 5, 6, 7]
    c = collect({"product_id": 1, "name": "Desk"})
    c.put("price", 100)
    assert c.all() == {"product_id": 1, "name": "Desk", "price": 100}


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


def test_reverse_keeps_keys() -> None:
    reversed_ = collect(["a", "b", "c", "d", "e"]).reverse()
    assert reversed_.all() == {4: "e", 3: "d", 2: "c", 1: "b", 0: "a"}


def test_search() -> None:
    assert collect([2, 4, 6, 8]).search(4) == 1
    assert collect([2, 4, 6, 8]).search("4") == 1
    assert collect([2, 4, 6, 8]).search("4", strict=True) is False
    assert collect([2, 4, 6, 8]).search(lambda item, key: item > 5) == 2


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


def test_shift_renumbers_like_array_shift() -> None:
    c = collect([1, 2, 3, 4, 5])
    assert c.shift() == 1
    assert c.all() == [2, 3, 4, 5]
    c = collect([1, 2, 3, 4, 5])
    assert c.shift(3).all() == [1, 2, 3]
    assert c.all() == [4, 5]
    assert collect([]).shift() is None
    with pytest.raises(ValueError, match="less than zero"):
        collect([1]).shift(-1)


def test_shuffle() -> None:
    shuffled = collect([1, 2, 3, 4, 5]).shuffle()
    assert sorted(shuffled) == [1, 2, 3, 4, 5]
    assert list(shuffled.keys()) == [0, 1, 2, 3, 4]


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


def test_splice() -> None:
    c = collect([1, 2, 3, 4, 5])
    assert c.splice(2).all() == [3, 4, 5]
    assert c.all() == [1, 2]
    c = collect([1, 2, 3, 4, 5])
    assert c.splice(2, 1).all() == [3]
    assert c.all() == [1, 2, 4, 5]
    c = collect([1, 2, 3, 4, 5])
    assert c.splice(2, 1, [10, 11]).all() == [3]
    assert c.all() == [1, 2, 10, 11, 4, 5]


def test_split_and_split_in() -> None:
    groups = collect([1, 2, 3, 4, 5]).split(3)
    assert groups.to_array() == [[1, 2], [3, 4], [5]]
    groups = collect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).split_in(3)
    assert [g.values().all() for g in groups] == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]


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


def test_take_family() -> None:
    assert collect([0, 1, 2, 3, 4, 5]).take(3).all() == [0, 1, 2]
    assert collect([0, 1, 2, 3, 4, 5]).take(-2).all() == {4: 4, 5: 5}
    assert collect([1, 2, 3, 4]).take_until(lambda item: item >= 3).all() == [1, 2]
    assert collect([1, 2, 3, 4]).take_until(3).all() == [1, 2]
    assert collect([1, 2, 3, 4]).take_until(9).all() == [1, 2, 3, 4]
    assert collect([1, 2, 3, 4]).take_while(lambda item: item < 3).all() == [1, 2]


def test_tap() -> None:
    seen: list[t.Any] = []
    first = (
        collect([2, 4, 3, 1, 5])
        .sort()
        .tap(lambda c: seen.append(c.values().all()))
        .shift()
    )
    assert first == 1
    assert seen == [[1, 2, 3, 4, 5]]


def test_to_array_and_to_json() -> None:
    c = collect({"name": "Desk", "price": 200})
    assert c.to_array() == {"name": "Desk", "price": 200}
    assert c.to_json() == '{"name":"Desk","price":200}'
    assert collect([1, 2]).to_json() == "[1,2]"
    assert collect([1, 2]).filter(lambda v: v > 1).to_json() == '{"1":2}'
    assert json.loads(c.to_pretty_json()) == {"name": "Desk", "price": 200}
    assert "\n    " in c.to_pretty_json()


def test_transform_mutates() -> None:
    c = collect([1, 2, 3, 4, 5])
    c.transform(lambda item, key: item * 2)
    assert c.all() == [2, 4, 6, 8, 10]


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


def test_unless_when_and_emptiness_branches() -> None:
    c = collect([1, 2, 3])
    c.unless(True, lambda collection, value: collection.push(4))
    c.unless(False, lambda collection, value: collection.push(5))
    assert c.all() == [1, 2, 3, 5]
    c = collect([1, 2, 3])
    c.unless(True, lambda col: col.push(4), lambda col: col.push(5))
    assert c.all() == [1, 2, 3, 5]
    c = collect([1, 2, 3])
    c.when(True, lambda collection, value: collection.push(4))
    c.when(False, lambda collection, value: collection.push(5))
    assert c.all() == [1, 2, 3, 4]
    c = collect([1, 2, 3])
    c.when(False, lambda col: col.push(4), lambda col: col.push(5))
    assert c.all() == [1, 2, 3, 5]
    names = collect(["Michael", "Tom"])
    names.when_empty(lambda col: col.push("Adam"))
    assert names.all() == ["Michael", "Tom"]
    empty = collect()
    empty.when_empty(lambda col: col.push("Adam"))
    assert empty.all() == ["Adam"]
    names.when_empty(lambda col: col.push("Adam"), lambda col: col.push("Taylor"))
    assert names.all() == ["Michael", "Tom", "Taylor"]
    names = collect(["Michael", "Tom"])
    names.when_not_empty(lambda col: col.push("Adam"))
    assert names.all() == ["Michael", "Tom", "Adam"]
    empty = collect()
    empty.when_not_empty(lambda col: col.push("Adam"), lambda col: col.push("Taylor"))
    assert empty.all() == ["Taylor"]
    assert collect().unless_not_empty(lambda col: col.push(1)).all() == [1]
    assert collect([0]).unless_empty(lambda col: col.push(1)).all() == [0, 1]


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


def test_zip() -> None:
    zipped = collect(["Chair", "Desk"]).zip([100, 200])
    assert zipped.to_array() == [["Chair", 100], ["Desk", 200]]
    assert collect([1, 2]).zip([3]).to_array() == [[1, 3], [2, None]]


# --- keys survive -------------------------------------------------------------


def test_keys_survive_filtering_and_only_values_reindexes() -> None:
    c = collect([1, 2, 3])
    assert c.filter(lambda v: v != 2).all() == {0: 1, 2: 3}
    assert c.filter(lambda v: v != 2).values().all() == [1, 3]
    assert collect({"a": 1}).map(lambda v: v + 1).all() == {"a": 2}
    assert c.where_in(None, [3]).all() == {2: 3}
    assert c.unique().all() == [1, 2, 3]


def test_push_uses_php_next_index() -> None:
    c = collect({5: "a", "x": "b"})
    c.push("c")
    assert c.all() == {5: "a", "x": "b", 6: "c"}
    c = collect([1, 2, 3]).filter(lambda v: v < 3)
    c[10] = "ten"
    c.push("eleven")
    assert c.keys().all() == [0, 1, 10, 11]
    c = collect({"a": 1})
    c.push(2)
    assert c.all() == {"a": 1, 0: 2}


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


def test_camel_case_twins() -> None:
    c = collect(PRODUCTS)
    assert c.whereIn("price", [200]).count() == 1
    assert c.sortByDesc("price").first()["product"] == "Desk"
    assert c.firstWhere("product", "Door") == PRODUCTS[3]


# --- loose versus strict ------------------------------------------------------


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


# --- dicts or objects ---------------------------------------------------------


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


def test_to_array_converts_arrayable_items() -> None:
    class Model:
        def to_array(self) -> dict[str, int]:
            return {"id": 1}

    assert isinstance(Model(), Arrayable)
    c = collect([Model(), collect({"a": 1}), 3])
    assert c.to_array() == [{"id": 1}, {"a": 1}, 3]
    assert c.to_json() == '[{"id":1},{"a":1},3]'


def test_to_json_encodes_dates() -> None:
    from datetime import date

    assert collect({"d": date(2026, 1, 2)}).to_json() == '{"d":"2026-01-02"}'
    with pytest.raises(TypeError, match=r"\[object\] is not JSON serializable"):
        collect([object()]).to_json()


def test_combine_count_mismatch_is_a_clear_error() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[2\] keys with \[1\] values"):
        collect(["a", "b"]).combine([1])


def test_sliding_and_nth_reject_bad_sizes() -> None:
    with pytest.raises(InvalidArgumentError, match=r"Size value \[0\]"):
        collect([1]).sliding(0)
    with pytest.raises(InvalidArgumentError, match=r"Step value \[0\]"):
        collect([1]).nth(0)
