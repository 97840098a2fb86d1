"""Compile the write statements of every dialect and compare with Laravel's exact SQL.

The statements are compiled through the public builder API on a connection that
only pretends (``Connection.pretend``): nothing is sent to a database, and each test
reads the SQL and bindings the builder handed to the connection.
"""

from __future__ import annotations

import enum
import typing as t

import pytest

from protevus.database.connection import Connection
from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.builder import Builder
from protevus.database.query.expression import Expression
from protevus.database.query.grammars.grammar import Grammar
from protevus.database.query.grammars.sqlite_grammar import SQLiteGrammar
from protevus.support.collection import Collection

Run = t.Callable[[Builder], t.Any]


def _connection(driver: str) -> Connection:
    return Connection(
        {"driver": driver, "database": "app", "host": "127.0.0.1"}, name=driver
    )


def pretend(
    driver: str, run: Run, table: str = "users"
) -> list[tuple[str, list[t.Any]]]:
    """Return the (sql, bindings) the builder sends while the connection pretends."""
    conn = _connection(driver)
    log = conn.pretend(lambda c: run(c.table(table)))
    return [(entry["query"], list(entry["bindings"])) for entry in log]


def one(driver: str, run: Run, table: str = "users") -> tuple[str, list[t.Any]]:
    queries = pretend(driver, run, table)
    assert len(queries) == 1, queries
    return queries[0]


# --- insert ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("driver", "sql"),
    [
        ("sqlite", 'insert into "users" ("email") values (?)'),
        ("pgsql", 'insert into "users" ("email") values (?)'),
        ("mysql", "insert into `users` (`email`) values (?)"),
    ],
)
def test_insert_one_row(driver: str, sql: str) -> None:
    assert one(driver, lambda q: q.insert({"email": "foo"})) == (sql, ["foo"])


def test_insert_several_rows_sorts_each_rows_columns() -> None:
    rows = [{"email": "foo", "name": "bar"}, {"name": "bar2", "email": "foo2"}]
    assert one("sqlite", lambda q: q.insert(rows)) == (
        'insert into "users" ("email", "name") values (?, ?), (?, ?)',
        ["foo", "bar", "foo2", "bar2"],
    )


def test_insert_keeps_a_single_rows_column_order() -> None:
    assert one("pgsql", lambda q: q.insert({"name": "a", "email": "b"})) == (
        'insert into "users" ("name", "email") values (?, ?)',
        ["a", "b"],
    )


def test_insert_nothing_runs_nothing() -> None:
    assert pretend("sqlite", lambda q: q.insert([])) == []
    assert pretend("sqlite", lambda q: q.insert({})) == []


def test_insert_writes_expressions_into_the_sql() -> None:
    assert one(
        "sqlite", lambda q: q.insert({"email": Expression("CURRENT TIMESTAMP")})
    ) == (
        'insert into "users" ("email") values (CURRENT TIMESTAMP)',
        [],
    )
    rows = [
        {"email": Expression("UPPER('Foo')")},
        {"email": Expression("LOWER('Foo')")},
    ]
    assert one("sqlite", lambda q: q.insert(rows)) == (
        "insert into \"users\" (\"email\") values (UPPER('Foo')), (LOWER('Foo'))",
        [],
    )


def test_insert_rejects_rows_that_are_not_dicts() -> None:
    with pytest.raises(InvalidQueryArgumentError, match=r"must be a dict"):
        pretend("sqlite", lambda q: q.insert([["a", "b"]]))


@pytest.mark.parametrize(
    ("driver", "sql"),
    [
        ("sqlite", 'insert or ignore into "users" ("email") values (?)'),
        ("pgsql", 'insert into "users" ("email") values (?) on conflict do nothing'),
        ("mysql", "insert ignore into `users` (`email`) values (?)"),
        ("mariadb", "insert ignore into `users` (`email`) values (?)"),
    ],
)
def test_insert_or_ignore(driver: str, sql: str) -> None:
    assert one(driver, lambda q: q.insert_or_ignore({"email": "foo"})) == (sql, ["foo"])


def test_insert_or_ignore_on_the_base_grammar_is_refused() -> None:
    builder = Builder(grammar=Grammar()).from_("users")
    with pytest.raises(InvalidQueryArgumentError, match="does not support inserting"):
        builder.grammar.compile_insert_or_ignore(builder, [{"email": "foo"}])


