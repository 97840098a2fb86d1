"""Errors of the session layer.

Laravel has no dedicated session exceptions besides ``TokenMismatchException``;
these name what went wrong and how to fix it.
"""

from __future__ import annotations

from protevus.exceptions import ProtevusError


class SessionError(ProtevusError):
    """Signal any error of the session layer."""


class SessionSerializationError(SessionError, TypeError):
    """Signal a session value that cannot be stored (raised by ``Store.save()``)."""


class SessionTableMissingError(SessionError):
    """Signal that the database driver's ``sessions`` table does not exist."""
