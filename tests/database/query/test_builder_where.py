"""The where family, compiled for SQLite, PostgreSQL and MySQL (no database)."""

from __future__ import annotations

import datetime as dt
import typing as t

import pytest

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.builder import Builder
from protevus.database.query.expression import Expression as Raw
from protevus.database.query.grammars.mysql_grammar import MySqlGrammar
from protevus.database.query.grammars.postgres_grammar import PostgresGrammar
from protevus.database.query.grammars.sqlite_grammar import SQLiteGrammar

GRAMMARS = {"sqlite": SQLiteGrammar, "pgsql": PostgresGrammar, "mysql": MySqlGrammar}


def q(dialect: str = "sqlite") -> Builder:
    return Builder(grammar=GRAMMARS[dialect]()).select("*").from_("users")


Case = tuple[t.Callable[[], Builder], str, list[t.Any]]

CASES: list[Case] = [
    (lambda: q().where("id", "=", 1), 'select * from "users" where "id" = ?', [1]),
    (
        lambda: q("mysql").where("id", "=", 1),
        "select * from `users` where `id` = ?",
        [1],
    ),
    (lambda: q("pgsql").where("id", 1), 'select * from "users" where "id" = ?', [1]),
    (lambda: q().where("id", [12]), 'select * from "users" where "id" = ?', [12]),
    (
        lambda: q().where("id", "=", [12, 30]),
        'select * from "users" where "id" = ?',
        [12],
    ),
    (
        lambda: q().where("id", "!=", [12, 30]),
        'select * from "users" where "id" != ?',
        [12],
    ),
    (
        lambda: q().where("id", "<>", [[12, 30]]),
        'select * from "users" where "id" <> ?',
        [12],
    ),
    (
        lambda: q().where("id", 1).or_where("name", "foo"),
        'select * from "users" where "id" = ? or "name" = ?',
        [1, "foo"],
    ),
    (
        lambda: q().where("id", "=", 1).or_where("email", "=", "foo"),
        'select * from "users" where "id" = ? or "email" = ?',
        [1, "foo"],
    ),
    # an unknown operator is the value compared with "="
    (
        lambda: q().where("name", "sideways"),
        'select * from "users" where "name" = ?',
        ["sideways"],
    ),
    (
        lambda: q().where("name", "=", "Taylor", "AND"),
        'select * from "users" where "name" = ?',
        ["Taylor"],
    ),
    (
        lambda: q().where("name", "=", "Taylor", "And"),
        'select * from "users" where "name" = ?',
        ["Taylor"],
    ),
    (
        lambda: q("mysql").where("name", "sounds like", "John Doe"),
        "select * from `users` where `name` sounds like ?",
        ["John Doe"],
    ),
    (lambda: q().where("bar", "&", 1), 'select * from "users" where "bar" & ?', [1]),
    (
        lambda: q("pgsql").where("bar", "&", 1),
        'select * from "users" where ("bar" & ?)::bool',
        [1],
    ),
    (
        lambda: q("pgsql").where("bar", "#", 1),
        'select * from "users" where ("bar" # ?)::bool',
        [1],
    ),
    (
        lambda: q("pgsql").where("roles", "?", "superuser"),
        'select * from "users" where "roles" ?? ?',
        ["superuser"],
    ),
    (
        lambda: q("pgsql").where("roles", "?|", "superuser"),
        'select * from "users" where "roles" ??| ?',
        ["superuser"],
    ),
    (
        lambda: q("pgsql").where("roles", "?&", "superuser"),
        'select * from "users" where "roles" ??& ?',
        ["superuser"],
    ),
    # null shortcuts
    (lambda: q().where("foo", None), 'select * from "users" where "foo" is null', []),
    (
        lambda: q().where("foo", "=", None),
        'select * from "users" where "foo" is null',
        [],
    ),
    (
        lambda: q().where("foo", "!=", None),
        'select * from "users" where "foo" is not null',
        [],
    ),
    (
        lambda: q().where("foo", "<>", None),
        'select * from "users" where "foo" is not null',
        [],
    ),
    # list forms
    (
        lambda: q().where([["foo", 1], ["bar", 2]]),
        'select * from "users" where ("foo" = ? and "bar" = ?)',
        [1, 2],
    ),
    (
        lambda: q().where({"foo": 1, "bar": 2}),
        'select * from "users" where ("foo" = ? and "bar" = ?)',
        [1, 2],
    ),
    (
        lambda: q().where([["foo", 1], ["bar", "<", 2]]),
        'select * from "users" where ("foo" = ? and "bar" < ?)',
        [1, 2],
    ),
    (
        lambda: q().where("x", 0).or_where({"foo": 1, "bar": 2}),
        'select * from "users" where "x" = ? or ("foo" = ? or "bar" = ?)',
        [0, 1, 2],
    ),
    # where not
    (
        lambda: q().where_not("name", "foo").where_not("name", "<>", "bar"),
        'select * from "users" where not "name" = ? and not "name" <> ?',
        ["foo", "bar"],
    ),
    (
        lambda: q().where("name", "bar").or_where_not("name", "foo"),
        'select * from "users" where "name" = ? or not "name" = ?',
        ["bar", "foo"],
    ),
    (
        lambda: q().where_not(lambda w: w.where("name", "foo").or_where("name", "bar")),
        'select * from "users" where not ("name" = ? or "name" = ?)',
        ["foo", "bar"],
    ),
    (
        lambda: q().where_not([["foo", 1], ["bar", 2]]),
        'select * from "users" where not (("foo" = ? and "bar" = ?))',
        [1, 2],
    ),
    # raw
    (
        lambda: q().where_raw("id = ? or email = ?", [1, "foo"]),
        'select * from "users" where id = ? or email = ?',
        [1, "foo"],
    ),
    (
        lambda: q().where("id", "=", 1).or_where_raw("email = ?", ["foo"]),
        'select * from "users" where "id" = ? or email = ?',
        [1, "foo"],
    ),
    (
        lambda: q().where(Raw("lower(name)"), "bob"),
        'select * from "users" where lower(name) = ?',
        ["bob"],
    ),
    # in
    (
        lambda: q().where_in("id", [1, 2, 3]),
        'select * from "users" where "id" in (?, ?, ?)',
        [1, 2, 3],
    ),
    (
        lambda: q().where_in("id", (1, 2)),
        'select * from "users" where "id" in (?, ?)',
        [1, 2],
    ),
    (
        lambda: q().where("id", "=", 1).or_where_in("id", [1, 2, 3]),
        'select * from "users" where "id" = ? or "id" in (?, ?, ?)',
        [1, 1, 2, 3],
    ),
    (
        lambda: q().where_not_in("id", [1, 2, 3]),
        'select * from "users" where "id" not in (?, ?, ?)',
        [1, 2, 3],
    ),
    (
        lambda: q().where("id", "=", 1).or_where_not_in("id", [1, 2, 3]),
        'select * from "users" where "id" = ? or "id" not in (?, ?, ?)',
        [1, 1, 2, 3],
    ),
    (
        lambda: q().where_in("id", [Raw(1)]),
        'select * from "users" where "id" in (1)',
        [],
    ),
    (lambda: q().where_in("id", []), 'select * from "users" where 0 = 1', []),
    (
        lambda: q().where("id", "=", 1).or_where_in("id", []),
        'select * from "users" where "id" = ? or 0 = 1',
        [1],
    ),
    (lambda: q().where_not_in("id", []), 'select * from "users" where 1 = 1', []),
    (
        lambda: q().where_in(
            "id", lambda s: s.select("id").from_("users").where("age", ">", 25).take(3)
        ),
        'select * from "users" where "id" in (select "id" from "users" where "age" > ? limit 3)',
        [25],
    ),
    (
        lambda: q().where_not_in(
            "id", Builder(grammar=SQLiteGrammar()).select("id").from_("bans")
        ),
        'select * from "users" where "id" not in (select "id" from "bans")',
        [],
    ),
    (
        lambda: q().where_integer_in_raw("id", ["1a", 2]),
        'select * from "users" where "id" in (1, 2)',
        [],
    ),
    (
        lambda: q().where("id", "=", 1).or_where_integer_in_raw("id", ["1a", 2]),
        'select * from "users" where "id" = ? or "id" in (1, 2)',
        [1],
    ),
    (
        lambda: q().where_integer_not_in_raw("id", ["1a", 2]),
        'select * from "users" where "id" not in (1, 2)',
        [],
    ),
    (
        lambda: q().where_integer_in_raw("id", []),
        'select * from "users" where 0 = 1',
        [],
    ),
    (
        lambda: q().where_integer_not_in_raw("id", []),
        'select * from "users" where 1 = 1',
        [],
    ),
    # null
    (lambda: q().where_null("id"), 'select * from "users" where "id" is null', []),
    (
        lambda: q().where("id", "=", 1).or_where_null("id"),
        'select * from "users" where "id" = ? or "id" is null',
        [1],
    ),
    (
        lambda: q().where_null(["id", "expires_at"]),
        'select * from "users" where "id" is null and "expires_at" is null',
        [],
    ),
    (
        lambda: q().where("id", "=", 1).or_where_null(["id", "expires_at"]),
        'select * from "users" where "id" = ? or "id" is null or "expires_at" is null',
        [1],
    ),
    (
        lambda: q().where_not_null("id"),
        'select * from "users" where "id" is not null',
        [],
    ),
    (
        lambda: q().where("id", ">", 1).or_where_not_null(["id", "expires_at"]),
        'select * from "users" where "id" > ? or "id" is not null or "expires_at" is not null',
        [1],
    ),
    # between
    (
        lambda: q().where_between("id", [1, 2]),
        'select * from "users" where "id" between ? and ?',
        [1, 2],
    ),
    (
        lambda: q().where_between("id", [[1, 2, 3]]),
        'select * from "users" where "id" between ? and ?',
        [1, 2],
    ),
    (
        lambda: q().where_between("id", [[1], [2, 3]]),
        'select * from "users" where "id" between ? and ?',
        [1, 2],
    ),
    (
        lambda: q().where_not_between("id", [1, 2]),
        'select * from "users" where "id" not between ? and ?',
        [1, 2],
    ),
    (
        lambda: q().where_between("id", [Raw(1), Raw(2)]),
        'select * from "users" where "id" between 1 and 2',
        [],
    ),
    (
        lambda: q().where_between("id", range(1, 11)),
        'select * from "users" where "id" between ? and ?',
        [1, 10],
    ),
    (
        lambda: q().where("id", "=", 1).or_where_between("id", [3, 5]),
        'select * from "users" where "id" = ? or "id" between ? and ?',
        [1, 3, 5],
    ),
    (
        lambda: q().where("id", "=", 1).or_where_not_between("id", [[4], [6, 8]]),
        'select * from "users" where "id" = ? or "id" not between ? and ?',
        [1, 4, 6],
    ),
    (
        lambda: q().where_between_columns(
            "id", ["users.created_at", "users.updated_at"]
        ),
        'select * from "users" where "id" between "users"."created_at" and "users"."updated_at"',
        [],
    ),
    (
        lambda: q().where_not_between_columns("id", ["created_at", "updated_at"]),
        'select * from "users" where "id" not between "created_at" and "updated_at"',
        [],
    ),
    (
        lambda: q().where("id", 1).or_where_between_columns("id", [Raw(1), Raw(2)]),
        'select * from "users" where "id" = ? or "id" between 1 and 2',
        [1],
    ),
    # columns
    (
        lambda: (
            q()
            .where_column("first_name", "last_name")
            .or_where_column("first_name", "middle_name")
        ),
        'select * from "users" where "first_name" = "last_name" or "first_name" = "middle_name"',
        [],
    ),
    (
        lambda: q().where_column("updated_at", ">", "created_at"),
        'select * from "users" where "updated_at" > "created_at"',
        [],
    ),
    (
        lambda: q().where_column(
            [["first_name", "last_name"], ["updated_at", ">", "created_at"]]
        ),
        'select * from "users" where ("first_name" = "last_name" and "updated_at" > "created_at")',
        [],
    ),
    # nested and sub-queries
    (
        lambda: (
            q()
            .where("email", "=", "foo")
            .or_where(lambda w: w.where("name", "=", "bar").where("age", "=", 25))
        ),
        'select * from "users" where "email" = ? or ("name" = ? and "age" = ?)',
        ["foo", "bar", 25],
    ),
    (
        lambda: (
            q()
            .where("email", "=", "foo")
            .where(lambda w: w.select_raw("?", ["ignore"]).where("name", "=", "bar"))
        ),
        'select * from "users" where "email" = ? and ("name" = ?)',
        ["foo", "bar"],
    ),
    (lambda: q().where(lambda w: None), 'select * from "users"', []),
    (
        lambda: (
            q()
            .where("email", "=", "foo")
            .or_where(
                "id",
                "=",
                lambda s: (
                    s.select(Raw("max(id)")).from_("users").where("email", "=", "bar")
                ),
            )
        ),
        'select * from "users" where "email" = ? or "id" = (select max(id) from "users" where "email" = ?)',
        ["foo", "bar"],
    ),
    (
        lambda: q().where(lambda s: s.select("role").from_("roles").limit(1), "admin"),
        'select * from "users" where (select "role" from "roles" limit 1) = ?',
        ["admin"],
    ),
    (
        lambda: q().where_exists(
            lambda s: (
                s.select("*")
                .from_("products")
                .where("products.id", "=", Raw('"orders"."id"'))
            )
        ),
        'select * from "users" where exists (select * from "products" where "products"."id" = "orders"."id")',
        [],
    ),
    (
        lambda: q().where_not_exists(lambda s: s.from_("products").where("a", 1)),
        'select * from "users" where not exists (select * from "products" where "a" = ?)',
        [1],
    ),
    (
        lambda: q().where("id", "=", 1).or_where_exists(lambda s: s.from_("products")),
        'select * from "users" where "id" = ? or exists (select * from "products")',
        [1],
    ),
    (
        lambda: (
            q()
            .where("id", "=", 1)
            .or_where_not_exists(Builder(grammar=SQLiteGrammar()).from_("products"))
        ),
        'select * from "users" where "id" = ? or not exists (select * from "products")',
        [1],
    ),
    (
        lambda: q().where_row_values(["last_update", "order_number"], "<", [1, 2]),
        'select * from "users" where ("last_update", "order_number") < (?, ?)',
        [1, 2],
    ),
    (
        lambda: (
            q()
            .where("company_id", 1)
            .or_where_row_values(["last_update", "order_number"], "<", [1, Raw("2")])
        ),
        'select * from "users" where "company_id" = ? or ("last_update", "order_number") < (?, 2)',
        [1, 1],
    ),
    # any / all / none
    (
        lambda: q().where_all(["last_name", "email"], "like", "%Otwell%"),
        'select * from "users" where ("last_name" like ? and "email" like ?)',
        ["%Otwell%", "%Otwell%"],
    ),
    (
        lambda: q().where_all(["last_name", "email"], "Otwell"),
        'select * from "users" where ("last_name" = ? and "email" = ?)',
        ["Otwell", "Otwell"],
    ),
    (
        lambda: (
            q()
            .where("first_name", "like", "%Taylor%")
            .or_where_all(["last_name", "email"], "%Otwell%")
        ),
        'select * from "users" where "first_name" like ? or ("last_name" = ? and "email" = ?)',
        ["%Taylor%", "%Otwell%", "%Otwell%"],
    ),
    (
        lambda: q().where_any(["last_name", "email"], "like", "%Otwell%"),
        'select * from "users" where ("last_name" like ? or "email" like ?)',
        ["%Otwell%", "%Otwell%"],
    ),
    (
        lambda: (
            q()
            .where("first_name", "like", "%Taylor%")
            .or_where_any(
                [
                    lambda w: w.where("last_name", "like", "%Otwell%"),
                    lambda w: w.where("email", "like", "%Otwell%"),
                ]
            )
        ),
        'select * from "users" where "first_name" like ? or (("last_name" like ?) or ("email" like ?))',
        ["%Taylor%", "%Otwell%", "%Otwell%"],
    ),
    (
        lambda: q().where_none(["last_name", "email"], "like", "%Otwell%"),
        'select * from "users" where not ("last_name" like ? or "email" like ?)',
        ["%Otwell%", "%Otwell%"],
    ),
    (
        lambda: (
            q()
            .where("first_name", "like", "%Taylor%")
            .where_none(["last_name", "email"], "Otwell")
        ),
        'select * from "users" where "first_name" like ? and not ("last_name" = ? or "email" = ?)',
        ["%Taylor%", "Otwell", "Otwell"],
    ),
    (
        lambda: (
            q()
            .where("first_name", "Taylor")
            .or_where_none(["last_name", "email"], "Otwell")
        ),
        'select * from "users" where "first_name" = ? or not ("last_name" = ? or "email" = ?)',
        ["Taylor", "Otwell", "Otwell"],
    ),
    # dates, mysql spelling (the ANSI functions)
    (
        lambda: q("mysql").where_date("created_at", "=", "2015-12-21"),
        "select * from `users` where date(`created_at`) = ?",
        ["2015-12-21"],
    ),
    (
        lambda: q("mysql").where_date("created_at", Raw("NOW()")),
        "select * from `users` where date(`created_at`) = NOW()",
        [],
    ),
    (
        lambda: q("mysql").where_date("created_at", 1),
        "select * from `users` where date(`created_at`) = ?",
        [1],
    ),
    (
        lambda: q("mysql").where_day("created_at", "=", 1),
        "select * from `users` where day(`created_at`) = ?",
        ["01"],
    ),
    (
        lambda: q("mysql").where_month("created_at", "=", 5),
        "select * from `users` where month(`created_at`) = ?",
        ["05"],
    ),
    (
        lambda: q("mysql").where_year("created_at", "=", 2014),
        "select * from `users` where year(`created_at`) = ?",
        [2014],
    ),
    (
        lambda: q("mysql").where_time("created_at", ">=", "22:00"),
        "select * from `users` where time(`created_at`) >= ?",
        ["22:00"],
    ),
    (
        lambda: q("mysql").where_time("created_at", "22:00"),
        "select * from `users` where time(`created_at`) = ?",
        ["22:00"],
    ),
    (
        lambda: q("mysql").where("id", 1).or_where_year("created_at", 2015),
        "select * from `users` where `id` = ? or year(`created_at`) = ?",
        [1, 2015],
    ),
    (
        lambda: (
            q("mysql").where_day("created_at", 1).or_where_day("created_at", "=", 2)
        ),
        "select * from `users` where day(`created_at`) = ? or day(`created_at`) = ?",
        ["01", "02"],
    ),
    (
        lambda: q("mysql").where_date("created_at", dt.datetime(2024, 1, 31, 10, 5)),
        "select * from `users` where date(`created_at`) = ?",
        ["2024-01-31"],
    ),
    (
        lambda: q("mysql").where_time(
            "created_at", ">", dt.datetime(2024, 1, 31, 10, 5)
        ),
        "select * from `users` where time(`created_at`) > ?",
        ["10:05:00"],
    ),
    (
        lambda: (
            q("mysql")
            .where_month("created_at", dt.date(2024, 3, 9))
            .or_where_month("updated_at", "4")
        ),
        "select * from `users` where month(`created_at`) = ? or month(`updated_at`) = ?",
        ["03", "04"],
    ),
]


