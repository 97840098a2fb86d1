"""Raw queries on every driver: bindings, placeholders, results, errors, reconnects."""

from __future__ import annotations

import datetime
import enum
import threading
import typing as t

import pytest

from protevus.database.concerns.converts_placeholders import convert_placeholders
from protevus.database.connection import Connection
from protevus.database.connection import MultipleColumnsSelectedError
from protevus.database.exceptions import QueryError
from protevus.database.exceptions import UniqueConstraintViolationError
from protevus.database.query.expression import Expression
from protevus.database.row import Row
from protevus.exceptions import InvalidArgumentError


def create_users(connection: Connection) -> None:
    """Create ``users(id, name unique, votes)`` in the driver's dialect."""
    key = {
        "sqlite": "id integer primary key autoincrement",
        "pgsql": "id serial primary key",
        "mysql": "id integer primary key auto_increment",
    }[connection.get_name()]
    connection.statement(
        f"create table users ({key}, name varchar(100) unique, votes integer default 0)"
    )


def test_select_insert_update_delete_with_question_marks(
    connection: Connection,
) -> None:
    create_users(connection)
    assert connection.insert(
        "insert into users (name, votes) values (?, ?)", ["Ada", 3]
    )
    assert connection.insert(
        "insert into users (name, votes) values (?, ?)", ["Bob", 1]
    )
    rows = connection.select(
        "select name, votes from users where votes > ? order by name", [0]
    )
    assert rows == [{"name": "Ada", "votes": 3}, {"name": "Bob", "votes": 1}]
    assert isinstance(rows[0], Row)
    assert rows[0].name == "Ada"
    assert (
        connection.update("update users set votes = ? where name = ?", [9, "Ada"]) == 1
    )
    assert connection.delete("delete from users where votes < ?", [5]) == 1
    assert connection.scalar("select count(*) from users") == 1


def test_named_bindings(connection: Connection) -> None:
    create_users(connection)
    connection.insert(
        "insert into users (name, votes) values (:name, :votes)",
        {"name": "Ada", "votes": 5},
    )
    row = connection.select_one(
        "select name from users where votes = :votes and name = :name",
        {"name": "Ada", "votes": 5},
    )
    assert row == {"name": "Ada"}


def test_named_binding_missing_from_the_dict_is_reported(
    connection: Connection,
) -> None:
    with pytest.raises(ValueError, match=r"\[:votes\]"):
        connection.select("select :votes as v", {"name": "x"})


def test_percent_signs_in_sql_and_values(connection: Connection) -> None:
    create_users(connection)
    connection.insert("insert into users (name) values (?)", ["100% sure"])
    connection.insert("insert into users (name) values ('50% off')")
    rows = connection.select(
        "select name from users where name like '%sure' or name like ? order by name",
        ["50%"],
    )
    assert [row.name for row in rows] == ["100% sure", "50% off"]
    assert connection.scalar("select 7 % 3") == 1


def test_question_mark_inside_a_string_literal_is_not_a_placeholder(
    connection: Connection,
) -> None:
    create_users(connection)
    connection.insert("insert into users (name, votes) values ('why?', ?)", [2])
    assert connection.select("select name, votes from users where name = 'why?'") == [
        {"name": "why?", "votes": 2}
    ]
    assert (
        connection.scalar("select ? as v -- is this a placeholder?", ["yes"]) == "yes"
    )


def test_double_question_mark_is_a_literal_question_mark_on_postgres(
    connection: Connection,
) -> None:
    if connection.get_driver_name() != "pgsql":
        pytest.skip("jsonb operators are PostgreSQL's")
    assert connection.scalar("select '{\"a\": 1}'::jsonb ?? ?", ["a"]) is True


def test_select_one_and_scalar(connection: Connection) -> None:
    create_users(connection)
    assert connection.select_one("select * from users") is None
    assert connection.scalar("select name from users") is None
    connection.insert("insert into users (name, votes) values (?, ?)", ["Ada", 4])
    assert connection.scalar("select votes from users where name = ?", ["Ada"]) == 4
    with pytest.raises(MultipleColumnsSelectedError, match="select exactly one"):
        connection.scalar("select name, votes from users")


def test_cursor_streams_rows(connection: Connection) -> None:
    create_users(connection)
    for number in range(5):
        connection.insert(
            "insert into users (name, votes) values (?, ?)", [f"u{number}", number]
        )
    rows = connection.cursor("select name, votes from users order by votes")
    assert not isinstance(rows, list)
    assert next(rows) == {"name": "u0", "votes": 0}
    assert [row.votes for row in rows] == [1, 2, 3, 4]
    # The connection is still usable afterwards.
    assert connection.scalar("select count(*) from users") == 5


