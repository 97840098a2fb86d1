"""paginate, simple_paginate and cursor_paginate on the query builder, on every database."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.connection import Connection
from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.pagination.abstract_paginator import BasePaginator
from protevus.pagination.abstract_paginator import PaginatorState
from protevus.pagination.cursor import Cursor
from protevus.pagination.cursor_paginator import CursorPaginator
from protevus.pagination.length_aware_paginator import LengthAwarePaginator
from protevus.pagination.paginator import Paginator

ITEMS_DDL = {
    "sqlite": "create table items (id integer primary key autoincrement, n integer, grp integer)",
    "pgsql": "create table items (id bigserial primary key, n integer, grp integer)",
    "mysql": "create table items (id bigint unsigned auto_increment primary key, n integer, grp integer)",
}


@pytest.fixture(autouse=True)
def _fresh_state() -> t.Iterator[None]:
    PaginatorState.reset()
    yield
    PaginatorState.reset()


@pytest.fixture
def items(connection: Connection) -> Connection:
    connection.statement(ITEMS_DDL[connection.get_driver_name()])
    connection.table("items").insert([{"n": n, "grp": n % 3} for n in range(1, 24)])
    return connection


def test_paginate_counts_then_reads_one_page(items: Connection) -> None:
    items.enable_query_log()
    page = items.table("items").order_by("n").paginate(5, page=2)
    assert isinstance(page, LengthAwarePaginator)
    assert [row.n for row in page] == [6, 7, 8, 9, 10]
    assert (page.total(), page.last_page(), page.per_page(), page.current_page()) == (
        23,
        5,
        5,
        2,
    )
    log = items.get_query_log()
    assert len(log) == 2
    count_sql = log[0]["query"].lower()
    assert (
        "count(*)" in count_sql
        and "order by" not in count_sql
        and "limit" not in count_sql
    )


def test_paginate_defaults_to_fifteen_and_the_request_page(items: Connection) -> None:
    BasePaginator.current_page_resolver(lambda name: 2)
    BasePaginator.current_path_resolver(lambda: "http://x.test/items")
    page = items.table("items").order_by("n").paginate()
    assert page.per_page() == 15 and page.current_page() == 2
    assert [row.n for row in page] == list(range(16, 24))
    assert page.to_array()["prev_page_url"] == "http://x.test/items?page=1"


def test_paginate_with_a_custom_page_name_and_columns(items: Connection) -> None:
    BasePaginator.current_page_resolver(lambda name: 3 if name == "items_page" else 1)
    page = items.table("items").order_by("n").paginate(10, ["n"], "items_page")
    assert page.current_page() == 3
    assert [dict(row) for row in page] == [{"n": 21}, {"n": 22}, {"n": 23}]
    assert page.url(1) == "/?items_page=1"


def test_paginate_with_a_given_total_skips_the_count(items: Connection) -> None:
    items.enable_query_log()
    page = items.table("items").order_by("n").paginate(5, total=7)
    assert page.last_page() == 2
    assert len(items.get_query_log()) == 1


def test_per_page_may_be_a_callable_given_the_total(items: Connection) -> None:
    page = items.table("items").order_by("n").paginate(lambda total: total // 2)
    assert page.per_page() == 11 and page.last_page() == 3


def test_paginate_an_empty_result_runs_only_the_count(items: Connection) -> None:
    items.enable_query_log()
    page = items.table("items").where("n", ">", 100).paginate(5)
    assert page.total() == 0 and page.items() == [] and page.last_page() == 1
    assert len(items.get_query_log()) == 1


def test_paginate_a_page_past_the_end_is_empty(items: Connection) -> None:
    page = items.table("items").order_by("n").paginate(10, page=9)
    assert page.is_empty() and page.total() == 23 and page.first_item() is None


def test_paginate_grouped_queries_counts_the_groups(items: Connection) -> None:
    page = (
        items.table("items").select("grp").group_by("grp").order_by("grp").paginate(2)
    )
    assert page.total() == 3
    assert [row.grp for row in page] == [0, 1]


def test_paginate_with_having_counts_through_a_subquery(items: Connection) -> None:
    query = (
        items.table("items")
        .select("grp")
        .selectRaw("count(*) as c")
        .group_by("grp")
        .having_raw("count(*) > 7")
    )
    page = query.order_by("grp").paginate(10)
    assert page.total() == 2


def test_paginate_distinct_column(items: Connection) -> None:
    page = items.table("items").distinct().order_by("grp").paginate(10, ["grp"])
    assert page.total() == 3
    assert [row.grp for row in page] == [0, 1, 2]


def test_paginate_keeps_where_bindings_in_the_count(items: Connection) -> None:
    page = items.table("items").where("grp", 1).order_by("n").paginate(3)
    assert page.total() == 8
    assert [row.n for row in page] == [1, 4, 7]


def test_simple_paginate_reads_one_extra_row(items: Connection) -> None:
    items.enable_query_log()
    page = items.table("items").order_by("n").simple_paginate(10, page=2)
    assert isinstance(page, Paginator)
    assert [row.n for row in page] == list(range(11, 21))
    assert page.has_more_pages()
    assert len(items.get_query_log()) == 1
    last = items.table("items").order_by("n").simple_paginate(10, page=3)
    assert [row.n for row in last] == [21, 22, 23] and not last.has_more_pages()


def test_invalid_page_size_is_refused(items: Connection) -> None:
    with pytest.raises(InvalidQueryArgumentError, match=r"\[-1\]"):
        items.table("items").simple_paginate(-1)


def test_cursor_paginate_walks_forward_and_back(items: Connection) -> None:
    first = items.table("items").order_by("n").cursor_paginate(10)
    assert isinstance(first, CursorPaginator)
    assert [row.n for row in first] == list(range(1, 11))
    assert first.previous_cursor() is None
    second = (
        items.table("items")
        .order_by("n")
        .cursor_paginate(10, cursor=first.next_cursor())
    )
    assert [row.n for row in second] == list(range(11, 21))
    third = (
        items.table("items")
        .order_by("n")
        .cursor_paginate(10, cursor=second.next_cursor())
    )
    assert [row.n for row in third] == [21, 22, 23] and third.next_cursor() is None
    back = (
        items.table("items")
        .order_by("n")
        .cursor_paginate(10, cursor=third.previous_cursor())
    )
    assert [row.n for row in back] == list(range(11, 21))
    start = (
        items.table("items")
        .order_by("n")
        .cursor_paginate(10, cursor=back.previous_cursor())
    )
    assert [row.n for row in start] == list(range(1, 11)) and start.on_first_page()


def test_cursor_paginate_several_orders(items: Connection) -> None:
    seen: list[int] = []
    cursor: t.Any = None
    while True:
        page = (
            items.table("items")
            .order_by_desc("grp")
            .order_by("n")
            .cursor_paginate(4, cursor=cursor)
        )
        seen.extend(row.n for row in page)
        cursor = page.next_cursor()
        if cursor is None:
            break
    expected = sorted(range(1, 24), key=lambda n: (-(n % 3), n))
    assert seen == expected


def test_cursor_paginate_reads_the_cursor_from_the_request(items: Connection) -> None:
    cursor = Cursor({"n": 20})
    CursorPaginator.current_cursor_resolver(lambda name: cursor.encode())
    page = items.table("items").order_by("n").cursor_paginate(10)
    assert [row.n for row in page] == [21, 22, 23]
    assert page.cursor() == cursor


def test_cursor_paginate_accepts_an_encoded_cursor(items: Connection) -> None:
    page = (
        items.table("items")
        .order_by("n")
        .cursor_paginate(2, cursor=Cursor({"n": 5}).encode())
    )
    assert [row.n for row in page] == [6, 7]


def test_cursor_paginate_with_a_qualified_column(items: Connection) -> None:
    first = items.table("items").order_by("items.n").cursor_paginate(5)
    second = (
        items.table("items")
        .order_by("items.n")
        .cursor_paginate(5, cursor=first.next_cursor())
    )
    assert [row.n for row in second] == [6, 7, 8, 9, 10]


def test_cursor_paginate_needs_an_order(items: Connection) -> None:
    with pytest.raises(InvalidQueryArgumentError, match="orderBy"):
        items.table("items").cursor_paginate(5)


def test_a_cursor_for_other_columns_starts_at_the_first_page(items: Connection) -> None:
    # Laravel raises (a 500 for a ?cursor= from a request); the first page is kinder.
    page = (
        items.table("items").order_by("n").cursor_paginate(5, cursor=Cursor({"id": 1}))
    )
    assert [row.n for row in page.items()] == [1, 2, 3, 4, 5]
