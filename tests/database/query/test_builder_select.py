"""Select, from, distinct, orders, groups, havings, limits, locks and builder state (compiled, no database)."""

from __future__ import annotations

import enum
import typing as t

import pytest

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.builder import Builder
from protevus.database.query.expression import Expression as Raw
from protevus.database.query.grammars.mariadb_grammar import MariaDbGrammar
from protevus.database.query.grammars.mysql_grammar import MySqlGrammar
from protevus.database.query.grammars.postgres_grammar import PostgresGrammar
from protevus.database.query.grammars.sqlite_grammar import SQLiteGrammar

GRAMMARS = {
    "sqlite": SQLiteGrammar,
    "pgsql": PostgresGrammar,
    "mysql": MySqlGrammar,
    "mariadb": MariaDbGrammar,
}


def q(dialect: str = "sqlite") -> Builder:
    return Builder(grammar=GRAMMARS[dialect]())


Case = tuple[str, t.Callable[[], Builder], str, list[t.Any]]

CASES: list[Case] = [
    ("sqlite", lambda: q().select("*").from_("users"), 'select * from "users"', []),
    ("sqlite", lambda: q().from_("users"), 'select * from "users"', []),
    (
        "pgsql",
        lambda: q("pgsql").select("*").from_("users"),
        'select * from "users"',
        [],
    ),
    (
        "mysql",
        lambda: q("mysql").select("*").from_("users"),
        "select * from `users`",
        [],
    ),
    (
        "sqlite",
        lambda: q().select("*").from_('some"table'),
        'select * from "some""table"',
        [],
    ),
    (
        "mysql",
        lambda: q("mysql").select("*").from_("some`table"),
        "select * from `some``table`",
        [],
    ),
    (
        "sqlite",
        lambda: q().select("x.y as foo.bar").from_("baz"),
        'select "x"."y" as "foo.bar" from "baz"',
        [],
    ),
    (
        "sqlite",
        lambda: q().select("w x.y.z as foo.bar").from_("baz"),
        'select "w x"."y"."z" as "foo.bar" from "baz"',
        [],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .select("foo")
            .add_select("bar")
            .add_select(["baz", "boom"])
            .from_("users")
        ),
        'select "foo", "bar", "baz", "boom" from "users"',
        [],
    ),
    (
        "sqlite",
        lambda: q().select("foo").add_select("foo", "bar").from_("users"),
        'select "foo", "bar" from "users"',
        [],
    ),
    (
        "sqlite",
        lambda: q().distinct().select("foo", "bar").from_("users"),
        'select distinct "foo", "bar" from "users"',
        [],
    ),
    (
        "sqlite",
        lambda: q().distinct("foo").select("foo", "bar").from_("users"),
        'select distinct "foo", "bar" from "users"',
        [],
    ),
    (
        "pgsql",
        lambda: q("pgsql").distinct("foo").select("foo", "bar").from_("users"),
        'select distinct on ("foo") "foo", "bar" from "users"',
        [],
    ),
    (
        "pgsql",
        lambda: q("pgsql").distinct(["foo", "baz"]).select("foo", "bar").from_("users"),
        'select distinct on ("foo", "baz") "foo", "bar" from "users"',
        [],
    ),
    (
        "sqlite",
        lambda: q().select("foo as bar").from_("users"),
        'select "foo" as "bar" from "users"',
        [],
    ),
    (
        "mysql",
        lambda: q("mysql").select("foo AS bar").from_("users"),
        "select `foo` as `bar` from `users`",
        [],
    ),
    (
        "sqlite",
        lambda: q().select("*").from_("public.users"),
        'select * from "public"."users"',
        [],
    ),
    ("sqlite", lambda: q().from_("users", "u"), 'select * from "users" as "u"', []),
    ("sqlite", lambda: q().from_("users as u"), 'select * from "users" as "u"', []),
    (
        "sqlite",
        lambda: q().select(Raw("substr(foo, 6)")).from_("users"),
        'select substr(foo, 6) from "users"',
        [],
    ),
    (
        "sqlite",
        lambda: q().select_raw("count(*) as c, ? as x", ["a"]).from_("users"),
        'select count(*) as c, ? as x from "users"',
        ["a"],
    ),
    (
        "pgsql",
        lambda: (
            q("pgsql")
            .from_("one")
            .select(["foo", "bar"])
            .where("key", "=", "val")
            .select_sub(
                lambda s: s.from_("two").select("baz").where("subkey", "=", "subval"),
                "sub",
            )
        ),
        'select "foo", "bar", (select "baz" from "two" where "subkey" = ?) as "sub" from "one" where "key" = ?',
        ["subval", "val"],
    ),
    (
        "pgsql",
        lambda: (
            q("pgsql")
            .from_("one")
            .select(
                {
                    "sub": q("pgsql")
                    .from_("two")
                    .select("baz")
                    .where("subkey", "=", "subval")
                }
            )
        ),
        'select (select "baz" from "two" where "subkey" = ?) as "sub" from "one"',
        ["subval"],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .from_("users")
            .add_select({"posts": lambda s: s.select_raw("count(*)").from_("posts")})
        ),
        'select "users".*, (select count(*) from "posts") as "posts" from "users"',
        [],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .from_sub(
                lambda s: (
                    s.select(Raw("max(last_seen_at) as last_seen_at"))
                    .from_("user_sessions")
                    .where("foo", "=", "1")
                ),
                "sessions",
            )
            .where("bar", "<", "10")
        ),
        'select * from (select max(last_seen_at) as last_seen_at from "user_sessions" where "foo" = ?) as "sessions" where "bar" < ?',
        ["1", "10"],
    ),
    (
        "sqlite",
        lambda: q().from_(q().from_("users").where("a", 1), "u"),
        'select * from (select * from "users" where "a" = ?) as "u"',
        [1],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .from_raw(
                '(select max(last_seen_at) as last_seen_at from "sessions") as "last_seen_at"'
            )
            .where("last_seen_at", ">", "1520652582")
        ),
        'select * from (select max(last_seen_at) as last_seen_at from "sessions") as "last_seen_at" where "last_seen_at" > ?',
        ["1520652582"],
    ),
    (
        "sqlite",
        lambda: q().from_raw("generate_series(?, ?) as s", [1, 3]),
        "select * from generate_series(?, ?) as s",
        [1, 3],
    ),
    # orders
    (
        "sqlite",
        lambda: (
            q().select("*").from_("users").order_by("email").order_by("age", "desc")
        ),
        'select * from "users" order by "email" asc, "age" desc',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").order_by("email", "DESC"),
        'select * from "users" order by "email" desc',
        [],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .select("*")
            .from_("users")
            .order_by("email")
            .order_by_raw('"age" ? desc', ["foo"])
        ),
        'select * from "users" order by "email" asc, "age" ? desc',
        ["foo"],
    ),
    (
        "sqlite",
        lambda: q().from_("users").order_by_desc("name"),
        'select * from "users" order by "name" desc',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").latest(),
        'select * from "users" order by "created_at" desc',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").oldest("id"),
        'select * from "users" order by "id" asc',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").in_random_order(),
        'select * from "users" order by RANDOM()',
        [],
    ),
    (
        "pgsql",
        lambda: q("pgsql").from_("users").in_random_order(),
        'select * from "users" order by RANDOM()',
        [],
    ),
    (
        "mysql",
        lambda: q("mysql").from_("users").in_random_order(),
        "select * from `users` order by RAND()",
        [],
    ),
    (
        "mysql",
        lambda: q("mysql").from_("users").in_random_order(5),
        "select * from `users` order by RAND(5)",
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").order_by("name").reorder(),
        'select * from "users"',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").order_by("name").reorder("email", "desc"),
        'select * from "users" order by "email" desc',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").order_by_raw("?", [True]).reorder(),
        'select * from "users"',
        [],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .select("*")
            .from_("users")
            .order_by(
                lambda s: (
                    s.select("created_at")
                    .from_("logins")
                    .where_column("user_id", "users.id")
                    .limit(1)
                ),
                "desc",
            )
        ),
        'select * from "users" order by (select "created_at" from "logins" where "user_id" = "users"."id" limit 1) desc',
        [],
    ),
    # groups and havings
    (
        "sqlite",
        lambda: q().from_("users").group_by("email"),
        'select * from "users" group by "email"',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").group_by("id", "email"),
        'select * from "users" group by "id", "email"',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").group_by(["id", "email"]),
        'select * from "users" group by "id", "email"',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").group_by(Raw("DATE(created_at)")),
        'select * from "users" group by DATE(created_at)',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").group_by_raw("DATE(created_at), ? DESC", ["foo"]),
        'select * from "users" group by DATE(created_at), ? DESC',
        ["foo"],
    ),
    (
        "sqlite",
        lambda: q().from_("users").having("email", ">", 1),
        'select * from "users" having "email" > ?',
        [1],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .from_("users")
            .or_having("email", "=", "test@example.com")
            .or_having("email", "=", "test2@example.com")
        ),
        'select * from "users" having "email" = ? or "email" = ?',
        ["test@example.com", "test2@example.com"],
    ),
    (
        "sqlite",
        lambda: q().from_("users").group_by("email").having("email", ">", 1),
        'select * from "users" group by "email" having "email" > ?',
        [1],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .select(["category", Raw('count(*) as "total"')])
            .from_("item")
            .where("department", "=", "popular")
            .group_by("category")
            .having("total", ">", Raw("3"))
        ),
        'select "category", count(*) as "total" from "item" where "department" = ? group by "category" having "total" > 3',
        ["popular"],
    ),
    (
        "sqlite",
        lambda: q().from_("users").having("email", 1).or_having("email", 2),
        'select * from "users" having "email" = ? or "email" = ?',
        [1, 2],
    ),
    (
        "sqlite",
        lambda: q().from_("users").having_between("id", [1, 2, 3]),
        'select * from "users" having "id" between ? and ?',
        [1, 2],
    ),
    (
        "sqlite",
        lambda: q().from_("users").having_between("id", [[1, 2], [3, 4]]),
        'select * from "users" having "id" between ? and ?',
        [1, 2],
    ),
    (
        "sqlite",
        lambda: q().from_("users").having_not_between("id", [1, 2]),
        'select * from "users" having "id" not between ? and ?',
        [1, 2],
    ),
    (
        "sqlite",
        lambda: q().from_("users").having_raw("user_foo < user_bar"),
        'select * from "users" having user_foo < user_bar',
        [],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .from_("users")
            .having("baz", "=", 1)
            .or_having_raw("user_foo < user_bar")
        ),
        'select * from "users" having "baz" = ? or user_foo < user_bar',
        [1],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .from_("users")
            .having_between("last_login_date", ["2018-11-16", "2018-12-16"])
            .or_having_raw("user_foo < user_bar")
        ),
        'select * from "users" having "last_login_date" between ? and ? or user_foo < user_bar',
        ["2018-11-16", "2018-12-16"],
    ),
    (
        "sqlite",
        lambda: q().from_("users").having_null("email").or_having_not_null("name"),
        'select * from "users" having "email" is null or "name" is not null',
        [],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .from_("users")
            .having("email", "foo")
            .or_having(lambda h: h.having("bar", "baz").having("qux", "quux"))
        ),
        'select * from "users" having "email" = ? or ("bar" = ? and "qux" = ?)',
        ["foo", "baz", "quux"],
    ),
    (
        "sqlite",
        lambda: q().from_("users").having("bar", "&", 1),
        'select * from "users" having "bar" & ?',
        [1],
    ),
    (
        "pgsql",
        lambda: q("pgsql").from_("users").having("bar", "&", 1),
        'select * from "users" having ("bar" & ?)::bool',
        [1],
    ),
    # limits
    (
        "sqlite",
        lambda: q().select("*").from_("users").offset(5).limit(10),
        'select * from "users" limit 10 offset 5',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").skip(5).take(10),
        'select * from "users" limit 10 offset 5',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").skip(0).take(0),
        'select * from "users" limit 0 offset 0',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").skip(-5).take(-10),
        'select * from "users" offset 0',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").take(10).take(None),
        'select * from "users"',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").for_page(2, 15),
        'select * from "users" limit 15 offset 15',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").for_page(0, 15),
        'select * from "users" limit 15 offset 0',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").for_page(-2, 15),
        'select * from "users" limit 15 offset 0',
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").for_page(2, 0),
        'select * from "users" limit 0 offset 0',
        [],
    ),
    (
        "mysql",
        lambda: q("mysql").from_("users").for_page(3),
        "select * from `users` limit 15 offset 30",
        [],
    ),
    (
        "sqlite",
        lambda: q().from_("users").for_page_after_id(15, 1, "id"),
        'select * from "users" where "id" > ? order by "id" asc limit 15',
        [1],
    ),
    (
        "sqlite",
        lambda: (
            q()
            .from_("users")
            .order_by("id", "desc")
            .order_by("name")
            .for_page_after_id(15, 1, "id")
        ),
        'select * from "users" where "id" > ? order by "name" asc, "id" asc limit 15',
        [1],
    ),
    (
        "pgsql",
        lambda: q("pgsql").from_("users").for_page_before_id(15, 100),
        'select * from "users" where "id" < ? order by "id" desc limit 15',
        [100],
    ),
    (
        "sqlite",
        lambda: q().from_("users").for_page_after_id(10, None),
        'select * from "users" order by "id" asc limit 10',
        [],
    ),
    # locks
    (
        "mysql",
        lambda: q("mysql").select("*").from_("foo").where("bar", "=", "baz").lock(),
        "select * from `foo` where `bar` = ? for update",
        ["baz"],
    ),
    (
        "mysql",
        lambda: q("mysql").from_("foo").where("bar", "=", "baz").lock(False),
        "select * from `foo` where `bar` = ? lock in share mode",
        ["baz"],
    ),
    (
        "mysql",
        lambda: (
            q("mysql").from_("foo").where("bar", "=", "baz").lock("lock in share mode")
        ),
        "select * from `foo` where `bar` = ? lock in share mode",
        ["baz"],
    ),
    (
        "pgsql",
        lambda: q("pgsql").from_("foo").where("bar", "=", "baz").lock_for_update(),
        'select * from "foo" where "bar" = ? for update',
        ["baz"],
    ),
    (
        "pgsql",
        lambda: q("pgsql").from_("foo").where("bar", "=", "baz").shared_lock(),
        'select * from "foo" where "bar" = ? for share',
        ["baz"],
    ),
    (
        "pgsql",
        lambda: q("pgsql").from_("foo").where("bar", "=", "baz").lock("for key share"),
        'select * from "foo" where "bar" = ? for key share',
        ["baz"],
    ),
    (
        "sqlite",
        lambda: q().from_("foo").where("bar", "=", "baz").lock_for_update(),
        'select * from "foo" where "bar" = ?',
        ["baz"],
    ),
    (
        "mariadb",
        lambda: q("mariadb").from_("foo").shared_lock(),
        "select * from `foo` lock in share mode",
        [],
    ),
]