def test_cursor_inside_a_transaction(connection: Connection) -> None:
    create_users(connection)
    with connection.transaction():
        connection.insert("insert into users (name) values (?)", ["in-tx"])
        assert [row.name for row in connection.cursor("select name from users")] == [
            "in-tx"
        ]


def test_insert_get_id(connection: Connection) -> None:
    create_users(connection)
    suffix = ' returning "id"' if connection.get_driver_name() == "pgsql" else ""
    first = connection.insert_get_id(
        "insert into users (name) values (?)" + suffix, ["a"]
    )
    second = connection.insert_get_id(
        "insert into users (name) values (?)" + suffix, ["b"]
    )
    assert isinstance(first, int)
    assert second == first + 1


def test_statement_affecting_statement_and_unprepared(connection: Connection) -> None:
    assert connection.statement("create table items (id integer, label varchar(20))")
    assert connection.unprepared(
        "insert into items values (1, 'a'); insert into items values (2, 'b;c');"
    )
    assert connection.affecting_statement("update items set label = ?", ["z"]) == 2
    assert connection.select("select id from items order by id") == [
        {"id": 1},
        {"id": 2},
    ]
    connection.unprepared("insert into items values (3, '5% ?')")
    assert connection.scalar("select label from items where id = 3") == "5% ?"


def test_connections_are_shared_by_deep_copies(connection: Connection) -> None:
    import copy

    assert copy.deepcopy(connection) is connection
    assert copy.deepcopy({"c": connection})["c"] is connection


def test_date_and_enum_bindings(connection: Connection) -> None:
    class Color(enum.Enum):
        RED = "red"

    connection.statement(
        "create table events (name varchar(20), happened_at varchar(30))"
    )
    moment = datetime.datetime(2024, 5, 6, 7, 8, 9, 123)
    connection.insert("insert into events values (?, ?)", [Color.RED, moment])
    assert connection.select("select * from events") == [
        {"name": "red", "happened_at": "2024-05-06 07:08:09"}
    ]


def test_query_error_carries_sql_and_bindings_and_wraps_once(
    connection: Connection,
) -> None:
    with pytest.raises(QueryError) as info:
        connection.select("select * from missing_table where id = ?", [5])
    error = info.value
    assert type(error) is QueryError
    assert error.get_sql() == "select * from missing_table where id = ?"
    assert error.get_bindings() == [5]
    assert error.connection_name == connection.get_name()
    assert f"(Connection: {connection.get_name()}, SQL: " in str(error)
    assert not isinstance(error.__cause__, QueryError)
    assert error.previous is error.__cause__


def test_unique_violation_has_its_own_class(connection: Connection) -> None:
    create_users(connection)
    connection.insert("insert into users (name) values (?)", ["Ada"])
    with pytest.raises(UniqueConstraintViolationError) as info:
        connection.insert("insert into users (name) values (?)", ["Ada"])
    assert info.value.get_bindings() == ["Ada"]
    # The connection recovers (no transaction left aborted).
    assert connection.scalar("select count(*) from users") == 1


def test_a_connection_does_not_connect_until_the_first_query() -> None:
    conn = Connection(
        {
            "driver": "pgsql",
            "host": "127.0.0.1",
            "port": 1,
            "database": "x",
            "username": "x",
        },
        name="nowhere",
    )
    assert conn.get_query_grammar() is conn.get_query_grammar()
    assert conn.pretend(lambda c: c.select("select 1")) == [
        {"query": "select 1", "bindings": [], "time": 0.0}
    ]
    with pytest.raises(QueryError, match=r"Connection: nowhere"):
        conn.select("select 1")


def test_identity_and_config(connection: Connection, db_driver: str) -> None:
    assert connection.get_name() == db_driver
    assert connection.get_driver_name() == db_driver
    assert connection.get_table_prefix() == ""
    assert connection.get_config("driver") == db_driver
    assert connection.get_config()["driver"] == db_driver
    assert isinstance(connection.raw("count(*)"), Expression)
    assert connection.getDriverName() == db_driver


def test_disconnect_and_reconnect(connection: Connection) -> None:
    assert connection.scalar("select 1") == 1
    connection.disconnect()
    assert connection.scalar("select 2") == 2
    assert connection.reconnect() is connection
    assert connection.scalar("select 3") == 3


