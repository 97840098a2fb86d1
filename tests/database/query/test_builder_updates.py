"""Update rows (joins, JSON paths, increments, subqueries) on every database."""

from __future__ import annotations

import datetime as dt
import json
import typing as t

import pytest

from protevus.database.connection import Connection
from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.builder import Builder
from protevus.database.query.expression import Expression

DDL = {
    "sqlite": [
        "create table users (id integer primary key autoincrement, email varchar(100) unique, "
        "name varchar(100), votes integer not null default 0, balance numeric(10, 2) not null default 0, "
        "meta text)",
        "create table orders (id integer primary key autoincrement, user_id integer, amount integer)",
    ],
    "pgsql": [
        "create table users (id bigserial primary key, email varchar(100) unique, name varchar(100), "
        "votes integer not null default 0, balance numeric(10, 2) not null default 0, meta jsonb)",
        "create table orders (id bigserial primary key, user_id bigint, amount integer)",
    ],
    "mysql": [
        "create table users (id bigint unsigned auto_increment primary key, email varchar(100) unique, "
        "name varchar(100), votes integer not null default 0, balance decimal(10, 2) not null default 0, "
        "meta json)",
        "create table orders (id bigint unsigned auto_increment primary key, user_id bigint, amount integer)",
    ],
}


@pytest.fixture
def users(connection: Connection) -> Connection:
    for ddl in DDL[connection.get_driver_name()]:
        connection.statement(ddl)
    connection.table("users").insert(
        [
            {
                "email": "a@x.io",
                "name": "A",
                "votes": 1,
                "meta": '{"lang": "en", "tags": ["x"]}',
            },
            {"email": "b@x.io", "name": "B", "votes": 2, "meta": '{"lang": "fr"}'},
            {"email": "c@x.io", "name": "C", "votes": 3, "meta": None},
        ]
    )
    connection.table("orders").insert(
        [{"user_id": 1, "amount": 10}, {"user_id": 3, "amount": 5}]
    )
    return connection


def names(conn: Connection) -> dict[str, t.Any]:
    return dict(conn.table("users").order_by("id").pluck("name", "email").all())


def meta(conn: Connection, email: str) -> t.Any:
    value = conn.table("users").where("email", email).value("meta")
    return json.loads(value) if isinstance(value, str) else value


def test_update_returns_the_affected_rows(users: Connection) -> None:
    assert users.table("users").where("votes", ">", 1).update({"name": "many"}) == 2
    assert names(users) == {"a@x.io": "A", "b@x.io": "many", "c@x.io": "many"}
    assert users.table("users").where("id", 99).update({"name": "none"}) == 0


def test_update_with_expressions_and_subqueries(users: Connection) -> None:
    users.table("users").where("id", 1).update({"votes": Expression("votes * 100")})
    assert users.table("users").find(1).votes == 100
    spent = (
        users.table("orders")
        .select_raw("coalesce(sum(amount), 0)")
        .where_column("orders.user_id", "users.id")
    )
    assert users.table("users").update({"votes": spent}) == 3
    assert users.table("users").order_by("id").pluck("votes").all() == [10, 0, 5]


def test_update_with_a_join(users: Connection) -> None:
    query = (
        users.table("users")
        .join("orders", "users.id", "=", "orders.user_id")
        .where("orders.amount", ">", 6)
    )
    assert query.update({"name": "big spender"}) == 1
    assert names(users)["a@x.io"] == "big spender"
    assert names(users)["c@x.io"] == "C"


def test_update_with_an_aliased_join(users: Connection) -> None:
    query = (
        users.table("users as u")
        .join("orders as o", "u.id", "=", "o.user_id")
        .where("o.amount", "<", 6)
    )
    assert query.update({"name": "small"}) == 1
    assert names(users)["c@x.io"] == "small"


def test_update_with_order_and_limit(users: Connection) -> None:
    assert (
        users.table("users").order_by("votes", "desc").limit(2).update({"name": "top"})
        == 2
    )
    assert names(users) == {"a@x.io": "A", "b@x.io": "top", "c@x.io": "top"}