@pytest.mark.parametrize(("build", "sql", "bindings"), CASES)
def test_where_compiles_laravels_sql(
    build: t.Callable[[], Builder], sql: str, bindings: list[t.Any]
) -> None:
    query = build()
    assert query.to_sql() == sql
    assert query.get_bindings() == bindings


def test_date_expression_values_are_not_bound() -> None:
    assert q().where_date("created_at", Raw("NOW()")).where(
        "admin", True
    ).get_bindings() == [True]
    assert q().where_day("created_at", Raw("NOW()")).get_bindings() == []
    assert q().where_month("created_at", Raw("NOW()")).get_bindings() == []
    assert q().where_year("created_at", Raw("NOW()")).get_bindings() == []


def test_illegal_operator_and_null_value_raises() -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match="Illegal operator and value combination"
    ):
        q().where("id", ">", None)


def test_nested_arrays_in_where_in_raise() -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match="Nested arrays may not be passed to whereIn"
    ):
        q().where_in("id", [[1, 2]])


def test_row_values_arity_mismatch_raises() -> None:
    with pytest.raises(
        InvalidQueryArgumentError,
        match="The number of columns must match the number of values",
    ):
        q().where_row_values(["last_update"], "<", [1, 2])


def test_dynamic_wheres() -> None:
    query = q().whereFooBarAndBazOrQux("corge", "waldo", "fred")
    assert (
        query.to_sql()
        == 'select * from "users" where "foo_bar" = ? and "baz" = ? or "qux" = ?'
    )
    assert query.get_bindings() == ["corge", "waldo", "fred"]
    query = q().whereIosVersionAndAndroidVersionOrOrientation("6.1", "4.2", "Vertical")
    assert query.to_sql() == (
        'select * from "users" where "ios_version" = ? and "android_version" = ? or "orientation" = ?'
    )
    query = q().where_role_and_email("admin", "a@b.c")
    assert query.to_sql() == 'select * from "users" where "role" = ? and "email" = ?'
    with pytest.raises(InvalidQueryArgumentError, match="needs a value"):
        q().whereFooAndBar("only one")


def test_undefined_methods_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="noValidMethodHere"):
        q().noValidMethodHere()  # type: ignore[operator]


def test_where_in_accepts_a_collection() -> None:
    from protevus.support.collection import Collection

    query = q().where_in("id", Collection([1, 2]))
    assert query.to_sql() == 'select * from "users" where "id" in (?, ?)'
    assert query.get_bindings() == [1, 2]
