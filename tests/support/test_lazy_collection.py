"""LazyCollection: nothing is read before it is needed, even from endless sources."""

from __future__ import annotations

import itertools
import typing as t
from datetime import datetime
from datetime import timedelta

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ItemNotFoundError
from protevus.exceptions import MultipleItemsFoundError
from protevus.support.collection import Collection
from protevus.support.collection import collect
from protevus.support.lazy_collection import LazyCollection


class Counter:
    """An endless source that records how many items were pulled."""

    def __init__(self) -> None:
        self.pulled = 0

    def __call__(self) -> t.Iterator[int]:
        for n in itertools.count(1):
            self.pulled += 1
            yield n


def test_make_from_generator_function_and_iterables() -> None:
    def gen() -> t.Iterator[int]:
        yield 1
        yield 2
        yield 3

    lazy = LazyCollection.make(gen)
    assert lazy.all() == [1, 2, 3]
    assert lazy.all() == [1, 2, 3]
    assert LazyCollection([1, 2]).all() == [1, 2]
    assert LazyCollection({"a": 1}).all() == {"a": 1}
    assert LazyCollection(range(3)).all() == [0, 1, 2]
    assert LazyCollection(collect({"x": 1})).all() == {"x": 1}
    assert LazyCollection().all() == []
    assert LazyCollection(lambda: {"k": "v"}).all() == {"k": "v"}


def test_a_started_generator_is_refused_with_a_fix() -> None:
    with pytest.raises(InvalidArgumentError, match="pass the generator function"):
        LazyCollection(x for x in [1])


def test_chains_do_not_touch_the_source() -> None:
    source = Counter()
    lazy = (
        LazyCollection.make(source)
        .map(lambda n: n * 2)
        .filter(lambda n: n % 3)
        .where(None, ">", 1)
        .unique()
        .chunk(2)
    )
    assert source.pulled == 0
    assert lazy.first().all() == [2, 4]
    assert source.pulled == 2


def test_infinite_source_with_take_and_filter() -> None:
    source = Counter()
    odd = LazyCollection.make(source).filter(lambda n: n % 2).take(3)
    assert odd.values().all() == [1, 3, 5]
    assert odd.all() == {0: 1, 2: 3, 4: 5}
    assert source.pulled <= 12


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda lc: lc.take_while(lambda n: n < 4), [1, 2, 3]),
        (lambda lc: lc.take_until(lambda n: n >= 3), [1, 2]),
        (lambda lc: lc.take_until(3), [1, 2]),
        (lambda lc: lc.skip(2).take(2).values(), [3, 4]),
        (lambda lc: lc.skip_while(lambda n: n < 5).take(1).values(), [5]),
        (lambda lc: lc.skip_until(7).take(2).values(), [7, 8]),
        (lambda lc: lc.slice(2, 3).values(), [3, 4, 5]),
        (lambda lc: lc.nth(3).take(3), [1, 4, 7]),
        (lambda lc: lc.map(lambda n: n * n).take(3), [1, 4, 9]),
        (lambda lc: lc.flat_map(lambda n: [n, n]).take(4), [1, 1, 2, 2]),
        (lambda lc: lc.keys().take(3), [0, 1, 2]),
        (lambda lc: lc.map(lambda n: n % 3).unique().take(3).values(), [1, 2, 0]),
        (lambda lc: lc.pluck(None).take(2), [1, 2]),
        (lambda lc: lc.where_in(None, ["2", 5]).take(2).values(), [2, 5]),
        (lambda lc: lc.reject(lambda n: n % 2).take(2).values(), [2, 4]),
    ],
)
def test_lazy_methods_on_an_endless_source(
    build: t.Callable[[LazyCollection], LazyCollection], expected: list[int]
) -> None:
    assert build(LazyCollection.times(None)).all() == expected


def test_first_contains_get_and_is_empty_stop_early() -> None:
    source = Counter()
    lazy = LazyCollection.make(source)
    assert lazy.first(lambda n: n > 4) == 5
    assert source.pulled == 5
    assert lazy.contains(3) is True
    assert lazy.contains(lambda n: n == 10) is True
    assert lazy.get(2) == 3
    assert lazy.is_empty() is False
    assert lazy.has(0, 3) is True
    assert LazyCollection().is_empty() is True
    assert lazy.search("4") == 3


def test_sole_and_first_or_fail_read_at_most_two() -> None:
    assert LazyCollection([1, 2, 3]).sole(lambda n: n == 3) == 3
    with pytest.raises(MultipleItemsFoundError):
        LazyCollection.times(None).sole(lambda n: n > 3)
    with pytest.raises(ItemNotFoundError):
        LazyCollection([1, 2]).sole(lambda n: n > 3)
    assert LazyCollection.times(None).first_or_fail(lambda n: n > 10) == 11
    with pytest.raises(ItemNotFoundError):
        LazyCollection([]).first_or_fail()


def test_tap_each_runs_only_as_items_are_pulled() -> None:
    seen: list[int] = []
    lazy = LazyCollection.times(None).tap_each(lambda value: seen.append(value))
    assert seen == []
    assert lazy.take(3).all() == [1, 2, 3]
    assert seen == [1, 2, 3]


