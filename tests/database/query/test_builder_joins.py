"""Joins: inner, left, right, cross, closures, nested joins, sub-query and lateral joins (compiled)."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.builder import Builder
from protevus.database.query.grammars.mariadb_grammar import MariaDbGrammar
from protevus.database.query.grammars.mysql_grammar import MySqlGrammar
from protevus.database.query.grammars.postgres_grammar import PostgresGrammar
from protevus.database.query.grammars.sqlite_grammar import SQLiteGrammar
from protevus.database.query.join_clause import JoinClause

GRAMMARS = {
    "sqlite": SQLiteGrammar,
    "pgsql": PostgresGrammar,
    "mysql": MySqlGrammar,
    "mariadb": MariaDbGrammar,
}


def q(dialect: str = "sqlite") -> Builder:
    return Builder(grammar=GRAMMARS[dialect]())


def users(dialect: str = "sqlite") -> Builder:
    return q(dialect).select("*").from_("users")


Case = tuple[t.Callable[[], Builder], str, list[t.Any]]

CASES: list[Case] = [
    (
        lambda: users().join("contacts", "users.id", "contacts.id"),
        'select * from "users" inner join "contacts" on "users"."id" = "contacts"."id"',
        [],
    ),
    (
        lambda: users("mysql").join("contacts", "users.id", "=", "contacts.id"),
        "select * from `users` inner join `contacts` on `users`.`id` = `contacts`.`id`",
        [],
    ),
    (
        lambda: (
            users()
            .join("contacts", "users.id", "=", "contacts.id")
            .left_join("photos", "users.id", "=", "photos.id")
        ),
        'select * from "users" inner join "contacts" on "users"."id" = "contacts"."id" '
        'left join "photos" on "users"."id" = "photos"."id"',
        [],
    ),
    (
        lambda: users("pgsql").right_join("photos", "users.id", "=", "photos.user_id"),
        'select * from "users" right join "photos" on "users"."id" = "photos"."user_id"',
        [],
    ),
    (
        lambda: (
            users()
            .left_join_where("photos", "users.id", "=", "bar")
            .join_where("photos", "users.id", "=", "foo")
        ),
        'select * from "users" left join "photos" on "users"."id" = ? inner join "photos" on "users"."id" = ?',
        ["bar", "foo"],
    ),
    (
        lambda: users().right_join_where("photos", "users.id", "=", 1),
        'select * from "users" right join "photos" on "users"."id" = ?',
        [1],
    ),
    (
        lambda: q().select("*").from_("sizes").cross_join("colors"),
        'select * from "sizes" cross join "colors"',
        [],
    ),
    (
        lambda: (
            q()
            .select("*")
            .from_("tableB")
            .join("tableA", "tableA.column1", "=", "tableB.column2", "cross")
        ),
        'select * from "tableB" cross join "tableA" on "tableA"."column1" = "tableB"."column2"',
        [],
    ),
    (
        lambda: (
            q()
            .select("*")
            .from_("tableB")
            .cross_join("tableA", "tableA.column1", "=", "tableB.column2")
        ),
        'select * from "tableB" cross join "tableA" on "tableA"."column1" = "tableB"."column2"',
        [],
    ),
    (
        lambda: (
            q()
            .select_raw("(sale / overall.sales) * 100 AS percent_of_total")
            .from_("sales")
            .cross_join_sub(
                q().select_raw("SUM(sale) AS sales").from_("sales"), "overall"
            )
        ),
        'select (sale / overall.sales) * 100 AS percent_of_total from "sales" '
        'cross join (select SUM(sale) AS sales from "sales") as "overall"',
        [],
    ),
    (
        lambda: users().join(
            "contacts",
            lambda j: j.on("users.id", "=", "contacts.id").or_on(
                "users.name", "=", "contacts.name"
            ),
        ),
        'select * from "users" inner join "contacts" on "users"."id" = "contacts"."id" or "users"."name" = "contacts"."name"',
        [],
    ),
    (
        lambda: users().join(
            "contacts",
            lambda j: j.where("users.id", "=", "foo").or_where(
                "users.name", "=", "bar"
            ),
        ),
        'select * from "users" inner join "contacts" on "users"."id" = ? or "users"."name" = ?',
        ["foo", "bar"],
    ),
    (
        lambda: users().join(
            "contacts",
            lambda j: j.on("users.id", "=", "contacts.id").where_null(
                "contacts.deleted_at"
            ),
        ),
        'select * from "users" inner join "contacts" on "users"."id" = "contacts"."id" and "contacts"."deleted_at" is null',
        [],
    ),
    (
        lambda: users().join(
            "contacts",
            lambda j: j.on("users.id", "=", "contacts.id").or_where_not_null(
                "contacts.deleted_at"
            ),
        ),
        'select * from "users" inner join "contacts" on "users"."id" = "contacts"."id" or "contacts"."deleted_at" is not null',
        [],
    ),
    (
        lambda: users().join(
            "contacts",
            lambda j: j.on("users.id", "=", "contacts.id").where_in(
                "contacts.name", [48, "baz", None]
            ),
        ),
        'select * from "users" inner join "contacts" on "users"."id" = "contacts"."id" and "contacts"."name" in (?, ?, ?)',
        [48, "baz", None],
    ),
    (
        lambda: users().join(
            "contacts",
            lambda j: j.on("users.id", "=", "contacts.id").or_where_not_in(
                "contacts.name", [48, "baz", None]
            ),
        ),
        'select * from "users" inner join "contacts" on "users"."id" = "contacts"."id" or "contacts"."name" not in (?, ?, ?)',
        [48, "baz", None],
    ),
    (
        lambda: users().join(
            "contacts",
            lambda j: j.on("users.id", "=", "contacts.id").where_in(
                "contacts.name",
                q().select("name").from_("contacts").where("name", "baz"),
            ),
        ),
        'select * from "users" inner join "contacts" on "users"."id" = "contacts"."id" and "contacts"."name" in '
        '(select "name" from "contacts" where "name" = ?)',
        ["baz"],
    ),
    (
        lambda: users().left_join(
            "contacts",
            lambda j: j.on("users.id", "=", "contacts.id").where(
                lambda n: n.where("contacts.country", "=", "US").or_where(
                    "contacts.is_partner", "=", 1
                )
            ),
        ),
        'select * from "users" left join "contacts" on "users"."id" = "contacts"."id" and '
        '("contacts"."country" = ? or "contacts"."is_partner" = ?)',
        ["US", 1],
    ),
    (
        lambda: users().left_join(
            "contacts",
            lambda j: (
                j.on("users.id", "=", "contacts.id")
                .where("contacts.is_active", "=", 1)
                .or_on(
                    lambda o: o.or_where(
                        lambda w: w.where("contacts.country", "=", "UK").or_on(
                            "contacts.type", "=", "users.type"
                        )
                    ).where(
                        lambda w: w.where("contacts.country", "=", "US").or_where_null(
                            "contacts.is_partner"
                        )
                    )
                )
            ),
        ),
        'select * from "users" left join "contacts" on "users"."id" = "contacts"."id" and "contacts"."is_active" = ? '
        'or (("contacts"."country" = ? or "contacts"."type" = "users"."type") and '
        '("contacts"."country" = ? or "contacts"."is_partner" is null))',
        [1, "UK", "US"],
    ),
    (
        lambda: users().left_join(
            "contacts",
            lambda j: j.on("users.id", "contacts.id").where(
                lambda w: (
                    w.whereRole("admin")
                    .or_where_null("contacts.disabled")
                    .or_where_raw("year(contacts.created_at) = 2016")
                )
            ),
        ),
        'select * from "users" left join "contacts" on "users"."id" = "contacts"."id" and '
        '("role" = ? or "contacts"."disabled" is null or year(contacts.created_at) = 2016)',
        ["admin"],
    ),
    (
        lambda: users().left_join(
            "contacts",
            lambda j: j.on("users.id", "contacts.id").where_in(
                "contact_type_id",
                lambda s: (
                    s.select("id")
                    .from_("contact_types")
                    .where("category_id", "1")
                    .where_null("deleted_at")
                ),
            ),
        ),
        'select * from "users" left join "contacts" on "users"."id" = "contacts"."id" and "contact_type_id" in '
        '(select "id" from "contact_types" where "category_id" = ? and "deleted_at" is null)',
        ["1"],
    ),
    (
        lambda: users().left_join(
            "contacts",
            lambda j: j.on("users.id", "contacts.id").where_exists(
                lambda s: (
                    s.select_raw("1")
                    .from_("contact_types")
                    .where_raw("contact_types.id = contacts.contact_type_id")
                    .where("category_id", "1")
                    .where_null("deleted_at")
                    .where_in(
                        "level_id",
                        lambda s2: (
                            s2.select("id").from_("levels").where("is_active", True)
                        ),
                    )
                )
            ),
        ),
        'select * from "users" left join "contacts" on "users"."id" = "contacts"."id" and exists (select 1 from '
        '"contact_types" where contact_types.id = contacts.contact_type_id and "category_id" = ? and "deleted_at" is '
        'null and "level_id" in (select "id" from "levels" where "is_active" = ?))',
        ["1", True],
    ),
    (
        lambda: (
            q()
            .select("users.id", "contacts.id", "contact_types.id")
            .from_("users")
            .left_join(
                "contacts",
                lambda j: j.on("users.id", "contacts.id").join(
                    "contact_types", "contacts.contact_type_id", "=", "contact_types.id"
                ),
            )
        ),
        'select "users"."id", "contacts"."id", "contact_types"."id" from "users" left join ("contacts" inner join '
        '"contact_types" on "contacts"."contact_type_id" = "contact_types"."id") on "users"."id" = "contacts"."id"',
        [],
    ),
    (
        lambda: (
            q()
            .select(
                "users.id",
                "contacts.id",
                "contact_types.id",
                "countrys.id",
                "planets.id",
            )
            .from_("users")
            .left_join(
                "contacts",
                lambda j: (
                    j.on("users.id", "contacts.id")
                    .join(
                        "contact_types",
                        "contacts.contact_type_id",
                        "=",
                        "contact_types.id",
                    )
                    .left_join(
                        "countrys",
                        lambda c: c.on(
                            "contacts.country", "=", "countrys.country"
                        ).join(
                            "planets",
                            lambda p: (
                                p.on("countrys.planet_id", "=", "planet.id")
                                .where("planet.is_settled", "=", 1)
                                .where("planet.population", ">=", 10000)
                            ),
                        ),
                    )
                ),
            )
        ),
        'select "users"."id", "contacts"."id", "contact_types"."id", "countrys"."id", "planets"."id" from "users" '
        'left join ("contacts" inner join "contact_types" on "contacts"."contact_type_id" = "contact_types"."id" '
        'left join ("countrys" inner join "planets" on "countrys"."planet_id" = "planet"."id" and '
        '"planet"."is_settled" = ? and "planet"."population" >= ?) on "contacts"."country" = "countrys"."country") '
        'on "users"."id" = "contacts"."id"',
        [1, 10000],
    ),
    (
        lambda: (
            q()
            .from_("users")
            .join_sub('select * from "contacts"', "sub", "users.id", "=", "sub.id")
        ),
        'select * from "users" inner join (select * from "contacts") as "sub" on "users"."id" = "sub"."id"',
        [],
    ),
    (
        lambda: (
            q()
            .from_("users")
            .join_sub(lambda s: s.from_("contacts"), "sub", "users.id", "=", "sub.id")
        ),
        'select * from "users" inner join (select * from "contacts") as "sub" on "users"."id" = "sub"."id"',
        [],
    ),
    (
        lambda: (
            q()
            .from_("users")
            .join_sub(
                q().from_("contacts").where("name", "foo"),
                "sub1",
                "users.id",
                "=",
                1,
                "inner",
                True,
            )
            .join_sub(
                q().from_("contacts").where("name", "bar"),
                "sub2",
                "users.id",
                "=",
                "sub2.user_id",
            )
        ),
        'select * from "users" inner join (select * from "contacts" where "name" = ?) as "sub1" on "users"."id" = ? '
        'inner join (select * from "contacts" where "name" = ?) as "sub2" on "users"."id" = "sub2"."user_id"',
        ["foo", 1, "bar"],
    ),
    (
        lambda: (
            q()
            .from_("users")
            .left_join_sub(q().from_("contacts"), "sub", "users.id", "=", "sub.id")
        ),
        'select * from "users" left join (select * from "contacts") as "sub" on "users"."id" = "sub"."id"',
        [],
    ),
    (
        lambda: (
            q("mysql")
            .from_("users")
            .right_join_sub(
                q("mysql").from_("contacts"), "sub", "users.id", "=", "sub.id"
            )
        ),
        "select * from `users` right join (select * from `contacts`) as `sub` on `users`.`id` = `sub`.`id`",
        [],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("users")
            .join_lateral(
                lambda s: (
                    s.from_("contacts")
                    .where_column("contracts.user_id", "users.id")
                    .order_by("id")
                    .limit(3)
                ),
                "sub",
            )
        ),
        'select * from "users" inner join lateral (select * from "contacts" where "contracts"."user_id" = '
        '"users"."id" order by "id" asc limit 3) as "sub" on true',
        [],
    ),
    (
        lambda: (
            q("mysql")
            .from_("users")
            .left_join_lateral(q("mysql").from_("contacts").where("a", 1), "sub")
        ),
        "select * from `users` left join lateral (select * from `contacts` where `a` = ?) as `sub` on true",
        [1],
    ),
    (
        lambda: (
            q("pgsql")
            .from_("users as u")
            .join("contacts as c", "u.id", "=", "c.user_id")
            .where("c.active", True)
        ),
        'select * from "users" as "u" inner join "contacts" as "c" on "u"."id" = "c"."user_id" where "c"."active" = ?',
        [True],
    ),
]


@pytest.mark.parametrize(("build", "sql", "bindings"), CASES)
def test_joins_compile_laravels_sql(
    build: t.Callable[[], Builder], sql: str, bindings: list[t.Any]
) -> None:
    query = build()
    assert query.to_sql() == sql
    assert query.get_bindings() == bindings


def test_join_bindings_stay_stable_across_compiles() -> None:
    query = users().join(
        "contacts",
        lambda j: j.where("users.id", "=", "foo").or_where("users.name", "=", "bar"),
    )
    assert query.to_sql() == query.to_sql()
    assert query.get_bindings() == ["foo", "bar"]
    assert query.get_raw_bindings()["join"] == ["foo", "bar"]


def test_table_prefix_in_join_sub() -> None:
    query = q()
    query.grammar.set_table_prefix("prefix_")
    query.from_("users").join_sub(
        'select * from "contacts"', "sub", "users.id", "=", "sub.id"
    )
    assert query.to_sql() == (
        'select * from "prefix_users" inner join (select * from "contacts") as "prefix_sub" '
        'on "prefix_users"."id" = "prefix_sub"."id"'
    )


def test_join_closure_receives_a_join_clause() -> None:
    seen: list[t.Any] = []
    q().from_("users").join("contacts", lambda j: seen.append(j) or j.on("a", "b"))
    assert isinstance(seen[0], JoinClause)
    assert seen[0].type == "inner"
    assert seen[0].table == "contacts"


@pytest.mark.parametrize(
    "build",
    [
        lambda: q().from_("users").join_sub(["foo"], "sub", "users.id", "=", "sub.id"),
        lambda: q().from_("users").left_join_sub(["foo"], "sub", "a", "=", "b"),
    ],
)
def test_join_sub_rejects_non_queries(build: t.Callable[[], Builder]) -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match="A subquery must be a query builder instance"
    ):
        build()


@pytest.mark.parametrize("dialect", ["sqlite", "mariadb"])
def test_lateral_joins_are_refused_where_unsupported(dialect: str) -> None:
    query = q(dialect).from_("users").join_lateral(lambda s: s.from_("contacts"), "sub")
    with pytest.raises(
        InvalidQueryArgumentError, match="does not support lateral joins"
    ):
        query.to_sql()
