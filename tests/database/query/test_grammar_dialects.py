"""Dialect-specific select compilation: JSON paths, dates, like, full text, JSON tests, raw SQL (no database)."""

from __future__ import annotations

import datetime as dt
import typing as t

import pytest

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.builder import Builder
from protevus.database.query.expression import Expression as Raw
from protevus.database.query.grammars.grammar import Grammar
from protevus.database.query.grammars.mariadb_grammar import MariaDbGrammar
from protevus.database.query.grammars.mysql_grammar import MySqlGrammar
from protevus.database.query.grammars.postgres_grammar import PostgresGrammar
from protevus.database.query.grammars.sqlite_grammar import SQLiteGrammar

GRAMMARS = {
    "ansi": Grammar,
    "sqlite": SQLiteGrammar,
    "pgsql": PostgresGrammar,
    "mysql": MySqlGrammar,
    "mariadb": MariaDbGrammar,
}


def q(dialect: str) -> Builder:
    return Builder(grammar=GRAMMARS[dialect]()).select("*").from_("users")


def bare(dialect: str) -> Builder:
    return Builder(grammar=GRAMMARS[dialect]())


Case = tuple[t.Callable[[], Builder], str, list[t.Any]]

SQLITE: list[Case] = [
    (
        lambda: (
            bare("sqlite")
            .select("items->price")
            .from_("users")
            .where("users.items->price", "=", 1)
            .order_by("items->price")
        ),
        'select json_extract("items", \'$."price"\') from "users" where json_extract("users"."items", \'$."price"\') = ? '
        'order by json_extract("items", \'$."price"\') asc',
        [1],
    ),
    (
        lambda: (
            q("sqlite")
            .where("items->price->in_usd", "=", 1)
            .where("items->age", "=", 2)
        ),
        'select * from "users" where json_extract("items", \'$."price"."in_usd"\') = ? and json_extract("items", \'$."age"\') = ?',
        [1, 2],
    ),
    (
        lambda: q("sqlite").where("items->available", "=", True),
        'select * from "users" where json_extract("items", \'$."available"\') = true',
        [],
    ),
    (
        lambda: q("sqlite").where("meta->tags[0]", "php"),
        'select * from "users" where json_extract("meta", \'$."tags"[0]\') = ?',
        ["php"],
    ),
    (
        lambda: q("sqlite").where_date("created_at", "=", "2015-12-21"),
        'select * from "users" where strftime(\'%Y-%m-%d\', "created_at") = cast(? as text)',
        ["2015-12-21"],
    ),
    (
        lambda: q("sqlite").where_date("created_at", Raw("NOW()")),
        'select * from "users" where strftime(\'%Y-%m-%d\', "created_at") = cast(NOW() as text)',
        [],
    ),
    (
        lambda: q("sqlite").where_day("created_at", "=", 1),
        'select * from "users" where strftime(\'%d\', "created_at") = cast(? as text)',
        ["01"],
    ),
    (
        lambda: q("sqlite").where_month("created_at", "=", 5),
        'select * from "users" where strftime(\'%m\', "created_at") = cast(? as text)',
        ["05"],
    ),
    (
        lambda: q("sqlite").where_year("created_at", "=", 2014),
        'select * from "users" where strftime(\'%Y\', "created_at") = cast(? as text)',
        [2014],
    ),
    (
        lambda: q("sqlite").where_time("created_at", ">=", "22:00"),
        'select * from "users" where strftime(\'%H:%M:%S\', "created_at") >= cast(? as text)',
        ["22:00"],
    ),
    (
        lambda: q("sqlite").where_like("id", "1"),
        'select * from "users" where "id" like ?',
        ["1"],
    ),
    (
        lambda: q("sqlite").where_like("id", "1", True),
        'select * from "users" where "id" glob ?',
        ["1"],
    ),
    (
        lambda: q("sqlite").where_like("description", "Hell* _orld?%", True),
        'select * from "users" where "description" glob ?',
        ["Hell[*] ?orld[?]*"],
    ),
    (
        lambda: q("sqlite").where_not_like("id", "1"),
        'select * from "users" where "id" not like ?',
        ["1"],
    ),
    (
        lambda: (
            q("sqlite")
            .where_like("name", "John%", True)
            .where_not_like("name", "%Doe%", True)
        ),
        'select * from "users" where "name" glob ? and "name" not glob ?',
        ["John*", "*Doe*"],
    ),
    (
        lambda: (
            q("sqlite").where_like("name", "John%").or_where_like("name", "Jane%", True)
        ),
        'select * from "users" where "name" like ? or "name" glob ?',
        ["John%", "Jane*"],
    ),
    (
        lambda: q("sqlite").where_json_length("options", 0),
        'select * from "users" where json_array_length("options") = ?',
        [0],
    ),
    (
        lambda: q("sqlite").where_json_length("users.options->languages", ">", 0),
        'select * from "users" where json_array_length("users"."options", \'$."languages"\') > ?',
        [0],
    ),
    (
        lambda: (
            q("sqlite")
            .where("id", "=", 1)
            .or_where_json_length("options->languages", Raw("0"))
        ),
        'select * from "users" where "id" = ? or json_array_length("options", \'$."languages"\') = 0',
        [1],
    ),
    (
        lambda: q("sqlite").where_json_contains("options->languages", "en"),
        'select * from "users" where exists (select 1 from json_each("options", \'$."languages"\') where "json_each"."value" is ?)',
        ["en"],
    ),
    (
        lambda: q("sqlite").where_json_doesnt_contain("options", 1),
        'select * from "users" where not exists (select 1 from json_each("options") where "json_each"."value" is ?)',
        [1],
    ),
    (
        lambda: q("sqlite").where_json_contains_key("users.options->languages"),
        'select * from "users" where json_type("users"."options", \'$."languages"\') is not null',
        [],
    ),
    (
        lambda: q("sqlite").where_json_doesnt_contain_key("options->language->primary"),
        'select * from "users" where not json_type("options", \'$."language"."primary"\') is not null',
        [],
    ),
]

