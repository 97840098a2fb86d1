"""Walk results in chunks, one by one and lazily, on every database."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.connection import Connection
from protevus.database.exceptions import DatabaseError
from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.support.collection import Collection
from protevus.support.lazy_collection import LazyCollection

ITEMS_DDL = {
    "sqlite": "create table items (id integer primary key autoincrement, n integer, done integer default 0)",
    "pgsql": "create table items (id bigserial primary key, n integer, done integer default 0)",
    "mysql": "create table items (id bigint unsigned auto_increment primary key, n integer, done integer default 0)",
}


@pytest.fixture
def items(connection: Connection) -> Connection:
    connection.statement(ITEMS_DDL[connection.get_driver_name()])
    connection.table("items").insert([{"n": n} for n in range(1, 11)])
    return connection


def test_chunk_passes_pages_of_rows(items: Connection) -> None:
    pages: list[tuple[int, list[int]]] = []

    def collect(rows: Collection, page: int) -> None:
        pages.append((page, [row.n for row in rows]))

    assert items.table("items").order_by("id").chunk(4, collect) is True
    assert pages == [(1, [1, 2, 3, 4]), (2, [5, 6, 7, 8]), (3, [9, 10])]


def test_chunk_with_an_exact_last_page_runs_one_empty_query(items: Connection) -> None:
    items.enable_query_log()
    seen: list[int] = []
    items.table("items").order_by("id").chunk(
        5, lambda rows: seen.extend(r.n for r in rows)
    )
    assert seen == list(range(1, 11))
    assert len(items.get_query_log()) == 3


def test_chunk_stops_when_the_callback_returns_false(items: Connection) -> None:
    pages: list[int] = []

    def stop(rows: Collection, page: int) -> bool:
        pages.append(page)
        return False

    assert items.table("items").order_by("id").chunk(3, stop) is False
    assert pages == [1]


def test_chunk_respects_limit_and_offset(items: Connection) -> None:
    seen: list[int] = []
    items.table("items").order_by("id").offset(2).limit(5).chunk(
        2, lambda rows: seen.extend(r.n for r in rows)
    )
    assert seen == [3, 4, 5, 6, 7]


def test_chunk_needs_an_order(items: Connection) -> None:
    with pytest.raises(InvalidQueryArgumentError, match="orderBy clause"):
        items.table("items").chunk(2, lambda rows: None)
    with pytest.raises(InvalidQueryArgumentError, match="orderBy clause"):
        items.table("items").lazy()


def test_chunk_with_count_zero_calls_nothing(items: Connection) -> None:
    called: list[t.Any] = []
    assert items.table("items").order_by("id").chunk(0, called.append) is True
    assert called == []


def test_chunk_by_id_survives_updates_during_the_walk(items: Connection) -> None:
    seen: list[int] = []

    def mark(rows: Collection) -> None:
        for row in rows:
            seen.append(row.n)
            # Moving rows out of the filter would make offset paging skip rows.
            items.table("items").where("id", row.id).update({"done": 1})

    assert items.table("items").where("done", 0).chunk_by_id(3, mark) is True
    assert seen == list(range(1, 11))
    assert items.table("items").where("done", 0).count() == 0


def test_chunk_by_id_desc_and_stop(items: Connection) -> None:
    pages: list[list[int]] = []
    items.table("items").chunk_by_id_desc(
        4, lambda rows: pages.append([r.n for r in rows])
    )
    assert pages == [[10, 9, 8, 7], [6, 5, 4, 3], [2, 1]]
    first: list[int] = []

    def stop(rows: Collection) -> bool:
        first.extend(r.n for r in rows)
        return False

    assert items.table("items").chunk_by_id(4, stop) is False
    assert first == [1, 2, 3, 4]


def test_chunk_by_id_with_a_qualified_column_and_alias(items: Connection) -> None:
    seen: list[int] = []
    query = items.table("items").select("items.id as item_id", "n")
    query.chunk_by_id(
        4, lambda rows: seen.extend(r.n for r in rows), "items.id", "item_id"
    )
    assert seen == list(range(1, 11))


def test_chunk_by_id_needs_the_id_in_the_results(items: Connection) -> None:
    with pytest.raises(DatabaseError, match=r"\[id\] column is not present"):
        items.table("items").select("n").chunk_by_id(3, lambda rows: None)


def test_chunk_by_id_respects_a_limit(items: Connection) -> None:
    seen: list[int] = []
    items.table("items").limit(5).chunk_by_id(
        2, lambda rows: seen.extend(r.n for r in rows)
    )
    assert seen == [1, 2, 3, 4, 5]


def test_each_and_each_by_id(items: Connection) -> None:
    seen: list[tuple[int, int]] = []
    assert (
        items.table("items")
        .order_by("id")
        .each(lambda row, key: seen.append((key, row.n)), 4)
    )
    assert [n for _, n in seen] == list(range(1, 11))
    assert [key for key, _ in seen][:5] == [0, 1, 2, 3, 0]
    by_id: list[tuple[int, int]] = []
    items.table("items").each_by_id(lambda row, index: by_id.append((index, row.n)), 4)
    assert by_id == [(i, i + 1) for i in range(10)]
    stopped: list[int] = []

    def until_three(row: t.Any) -> bool | None:
        stopped.append(row.n)
        return False if row.n == 3 else None

    assert items.table("items").order_by("id").each(until_three, 2) is False
    assert stopped == [1, 2, 3]


def test_chunk_map(items: Connection) -> None:
    doubled = items.table("items").order_by("id").chunk_map(lambda row: row.n * 2, 3)
    assert doubled.all() == [n * 2 for n in range(1, 11)]


def test_lazy_reads_pages_on_demand(items: Connection) -> None:
    items.enable_query_log()
    items.flush_query_log()
    rows = items.table("items").order_by("id").lazy(3)
    assert isinstance(rows, LazyCollection)
    assert items.get_query_log() == []
    assert [row.n for row in rows.take(4)] == [1, 2, 3, 4]
    assert len(items.get_query_log()) == 2
    assert [row.n for row in rows] == list(range(1, 11))


def test_lazy_by_id_and_desc(items: Connection) -> None:
    assert [r.n for r in items.table("items").lazy_by_id(4)] == list(range(1, 11))
    assert [r.n for r in items.table("items").lazy_by_id_desc(3)] == list(
        range(10, 0, -1)
    )
    assert [r.n for r in items.table("items").where("n", ">", 7).lazy_by_id(2)] == [
        8,
        9,
        10,
    ]


def test_lazy_by_id_survives_updates(items: Connection) -> None:
    seen = []
    for row in items.table("items").where("done", 0).lazy_by_id(3):
        seen.append(row.n)
        items.table("items").where("id", row.id).update({"done": 1})
    assert seen == list(range(1, 11))


@pytest.mark.parametrize("size", [0, -1])
def test_lazy_chunk_size_must_be_positive(items: Connection, size: int) -> None:
    with pytest.raises(InvalidQueryArgumentError, match="at least 1"):
        items.table("items").order_by("id").lazy(size)
    with pytest.raises(InvalidQueryArgumentError, match="at least 1"):
        items.table("items").lazy_by_id(size)


def test_lazy_by_id_needs_the_id_in_the_results(items: Connection) -> None:
    with pytest.raises(DatabaseError, match="lazyById operation was aborted"):
        items.table("items").select("n").lazy_by_id(3).all()
