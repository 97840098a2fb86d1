"""The Capsule: the database layer without an application."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.capsule import Capsule
from protevus.database.connection import Connection
from protevus.database.database_manager import DatabaseManager


@pytest.fixture
def capsule() -> t.Iterator[Capsule]:
    capsule = Capsule()
    capsule.add_connection({"driver": "sqlite", "database": ":memory:"})
    yield capsule
    Capsule.unset_global()
    Capsule.connection_resolver = None
    capsule.get_database_manager().disconnect_all()


def test_instance_use(capsule: Capsule) -> None:
    conn = capsule.connection()
    assert isinstance(conn, Connection)
    assert conn.get_name() == "default"
    assert capsule.get_connection() is conn
    conn.statement("create table users (id integer primary key, name varchar(20))")
    conn.insert("insert into users (name) values (?)", ["Ada"])
    assert capsule.table("users").where("name", "Ada").to_sql() == (
        'select * from "users" where "name" = ?'
    )
    assert isinstance(capsule.get_database_manager(), DatabaseManager)


def test_named_connections(capsule: Capsule, db_config: dict[str, t.Any]) -> None:
    capsule.add_connection(db_config, "other")
    other = capsule.connection("other")
    assert other.get_name() == "other"
    assert other.scalar("select 1") == 1
    assert capsule.schema("other") is not None
    other.disconnect()


def test_global_use_and_static_forwarding(capsule: Capsule) -> None:
    with pytest.raises(RuntimeError, match="set_as_global"):
        Capsule.connection()
    capsule.set_as_global()
    assert Capsule.connection() is capsule.connection()
    Capsule.connection().statement("create table t (id integer)")
    Capsule.connection().insert("insert into t values (?)", [1])
    assert Capsule.select("select id from t") == [{"id": 1}]
    assert Capsule.table("t").to_sql() == 'select * from "t"'
    assert Capsule.schema() is not None


def test_set_as_global_sets_up_the_db_facade_without_an_app(capsule: Capsule) -> None:
    from protevus.facades import DB
    from protevus.facades import Schema

    capsule.set_as_global()
    assert DB.scalar("select 41 + 1") == 42
    assert DB.connection() is capsule.connection()
    assert Schema.get_facade_root() is not None
    Capsule.unset_global()
    from protevus.support.facades.facade import Facade

    assert Facade.get_facade_application() is None


def test_set_as_global_keeps_an_existing_app_behind_the_facades(
    capsule: Capsule, make_app: t.Any
) -> None:
    from protevus.support.facades.facade import Facade

    app = make_app()
    capsule.set_as_global()
    assert Facade.get_facade_application() is app


def test_event_dispatcher(capsule: Capsule) -> None:
    heard: list[str] = []

    class Recorder:
        def dispatch(self, event: t.Any) -> None:
            heard.append(type(event).__name__)

    assert capsule.get_event_dispatcher() is None
    existing = capsule.connection()
    capsule.set_event_dispatcher(Recorder())
    existing.select("select 1")
    capsule.add_connection({"driver": "sqlite", "database": ":memory:"}, "later")
    capsule.connection("later").select("select 2")
    assert heard.count("QueryExecuted") == 2


def test_boot_eloquent_stores_the_connection_resolver(capsule: Capsule) -> None:
    capsule.boot_eloquent()
    assert Capsule.connection_resolver is capsule.get_database_manager()