@pytest.mark.parametrize(
    ("driver", "sql"),
    [
        ("sqlite", 'insert into "users" ("email") values (?)'),
        ("pgsql", 'insert into "users" ("email") values (?) returning "id"'),
        ("mysql", "insert into `users` (`email`) values (?)"),
    ],
)
def test_insert_get_id(driver: str, sql: str) -> None:
    assert one(driver, lambda q: q.insert_get_id({"email": "foo"})) == (sql, ["foo"])


def test_insert_get_id_with_a_sequence_and_expressions() -> None:
    def run(q: Builder) -> t.Any:
        return q.insert_get_id({"email": "foo", "bar": Expression("bar")}, "uid")

    assert one("pgsql", run) == (
        'insert into "users" ("email", "bar") values (?, bar) returning "uid"',
        ["foo"],
    )


@pytest.mark.parametrize(
    ("driver", "sql"),
    [
        ("sqlite", 'insert into "users" default values'),
        ("pgsql", 'insert into "users" default values returning "id"'),
        ("mysql", "insert into `users` () values ()"),
    ],
)
def test_insert_get_id_with_no_values(driver: str, sql: str) -> None:
    assert one(driver, lambda q: q.insert_get_id({})) == (sql, [])


def test_insert_using_a_closure_subquery() -> None:
    def run(q: Builder) -> t.Any:
        return q.insert_using(
            ["foo"],
            lambda sub: sub.select(["bar"]).from_("table2").where("foreign_id", "=", 5),
        )

    assert one("sqlite", run, "table1") == (
        'insert into "table1" ("foo") select "bar" from "table2" where "foreign_id" = ?',
        [5],
    )


@pytest.mark.parametrize(
    ("driver", "sql"),
    [
        ("sqlite", 'insert or ignore into "table1" ("foo") select "bar" from "table2" where "foreign_id" = ?'),
        ("pgsql", 'insert into "table1" ("foo") select "bar" from "table2" where "foreign_id" = ? on conflict do nothing'),
        ("mysql", "insert ignore into `table1` (`foo`) select `bar` from `table2` where `foreign_id` = ?"),
    ],
)  # fmt: skip
def test_insert_or_ignore_using(driver: str, sql: str) -> None:
    def run(q: Builder) -> t.Any:
        sub = q.new_query().select("bar").from_("table2").where("foreign_id", "=", 5)
        return q.insert_or_ignore_using(["foo"], sub)

    assert one(driver, run, "table1") == (sql, [5])


def test_insert_using_all_columns_and_a_sql_string() -> None:
    assert one("sqlite", lambda q: q.insert_using([], "select * from old"), "t") == (
        'insert into "t" select * from old',
        [],
    )


def test_insert_using_refuses_an_invalid_subquery() -> None:
    with pytest.raises(InvalidQueryArgumentError, match="subquery must be"):
        pretend("sqlite", lambda q: q.insert_using(["foo"], ["bar"]), "table1")


# --- upsert ---------------------------------------------------------------------------

ROWS = [{"email": "foo", "name": "bar"}, {"name": "bar2", "email": "foo2"}]


@pytest.mark.parametrize(
    ("driver", "sql"),
    [
        ("mysql", "insert into `users` (`email`, `name`) values (?, ?), (?, ?) on duplicate key update `email` = values(`email`), `name` = values(`name`)"),
        ("pgsql", 'insert into "users" ("email", "name") values (?, ?), (?, ?) on conflict ("email") do update set "email" = "excluded"."email", "name" = "excluded"."name"'),
        ("sqlite", 'insert into "users" ("email", "name") values (?, ?), (?, ?) on conflict ("email") do update set "email" = "excluded"."email", "name" = "excluded"."name"'),
    ],
)  # fmt: skip
def test_upsert(driver: str, sql: str) -> None:
    assert one(driver, lambda q: q.upsert(ROWS, "email")) == (
        sql,
        ["foo", "bar", "foo2", "bar2"],
    )


