"""The events a database connection fires.

Connections hand each event to their ``listen`` callbacks (query events only) and to
the event dispatcher they were given (the container's ``'events'`` when one is
bound), as Laravel's connections do through ``$this->events``.

Laravel: ``Illuminate\\Database\\Events\\*``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.connection import Connection


class ConnectionEvent(CamelAliases):
    """Carry the connection an event happened on.

    Laravel: ``Illuminate\\Database\\Events\\ConnectionEvent``.
    """

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.connection_name = connection.get_name()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(connection_name={self.connection_name!r})"


class QueryExecuted(CamelAliases):
    """Describe one executed statement: its SQL, bindings and time in milliseconds.

    Laravel: ``Illuminate\\Database\\Events\\QueryExecuted``.
    """

    def __init__(
        self,
        sql: str,
        bindings: list[t.Any] | dict[str, t.Any],
        time: float,
        connection: Connection,
    ) -> None:
        self.sql = sql
        self.bindings = bindings
        self.time = time
        self.connection = connection
        self.connection_name = connection.get_name()

    def to_raw_sql(self) -> str:
        """Get the SQL with the bindings substituted in (for display only).

        Laravel: ``QueryExecuted::toRawSql()``.
        """
        return self.connection.to_raw_sql(self.sql, self.bindings)

    def __repr__(self) -> str:
        return (
            f"QueryExecuted(sql={self.sql!r}, bindings={self.bindings!r}, "
            f"time={self.time!r}, connection_name={self.connection_name!r})"
        )


class TransactionBeginning(ConnectionEvent):
    """Fire when the outermost transaction begins. Laravel: ``Events\\TransactionBeginning``."""


class TransactionCommitting(ConnectionEvent):
    """Fire just before the outermost commit. Laravel: ``Events\\TransactionCommitting``."""


class TransactionCommitted(ConnectionEvent):
    """Fire after a transaction commits. Laravel: ``Events\\TransactionCommitted``."""


class TransactionRolledBack(ConnectionEvent):
    """Fire after a transaction rolls back. Laravel: ``Events\\TransactionRolledBack``."""


class ConnectionEstablished(ConnectionEvent):
    """Fire when a connection first reaches its server. Laravel: ``Events\\ConnectionEstablished``."""
