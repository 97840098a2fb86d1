"""Fixtures for database tests: the same test against SQLite, PostgreSQL and MariaDB.

Loaded by tests/conftest.py, so every test directory can use them.

- ``db_driver``: ``'sqlite'``, ``'pgsql'`` or ``'mysql'`` (the MariaDB server).
  Restrict with ``PROTEVUS_TEST_DB=sqlite`` or a comma list (read at collection).
- ``connection``: a :class:`Connection` of that driver to an empty database. SQLite is
  in memory; PostgreSQL and MariaDB use a database created once per pytest process
  (``protevus_test_<pid>``), emptied after every test and dropped at the end.
- ``db``: a ``DatabaseManager`` whose default connection is ``connection``.
- ``db_app``: an application (``make_app``) with the database providers registered,
  its default connection being ``connection`` (so ``DB`` and ``Schema`` work).
- ``db_config``: the connection config of the driver (a fresh dict per test), for
  tests that build their own connections to the same database.
"""

from __future__ import annotations

import os
import typing as t

import pytest

from protevus.database.connection import Connection

DRIVERS: tuple[str, ...] = ("sqlite", "pgsql", "mysql")

#: How to reach each server as an administrator (trust auth / empty password).
SERVER_CONFIG: dict[str, dict[str, t.Any]] = {
    "pgsql": {
        "driver": "pgsql",
        "host": "127.0.0.1",
        "port": 5432,
        "database": "test",
        "username": "postgres",
        "password": "",
        "charset": "utf8",
        "prefix": "",
        "search_path": "public",
        "sslmode": "prefer",
    },
    "mysql": {
        "driver": "mysql",
        "host": "127.0.0.1",
        "port": 3306,
        "database": "test",
        "username": "root",
        "password": "",
        "charset": "utf8mb4",
        "collation": "utf8mb4_unicode_ci",
        "prefix": "",
        "strict": True,
    },
}


def selected_drivers() -> list[str]:
    """Return the drivers to test, from ``PROTEVUS_TEST_DB`` (all by default)."""
    raw = os.environ.get("PROTEVUS_TEST_DB", "").strip()
    if not raw:
        return list(DRIVERS)
    chosen = [name.strip() for name in raw.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in DRIVERS]
    if unknown:
        raise pytest.UsageError(
            f"PROTEVUS_TEST_DB names unknown drivers {unknown}; use {', '.join(DRIVERS)}."
        )
    return chosen


def _quote(driver: str, name: str) -> str:
    return f"`{name}`" if driver == "mysql" else f'"{name}"'