@pytest.mark.parametrize(("dialect", "build", "sql", "bindings"), CASES)
def test_compiles_laravels_sql(
    dialect: str, build: t.Callable[[], Builder], sql: str, bindings: list[t.Any]
) -> None:
    query = build()
    assert query.to_sql() == sql
    assert query.get_bindings() == bindings


def test_table_prefix_applies_to_tables_and_aliases() -> None:
    query = q()
    query.grammar.set_table_prefix("prefix_")
    assert query.select("*").from_("users").to_sql() == 'select * from "prefix_users"'
    query = q()
    query.grammar.set_table_prefix("prefix_")
    assert (
        query.from_("users as people").to_sql()
        == 'select * from "prefix_users" as "prefix_people"'
    )
    query = q()
    query.grammar.set_table_prefix("prefix_")
    query.from_("services").join("translations AS t", "t.item_id", "=", "services.id")
    assert query.to_sql() == (
        'select * from "prefix_services" inner join "prefix_translations" as "prefix_t" '
        'on "prefix_t"."item_id" = "prefix_services"."id"'
    )


def test_table_prefix_comes_from_the_connection() -> None:
    class Conn:
        def get_table_prefix(self) -> str:
            return "app_"

        def get_query_grammar(self) -> SQLiteGrammar:
            return SQLiteGrammar(self)

    query = Builder(Conn())
    assert query.from_("users").to_sql() == 'select * from "app_users"'
    assert query.get_connection() is not None
    assert isinstance(query.get_grammar(), SQLiteGrammar)


