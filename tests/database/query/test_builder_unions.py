"""Unions and union all, with the orders, limits and offsets that apply to them (compiled)."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.query.builder import Builder
from protevus.database.query.grammars.mysql_grammar import MySqlGrammar
from protevus.database.query.grammars.postgres_grammar import PostgresGrammar
from protevus.database.query.grammars.sqlite_grammar import SQLiteGrammar

GRAMMARS = {"sqlite": SQLiteGrammar, "pgsql": PostgresGrammar, "mysql": MySqlGrammar}


def q(dialect: str = "sqlite") -> Builder:
    return Builder(grammar=GRAMMARS[dialect]())


Case = tuple[t.Callable[[], Builder], str, list[t.Any]]

CASES: list[Case] = [
    (
        lambda: (
            q("pgsql")
            .select("*")
            .from_("users")
            .where("id", "=", 1)
            .union(q("pgsql").select("*").from_("users").where("id", "=", 2))
        ),
        '(select * from "users" where "id" = ?) union (select * from "users" where "id" = ?)',
        [1, 2],
    ),
    (
        lambda: (
            q("mysql")
            .select("*")
            .from_("users")
            .where("id", "=", 1)
            .union(q("mysql").select("*").from_("users").where("id", "=", 2))
        ),
        "(select * from `users` where `id` = ?) union (select * from `users` where `id` = ?)",
        [1, 2],
    ),
    (
        lambda: (
            q("mysql")
            .select("a")
            .from_("t1")
            .where("a", 10)
            .where("b", 1)
            .union(q("mysql").select("a").from_("t2").where("a", 11).where("b", 2))
            .order_by("a")
            .limit(10)
        ),
        "(select `a` from `t1` where `a` = ? and `b` = ?) union (select `a` from `t2` where `a` = ? and `b` = ?) "
        "order by `a` asc limit 10",
        [10, 1, 11, 2],
    ),
    (
        lambda: (
            q()
            .select("name")
            .from_("users")
            .where("id", "=", 1)
            .union(q().select("name").from_("users").where("id", "=", 2))
        ),
        'select * from (select "name" from "users" where "id" = ?) union '
        'select * from (select "name" from "users" where "id" = ?)',
        [1, 2],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("users")
            .where("id", "=", 1)
            .union_all(q("pgsql").from_("users").where("id", "=", 2))
        ),
        '(select * from "users" where "id" = ?) union all (select * from "users" where "id" = ?)',
        [1, 2],
    ),
    (
        lambda: (
            q()
            .from_("users")
            .where("id", "=", 1)
            .union_all(q().from_("users").where("id", "=", 2))
        ),
        'select * from (select * from "users" where "id" = ?) union all select * from (select * from "users" where "id" = ?)',
        [1, 2],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("users")
            .where("id", "=", 1)
            .union(q("pgsql").from_("users").where("id", "=", 2))
            .union(q("pgsql").from_("users").where("id", "=", 3))
        ),
        '(select * from "users" where "id" = ?) union (select * from "users" where "id" = ?) '
        'union (select * from "users" where "id" = ?)',
        [1, 2, 3],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("users")
            .where("id", "=", 1)
            .union_all(q("pgsql").from_("users").where("id", "=", 2))
            .union_all(q("pgsql").from_("users").where("id", "=", 3))
        ),
        '(select * from "users" where "id" = ?) union all (select * from "users" where "id" = ?) '
        'union all (select * from "users" where "id" = ?)',
        [1, 2, 3],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("users")
            .where("id", "=", 1)
            .union(q("pgsql").from_("users").where("id", "=", 2))
            .order_by("id", "desc")
        ),
        '(select * from "users" where "id" = ?) union (select * from "users" where "id" = ?) order by "id" desc',
        [1, 2],
    ),
    (
        lambda: (
            q("pgsql").from_("users").union(q("pgsql").from_("dogs")).skip(5).take(10)
        ),
        '(select * from "users") union (select * from "dogs") limit 10 offset 5',
        [],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("users")
            .limit(11)
            .union(q("pgsql").from_("dogs").limit(22))
            .skip(5)
            .take(10)
        ),
        '(select * from "users" limit 11) union (select * from "dogs" limit 22) limit 10 offset 5',
        [],
    ),
    (
        lambda: (
            q("mysql").from_("users").union(q("mysql").from_("dogs")).skip(5).take(10)
        ),
        "(select * from `users`) union (select * from `dogs`) limit 10 offset 5",
        [],
    ),
    (
        lambda: (
            q().from_("users").union(q().from_("dogs")).order_by("name").for_page(2, 5)
        ),
        'select * from (select * from "users") union select * from (select * from "dogs") order by "name" asc '
        "limit 5 offset 5",
        [],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("users")
            .union(
                q("pgsql")
                .from_("dogs")
                .join(
                    "breeds",
                    lambda j: j.on("dogs.breed_id", "=", "breeds.id").where(
                        "breeds.is_native", "=", 1
                    ),
                )
            )
        ),
        '(select * from "users") union (select * from "dogs" inner join "breeds" on "dogs"."breed_id" = '
        '"breeds"."id" and "breeds"."is_native" = ?)',
        [1],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("posts")
            .where("public", 1)
            .union_all(q("pgsql").from_("videos").where("public", 1))
            .order_by_raw("field(category, ?, ?) asc", ["news", "opinion"])
        ),
        '(select * from "posts" where "public" = ?) union all (select * from "videos" where "public" = ?) '
        "order by field(category, ?, ?) asc",
        [1, 1, "news", "opinion"],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("posts")
            .where("public", 1)
            .union_all(q("pgsql").from_("videos").where("public", 1))
            .order_by(
                q("pgsql").select_raw("field(category, ?, ?)", ["news", "opinion"])
            )
        ),
        '(select * from "posts" where "public" = ?) union all (select * from "videos" where "public" = ?) '
        "order by (select field(category, ?, ?)) asc",
        [1, 1, "news", "opinion"],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("first")
            .union(q("pgsql").from_("second"))
            .order_by("name")
            .reorder()
        ),
        '(select * from "first") union (select * from "second")',
        [],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("users")
            .where("a", 1)
            .union(lambda u: u.from_("admins").where("b", 2))
        ),
        '(select * from "users" where "a" = ?) union (select * from "admins" where "b" = ?)',
        [1, 2],
    ),
]


@pytest.mark.parametrize(("build", "sql", "bindings"), CASES)
def test_unions_compile_laravels_sql(
    build: t.Callable[[], Builder], sql: str, bindings: list[t.Any]
) -> None:
    query = build()
    assert query.to_sql() == sql
    assert query.get_bindings() == bindings


def test_union_bindings_follow_the_sql() -> None:
    second = q().select("*").from_("users").order_by_raw("id = ?", 2)
    third = (
        q()
        .select("*")
        .from_("users")
        .where("id", 3)
        .group_by("id")
        .having("id", "!=", 4)
    )
    query = q().group_by("a").having("a", "=", 1).union(second).union(third)
    assert query.get_bindings() == [1, 2, 3, 4]


def test_sub_query_bindings_follow_the_sql() -> None:
    query = (
        q()
        .select("*")
        .from_("users")
        .where(
            "email",
            "=",
            lambda s: (
                s.select_raw("max(id)")
                .from_("users")
                .where("email", "=", "bar")
                .order_by_raw("email like ?", "%.com")
                .group_by("id")
                .having("id", "=", 4)
            ),
        )
        .or_where("id", "=", "foo")
        .group_by("id")
        .having("id", "=", 5)
    )
    assert query.get_bindings() == ["bar", 4, "%.com", "foo", 5]
