"""Transactions on every driver: commit, rollback, savepoints, retries, after-commit."""

from __future__ import annotations

import threading
import typing as t

import pytest

from protevus.database.connection import Connection
from protevus.database.events import TransactionBeginning
from protevus.database.events import TransactionCommitted
from protevus.database.events import TransactionRolledBack
from protevus.database.exceptions import DeadlockError
from protevus.database.exceptions import QueryError


def create_accounts(connection: Connection, *names: str) -> None:
    connection.statement(
        "create table accounts (name varchar(20) primary key, balance integer)"
    )
    for name in names:
        connection.insert("insert into accounts values (?, ?)", [name, 100])


def names(connection: Connection) -> list[str]:
    return [
        row.name for row in connection.select("select name from accounts order by name")
    ]


def test_callback_transaction_commits_and_returns_the_result(
    connection: Connection,
) -> None:
    create_accounts(connection)

    def work(conn: Connection) -> str:
        assert conn is connection
        conn.insert("insert into accounts values (?, ?)", ["a", 1])
        return "done"

    assert connection.transaction(work) == "done"
    assert connection.transaction(lambda: "no-arg callbacks work too") == (
        "no-arg callbacks work too"
    )
    assert names(connection) == ["a"]
    assert connection.transaction_level() == 0


def test_callback_transaction_rolls_back_and_reraises(connection: Connection) -> None:
    create_accounts(connection)

    def work(conn: Connection) -> None:
        conn.insert("insert into accounts values (?, ?)", ["a", 1])
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        connection.transaction(work)
    assert names(connection) == []
    assert connection.transaction_level() == 0


def test_context_manager_commits_and_rolls_back(connection: Connection) -> None:
    create_accounts(connection)
    with connection.transaction() as conn:
        assert conn is connection
        assert connection.transaction_level() == 1
        connection.insert("insert into accounts values (?, ?)", ["kept", 1])
    with pytest.raises(ValueError), connection.transaction():
        connection.insert("insert into accounts values (?, ?)", ["lost", 1])
        raise ValueError
    assert names(connection) == ["kept"]


def test_nested_transactions_roll_back_only_the_inner_savepoint(
    connection: Connection,
) -> None:
    create_accounts(connection)
    with connection.transaction():
        connection.insert("insert into accounts values (?, ?)", ["outer", 1])
        with pytest.raises(RuntimeError), connection.transaction():
            assert connection.transaction_level() == 2
            connection.insert("insert into accounts values (?, ?)", ["inner", 1])
            raise RuntimeError
        assert connection.transaction_level() == 1
        with connection.transaction():
            connection.insert("insert into accounts values (?, ?)", ["second", 1])
    assert names(connection) == ["outer", "second"]


def test_manual_begin_commit_and_roll_back(connection: Connection) -> None:
    create_accounts(connection)
    connection.begin_transaction()
    connection.insert("insert into accounts values (?, ?)", ["a", 1])
    connection.begin_transaction()
    connection.insert("insert into accounts values (?, ?)", ["b", 1])
    connection.begin_transaction()
    connection.insert("insert into accounts values (?, ?)", ["c", 1])
    assert connection.transaction_level() == 3
    connection.roll_back(1)  # undo levels 2 and 3 at once
    assert connection.transaction_level() == 1
    connection.commit()
    assert names(connection) == ["a"]
    connection.begin_transaction()
    connection.insert("insert into accounts values (?, ?)", ["d", 1])
    connection.rollback()
    assert names(connection) == ["a"]
    connection.commit()  # nothing open: ignored, as in Laravel
    connection.roll_back()


def test_a_failed_statement_inside_a_transaction_can_be_rolled_back(
    connection: Connection,
) -> None:
    create_accounts(connection, "a")
    with pytest.raises(QueryError), connection.transaction():
        connection.insert("insert into accounts values (?, ?)", ["b", 1])
        connection.insert("insert into accounts values (?, ?)", ["a", 1])
    assert names(connection) == ["a"]
    assert connection.transaction_level() == 0


def test_after_commit_runs_in_order_after_the_outermost_commit(
    connection: Connection,
) -> None:
    create_accounts(connection)
    calls: list[str] = []
    with connection.transaction():
        connection.after_commit(lambda: calls.append("first"))
        with connection.transaction():
            connection.after_commit(lambda: calls.append("nested"))
        assert calls == []
        connection.after_commit(lambda: calls.append("last"))
    assert calls == ["first", "nested", "last"]
    connection.after_commit(lambda: calls.append("now"))
    assert calls[-1] == "now"


