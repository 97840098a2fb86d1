"""The query log, query listeners, connection events and ``pretend()``.

Laravel: the logging, event and pretend parts of ``Illuminate\\Database\\Connection``.
"""

from __future__ import annotations

import datetime
import typing as t

from protevus.database.concerns.manages_transactions import call_with_connection
from protevus.database.events import ConnectionEvent
from protevus.database.events import QueryExecuted
from protevus.database.events import TransactionBeginning
from protevus.database.events import TransactionCommitted
from protevus.database.events import TransactionCommitting
from protevus.database.events import TransactionRolledBack
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.concerns.manages_connections import ThreadState
    from protevus.database.connection import Connection

_Bindings = t.Sequence[t.Any] | t.Mapping[str, t.Any]

_CONNECTION_EVENTS: dict[str, type[ConnectionEvent]] = {
    "beganTransaction": TransactionBeginning,
    "committing": TransactionCommitting,
    "committed": TransactionCommitted,
    "rollingBack": TransactionRolledBack,
}


def _copy(bindings: _Bindings) -> list[t.Any] | dict[str, t.Any]:
    return dict(bindings) if isinstance(bindings, t.Mapping) else list(bindings)


class LogsQueries(CamelAliases):
    """Record executed queries, tell listeners, fire events, and pretend.

    Laravel: ``Connection::logQuery()``, ``listen()``, ``enableQueryLog()``,
    ``pretend()``.
    """

    _query_log: list[dict[str, t.Any]]
    _logging_queries: bool
    _query_listeners: list[t.Callable[[QueryExecuted], t.Any]]
    _before_executing: list[t.Callable[..., t.Any]]
    _events: t.Any

    if t.TYPE_CHECKING:

        def _state(self) -> ThreadState: ...

    def _init_logging(self) -> None:
        self._query_log = []
        self._logging_queries = False
        self._query_listeners = []
        self._before_executing = []
        self._events = None
        self._total_query_duration = 0.0
        self._duration_handlers: list[dict[str, t.Any]] = []

    def log_query(
        self, query: str, bindings: _Bindings, time: float | None = None
    ) -> None:
        """Record a query in the log (when enabled) and tell listeners it ran.

        ``time`` is in milliseconds. Laravel: ``Connection::logQuery()``.
        """
        self._total_query_duration += time or 0.0
        if not (self._query_listeners or self._events or self._logging_queries):
            return
        elapsed = round(time or 0.0, 2)
        copied = _copy(bindings)
        if self._query_listeners or self._events is not None:
            event = QueryExecuted(query, copied, elapsed, t.cast("Connection", self))
            for listener in list(self._query_listeners):
                listener(event)
            if self._events is not None:
                self._events.dispatch(event)
        if self._logging_queries:
            self._query_log.append(
                {"query": query, "bindings": copied, "time": elapsed}
            )

    def listen(self, callback: t.Callable[[QueryExecuted], t.Any]) -> None:
        """Call ``callback(event)`` after every query this connection runs.

        The event has ``sql``, ``bindings``, ``time`` (ms), ``connection`` and
        ``connection_name``. Laravel: ``Connection::listen()``.
        """
        self._query_listeners.append(callback)

    def when_querying_for_longer_than(
        self,
        threshold: float | datetime.timedelta,
        handler: t.Callable[[t.Any, QueryExecuted], t.Any],
    ) -> None:
        """Call ``handler(connection, event)`` once the total query time passes ``threshold``.

        ``threshold`` is in milliseconds (or a ``timedelta``). The handler runs once
        until :meth:`allow_query_duration_handlers_to_run_again`.

        Laravel: ``Connection::whenQueryingForLongerThan()``.
        """
        if isinstance(threshold, datetime.timedelta):
            threshold = threshold.total_seconds() * 1000
        entry: dict[str, t.Any] = {"threshold": float(threshold), "ran": False}
        self._duration_handlers.append(entry)

        def check(event: QueryExecuted) -> None:
            if not entry["ran"] and self._total_query_duration > entry["threshold"]:
                entry["ran"] = True
                handler(self, event)

        self.listen(check)

    def allow_query_duration_handlers_to_run_again(self) -> None:
        """Let duration handlers fire again. Laravel: ``allowQueryDurationHandlersToRunAgain()``."""
        for entry in self._duration_handlers:
            entry["ran"] = False

    def total_query_duration(self) -> float:
        """Get the milliseconds spent running queries. Laravel: ``totalQueryDuration()``."""
        return self._total_query_duration

    def reset_total_query_duration(self) -> None:
        """Start counting query time from zero. Laravel: ``resetTotalQueryDuration()``."""
        self._total_query_duration = 0.0

    def before_executing(self, callback: t.Callable[..., t.Any]) -> None:
        """Call ``callback(query, bindings, connection)`` before each query runs.

        Laravel: ``Connection::beforeExecuting()``.
        """
        self._before_executing.append(callback)

    def enable_query_log(self) -> None:
        """Start recording queries in the log. Laravel: ``Connection::enableQueryLog()``."""
        self._logging_queries = True

    def disable_query_log(self) -> None:
        """Stop recording queries. Laravel: ``Connection::disableQueryLog()``."""
        self._logging_queries = False

    def logging(self) -> bool:
        """Determine if queries are being recorded. Laravel: ``Connection::logging()``."""
        return self._logging_queries

    def get_query_log(self) -> list[dict[str, t.Any]]:
        """Get the recorded queries: ``{'query', 'bindings', 'time'}`` dicts (time in ms).

        Laravel: ``Connection::getQueryLog()``.
        """
        return list(self._query_log)

    def get_raw_query_log(self) -> list[dict[str, t.Any]]:
        """Get the log with bindings substituted into each query (``raw_query``).

        Laravel: ``Connection::getRawQueryLog()``.
        """
        connection = t.cast("Connection", self)
        return [
            {
                "raw_query": connection.to_raw_sql(entry["query"], entry["bindings"]),
                "time": entry["time"],
            }
            for entry in self._query_log
        ]

    def flush_query_log(self) -> None:
        """Forget the recorded queries. Laravel: ``Connection::flushQueryLog()``."""
        self._query_log = []

    def pretend(self, callback: t.Callable[..., t.Any]) -> list[dict[str, t.Any]]:
        """Run ``callback`` without touching the database; return the queries it made.

        Selects return no rows, writes report success, and transactions only count
        levels, so no connection is opened. Each entry is ``{'query', 'bindings',
        'time': 0.0}``. The query log is emptied before the callback runs.

        Laravel: ``Connection::pretend()``.
        """
        state = self._state()
        was_logging = self._logging_queries
        was_pretending = state.pretending
        saved_levels = (list(state.transactions), list(state.callbacks))
        self._logging_queries = True
        self._query_log = []
        state.pretending = True
        try:
            call_with_connection(callback, self)
            return list(self._query_log)
        finally:
            state.pretending = was_pretending
            state.transactions[:], state.callbacks[:] = saved_levels
            self._logging_queries = was_logging

    def pretending(self) -> bool:
        """Determine if the connection is pretending. Laravel: ``Connection::pretending()``."""
        return self._state().pretending

    def set_event_dispatcher(self, events: t.Any) -> None:
        """Send the connection's events to ``events.dispatch(event)``.

        Laravel: ``Connection::setEventDispatcher()``.
        """
        self._events = events

    def get_event_dispatcher(self) -> t.Any:
        """Get the event dispatcher, if any. Laravel: ``Connection::getEventDispatcher()``."""
        return self._events

    def unset_event_dispatcher(self) -> None:
        """Stop sending events. Laravel: ``Connection::unsetEventDispatcher()``."""
        self._events = None

    def _fire_connection_event(self, name: str) -> None:
        """Dispatch a transaction event. Laravel: ``Connection::fireConnectionEvent()``."""
        if self._events is None:
            return
        event_class = _CONNECTION_EVENTS.get(name)
        if event_class is not None:
            self._events.dispatch(event_class(t.cast("Connection", self)))

    def event(self, event: t.Any) -> None:
        """Dispatch ``event`` if the connection has a dispatcher. Laravel: ``Connection::event()``."""
        if self._events is not None:
            self._events.dispatch(event)
