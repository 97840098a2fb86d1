"""Delete and truncate through the query builder on every database."""

from __future__ import annotations

import pytest

from protevus.database.connection import Connection

DDL = {
    "sqlite": [
        "create table users (id integer primary key autoincrement, email varchar(100), votes integer)",
        "create table contacts (id integer primary key autoincrement, user_id integer, kind varchar(20))",
    ],
    "pgsql": [
        "create table users (id bigserial primary key, email varchar(100), votes integer)",
        "create table contacts (id bigserial primary key, user_id bigint, kind varchar(20))",
    ],
    "mysql": [
        "create table users (id bigint unsigned auto_increment primary key, email varchar(100), votes integer)",
        "create table contacts (id bigint unsigned auto_increment primary key, user_id bigint, kind varchar(20))",
    ],
}


@pytest.fixture
def users(connection: Connection) -> Connection:
    for ddl in DDL[connection.get_driver_name()]:
        connection.statement(ddl)
    connection.table("users").insert(
        [{"email": f"{n}@x.io", "votes": n} for n in range(1, 6)]
    )
    connection.table("contacts").insert(
        [
            {"user_id": 1, "kind": "spam"},
            {"user_id": 2, "kind": "ok"},
            {"user_id": 3, "kind": "spam"},
        ]
    )
    return connection


def ids(conn: Connection) -> list[int]:
    return [int(i) for i in conn.table("users").order_by("id").pluck("id").all()]


def test_delete_matching_rows_returns_the_count(users: Connection) -> None:
    assert users.table("users").where("votes", ">", 3).delete() == 2
    assert ids(users) == [1, 2, 3]
    assert users.table("users").where("votes", ">", 30).delete() == 0


def test_delete_by_id(users: Connection) -> None:
    assert users.table("users").delete(2) == 1
    assert ids(users) == [1, 3, 4, 5]


def test_delete_everything(users: Connection) -> None:
    assert users.table("users").delete() == 5
    assert users.table("users").count() == 0


def test_delete_with_order_and_limit(users: Connection) -> None:
    assert users.table("users").order_by("votes", "desc").limit(2).delete() == 2
    assert ids(users) == [1, 2, 3]


def test_delete_with_a_join(users: Connection) -> None:
    query = (
        users.table("users")
        .join("contacts", "users.id", "=", "contacts.user_id")
        .where("contacts.kind", "spam")
    )
    assert query.delete() == 2
    assert ids(users) == [2, 4, 5]
    assert users.table("contacts").count() == 3


def test_delete_with_an_aliased_join(users: Connection) -> None:
    query = (
        users.table("users as u")
        .join("contacts as c", "u.id", "=", "c.user_id")
        .where("c.kind", "ok")
    )
    assert query.delete() == 1
    assert ids(users) == [1, 3, 4, 5]


def test_delete_binds_hostile_values(users: Connection) -> None:
    assert users.table("users").where("email", "x' or '1'='1").delete() == 0
    assert users.table("users").count() == 5


def test_truncate_empties_and_resets_the_counter(users: Connection) -> None:
    users.table("users").truncate()
    assert users.table("users").count() == 0
    assert users.table("users").insert_get_id({"email": "new@x.io"}) == 1


def test_truncate_a_sqlite_table_without_autoincrement() -> None:
    # SQLite creates sqlite_sequence only with the first AUTOINCREMENT table.
    connection = Connection({"driver": "sqlite", "database": ":memory:"})
    connection.statement("create table plain (id integer primary key, name text)")
    connection.table("plain").insert([{"name": "a"}, {"name": "b"}])
    connection.table("plain").truncate()
    assert connection.table("plain").count() == 0
    connection.disconnect()


def test_truncate_in_pretend_mode_touches_nothing(users: Connection) -> None:
    queries = users.pretend(lambda c: c.table("users").truncate())
    assert queries
    assert users.table("users").count() == 5
