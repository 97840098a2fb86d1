"""The database store's rows, expiry and errors (Laravel: ``Illuminate\\Cache\\DatabaseStore``)."""

from __future__ import annotations

import json
import typing as t

import pytest

from protevus.cache.database_store import DatabaseStore
from protevus.cache.exceptions import CacheTableMissingError
from protevus.cache.repository import Repository


def _row(connection: t.Any, key: str) -> dict[str, t.Any] | None:
    row = connection.table("cache").where("key", key).first()
    return None if row is None else dict(row)


def test_rows_hold_the_prefixed_key_json_and_the_expiration(
    cache_connection: t.Any, clock: t.Any
) -> None:
    cache = Repository(DatabaseStore(cache_connection, "cache", "shop-"))
    cache.put("user:1", {"name": "Taylor", "tags": ["a"]}, 60)
    row = _row(cache_connection, "shop-user:1")
    assert row is not None
    assert json.loads(row["value"]) == {"name": "Taylor", "tags": ["a"]}
    assert int(row["expiration"]) == int(clock.now) + 60
    assert cache.get_prefix() == "shop-"
    cache.forever("always", 1)
    always = _row(cache_connection, "shop-always")
    assert always is not None
    assert int(always["expiration"]) == int(clock.now) + 315360000


def test_an_expired_row_reads_as_missing_and_is_deleted(
    cache_connection: t.Any, clock: t.Any
) -> None:
    cache = Repository(DatabaseStore(cache_connection))
    cache.put("token", "abc", 10)
    clock.advance(10)
    assert cache.get("token") is None
    assert _row(cache_connection, "token") is None


def test_add_overwrites_an_expired_row(cache_connection: t.Any, clock: t.Any) -> None:
    cache = Repository(DatabaseStore(cache_connection))
    cache.put("slot", "old", 10)
    clock.advance(11)
    assert _row(cache_connection, "slot") is not None  # still in the table
    assert cache.add("slot", "new", 10) is True
    row = _row(cache_connection, "slot")
    assert row is not None and json.loads(row["value"]) == "new"


def test_increment_of_a_missing_item_is_false_like_laravel(
    cache_connection: t.Any,
) -> None:
    cache = Repository(DatabaseStore(cache_connection))
    assert cache.increment("nothing") is False
    assert cache.get("nothing") is None
    cache.put("n", 1, 60)
    assert cache.increment("n", 0) == 1


def test_two_connections_share_one_counter(
    cache_connection: t.Any, test_databases: t.Any, tmp_path: t.Any
) -> None:
    """Two workers (two connections) see the same items: counters hold across workers."""
    from protevus.database.connection import Connection

    other = Connection(dict(cache_connection.config), name="other_worker")
    try:
        first = Repository(DatabaseStore(cache_connection))
        second = Repository(DatabaseStore(other))
        assert first.add("hits", 0, 60) is True
        assert second.add("hits", 0, 60) is False
        assert first.increment("hits") == 1
        assert second.increment("hits") == 2
        assert first.get("hits") == 2
    finally:
        other.disconnect()


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.get("key"),
        lambda c: c.put("key", 1, 60),
        lambda c: c.add("key", 1, 60),
        lambda c: c.increment("key"),
        lambda c: c.forget("key"),
        lambda c: c.flush(),
    ],
    ids=["get", "put", "add", "increment", "forget", "flush"],
)
def test_a_missing_table_says_to_run_the_migrations(
    cache_connection: t.Any, call: t.Callable[[Repository], t.Any]
) -> None:
    cache = Repository(DatabaseStore(cache_connection, "no_such_cache"))
    with pytest.raises(CacheTableMissingError) as error:
        call(cache)
    message = str(error.value)
    assert "[no_such_cache]" in message
    assert "migrate" in message
    # The connection is still usable (no transaction left open).
    assert Repository(DatabaseStore(cache_connection)).put("after", 1, 60) is True