def test_a_builder_needs_a_connection_or_a_grammar() -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match="needs a connection or a grammar"
    ):
        Builder()


def test_invalid_order_direction_raises() -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match='Order direction must be "asc" or "desc"'
    ):
        q().from_("users").order_by("age", "asec")


def test_when_and_unless_run_the_right_callback() -> None:
    def callback(query: Builder, condition: t.Any) -> None:
        assert condition is True
        query.where("id", "=", 1)

    query = q().select("*").from_("users").when(True, callback).where("email", "foo")
    assert query.to_sql() == 'select * from "users" where "id" = ? and "email" = ?'
    query = q().select("*").from_("users").when(False, callback).where("email", "foo")
    assert query.to_sql() == 'select * from "users" where "email" = ?'

    query = (
        q()
        .from_("users")
        .when(0, lambda qq, v: qq.where("id", 1), lambda qq, v: qq.where("id", 2))
        .where("email", "foo")
    )
    assert query.get_bindings() == [2, "foo"]
    query = (
        q()
        .from_("users")
        .unless(False, lambda qq: qq.where("id", 1))
        .unless(True, lambda qq: qq.where("x", 1))
    )
    assert query.to_sql() == 'select * from "users" where "id" = ?'
    query = q().from_("users").tap(lambda qq: qq.where("id", 1))
    assert query.to_sql() == 'select * from "users" where "id" = ?'


