"""Insert rows through the query builder on every database."""

from __future__ import annotations

import pytest

from protevus.database.connection import Connection
from protevus.database.exceptions import UniqueConstraintViolationError
from protevus.database.query.expression import Expression

USERS_DDL = {
    "sqlite": "create table users (id integer primary key autoincrement, email varchar(100) not null "
    "unique, name varchar(100), votes integer not null default 0)",
    "pgsql": "create table users (id bigserial primary key, email varchar(100) not null unique, "
    "name varchar(100), votes integer not null default 0)",
    "mysql": "create table users (id bigint unsigned auto_increment primary key, email varchar(100) "
    "not null unique, name varchar(100), votes integer not null default 0)",
}


@pytest.fixture
def users(connection: Connection) -> Connection:
    connection.statement(USERS_DDL[connection.get_driver_name()])
    return connection


def emails(conn: Connection) -> list[str]:
    return list(conn.table("users").order_by("id").pluck("email").all())


def test_insert_one_row_and_several(users: Connection) -> None:
    assert users.table("users").insert({"email": "a@x.io", "name": "A"}) is True
    rows = [
        {"name": "B", "email": "b@x.io"},
        {"email": "c@x.io", "name": "C", "votes": 2},
    ]
    assert users.table("users").insert(rows[:1]) is True
    assert users.table("users").insert({"email": "c@x.io", "votes": 2}) is True
    assert emails(users) == ["a@x.io", "b@x.io", "c@x.io"]
    assert users.table("users").where("email", "c@x.io").value("votes") == 2


def test_insert_several_rows_whose_keys_come_in_any_order(users: Connection) -> None:
    users.table("users").insert(
        [{"email": "a@x.io", "name": "A"}, {"name": "B", "email": "b@x.io"}]
    )
    assert users.table("users").order_by("id").pluck("name", "email").all() == {
        "a@x.io": "A",
        "b@x.io": "B",
    }


def test_insert_nothing_is_a_no_op(users: Connection) -> None:
    assert users.table("users").insert([]) is True
    assert users.table("users").count() == 0


def test_insert_with_an_expression(users: Connection) -> None:
    users.table("users").insert(
        {"email": Expression("lower('A@X.IO')"), "votes": Expression("2 + 3")}
    )
    assert users.table("users").first().email == "a@x.io"
    assert users.table("users").value("votes") == 5


def test_insert_binds_hostile_values(users: Connection) -> None:
    evil = "x'); drop table users; -- ? %s %% ??"
    users.table("users").insert({"email": evil})
    assert users.table("users").value("email") == evil
    assert users.table("users").where("email", evil).count() == 1


def test_insert_get_id_returns_the_new_id(users: Connection) -> None:
    first = users.table("users").insert_get_id({"email": "a@x.io"})
    second = users.table("users").insert_get_id({"email": "b@x.io"})
    assert (first, second) == (1, 2)
    assert isinstance(first, int)
    assert users.table("users").find(second).email == "b@x.io"


def test_insert_get_id_on_a_table_with_defaults_only(connection: Connection) -> None:
    ddl = {
        "sqlite": "create table marks (id integer primary key autoincrement, at integer default 1)",
        "pgsql": "create table marks (id serial primary key, at integer default 1)",
        "mysql": "create table marks (id int auto_increment primary key, at integer default 1)",
    }
    connection.statement(ddl[connection.get_driver_name()])
    assert connection.table("marks").insert_get_id({}) == 1
    assert connection.table("marks").insert_get_id({}) == 2


def test_insert_a_duplicate_raises_a_unique_violation(users: Connection) -> None:
    users.table("users").insert({"email": "a@x.io"})
    with pytest.raises(UniqueConstraintViolationError) as error:
        users.table("users").insert({"email": "a@x.io"})
    assert error.value.bindings == ["a@x.io"]


def test_insert_or_ignore_skips_duplicates(users: Connection) -> None:
    users.table("users").insert({"email": "a@x.io", "name": "first"})
    inserted = users.table("users").insert_or_ignore(
        [{"email": "a@x.io", "name": "again"}, {"email": "b@x.io", "name": "new"}]
    )
    assert inserted == 1
    assert users.table("users").where("email", "a@x.io").value("name") == "first"
    assert users.table("users").insert_or_ignore([]) == 0


def test_insert_using_a_subquery(users: Connection) -> None:
    users.table("users").insert(
        [{"email": "a@x.io", "votes": 1}, {"email": "b@x.io", "votes": 7}]
    )
    users.statement("create table winners (email varchar(100) unique, score integer)")

    def best(query: object) -> None:
        query.select("email", "votes").from_("users").where("votes", ">", 5)  # type: ignore[attr-defined]

    assert users.table("winners").insert_using(["email", "score"], best) == 1
    assert users.table("winners").pluck("score", "email").all() == {"b@x.io": 7}
    again = users.table("users").select("email", "votes")
    assert users.table("winners").insert_or_ignore_using(["email", "score"], again) == 1
    assert users.table("winners").count() == 2


def test_upsert_inserts_and_updates(users: Connection) -> None:
    users.table("users").insert({"email": "a@x.io", "name": "old", "votes": 1})
    users.table("users").upsert(
        [
            {"email": "a@x.io", "name": "new", "votes": 5},
            {"email": "b@x.io", "name": "B", "votes": 2},
        ],
        "email",
        ["name"],
    )
    rows = {r.email: (r.name, r.votes) for r in users.table("users").get()}
    assert rows == {"a@x.io": ("new", 1), "b@x.io": ("B", 2)}


def test_upsert_updates_every_column_by_default_and_takes_values(
    users: Connection,
) -> None:
    users.table("users").insert({"email": "a@x.io", "name": "old", "votes": 1})
    users.table("users").upsert(
        {"email": "a@x.io", "name": "new", "votes": 9}, ["email"]
    )
    assert users.table("users").first().votes == 9
    users.table("users").upsert(
        {"email": "a@x.io", "name": "ignored"}, "email", {"votes": 0}
    )
    row = users.table("users").first()
    assert (row.name, row.votes) == ("new", 0)
    assert users.table("users").upsert([], "email") == 0
