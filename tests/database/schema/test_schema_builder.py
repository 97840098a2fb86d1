"""The schema builder against SQLite, PostgreSQL and MariaDB: tables and column types."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.exceptions import QueryError
from protevus.database.exceptions import SchemaError
from protevus.database.schema.blueprint import Blueprint
from protevus.database.schema.builder import Builder

if t.TYPE_CHECKING:
    from protevus.database.connection import Connection


def test_create_with_a_callback_and_has_table(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    assert schema.has_table("flights") is False
    schema.create("flights", lambda table: (table.id(), table.string("name")))
    assert schema.has_table("flights") is True
    assert schema.get_column_listing("flights") == ["id", "name"]
    assert schema.has_column("flights", "NAME") is True
    assert schema.has_columns("flights", ["id", "name"]) is True
    assert schema.has_columns("flights", ["id", "missing"]) is False


def test_create_as_a_context_manager(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    with schema.create("flights") as table:
        assert isinstance(table, Blueprint)
        table.id()
        assert schema.has_table("flights") is False
    assert schema.has_table("flights") is True


def test_nothing_is_built_when_the_block_raises(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    with pytest.raises(RuntimeError), schema.create("flights") as table:
        table.id()
        raise RuntimeError("stop")
    assert schema.has_table("flights") is False


def test_creating_an_existing_table_raises_a_query_error(
    connection: Connection,
) -> None:
    schema = connection.get_schema_builder()
    schema.create("flights", lambda table: table.id())
    with pytest.raises(QueryError):
        schema.create("flights", lambda table: table.id())


def test_drop_drop_if_exists_and_rename(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    schema.create("flights", lambda table: table.id())
    schema.rename("flights", "trips")
    assert (schema.has_table("flights"), schema.has_table("trips")) == (False, True)
    schema.drop("trips")
    assert schema.has_table("trips") is False
    schema.drop_if_exists("trips")
    with pytest.raises(QueryError):
        schema.drop("trips")


def test_get_tables_and_drop_all_tables(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    schema.create("users", lambda table: table.id())
    with schema.create("posts") as table:
        table.id()
        table.foreign_id("user_id").constrained()
    tables = schema.get_tables()
    assert [table["name"] for table in tables] == ["posts", "users"]
    assert set(tables[0]) == {
        "name",
        "schema",
        "size",
        "comment",
        "collation",
        "engine",
    }
    assert schema.get_table_listing() == ["posts", "users"]
    schema.drop_all_tables()
    assert schema.get_tables() == []
    schema.drop_all_tables()  # nothing left: a no-op


def test_views_are_listed_and_dropped(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    schema.create("users", lambda table: (table.id(), table.string("name")))
    connection.statement("create view user_names as select name from users")
    assert schema.has_view("user_names") is True
    assert [view["name"] for view in schema.get_views()] == ["user_names"]
    schema.drop_all_views()
    assert schema.get_views() == []


def every_column_type(table: Blueprint) -> None:
    table.id()
    table.big_integer("big")
    table.integer("int")
    table.medium_integer("medium")
    table.small_integer("small")
    table.tiny_integer("tiny")
    table.unsigned_integer("unsigned")
    table.decimal("price", 10, 2)
    table.float("ratio")
    table.double("precise")
    table.boolean("active").default(True)
    table.char("code", 4)
    table.string("name")
    table.string("short", 20).nullable()
    table.tiny_text("tiny_text")
    table.text("body")
    table.medium_text("medium_text")
    table.long_text("long_text")
    table.json("meta")
    table.jsonb("meta_b")
    table.date("born_on")
    table.date_time("happened_at")
    table.date_time_tz("happened_tz")
    table.time("opens_at")
    table.time_tz("opens_tz")
    table.timestamp("seen_at").use_current()
    table.timestamp_tz("seen_tz").nullable()
    table.year("vintage")
    table.binary("data")
    table.uuid("uuid")
    table.ulid("ulid")
    table.ip_address("ip")
    table.mac_address("mac")
    table.enum("status", ["draft", "live"]).default("draft")
    table.remember_token()
    table.timestamps()
    table.soft_deletes()


EXPECTED_TYPE_NAMES = {
    "sqlite": {
        "big": "integer",
        "price": "numeric",
        "active": "boolean",
        "name": "varchar",
        "meta": "text",
        "seen_at": "datetime",
        "data": "blob",
        "uuid": "varchar",
    },
    "pgsql": {
        "big": "bigint",
        "price": "numeric",
        "active": "boolean",
        "name": "varchar",
        "meta": "json",
        "meta_b": "jsonb",
        "seen_at": "timestamp",
        "seen_tz": "timestamp",
        "data": "bytea",
        "uuid": "uuid",
        "ip": "inet",
        "mac": "macaddr",
    },
    "mysql": {
        "big": "bigint",
        "medium": "mediumint",
        "tiny": "tinyint",
        "price": "decimal",
        "active": "tinyint",
        "name": "varchar",
        "tiny_text": "tinytext",
        "long_text": "longtext",
        "seen_at": "timestamp",
        "happened_at": "datetime",
        "vintage": "year",
        "data": "blob",
        "uuid": "char",
        "status": "enum",
    },
}


def test_every_column_type_is_created_and_read_back(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    schema.create("everything", every_column_type)
    columns = {column["name"]: column for column in schema.get_columns("everything")}
    assert list(columns)[:3] == ["id", "big", "int"]
    assert len(columns) == 38
    assert set(columns["id"]) == {
        "name",
        "type_name",
        "type",
        "collation",
        "nullable",
        "default",
        "auto_increment",
        "comment",
        "generation",
    }
    assert columns["id"]["auto_increment"] is True
    assert columns["big"]["auto_increment"] is False
    for name, type_name in EXPECTED_TYPE_NAMES[connection.get_driver_name()].items():
        assert columns[name]["type_name"] == type_name, name
    assert (
        "varchar(20)" in columns["short"]["type"]
        or "character" in columns["short"]["type"]
    )
    assert columns["remember_token"]["type"].endswith("(100)")
    assert columns["short"]["nullable"] is True and columns["name"]["nullable"] is False
    for nullable in ("created_at", "updated_at", "deleted_at", "remember_token"):
        assert columns[nullable]["nullable"] is True
    assert str(columns["active"]["default"]).strip("'") in ("1", "true")
    assert "CURRENT_TIMESTAMP" in str(columns["seen_at"]["default"]).upper()
    assert schema.get_column_type("everything", "name") == "varchar"
    assert schema.get_column_type("everything", "short", full_definition=True).endswith(
        "(20)"
    )
    with pytest.raises(SchemaError, match=r"\[missing\] on table \[everything\]"):
        schema.get_column_type("everything", "missing")


def test_defaults_and_enum_values_are_enforced(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    with schema.create("posts") as table:
        table.id()
        table.string("title").default("50% off?")
        table.enum("status", ["draft", "live"]).default("draft")
        table.boolean("active").default(False)
    connection.insert("insert into posts (id) values (?)", [1])
    row = connection.select_one("select title, status, active from posts")
    assert row is not None
    assert (row["title"], row["status"], bool(row["active"])) == (
        "50% off?",
        "draft",
        False,
    )
    with pytest.raises(QueryError):
        connection.insert("insert into posts (status) values (?)", ["gone"])


def test_comments_are_stored_on_servers(connection: Connection) -> None:
    if connection.get_driver_name() == "sqlite":
        pytest.skip("SQLite has no column comments (Laravel ignores them too).")
    schema = connection.get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name").comment("Full name")
        table.comment("People")
    columns = {column["name"]: column for column in schema.get_columns("users")}
    assert columns["name"]["comment"] == "Full name"
    assert schema.get_tables()[0]["comment"] == "People"


def test_generated_columns(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    with schema.create("order_lines") as table:
        table.id()
        table.integer("price")
        table.integer("quantity")
        table.integer("total").stored_as("price * quantity")
    connection.insert("insert into order_lines (price, quantity) values (?, ?)", [3, 4])
    assert connection.scalar("select total from order_lines") == 12


def test_pretend_shows_the_ddl_without_running_it(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    queries = connection.pretend(
        lambda conn: schema.create(
            "flights", lambda table: (table.id(), table.string("name"))
        )
    )
    assert queries[0]["query"].startswith("CREATE TABLE flights (")
    assert schema.has_table("flights") is False


def test_table_prefix_applies_to_tables_and_index_names(connection: Connection) -> None:
    connection.set_table_prefix("app_")
    try:
        schema = connection.get_schema_builder()
        with schema.create("users") as table:
            table.id()
            table.string("email").unique()
        assert schema.has_table("users") is True
        assert schema.get_table_listing() == ["app_users"]
        assert schema.has_index("users", "app_users_email_unique") is True
    finally:
        connection.set_table_prefix("")


def test_camel_case_aliases_on_the_builder(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    schema.create("flights", lambda table: table.id())
    assert schema.hasTable("flights") is True
    schema.dropIfExists("flights")
    assert schema.hasTable("flights") is False


def test_blueprint_resolver_and_when_table_has_column(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    made: list[str] = []

    def resolver(table: str, callback: t.Any, prefix: str) -> Blueprint:
        made.append(table)
        return Blueprint(table, callback, prefix)

    schema.blueprint_resolver(resolver)
    schema.create("flights", lambda table: table.id())
    schema.when_table_doesnt_have_column(
        "flights", "name", lambda t: t.string("name").nullable()
    )
    schema.when_table_has_column("flights", "missing", lambda t: t.drop_column("name"))
    assert made == ["flights", "flights"]
    assert schema.has_column("flights", "name") is True


def test_schema_connection_resolves_through_the_manager(db_app: t.Any) -> None:
    from protevus.support.facades.schema import Schema

    Schema.create("flights", lambda table: table.id())
    assert Schema.has_table("flights") is True
    other = Schema.connection(None)
    assert isinstance(other, Builder)
    assert other.has_table("flights") is True
    Schema.drop("flights")