def test_camel_case_aliases_answer() -> None:
    query = q().from_("users").whereIn("id", [1]).orderByDesc("id").forPage(1, 5)
    assert (
        query.toSql()
        == 'select * from "users" where "id" in (?) order by "id" desc limit 5 offset 0'
    )


def test_macros_extend_the_builder() -> None:
    Builder.macro("active_only", lambda self: self.where("active", 1))
    try:
        assert (
            q().from_("users").active_only().to_sql()
            == 'select * from "users" where "active" = ?'
        )
        assert q().from_("users").activeOnly().get_bindings() == [1]
    finally:
        Builder.flush_macros()


def test_clone_leaves_the_original_alone() -> None:
    query = q().select("*").from_("users")
    clone = query.clone().where("email", "foo")
    assert clone is not query
    assert query.to_sql() == 'select * from "users"'
    assert clone.to_sql() == 'select * from "users" where "email" = ?'


def test_clone_without_and_clone_without_bindings() -> None:
    query = (
        q().select("*").from_("users").where("email", "foo").order_by("email").limit(3)
    )
    clone = query.clone_without(["orders", "limit"])
    assert (
        query.to_sql()
        == 'select * from "users" where "email" = ? order by "email" asc limit 3'
    )
    assert clone.to_sql() == 'select * from "users" where "email" = ?'
    bare = query.clone_without(["wheres"]).clone_without_bindings(["where"])
    assert bare.to_sql() == 'select * from "users" order by "email" asc limit 3'
    assert bare.get_bindings() == []
    assert query.get_bindings() == ["foo"]
    with pytest.raises(InvalidQueryArgumentError, match="nope"):
        query.clone_without(["nope"])


