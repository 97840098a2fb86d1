"""Arr and data_* helpers: the examples of Laravel's helpers documentation."""

from __future__ import annotations

import types
import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ItemNotFoundError
from protevus.exceptions import MultipleItemsFoundError
from protevus.support.arr import Arr
from protevus.support.arr import data_fill
from protevus.support.arr import data_forget
from protevus.support.arr import data_get
from protevus.support.arr import data_set


class ArrayAccessLike:
    def __init__(self, items: dict[str, t.Any]) -> None:
        self.items = items

    def offset_exists(self, key: t.Any) -> bool:
        return key in self.items

    def __getitem__(self, key: t.Any) -> t.Any:
        return self.items[key]


def test_accessible() -> None:
    assert Arr.accessible({"a": 1, "b": 2}) is True
    assert Arr.accessible([1, 2]) is True
    assert Arr.accessible(ArrayAccessLike({})) is True
    assert Arr.accessible("abc") is False
    assert Arr.accessible(types.SimpleNamespace()) is False


def test_add() -> None:
    assert Arr.add({"name": "Desk"}, "price", 100) == {"name": "Desk", "price": 100}
    assert Arr.add({"name": "Desk", "price": None}, "price", 100) == {
        "name": "Desk",
        "price": 100,
    }
    assert Arr.add({"name": "Desk", "price": 50}, "price", 100)["price"] == 50


def test_typed_getters() -> None:
    data = {"a": [1], "b": True, "f": 1.5, "i": 3, "s": "x"}
    assert Arr.array(data, "a") == [1]
    assert Arr.boolean(data, "b") is True
    assert Arr.float(data, "f") == 1.5
    assert Arr.integer(data, "i") == 3
    assert Arr.string(data, "s") == "x"
    with pytest.raises(InvalidArgumentError, match=r"\[i\] must be a string"):
        Arr.string(data, "i")