@pytest.mark.parametrize(
    ("driver", "sql"),
    [
        ("mysql", "insert into `users` (`email`, `name`) values (?, ?), (?, ?) on duplicate key update `name` = values(`name`)"),
        ("pgsql", 'insert into "users" ("email", "name") values (?, ?), (?, ?) on conflict ("email") do update set "name" = "excluded"."name"'),
        ("sqlite", 'insert into "users" ("email", "name") values (?, ?), (?, ?) on conflict ("email") do update set "name" = "excluded"."name"'),
    ],
)  # fmt: skip
def test_upsert_with_update_columns(driver: str, sql: str) -> None:
    def run(q: Builder) -> t.Any:
        return q.upsert(ROWS, "email", ["name"])

    assert one(driver, run) == (sql, ["foo", "bar", "foo2", "bar2"])


def test_upsert_with_values_of_its_own() -> None:
    def run(q: Builder) -> t.Any:
        return q.upsert(
            ROWS, ["email"], {"name": "fixed", "votes": Expression("votes + 1")}
        )

    assert one("pgsql", run) == (
        'insert into "users" ("email", "name") values (?, ?), (?, ?) on conflict ("email") '
        'do update set "name" = ?, "votes" = votes + 1',
        ["foo", "bar", "foo2", "bar2", "fixed"],
    )


def test_upsert_with_the_mysql_upsert_alias() -> None:
    conn = Connection({"driver": "mysql", "database": "app", "use_upsert_alias": True})
    log = conn.pretend(lambda c: c.table("users").upsert(ROWS, "email", ["name"]))
    assert log[0]["query"] == (
        "insert into `users` (`email`, `name`) values (?, ?), (?, ?) as laravel_upsert_alias "
        "on duplicate key update `name` = `laravel_upsert_alias`.`name`"
    )


def test_upsert_with_no_update_columns_is_a_plain_insert() -> None:
    assert one("sqlite", lambda q: q.upsert({"email": "a"}, "email", [])) == (
        'insert into "users" ("email") values (?)',
        ["a"],
    )
    assert pretend("sqlite", lambda q: q.upsert([], "email")) == []


def test_upsert_on_the_base_grammar_is_refused() -> None:
    builder = Builder(grammar=Grammar()).from_("users")
    with pytest.raises(InvalidQueryArgumentError, match="does not support upserts"):
        builder.grammar.compile_upsert(builder, ROWS, ["email"], ["name"])


# --- update ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("driver", "sql"),
    [
        ("sqlite", 'update "users" set "email" = ?, "name" = ? where "id" = ?'),
        ("pgsql", 'update "users" set "email" = ?, "name" = ? where "id" = ?'),
        ("mysql", "update `users` set `email` = ?, `name` = ? where `id` = ?"),
    ],
)
def test_update(driver: str, sql: str) -> None:
    def run(q: Builder) -> t.Any:
        return q.where("id", "=", 1).update({"email": "foo", "name": "bar"})

    assert one(driver, run) == (sql, ["foo", "bar", 1])


def test_update_on_mysql_keeps_order_and_limit() -> None:
    def run(q: Builder) -> t.Any:
        return (
            q.where("id", "=", 1)
            .order_by("foo", "desc")
            .limit(5)
            .update({"email": "foo", "name": "bar"})
        )

    assert one("mysql", run) == (
        "update `users` set `email` = ?, `name` = ? where `id` = ? order by `foo` desc limit 5",
        ["foo", "bar", 1],
    )


def test_update_with_joins_on_mysql() -> None:
    def plain(q: Builder) -> t.Any:
        q.join("orders", "users.id", "=", "orders.user_id").where("users.id", "=", 1)
        return q.update({"email": "foo", "name": "bar"})

    assert one("mysql", plain) == (
        "update `users` inner join `orders` on `users`.`id` = `orders`.`user_id` "
        "set `email` = ?, `name` = ? where `users`.`id` = ?",
        ["foo", "bar", 1],
    )

    def closure(q: Builder) -> t.Any:
        q.join(
            "orders",
            lambda j: j.on("users.id", "=", "orders.user_id").where("users.id", "=", 1),
        )
        return q.update({"email": "foo", "name": "bar"})

    assert one("mysql", closure) == (
        "update `users` inner join `orders` on `users`.`id` = `orders`.`user_id` and "
        "`users`.`id` = ? set `email` = ?, `name` = ?",
        [1, "foo", "bar"],
    )


