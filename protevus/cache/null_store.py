"""A cache store that keeps nothing (caching switched off).

Laravel: ``Illuminate\\Cache\\NullStore``.
"""

from __future__ import annotations

import typing as t

from protevus.cache.store import Store


class NullStore(Store):
    """Forget everything at once: reads miss, writes report failure.

    Laravel: ``Illuminate\\Cache\\NullStore``.
    """

    def get(self, key: str) -> t.Any:
        """Return None. Laravel: ``NullStore::get()``."""
        return None

    def put(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Store nothing. Laravel: ``NullStore::put()``."""
        return False

    def add(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Store nothing. Laravel: ``Repository::add()`` over a ``NullStore``."""
        return False

    def increment(self, key: str, value: int = 1) -> int | bool:
        """Count nothing. Laravel: ``NullStore::increment()``."""
        return False

    def forget(self, key: str) -> bool:
        """Remove nothing. Laravel: ``NullStore::forget()``."""
        return True

    def flush(self) -> bool:
        """Remove nothing. Laravel: ``NullStore::flush()``."""
        return True
