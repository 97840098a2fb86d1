"""Engines, per-thread live connections and the read/write split of a connection.

Laravel: the PDO-handling parts of ``Illuminate\\Database\\Connection``
(``getPdo()``, ``getReadPdo()``, ``disconnect()``, ``recordsHaveBeenModified()``).
"""

from __future__ import annotations

import contextlib
import os
import threading
import typing as t
import weakref

from protevus.database.events import ConnectionEstablished
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection as SAConnection

    from protevus.database.connection import Connection
    from protevus.database.connectors.connection_factory import ConnectionFactory


class ThreadState:
    """Hold what belongs to one thread: its live connection and transaction stack."""

    __slots__ = (
        "sa_connection",
        "transactions",
        "callbacks",
        "pretending",
        "records_modified",
    )

    def __init__(self) -> None:
        self.sa_connection: SAConnection | None = None
        self.transactions: list[t.Any] = []
        self.callbacks: list[list[t.Callable[[], t.Any]]] = []
        self.pretending = False
        self.records_modified = False


#: Every connection that created an engine, so a forked child can drop their pools.
_WITH_ENGINES: weakref.WeakSet[ManagesConnections] = weakref.WeakSet()
#: Connections a forked child inherited: kept referenced and never closed, since
#: closing them would end the parent's server sessions.
_INHERITED: list[t.Any] = []