def test_update_with_joins_and_limit_on_sqlite_uses_rowid() -> None:
    def limited(q: Builder) -> t.Any:
        return (
            q.where("users.id", ">", 1)
            .limit(3)
            .oldest("id")
            .update({"email": "foo", "name": "bar"})
        )

    assert one("sqlite", limited) == (
        'update "users" set "email" = ?, "name" = ? where "rowid" in (select "users"."rowid" '
        'from "users" where "users"."id" > ? order by "id" asc limit 3)',
        ["foo", "bar", 1],
    )

    def joined(q: Builder) -> t.Any:
        q.join(
            "orders",
            lambda j: j.on("users.id", "=", "orders.user_id").where("users.id", "=", 1),
        )
        return q.update({"email": "foo", "name": "bar"})

    assert one("sqlite", joined) == (
        'update "users" set "email" = ?, "name" = ? where "rowid" in (select "users"."rowid" '
        'from "users" inner join "orders" on "users"."id" = "orders"."user_id" and "users"."id" = ?)',
        ["foo", "bar", 1],
    )

    def aliased(q: Builder) -> t.Any:
        return q.join("orders as o", "u.id", "=", "o.user_id").update(
            {"email": "foo", "name": "bar"}
        )

    assert one("sqlite", aliased, "users as u") == (
        'update "users" as "u" set "email" = ?, "name" = ? where "rowid" in (select "u"."rowid" '
        'from "users" as "u" inner join "orders" as "o" on "u"."id" = "o"."user_id")',
        ["foo", "bar"],
    )


def test_update_with_joins_on_postgres_uses_ctid() -> None:
    def joined(q: Builder) -> t.Any:
        q.join(
            "orders",
            lambda j: j.on("users.id", "=", "orders.user_id").where("users.id", "=", 1),
        )
        return q.where("name", "baz").update({"email": "foo", "name": "bar"})

    assert one("pgsql", joined) == (
        'update "users" set "email" = ?, "name" = ? where "ctid" in (select "users"."ctid" from "users" '
        'inner join "orders" on "users"."id" = "orders"."user_id" and "users"."id" = ? where "name" = ?)',
        ["foo", "bar", 1, "baz"],
    )


def test_update_on_postgres_drops_table_names_from_columns() -> None:
    def run(q: Builder) -> t.Any:
        return (
            q.where("id", "=", 1)
            .select_raw("?", ["ignore"])
            .update({"users.users.email": "foo", "name": "bar"})
        )

    assert one("pgsql", run, "users.users") == (
        'update "users"."users" set "email" = ?, "name" = ? where "id" = ?',
        ["foo", "bar", 1],
    )


def test_update_from_on_postgres() -> None:
    def plain(q: Builder) -> t.Any:
        q.join("orders", "users.id", "=", "orders.user_id").where("users.id", "=", 1)
        return q.update_from({"email": "foo", "name": "bar"})

    assert one("pgsql", plain) == (
        'update "users" set "email" = ?, "name" = ? from "orders" where "users"."id" = ? '
        'and "users"."id" = "orders"."user_id"',
        ["foo", "bar", 1],
    )

    def closure(q: Builder) -> t.Any:
        q.join(
            "orders",
            lambda j: j.on("users.id", "=", "orders.user_id").where("users.id", "=", 1),
        )
        return q.where("name", "baz").update_from({"email": "foo", "name": "bar"})

    assert one("pgsql", closure) == (
        'update "users" set "email" = ?, "name" = ? from "orders" where "name" = ? and '
        '"users"."id" = "orders"."user_id" and "users"."id" = ?',
        ["foo", "bar", "baz", 1],
    )

    def only_joins(q: Builder) -> t.Any:
        return q.join("orders", "users.id", "=", "orders.user_id").update_from(
            {"email": "foo"}
        )

    assert one("pgsql", only_joins) == (
        'update "users" set "email" = ? from "orders" where "users"."id" = "orders"."user_id"',
        ["foo"],
    )


def test_update_from_is_refused_outside_postgres() -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match="does not support the updateFrom"
    ):
        pretend("mysql", lambda q: q.update_from({"a": 1}))


