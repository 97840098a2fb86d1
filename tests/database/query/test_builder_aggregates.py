"""Count, sum, average, min and max through the query builder on every database."""

from __future__ import annotations

import decimal

import pytest

from protevus.database.connection import Connection

ORDERS_DDL = {
    "sqlite": "create table orders (id integer primary key autoincrement, customer varchar(50), "
    "total integer, price numeric(8, 2), status varchar(20))",
    "pgsql": "create table orders (id bigserial primary key, customer varchar(50), total integer, "
    "price numeric(8, 2), status varchar(20))",
    "mysql": "create table orders (id bigint unsigned auto_increment primary key, customer varchar(50), "
    "total integer, price decimal(8, 2), status varchar(20))",
}

ORDERS = [
    {"customer": "ada", "total": 10, "price": "1.50", "status": "paid"},
    {"customer": "ada", "total": 20, "price": "2.50", "status": "paid"},
    {"customer": "bob", "total": 30, "price": "3.00", "status": "open"},
    {"customer": "cy", "total": 40, "price": "4.00", "status": None},
]


@pytest.fixture
def orders(connection: Connection) -> Connection:
    connection.statement(ORDERS_DDL[connection.get_driver_name()])
    connection.table("orders").insert(ORDERS)
    return connection


def test_count_returns_an_int(orders: Connection) -> None:
    assert orders.table("orders").count() == 4
    assert type(orders.table("orders").count()) is int
    assert orders.table("orders").where("status", "paid").count() == 2
    assert orders.table("orders").where("total", ">", 100).count() == 0


def test_count_of_a_column_skips_nulls(orders: Connection) -> None:
    assert orders.table("orders").count("status") == 3


def test_count_with_distinct(orders: Connection) -> None:
    assert orders.table("orders").distinct().count("customer") == 3
    assert orders.table("orders").distinct().count() == 4


def test_count_ignores_selected_columns_and_orders(orders: Connection) -> None:
    orders.enable_query_log()
    query = orders.table("orders").select("customer", "total").order_by("total")
    assert query.count() == 4
    sql = orders.get_query_log()[-1]["query"]
    assert sql.startswith("select count(*) as aggregate from ")
    assert "order by" not in sql
    assert [row.customer for row in query.get()] == ["ada", "ada", "bob", "cy"]


def test_count_with_groups_counts_the_first_group_as_laravel(
    orders: Connection,
) -> None:
    # Laravel's Builder::count() on a grouped query returns the first group's count.
    query = orders.table("orders").group_by("customer").order_by("customer")
    assert query.count() == 2


def test_count_with_having_wraps_the_query(orders: Connection) -> None:
    query = (
        orders.table("orders")
        .select("customer")
        .group_by("customer")
        .having_raw("count(*) > 1")
    )
    assert query.count() == 1


def test_min_max(orders: Connection) -> None:
    assert orders.table("orders").min("total") == 10
    assert orders.table("orders").max("total") == 40
    assert orders.table("orders").where("customer", "bob").max("total") == 30
    assert orders.table("orders").where("total", ">", 100).max("total") is None


def test_sum_and_average(orders: Connection) -> None:
    assert orders.table("orders").sum("total") == 100
    assert orders.table("orders").where("total", ">", 100).sum("total") == 0
    assert orders.table("orders").avg("total") == 25
    assert orders.table("orders").average("total") == 25
    assert orders.table("orders").where("total", ">", 100).avg("total") is None
    assert decimal.Decimal(str(orders.table("orders").sum("price"))) == decimal.Decimal(
        "11.00"
    )


def test_numeric_aggregate_returns_int_or_float(orders: Connection) -> None:
    total = orders.table("orders").numeric_aggregate("sum", ["total"])
    assert total == 100 and isinstance(total, int)
    price = orders.table("orders").numeric_aggregate("sum", ["price"])
    assert price == 11.0 and isinstance(price, float)
    assert (
        orders.table("orders").where("id", 0).numeric_aggregate("sum", ["total"]) == 0
    )


def test_aggregate_leaves_the_query_usable(orders: Connection) -> None:
    query = orders.table("orders").select("customer").where("status", "paid")
    assert query.count() == 2
    assert query.sum("total") == 30
    assert query.pluck("customer").all() == ["ada", "ada"]


def test_exists_after_an_aggregate(orders: Connection) -> None:
    query = orders.table("orders").where("customer", "cy")
    assert query.count() == 1
    assert query.exists() is True
