"""Collection keys: PHP key rules, keys surviving filters, key lookups."""

from __future__ import annotations

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.support.collection import collect


def test_keys_survive_filtering_and_only_values_reindexes() -> None:
    c = collect([1, 2, 3])
    assert c.filter(lambda v: v != 2).all() == {0: 1, 2: 3}
    assert c.filter(lambda v: v != 2).values().all() == [1, 3]
    assert collect({"a": 1}).map(lambda v: v + 1).all() == {"a": 2}
    assert c.where_in(None, [3]).all() == {2: 3}
    assert c.unique().all() == [1, 2, 3]


def test_all() -> None:
    assert collect([1, 2, 3]).all() == [1, 2, 3]


def test_reverse_keeps_keys() -> None:
    reversed_ = collect(["a", "b", "c", "d", "e"]).reverse()
    assert reversed_.all() == {4: "e", 3: "d", 2: "c", 1: "b", 0: "a"}


def test_chunk_keeps_keys() -> None:
    chunks = collect([1, 2, 3, 4, 5, 6, 7]).chunk(4)
    assert chunks.to_array() == [[1, 2, 3, 4], {4: 5, 5: 6, 6: 7}]
    assert chunks.map(lambda c: c.values().all()).all() == [[1, 2, 3, 4], [5, 6, 7]]
    assert collect([1, 2]).chunk(0).all() == []


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


def test_flip_and_forget() -> None:
    c = collect({"name": "Taylor", "framework": "Laravel"})
    assert c.flip().all() == {"Taylor": "name", "Laravel": "framework"}
    assert c.forget("name") is c
    assert c.all() == {"framework": "Laravel"}
    c.forget(["name", "framework"])
    assert c.all() == []


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


def test_get() -> None:
    c = collect({"name": "Taylor", "framework": "Laravel"})
    assert c.get("name") == "Taylor"
    assert c.get("age", 34) == 34
    assert c.get("email", lambda: "taylor@example.com") == "taylor@example.com"


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


def test_combine_and_concat() -> None:
    assert collect(["name", "age"]).combine(["George", 29]).all() == {
        "name": "George",
        "age": 29,
    }
    joined = collect(["John Doe"]).concat(["Jane Doe"]).concat({"name": "Johnny Doe"})
    assert joined.all() == ["John Doe", "Jane Doe", "Johnny Doe"]


def test_combine_count_mismatch_is_a_clear_error() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[2\] keys with \[1\] values"):
        collect(["a", "b"]).combine([1])


def test_search() -> None:
    assert collect([2, 4, 6, 8]).search(4) == 1
    assert collect([2, 4, 6, 8]).search("4") == 1
    assert collect([2, 4, 6, 8]).search("4", strict=True) is False
    assert collect([2, 4, 6, 8]).search(lambda item, key: item > 5) == 2


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
