"""The query log, listeners, events and pretend() on every driver."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.connection import Connection
from protevus.database.events import QueryExecuted
from protevus.database.exceptions import QueryError


def test_the_log_is_off_by_default(connection: Connection) -> None:
    assert connection.logging() is False
    connection.select("select 1")
    assert connection.get_query_log() == []


def test_enabled_log_records_query_bindings_and_time(connection: Connection) -> None:
    connection.enable_query_log()
    assert connection.logging() is True
    connection.select("select ? as a", [1])
    connection.statement("create table t (id integer)")
    log = connection.get_query_log()
    assert [entry["query"] for entry in log] == [
        "select ? as a",
        "create table t (id integer)",
    ]
    assert log[0]["bindings"] == [1]
    assert isinstance(log[0]["time"], float) and log[0]["time"] >= 0
    connection.flush_query_log()
    assert connection.get_query_log() == []
    connection.disable_query_log()
    connection.select("select 2")
    assert connection.get_query_log() == []


def test_failed_queries_are_not_logged(connection: Connection) -> None:
    connection.enable_query_log()
    with pytest.raises(QueryError):
        connection.select("select * from nowhere_at_all")
    assert connection.get_query_log() == []


def test_raw_query_log_substitutes_bindings(connection: Connection) -> None:
    connection.enable_query_log()
    connection.select("select ? as a, ? as b", [1, "it's"])
    raw = connection.get_raw_query_log()
    assert raw[0]["raw_query"].startswith("select 1 as a, ")
    assert "it" in raw[0]["raw_query"]


def test_listen_receives_query_executed(connection: Connection) -> None:
    events: list[QueryExecuted] = []
    connection.listen(events.append)
    connection.select("select ? as a", [5])
    assert len(events) == 1
    event = events[0]
    assert event.sql == "select ? as a"
    assert event.bindings == [5]
    assert event.time >= 0
    assert event.connection is connection
    assert event.connection_name == connection.get_name()
    assert event.to_raw_sql() == "select 5 as a"


def test_before_executing_sees_every_statement(connection: Connection) -> None:
    seen: list[tuple[str, t.Any]] = []
    connection.before_executing(
        lambda sql, bindings, conn: seen.append((sql, bindings))
    )
    connection.select("select ? as a", [1])
    assert seen == [("select ? as a", [1])]


def test_query_events_reach_the_dispatcher(connection: Connection) -> None:
    dispatched: list[t.Any] = []

    class Recorder:
        def dispatch(self, event: t.Any) -> None:
            dispatched.append(event)

    connection.set_event_dispatcher(Recorder())
    connection.select("select 1 as one")
    # The first query also opens the connection.
    assert [type(event).__name__ for event in dispatched] == [
        "ConnectionEstablished",
        "QueryExecuted",
    ]
    connection.select("select 2 as two")
    assert type(dispatched[-1]) is QueryExecuted
    assert len(dispatched) == 3
    connection.unset_event_dispatcher()
    assert connection.get_event_dispatcher() is None


def test_pretend_returns_the_queries_without_running_them(
    connection: Connection,
) -> None:
    connection.statement("create table t (id integer)")

    def work(conn: Connection) -> None:
        assert conn.pretending() is True
        assert conn.select("select * from t") == []
        assert conn.insert("insert into t values (?)", [1]) is True
        assert conn.update("update t set id = ?", [2]) == 0
        assert conn.delete("delete from t") == 0
        assert conn.scalar("select count(*) from t") is None
        assert list(conn.cursor("select * from t")) == []
        conn.unprepared("drop table t")

    queries = connection.pretend(work)
    assert queries == [
        {"query": "select * from t", "bindings": [], "time": 0.0},
        {"query": "insert into t values (?)", "bindings": [1], "time": 0.0},
        {"query": "update t set id = ?", "bindings": [2], "time": 0.0},
        {"query": "delete from t", "bindings": [], "time": 0.0},
        {"query": "select count(*) from t", "bindings": [], "time": 0.0},
        {"query": "select * from t", "bindings": [], "time": 0.0},
        {"query": "drop table t", "bindings": [], "time": 0.0},
    ]
    assert connection.pretending() is False
    assert connection.logging() is False
    assert connection.select("select * from t") == []  # the table is still there


def test_pretend_listens_too(connection: Connection) -> None:
    heard: list[str] = []
    connection.listen(lambda event: heard.append(event.sql))
    connection.pretend(lambda: connection.statement("drop table nothing"))
    assert heard == ["drop table nothing"]


def test_when_querying_for_longer_than(connection: Connection) -> None:
    calls: list[str] = []
    connection.when_querying_for_longer_than(
        0, lambda conn, event: calls.append(event.sql)
    )
    connection.select("select 1")
    connection.select("select 2")
    assert calls == ["select 1"]  # once
    assert connection.total_query_duration() > 0
    connection.allow_query_duration_handlers_to_run_again()
    connection.reset_total_query_duration()
    assert connection.total_query_duration() == 0
    connection.select("select 3")
    assert calls == ["select 1", "select 3"]


def test_server_version(connection: Connection) -> None:
    assert connection.get_server_version()[0].isdigit()