def test_binding_order_follows_the_sql() -> None:
    expected_sql = (
        'select * from "users" inner join "othertable" on "bar" = ? where "registered" = ? '
        'group by "city" having "population" > ? order by match ("foo") against(?)'
    )
    query = (
        q()
        .select("*")
        .from_("users")
        .order_by_raw('match ("foo") against(?)', ["bar"])
        .having("population", ">", 3)
        .group_by("city")
        .where("registered", 1)
        .join("othertable", lambda j: j.where("bar", "=", "foo"))
    )
    assert query.to_sql() == expected_sql
    assert query.get_bindings() == ["foo", 1, 3, "bar"]


def test_bindings_api() -> None:
    query = q()
    query.add_binding(["bar", "baz"], "having")
    query.add_binding(["foo"], "where")
    assert query.get_bindings() == ["foo", "bar", "baz"]
    other = q().add_binding("qux", "where")
    query.merge_bindings(other)
    assert query.get_bindings() == ["foo", "qux", "bar", "baz"]
    query.set_bindings([1, 2], "where")
    assert query.get_raw_bindings()["where"] == [1, 2]
    with pytest.raises(InvalidQueryArgumentError, match="Invalid binding type"):
        query.add_binding(1, "nowhere")
    query = q().having_raw("?", ["h"]).group_by_raw("?", ["g"]).where_raw("?", ["w"])
    assert query.get_bindings() == ["w", "g", "h"]


def test_enum_bindings_become_their_values() -> None:
    class Status(enum.Enum):
        ACTIVE = "active"

    query = (
        q().from_("users").where("status", Status.ACTIVE).where_in("s", [Status.ACTIVE])
    )
    assert query.get_bindings() == ["active", "active"]


def test_select_resets_select_bindings() -> None:
    query = (
        q("pgsql")
        .from_("one")
        .select_sub(
            lambda s: s.from_("two").select("baz").where("subkey", "=", "subval"), "sub"
        )
    )
    assert query.get_bindings() == ["subval"]
    query.select("*")
    assert query.to_sql() == 'select * from "one"'
    assert query.get_bindings() == []


