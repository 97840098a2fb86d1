"""Every cache store, for real, through the Repository: array, file, database, redis.

Laravel: ``Illuminate\\Cache\\Repository`` over ``ArrayStore``, ``FileStore``,
``DatabaseStore`` (SQLite, PostgreSQL, MariaDB) and ``RedisStore``. Expiry runs on a
frozen clock (``Carbon.set_test_now``), except Redis, which expires keys itself
(tests/cache/test_redis_store.py waits a fraction of a second for that).
"""

from __future__ import annotations

import datetime as dt
import threading
import typing as t

import pytest

from protevus.cache.exceptions import CacheSerializationError
from protevus.cache.redis_store import RedisStore
from protevus.cache.repository import Repository


def _expires_on_server(cache: Repository) -> bool:
    return isinstance(cache.get_store(), RedisStore)


def test_put_get_has_and_missing(cache: Repository) -> None:
    assert cache.get("name") is None
    assert cache.get("name", "guest") == "guest"
    assert cache.get("name", lambda: "computed") == "computed"
    assert cache.missing("name") and not cache.has("name")
    assert cache.put("name", "Taylor", 60) is True
    assert cache.get("name") == "Taylor"
    assert cache.has("name") and not cache.missing("name")
    assert "name" in cache


@pytest.mark.parametrize(
    "value",
    [42, -7, 3.5, "text é ✓", True, False, [1, "two", None], {"a": {"b": [1, 2]}}],
)
def test_values_come_back_equal(cache: Repository, value: t.Any) -> None:
    cache.put("value", value, 60)
    assert cache.get("value") == value
    assert type(cache.get("value")) is type(value)


def test_a_value_that_is_not_json_is_refused_with_a_clear_error(
    cache: Repository,
) -> None:
    with pytest.raises(CacheSerializationError, match=r"\[object\].*JSON"):
        cache.put("thing", object(), 60)
    assert cache.get("thing") is None


def test_forget_pull_and_flush(cache: Repository) -> None:
    cache.put("a", 1, 60)
    cache.put("b", 2, 60)
    assert cache.pull("a") == 1
    assert cache.get("a") is None
    assert cache.pull("a", "gone") == "gone"
    cache.forget("b")
    assert cache.missing("b")
    cache.put_many({"c": 3, "d": 4}, 60)
    assert cache.flush() is True
    assert cache.many(["c", "d"]) == {"c": None, "d": None}


def test_many_and_put_many(cache: Repository) -> None:
    assert cache.put_many({"x": 1, "y": [2]}, 60) is True
    assert cache.put({"z": "three"}, 60) is True
    assert cache.many(["x", "y", "z", "nope"]) == {
        "x": 1,
        "y": [2],
        "z": "three",
        "nope": None,
    }
    assert cache.many({"x": 0, "nope": "default"}) == {"x": 1, "nope": "default"}
    assert cache.get(["x", "nope"]) == {"x": 1, "nope": None}


def test_add_only_stores_when_absent(cache: Repository) -> None:
    assert cache.add("lock", "first", 60) is True
    assert cache.add("lock", "second", 60) is False
    assert cache.get("lock") == "first"
    assert cache.add("forever", 1) is True
    assert cache.add("forever", 2) is False
    assert cache.add("zero", 1, 0) is False
    assert cache.missing("zero")


def test_increment_and_decrement(cache: Repository) -> None:
    cache.put("count", 5, 60)
    assert cache.increment("count") == 6
    assert cache.increment("count", 4) == 10
    assert cache.decrement("count", 3) == 7
    assert cache.decrement("count") == 6
    assert cache.get("count") == 6
    cache.put("word", "abc", 60)
    assert cache.increment("word") is False
    assert cache.get("word") == "abc"


def test_remember_calls_the_callback_once(cache: Repository) -> None:
    calls: list[int] = []

    def compute() -> dict[str, int]:
        calls.append(1)
        return {"users": 3}

    assert cache.remember("stats", 60, compute) == {"users": 3}
    assert cache.remember("stats", 60, compute) == {"users": 3}
    assert cache.remember_forever("forever-stats", compute) == {"users": 3}
    assert cache.sear("forever-stats", compute) == {"users": 3}
    assert len(calls) == 2


def test_ttl_of_zero_or_less_forgets_the_item(cache: Repository) -> None:
    cache.put("key", "value", 60)
    assert cache.put("key", "other", 0) is True
    assert cache.get("key") is None
    cache.put("key", "value", 60)
    cache.put("key", "value", dt.timedelta(seconds=-5))
    assert cache.get("key") is None


def test_items_expire_after_their_ttl(cache: Repository, clock: t.Any) -> None:
    if _expires_on_server(cache):
        pytest.skip("Redis expires keys itself: see test_redis_store.py")
    cache.put("seconds", "a", 10)
    cache.put("delta", "b", dt.timedelta(minutes=1))
    cache.put("until", "c", dt.datetime.fromtimestamp(clock.now + 30, dt.UTC))
    cache.forever("forever", "d")
    clock.advance(9)
    assert cache.many(["seconds", "delta", "until"]) == {
        "seconds": "a",
        "delta": "b",
        "until": "c",
    }
    clock.advance(2)
    assert cache.get("seconds") is None
    assert cache.get("until") == "c"
    clock.advance(20)
    assert cache.get("until") is None
    clock.advance(30)
    assert cache.get("delta") is None
    clock.advance(86400 * 365 * 5)
    assert cache.get("forever") == "d"


def test_add_succeeds_again_once_the_item_expired(
    cache: Repository, clock: t.Any
) -> None:
    if _expires_on_server(cache):
        pytest.skip("Redis expires keys itself: see test_redis_store.py")
    assert cache.add("key", "old", 5) is True
    assert cache.add("key", "new", 5) is False
    clock.advance(6)
    assert cache.add("key", "new", 5) is True
    assert cache.get("key") == "new"


def test_an_expired_counter_cannot_be_incremented_into_life(
    cache: Repository, clock: t.Any
) -> None:
    if _expires_on_server(cache):
        pytest.skip("Redis expires keys itself: see test_redis_store.py")
    cache.put("hits", 3, 5)
    clock.advance(6)
    result = cache.increment("hits")
    # Laravel: the database store reports False, the others start again from 0.
    assert result in (False, 1)
    assert cache.get("hits") in (None, 1)


def test_add_is_atomic_across_threads(cache: Repository) -> None:
    results: list[bool] = []
    barrier = threading.Barrier(8)

    def contend(number: int) -> None:
        barrier.wait()
        results.append(cache.add("winner", number, 60))

    threads = [threading.Thread(target=contend, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 1
    winner = [n for n, ok in zip(range(8), results, strict=True) if ok]
    assert cache.get("winner") in range(8)
    assert len(winner) <= 1


def test_increment_is_atomic_across_threads(cache: Repository) -> None:
    cache.put("counter", 0, 600)
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def bump() -> None:
        barrier.wait()
        try:
            for _ in range(10):
                cache.increment("counter")
        except BaseException as exc:  # surface failures in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=bump) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert cache.get("counter") == 60
