"""Register the database services: ``db``, ``db.connection``, ``db.factory``, ``schema``.

Laravel: ``Illuminate\\Database\\DatabaseServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.database.connection import Connection
from protevus.database.connectors.connection_factory import ConnectionFactory
from protevus.database.database_manager import DatabaseManager
from protevus.support.service_provider import ServiceProvider


class DatabaseServiceProvider(ServiceProvider):
    """Bind the database manager and its default connection into the container.

    ``'db'`` is one :class:`DatabaseManager` per application (the ``DB`` facade);
    ``'db.connection'`` the default :class:`Connection`; ``'schema'`` a fresh schema
    builder for the default connection on every resolve (the ``Schema`` facade).
    Type-hinting ``DatabaseManager`` or ``Connection`` injects the same services.
    When the application terminates (after each request or command) the thread's
    live connections go back to their pools.

    Laravel: ``Illuminate\\Database\\DatabaseServiceProvider``.
    """

    def register(self) -> None:
        """Register the services. Laravel: ``DatabaseServiceProvider::register()``."""
        self.app.singleton("db.factory", lambda app: ConnectionFactory(app))
        self.app.singleton(
            "db", lambda app: DatabaseManager(app, app.make("db.factory"))
        )
        self.app.bind("db.connection", lambda app: app.make("db").connection())
        self.app.bind(
            "db.schema",
            lambda app: app.make("db").connection().get_schema_builder(),
        )
        self.app.bind("schema", lambda app: app.make("db.schema"))
        self.app.alias("db", DatabaseManager)
        self.app.alias("db.connection", Connection)
        self.app.alias("db.factory", ConnectionFactory)
        terminating = getattr(self.app, "terminating", None)
        if terminating is not None:
            terminating(self._release)

    def _release(self) -> None:
        if self.app.resolved("db"):
            self.app.make("db").release_connections()

    def provides(self) -> list[t.Any]:
        """List the services this provider binds."""
        return ["db", "db.connection", "db.factory", "db.schema", "schema"]