PGSQL: list[Case] = [
    (
        lambda: (
            bare("pgsql")
            .select("items->price")
            .from_("users")
            .where("users.items->price", "=", 1)
            .order_by("items->price")
        ),
        'select "items"->>\'price\' from "users" where "users"."items"->>\'price\' = ? order by "items"->>\'price\' asc',
        [1],
    ),
    (
        lambda: (
            q("pgsql").where("items->price->in_usd", "=", 1).where("items->age", "=", 2)
        ),
        "select * from \"users\" where \"items\"->'price'->>'in_usd' = ? and \"items\"->>'age' = ?",
        [1, 2],
    ),
    (
        lambda: (
            q("pgsql").where("items->prices->0", "=", 1).where("items->age", "=", 2)
        ),
        'select * from "users" where "items"->\'prices\'->>0 = ? and "items"->>\'age\' = ?',
        [1, 2],
    ),
    (
        lambda: q("pgsql").where("items->available", "=", True),
        "select * from \"users\" where (\"items\"->'available')::jsonb = 'true'::jsonb",
        [],
    ),
    (
        lambda: q("pgsql").where("meta->tags[1]", "php"),
        'select * from "users" where "meta"->\'tags\'->>1 = ?',
        ["php"],
    ),
    (
        lambda: q("pgsql").where("id", "like", "1"),
        'select * from "users" where "id"::text like ?',
        ["1"],
    ),
    (
        lambda: q("pgsql").where("id", "LIKE", "1"),
        'select * from "users" where "id"::text LIKE ?',
        ["1"],
    ),
    (
        lambda: q("pgsql").where("id", "not ilike", "1"),
        'select * from "users" where "id"::text not ilike ?',
        ["1"],
    ),
    (
        lambda: q("pgsql").where_like("id", "1"),
        'select * from "users" where "id"::text ilike ?',
        ["1"],
    ),
    (
        lambda: q("pgsql").where_like("id", "1", True),
        'select * from "users" where "id"::text like ?',
        ["1"],
    ),
    (
        lambda: q("pgsql").where_not_like("id", "1"),
        'select * from "users" where "id"::text not ilike ?',
        ["1"],
    ),
    (
        lambda: q("pgsql").where_not_like("id", "1", True),
        'select * from "users" where "id"::text not like ?',
        ["1"],
    ),
    (
        lambda: q("pgsql").where_date("created_at", "=", "2015-12-21"),
        'select * from "users" where "created_at"::date = ?',
        ["2015-12-21"],
    ),
    (
        lambda: q("pgsql").where_date("created_at", Raw("NOW()")),
        'select * from "users" where "created_at"::date = NOW()',
        [],
    ),
    (
        lambda: q("pgsql").where_date("meta->due", "2024-01-01"),
        'select * from "users" where ("meta"->>\'due\')::date = ?',
        ["2024-01-01"],
    ),
    (
        lambda: q("pgsql").where_day("created_at", "=", 1),
        'select * from "users" where extract(day from "created_at") = ?',
        ["01"],
    ),
    (
        lambda: q("pgsql").where_month("created_at", "=", 5),
        'select * from "users" where extract(month from "created_at") = ?',
        ["05"],
    ),
    (
        lambda: q("pgsql").where_year("created_at", "=", 2014),
        'select * from "users" where extract(year from "created_at") = ?',
        [2014],
    ),
    (
        lambda: q("pgsql").where_time("created_at", ">=", "22:00"),
        'select * from "users" where "created_at"::time >= ?',
        ["22:00"],
    ),
    (
        lambda: q("pgsql").where_time("created_at", "22:00"),
        'select * from "users" where "created_at"::time = ?',
        ["22:00"],
    ),
    (
        lambda: q("pgsql").where_full_text("body", "Hello World"),
        "select * from \"users\" where (to_tsvector('english', \"body\")) @@ plainto_tsquery('english', ?)",
        ["Hello World"],
    ),
    (
        lambda: q("pgsql").where_full_text(
            "body", "Hello World", {"language": "simple"}
        ),
        "select * from \"users\" where (to_tsvector('simple', \"body\")) @@ plainto_tsquery('simple', ?)",
        ["Hello World"],
    ),
    (
        lambda: q("pgsql").where_full_text("body", "Hello World", {"mode": "phrase"}),
        "select * from \"users\" where (to_tsvector('english', \"body\")) @@ phraseto_tsquery('english', ?)",
        ["Hello World"],
    ),
    (
        lambda: q("pgsql").where_full_text(
            "body", "+Hello -World", {"mode": "websearch"}
        ),
        "select * from \"users\" where (to_tsvector('english', \"body\")) @@ websearch_to_tsquery('english', ?)",
        ["+Hello -World"],
    ),
    (
        lambda: q("pgsql").where_full_text(
            "body", "Hello World", {"language": "'; drop table x; --"}
        ),
        "select * from \"users\" where (to_tsvector('english', \"body\")) @@ plainto_tsquery('english', ?)",
        ["Hello World"],
    ),
    (
        lambda: q("pgsql").where_full_text(["body", "title"], "Car Plane"),
        'select * from "users" where (to_tsvector(\'english\', "body") || to_tsvector(\'english\', "title")) '
        "@@ plainto_tsquery('english', ?)",
        ["Car Plane"],
    ),
    (
        lambda: q("pgsql").where_json_contains("options", ["en"]),
        'select * from "users" where ("options")::jsonb @> ?',
        ['["en"]'],
    ),
    (
        lambda: q("pgsql").where_json_contains("users.options->languages", ["en"]),
        'select * from "users" where ("users"."options"->\'languages\')::jsonb @> ?',
        ['["en"]'],
    ),
    (
        lambda: (
            q("pgsql")
            .where("id", "=", 1)
            .or_where_json_contains("options->languages", Raw("'[\"en\"]'"))
        ),
        'select * from "users" where "id" = ? or ("options"->\'languages\')::jsonb @> \'["en"]\'',
        [1],
    ),
    (
        lambda: q("pgsql").where_json_doesnt_contain("options->languages", ["en"]),
        'select * from "users" where not ("options"->\'languages\')::jsonb @> ?',
        ['["en"]'],
    ),
    (
        lambda: q("pgsql").where_json_contains("options", {"a": 1, "b": "é"}),
        'select * from "users" where ("options")::jsonb @> ?',
        ['{"a":1,"b":"é"}'],
    ),
    (
        lambda: q("pgsql").where_json_length("options", 0),
        'select * from "users" where jsonb_array_length(("options")::jsonb) = ?',
        [0],
    ),
    (
        lambda: q("pgsql").where_json_length("users.options->languages", ">", 0),
        'select * from "users" where jsonb_array_length(("users"."options"->\'languages\')::jsonb) > ?',
        [0],
    ),
    (
        lambda: q("pgsql").where_json_contains_key("users.options->languages"),
        'select * from "users" where coalesce(("users"."options")::jsonb ?? \'languages\', false)',
        [],
    ),
    (
        lambda: q("pgsql").where_json_contains_key("options->language->primary"),
        "select * from \"users\" where coalesce((\"options\"->'language')::jsonb ?? 'primary', false)",
        [],
    ),
    (
        lambda: q("pgsql").where_json_contains_key("options->languages[0]"),
        "select * from \"users\" where case when jsonb_typeof((\"options\"->'languages')::jsonb) = 'array' "
        "then jsonb_array_length((\"options\"->'languages')::jsonb) >= 1 else false end",
        [],
    ),
    (
        lambda: q("pgsql").where_json_contains_key("options->languages[-1]"),
        "select * from \"users\" where case when jsonb_typeof((\"options\"->'languages')::jsonb) = 'array' "
        "then jsonb_array_length((\"options\"->'languages')::jsonb) >= 1 else false end",
        [],
    ),
]

