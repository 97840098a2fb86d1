"""Build SQLAlchemy engines from Laravel-style connection config (Laravel: ``Illuminate\\Database\\Connectors``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.database.connectors.connection_factory import (
        ConnectionFactory as ConnectionFactory,
    )
    from protevus.database.connectors.sqlite_connector import (
        SQLiteDatabaseDoesNotExistError as SQLiteDatabaseDoesNotExistError,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "ConnectionFactory": "protevus.database.connectors.connection_factory",
        "SQLiteDatabaseDoesNotExistError": "protevus.database.connectors.sqlite_connector",
    },
)
