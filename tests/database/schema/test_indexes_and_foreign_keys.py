"""Indexes and foreign keys on all three databases."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.exceptions import QueryError
from protevus.database.exceptions import SchemaError

if t.TYPE_CHECKING:
    from protevus.database.connection import Connection


def test_indexes_are_named_like_laravel_and_listed(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("email").unique()
        table.string("name").index()
        table.morphs("owner")
    indexes = {index["name"]: index for index in schema.get_indexes("users")}
    assert {
        "users_email_unique",
        "users_name_index",
        "users_owner_type_owner_id_index",
    } <= set(indexes)
    assert indexes["users_email_unique"]["unique"] is True
    assert indexes["users_name_index"] == {
        "name": "users_name_index",
        "columns": ["name"],
        "type": None if connection.get_driver_name() == "sqlite" else "btree",
        "unique": False,
        "primary": False,
    }
    primary = [index for index in indexes.values() if index["primary"]]
    assert [index["columns"] for index in primary] == [["id"]]
    assert schema.has_index("users", "users_email_unique") is True
    assert schema.has_index("users", ["email"], "unique") is True
    assert schema.has_index("users", ["id"], "primary") is True
    assert schema.has_index("users", ["name"], "unique") is False
    assert schema.has_index("users", "nope") is False


def test_unique_index_is_enforced_then_dropped(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("email").unique()
    connection.insert("insert into users (email) values (?)", ["a@example.com"])
    with pytest.raises(QueryError):
        connection.insert("insert into users (email) values (?)", ["a@example.com"])
    schema.table("users", lambda table: table.drop_unique(["email"]))
    assert schema.has_index("users", "users_email_unique") is False
    connection.insert("insert into users (email) values (?)", ["a@example.com"])


def test_add_drop_and_rename_indexes_on_an_existing_table(
    connection: Connection,
) -> None:
    schema = connection.get_schema_builder()
    with schema.create("posts") as table:
        table.id()
        table.string("title")
        table.string("slug")
    with schema.table("posts") as table:
        table.index(["title", "slug"])
        table.unique("slug", "posts_slug_uq")
    assert schema.has_index("posts", ["title", "slug"]) is True
    schema.table(
        "posts", lambda table: table.rename_index("posts_slug_uq", "posts_slug_key")
    )
    assert schema.has_index("posts", "posts_slug_key", "unique") is True
    with schema.table("posts") as table:
        table.drop_index(["title", "slug"])
        table.drop_unique("posts_slug_key")
    assert [
        index["name"] for index in schema.get_indexes("posts") if not index["primary"]
    ] == []


def test_composite_primary_key(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    with schema.create("role_user") as table:
        table.unsigned_big_integer("role_id")
        table.unsigned_big_integer("user_id")
        table.primary(["role_id", "user_id"])
    assert schema.has_index("role_user", ["role_id", "user_id"], "primary") is True
    connection.insert("insert into role_user values (?, ?)", [1, 2])
    with pytest.raises(QueryError):
        connection.insert("insert into role_user values (?, ?)", [1, 2])


def test_full_text_index_on_servers(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    if connection.get_driver_name() == "sqlite":
        with pytest.raises(SchemaError, match="Full text index"):
            schema.create(
                "posts", lambda table: (table.id(), table.text("body").full_text())
            )
        return
    with schema.create("posts") as table:
        table.id()
        table.text("body").full_text()
    expected = "gin" if connection.get_driver_name() == "pgsql" else "fulltext"
    assert schema.has_index("posts", "posts_body_fulltext", expected) is True
    schema.table("posts", lambda table: table.drop_full_text("posts_body_fulltext"))
    assert schema.has_index("posts", "posts_body_fulltext") is False


def blog(connection: Connection, on_delete: str = "cascade") -> t.Any:
    schema = connection.get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name")
    with schema.create("posts") as table:
        table.id()
        table.foreign_id("user_id").nullable().constrained().on_delete(on_delete)
        table.string("title")
    connection.insert("insert into users (name) values (?), (?)", ["Ann", "Bob"])
    connection.insert(
        "insert into posts (user_id, title) values (?, ?), (?, ?)", [1, "a", 2, "b"]
    )
    return schema


def test_constrained_foreign_key_cascades_deletes(connection: Connection) -> None:
    schema = blog(connection)
    assert schema.get_foreign_keys("posts") == [
        {
            "name": "posts_user_id_foreign",
            "columns": ["user_id"],
            "foreign_schema": schema.get_foreign_keys("posts")[0]["foreign_schema"],
            "foreign_table": "users",
            "foreign_columns": ["id"],
            "on_update": "no action",
            "on_delete": "cascade",
        }
    ]
    connection.delete("delete from users where id = ?", [1])
    assert [row["title"] for row in connection.select("select title from posts")] == [
        "b"
    ]
    with pytest.raises(QueryError):
        connection.insert("insert into posts (user_id, title) values (?, ?)", [99, "x"])


def test_null_on_delete(connection: Connection) -> None:
    blog(connection, "set null")
    connection.delete("delete from users where id = ?", [1])
    rows = connection.select("select user_id from posts order by id")
    assert [row["user_id"] for row in rows] == [None, 2]


def test_add_and_drop_a_foreign_key_on_an_existing_table(
    connection: Connection,
) -> None:
    schema = connection.get_schema_builder()
    schema.create("teams", lambda table: table.id())
    with schema.create("players") as table:
        table.id()
        table.unsigned_big_integer("team_id")
    connection.insert("insert into teams (id) values (?)", [1])
    connection.insert("insert into players (team_id) values (?)", [1])
    schema.table(
        "players",
        lambda table: (
            table.foreign("team_id").references("id").on("teams").cascade_on_delete()
        ),
    )
    assert [key["name"] for key in schema.get_foreign_keys("players")] == [
        "players_team_id_foreign"
    ]
    assert connection.scalar("select count(*) from players") == 1
    schema.table("players", lambda table: table.drop_foreign(["team_id"]))
    assert schema.get_foreign_keys("players") == []
    connection.insert("insert into players (team_id) values (?)", [42])


def test_drop_constrained_foreign_id(connection: Connection) -> None:
    schema = blog(connection)
    schema.table("posts", lambda table: table.drop_constrained_foreign_id("user_id"))
    assert schema.get_column_listing("posts") == ["id", "title"]
    assert schema.get_foreign_keys("posts") == []


def test_sqlite_table_copy_of_a_parent_does_not_cascade(connection: Connection) -> None:
    schema = blog(connection)
    schema.table("users", lambda table: table.string("name", 100).change())
    assert connection.scalar("select count(*) from posts") == 2


def test_without_foreign_key_constraints(connection: Connection) -> None:
    schema = blog(connection, "restrict")
    with pytest.raises(QueryError):
        connection.delete("delete from users where id = ?", [1])
    if connection.get_driver_name() == "pgsql":
        # PostgreSQL only defers deferrable constraints (Laravel does the same).
        assert schema.disable_foreign_key_constraints() is True
        assert schema.enable_foreign_key_constraints() is True
        return
    result = schema.without_foreign_key_constraints(
        lambda: connection.insert(
            "insert into posts (user_id, title) values (?, ?)", [99, "x"]
        )
    )
    assert result is True
    assert connection.scalar("select count(*) from posts where user_id = ?", [99]) == 1
    with pytest.raises(QueryError):
        connection.insert("insert into posts (user_id, title) values (?, ?)", [98, "y"])