class TestDatabases:
    """Create one database per server for this pytest process, lazily."""

    __test__ = False  # not a test class

    def __init__(self) -> None:
        self.name = f"protevus_test_{os.getpid()}"
        self.created: dict[str, dict[str, t.Any]] = {}

    def config(self, driver: str) -> dict[str, t.Any]:
        """Return a fresh connection config for ``driver``'s test database."""
        if driver == "sqlite":
            return {
                "driver": "sqlite",
                "database": ":memory:",
                "prefix": "",
                "foreign_key_constraints": True,
            }
        if driver not in self.created:
            self._create(driver)
        return dict(self.created[driver])

    def _admin(self, driver: str) -> Connection:
        return Connection(dict(SERVER_CONFIG[driver]), name=f"{driver}_admin")

    def _create(self, driver: str) -> None:
        admin = self._admin(driver)
        try:
            self._drop_stale(admin, driver)
            quoted = _quote(driver, self.name)
            admin.statement(f"drop database if exists {quoted}")
            admin.statement(f"create database {quoted}")
        finally:
            admin.disconnect()
        self.created[driver] = {**SERVER_CONFIG[driver], "database": self.name}

    def _drop_stale(self, admin: Connection, driver: str) -> None:
        """Drop databases of earlier pytest processes that are gone (crashed runs)."""
        if driver == "pgsql":
            rows = admin.select(
                "select datname as name from pg_database where datname like ?",
                ["protevus\\_test\\_%"],
            )
        else:
            rows = admin.select("show databases like 'protevus\\_test\\_%'")
        for row in rows:
            name = str(next(iter(row.values())))
            pid = name.rsplit("_", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                force = " with (force)" if driver == "pgsql" else ""
                admin.statement(
                    f"drop database if exists {_quote(driver, name)}{force}"
                )

    def empty(self, driver: str) -> None:
        """Drop every table, view and type the test left behind."""
        if driver not in self.created:
            return
        connection = Connection(self.config(driver), name=f"{driver}_cleanup")
        try:
            if driver == "pgsql":
                connection.statement("set lock_timeout = '10s'")
                left = connection.scalar(
                    "select count(*) from pg_class c join pg_namespace n on "
                    "n.oid = c.relnamespace where n.nspname = 'public'"
                )
                types = connection.scalar(
                    "select count(*) from pg_type t join pg_namespace n on "
                    "n.oid = t.typnamespace where n.nspname = 'public' "
                    "and t.typtype in ('e', 'd')"
                )
                if left or types:
                    connection.unprepared(
                        "drop schema public cascade; create schema public"
                    )
            else:
                rows = connection.select(
                    "select table_name as name, table_type as type from "
                    "information_schema.tables where table_schema = ?",
                    [self.name],
                )
                if rows:
                    connection.statement("set session lock_wait_timeout = 10")
                    connection.statement("set foreign_key_checks = 0")
                    for row in rows:
                        kind = "view" if row["type"] == "VIEW" else "table"
                        connection.statement(
                            f"drop {kind} if exists {_quote(driver, row['name'])}"
                        )
                    connection.statement("set foreign_key_checks = 1")
        finally:
            connection.disconnect()

    def drop_all(self) -> None:
        """Drop the databases this process created."""
        for driver in list(self.created):
            admin = self._admin(driver)
            force = " with (force)" if driver == "pgsql" else ""
            try:
                admin.statement(
                    f"drop database if exists {_quote(driver, self.name)}{force}"
                )
            finally:
                admin.disconnect()
            del self.created[driver]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@pytest.fixture(scope="session")
def test_databases() -> t.Iterator[TestDatabases]:
    """Create the per-process test databases on demand; drop them at the end."""
    databases = TestDatabases()
    yield databases
    databases.drop_all()


@pytest.fixture(params=selected_drivers())
def db_driver(
    request: pytest.FixtureRequest,
    require_service: t.Callable[[str], tuple[str, int]],
) -> str:
    """Return the driver under test; skip (or fail in CI) if its server is down."""
    driver = t.cast(str, request.param)
    if driver != "sqlite":
        require_service(driver)
    return driver


@pytest.fixture
def db_config(db_driver: str, test_databases: TestDatabases) -> dict[str, t.Any]:
    """Return the connection config of the driver's (empty) test database."""
    return test_databases.config(db_driver)


@pytest.fixture
def connection(
    db_driver: str, db_config: dict[str, t.Any], test_databases: TestDatabases
) -> t.Iterator[Connection]:
    """Return a connection to an empty database of the driver under test."""
    conn = Connection(db_config, name=db_driver)
    yield conn
    conn.disconnect()
    test_databases.empty(db_driver)


@pytest.fixture
def db(connection: Connection, db_config: dict[str, t.Any]) -> t.Any:
    """Return a DatabaseManager whose default connection is ``connection``."""
    from protevus.config.repository import Repository
    from protevus.container.container import Container
    from protevus.database.database_manager import DatabaseManager

    container = Container()
    container.instance(
        "config",
        Repository(
            {
                "database": {
                    "default": connection.get_name(),
                    "connections": {connection.get_name(): db_config},
                }
            }
        ),
    )
    manager = DatabaseManager(container)
    # Hand the manager the fixture's connection (an in-memory SQLite database
    # exists only on it); purge() would build a fresh one from the config.
    manager.connections[connection.get_name()] = connection
    return manager


@pytest.fixture
def db_app(
    make_app: t.Any, connection: Connection, db_config: dict[str, t.Any]
) -> t.Iterator[t.Any]:
    """Return an application whose default database connection is ``connection``."""
    from protevus.database.database_service_provider import DatabaseServiceProvider

    name = connection.get_name()
    source = f"config = {{'default': {name!r}, 'connections': {{{name!r}: {db_config!r}}}}}\n"
    app = make_app(config={"database": source}, providers=[DatabaseServiceProvider])
    manager = app.make("db")
    manager.connections[name] = connection
    if app.bound("events"):
        connection.set_event_dispatcher(app.make("events"))
    yield app
    manager.disconnect()
