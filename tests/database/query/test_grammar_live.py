"""The compiled selects run on the real SQLite, PostgreSQL and MariaDB servers and find the right rows."""

from __future__ import annotations

import json
import typing as t

import pytest

from protevus.database.query.builder import Builder

DDL = {
    "sqlite": (
        "create table items (id integer primary key, name varchar(50), meta text, "
        "created_at datetime, n integer)"
    ),
    "pgsql": (
        "create table items (id serial primary key, name varchar(50), meta jsonb, "
        "created_at timestamp, n integer)"
    ),
    "mysql": (
        "create table items (id int auto_increment primary key, name varchar(50), meta json, "
        "created_at datetime, n int)"
    ),
}

ROWS = [
    (
        "Apple",
        {"lang": "en", "tags": ["red", "fruit"], "ok": True},
        "2024-01-05 08:30:00",
        3,
    ),
    (
        "banana",
        {"lang": "fr", "tags": ["yellow"], "ok": False},
        "2024-02-15 22:10:00",
        7,
    ),
    ("Cherry", {"lang": "en", "tags": [], "ok": True}, "2023-12-25 12:00:00", None),
]


@pytest.fixture
def items(connection: t.Any) -> t.Any:
    connection.statement(DDL[connection.get_driver_name()])
    for name, meta, created_at, n in ROWS:
        connection.insert(
            "insert into items (name, meta, created_at, n) values (?, ?, ?, ?)",
            [name, json.dumps(meta), created_at, n],
        )
    return connection


def names(connection: t.Any, query: Builder) -> list[str]:
    rows = connection.select(query.to_sql(), query.get_bindings())
    return sorted(row["name"] for row in rows)


CASES: list[tuple[t.Callable[[Builder], Builder], list[str]]] = [
    (lambda b: b.where("n", ">", 3), ["banana"]),
    (lambda b: b.where_null("n"), ["Cherry"]),
    (lambda b: b.where("n", None), ["Cherry"]),
    (lambda b: b.where_in("n", [3, 7]), ["Apple", "banana"]),
    (lambda b: b.where_in("id", []), []),
    (lambda b: b.where_not_in("id", []), ["Apple", "Cherry", "banana"]),
    (lambda b: b.where_between("n", [1, 5]), ["Apple"]),
    (lambda b: b.where_integer_in_raw("n", [3]), ["Apple"]),
    (
        lambda b: b.where(lambda w: w.where("n", 3).or_where("n", 7)).where(
            "name", "!=", "Apple"
        ),
        ["banana"],
    ),
    (lambda b: b.where_like("name", "app%"), ["Apple"]),
    (lambda b: b.where_like("name", "app%", True), []),
    (lambda b: b.where_like("name", "App%", True), ["Apple"]),
    (lambda b: b.where_not_like("name", "%an%"), ["Apple", "Cherry"]),
    (lambda b: b.where("meta->lang", "en"), ["Apple", "Cherry"]),
    (lambda b: b.where("meta->ok", True), ["Apple", "Cherry"]),
    (lambda b: b.where("meta->ok", False), ["banana"]),
    (lambda b: b.where("meta->tags[0]", "red"), ["Apple"]),
    (lambda b: b.where_json_length("meta->tags", 0), ["Cherry"]),
    (lambda b: b.where_json_length("meta->tags", ">", 1), ["Apple"]),
    (lambda b: b.where_json_contains("meta->tags", "yellow"), ["banana"]),
    (lambda b: b.where_json_doesnt_contain("meta->tags", "red"), ["Cherry", "banana"]),
    (lambda b: b.where_json_contains_key("meta->lang"), ["Apple", "Cherry", "banana"]),
    (
        lambda b: b.where_json_doesnt_contain_key("meta->nope"),
        ["Apple", "Cherry", "banana"],
    ),
    (lambda b: b.where_date("created_at", "2024-01-05"), ["Apple"]),
    (lambda b: b.where_date("created_at", ">", "2024-01-05"), ["banana"]),
    (lambda b: b.where_year("created_at", 2024), ["Apple", "banana"]),
    (lambda b: b.where_month("created_at", 2), ["banana"]),
    (lambda b: b.where_day("created_at", 5), ["Apple"]),
    (lambda b: b.where_time("created_at", ">=", "22:00:00"), ["banana"]),
    (
        lambda b: b.where_exists(
            lambda s: (
                s.from_("items as i2")
                .where_column("i2.id", "items.id")
                .where("i2.n", 7)
            )
        ),
        ["banana"],
    ),
    (lambda b: b.where_any(["name", "meta->lang"], "fr"), ["banana"]),
    (lambda b: b.where_none(["name", "meta->lang"], "fr"), ["Apple", "Cherry"]),
    (lambda b: b.where_row_values(["n", "id"], "=", [3, 1]), ["Apple"]),
]


@pytest.mark.parametrize(("build", "expected"), CASES)
def test_compiled_selects_run_and_match(
    items: t.Any, build: t.Callable[[Builder], Builder], expected: list[str]
) -> None:
    query = build(items.table("items"))
    assert names(items, query) == expected


def test_union_with_order_and_limit_runs(items: t.Any) -> None:
    first = items.table("items").select("name").where("n", 3)
    second = items.table("items").select("name").where("n", 7)
    query = first.union_all(second).order_by("name", "desc").limit(1)
    rows = items.select(query.to_sql(), query.get_bindings())
    assert [row["name"] for row in rows] == ["banana"]


def test_joins_groups_and_havings_run(items: t.Any) -> None:
    query = (
        items.table("items as a")
        .select("a.name")
        .select_raw("count(*) as c")
        .join("items as b", "a.id", "<=", "b.id")
        .group_by("a.name")
        .having_raw("count(*) > ?", [1])
    )
    rows = items.select(query.to_sql(), query.get_bindings())
    assert sorted((row["name"], int(row["c"])) for row in rows) == [
        ("Apple", 3),
        ("banana", 2),
    ]


def test_lock_and_paging_run(items: t.Any) -> None:
    query = items.table("items").order_by("id").for_page(2, 1).lock_for_update()
    rows = items.select(query.to_sql(), query.get_bindings())
    assert [row["name"] for row in rows] == ["banana"]
    query = items.table("items").for_page_after_id(2, 1)
    assert [
        row["name"] for row in items.select(query.to_sql(), query.get_bindings())
    ] == ["banana", "Cherry"]


def test_to_raw_sql_runs(items: t.Any) -> None:
    query = (
        items.table("items")
        .where("name", "O'Brien")
        .or_where("n", 3)
        .or_where("meta->lang", "fr")
    )
    rows = items.select(query.to_raw_sql())
    assert sorted(row["name"] for row in rows) == ["Apple", "banana"]


def test_random_order_runs(items: t.Any) -> None:
    query = items.table("items").in_random_order()
    assert len(items.select(query.to_sql(), query.get_bindings())) == 3
