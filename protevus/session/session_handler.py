"""The interface every session driver implements.

Laravel: PHP's ``SessionHandlerInterface`` (``open/close/read/write/destroy/gc``)
as used by ``Illuminate\\Session\\Store``. A handler reads and writes the
serialized payload of one session id; the :class:`~protevus.session.store.Store`
owns the attributes, the flash data and the id.
"""

from __future__ import annotations

import re
import typing as t

#: A session id a handler accepts (the store makes 40 alphanumeric characters).
VALID_ID = re.compile(r"\A[A-Za-z0-9]{1,128}\Z")


@t.runtime_checkable
class SessionHandler(t.Protocol):
    """Read, write, destroy and garbage-collect session payloads by id.

    Laravel: ``SessionHandlerInterface``.
    """

    def open(self, save_path: str, session_name: str) -> bool:
        """Open the storage. Laravel: ``SessionHandlerInterface::open()``."""
        ...

    def close(self) -> bool:
        """Close the storage. Laravel: ``SessionHandlerInterface::close()``."""
        ...

    def read(self, session_id: str) -> str:
        """Return the payload of ``session_id`` ('' when missing or expired).

        Laravel: ``SessionHandlerInterface::read()``.
        """
        ...

    def write(self, session_id: str, data: str) -> bool:
        """Store ``data`` as the payload of ``session_id``.

        Laravel: ``SessionHandlerInterface::write()``.
        """
        ...

    def destroy(self, session_id: str) -> bool:
        """Remove the session. Laravel: ``SessionHandlerInterface::destroy()``."""
        ...

    def gc(self, lifetime: int) -> int:
        """Remove sessions idle for more than ``lifetime`` seconds; return how many.

        Laravel: ``SessionHandlerInterface::gc()``.
        """
        ...


def is_valid_id(session_id: t.Any) -> bool:
    """Tell whether ``session_id`` is safe to use as a key, file name or cookie name."""
    return isinstance(session_id, str) and VALID_ID.match(session_id) is not None
