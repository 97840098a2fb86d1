"""Collection methods that change the collection in place."""

from __future__ import annotations

import pytest

from protevus.support.collection import collect


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


def test_transform_mutates() -> None:
    c = collect([1, 2, 3, 4, 5])
    c.transform(lambda item, key: item * 2)
    assert c.all() == [2, 4, 6, 8, 10]