def test_update_writes_expressions_and_subqueries_into_the_sql() -> None:
    def run(q: Builder) -> t.Any:
        return q.where("id", "=", 1).update({"email": Expression("foo"), "name": "bar"})

    assert one("sqlite", run) == (
        'update "users" set "email" = foo, "name" = ? where "id" = ?',
        ["bar", 1],
    )

    def sub(q: Builder) -> t.Any:
        credits = (
            q.new_query()
            .select_raw("sum(credits)")
            .from_("transactions")
            .where_column("transactions.user_id", "users.id")
            .where("kind", "credit")
        )
        return q.where("id", 1).update({"credits": credits, "name": "x"})

    assert one("mysql", sub) == (
        "update `users` set `credits` = (select sum(credits) from `transactions` where "
        "`transactions`.`user_id` = `users`.`id` and `kind` = ?), `name` = ? where `id` = ?",
        ["credit", "x", 1],
    )


# --- update or insert -----------------------------------------------------------------


def test_update_or_insert_inserts_when_nothing_matches() -> None:
    # A pretending connection returns no rows, so the row "does not exist".
    assert pretend(
        "sqlite", lambda q: q.update_or_insert({"email": "foo"}, {"name": "bar"})
    ) == [
        (
            'select exists(select * from "users" where ("email" = ?)) as "exists"',
            ["foo"],
        ),
        ('insert into "users" ("email", "name") values (?, ?)', ["foo", "bar"]),
    ]


def test_update_or_insert_values_may_come_from_a_callable() -> None:
    seen: list[bool] = []

    def values(exists: bool) -> dict[str, t.Any]:
        seen.append(exists)
        return {"name": "new"}

    queries = pretend("pgsql", lambda q: q.update_or_insert({"email": "foo"}, values))
    assert seen == [False]
    assert queries[-1] == (
        'insert into "users" ("email", "name") values (?, ?)',
        ["foo", "new"],
    )


# --- delete ---------------------------------------------------------------------------


def test_delete() -> None:
    assert one("sqlite", lambda q: q.where("email", "=", "foo").delete()) == (
        'delete from "users" where "email" = ?',
        ["foo"],
    )
    assert one("pgsql", lambda q: q.delete(1)) == (
        'delete from "users" where "users"."id" = ?',
        [1],
    )
    assert one("pgsql", lambda q: q.select_raw("?", ["ignore"]).delete(1)) == (
        'delete from "users" where "users"."id" = ?',
        [1],
    )


def test_delete_with_order_and_limit() -> None:
    def run(q: Builder) -> t.Any:
        return q.where("email", "=", "foo").order_by("id").take(1).delete()

    assert one("sqlite", run) == (
        'delete from "users" where "rowid" in (select "users"."rowid" from "users" where "email" = ? '
        'order by "id" asc limit 1)',
        ["foo"],
    )
    assert one("mysql", run) == (
        "delete from `users` where `email` = ? order by `id` asc limit 1",
        ["foo"],
    )
    assert one("pgsql", run) == (
        'delete from "users" where "ctid" in (select "users"."ctid" from "users" where "email" = ? '
        'order by "id" asc limit 1)',
        ["foo"],
    )


def test_delete_with_joins() -> None:
    def sqlite(q: Builder) -> t.Any:
        q.join("contacts", "users.id", "=", "contacts.id").where(
            "users.email", "=", "foo"
        )
        return q.order_by("users.id").limit(1).delete()

    assert one("sqlite", sqlite) == (
        'delete from "users" where "rowid" in (select "users"."rowid" from "users" inner join "contacts" '
        'on "users"."id" = "contacts"."id" where "users"."email" = ? order by "users"."id" asc limit 1)',
        ["foo"],
    )
    assert one(
        "sqlite",
        lambda q: q.join("contacts as c", "u.id", "=", "c.id").delete(),
        "users as u",
    ) == (
        'delete from "users" as "u" where "rowid" in (select "u"."rowid" from "users" as "u" '
        'inner join "contacts" as "c" on "u"."id" = "c"."id")',
        [],
    )

    def mysql(q: Builder) -> t.Any:
        q.join("contacts", "users.id", "=", "contacts.id").where("email", "=", "foo")
        return q.order_by("id").limit(1).delete()

    assert one("mysql", mysql) == (
        "delete `users` from `users` inner join `contacts` on `users`.`id` = `contacts`.`id` where `email` = ?",
        ["foo"],
    )

    def mysql_alias(q: Builder) -> t.Any:
        q.join("users AS b", "a.id", "=", "b.user_id").where("email", "=", "foo")
        return q.order_by("id").limit(1).delete()

    assert one("mysql", mysql_alias, "users AS a") == (
        "delete `a` from `users` as `a` inner join `users` as `b` on `a`.`id` = `b`.`user_id` where `email` = ?",
        ["foo"],
    )

    def pgsql(q: Builder) -> t.Any:
        q.join(
            "contacts",
            lambda j: j.on("users.id", "=", "contacts.user_id").where(
                "users.id", "=", 1
            ),
        )
        return q.where("name", "baz").delete()

    assert one("pgsql", pgsql) == (
        'delete from "users" where "ctid" in (select "users"."ctid" from "users" inner join "contacts" '
        'on "users"."id" = "contacts"."user_id" and "users"."id" = ? where "name" = ?)',
        [1, "baz"],
    )


