"""Keep sessions in Redis, each key expiring with the session lifetime.

Laravel: ``Illuminate\\Session\\CacheBasedSessionHandler`` over the ``redis``
cache store (Protevus talks to Redis directly).
"""

from __future__ import annotations

import typing as t

from protevus.session.session_handler import is_valid_id
from protevus.support.aliases import CamelAliases


class RedisSessionHandler(CamelAliases):
    """Store each payload under ``<prefix><id>`` with ``SETEX`` (TTL = the lifetime).

    Redis drops expired keys itself, so :meth:`gc` has nothing to do.

    Laravel: ``Illuminate\\Session\\CacheBasedSessionHandler`` (redis store).
    """

    def __init__(self, client: t.Any, minutes: int | float, prefix: str = "") -> None:
        self._client = client
        self._minutes = minutes
        self._prefix = prefix

    def _key(self, session_id: str) -> str:
        return f"{self._prefix}{session_id}"

    def open(self, save_path: str, session_name: str) -> bool:
        """Do nothing. Laravel: ``CacheBasedSessionHandler::open()``."""
        return True

    def close(self) -> bool:
        """Do nothing. Laravel: ``CacheBasedSessionHandler::close()``."""
        return True

    def read(self, session_id: str) -> str:
        """Return the payload, or '' when the key is gone. Laravel: ``CacheBasedSessionHandler::read()``."""
        if not is_valid_id(session_id):
            return ""
        data = self._client.get(self._key(session_id))
        if data is None:
            return ""
        return data.decode("utf-8") if isinstance(data, bytes) else str(data)

    def write(self, session_id: str, data: str) -> bool:
        """Store the payload for the lifetime. Laravel: ``CacheBasedSessionHandler::write()``."""
        seconds = max(int(self._minutes * 60), 1)
        self._client.set(self._key(session_id), data, ex=seconds)
        return True

    def destroy(self, session_id: str) -> bool:
        """Delete the key. Laravel: ``CacheBasedSessionHandler::destroy()``."""
        self._client.delete(self._key(session_id))
        return True

    def gc(self, lifetime: int) -> int:
        """Remove nothing: Redis expires the keys. Laravel: ``CacheBasedSessionHandler::gc()``."""
        return 0

    def get_client(self) -> t.Any:
        """Return the Redis client. Laravel: ``CacheBasedSessionHandler::getCache()``."""
        return self._client

    def get_prefix(self) -> str:
        """Return the key prefix."""
        return self._prefix