MYSQL: list[Case] = [
    (
        lambda: (
            bare("mysql")
            .select("items->price")
            .from_("users")
            .where("users.items->price", "=", 1)
            .order_by("items->price")
        ),
        "select json_unquote(json_extract(`items`, '$.\"price\"')) from `users` where "
        "json_unquote(json_extract(`users`.`items`, '$.\"price\"')) = ? order by json_unquote(json_extract(`items`, '$.\"price\"')) asc",
        [1],
    ),
    (
        lambda: (
            q("mysql").where("items->price->in_usd", "=", 1).where("items->age", "=", 2)
        ),
        'select * from `users` where json_unquote(json_extract(`items`, \'$."price"."in_usd"\')) = ? and '
        "json_unquote(json_extract(`items`, '$.\"age\"')) = ?",
        [1, 2],
    ),
    (
        lambda: (
            q("mysql")
            .where("items->available", "=", True)
            .where("items->active", "=", False)
            .where("items->number_available", "=", 0)
        ),
        "select * from `users` where json_extract(`items`, '$.\"available\"') = true and "
        "json_extract(`items`, '$.\"active\"') = false and json_unquote(json_extract(`items`, '$.\"number_available\"')) = ?",
        [0],
    ),
    (
        lambda: q("mysql").where(Raw("items->'$.available'"), "=", True),
        "select * from `users` where items->'$.available' = true",
        [],
    ),
    (
        lambda: q("mysql").where_null("items->id"),
        "select * from `users` where (json_extract(`items`, '$.\"id\"') is null OR "
        "json_type(json_extract(`items`, '$.\"id\"')) = 'NULL')",
        [],
    ),
    (
        lambda: q("mysql").where_not_null("items->id"),
        "select * from `users` where (json_extract(`items`, '$.\"id\"') is not null AND "
        "json_type(json_extract(`items`, '$.\"id\"')) != 'NULL')",
        [],
    ),
    (
        lambda: q("mysql").where_like("id", "1"),
        "select * from `users` where `id` like ?",
        ["1"],
    ),
    (
        lambda: q("mysql").where_like("id", "1", True),
        "select * from `users` where `id` like binary ?",
        ["1"],
    ),
    (
        lambda: q("mysql").where_not_like("id", "1"),
        "select * from `users` where `id` not like ?",
        ["1"],
    ),
    (
        lambda: q("mysql").where_not_like("id", "1", True),
        "select * from `users` where `id` not like binary ?",
        ["1"],
    ),
    (
        lambda: q("mysql").where_full_text("body", "Hello World"),
        "select * from `users` where match (`body`) against (? in natural language mode)",
        ["Hello World"],
    ),
    (
        lambda: q("mysql").where_full_text("body", "Hello World", {"expanded": True}),
        "select * from `users` where match (`body`) against (? in natural language mode with query expansion)",
        ["Hello World"],
    ),
    (
        lambda: q("mysql").where_full_text(
            "body", "+Hello -World", {"mode": "boolean"}
        ),
        "select * from `users` where match (`body`) against (? in boolean mode)",
        ["+Hello -World"],
    ),
    (
        lambda: q("mysql").where_full_text(
            "body", "+Hello -World", {"mode": "boolean", "expanded": True}
        ),
        "select * from `users` where match (`body`) against (? in boolean mode)",
        ["+Hello -World"],
    ),
    (
        lambda: q("mysql").where_full_text(["body", "title"], "Car,Plane"),
        "select * from `users` where match (`body`, `title`) against (? in natural language mode)",
        ["Car,Plane"],
    ),
    (
        lambda: q("mysql").where("id", 1).or_where_full_text("body", "x"),
        "select * from `users` where `id` = ? or match (`body`) against (? in natural language mode)",
        [1, "x"],
    ),
    (
        lambda: q("mysql").where_json_contains("options", ["en"]),
        "select * from `users` where json_contains(`options`, ?)",
        ['["en"]'],
    ),
    (
        lambda: q("mysql").where_json_contains("users.options->languages", ["en"]),
        "select * from `users` where json_contains(`users`.`options`, ?, '$.\"languages\"')",
        ['["en"]'],
    ),
    (
        lambda: (
            q("mysql")
            .where("id", "=", 1)
            .or_where_json_contains("options->languages", Raw("'[\"en\"]'"))
        ),
        "select * from `users` where `id` = ? or json_contains(`options`, '[\"en\"]', '$.\"languages\"')",
        [1],
    ),
    (
        lambda: q("mysql").where_json_doesnt_contain("options->languages", ["en"]),
        "select * from `users` where not json_contains(`options`, ?, '$.\"languages\"')",
        ['["en"]'],
    ),
    (
        lambda: q("mysql").where_json_overlaps("options->languages", ["en", "fr"]),
        "select * from `users` where json_overlaps(`options`, ?, '$.\"languages\"')",
        ['["en","fr"]'],
    ),
    (
        lambda: q("mysql").where_json_doesnt_overlap("options", ["en"]),
        "select * from `users` where not json_overlaps(`options`, ?)",
        ['["en"]'],
    ),
    (
        lambda: q("mysql").where_json_contains_key("users.options->languages"),
        "select * from `users` where ifnull(json_contains_path(`users`.`options`, 'one', '$.\"languages\"'), 0)",
        [],
    ),
    (
        lambda: q("mysql").where_json_contains_key("options->languages[0][1]"),
        "select * from `users` where ifnull(json_contains_path(`options`, 'one', '$.\"languages\"[0][1]'), 0)",
        [],
    ),
    (
        lambda: q("mysql").where_json_doesnt_contain_key("options->languages"),
        "select * from `users` where not ifnull(json_contains_path(`options`, 'one', '$.\"languages\"'), 0)",
        [],
    ),
    (
        lambda: q("mysql").where_json_length("options", 0),
        "select * from `users` where json_length(`options`) = ?",
        [0],
    ),
    (
        lambda: q("mysql").where_json_length("users.options->languages", ">", 0),
        "select * from `users` where json_length(`users`.`options`, '$.\"languages\"') > ?",
        [0],
    ),
    (
        lambda: (
            q("mysql")
            .where("id", "=", 1)
            .or_where_json_length("options->languages", ">", Raw("0"))
        ),
        "select * from `users` where `id` = ? or json_length(`options`, '$.\"languages\"') > 0",
        [1],
    ),
    (
        lambda: q("mariadb").where("meta->lang", "en"),
        "select * from `users` where json_unquote(json_extract(`meta`, '$.\"lang\"')) = ?",
        ["en"],
    ),
]