# --- truncate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("driver", "queries"),
    [
        ("pgsql", [('truncate "users" restart identity cascade', [])]),
        ("mysql", [("truncate table `users`", [])]),
        (
            "sqlite",
            [
                ("delete from sqlite_sequence where name = ?", ["users"]),
                ('delete from "users"', []),
            ],
        ),
    ],
)
def test_truncate(driver: str, queries: list[tuple[str, list[t.Any]]]) -> None:
    assert pretend(driver, lambda q: q.truncate()) == queries


def test_truncate_on_the_base_grammar_and_with_a_prefix() -> None:
    builder = Builder(grammar=Grammar()).from_("users")
    assert builder.grammar.compile_truncate(builder) == {'truncate table "users"': []}
    grammar = SQLiteGrammar()
    grammar.set_table_prefix("app_")
    builder = Builder(grammar=grammar).from_("main.users")
    assert grammar.compile_truncate(builder) == {
        'delete from "main".sqlite_sequence where name = ?': ["app_users"],
        'delete from "main"."app_users"': [],
    }


# --- identifiers stay quoted ----------------------------------------------------------


def test_malicious_column_names_stay_single_identifiers() -> None:
    evil = 'name"; drop table users; --'
    assert one("sqlite", lambda q: q.insert({evil: 1}))[0] == (
        'insert into "users" ("name""; drop table users; --") values (?)'
    )
    assert one("pgsql", lambda q: q.update({evil: 1}))[0] == (
        'update "users" set "name""; drop table users; --" = ?'
    )
    assert (
        one("mysql", lambda q: q.increment("a`b"))[0]
        == "update `users` set `a``b` = `a``b` + 1"
    )
    assert one("pgsql", lambda q: q.upsert({evil: 1}, evil))[0] == (
        'insert into "users" ("name""; drop table users; --") values (?) on conflict '
        '("name""; drop table users; --") do update set "name""; drop table users; --" = '
        '"excluded"."name""; drop table users; --"'
    )


def test_the_ansi_grammar_puts_update_joins_before_set() -> None:
    builder = Builder(grammar=Grammar()).from_("users")
    builder.join(
        "orders",
        lambda j: j.on("users.id", "=", "orders.user_id").where("users.id", "=", 1),
    )
    values = {"email": "foo", "name": "bar"}
    assert builder.grammar.compile_update(builder, values) == (
        'update "users" inner join "orders" on "users"."id" = "orders"."user_id" and '
        '"users"."id" = ? set "email" = ?, "name" = ?'
    )
    assert builder.grammar.prepare_bindings_for_update(builder.bindings, values) == [
        1,
        "foo",
        "bar",
    ]
    assert builder.grammar.compile_delete(builder) == (
        'delete "users" from "users" inner join "orders" on "users"."id" = "orders"."user_id" '
        'and "users"."id" = ?'
    )


class Status(enum.Enum):
    ACTIVE = "active"


def test_update_and_insert_bind_enum_values_and_collections() -> None:
    assert one("sqlite", lambda q: q.update({"status": Status.ACTIVE})) == (
        'update "users" set "status" = ?',
        ["active"],
    )
    assert one("sqlite", lambda q: q.insert({"status": Status.ACTIVE})) == (
        'insert into "users" ("status") values (?)',
        ["active"],
    )
    assert one("pgsql", lambda q: q.update({"tags": Collection(["a", "b"])})) == (
        'update "users" set "tags" = ?',
        ['["a","b"]'],
    )