def test_collapse() -> None:
    assert Arr.collapse([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == [
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9,
    ]
    assert Arr.collapse([{"a": 1}, {"b": 2}, "skip"]) == {"a": 1, "b": 2}


def test_cross_join() -> None:
    assert Arr.cross_join([1, 2], ["a", "b"]) == [
        [1, "a"],
        [1, "b"],
        [2, "a"],
        [2, "b"],
    ]
    assert Arr.cross_join([1, 2], ["a", "b"], ["I", "II"]) == [
        [1, "a", "I"],
        [1, "a", "II"],
        [1, "b", "I"],
        [1, "b", "II"],
        [2, "a", "I"],
        [2, "a", "II"],
        [2, "b", "I"],
        [2, "b", "II"],
    ]


def test_divide() -> None:
    assert Arr.divide({"name": "Desk"}) == [["name"], ["Desk"]]


def test_dot_and_undot() -> None:
    array = {"products": {"desk": {"price": 100}}}
    assert Arr.dot(array) == {"products.desk.price": 100}
    assert Arr.undot(
        {"user.name": "Kevin Malone", "user.occupation": "Accountant"}
    ) == {"user": {"name": "Kevin Malone", "occupation": "Accountant"}}
    assert Arr.undot({"tags.0": "a", "tags.1": "b"}) == {"tags": ["a", "b"]}
    assert Arr.dot({"a": [], "b": ["x"]}) == {"a": [], "b.0": "x"}


def test_except() -> None:
    array = {"name": "Desk", "price": 100}
    assert Arr.except_(array, ["price"]) == {"name": "Desk"}
    assert array == {"name": "Desk", "price": 100}
    assert Arr.except_({"a": {"b": 1, "c": 2}}, "a.b") == {"a": {"c": 2}}
    assert Arr.except_(["a", "b", "c"], [0, 1]) == ["c"]


def test_except_and_only_values() -> None:
    assert Arr.except_values(["foo", "bar", "baz", "qux"], ["foo", "baz"]) == {
        1: "bar",
        3: "qux",
    }
    assert Arr.only_values(["foo", "bar", "baz"], ["bar"]) == {1: "bar"}


def test_exists() -> None:
    array = {"name": "John Doe", "age": 17}
    assert Arr.exists(array, "name") is True
    assert Arr.exists(array, "salary") is False
    assert Arr.exists(["a"], 0) is True
    assert Arr.exists(["a"], 1) is False


def test_first_and_last() -> None:
    assert Arr.first([100, 200, 300], lambda value, key: value >= 150) == 200
    assert Arr.first([100, 200, 300]) == 100
    assert Arr.first([100], lambda v: v > 500, "default") == "default"
    assert Arr.first([], None, lambda: "lazy") == "lazy"
    assert Arr.last([100, 200, 300, 110], lambda value, key: value >= 150) == 300
    assert Arr.last([100, 200], lambda v: v > 500, "x") == "x"


def test_flatten() -> None:
    array = {"name": "Joe", "languages": ["PHP", "Ruby"]}
    assert Arr.flatten(array) == ["Joe", "PHP", "Ruby"]
    assert Arr.flatten([1, [2, [3, [4]]]], 1) == [1, 2, [3, [4]]]


def test_forget() -> None:
    array = {"products": {"desk": {"price": 100}}}
    Arr.forget(array, "products.desk")
    assert array == {"products": {}}
    items = ["a", "b", "c"]
    assert Arr.forget(items, [0, 1]) == ["c"]
    data = {"a": 1, "b.c": 2}
    assert Arr.forget(data, ["b.c", "missing.key"]) == {"a": 1}


def test_from() -> None:
    assert Arr.from_((1, 2)) == (1, 2)
    assert Arr.from_(x for x in [1, 2]) == [1, 2]
    assert Arr.from_(types.SimpleNamespace(a=1)) == {"a": 1}
    with pytest.raises(InvalidArgumentError, match=r"\[int\]"):
        Arr.from_(5)


def test_get() -> None:
    array = {"products": {"desk": {"price": 100}}}
    assert Arr.get(array, "products.desk.price") == 100
    assert Arr.get(array, "products.desk.discount", 0) == 0
    assert Arr.get(array, "products.desk.discount", lambda: "lazy") == "lazy"
    assert Arr.get({"a.b": 1}, "a.b") == 1
    assert Arr.get({"a": None}, "a", "default") is None
    assert Arr.get([["x", "y"]], "0.1") == "y"
    assert Arr.get(array, None) is array
    assert Arr.get("not an array", "a", "d") == "d"


def test_has_has_all_has_any() -> None:
    array = {"product": {"name": "Desk", "price": 100}}
    assert Arr.has(array, "product.name") is True
    assert Arr.has(array, ["product.price", "product.discount"]) is False
    assert Arr.has(array, []) is False
    assert Arr.has_all({"name": "Taylor", "language": "PHP"}, ["name"]) is True
    assert Arr.has_all({"name": "Taylor", "language": "PHP"}, ["name", "IDE"]) is False
    assert Arr.has_any(array, "product.name") is True
    assert Arr.has_any(array, ["product.name", "product.discount"]) is True
    assert Arr.has_any(array, ["category", "product.discount"]) is False


def test_is_assoc_and_is_list() -> None:
    assert Arr.is_assoc({"product": {"name": "Desk", "price": 100}}) is True
    assert Arr.is_assoc([1, 2, 3]) is False
    assert Arr.is_list(["foo", "bar", "baz"]) is True
    assert Arr.is_list({"product": {"name": "Desk", "price": 100}}) is False
    assert Arr.is_list({0: "a", 1: "b"}) is True


def test_join() -> None:
    array = ["Tailwind", "Alpine", "Laravel", "Livewire"]
    assert Arr.join(array, ", ") == "Tailwind, Alpine, Laravel, Livewire"
    assert Arr.join(array, ", ", " and ") == "Tailwind, Alpine, Laravel and Livewire"
    assert Arr.join(["a"], ", ", " and ") == "a"


def test_key_by() -> None:
    array = [
        {"product_id": "prod-100", "name": "Desk"},
        {"product_id": "prod-200", "name": "Chair"},
    ]
    assert Arr.key_by(array, "product_id") == {
        "prod-100": {"product_id": "prod-100", "name": "Desk"},
        "prod-200": {"product_id": "prod-200", "name": "Chair"},
    }
    assert list(Arr.key_by(array, lambda item: item["name"].upper())) == [
        "DESK",
        "CHAIR",
    ]


def test_map() -> None:
    array = {"first": "james", "last": "kirk"}
    assert Arr.map(array, lambda value, key: value.capitalize()) == {
        "first": "James",
        "last": "Kirk",
    }
    assert Arr.map([1, 2], lambda v: v * 2) == [2, 4]


def test_map_spread() -> None:
    array = [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]
    assert Arr.map_spread(array, lambda even, odd: even + odd) == [1, 5, 9, 13, 17]


def test_map_with_keys() -> None:
    array = [
        {"name": "John", "department": "Sales", "email": "john@example.com"},
        {"name": "Jane", "department": "Marketing", "email": "jane@example.com"},
    ]
    assert Arr.map_with_keys(
        array, lambda item, key: {item["email"]: item["name"]}
    ) == {
        "john@example.com": "John",
        "jane@example.com": "Jane",
    }


def test_only() -> None:
    array = {"name": "Desk", "price": 100, "orders": 10}
    assert Arr.only(array, ["name", "price"]) == {"name": "Desk", "price": 100}
    assert Arr.only(array, "orders") == {"orders": 10}


def test_partition() -> None:
    under_three, rest = Arr.partition([1, 2, 3, 4, 5, 6], lambda i: i < 3)
    assert under_three == [1, 2]
    assert rest == [3, 4, 5, 6]


def test_pluck() -> None:
    array = [
        {"developer": {"id": 1, "name": "Taylor"}},
        {"developer": {"id": 2, "name": "Abigail"}},
    ]
    assert Arr.pluck(array, "developer.name") == ["Taylor", "Abigail"]
    assert Arr.pluck(array, "developer.name", "developer.id") == {
        1: "Taylor",
        2: "Abigail",
    }
    assert Arr.pluck(array, lambda item: item["developer"]["id"]) == [1, 2]


def test_prepend() -> None:
    assert Arr.prepend(["one", "two", "three", "four"], "zero") == [
        "zero",
        "one",
        "two",
        "three",
        "four",
    ]
    assert Arr.prepend({"price": 100}, "Desk", "name") == {"name": "Desk", "price": 100}


def test_prepend_keys_with() -> None:
    assert Arr.prepend_keys_with({"name": "Desk", "price": 100}, "product.") == {
        "product.name": "Desk",
        "product.price": 100,
    }


def test_pull() -> None:
    array = {"name": "Desk", "price": 100}
    assert Arr.pull(array, "name") == "Desk"
    assert array == {"price": 100}
    assert Arr.pull(array, "missing", "default") == "default"


def test_query() -> None:
    array = {"name": "Taylor", "order": {"column": "created_at", "direction": "desc"}}
    assert Arr.query(array) == (
        "name=Taylor&order%5Bcolumn%5D=created_at&order%5Bdirection%5D=desc"
    )
    assert Arr.query({"a": [1, 2], "b": True, "c": None, "d": "x y"}) == (
        "a%5B0%5D=1&a%5B1%5D=2&b=1&d=x%20y"
    )


def test_random() -> None:
    assert Arr.random([1, 2, 3, 4, 5]) in [1, 2, 3, 4, 5]
    picked = Arr.random([1, 2, 3, 4, 5], 2)
    assert len(picked) == 2 and set(picked) <= {1, 2, 3, 4, 5}
    assert Arr.random([1, 2], 0) == []
    with pytest.raises(InvalidArgumentError, match=r"requested \[3\] items"):
        Arr.random([1, 2], 3)


def test_select() -> None:
    array = [
        {"id": 1, "name": "Desk", "price": 200},
        {"id": 2, "name": "Table", "price": 150},
        {"id": 3, "name": "Chair", "price": 300},
    ]
    assert Arr.select(array, ["name", "price"]) == [
        {"name": "Desk", "price": 200},
        {"name": "Table", "price": 150},
        {"name": "Chair", "price": 300},
    ]


def test_set() -> None:
    array = {"products": {"desk": {"price": 100}}}
    Arr.set(array, "products.desk.price", 200)
    assert array == {"products": {"desk": {"price": 200}}}
    assert Arr.set({}, "a.b.c", 1) == {"a": {"b": {"c": 1}}}
    assert Arr.set({"a": "scalar"}, "a.b", 1) == {"a": {"b": 1}}
    assert Arr.set([1], "1", 2) == [1, 2]


def test_shuffle() -> None:
    assert sorted(Arr.shuffle([1, 2, 3, 4, 5])) == [1, 2, 3, 4, 5]


def test_sole() -> None:
    assert Arr.sole(["Desk", "Table", "Chair"], lambda v: v == "Desk") == "Desk"
    with pytest.raises(ItemNotFoundError):
        Arr.sole(["Desk"], lambda v: v == "Sofa")
    with pytest.raises(MultipleItemsFoundError) as info:
        Arr.sole(["Desk", "Desk"])
    assert info.value.count == 2


def test_sort() -> None:
    assert Arr.sort(["Desk", "Table", "Chair"]) == ["Chair", "Desk", "Table"]
    array = [{"name": "Desk"}, {"name": "Table"}, {"name": "Chair"}]
    assert Arr.sort(array, lambda value: value["name"]) == [
        {"name": "Chair"},
        {"name": "Desk"},
        {"name": "Table"},
    ]
    assert Arr.sort(array, "name")[0] == {"name": "Chair"}
    assert Arr.sort({"b": 2, "a": 1}) == {"a": 1, "b": 2}
    assert Arr.sort([10, "9", 2]) == [2, "9", 10]


def test_sort_desc() -> None:
    assert Arr.sort_desc(["Desk", "Table", "Chair"]) == ["Table", "Desk", "Chair"]
    array = [{"name": "Desk"}, {"name": "Table"}, {"name": "Chair"}]
    assert Arr.sort_desc(array, lambda value: value["name"]) == [
        {"name": "Table"},
        {"name": "Desk"},
        {"name": "Chair"},
    ]


def test_sort_recursive() -> None:
    array = [
        ["Roman", "Taylor", "Li"],
        ["PHP", "Ruby", "JavaScript"],
        {"one": 1, "two": 2, "three": 3},
    ]
    assert Arr.sort_recursive(array) == [
        ["JavaScript", "PHP", "Ruby"],
        {"one": 1, "three": 3, "two": 2},
        ["Li", "Roman", "Taylor"],
    ]
    assert Arr.sort_recursive_desc({"a": [1, 3, 2], "b": 0}) == {"b": 0, "a": [3, 2, 1]}


def test_take() -> None:
    assert Arr.take([0, 1, 2, 3, 4, 5], 3) == [0, 1, 2]
    assert Arr.take([0, 1, 2, 3, 4, 5], -2) == [4, 5]  # array_slice renumbers
    assert Arr.take({5: "a", 6: "b", "k": "c"}, -2) == {0: "b", "k": "c"}


def test_to_css_classes() -> None:
    is_active, has_error = False, True
    array = ["p-4", {"font-bold": is_active, "bg-red": has_error}]
    assert Arr.to_css_classes(["p-4", "font-bold"]) == "p-4 font-bold"
    classes = {0: "p-4", "font-bold": is_active, "bg-red": has_error}
    assert Arr.to_css_classes(classes) == "p-4 bg-red"
    assert Arr.to_css_classes(array[0]) == "p-4"


def test_to_css_styles() -> None:
    has_color = True
    array = {0: "background-color: blue", "color: blue": has_color}
    assert Arr.to_css_styles(array) == "background-color: blue; color: blue;"
    assert Arr.to_css_styles({0: "a: b;", "c: d": False}) == "a: b;"


def test_where_and_reject() -> None:
    array = [100, "200", 300, "400", 500]
    assert Arr.where(array, lambda value, key: isinstance(value, str)) == {
        1: "200",
        3: "400",
    }
    assert Arr.reject(array, lambda value, key: isinstance(value, str)) == {
        0: 100,
        2: 300,
        4: 500,
    }
    assert Arr.where([1, 2, 3], lambda v: v < 3) == [1, 2]


def test_where_not_null() -> None:
    assert Arr.where_not_null([0, None]) == [0]
    assert Arr.where_not_null([None, 0]) == {1: 0}


def test_wrap() -> None:
    assert Arr.wrap("Laravel") == ["Laravel"]
    assert Arr.wrap(None) == []
    assert Arr.wrap(["a"]) == ["a"]
    assert Arr.wrap({"a": 1}) == {"a": 1}


def test_every_and_some() -> None:
    assert Arr.every([1, 2, 3], lambda v: v > 0) is True
    assert Arr.every([1, 2, 3], lambda v: v > 1) is False
    assert Arr.some([1, 2, 3], lambda v: v > 2) is True


def test_camel_case_aliases_and_macros() -> None:
    assert Arr.whereNotNull([1, None]) == [1]
    assert Arr.isAssoc({"a": 1}) is True
    Arr.macro("double_all", lambda items: [i * 2 for i in items])
    try:
        assert Arr.double_all([1, 2]) == [2, 4]
        assert Arr.doubleAll([1]) == [2]
    finally:
        Arr.flush_macros()
    assert not hasattr(Arr, "double_all")


# --- data_* --------------------------------------------------------------------


def test_data_get() -> None:
    data = {"products": {"desk": {"price": 100}}}
    assert data_get(data, "products.desk.price") == 100
    assert data_get(data, "products.desk.discount", 0) == 0
    assert data_get(data, "products.desk.discount", lambda: 5) == 5


def test_data_get_wildcards_and_first_last() -> None:
    data = {
        "product-one": {"name": "Desk 1", "price": 100},
        "product-two": {"name": "Desk 2", "price": 150},
    }
    assert data_get(data, "*.name") == ["Desk 1", "Desk 2"]
    flights = {
        "flight-one": {
            "segments": [{"from": "LHR", "to": "IST"}, {"from": "IST", "to": "PKX"}]
        },
        "flight-two": {
            "segments": [{"from": "LGW", "to": "DXB"}, {"from": "DXB", "to": "HKG"}]
        },
    }
    assert data_get(flights, "*.segments.{first}.from") == ["LHR", "LGW"]
    assert data_get(flights, "*.segments.{last}.to") == ["PKX", "HKG"]
    assert data_get(flights, "*.segments.*.from") == ["LHR", "IST", "LGW", "DXB"]
    assert data_get({"*": 1}, "\\*") == 1
    assert data_get("scalar", "*.x", "d") == "d"
    assert data_get([], "{first}", "empty") == "empty"


def test_data_get_objects() -> None:
    user = types.SimpleNamespace(
        name="Taylor", address=types.SimpleNamespace(city="AR")
    )
    assert data_get(user, "address.city") == "AR"
    assert data_get({"users": [user]}, "users.0.name") == "Taylor"
    assert data_get(user, "missing", "d") == "d"
    assert data_get(user, "__class__", "private") == "private"


def test_data_set() -> None:
    data = {"products": {"desk": {"price": 100}}}
    data_set(data, "products.desk.price", 200)
    assert data == {"products": {"desk": {"price": 200}}}
    data_set(data, "products.desk.price", 300, overwrite=False)
    assert data["products"]["desk"]["price"] == 200
    rows = {
        "products": [{"name": "Desk 1", "price": 100}, {"name": "Desk 2", "price": 150}]
    }
    data_set(rows, "products.*.price", 200)
    assert [r["price"] for r in rows["products"]] == [200, 200]
    obj = types.SimpleNamespace(meta=None)
    data_set(obj, "meta.tags", ["a"])
    assert obj.meta == {"tags": ["a"]}
    assert data_set(None, "a.b", 1) == {"a": {"b": 1}}
    assert data_set({0: {}}, "0.x", 1) == {0: {"x": 1}}


def test_data_fill() -> None:
    data = {"products": {"desk": {"price": 100}}}
    data_fill(data, "products.desk.price", 200)
    data_fill(data, "products.desk.discount", 10)
    assert data == {"products": {"desk": {"price": 100, "discount": 10}}}


def test_data_forget() -> None:
    data = {"products": {"desk": {"price": 100}}}
    data_forget(data, "products.desk.price")
    assert data == {"products": {"desk": {}}}
    rows = {
        "products": [{"name": "Desk 1", "price": 100}, {"name": "Desk 2", "price": 150}]
    }
    data_forget(rows, "products.*.price")
    assert rows == {"products": [{"name": "Desk 1"}, {"name": "Desk 2"}]}
    obj = types.SimpleNamespace(a=1, b=2)
    data_forget(obj, "a")
    assert not hasattr(obj, "a")