def test_update_from_joins_on_postgres(users: Connection) -> None:
    if users.get_driver_name() != "pgsql":
        with pytest.raises(InvalidQueryArgumentError, match="updateFrom"):
            users.table("users").update_from({"name": "x"})
        return
    query = (
        users.table("users")
        .join("orders", "users.id", "=", "orders.user_id")
        .where("orders.amount", ">", 6)
    )
    assert query.update_from({"votes": Expression('"orders"."amount"')}) == 1
    assert users.table("users").find(1).votes == 10


def test_update_json_paths(users: Connection) -> None:
    users.table("users").where("id", 1).update({"meta->lang": "de"})
    assert meta(users, "a@x.io") == {"lang": "de", "tags": ["x"]}
    users.table("users").where("id", 2).update(
        {"meta->address->city": "Paris", "name": "B2"}
    )
    assert meta(users, "b@x.io")["lang"] == "fr"
    assert users.table("users").find(2).name == "B2"
    users.table("users").where("id", 2).update({"meta->count": 3})
    assert meta(users, "b@x.io")["count"] == 3


def test_update_json_paths_with_booleans_and_null(users: Connection) -> None:
    users.table("users").where("id", 1).update(
        {"meta->active": True, "meta->lang": None}
    )
    found = meta(users, "a@x.io")
    assert found["active"] is True


def test_update_json_path_with_a_list(
    users: Connection, db_config: dict[str, t.Any]
) -> None:
    conn = users
    if users.get_driver_name() == "mysql":
        # The test server is MariaDB: its grammar casts with json_query(?, '$').
        conn = Connection({**db_config, "driver": "mariadb"}, name="mariadb")
    conn.table("users").where("id", 1).update({"meta->tags": ["a", "b"]})
    assert meta(users, "a@x.io")["tags"] == ["a", "b"]
    conn.table("users").where("id", 1).update({"meta": {"replaced": 1}})
    assert meta(users, "a@x.io") == {"replaced": 1}
    if conn is not users:
        conn.disconnect()


def test_increment_and_decrement(users: Connection) -> None:
    assert users.table("users").where("id", 1).increment("votes") == 1
    users.table("users").where("id", 1).increment("votes", 5)
    users.table("users").where("id", 2).decrement("votes", 2, {"name": "down"})
    assert users.table("users").order_by("id").pluck("votes").all() == [7, 0, 3]
    assert users.table("users").find(2).name == "down"
    users.table("users").increment("balance", 1.25)
    assert float(users.table("users").find(3).balance) == 1.25


def test_increment_each_and_decrement_each(users: Connection) -> None:
    users.table("users").where("id", 3).increment_each(
        {"votes": 2, "balance": 10}, {"name": "rich"}
    )
    row = users.table("users").find(3)
    assert (row.votes, float(row.balance), row.name) == (5, 10.0, "rich")
    users.table("users").where("id", 3).decrement_each({"votes": 5, "balance": "2.5"})
    row = users.table("users").find(3)
    assert (row.votes, float(row.balance)) == (0, 7.5)


def test_increment_refuses_a_non_numeric_amount(users: Connection) -> None:
    with pytest.raises(
        InvalidQueryArgumentError,
        match=r"Non-numeric value passed to increment method \['1; drop",
    ):
        users.table("users").increment("votes", "1; drop table users")
    assert users.table("users").count() == 3


def test_update_or_insert(users: Connection) -> None:
    assert (
        users.table("users").update_or_insert({"email": "d@x.io"}, {"name": "D"})
        is True
    )
    assert names(users)["d@x.io"] == "D"
    assert (
        users.table("users").update_or_insert({"email": "a@x.io"}, {"name": "A2"})
        is True
    )
    assert names(users)["a@x.io"] == "A2"
    assert users.table("users").count() == 4
    assert users.table("users").update_or_insert({"email": "a@x.io"}) is True
    assert users.table("users").update_or_insert(
        {"email": "e@x.io"}, lambda exists: {"name": "exists" if exists else "new"}
    )
    assert names(users)["e@x.io"] == "new"


# --- compiled SQL (a pretending connection: nothing reaches a database) -----------------


def pretend(
    driver: str, run: t.Callable[[Builder], t.Any]
) -> list[tuple[str, list[t.Any]]]:
    conn = Connection({"driver": driver, "database": "app"}, name=driver)
    log = conn.pretend(lambda c: run(c.table("users")))
    return [(entry["query"], list(entry["bindings"])) for entry in log]


