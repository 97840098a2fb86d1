"""The redis store against the real server (Laravel: ``Illuminate\\Cache\\RedisStore``)."""

from __future__ import annotations

import json
import time
import typing as t

from protevus.cache.redis_store import RedisStore
from protevus.cache.repository import Repository


def test_keys_live_under_the_prefix_as_json_with_a_ttl(
    redis_client: t.Any, redis_prefix: str
) -> None:
    cache = Repository(RedisStore(redis_client, redis_prefix))
    cache.put("user", {"id": 1}, 120)
    assert json.loads(redis_client.get(redis_prefix + "user")) == {"id": 1}
    assert 0 < redis_client.ttl(redis_prefix + "user") <= 120
    cache.forever("always", 5)
    assert redis_client.ttl(redis_prefix + "always") == -1
    assert redis_client.get(redis_prefix + "always") == b"5"  # INCRBY can read it
    assert cache.get_prefix() == redis_prefix


def test_items_expire_on_the_server(redis_client: t.Any, redis_prefix: str) -> None:
    cache = Repository(RedisStore(redis_client, redis_prefix))
    cache.put("short", "gone soon", 0.25)
    assert cache.add("nx", "first", 0.25) is True
    assert cache.get("short") == "gone soon"
    time.sleep(0.35)
    assert cache.get("short") is None
    assert cache.add("nx", "second", 60) is True
    assert cache.get("nx") == "second"


def test_increment_of_a_missing_key_starts_from_zero(
    redis_client: t.Any, redis_prefix: str
) -> None:
    cache = Repository(RedisStore(redis_client, redis_prefix))
    assert cache.increment("fresh") == 1
    assert cache.decrement("fresh", 3) == -2


def test_flush_keeps_keys_of_other_prefixes(
    redis_client: t.Any, redis_prefix: str
) -> None:
    other = redis_prefix + "other*["
    mine = Repository(RedisStore(redis_client, redis_prefix + "mine:"))
    theirs = Repository(RedisStore(redis_client, other))
    mine.put_many({"a": 1, "b": 2}, 60)
    theirs.put("c", 3, 60)
    assert mine.flush() is True
    assert mine.many(["a", "b"]) == {"a": None, "b": None}
    assert theirs.get("c") == 3