@pytest.mark.parametrize(("build", "sql", "bindings"), SQLITE + PGSQL + MYSQL)
def test_dialect_compiles_laravels_sql(
    build: t.Callable[[], Builder], sql: str, bindings: list[t.Any]
) -> None:
    query = build()
    assert query.to_sql() == sql
    assert query.get_bindings() == bindings


@pytest.mark.parametrize(
    "build",
    [
        lambda: q("ansi").where("meta->lang", "en"),
        lambda: q("ansi").where_json_contains("options", ["en"]),
        lambda: q("ansi").where_json_length("options", 1),
        lambda: q("ansi").where_json_contains_key("options->a"),
        lambda: q("sqlite").where_full_text("body", "x"),
        lambda: q("sqlite").where_json_overlaps("options", ["en"]),
        lambda: q("pgsql").where_json_overlaps("options", ["en"]),
        lambda: q("ansi").where_like("name", "x", True),
    ],
)
def test_unsupported_features_raise(build: t.Callable[[], Builder]) -> None:
    with pytest.raises(InvalidQueryArgumentError, match="does not support"):
        build().to_sql()


def test_mysql_json_path_quotes_are_escaped() -> None:
    expected = "select json_unquote(json_extract(`json`, '$.\"''))#\"'))"
    for selector in [
        "json->'))#",
        "json->\\'))#",
        "json->\\\\'))#",
        "json->\\\\\\'))#",
    ]:
        assert bare("mysql").select(selector).to_sql() == expected