def one(driver: str, run: t.Callable[[Builder], t.Any]) -> tuple[str, list[t.Any]]:
    queries = pretend(driver, run)
    assert len(queries) == 1, queries
    return queries[0]


# --- JSON updates ---------------------------------------------------------------------


def test_mysql_json_update() -> None:
    def run(q: Builder) -> t.Any:
        return q.where("active", "=", 1).update(
            {"name->first_name": "John", "name->last_name": "Doe"}
        )

    assert one("mysql", run) == (
        "update `users` set `name` = json_set(`name`, '$.\"first_name\"', ?), "
        "`name` = json_set(`name`, '$.\"last_name\"', ?) where `active` = ?",
        ["John", "Doe", 1],
    )
    run = lambda q: q.update({"meta->name->first_name": "John"})  # noqa: E731
    assert one("mysql", run) == (
        'update `users` set `meta` = json_set(`meta`, \'$."name"."first_name"\', ?)',
        ["John"],
    )


def test_mysql_json_update_of_arrays_booleans_and_expressions() -> None:
    created = dt.datetime(2019, 8, 6)

    def run(q: Builder) -> t.Any:
        return q.where("active", 1).update(
            {
                "options": {"2fa": False, "presets": ["laravel", "vue"]},
                "meta->tags": ["white", "large"],
                "group_id": Expression("45"),
                "created_at": created,
            }
        )

    sql, bindings = one("mysql", run)
    assert sql == (
        "update `users` set `options` = ?, `meta` = json_set(`meta`, '$.\"tags\"', cast(? as json)), "
        "`group_id` = 45, `created_at` = ? where `active` = ?"
    )
    assert bindings == [
        '{"2fa":false,"presets":["laravel","vue"]}',
        '["white","large"]',
        created,
        1,
    ]

    def run2(q: Builder) -> t.Any:

        return q.where("id", "=", 0).update(
            {"options->enable": False, "updated_at": "2015-05-26 22:02:06"}
        )

    assert one("mysql", run2) == (
        "update `users` set `options` = json_set(`options`, '$.\"enable\"', false), `updated_at` = ? where `id` = ?",
        ["2015-05-26 22:02:06", 0],
    )
    assert one("mysql", lambda q: q.update({"options->size": None})) == (
        "update `users` set `options` = json_set(`options`, '$.\"size\"', ?)",
        [None],
    )
    assert one("mysql", lambda q: q.update({"options->size": Expression("45")})) == (
        "update `users` set `options` = json_set(`options`, '$.\"size\"', 45)",
        [],
    )


def test_mariadb_json_update_casts_with_json_query() -> None:
    assert one("mariadb", lambda q: q.update({"meta->tags": ["a"]})) == (
        "update `users` set `meta` = json_set(`meta`, '$.\"tags\"', json_query(?, '$'))",
        ['["a"]'],
    )


def test_postgres_json_update() -> None:
    assert one(
        "pgsql", lambda q: q.update({"users.options->name->first_name": "John"})
    ) == (
        'update "users" set "options" = jsonb_set("options"::jsonb, \'{"name","first_name"}\', ?)',
        ['"John"'],
    )
    assert one(
        "pgsql", lambda q: q.update({"options->language": Expression("'null'")})
    ) == (
        'update "users" set "options" = jsonb_set("options"::jsonb, \'{"language"}\', \'null\')',
        [],
    )
    assert one("pgsql", lambda q: q.update({"options->tags[1]": "x"}))[0] == (
        'update "users" set "options" = jsonb_set("options"::jsonb, \'{"tags",1}\', ?)'
    )


def test_postgres_json_update_of_arrays() -> None:
    created = dt.datetime(2019, 8, 6)

    def run(q: Builder) -> t.Any:
        return q.update(
            {
                "options": {"2fa": False, "presets": ["laravel", "vue"]},
                "meta->tags": ["white", "large"],
                "group_id": Expression("45"),
                "created_at": created,
            }
        )

    assert one("pgsql", run) == (
        'update "users" set "options" = ?, "meta" = jsonb_set("meta"::jsonb, \'{"tags"}\', ?), '
        '"group_id" = 45, "created_at" = ?',
        ['{"2fa":false,"presets":["laravel","vue"]}', '["white","large"]', created],
    )


