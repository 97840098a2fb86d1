"""Keep cache items in Redis, which expires them itself.

Laravel: ``Illuminate\\Cache\\RedisStore``.
"""

from __future__ import annotations

import typing as t

from protevus.cache.store import Clock
from protevus.cache.store import Store
from protevus.cache.store import serialize
from protevus.cache.store import unserialize

#: PEXPIRE a key only when it exists without a TTL (``EXPIRE ... NX`` before Redis 7).
_EXPIRE_IF_PERSISTENT = (
    "if redis.call('pttl', KEYS[1]) == -1 then "
    "return redis.call('pexpire', KEYS[1], ARGV[1]) end return 0"
)


class RedisStore(Store):
    """Store JSON values under ``<prefix><key>`` with ``SET ... EX``.

    ``add`` is ``SET NX EX`` and ``increment`` is ``INCRBY``: both atomic on the
    server, so every worker sees one counter. Integers are stored as their
    digits (JSON), which is what ``INCRBY`` reads.

    Laravel: ``Illuminate\\Cache\\RedisStore``.
    """

    def __init__(
        self, client: t.Any, prefix: str = "", clock: Clock | None = None
    ) -> None:
        super().__init__(prefix, clock)
        self._client = client

    def _key(self, key: str) -> str:
        return self._prefix + key

    @staticmethod
    def _expiry(seconds: int | float | None) -> dict[str, int]:
        if seconds is None:
            return {}
        if isinstance(seconds, int) or float(seconds).is_integer():
            return {"ex": max(int(seconds), 1)}
        return {"px": max(int(seconds * 1000), 1)}

    def get(self, key: str) -> t.Any:
        """Return the value, or None when missing. Laravel: ``RedisStore::get()``."""
        raw = self._client.get(self._key(key))
        return None if raw is None else unserialize(raw)

    def many(self, keys: t.Iterable[str]) -> dict[str, t.Any]:
        """Return several values with one ``MGET``. Laravel: ``RedisStore::many()``."""
        keys = list(keys)
        if not keys:
            return {}
        values = self._client.mget([self._key(key) for key in keys])
        return {
            key: None if raw is None else unserialize(raw)
            for key, raw in zip(keys, values, strict=True)
        }

    def put(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Store the value with ``SET EX`` (no expiry for None). Laravel: ``RedisStore::put()``."""
        return bool(
            self._client.set(self._key(key), serialize(value), **self._expiry(seconds))
        )

    def put_many(
        self, values: t.Mapping[str, t.Any], seconds: int | float | None
    ) -> bool:
        """Store several values in one transaction. Laravel: ``RedisStore::putMany()``."""
        if not values:
            return True
        expiry = self._expiry(seconds)
        pipeline = self._client.pipeline(transaction=True)
        for key, value in values.items():
            pipeline.set(self._key(key), serialize(value), **expiry)
        return all(bool(result) for result in pipeline.execute())

    def add(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Store the value only if the key is absent (``SET NX EX``). Laravel: ``RedisStore::add()``."""
        return bool(
            self._client.set(
                self._key(key), serialize(value), nx=True, **self._expiry(seconds)
            )
        )

    def increment(self, key: str, value: int = 1) -> int | bool:
        """Add ``value`` with ``INCRBY`` (a missing key starts at 0, with no expiry).

        Laravel: ``RedisStore::increment()``.
        """
        from redis.exceptions import ResponseError

        try:
            return int(self._client.incrby(self._key(key), value))
        except ResponseError:  # not an integer
            return False

    def decrement(self, key: str, value: int = 1) -> int | bool:
        """Subtract ``value`` with ``DECRBY``. Laravel: ``RedisStore::decrement()``."""
        return self.increment(key, -value)

    def expire_if_persistent(self, key: str, seconds: int | float) -> bool:
        """Set an expiry on the key only if it has none (atomic, any Redis version).

        The rate limiter calls it when ``INCRBY`` created its counter.
        """
        milliseconds = max(int(seconds * 1000), 1)
        return bool(
            self._client.eval(_EXPIRE_IF_PERSISTENT, 1, self._key(key), milliseconds)
        )

    def forget(self, key: str) -> bool:
        """Delete the key. Laravel: ``RedisStore::forget()``."""
        return bool(self._client.delete(self._key(key)))

    def flush(self) -> bool:
        """Delete the keys under this store's prefix (the whole database without one).

        Laravel: ``RedisStore::flush()`` (``FLUSHDB``); Protevus keeps other
        prefixes' keys, so a shared Redis database loses only the cache.
        """
        if not self._prefix:
            self._client.flushdb()
            return True
        pattern = _escape_glob(self._prefix) + "*"
        batch: list[t.Any] = []
        for name in self._client.scan_iter(match=pattern, count=500):
            batch.append(name)
            if len(batch) >= 500:
                self._client.delete(*batch)
                batch.clear()
        if batch:
            self._client.delete(*batch)
        return True

    def get_client(self) -> t.Any:
        """Return the Redis client. Laravel: ``RedisStore::connection()``."""
        return self._client


def _escape_glob(text: str) -> str:
    """Escape Redis ``MATCH`` pattern characters in a literal prefix."""
    return "".join("\\" + char if char in "*?[]\\" else char for char in text)
