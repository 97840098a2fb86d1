"""The shared part of every connector: build a SQLAlchemy engine from config.

Laravel: ``Illuminate\\Database\\Connectors\\Connector``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL


class Connector(CamelAliases):
    """Turn one driver's connection config into a SQLAlchemy :class:`Engine`.

    Subclasses give :meth:`url` and :meth:`engine_options`, and may add
    :meth:`on_connect` statements (session settings run on every new DBAPI
    connection, Laravel's ``configure*()`` calls).

    Laravel: ``Illuminate\\Database\\Connectors\\Connector``.
    """

    def create_engine(self, config: t.Mapping[str, t.Any]) -> Engine:
        """Create the engine for ``config`` (no connection is opened yet).

        Laravel: ``ConnectorInterface::connect()``.
        """
        import sqlalchemy
        from sqlalchemy import event

        # Autocommit, as PDO: statements outside a transaction commit by themselves
        # and the connection emits BEGIN / SAVEPOINT / COMMIT as Laravel does.
        options: dict[str, t.Any] = {
            "isolation_level": "AUTOCOMMIT",
            "pool_pre_ping": bool(config.get("pool_pre_ping", False)),
        }
        options.update(self.engine_options(config))
        options.update(config.get("engine_options") or {})
        engine = sqlalchemy.create_engine(self.url(config), **options)
        statements = self.on_connect(config)
        if statements:

            @event.listens_for(engine, "connect")
            def configure(dbapi_connection: t.Any, record: t.Any) -> None:
                cursor = dbapi_connection.cursor()
                try:
                    for statement in statements:
                        cursor.execute(statement)
                finally:
                    cursor.close()

        self.configure_engine(engine, config)
        return engine

    def url(self, config: t.Mapping[str, t.Any]) -> URL | str:
        """Build the SQLAlchemy URL of the connection (subclasses override)."""
        raise NotImplementedError

    def engine_options(self, config: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
        """Return extra ``create_engine`` keyword arguments for the driver."""
        return {}

    def on_connect(self, config: t.Mapping[str, t.Any]) -> list[str]:
        """Return the SQL to run on every new DBAPI connection."""
        return []

    def configure_engine(self, engine: Engine, config: t.Mapping[str, t.Any]) -> None:
        """Attach driver-specific engine event listeners (none by default)."""
