"""The interface every cache store implements, and the JSON serialization they share.

Laravel: ``Illuminate\\Contracts\\Cache\\Store``.
"""

from __future__ import annotations

import json
import typing as t

from protevus.cache.exceptions import CacheSerializationError
from protevus.cache.interacts_with_time import current_time
from protevus.support.aliases import CamelAliases

#: a clock returning UNIX time in seconds.
Clock = t.Callable[[], float]

#: Laravel's "forever" expiration for stores that need a timestamp.
FOREVER = 9999999999


def serialize(value: t.Any) -> str:
    """Encode ``value`` as JSON text (never pickle: a cache must not run code on read).

    Laravel: ``serialize()`` in the stores (Protevus stores JSON).
    """
    try:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise CacheSerializationError(
            f"Cache value of type [{type(value).__name__}] cannot be stored: stores keep "
            "JSON (dicts, lists, strings, numbers, booleans, None). Convert it first, "
            "e.g. with to_array() or str()."
        ) from exc


def unserialize(payload: t.Any) -> t.Any:
    """Decode JSON text (or bytes) written by :func:`serialize`.

    Laravel: ``unserialize()`` in the stores.
    """
    if isinstance(payload, bytes | bytearray | memoryview):
        payload = bytes(payload).decode("utf-8")
    return json.loads(payload)


class Store(CamelAliases):
    """Keep values under keys for a number of seconds (None = forever).

    Subclasses implement ``get``, ``put``, ``add``, ``increment``, ``forget`` and
    ``flush``; ``add`` and ``increment`` must be atomic, so counters stay right
    when several workers share the store. ``clock`` returns the current UNIX time
    (``current_time`` honours ``Carbon.set_test_now``).

    Laravel: ``Illuminate\\Contracts\\Cache\\Store``.
    """

    def __init__(self, prefix: str = "", clock: Clock | None = None) -> None:
        self._prefix = prefix
        self._clock: Clock = clock or current_time

    def now(self) -> float:
        """Return the store's current time (UNIX seconds)."""
        return self._clock()

    def set_clock(self, clock: Clock | None) -> Store:
        """Use ``clock`` for the current time (None: the real one)."""
        self._clock = clock or current_time
        return self

    def get(self, key: str) -> t.Any:
        """Return the value, or None when missing or expired. Laravel: ``Store::get()``."""
        raise NotImplementedError

    def many(self, keys: t.Iterable[str]) -> dict[str, t.Any]:
        """Return the values of ``keys`` (None for the missing ones). Laravel: ``Store::many()``."""
        return {key: self.get(key) for key in keys}

    def put(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Store a value for ``seconds`` (None = forever). Laravel: ``Store::put()``."""
        raise NotImplementedError

    def put_many(
        self, values: t.Mapping[str, t.Any], seconds: int | float | None
    ) -> bool:
        """Store several values. Laravel: ``Store::putMany()``."""
        results = [self.put(key, value, seconds) for key, value in values.items()]
        return all(results)

    def add(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Store a value only if the key is absent (atomically); tell whether it was stored.

        Laravel: ``Store::add()`` (the stores that have it).
        """
        raise NotImplementedError

    def increment(self, key: str, value: int = 1) -> int | bool:
        """Add ``value`` to an integer item; return the new value. Laravel: ``Store::increment()``."""
        raise NotImplementedError

    def decrement(self, key: str, value: int = 1) -> int | bool:
        """Subtract ``value`` from an integer item. Laravel: ``Store::decrement()``."""
        return self.increment(key, -value)

    def forever(self, key: str, value: t.Any) -> bool:
        """Store a value with no expiry. Laravel: ``Store::forever()``."""
        return self.put(key, value, None)

    def forget(self, key: str) -> bool:
        """Remove an item; tell whether it existed. Laravel: ``Store::forget()``."""
        raise NotImplementedError

    def flush(self) -> bool:
        """Remove every item. Laravel: ``Store::flush()``."""
        raise NotImplementedError

    def get_prefix(self) -> str:
        """Return the key prefix. Laravel: ``Store::getPrefix()``."""
        return self._prefix

    def set_prefix(self, prefix: str) -> None:
        """Set the key prefix. Laravel: ``setPrefix()``."""
        self._prefix = prefix
