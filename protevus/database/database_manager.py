"""The ``db`` service: named connections built from ``config/database.py``.

Laravel: ``Illuminate\\Database\\DatabaseManager``.
"""

from __future__ import annotations

import os
import typing as t

from protevus.database.connectors.configuration_url_parser import parse_configuration
from protevus.database.connectors.connection_factory import CONNECTORS
from protevus.database.connectors.connection_factory import ConnectionFactory
from protevus.database.exceptions import ConnectionNotConfiguredError
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.database.connection import Connection

_Resolver = t.Callable[[dict[str, t.Any], str], "Connection"]


class DatabaseManager(CamelAliases, Macroable):
    """Build each configured connection once and hand out the default one.

    Attribute access falls through to the default connection, so the ``DB`` facade
    reads like Laravel's: ``DB.select(...)``, ``DB.table('users')``,
    ``DB.transaction(fn)``, ``DB.listen(fn)``.

    Laravel: ``Illuminate\\Database\\DatabaseManager``.
    """

    def __init__(self, app: t.Any, factory: ConnectionFactory | None = None) -> None:
        self.app = app
        self.factory = factory or ConnectionFactory(app)
        self.connections: dict[str, Connection] = {}
        self.extensions: dict[str, _Resolver] = {}
        self._dynamic: dict[str, dict[str, t.Any]] = {}

    # -- configuration ----------------------------------------------------------

    def _config(self) -> t.Any:
        return self.app.make("config")

    def get_default_connection(self) -> str:
        """Get the default connection name. Laravel: ``getDefaultConnection()``."""
        return str(self._config().get("database.default"))

    def set_default_connection(self, name: str) -> None:
        """Set the default connection name. Laravel: ``setDefaultConnection()``."""
        self._config().set("database.default", name)

    def configuration(self, name: str) -> dict[str, t.Any]:
        """Get the config of a connection, its URL merged in.

        Raises :class:`ConnectionNotConfiguredError` for an unknown name.
        Laravel: ``DatabaseManager::configuration()``.
        """
        if name in self._dynamic:
            config: t.Any = self._dynamic[name]
        else:
            config = self._config().get(f"database.connections.{name}")
        if config is None:
            raise ConnectionNotConfiguredError(
                f"Database connection [{name}] not configured. Add it to the "
                "'connections' of config/database.py."
            )
        config = parse_configuration(dict(config))
        return self._resolve_sqlite_path(config)

    def _resolve_sqlite_path(self, config: dict[str, t.Any]) -> dict[str, t.Any]:
        """Read a relative SQLite file path from the application's base path."""
        database = config.get("database")
        if (
            config.get("driver") == "sqlite"
            and isinstance(database, str)
            and database
            and database != ":memory:"
            and "mode=memory" not in database
            and not os.path.isabs(database)
            and hasattr(self.app, "base_path")
        ):
            config["database"] = os.path.join(self.app.base_path(), database)
        return config

    # -- connections ------------------------------------------------------------

    @staticmethod
    def _parse_connection_name(name: str) -> tuple[str, str | None]:
        """Split ``'mysql::read'`` into the name and the read/write type."""
        if name.endswith(("::read", "::write")):
            base, _, kind = name.rpartition("::")
            return base, kind
        return name, None

    def connection(self, name: str | None = None) -> Connection:
        """Get a connection by name (the default one without a name), built once.

        ``'name::read'`` / ``'name::write'`` give a connection that uses only the
        read or only the write hosts. Laravel: ``DatabaseManager::connection()``.
        """
        name = name or self.get_default_connection()
        if name not in self.connections:
            database, kind = self._parse_connection_name(name)
            self.connections[name] = self._configure(
                self._make_connection(database, kind), kind
            )
        return self.connections[name]

    def _make_connection(self, name: str, kind: str | None) -> Connection:
        """Build a connection through an extension or the factory. Laravel: ``makeConnection()``."""
        config = self.configuration(name)
        if kind == "read" and config.get("read"):
            config = {**config, "write": config["read"]}
        if name in self.extensions:
            return self.extensions[name](config, name)
        driver = str(config.get("driver"))
        if driver in self.extensions:
            return self.extensions[driver](config, name)
        return self.factory.make(config, name)

    def _configure(self, connection: Connection, kind: str | None) -> Connection:
        """Give a new connection the event dispatcher. Laravel: ``configure()``."""
        if kind == "write":
            connection.use_write_connection_when_reading()
        bound = getattr(self.app, "bound", None)
        if (
            connection.get_event_dispatcher() is None
            and bound is not None
            and bound("events")
        ):
            connection.set_event_dispatcher(self.app.make("events"))
        return connection

    def build(self, config: t.Mapping[str, t.Any]) -> Connection:
        """Build an on-demand connection that is not in the config.

        Laravel: ``DatabaseManager::build()``.
        """
        name = str(config.get("name") or f"ondemand_{len(self._dynamic)}")
        return self.connect_using(name, config)

    def connect_using(
        self, name: str, config: t.Mapping[str, t.Any], force: bool = False
    ) -> Connection:
        """Register ``config`` under ``name`` and return its connection.

        Laravel: ``DatabaseManager::connectUsing()``.
        """
        if name in self.connections and not force:
            raise ConnectionNotConfiguredError(
                f"Cannot establish connection [{name}] because another connection "
                "with that name already exists; pass force=True to replace it."
            )
        self.purge(name)
        self._dynamic[name] = dict(config)
        return self.connection(name)

    def using_connection(self, name: str, callback: t.Callable[[], t.Any]) -> t.Any:
        """Run ``callback`` with ``name`` as the default connection.

        Laravel: ``DatabaseManager::usingConnection()``.
        """
        previous = self.get_default_connection()
        self.set_default_connection(name)
        try:
            return callback()
        finally:
            self.set_default_connection(previous)

    def purge(self, name: str | None = None) -> None:
        """Disconnect and forget a connection. Laravel: ``DatabaseManager::purge()``."""
        name = name or self.get_default_connection()
        self.disconnect(name)
        self.connections.pop(name, None)

    def disconnect(self, name: str | None = None) -> None:
        """Close a connection's live connections. Laravel: ``DatabaseManager::disconnect()``."""
        name = name or self.get_default_connection()
        if name in self.connections:
            self.connections[name].disconnect()

    def reconnect(self, name: str | None = None) -> Connection:
        """Reconnect a connection (building it if needed). Laravel: ``reconnect()``."""
        name = name or self.get_default_connection()
        if name in self.connections:
            self.connections[name].reconnect()
            return self.connections[name]
        return self.connection(name)

    def disconnect_all(self) -> None:
        """Close every built connection and dispose of their pools."""
        for connection in list(self.connections.values()):
            connection.disconnect()

    def release_connections(self) -> None:
        """Return this thread's live connections to their pools.

        The service provider calls it when the application terminates (after each
        request or command), so a leftover transaction never leaks into the next one.
        """
        for connection in list(self.connections.values()):
            connection.release_connection()

    def extend(self, name: str, resolver: _Resolver) -> None:
        """Build connections of a name or driver with ``resolver(config, name)``.

        Laravel: ``DatabaseManager::extend()``.
        """
        self.extensions[name] = resolver

    def forget_extension(self, name: str) -> None:
        """Remove an extension. Laravel: ``DatabaseManager::forgetExtension()``."""
        self.extensions.pop(name, None)

    def get_connections(self) -> dict[str, Connection]:
        """Get the connections built so far. Laravel: ``getConnections()``."""
        return dict(self.connections)

    def supported_drivers(self) -> list[str]:
        """Get the drivers Protevus supports. Laravel: ``supportedDrivers()``."""
        return list(CONNECTORS)

    def available_drivers(self) -> list[str]:
        """Get the supported drivers whose Python driver is installed.

        Laravel: ``DatabaseManager::availableDrivers()``.
        """
        import importlib.util

        modules = {"sqlite": "sqlite3", "pgsql": "psycopg", "mysql": "pymysql"}
        modules["mariadb"] = "pymysql"
        return [
            driver
            for driver in self.supported_drivers()
            if importlib.util.find_spec(modules[driver]) is not None
        ]

    def set_application(self, app: t.Any) -> DatabaseManager:
        """Set the container the manager reads config from. Laravel: ``setApplication()``."""
        self.app = app
        return self

    # -- the default connection's most used methods --------------------------------
    # Everything else reaches the default connection through __getattr__ (Laravel's
    # __call); these are spelled out because __getattr__ only runs after a failed
    # attribute lookup, a cost every DB.table() call would pay.

    def table(self, table: t.Any, as_: str | None = None) -> t.Any:
        """Begin a query on the default connection. Laravel: ``DB::table()``."""
        return self.connection().table(table, as_)

    def query(self) -> t.Any:
        """Get a query builder on the default connection. Laravel: ``DB::query()``."""
        return self.connection().query()

    def raw(self, value: t.Any) -> t.Any:
        """Wrap raw SQL for a builder. Laravel: ``DB::raw()``."""
        return self.connection().raw(value)

    def select(
        self, query: str, bindings: t.Any = (), use_read_pdo: bool = True
    ) -> t.Any:
        """Run a select on the default connection. Laravel: ``DB::select()``."""
        return self.connection().select(query, bindings, use_read_pdo)

    def insert(self, query: str, bindings: t.Any = ()) -> bool:
        """Run an insert on the default connection. Laravel: ``DB::insert()``."""
        return self.connection().insert(query, bindings)

    def update(self, query: str, bindings: t.Any = ()) -> int:
        """Run an update on the default connection. Laravel: ``DB::update()``."""
        return self.connection().update(query, bindings)

    def delete(self, query: str, bindings: t.Any = ()) -> int:
        """Run a delete on the default connection. Laravel: ``DB::delete()``."""
        return self.connection().delete(query, bindings)

    def statement(self, query: str, bindings: t.Any = ()) -> bool:
        """Run a statement on the default connection. Laravel: ``DB::statement()``."""
        return self.connection().statement(query, bindings)

    def transaction(self, callback: t.Any = None, attempts: int = 1) -> t.Any:
        """Run a transaction on the default connection. Laravel: ``DB::transaction()``."""
        return self.connection().transaction(callback, attempts)

    def __getattr__(self, name: str) -> t.Any:
        # Laravel: DatabaseManager::__call() forwards to the default connection.
        if name.startswith("_") or name in ("app", "connections", "extensions"):
            raise AttributeError(name)
        return getattr(self.connection(), name)
