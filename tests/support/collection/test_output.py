"""Collection output and flow: implode/join, arrays and JSON, dump, pipes, conditions."""

from __future__ import annotations

import json
import typing as t

import pytest

from protevus.contracts.support import Arrayable
from protevus.support.collection import Collection
from protevus.support.collection import collect


def test_implode() -> None:
    c = collect(
        [{"account_id": 1, "product": "Desk"}, {"account_id": 2, "product": "Chair"}]
    )
    assert c.implode("product", ", ") == "Desk, Chair"
    assert collect([1, 2, 3, 4, 5]).implode("-") == "1-2-3-4-5"
    assert c.implode(lambda item, key: item["product"].upper(), ", ") == "DESK, CHAIR"


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


def test_to_array_and_to_json() -> None:
    c = collect({"name": "Desk", "price": 200})
    assert c.to_array() == {"name": "Desk", "price": 200}
    assert c.to_json() == '{"name":"Desk","price":200}'
    assert collect([1, 2]).to_json() == "[1,2]"
    assert collect([1, 2]).filter(lambda v: v > 1).to_json() == '{"1":2}'
    assert json.loads(c.to_pretty_json()) == {"name": "Desk", "price": 200}
    assert "\n    " in c.to_pretty_json()


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


def test_dump_prints_and_returns(capsys: pytest.CaptureFixture[str]) -> None:
    c = collect(["John Doe", "Jane Doe"])
    assert c.dump() is c
    assert "John Doe" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        c.dd()


def test_ensure() -> None:
    assert collect([1, 2]).ensure(int).all() == [1, 2]
    assert collect([1, "a"]).ensure([int, str]).count() == 2
    assert collect([1]).ensure("int").count() == 1
    with pytest.raises(TypeError, match=r"\[str\] found at position 1"):
        collect([1, "a"]).ensure(int)


def test_pipe_pipe_into_pipe_through() -> None:
    c = collect([1, 2, 3])
    assert c.pipe(lambda collection: collection.sum()) == 6

    class ResourceCollection:
        def __init__(self, collection: Collection) -> None:
            self.collection = collection

    assert c.pipe_into(ResourceCollection).collection.all() == [1, 2, 3]
    result = c.pipe_through([lambda x: x.merge([4, 5]), lambda x: x.sum()])
    assert result == 15


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


def test_is_empty_and_is_not_empty() -> None:
    assert collect([]).is_empty() is True
    assert collect([]).is_not_empty() is False
    assert collect([1]).isNotEmpty() is True
