"""Hostile identifiers compile to single quoted identifiers; values are always bound."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.builder import Builder
from protevus.database.query.grammars.mysql_grammar import MySqlGrammar
from protevus.database.query.grammars.postgres_grammar import PostgresGrammar
from protevus.database.query.grammars.sqlite_grammar import SQLiteGrammar

EVIL = 'name"; drop table users; --'
EVIL_MYSQL = "name`; drop table users; --"

DIALECTS = {
    "sqlite": (SQLiteGrammar, EVIL, '"name""; drop table users; --"'),
    "pgsql": (PostgresGrammar, EVIL, '"name""; drop table users; --"'),
    "mysql": (MySqlGrammar, EVIL_MYSQL, "`name``; drop table users; --`"),
}


def q(dialect: str) -> Builder:
    return Builder(grammar=DIALECTS[dialect][0]()).from_("users")


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize(
    ("method", "template"),
    [
        (lambda b, c: b.select(c), "select {w} from {t}"),
        (lambda b, c: b.where(c, 1), "select * from {t} where {w} = ?"),
        (lambda b, c: b.where_in(c, [1]), "select * from {t} where {w} in (?)"),
        (lambda b, c: b.where_null(c), "select * from {t} where {w} is null"),
        (
            lambda b, c: b.where_between(c, [1, 2]),
            "select * from {t} where {w} between ? and ?",
        ),
        (lambda b, c: b.where_column(c, "id"), "select * from {t} where {w} = {id}"),
        (lambda b, c: b.order_by(c), "select * from {t} order by {w} asc"),
        (lambda b, c: b.group_by(c), "select * from {t} group by {w}"),
        (lambda b, c: b.having(c, ">", 1), "select * from {t} having {w} > ?"),
        (lambda b, c: b.distinct().select(c), "select distinct {w} from {t}"),
    ],
)
def test_hostile_identifiers_become_one_quoted_identifier(
    dialect: str, method: t.Callable[[Builder, str], Builder], template: str
) -> None:
    _, column, wrapped = DIALECTS[dialect]
    quote = "`" if dialect == "mysql" else '"'
    sql = method(q(dialect), column).to_sql()
    assert sql == template.format(
        w=wrapped, t=f"{quote}users{quote}", id=f"{quote}id{quote}"
    )


@pytest.mark.parametrize("dialect", DIALECTS)
def test_hostile_table_names_are_quoted(dialect: str) -> None:
    grammar, column, wrapped = DIALECTS[dialect]
    sql = Builder(grammar=grammar()).from_(column).to_sql()
    assert sql == f"select * from {wrapped}"


@pytest.mark.parametrize("dialect", DIALECTS)
def test_hostile_aliases_are_quoted(dialect: str) -> None:
    grammar, column, wrapped = DIALECTS[dialect]
    sql = Builder(grammar=grammar()).select(f"id as {column}").from_("t").to_sql()
    quote = "`" if dialect == "mysql" else '"'
    assert sql == f"select {quote}id{quote} as {wrapped} from {quote}t{quote}"


@pytest.mark.parametrize("dialect", DIALECTS)
def test_values_are_always_bound(dialect: str) -> None:
    payload = "1' or '1'='1"
    query = (
        q(dialect).where("name", payload).where_in("id", [payload]).having("n", payload)
    )
    assert payload not in query.to_sql()
    assert query.get_bindings() == [payload, payload, payload]


@pytest.mark.parametrize(
    ("dialect", "selector", "expected"),
    [
        (
            "sqlite",
            "meta->lang'); drop table users; --",
            "json_extract(\"meta\", '$.\"lang''); drop table users; --\"')",
        ),
        (
            "mysql",
            "meta->lang'); drop table users; --",
            "json_unquote(json_extract(`meta`, '$.\"lang''); drop table users; --\"'))",
        ),
        (
            "mysql",
            "meta->lang\\'); drop",
            "json_unquote(json_extract(`meta`, '$.\"lang''); drop\"'))",
        ),
        (
            "pgsql",
            "meta->lang'); drop table users; --",
            "\"meta\"->>'lang''); drop table users; --'",
        ),
        ("pgsql", 'me"ta->a->b', "\"me\"\"ta\"->'a'->>'b'"),
    ],
)
def test_json_paths_cannot_leave_their_string_literal(
    dialect: str, selector: str, expected: str
) -> None:
    sql = q(dialect).where(selector, 1).to_sql()
    assert sql.endswith(f"where {expected} = ?")


@pytest.mark.parametrize("direction", ["asec", "desc; drop table users", "", None])
def test_order_direction_must_be_asc_or_desc(direction: t.Any) -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match='Order direction must be "asc" or "desc"'
    ):
        q("sqlite").order_by("id", direction)


def test_integer_in_raw_writes_only_integers() -> None:
    sql = (
        q("sqlite")
        .where_integer_in_raw("id", ["1; drop table users", 2.9, "x"])
        .to_sql()
    )
    assert sql == 'select * from "users" where "id" in (1, 2, 0)'


def test_unknown_operator_is_bound_as_a_value() -> None:
    query = q("sqlite").where("id", "= 1 or 1 = 1 --")
    assert query.to_sql() == 'select * from "users" where "id" = ?'
    assert query.get_bindings() == ["= 1 or 1 = 1 --"]


def test_full_text_language_is_whitelisted() -> None:
    sql = (
        q("pgsql")
        .where_full_text("body", "x", {"language": "english'); drop"})
        .to_sql()
    )
    assert "drop" not in sql


def test_index_hints_refuse_anything_but_names() -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match="Index name contains invalid characters"
    ):
        q("sqlite").force_index("i; drop table users").to_sql()


# -- arguments written into the SQL as keywords are checked, not trusted ---------------


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_where_connective_other_than_and_or_is_refused(dialect: str) -> None:
    with pytest.raises(InvalidQueryArgumentError, match=r"boolean \[and 1=1 or\]"):
        q(dialect).where("a", "=", 1, "and 1=1 or").to_sql()
    with pytest.raises(InvalidQueryArgumentError, match="not a valid where connective"):
        q(dialect).group_by("a").having("a", ">", 1, "or 1=1 and").to_sql()
    assert " and not " in q(dialect).where("a", 1).where_not("b", 2).to_sql()


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_join_type_other_than_sqls_is_refused(dialect: str) -> None:
    with pytest.raises(InvalidQueryArgumentError, match=r"join type \[inner; drop\]"):
        q(dialect).join(
            "posts", "users.id", "=", "posts.user_id", "inner; drop"
        ).to_sql()
    sql = q(dialect).join("posts", "users.id", "=", "posts.user_id", "left").to_sql()
    assert " left join " in sql


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_row_values_operator_must_be_an_operator(dialect: str) -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match="not a valid comparison operator"
    ):
        q(dialect).where_row_values(["a", "b"], "= (1,1) or 1=1 --", [1, 2])


def test_a_dict_value_binds_its_first_value_as_laravel_flattens_it() -> None:
    query = q("sqlite").where("id", {"$gt": ""})
    assert query.get_bindings() == [""]


def test_page_numbers_from_a_query_string_are_accepted_and_garbage_is_named() -> None:
    assert q("sqlite").for_page("2", 10).to_sql().endswith("limit 10 offset 10")
    with pytest.raises(InvalidQueryArgumentError, match=r"limit \[abc\]"):
        q("sqlite").limit("abc")
    with pytest.raises(InvalidQueryArgumentError, match=r"page \[x\]"):
        q("sqlite").for_page("x")
    with pytest.raises(InvalidQueryArgumentError, match=r"JSON length \[abc\]"):
        q("sqlite").where_json_length("meta->tags", "abc")