def test_mariadb_json_value_cast() -> None:
    assert MariaDbGrammar().compile_json_value_cast("?") == "json_query(?, '$')"
    assert MySqlGrammar().compile_json_value_cast("?") == "cast(? as json)"


RAW: list[tuple[t.Callable[[], Builder], str]] = [
    (
        lambda: (
            bare("mysql")
            .from_("users")
            .where("email", "foo")
            .where("id", 1)
            .where("ok", True)
        ),
        "select * from `users` where `email` = 'foo' and `id` = 1 and `ok` = 1",
    ),
    (
        lambda: (
            bare("pgsql")
            .from_("users")
            .where("ok", True)
            .where(
                "name",
                None,
            )
            .where("x", "O'Brien")
        ),
        'select * from "users" where "ok" = true and "name" is null and "x" = \'O\'\'Brien\'',
    ),
    (
        lambda: bare("mysql").from_("users").where("x", "O'Brien\\"),
        "select * from `users` where `x` = 'O\\'Brien\\\\'",
    ),
    (
        lambda: (
            bare("sqlite")
            .from_("users")
            .where("x", "it's")
            .where_raw("note = '?'")
            .where("n", 1.5)
        ),
        "select * from \"users\" where \"x\" = 'it''s' and note = '?' and \"n\" = 1.5",
    ),
    (
        lambda: (
            bare("pgsql")
            .from_("users")
            .where("roles", "?", "admin")
            .where(
                "y",
                None,
            )
            .where_in("id", [1, 2])
        ),
        'select * from "users" where "roles" ? \'admin\' and "y" is null and "id" in (1, 2)',
    ),
    (
        lambda: (
            bare("sqlite")
            .from_("users")
            .where("at", dt.datetime(2024, 1, 2, 3, 4, 5))
            .where("d", dt.date(2024, 1, 2))
        ),
        'select * from "users" where "at" = \'2024-01-02 03:04:05\' and "d" = \'2024-01-02\'',
    ),
    (
        lambda: bare("pgsql").from_("files").where("data", b"\x01\xff"),
        'select * from "files" where "data" = \'\\x01ff\'::bytea',
    ),
    (
        lambda: (
            bare("mysql")
            .from_("files")
            .where("data", b"\x01\xff")
            .where(
                "n",
                None,
            )
        ),
        "select * from `files` where `data` = x'01ff' and `n` is null",
    ),
]


