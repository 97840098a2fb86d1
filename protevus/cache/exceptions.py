"""Errors raised by the cache.

Laravel: ``InvalidArgumentException`` thrown by ``Illuminate\\Cache`` classes.
"""

from __future__ import annotations

from protevus.exceptions import ProtevusError


class CacheError(ProtevusError):
    """Signal a cache store that cannot do what was asked."""


class CacheTableMissingError(CacheError):
    """Signal that the database store's table does not exist (run the migrations)."""


class CacheSerializationError(CacheError, TypeError):
    """Signal a value that cannot be stored as JSON."""
