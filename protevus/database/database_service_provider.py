"""Register the database services: ``db``, ``db.connection``, ``db.factory``, ``schema``.

Laravel: ``Illuminate\\Database\\DatabaseServiceProvider``.
"""

from __future__ import annotations

import sys
import typing as t

from protevus.database.connection import Connection
from protevus.database.connectors.connection_factory import ConnectionFactory
from protevus.database.database_manager import DatabaseManager
from protevus.database.eloquent.exceptions import ModelNotFoundError
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

    #: the last booted application, until the model module is imported and adopts it.
    pending_app: t.ClassVar[t.Any] = None

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

    def boot(self) -> None:
        """Let Eloquent models reach the database (and the event dispatcher, when bound).

        Importing the ORM costs a boot that never touches a model, so when
        ``protevus.database.eloquent.model`` is not imported yet the application is
        kept in :attr:`pending_app` and the model module adopts it on import.

        Laravel: ``DatabaseServiceProvider::boot()``.
        """
        if self.app.bound("exceptions"):
            self.app.make("exceptions").map(ModelNotFoundError, _not_found)
        if "protevus.database.eloquent.model" in sys.modules:
            configure_eloquent(self.app)
        else:
            DatabaseServiceProvider.pending_app = self.app

    def _release(self) -> None:
        if self.app.resolved("db"):
            self.app.make("db").release_connections()

    def provides(self) -> list[t.Any]:
        """List the services this provider binds."""
        return ["db", "db.connection", "db.factory", "db.schema", "schema"]


def _not_found(exc: ModelNotFoundError) -> BaseException:
    """Answer a missing model with a 404 (Laravel: ``Handler::prepareException()``)."""
    from werkzeug.exceptions import NotFound

    error = NotFound(description=str(exc))
    error.__cause__ = exc
    return error


def configure_eloquent(app: t.Any) -> None:
    """Make ``app``'s database manager (and event dispatcher) the ones models use.

    Laravel: ``Model::setConnectionResolver($app['db'])`` and
    ``Model::setEventDispatcher($app['events'])`` in ``DatabaseServiceProvider::boot()``.
    """
    from protevus.database.eloquent.model import Model

    DatabaseServiceProvider.pending_app = None
    Model.set_connection_resolver(app.make("db"))
    if app.bound("events"):
        Model.set_event_dispatcher(app.make("events"))