def _after_fork_in_child() -> None:
    """Forget engines and live connections inherited from the parent process.

    Pre-fork servers (gunicorn ``--preload``, Celery prefork) would otherwise share
    sockets between processes. SQLAlchemy: ``Engine.dispose(close=False)``.
    """
    for connection in list(_WITH_ENGINES):
        connection._drop_inherited()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class ManagesConnections(CamelAliases):
    """Create engines lazily and lend each thread its own SQLAlchemy connection.

    Laravel: ``Connection::getPdo()``, ``getReadPdo()``, ``disconnect()``.
    """

    config: dict[str, t.Any]
    _factory: ConnectionFactory | None
    _engines: dict[str, Engine]
    _lock: threading.RLock
    _states: dict[threading.Thread, ThreadState]
    _read_on_write: bool

    if t.TYPE_CHECKING:

        def event(self, event: t.Any) -> None: ...

    def _factory_or_default(self) -> ConnectionFactory:
        if self._factory is None:
            from protevus.database.connectors.connection_factory import (
                ConnectionFactory,
            )

            self._factory = ConnectionFactory()
        return self._factory

    def get_engine(self, write: bool = True) -> Engine:
        """Get the SQLAlchemy engine for writes (or reads), creating it on first use."""
        from protevus.database.connectors.connection_factory import has_read_write
        from protevus.database.connectors.connection_factory import read_config
        from protevus.database.connectors.connection_factory import write_config

        key = "read" if (not write and has_read_write(self.config)) else "write"
        engine = self._engines.get(key)
        if engine is not None:
            return engine
        with self._lock:
            if key not in self._engines:
                config = (
                    read_config(self.config)
                    if key == "read"
                    else write_config(self.config)
                )
                engine = self._factory_or_default().create_engine(config)
                self._listen_for_connects(engine)
                self._engines[key] = engine
                _WITH_ENGINES.add(self)
            return self._engines[key]

    def get_read_engine(self) -> Engine:
        """Get the engine reads use (the write engine without a ``read`` config)."""
        return self.get_engine(write=False)

    def _drop_inherited(self) -> None:
        """Leave the parent's connections alone and start fresh pools (after fork)."""
        self._lock = threading.RLock()
        states, self._states = self._states, {}
        _INHERITED.extend(state.sa_connection for state in states.values())
        for engine in self._engines.values():
            engine.dispose(close=False)

    def _listen_for_connects(self, engine: Engine) -> None:
        from sqlalchemy import event

        @event.listens_for(engine, "connect")
        def established(dbapi_connection: t.Any, record: t.Any) -> None:
            self.event(ConnectionEstablished(t.cast("Connection", self)))

    def _state(self) -> ThreadState:
        thread = threading.current_thread()
        state = self._states.get(thread)
        if state is None:
            with self._lock:
                self._sweep_dead_threads()
                state = self._states[thread] = ThreadState()
        return state

    def _sweep_dead_threads(self) -> None:
        for thread in [th for th in self._states if not th.is_alive()]:
            self._forget_connection(self._states.pop(thread))

    def _write_connection(self, state: ThreadState) -> SAConnection:
        connection = state.sa_connection
        if connection is None or connection.closed or connection.invalidated:
            if connection is not None:
                self._forget_connection(state)
            connection = state.sa_connection = self.get_engine().connect()
        return connection

    def _forget_connection(self, state: ThreadState) -> None:
        connection, state.sa_connection = state.sa_connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.close()

    def get_sa_connection(self) -> SAConnection:
        """Get the SQLAlchemy connection this thread writes through.

        The driver runs in autocommit mode, so statements run on it outside a
        transaction commit by themselves and inside one join it. Do not call
        ``begin()`` on it; use :meth:`transaction`.
        """
        state = self._state()
        connection = self._write_connection(state)
        if not state.transactions and connection.in_transaction():
            connection.commit()  # bookkeeping only: nothing is open at the driver
        return connection

    def disconnect(self) -> None:
        """Close this thread's connection and the engines' pools.

        The next query connects again. Laravel: ``Connection::disconnect()``.
        """
        with self._lock:
            state = self._states.pop(threading.current_thread(), None)
            if state is not None:
                self._forget_connection(state)
            self._sweep_dead_threads()
            engines, self._engines = self._engines, {}
        for engine in engines.values():
            engine.dispose()

    def release_connection(self) -> None:
        """Return this thread's connection to the pool and forget its state.

        Runs when the application terminates (after each request or command): an
        unfinished transaction is rolled back and ``sticky`` reads start over; the
        engines and their pools stay. Protevus-only (PHP ends the process instead).
        """
        with self._lock:
            state = self._states.pop(threading.current_thread(), None)
        if state is not None:
            self._forget_connection(state)

    def reconnect(self) -> Connection:
        """Drop the live connections; the next query opens a fresh one.

        Laravel: ``Connection::reconnect()``.
        """
        self.disconnect()
        return t.cast("Connection", self)

    def use_write_connection_when_reading(self, value: bool = True) -> Connection:
        """Send reads to the write connection. Laravel: ``useWriteConnectionWhenReading()``."""
        self._read_on_write = value
        return t.cast("Connection", self)

    def records_have_been_modified(self, value: bool = True) -> None:
        """Note that this thread wrote (sticky reads). Laravel: ``recordsHaveBeenModified()``."""
        state = self._state()
        if not state.records_modified:
            state.records_modified = value

    def has_modified_records(self) -> bool:
        """Determine if this thread wrote. Laravel: ``hasModifiedRecords()``."""
        return self._state().records_modified

    def forget_records_modification(self) -> None:
        """Reset the sticky flag. Laravel: ``forgetRecordModificationState()``."""
        self._state().records_modified = False

    def _reads_from_read_engine(self, state: ThreadState, use_read_pdo: bool) -> bool:
        """Determine if a read goes to the read engine. Laravel: ``getReadPdo()``."""
        if not use_read_pdo or self._read_on_write or state.transactions:
            return False
        if not self.config.get("read"):
            return False
        return not (self.config.get("sticky") and state.records_modified)

    @contextlib.contextmanager
    def _using(
        self, state: ThreadState, read: bool = False
    ) -> t.Iterator[SAConnection]:
        """Lend the connection a statement runs on.

        Drivers run in autocommit mode (as PDO), so a statement outside a
        transaction commits by itself; SQLAlchemy's own commit/rollback are never
        called on the thread's connection, since at the driver they would also end
        a transaction Protevus began with ``BEGIN``.
        """
        if read and self._reads_from_read_engine(state, True):
            with self.get_engine(write=False).connect() as connection:
                yield connection
            return
        yield self._write_connection(state)
