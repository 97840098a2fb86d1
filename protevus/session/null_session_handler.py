"""Store nothing: every request starts an empty session.

Laravel: ``Illuminate\\Session\\NullSessionHandler``.
"""

from __future__ import annotations

from protevus.support.aliases import CamelAliases


class NullSessionHandler(CamelAliases):
    """Read nothing and forget every write. Laravel: ``NullSessionHandler``."""

    def open(self, save_path: str, session_name: str) -> bool:
        """Do nothing. Laravel: ``NullSessionHandler::open()``."""
        return True

    def close(self) -> bool:
        """Do nothing. Laravel: ``NullSessionHandler::close()``."""
        return True

    def read(self, session_id: str) -> str:
        """Return no payload. Laravel: ``NullSessionHandler::read()``."""
        return ""

    def write(self, session_id: str, data: str) -> bool:
        """Drop the payload. Laravel: ``NullSessionHandler::write()``."""
        return True

    def destroy(self, session_id: str) -> bool:
        """Do nothing. Laravel: ``NullSessionHandler::destroy()``."""
        return True

    def gc(self, lifetime: int) -> int:
        """Remove nothing. Laravel: ``NullSessionHandler::gc()``."""
        return 0
