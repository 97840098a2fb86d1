"""Keep sessions in memory (tests, and the ``array`` driver).

Laravel: ``Illuminate\\Session\\ArraySessionHandler``.
"""

from __future__ import annotations

import threading
import time
import typing as t

from protevus.support.aliases import CamelAliases


class ArraySessionHandler(CamelAliases):
    """Store payloads in a dict, each with the time it was written.

    One handler serves every request of an application (the manager keeps it),
    so a test client's second request finds the session of its first. Nothing
    survives the process.

    Laravel: ``Illuminate\\Session\\ArraySessionHandler``.
    """

    def __init__(self, minutes: int | float) -> None:
        self._minutes = minutes
        self._storage: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def open(self, save_path: str, session_name: str) -> bool:
        """Do nothing. Laravel: ``ArraySessionHandler::open()``."""
        return True

    def close(self) -> bool:
        """Do nothing. Laravel: ``ArraySessionHandler::close()``."""
        return True

    def read(self, session_id: str) -> str:
        """Return the payload unless it expired. Laravel: ``ArraySessionHandler::read()``."""
        entry = self._storage.get(session_id)
        if entry is None or entry[1] < time.time() - self._minutes * 60:
            return ""
        return entry[0]

    def write(self, session_id: str, data: str) -> bool:
        """Store the payload with the current time. Laravel: ``ArraySessionHandler::write()``."""
        with self._lock:
            self._storage[session_id] = (data, time.time())
        return True

    def destroy(self, session_id: str) -> bool:
        """Forget the session. Laravel: ``ArraySessionHandler::destroy()``."""
        with self._lock:
            self._storage.pop(session_id, None)
        return True

    def gc(self, lifetime: int) -> int:
        """Forget sessions idle for ``lifetime`` seconds. Laravel: ``ArraySessionHandler::gc()``."""
        expiration = time.time() - lifetime
        with self._lock:
            expired = [k for k, (_, at) in self._storage.items() if at <= expiration]
            for key in expired:
                del self._storage[key]
        return len(expired)

    def get_storage(self) -> dict[str, t.Any]:
        """Return the stored sessions (id → ``(payload, time)``), for tests."""
        return dict(self._storage)
