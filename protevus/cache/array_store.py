"""Keep cache items in a dict of this process (tests, one-off scripts).

Laravel: ``Illuminate\\Cache\\ArrayStore``.
"""

from __future__ import annotations

import threading
import typing as t

from protevus.cache.store import Clock
from protevus.cache.store import Store
from protevus.cache.store import serialize as _serialize
from protevus.cache.store import unserialize as _unserialize


class ArrayStore(Store):
    """Store items in memory, guarded by a lock so threads of one worker agree.

    Nothing is shared between processes: use the ``database`` or ``redis`` store
    for counters that must hold across gunicorn workers. With
    ``serialize=True`` values are stored as JSON, so later changes to a cached
    dict do not reach the cache.

    Laravel: ``Illuminate\\Cache\\ArrayStore``.
    """

    def __init__(self, serialize: bool = False, clock: Clock | None = None) -> None:
        super().__init__("", clock)
        self._serialize = serialize
        self._storage: dict[str, tuple[t.Any, float | None]] = {}
        self._lock = threading.RLock()

    def _live(self, key: str) -> tuple[t.Any, float | None] | None:
        item = self._storage.get(key)
        if item is None:
            return None
        expires_at = item[1]
        if expires_at is not None and expires_at <= self.now():
            del self._storage[key]
            return None
        return item

    def _pack(self, value: t.Any) -> t.Any:
        return _serialize(value) if self._serialize else value

    def _unpack(self, value: t.Any) -> t.Any:
        return _unserialize(value) if self._serialize else value

    def _expires_at(self, seconds: int | float | None) -> float | None:
        return None if seconds is None else self.now() + seconds

    def get(self, key: str) -> t.Any:
        """Return the value, or None when missing or expired. Laravel: ``ArrayStore::get()``."""
        with self._lock:
            item = self._live(key)
        return None if item is None else self._unpack(item[0])

    def put(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Store a value for ``seconds`` (None = forever). Laravel: ``ArrayStore::put()``."""
        packed = self._pack(value)
        with self._lock:
            self._storage[key] = (packed, self._expires_at(seconds))
        return True

    def add(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Store a value only if the key is absent or expired. Laravel: ``Repository::add()``."""
        packed = self._pack(value)
        with self._lock:
            if self._live(key) is not None:
                return False
            self._storage[key] = (packed, self._expires_at(seconds))
        return True

    def increment(self, key: str, value: int = 1) -> int | bool:
        """Add ``value`` to the item (a missing one starts at 0, kept forever).

        Laravel: ``ArrayStore::increment()``.
        """
        with self._lock:
            item = self._live(key)
            if item is None:
                self._storage[key] = (self._pack(value), None)
                return value
            try:
                number = int(self._unpack(item[0])) + value
            except (TypeError, ValueError):
                return False
            self._storage[key] = (self._pack(number), item[1])
            return number

    def expire_if_persistent(self, key: str, seconds: int | float) -> bool:
        """Give a live item without expiry one of ``seconds`` (the rate limiter's counters)."""
        with self._lock:
            item = self._live(key)
            if item is None or item[1] is not None:
                return False
            self._storage[key] = (item[0], self.now() + seconds)
        return True

    def forget(self, key: str) -> bool:
        """Remove an item. Laravel: ``ArrayStore::forget()``."""
        with self._lock:
            return self._storage.pop(key, None) is not None

    def flush(self) -> bool:
        """Remove every item. Laravel: ``ArrayStore::flush()``."""
        with self._lock:
            self._storage.clear()
        return True