def test_after_commit_callbacks_of_rolled_back_levels_never_run(
    connection: Connection,
) -> None:
    create_accounts(connection)
    calls: list[str] = []
    with connection.transaction():
        connection.after_commit(lambda: calls.append("outer"))
        with pytest.raises(RuntimeError), connection.transaction():
            connection.after_commit(lambda: calls.append("inner"))
            raise RuntimeError
    assert calls == ["outer"]
    with pytest.raises(RuntimeError), connection.transaction():
        connection.after_commit(lambda: calls.append("rolled back"))
        raise RuntimeError
    assert calls == ["outer"]


def test_attempts_retry_a_concurrency_failure(connection: Connection) -> None:
    create_accounts(connection)
    attempts: list[int] = []

    def work(conn: Connection) -> str:
        attempts.append(1)
        conn.insert("insert into accounts values (?, ?)", [f"try{len(attempts)}", 1])
        if len(attempts) == 1:
            raise DeadlockError(
                conn.get_name(), "update x", [], RuntimeError("deadlock detected")
            )
        return "ok"

    assert connection.transaction(work, attempts=3) == "ok"
    assert len(attempts) == 2
    assert names(connection) == ["try2"]


def test_attempts_give_up_after_the_last_try(connection: Connection) -> None:
    calls: list[int] = []

    def work() -> None:
        calls.append(1)
        raise DeadlockError("x", "update x", [], RuntimeError("deadlock detected"))

    with pytest.raises(DeadlockError):
        connection.transaction(work, attempts=2)
    assert len(calls) == 2
    with pytest.raises(ValueError, match="at least 1"):
        connection.transaction(work, attempts=0)


def test_other_errors_are_not_retried(connection: Connection) -> None:
    calls: list[int] = []

    def work() -> None:
        calls.append(1)
        raise KeyError("nope")

    with pytest.raises(KeyError):
        connection.transaction(work, attempts=5)
    assert calls == [1]


def test_a_nested_deadlock_travels_up_to_the_outermost_transaction(
    connection: Connection,
) -> None:
    create_accounts(connection)
    outer_calls: list[int] = []

    def inner() -> None:
        if len(outer_calls) == 1:
            raise DeadlockError("x", "update", [], RuntimeError("deadlock detected"))

    def outer(conn: Connection) -> None:
        outer_calls.append(1)
        conn.insert("insert into accounts values (?, ?)", [f"o{len(outer_calls)}", 1])
        conn.transaction(inner, attempts=3)

    connection.transaction(outer, attempts=2)
    assert len(outer_calls) == 2
    assert names(connection) == ["o2"]


def test_a_real_deadlock_between_two_threads_is_retried(
    connection: Connection, db_config: dict[str, t.Any]
) -> None:
    if connection.get_driver_name() == "sqlite":
        pytest.skip("in-memory SQLite serialises writers instead of deadlocking")
    create_accounts(connection, "a", "b")
    barrier = threading.Barrier(2, timeout=10)
    tries = {"first": 0, "second": 0}
    errors: list[BaseException] = []

    def transfer(label: str, first: str, second: str) -> None:
        def work(conn: Connection) -> None:
            tries[label] += 1
            conn.update(
                "update accounts set balance = balance - 1 where name = ?", [first]
            )
            if tries[label] == 1:
                barrier.wait()
            conn.update(
                "update accounts set balance = balance + 1 where name = ?", [second]
            )

        try:
            connection.transaction(work, attempts=3)
        except BaseException as exc:  # reported to the main thread
            errors.append(exc)

    threads = [
        threading.Thread(target=transfer, args=("first", "a", "b")),
        threading.Thread(target=transfer, args=("second", "b", "a")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(tries.values()) == [1, 2]  # exactly one side was retried
    balances = connection.select("select name, balance from accounts order by name")
    assert balances == [{"name": "a", "balance": 100}, {"name": "b", "balance": 100}]


def test_transaction_events_reach_the_dispatcher(connection: Connection) -> None:
    fired: list[str] = []

    class Recorder:
        def dispatch(self, event: t.Any) -> None:
            fired.append(type(event).__name__)

    connection.set_event_dispatcher(Recorder())
    with connection.transaction():
        pass
    with pytest.raises(RuntimeError), connection.transaction():
        raise RuntimeError
    assert TransactionBeginning.__name__ in fired
    assert fired.count(TransactionCommitted.__name__) == 1
    assert fired.count(TransactionRolledBack.__name__) == 1
    assert "QueryExecuted" not in fired  # no statements ran


def test_pretend_counts_transaction_levels_without_a_database(
    connection: Connection,
) -> None:
    create_accounts(connection)

    def work(conn: Connection) -> None:
        with conn.transaction():
            conn.insert("insert into accounts values (?, ?)", ["ghost", 1])
            assert conn.transaction_level() == 1

    queries = connection.pretend(work)
    assert [q["query"] for q in queries] == ["insert into accounts values (?, ?)"]
    assert names(connection) == []
    assert connection.transaction_level() == 0