def test_remember_runs_the_source_once() -> None:
    source = Counter()
    remembered = LazyCollection.make(source).remember()
    assert source.pulled == 0
    assert remembered.take(5).all() == [1, 2, 3, 4, 5]
    assert source.pulled == 5
    assert remembered.take(3).all() == [1, 2, 3]
    assert source.pulled == 5
    assert remembered.take(7).all() == [1, 2, 3, 4, 5, 6, 7]
    assert source.pulled == 7


def test_take_until_timeout_with_past_and_future_deadlines() -> None:
    past = datetime.now() - timedelta(seconds=1)
    assert LazyCollection.times(None).take_until_timeout(past).all() == []
    future = datetime.now() + timedelta(minutes=5)
    assert LazyCollection.times(None).take_until_timeout(future).take(3).all() == [
        1,
        2,
        3,
    ]
    assert LazyCollection.times(None).take_until_timeout(0).all() == []


def test_take_until_timeout_stops_an_endless_source() -> None:
    import time

    endless = LazyCollection.times(None).tap_each(lambda n: time.sleep(0.002))
    taken = endless.take_until_timeout(0.02).all()
    assert 1 <= len(taken) < 100


def test_times_range_count_and_collect() -> None:
    assert LazyCollection.times(3, lambda n: n * 9).all() == [9, 18, 27]
    assert LazyCollection.times(0).all() == []
    assert LazyCollection.range(1, 4).all() == [1, 2, 3, 4]
    assert LazyCollection.range(3, 1).all() == [3, 2, 1]
    assert LazyCollection.range(1, 5).count() == 5
    collected = LazyCollection.range(1, 3).collect()
    assert type(collected) is Collection and collected.all() == [1, 2, 3]


def test_each_eagerly_iterates_and_stops_on_false() -> None:
    seen: list[int] = []
    LazyCollection.times(None).each(lambda n: seen.append(n) or (n < 3))
    assert seen == [1, 2, 3]


def test_chunk_and_chunk_while() -> None:
    chunks = LazyCollection.times(None).chunk(3).take(2)
    assert [c.all() for c in chunks] == [[1, 2, 3], {3: 4, 4: 5, 5: 6}]
    letters = LazyCollection(list("AABBCCCD")).chunk_while(
        lambda value, key, chunk: value == chunk.last()
    )
    assert [c.values().all() for c in letters] == [
        ["A", "A"],
        ["B", "B"],
        ["C", "C", "C"],
        ["D"],
    ]


def test_eager_methods_defer_until_enumerated() -> None:
    source = Counter()
    sorted_ = LazyCollection.make(source).take(4).sort_desc()
    assert source.pulled == 0
    assert sorted_.values().all() == [4, 3, 2, 1]
    rows = LazyCollection([{"k": "a", "v": 1}, {"k": "b", "v": 2}, {"k": "a", "v": 3}])
    assert rows.group_by("k").map(lambda g: g.count()).all() == {"a": 2, "b": 1}
    assert rows.sort_by_desc("v").pluck("v").all() == [3, 2, 1]
    assert rows.key_by("v").keys().all() == [1, 2, 3]
    assert LazyCollection([1, 2, 3]).reverse().all() == {2: 3, 1: 2, 0: 1}


def test_shared_enumerable_methods() -> None:
    rows = LazyCollection(
        [{"name": "ann", "votes": 3}, {"name": "bob", "votes": "5"}, {"name": "cid"}]
    )
    assert rows.sum("votes") == 8
    assert rows.avg("votes") == 4
    assert rows.max("votes") == "5"
    assert rows.pluck("name").implode(", ") == "ann, bob, cid"
    assert rows.first_where("votes", 5)["name"] == "bob"
    assert rows.where_not_null("votes").count() == 2
    passed, failed = rows.partition(lambda r: "votes" in r)
    assert passed.count() == 2 and failed.all() == {2: {"name": "cid"}}
    assert rows.every(lambda r: "name" in r) is True
    assert rows.to_json().startswith('[{"name":"ann"')
    assert rows.map_with_keys(lambda r: {r["name"]: 1}).all() == {
        "ann": 1,
        "bob": 1,
        "cid": 1,
    }
    assert LazyCollection(["a", "b"]).zip([1, 2]).to_array() == [["a", 1], ["b", 2]]
    assert LazyCollection(["x", "y"]).combine([1, 2]).all() == {"x": 1, "y": 2}
    assert LazyCollection([1, 2]).concat([3]).all() == [1, 2, 3]
    assert LazyCollection({"a": 1, "b": 2}).only(["a"]).all() == {"a": 1}
    assert LazyCollection({"a": 1, "b": 2}).except_("a").all() == {"b": 2}
    assert LazyCollection({"a": 1}).flip().all() == {1: "a"}
    assert LazyCollection([[1], [2, 3]]).collapse().all() == [1, 2, 3]
    assert LazyCollection([1, 2, 3]).take(-2).all() == {1: 2, 2: 3}
    assert LazyCollection([1, 2, 3]).last() == 3


def test_lazy_macro_and_camel_twins() -> None:
    LazyCollection.macro("doubled", lambda self: self.map(lambda n: n * 2))
    try:
        assert LazyCollection([1, 2]).doubled().all() == [2, 4]
    finally:
        LazyCollection.flush_macros()
    assert LazyCollection.times(None).takeWhile(lambda n: n < 3).all() == [1, 2]


def test_repr_does_not_enumerate() -> None:
    source = Counter()
    assert repr(LazyCollection.make(source)) == "<LazyCollection (lazy)>"
    assert source.pulled == 0
