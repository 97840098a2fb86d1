"""Turn connection config into connections and engines (with read/write splits).

Laravel: ``Illuminate\\Database\\Connectors\\ConnectionFactory``.
"""

from __future__ import annotations

import random
import typing as t

from protevus.database.connectors.configuration_url_parser import parse_configuration
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from sqlalchemy import Engine

    from protevus.database.connection import Connection
    from protevus.database.connectors.connector import Connector

#: driver name → connector class (dotted path, imported on use).
CONNECTORS: dict[str, str] = {
    "sqlite": "protevus.database.connectors.sqlite_connector.SQLiteConnector",
    "pgsql": "protevus.database.connectors.postgres_connector.PostgresConnector",
    "mysql": "protevus.database.connectors.mysql_connector.MySqlConnector",
    "mariadb": "protevus.database.connectors.mysql_connector.MariaDbConnector",
}


def _import(path: str) -> t.Any:
    import importlib

    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _pick_host(config: dict[str, t.Any]) -> dict[str, t.Any]:
    """Choose one host at random when ``host`` is a list (Laravel shuffles hosts)."""
    host = config.get("host")
    if isinstance(host, list | tuple):
        if not host:
            raise InvalidArgumentError("Database hosts array is empty.")
        config["host"] = random.choice(list(host))
    return config


def _merge_section(config: t.Mapping[str, t.Any], section: str) -> dict[str, t.Any]:
    """Merge a ``read``/``write`` section over the base config.

    Laravel: ``ConnectionFactory::getReadConfig()`` / ``getWriteConfig()``.
    """
    base = {k: v for k, v in config.items() if k not in ("read", "write")}
    part = config.get(section) or {}
    if isinstance(part, list):  # a list of host configs: pick one
        part = random.choice(part) if part else {}
    return _pick_host({**base, **part})


def has_read_write(config: t.Mapping[str, t.Any]) -> bool:
    """Determine if ``config`` splits reads from writes (has a ``read`` section)."""
    return bool(config.get("read"))


def read_config(config: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
    """Return the config of the read side. Laravel: ``getReadConfig()``."""
    return _merge_section(config, "read")


def write_config(config: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
    """Return the config of the write side. Laravel: ``getWriteConfig()``."""
    return _merge_section(config, "write")


class ConnectionFactory(CamelAliases):
    """Build :class:`Connection` objects and their engines from config.

    Laravel: ``Illuminate\\Database\\Connectors\\ConnectionFactory``.
    """

    def __init__(self, container: t.Any = None) -> None:
        self.container = container

    def make(
        self, config: t.Mapping[str, t.Any], name: str | None = None
    ) -> Connection:
        """Create a connection (lazy: nothing connects yet).

        Laravel: ``ConnectionFactory::make()``.
        """
        from protevus.database.connection import Connection

        config = parse_configuration(config)
        if "driver" not in config:
            raise InvalidArgumentError(
                f"A driver must be specified for database connection [{name}]; "
                "add 'driver' (sqlite, pgsql, mysql or mariadb) to its config."
            )
        return Connection(config, name=name, factory=self)

    def create_engine(self, config: t.Mapping[str, t.Any]) -> Engine:
        """Create the SQLAlchemy engine for one (read or write) config."""
        return self.create_connector(config).create_engine(config)

    def create_connector(self, config: t.Mapping[str, t.Any]) -> Connector:
        """Return the connector of the config's driver.

        Laravel: ``ConnectionFactory::createConnector()``.
        """
        driver = config.get("driver")
        if driver not in CONNECTORS:
            raise InvalidArgumentError(
                f"Unsupported driver [{driver}]; use one of "
                f"{', '.join(CONNECTORS)} or register it with DB.extend()."
            )
        connector = _import(CONNECTORS[str(driver)])
        return t.cast("Connector", connector())
