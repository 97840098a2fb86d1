"""Build SQLite engines: in-memory or file databases, pragmas, transaction mode.

Laravel: ``Illuminate\\Database\\Connectors\\SQLiteConnector``.
"""

from __future__ import annotations

import os
import typing as t

from protevus.database.connectors.connector import Connector
from protevus.database.exceptions import DatabaseError

if t.TYPE_CHECKING:
    from sqlalchemy import Engine


class SQLiteDatabaseDoesNotExistError(DatabaseError):
    """Signal a configured SQLite file that does not exist.

    Laravel: ``Illuminate\\Database\\SQLiteDatabaseDoesNotExistException``.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"Database file at path [{path}] does not exist. Ensure this is an "
            "absolute path to the database, or create the file "
            "(python artisan.py migrate offers to)."
        )


def is_memory_database(database: str) -> bool:
    """Determine if a SQLite ``database`` setting names an in-memory database."""
    return database == ":memory:" or "mode=memory" in database


class SQLiteConnector(Connector):
    """Connect to a SQLite file (or ``:memory:``) through ``sqlite3``.

    An in-memory database lives on one shared connection (``StaticPool``) so every
    query sees the same data. Pragmas follow the config: ``foreign_key_constraints``
    (on unless set to False), ``busy_timeout`` (ms), ``journal_mode`` (``WAL`` for
    files unless set), ``synchronous``. Transactions begin with
    ``BEGIN <transaction_mode>`` (``DEFERRED`` by default), and savepoints work
    because Protevus, not ``sqlite3``, emits ``BEGIN`` (the driver runs in
    autocommit mode, as PDO does).

    Laravel: ``Illuminate\\Database\\Connectors\\SQLiteConnector``.
    """

    def url(self, config: t.Mapping[str, t.Any]) -> str:
        """Build ``sqlite://`` or ``sqlite:///<absolute path>``."""
        database = str(config.get("database") or ":memory:")
        if is_memory_database(database):
            return "sqlite://"
        path = os.path.abspath(database)
        if not os.path.isfile(path):
            raise SQLiteDatabaseDoesNotExistError(database)
        return f"sqlite:///{path}"

    def engine_options(self, config: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
        """Share one connection for ``:memory:``; allow use across threads."""
        options: dict[str, t.Any] = {
            "connect_args": {"check_same_thread": False},
        }
        if is_memory_database(str(config.get("database") or ":memory:")):
            from sqlalchemy.pool import StaticPool

            options["poolclass"] = StaticPool
        return options

    def on_connect(self, config: t.Mapping[str, t.Any]) -> list[str]:
        """Return the pragmas the config asks for.

        Laravel: ``SQLiteConnection::configureForeignKeyConstraints()`` and siblings.
        """
        statements: list[str] = []
        foreign = config.get("foreign_key_constraints", True)
        if foreign is not None:
            statements.append(
                f"PRAGMA foreign_keys = {'ON' if _truthy(foreign) else 'OFF'}"
            )
        if config.get("busy_timeout") is not None:
            statements.append(f"PRAGMA busy_timeout = {int(config['busy_timeout'])}")
        database = str(config.get("database") or ":memory:")
        journal = config.get("journal_mode")
        if journal is None and not is_memory_database(database):
            journal = "WAL"
        if journal is not None:
            statements.append(f"PRAGMA journal_mode = {_word(journal)}")
        if config.get("synchronous") is not None:
            statements.append(f"PRAGMA synchronous = {_word(config['synchronous'])}")
        return statements

    def configure_engine(self, engine: Engine, config: t.Mapping[str, t.Any]) -> None:
        """Check ``transaction_mode``; the connection emits ``BEGIN <mode>`` itself."""
        transaction_mode(config)


def transaction_mode(config: t.Mapping[str, t.Any]) -> str:
    """Return the validated ``BEGIN`` mode of a SQLite config (``DEFERRED`` default)."""
    mode = _word(config.get("transaction_mode") or "DEFERRED").upper()
    if mode not in ("DEFERRED", "IMMEDIATE", "EXCLUSIVE"):
        raise ValueError(
            f"SQLite transaction mode [{mode}] is not supported; use DEFERRED, "
            "IMMEDIATE or EXCLUSIVE."
        )
    return mode


def _truthy(value: t.Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false", "off", "no", "(false)")
    return bool(value)


def _word(value: t.Any) -> str:
    """Allow only a bare word in pragma values (they cannot be bound)."""
    text = str(value).strip()
    if not text.replace("_", "").isalnum():
        raise ValueError(f"SQLite setting [{text}] must be a single word.")
    return text
