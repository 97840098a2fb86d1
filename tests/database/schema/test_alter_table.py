"""Altering tables on all three databases (SQLite through Alembic batch mode)."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.exceptions import QueryError
from protevus.database.exceptions import SchemaError

if t.TYPE_CHECKING:
    from protevus.database.connection import Connection


def users(connection: Connection) -> t.Any:
    schema = connection.get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name", 50)
        table.string("email").unique()
        table.integer("votes").default(0)
    connection.insert(
        "insert into users (name, email, votes) values (?, ?, ?), (?, ?, ?)",
        ["Ann", "ann@example.com", 3, "Bob", "bob@example.com", 5],
    )
    return schema


def names(connection: Connection) -> list[str]:
    return [
        row["name"] for row in connection.select("select name from users order by id")
    ]


def test_add_columns_keeps_the_rows(connection: Connection) -> None:
    schema = users(connection)
    with schema.table("users") as table:
        table.string("nickname").nullable()
        table.boolean("active").default(True)
        table.timestamp("joined_at").use_current()
    assert schema.has_columns("users", ["nickname", "active", "joined_at"])
    rows = connection.select("select name, nickname, active from users order by id")
    assert [(r["name"], r["nickname"], bool(r["active"])) for r in rows] == [
        ("Ann", None, True),
        ("Bob", None, True),
    ]


def test_rename_column_keeps_the_data(connection: Connection) -> None:
    schema = users(connection)
    schema.table("users", lambda table: table.rename_column("name", "full_name"))
    assert schema.has_column("users", "full_name") and not schema.has_column(
        "users", "name"
    )
    rows = connection.select("select full_name from users order by id")
    assert [row["full_name"] for row in rows] == ["Ann", "Bob"]


def test_change_column_type_length_and_nullability(connection: Connection) -> None:
    schema = users(connection)
    schema.table("users", lambda table: table.string("name", 200).nullable().change())
    column = {c["name"]: c for c in schema.get_columns("users")}["name"]
    assert column["type"].endswith("(200)") and column["nullable"] is True
    connection.insert(
        "insert into users (name, email) values (?, ?)", [None, "c@example.com"]
    )
    assert names(connection) == ["Ann", "Bob", None]
    # the unique index on another column survived the table copy on SQLite
    with pytest.raises(QueryError):
        connection.insert(
            "insert into users (name, email) values (?, ?)", ["x", "ann@example.com"]
        )


def test_change_column_to_another_type_converts_values(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    with schema.create("items") as table:
        table.id()
        table.string("quantity")
    connection.insert("insert into items (quantity) values (?), (?)", ["7", "12"])
    schema.table("items", lambda table: table.integer("quantity").default(1).change())
    assert schema.get_column_type("items", "quantity") in ("integer", "int")
    rows = connection.select("select quantity from items order by quantity")
    assert [row["quantity"] for row in rows] == [7, 12]
    connection.insert("insert into items (id) values (?)", [10])
    assert connection.scalar("select quantity from items where id = ?", [10]) == 1


def test_drop_columns_keeps_the_other_data(connection: Connection) -> None:
    schema = users(connection)
    schema.table("users", lambda table: table.drop_column(["votes", "email"]))
    assert schema.get_column_listing("users") == ["id", "name"]
    assert names(connection) == ["Ann", "Bob"]
    assert not schema.has_index("users", "users_email_unique")
    schema.drop_columns("users", "name")
    assert schema.get_column_listing("users") == ["id"]


def test_auto_increment_survives_a_sqlite_table_copy(connection: Connection) -> None:
    schema = users(connection)
    schema.table("users", lambda table: table.drop_column("votes"))
    connection.delete("delete from users where name = ?", ["Bob"])
    connection.insert(
        "insert into users (name, email) values (?, ?)", ["Cy", "cy@example.com"]
    )
    assert connection.scalar("select id from users where name = ?", ["Cy"]) == 3
    assert {c["name"]: c for c in schema.get_columns("users")}["id"][
        "auto_increment"
    ] is True


def test_several_changes_in_one_blueprint_run_in_order(connection: Connection) -> None:
    schema = users(connection)
    with schema.table("users") as table:
        table.string("bio").nullable()
        table.rename_column("votes", "score")
        table.drop_column("bio")
        table.string("title").nullable()
    assert schema.get_column_listing("users") == [
        "id",
        "name",
        "email",
        "score",
        "title",
    ]


def test_after_and_first_place_columns_on_mysql(connection: Connection) -> None:
    if connection.get_driver_name() not in ("mysql", "mariadb"):
        pytest.skip("Column order modifiers are MySQL-only (as in Laravel).")
    schema = users(connection)
    with schema.table("users") as table:
        table.string("middle").nullable().after("name")
        table.string("key").nullable().first()
    assert schema.get_column_listing("users") == [
        "key",
        "id",
        "name",
        "middle",
        "email",
        "votes",
    ]


def test_altering_a_missing_table_fails(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    error = SchemaError if connection.get_driver_name() == "sqlite" else QueryError
    with pytest.raises(error):
        schema.table("ghosts", lambda table: table.drop_column("name"))
