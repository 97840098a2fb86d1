"""The errors the database layer raises.

Laravel: ``Illuminate\\Database\\QueryException``, ``RecordsNotFoundException``,
``MultipleRecordsFoundException``, ``UniqueConstraintViolationException``...
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ItemNotFoundError
from protevus.exceptions import MultipleItemsFoundError
from protevus.exceptions import ProtevusError


class DatabaseError(ProtevusError):
    """Signal any error of the database layer."""


class QueryError(DatabaseError):
    """Wrap a driver error once, with the SQL and the bindings that caused it.

    The message reads like Laravel's: the driver's message followed by
    ``(Connection: sqlite, SQL: select * from "users" where "id" = 1)``.

    Laravel: ``Illuminate\\Database\\QueryException``.
    """

    def __init__(
        self,
        connection_name: str,
        sql: str,
        bindings: t.Sequence[t.Any] | t.Mapping[str, t.Any],
        previous: BaseException,
        raw_sql: str | None = None,
    ) -> None:
        self.connection_name = connection_name
        self.sql = sql
        self.bindings = bindings
        self.previous = previous
        self.raw_sql = raw_sql if raw_sql is not None else sql
        detail = str(getattr(previous, "orig", None) or previous).strip()
        super().__init__(
            f"{detail} (Connection: {connection_name}, SQL: {self.raw_sql})"
        )

    def get_sql(self) -> str:
        """Get the SQL of the failed query. Laravel: ``QueryException::getSql()``."""
        return self.sql

    def get_bindings(self) -> t.Sequence[t.Any] | t.Mapping[str, t.Any]:
        """Get the bindings of the failed query. Laravel: ``QueryException::getBindings()``."""
        return self.bindings


class UniqueConstraintViolationError(QueryError):
    """Signal an insert or update that broke a unique index.

    Laravel: ``Illuminate\\Database\\UniqueConstraintViolationException``.
    """


class DeadlockError(QueryError):
    """Signal a deadlock or serialization failure (transactions retry these)."""


class LostConnectionError(QueryError):
    """Signal a query that failed because the server connection was lost.

    Laravel: ``Illuminate\\Database\\LostConnectionException``.
    """


class RecordsNotFoundError(DatabaseError, ItemNotFoundError):
    """Signal that a query expected rows and found none (``sole()``).

    Laravel: ``Illuminate\\Database\\RecordsNotFoundException``.
    """


class MultipleRecordsFoundError(DatabaseError, MultipleItemsFoundError):
    """Signal that ``sole()`` found more than one row.

    Laravel: ``Illuminate\\Database\\MultipleRecordsFoundException``.
    """


class InvalidQueryArgumentError(DatabaseError, InvalidArgumentError):
    """Signal a builder call with an unusable argument (bad operator, column...)."""


class ConnectionNotConfiguredError(DatabaseError, InvalidArgumentError):
    """Signal a connection name missing from ``config/database.py``.

    Laravel: ``InvalidArgumentException("Database connection [x] not configured.")``.
    """


class SchemaError(DatabaseError):
    """Signal a schema builder operation that cannot be carried out."""


class MigrationError(DatabaseError):
    """Signal a migration that failed; the message names the file and the statement."""