def test_postgres_json_path_cannot_break_out_of_the_literal() -> None:
    sql, _ = one("pgsql", lambda q: q.update({"options->a'b\"c": 1}))
    assert (
        sql
        == 'update "users" set "options" = jsonb_set("options"::jsonb, \'{"a\'\'b\\"c"}\', ?)'
    )


def test_sqlite_json_update_patches_each_column_once() -> None:
    created = dt.datetime(2019, 8, 6)

    def run(q: Builder) -> t.Any:
        return q.update(
            {
                "options->name": "Taylor",
                "group_id": Expression("45"),
                "options->security": {"2fa": False, "presets": ["laravel", "vue"]},
                "options->sharing->twitter": "username",
                "created_at": created,
            }
        )

    assert one("sqlite", run) == (
        'update "users" set "group_id" = 45, "created_at" = ?, '
        '"options" = json_patch(ifnull("options", json(\'{}\')), json(?))',
        [
            created,
            '{"name":"Taylor","security":{"2fa":false,"presets":["laravel","vue"]},'
            '"sharing":{"twitter":"username"}}',
        ],
    )


def test_sqlite_update_encodes_array_values() -> None:
    def run(q: Builder) -> t.Any:
        return q.update({"options": {"2fa": False}, "group_id": Expression("45")})

    assert one("sqlite", run) == (
        'update "users" set "options" = ?, "group_id" = 45',
        ['{"2fa":false}'],
    )


# --- increment / decrement ------------------------------------------------------------


@pytest.mark.parametrize(
    ("driver", "sql"),
    [
        ("sqlite", 'update "users" set "votes" = "votes" + 1 where "id" = ?'),
        ("pgsql", 'update "users" set "votes" = "votes" + 1 where "id" = ?'),
        ("mysql", "update `users` set `votes` = `votes` + 1 where `id` = ?"),
    ],
)
def test_increment(driver: str, sql: str) -> None:
    assert one(driver, lambda q: q.where("id", 1).increment("votes")) == (sql, [1])


def test_increment_and_decrement_with_amounts_and_extra_columns() -> None:
    assert one("sqlite", lambda q: q.increment("votes", 5, {"name": "foo"})) == (
        'update "users" set "votes" = "votes" + 5, "name" = ?',
        ["foo"],
    )
    assert one("mysql", lambda q: q.decrement("votes", 2.5)) == (
        "update `users` set `votes` = `votes` - 2.5",
        [],
    )
    assert one(
        "pgsql", lambda q: q.increment_each({"votes": 1, "balance": 100}, {"name": "x"})
    ) == (
        'update "users" set "votes" = "votes" + 1, "balance" = "balance" + 100, "name" = ?',
        ["x"],
    )
    assert one("pgsql", lambda q: q.decrement_each({"votes": "3"})) == (
        'update "users" set "votes" = "votes" - 3',
        [],
    )


@pytest.mark.parametrize(
    "amount", ["foo", "1; drop table users", None, True, float("nan"), [1]]
)
def test_increment_refuses_non_numeric_amounts(amount: t.Any) -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match="Non-numeric value passed to increment method"
    ):
        pretend("sqlite", lambda q: q.increment("votes", amount))
    with pytest.raises(InvalidQueryArgumentError, match="amount for column: 'votes'"):
        pretend("sqlite", lambda q: q.decrement_each({"votes": amount}))


def test_increment_each_refuses_a_list() -> None:
    with pytest.raises(InvalidQueryArgumentError, match="Non-associative array"):
        pretend("sqlite", lambda q: q.increment_each(["votes"]))  # type: ignore[arg-type]


def test_postgres_nests_several_paths_of_one_json_column() -> None:
    # Laravel writes one assignment per path, which PostgreSQL refuses for one column.
    def run(q: Builder) -> t.Any:
        return q.update({"meta->a": 1, "name": "x", "meta->b->c": True})

    assert one("pgsql", run) == (
        'update "users" set "meta" = jsonb_set(jsonb_set("meta"::jsonb, \'{"a"}\', ?), '
        '\'{"b","c"}\', ?), "name" = ?',
        ["1", "true", "x"],
    )
