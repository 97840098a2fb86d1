"""The ``db`` service: named connections, the DB facade, the service provider."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.database.connection import Connection
from protevus.database.connectors.sqlite_connector import (
    SQLiteDatabaseDoesNotExistError,
)
from protevus.database.database_manager import DatabaseManager
from protevus.database.database_service_provider import DatabaseServiceProvider
from protevus.database.exceptions import ConnectionNotConfiguredError


def test_default_connection_and_forwarding(
    db: DatabaseManager, connection: Connection
) -> None:
    assert db.connection() is connection
    assert db.connection(connection.get_name()) is connection
    assert db.get_default_connection() == connection.get_name()
    assert db.select("select ? as a", [1]) == [{"a": 1}]
    assert db.transaction(lambda conn: conn.scalar("select 2")) == 2
    db.enable_query_log()
    db.select("select 3 as a")
    assert connection.get_query_log()[0]["query"] == "select 3 as a"
    assert db.getDefaultConnection() == connection.get_name()


def test_unknown_connection_names_are_reported(db: DatabaseManager) -> None:
    with pytest.raises(
        ConnectionNotConfiguredError,
        match=r"Database connection \[nope\] not configured",
    ):
        db.connection("nope")


def _manager(
    make_app: t.Any, connections: dict[str, t.Any], default: str
) -> DatabaseManager:
    source = f"config = {{'default': {default!r}, 'connections': {connections!r}}}\n"
    app = make_app(config={"database": source}, providers=[DatabaseServiceProvider])
    return t.cast(DatabaseManager, app.make("db"))


def test_connections_are_built_once_and_purged(make_app: t.Any) -> None:
    db = _manager(
        make_app,
        {
            "one": {"driver": "sqlite", "database": ":memory:"},
            "two": {"driver": "sqlite", "database": ":memory:"},
        },
        "one",
    )
    first = db.connection()
    assert db.connection("one") is first
    assert db.connection("two") is not first
    assert set(db.get_connections()) == {"one", "two"}
    first.statement("create table kept (id integer)")
    db.purge("one")
    assert "one" not in db.get_connections()
    assert db.connection("one") is not first
    assert db.reconnect("two") is db.connection("two")
    db.disconnect("two")


def test_default_connection_can_change(make_app: t.Any) -> None:
    db = _manager(
        make_app,
        {
            "one": {"driver": "sqlite", "database": ":memory:"},
            "two": {"driver": "sqlite", "database": ":memory:"},
        },
        "one",
    )
    db.set_default_connection("two")
    assert db.connection().get_name() == "two"
    assert db.using_connection("one", lambda: db.connection().get_name()) == "one"
    assert db.get_default_connection() == "two"


def test_extend_by_name_and_by_driver(make_app: t.Any) -> None:
    db = _manager(
        make_app, {"custom": {"driver": "sqlite", "database": ":memory:"}}, "custom"
    )
    built: list[str] = []

    def resolver(config: dict[str, t.Any], name: str) -> Connection:
        built.append(name)
        return Connection(config, name=name)

    db.extend("sqlite", resolver)
    assert db.connection("custom").get_name() == "custom"
    assert built == ["custom"]
    db.forget_extension("sqlite")
    db.purge("custom")
    db.connection("custom")
    assert built == ["custom"]


def test_drivers(db: DatabaseManager) -> None:
    assert db.supported_drivers() == ["sqlite", "pgsql", "mysql", "mariadb"]
    assert set(db.available_drivers()) == {"sqlite", "pgsql", "mysql", "mariadb"}


def test_build_makes_on_demand_connections(db: DatabaseManager) -> None:
    conn = db.build({"driver": "sqlite", "database": ":memory:", "name": "adhoc"})
    assert conn.get_name() == "adhoc"
    assert db.connection("adhoc") is conn
    with pytest.raises(ConnectionNotConfiguredError, match=r"\[adhoc\]"):
        db.connect_using("adhoc", {"driver": "sqlite", "database": ":memory:"})
    assert (
        db.connect_using(
            "adhoc", {"driver": "sqlite", "database": ":memory:"}, force=True
        )
        is not conn
    )


def test_read_and_write_suffixes(tmp_path: Path, make_app: t.Any) -> None:
    read, write = tmp_path / "r.sqlite", tmp_path / "w.sqlite"
    read.touch()
    write.touch()
    db = _manager(
        make_app,
        {
            "split": {
                "driver": "sqlite",
                "read": {"database": str(read)},
                "write": {"database": str(write)},
            }
        },
        "split",
    )
    db.connection("split::write").statement("create table w (id integer)")
    assert (
        db.connection("split::write").scalar("select count(*) from sqlite_master") == 1
    )
    assert (
        db.connection("split::read").scalar("select count(*) from sqlite_master") == 0
    )
    for name in ("split::write", "split::read"):
        db.disconnect(name)


def test_relative_sqlite_paths_resolve_from_the_base_path(make_app: t.Any) -> None:
    db = _manager(
        make_app,
        {"sqlite": {"driver": "sqlite", "database": "database/app.sqlite"}},
        "sqlite",
    )
    base = Path(db.app.base_path())
    assert db.configuration("sqlite")["database"] == str(
        base / "database" / "app.sqlite"
    )
    with pytest.raises(SQLiteDatabaseDoesNotExistError):
        db.select("select 1")
    (base / "database").mkdir(exist_ok=True)
    (base / "database" / "app.sqlite").touch()
    assert db.scalar("select 1") == 1
    db.disconnect()


def test_db_url_configures_the_connection(make_app: t.Any, tmp_path: Path) -> None:
    target = tmp_path / "from-url.sqlite"
    target.touch()
    db = _manager(
        make_app,
        {"sqlite": {"driver": "sqlite", "url": f"sqlite:///{target}"}},
        "sqlite",
    )
    assert db.configuration("sqlite")["database"] == str(target)
    assert db.scalar("select 5") == 5
    db.disconnect()


def test_db_facade_and_container_bindings(
    db_app: t.Any, connection: Connection
) -> None:
    from protevus.facades import DB

    assert DB.select("select ? as a", [7]) == [{"a": 7}]
    assert DB.connection() is connection
    assert DB.transaction(lambda: "ok") == "ok"
    with DB.transaction():
        assert DB.transaction_level() == 1
    assert db_app.make("db.connection") is connection
    assert db_app.make(Connection) is connection
    assert db_app.make(DatabaseManager) is db_app.make("db")
    assert DB.table("users").to_sql() == db_app.make("db").table("users").to_sql()


def test_schema_service_is_fresh_per_resolve(db_app: t.Any) -> None:
    from protevus.facades import Schema

    first = db_app.make("schema")
    assert first is not db_app.make("schema")
    assert Schema.get_facade_root() is not None


def test_query_events_reach_the_app_dispatcher(make_app: t.Any) -> None:
    heard: list[t.Any] = []

    class Recorder:
        def dispatch(self, event: t.Any) -> None:
            heard.append(event)

    db = _manager(make_app, {"m": {"driver": "sqlite", "database": ":memory:"}}, "m")
    db.app.instance("events", Recorder())
    db.select("select 1")
    assert "QueryExecuted" in [type(event).__name__ for event in heard]


def test_terminate_returns_the_thread_connection_and_rolls_back(
    make_app: t.Any, tmp_path: Path
) -> None:
    path = tmp_path / "t.sqlite"
    path.touch()
    db = _manager(make_app, {"f": {"driver": "sqlite", "database": str(path)}}, "f")
    db.statement("create table t (id integer)")
    db.begin_transaction()
    db.insert("insert into t values (1)")
    db.app.terminate()
    assert db.transaction_level() == 0
    assert db.scalar("select count(*) from t") == 0
    db.disconnect()
