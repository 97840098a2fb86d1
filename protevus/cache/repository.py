"""The object ``Cache`` calls reach: TTL handling, defaults and ``remember`` over a store.

Laravel: ``Illuminate\\Cache\\Repository``.
"""

from __future__ import annotations

import typing as t

from protevus.cache.interacts_with_time import Ttl
from protevus.cache.interacts_with_time import seconds_until
from protevus.cache.store import Store
from protevus.support.aliases import CamelAliases
from protevus.support.helpers import value as resolve_value
from protevus.support.macroable import Macroable


class Repository(Macroable, CamelAliases):
    """Read and write one store with Laravel's cache API.

    ``ttl`` is seconds (``int``/``float``), a ``timedelta`` or the ``datetime``
    it ends at; ``None`` keeps the item forever, and a TTL of zero or less
    removes it. Values are JSON in the shared stores (database, redis, file).

    Laravel: ``Illuminate\\Cache\\Repository``.
    """

    def __init__(
        self, store: Store, config: t.Mapping[str, t.Any] | None = None
    ) -> None:
        self._store = store
        self._config = dict(config or {})

    # -- reading ------------------------------------------------------------------

    def has(self, key: str) -> bool:
        """Tell whether the item exists (a stored None counts as missing). Laravel: ``has()``."""
        return self.get(key) is not None

    def missing(self, key: str) -> bool:
        """Tell whether the item is missing. Laravel: ``Repository::missing()``."""
        return not self.has(key)

    def get(self, key: t.Any, default: t.Any = None) -> t.Any:
        """Return the item, or ``default`` (called when callable) when missing.

        A list of keys (or a dict of key → default) returns a dict, as :meth:`many`.

        Laravel: ``Repository::get()``.
        """
        if isinstance(key, list | tuple | dict):
            return self.many(key)
        found = self._store.get(str(key))
        return resolve_value(default) if found is None else found

    def many(self, keys: t.Iterable[str] | t.Mapping[str, t.Any]) -> dict[str, t.Any]:
        """Return several items; a dict gives each key its default.

        Laravel: ``Repository::many()``.
        """
        defaults: dict[str, t.Any] = (
            {str(k): v for k, v in keys.items()}
            if isinstance(keys, t.Mapping)
            else dict.fromkeys(map(str, keys))
        )
        found = self._store.many(list(defaults))
        return {
            key: resolve_value(defaults[key]) if found.get(key) is None else found[key]
            for key in defaults
        }

    def pull(self, key: str, default: t.Any = None) -> t.Any:
        """Return the item and remove it. Laravel: ``Repository::pull()``."""
        found = self.get(key, default)
        self.forget(key)
        return found

    # -- writing ------------------------------------------------------------------

    def put(self, key: t.Any, value: t.Any = None, ttl: Ttl = None) -> bool:
        """Store an item for ``ttl`` (forever when None); a dict key stores several.

        Laravel: ``Repository::put()``.
        """
        if isinstance(key, t.Mapping):
            return self.put_many(key, value)
        seconds = seconds_until(ttl, self._store.now())
        if seconds is None:
            return self.forever(key, value)
        if seconds <= 0:
            return self.forget(key)
        return bool(self._store.put(str(key), value, seconds))

    def set(self, key: str, value: t.Any, ttl: Ttl = None) -> bool:
        """Store an item (PSR-16 name of :meth:`put`). Laravel: ``Repository::set()``."""
        return self.put(key, value, ttl)

    def put_many(self, values: t.Mapping[str, t.Any], ttl: Ttl = None) -> bool:
        """Store several items for ``ttl``. Laravel: ``Repository::putMany()``."""
        seconds = seconds_until(ttl, self._store.now())
        if seconds is not None and seconds <= 0:
            return all([self.forget(key) for key in values])
        return bool(
            self._store.put_many({str(k): v for k, v in values.items()}, seconds)
        )

    def add(self, key: str, value: t.Any, ttl: Ttl = None) -> bool:
        """Store an item only if it is absent, atomically; tell whether it was stored.

        Laravel: ``Repository::add()``.
        """
        seconds = seconds_until(ttl, self._store.now())
        if seconds is not None and seconds <= 0:
            return False
        return bool(self._store.add(str(key), value, seconds))

    def increment(self, key: str, value: int = 1) -> int | bool:
        """Add ``value`` to an integer item; return the new value (False if impossible).

        Laravel: ``Repository::increment()``.
        """
        return self._store.increment(str(key), int(value))

    def decrement(self, key: str, value: int = 1) -> int | bool:
        """Subtract ``value`` from an integer item. Laravel: ``Repository::decrement()``."""
        return self._store.decrement(str(key), int(value))

    def forever(self, key: str, value: t.Any) -> bool:
        """Store an item with no expiry. Laravel: ``Repository::forever()``."""
        return bool(self._store.forever(str(key), value))

    def remember(self, key: str, ttl: t.Any, callback: t.Callable[[], t.Any]) -> t.Any:
        """Return the item, or store and return what ``callback()`` gives.

        ``ttl`` may be a callable receiving the value. Laravel: ``Repository::remember()``.
        """
        found = self.get(key)
        if found is not None:
            return found
        result = callback()
        self.put(key, result, ttl(result) if callable(ttl) else ttl)
        return result

    def remember_forever(self, key: str, callback: t.Callable[[], t.Any]) -> t.Any:
        """Return the item, or store ``callback()`` forever. Laravel: ``Repository::rememberForever()``."""
        found = self.get(key)
        if found is not None:
            return found
        result = callback()
        self.forever(key, result)
        return result

    def sear(self, key: str, callback: t.Callable[[], t.Any]) -> t.Any:
        """Alias of :meth:`remember_forever`. Laravel: ``Repository::sear()``."""
        return self.remember_forever(key, callback)

    def forget(self, key: str) -> bool:
        """Remove an item. Laravel: ``Repository::forget()``."""
        return bool(self._store.forget(str(key)))

    def delete(self, key: str) -> bool:
        """Remove an item (PSR-16 name). Laravel: ``Repository::delete()``."""
        return self.forget(key)

    def flush(self) -> bool:
        """Remove every item of the store. Laravel: ``Repository::flush()`` (via ``clear()``)."""
        return bool(self._store.flush())

    def clear(self) -> bool:
        """Remove every item (PSR-16 name). Laravel: ``Repository::clear()``."""
        return self.flush()

    # -- the store --------------------------------------------------------------------

    def get_store(self) -> Store:
        """Return the store. Laravel: ``Repository::getStore()``."""
        return self._store

    def set_store(self, store: Store) -> Repository:
        """Use another store. Laravel: ``Repository::setStore()``."""
        self._store = store
        return self

    def get_prefix(self) -> str:
        """Return the store's key prefix. Laravel: ``Repository::getPrefix()``."""
        return self._store.get_prefix()

    def get_name(self) -> str | None:
        """Return the store's name in config. Laravel: ``Repository::getName()``."""
        name = self._config.get("store")
        return None if name is None else str(name)

    def supports_tags(self) -> bool:
        """Tell whether the store supports tags (none do yet). Laravel: ``supportsTags()``."""
        return False

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.has(key)