@pytest.mark.parametrize(("build", "expected"), RAW)
def test_to_raw_sql_escapes_bindings(
    build: t.Callable[[], Builder], expected: str
) -> None:
    assert build().to_raw_sql() == expected


def test_to_raw_sql_refuses_null_bytes_and_arrays() -> None:
    with pytest.raises(InvalidQueryArgumentError, match="null bytes"):
        bare("sqlite").from_("users").where("x", "a\x00b").to_raw_sql()
    grammar = SQLiteGrammar()
    with pytest.raises(InvalidQueryArgumentError, match="escaping arrays"):
        grammar.substitute_bindings_into_raw_sql("select ?", [[1, 2]])
    assert grammar.substitute_bindings_into_raw_sql("select ?, ?", [1]) == "select 1, ?"


def test_grammar_helpers() -> None:
    grammar = PostgresGrammar()
    assert grammar.wrap_array(["a", "b.c"]) == ['"a"', '"b"."c"']
    assert grammar.columnize(["a", Raw("count(*)")]) == '"a", count(*)'
    assert grammar.parameterize([1, Raw("now()"), "x"]) == "?, now(), ?"
    assert grammar.parameter(Raw("1")) == "1"
    assert grammar.quote_string("it's") == "'it''s'"
    assert grammar.quote_string(["a", "b"]) == "'a', 'b'"
    assert grammar.is_expression(Raw("x")) and not grammar.is_expression("x")
    assert grammar.get_value(Raw(Raw("nested"))) == "nested"
    assert grammar.wrap_table("public.users") == '"public"."users"'
    assert grammar.wrap("users.*") == '"users".*'
    assert grammar.compile_random("") == "RANDOM()"
    assert grammar.getOperators() == grammar.get_operators()
    assert MySqlGrammar().wrap("a.b as c") == "`a`.`b` as `c`"