def test_a_killed_server_connection_is_reopened_transparently(
    connection: Connection, db_config: dict[str, t.Any]
) -> None:
    driver = connection.get_driver_name()
    if driver == "sqlite":
        pytest.skip("SQLite has no server connection to lose")
    if driver == "pgsql":
        pid = connection.scalar("select pg_backend_pid()")
        kill, bindings = "select pg_terminate_backend(?)", [pid]
    else:
        pid = connection.scalar("select connection_id()")
        kill, bindings = f"kill {int(pid)}", []
    other = Connection(db_config, name="killer")
    try:
        other.statement(kill, bindings)
    finally:
        other.disconnect()
    assert connection.scalar("select 41 + 1") == 42


def test_threads_have_their_own_transactions(connection: Connection) -> None:
    if connection.get_driver_name() == "sqlite":
        pytest.skip("in-memory SQLite shares one connection between threads")
    create_users(connection)
    seen: list[int] = []
    started = threading.Event()
    done = threading.Event()

    def other_thread() -> None:
        started.wait(5)
        seen.append(connection.transaction_level())
        seen.append(connection.scalar("select count(*) from users"))
        done.set()

    worker = threading.Thread(target=other_thread)
    worker.start()
    with connection.transaction():
        connection.insert("insert into users (name) values (?)", ["hidden"])
        started.set()
        done.wait(5)
    worker.join(5)
    assert seen == [0, 0]
    assert connection.scalar("select count(*) from users") == 1


@pytest.mark.parametrize(
    ("sql", "style", "driver", "expected"),
    [
        ("select ?", "qmark", "sqlite", "select ?"),
        ("select ?", "format", "pgsql", "select %s"),
        ("select '?' , ?", "format", "mysql", "select '?' , %s"),
        ("select 'it''s ?', ?", "format", "pgsql", "select 'it''s ?', %s"),
        ("select 'a\\'?', ?", "format", "mysql", "select 'a\\'?', %s"),
        (
            'select "col?" from t where x = ?',
            "format",
            "pgsql",
            'select "col?" from t where x = %s',
        ),
        ("select `a?` from t", "format", "mysql", "select `a?` from t"),
        ("select 5 % 2, '%'", "format", "pgsql", "select 5 %% 2, '%%'"),
        ("select 5 % 2", "qmark", "sqlite", "select 5 % 2"),
        ("select x ?? 'a', ?", "format", "pgsql", "select x ? 'a', %s"),
        ("select $$ ? $$, ?", "format", "pgsql", "select $$ ? $$, %s"),
        ("select 1 /* ? */, ?", "qmark", "sqlite", "select 1 /* ? */, ?"),
        ("select now()::date", "format", "pgsql", "select now()::date"),
    ],
)
def test_placeholder_conversion(
    sql: str, style: str, driver: str, expected: str
) -> None:
    assert convert_placeholders(sql, style, driver).sql == expected


def test_named_placeholder_conversion() -> None:
    converted = convert_placeholders(
        "select :a, :b::int, ':c'", "format", "pgsql", named=True
    )
    assert converted.sql == "select %s, %s::int, ':c'"
    assert converted.names == ("a", "b")


def test_a_forked_child_opens_its_own_connections(connection: Connection) -> None:
    import os
    import warnings

    if connection.get_driver_name() == "sqlite" or not hasattr(os, "fork"):
        pytest.skip("needs a server connection and os.fork")
    parent_session = connection.scalar(
        "select pg_backend_pid()"
        if connection.get_driver_name() == "pgsql"
        else "select connection_id()"
    )
    read, write = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 1
        try:
            child_session = connection.scalar(
                "select pg_backend_pid()"
                if connection.get_driver_name() == "pgsql"
                else "select connection_id()"
            )
            code = 0 if child_session != parent_session else 2
        finally:
            os.write(write, bytes([code]))
            os._exit(0)
    os.close(write)
    result = os.read(read, 1)
    os.close(read)
    os.waitpid(pid, 0)
    assert result == bytes([0])
    assert connection.scalar("select 1") == 1  # the parent's session still works


@pytest.mark.parametrize("value", [{"$gt": ""}, {1, 2}])
def test_a_dict_or_set_binding_is_refused_before_the_driver(
    connection: Connection, value: t.Any
) -> None:
    # A JSON body such as {"id": {"$gt": ""}} must not reach the driver (PyMySQL
    # would raise its own TypeError, a 500).
    with pytest.raises(InvalidArgumentError, match=r"binding of type \[(dict|set)\]"):
        connection.select("select ? as v", [value])


def test_a_malformed_database_url_does_not_print_the_password() -> None:
    from protevus.database.connectors.configuration_url_parser import (
        parse_configuration,
    )

    with pytest.raises(InvalidArgumentError) as caught:
        parse_configuration({"url": "//app:s3cret@db.internal/app"})
    assert "s3cret" not in str(caught.value)
    assert "DB_URL" in str(caught.value)
