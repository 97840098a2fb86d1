"""Retrieve results through the query builder on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.connection import Connection
from protevus.database.exceptions import DatabaseError
from protevus.database.exceptions import MultipleRecordsFoundError
from protevus.database.exceptions import RecordsNotFoundError
from protevus.database.query.builder import Builder
from protevus.database.query.grammars.sqlite_grammar import SQLiteGrammar
from protevus.database.row import Row
from protevus.exceptions import ItemNotFoundError
from protevus.support.collection import Collection
from protevus.support.lazy_collection import LazyCollection

USERS_DDL = {
    "sqlite": "create table users (id integer primary key autoincrement, email varchar(100) not null "
    "unique, name varchar(100), votes integer not null default 0, meta text)",
    "pgsql": "create table users (id bigserial primary key, email varchar(100) not null unique, "
    "name varchar(100), votes integer not null default 0, meta jsonb)",
    "mysql": "create table users (id bigint unsigned auto_increment primary key, email varchar(100) "
    "not null unique, name varchar(100), votes integer not null default 0, meta json)",
}

PEOPLE = [
    {"email": "ada@example.com", "name": "Ada", "votes": 3, "meta": '{"lang": "en"}'},
    {"email": "bob@example.com", "name": "Bob", "votes": 5, "meta": '{"lang": "fr"}'},
    {"email": "cy@example.com", "name": "Cy", "votes": 5, "meta": '{"lang": "en"}'},
]


@pytest.fixture
def users(connection: Connection) -> Connection:
    connection.statement(USERS_DDL[connection.get_driver_name()])
    connection.table("users").insert(PEOPLE)
    return connection


def test_get_returns_a_collection_of_rows(users: Connection) -> None:
    rows = users.table("users").order_by("id").get()
    assert isinstance(rows, Collection)
    assert len(rows) == 3
    first = rows.first()
    assert isinstance(first, Row)
    assert first.name == "Ada" and first["email"] == "ada@example.com"


def test_get_with_columns_does_not_keep_them(users: Connection) -> None:
    query = users.table("users").order_by("id")
    assert list(query.get(["name"]).first().keys()) == ["name"]
    assert query.columns is None
    assert set(query.get("email").first().keys()) == {"email"}
    assert query.select("id").get(["name"]).first() == {"id": 1}


def test_first_find_and_value(users: Connection) -> None:
    assert users.table("users").where("votes", 5).order_by("id").first().name == "Bob"
    assert users.table("users").where("votes", ">", 100).first() is None
    assert users.table("users").find(3).email == "cy@example.com"
    assert users.table("users").find(99) is None
    assert users.table("users").find(1, ["name"]) == {"name": "Ada"}
    assert users.table("users").where("name", "Cy").value("email") == "cy@example.com"
    assert users.table("users").where("name", "Nobody").value("email") is None
    assert users.table("users").where("id", 2).raw_value("upper(name)") == "BOB"


def test_find_or_runs_the_callback_when_missing(users: Connection) -> None:
    assert users.table("users").find_or(1, lambda: "missing").name == "Ada"
    assert users.table("users").find_or(99, lambda: "missing") == "missing"
    assert users.table("users").find_or(99, ["name"], lambda: 0) == 0


def test_sole(users: Connection) -> None:
    assert users.table("users").where("name", "Ada").sole().votes == 3
    assert users.table("users").where("name", "Ada").sole_value("votes") == 3
    with pytest.raises(RecordsNotFoundError) as missing:
        users.table("users").where("name", "Nobody").sole()
    assert isinstance(missing.value, ItemNotFoundError)
    with pytest.raises(MultipleRecordsFoundError) as many:
        users.table("users").where("votes", 5).sole()
    assert many.value.count == 2


def test_pluck_values_and_keyed(users: Connection) -> None:
    query = users.table("users").order_by("id")
    assert query.pluck("name").all() == ["Ada", "Bob", "Cy"]
    assert query.pluck("name", "id").all() == {1: "Ada", 2: "Bob", 3: "Cy"}
    assert query.pluck("users.name", "users.email").all()["bob@example.com"] == "Bob"
    assert query.pluck("name as n").all() == ["Ada", "Bob", "Cy"]
    assert users.table("users").where("id", 0).pluck("name").all() == []


def test_pluck_a_json_path(users: Connection) -> None:
    langs = users.table("users").order_by("id").pluck("meta->lang", "name").all()
    assert langs == {"Ada": "en", "Bob": "fr", "Cy": "en"}
    assert users.table("users").order_by("id").pluck("users.meta->lang").all() == [
        "en",
        "fr",
        "en",
    ]


def test_implode(users: Connection) -> None:
    assert users.table("users").order_by("id").implode("name", ", ") == "Ada, Bob, Cy"
    assert users.table("users").order_by("id").implode("name") == "AdaBobCy"


def test_exists_and_its_variants(users: Connection) -> None:
    assert users.table("users").where("votes", 5).exists() is True
    assert users.table("users").where("votes", 9).exists() is False
    assert users.table("users").where("votes", 9).doesnt_exist() is True
    assert users.table("users").where("votes", 5).exists_or(lambda: "no") is True
    assert users.table("users").where("votes", 9).exists_or(lambda: "no") == "no"
    assert users.table("users").where("votes", 9).doesnt_exist_or(lambda: "yes") is True
    assert users.table("users").where("votes", 5).doesnt_exist_or(lambda: 123) == 123


def test_cursor_streams_rows_lazily(users: Connection) -> None:
    users.enable_query_log()
    users.flush_query_log()
    rows = users.table("users").order_by("id").cursor()
    assert isinstance(rows, LazyCollection)
    assert users.get_query_log() == []
    assert [row.name for row in rows] == ["Ada", "Bob", "Cy"]
    assert rows.first().name == "Ada"


def test_reads_use_the_write_connection_when_asked(users: Connection) -> None:
    users.enable_query_log()
    assert users.table("users").use_write_pdo().where("id", 1).value("name") == "Ada"


def test_results_go_through_the_query_log(users: Connection) -> None:
    users.enable_query_log()
    users.flush_query_log()
    users.table("users").where("votes", ">", 4).get()
    log = users.get_query_log()
    assert len(log) == 1
    assert log[0]["bindings"] == [4]
    quote = "`" if users.get_driver_name() == "mysql" else '"'
    assert log[0]["query"] == (
        f"select * from {quote}users{quote} where {quote}votes{quote} > ?"
    )


def test_a_builder_without_connection_compiles_but_cannot_run() -> None:
    query = Builder(grammar=SQLiteGrammar()).from_("users").where("id", 1)
    assert query.to_sql() == 'select * from "users" where "id" = ?'
    with pytest.raises(DatabaseError, match=r"no connection \[None\]"):
        query.get()
    with pytest.raises(DatabaseError, match="no connection"):
        query.insert({"a": 1})


def test_dump_prints_sql_and_bindings(
    users: Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    query = users.table("users").where("id", 1)
    assert query.dump("extra") is query
    out = capsys.readouterr().out
    assert "from" in out and "where" in out and "[1]" in out and "'extra'" in out
    query.dump_raw_sql()
    assert "= 1" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        query.dd()
    with pytest.raises(SystemExit):
        query.dd_raw_sql()


def test_raw_returns_an_expression(users: Connection) -> None:
    query = users.table("users")
    assert str(query.raw("count(*)")) == "count(*)"
    rows = query.select(query.raw("count(*) as total")).get()
    assert int(rows.first().total) == 3


def test_camel_case_names_work(users: Connection) -> None:
    query: t.Any = users.table("users")
    assert query.orderBy("id").pluck("name").all() == ["Ada", "Bob", "Cy"]
    assert users.table("users").doesntExist() is False  # type: ignore[attr-defined]
    assert users.table("users").where("id", 1).soleValue("name") == "Ada"  # type: ignore[attr-defined]
    assert users.table("users").findOr(9, lambda: "none") == "none"  # type: ignore[attr-defined]