def test_invalid_sub_query_raises() -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match="A subquery must be a query builder instance"
    ):
        q().select_sub(["foo"], "sub")
    with pytest.raises(InvalidQueryArgumentError, match="needs an alias"):
        q().from_(q().from_("users"))


def test_aggregates_compile_as_laravel() -> None:
    query = q().from_("users")
    query.aggregate_value = {"function": "count", "columns": ["*"]}
    assert query.to_sql() == 'select count(*) as aggregate from "users"'
    query = q().from_("users").distinct()
    query.aggregate_value = {"function": "count", "columns": ["name"]}
    assert query.to_sql() == 'select count(distinct "name") as aggregate from "users"'
    query = q("pgsql").from_("users").distinct(["a", "b"])
    query.aggregate_value = {"function": "count", "columns": ["*"]}
    assert query.to_sql() == 'select count(distinct "a", "b") as aggregate from "users"'
    query = q("mysql").from_("posts").union(q("mysql").from_("videos"))
    query.aggregate_value = {"function": "count", "columns": ["*"]}
    assert query.to_sql() == (
        "select count(*) as aggregate from ((select * from `posts`) union (select * from `videos`)) as `temp_table`"
    )
    query = q().from_("posts").union(q().from_("videos"))
    query.aggregate_value = {"function": "count", "columns": ["*"]}
    assert query.to_sql() == (
        'select count(*) as aggregate from (select * from (select * from "posts") union '
        'select * from (select * from "videos")) as "temp_table"'
    )
    query = (
        q("pgsql")
        .from_("posts")
        .select("user_id")
        .group_by("user_id")
        .having("n", ">", 1)
    )
    query.aggregate_value = {"function": "count", "columns": ["*"]}
    assert query.to_sql() == (
        'select count(*) as aggregate from (select "user_id" from "posts" group by "user_id" '
        'having "n" > ?) as "temp_table"'
    )
    assert query.aggregate_value is not None


def test_compile_exists() -> None:
    query = q().from_("users").where("id", 1)
    assert (
        query.grammar.compile_exists(query)
        == 'select exists(select * from "users" where "id" = ?) as "exists"'
    )
    query = q("mysql").from_("users")
    assert (
        query.grammar.compile_exists(query)
        == "select exists(select * from `users`) as `exists`"
    )


def test_columns_stay_none_after_compiling() -> None:
    query = q().from_("users")
    assert query.to_sql() == 'select * from "users"'
    assert query.columns is None


def test_before_query_callbacks_run_once_before_compiling() -> None:
    calls: list[int] = []
    query = (
        q().from_("users").before_query(lambda b: (calls.append(1), b.where("a", 1)))
    )
    assert query.to_sql() == 'select * from "users" where "a" = ?'
    assert query.to_sql() == 'select * from "users" where "a" = ?'
    assert calls == [1]


def test_lock_uses_the_write_connection() -> None:
    query = q("mysql").from_("users")
    assert query.use_write_pdo_ is False
    query.lock_for_update()
    assert query.use_write_pdo_ is True


def test_mysql_random_seed_must_be_numeric() -> None:
    with pytest.raises(InvalidQueryArgumentError, match="seed value must be numeric"):
        q("mysql").from_("users").in_random_order("abc")


def test_index_hints() -> None:
    assert (
        q("mysql").from_("users").use_index("test_index").to_sql()
        == "select * from `users` use index (test_index)"
    )
    assert (
        q("mysql").from_("users").force_index("a, b").to_sql()
        == "select * from `users` force index (a, b)"
    )
    assert (
        q("mysql").from_("users").ignore_index("x").to_sql()
        == "select * from `users` ignore index (x)"
    )
    assert (
        q().from_("users").force_index("test_index").to_sql()
        == 'select * from "users" indexed by test_index'
    )
    assert (
        q().from_("users").use_index("test_index").to_sql() == 'select * from "users"'
    )
    assert (
        q("pgsql").from_("users").use_index("test_index").to_sql()
        == 'select * from "users"'
    )
    with pytest.raises(
        InvalidQueryArgumentError, match="Index name contains invalid characters"
    ):
        q("mysql").from_("users").use_index("x); drop table users; --").to_sql()


def test_repr_shows_the_sql() -> None:
    assert repr(q().from_("users")) == "<Builder 'select * from \"users\"'>"
