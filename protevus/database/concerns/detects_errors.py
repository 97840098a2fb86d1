"""Classify driver errors: lost connections, concurrency failures, unique violations.

Laravel: ``Illuminate\\Database\\DetectsLostConnections``,
``DetectsConcurrencyErrors`` and ``Connection::isUniqueConstraintError()``.
"""

from __future__ import annotations

import typing as t

from protevus.database.exceptions import DeadlockError
from protevus.database.exceptions import LostConnectionError
from protevus.database.exceptions import QueryError
from protevus.database.exceptions import UniqueConstraintViolationError

#: Fragments of driver messages that mean the server connection is gone.
LOST_CONNECTION_MESSAGES: tuple[str, ...] = (
    "server has gone away",
    "no connection to the server",
    "lost connection",
    "is dead or not enabled",
    "error while sending",
    "decryption failed or bad record mac",
    "server closed the connection unexpectedly",
    "ssl connection has been closed unexpectedly",
    "error writing data to the connection",
    "resource deadlock avoided",
    "child connection forced to terminate due to client_idle_limit",
    "query_wait_timeout",
    "reset by peer",
    "physical connection is not usable",
    "packets out of order",
    "communication link failure",
    "connection is no longer usable",
    "connection refused",
    "the connection is closed",
    "connection timed out",
    "terminating connection due to administrator command",
    "the connection is lost",
    "broken pipe",
)

#: Fragments of driver messages that mean a deadlock or serialization failure.
CONCURRENCY_MESSAGES: tuple[str, ...] = (
    "deadlock found when trying to get lock",
    "deadlock detected",
    "the database file is locked",
    "database is locked",
    "database table is locked",
    "a table in the database is locked",
    "has been chosen as the deadlock victim",
    "lock wait timeout exceeded; try restarting transaction",
    "wsrep detected deadlock/conflict and aborted the transaction",
    "could not serialize access",
)

_CONCURRENCY_SQLSTATES = {"40001", "40P01"}
_CONCURRENCY_MYSQL_CODES = {1213, 1205}
_LOST_MYSQL_CODES = {2006, 2013, 2055}


def _driver_error(exc: BaseException) -> BaseException:
    """Return the DBAPI error under a SQLAlchemy wrapper (or ``exc`` itself)."""
    return t.cast(BaseException, getattr(exc, "orig", None) or exc)


def _sqlstate(exc: BaseException) -> str | None:
    orig = _driver_error(exc)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return str(state) if state else None


def _mysql_code(exc: BaseException) -> int | None:
    args = getattr(_driver_error(exc), "args", ())
    if args and isinstance(args[0], int):
        return args[0]
    return None


def _message(exc: BaseException) -> str:
    return str(_driver_error(exc)).lower()


def caused_by_lost_connection(exc: BaseException) -> bool:
    """Determine if ``exc`` was caused by a lost server connection.

    Laravel: ``DetectsLostConnections::causedByLostConnection()``.
    """
    if isinstance(exc, LostConnectionError):
        return True
    if getattr(exc, "connection_invalidated", False):
        return True
    if _mysql_code(exc) in _LOST_MYSQL_CODES:
        return True
    message = _message(exc)
    return any(fragment in message for fragment in LOST_CONNECTION_MESSAGES)


def caused_by_concurrency_error(exc: BaseException) -> bool:
    """Determine if ``exc`` is a deadlock or serialization failure worth a retry.

    Laravel: ``DetectsConcurrencyErrors::causedByConcurrencyError()``.
    """
    if isinstance(exc, DeadlockError):
        return True
    if isinstance(exc, QueryError):
        exc = exc.previous
    if _sqlstate(exc) in _CONCURRENCY_SQLSTATES:
        return True
    if _mysql_code(exc) in _CONCURRENCY_MYSQL_CODES:
        return True
    message = _message(exc)
    return any(fragment in message for fragment in CONCURRENCY_MESSAGES)


def is_unique_constraint_error(driver: str, exc: BaseException) -> bool:
    """Determine if ``exc`` reports a broken unique index for ``driver``.

    Laravel: ``SQLiteConnection::isUniqueConstraintError()`` and its siblings.
    """
    if driver == "pgsql":
        return _sqlstate(exc) == "23505"
    if driver in ("mysql", "mariadb"):
        return _mysql_code(exc) == 1062
    message = _message(exc)
    return "unique constraint failed" in message or (
        "constraint failed" in message and "primary key" in message
    )


def query_error_class(driver: str, exc: BaseException) -> type[QueryError]:
    """Pick the :class:`QueryError` subclass that fits a driver error."""
    if is_unique_constraint_error(driver, exc):
        return UniqueConstraintViolationError
    if caused_by_concurrency_error(exc):
        return DeadlockError
    if caused_by_lost_connection(exc):
        return LostConnectionError
    return QueryError
