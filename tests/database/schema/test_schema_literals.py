"""String literals the schema builder writes into DDL cannot end early (SQL injection)."""

from __future__ import annotations

import pytest

from protevus.database.connection import Connection

#: a backslash before the quote ends a MySQL literal unless backslashes are escaped too
#: (no trailing space: MySQL strips those from ENUM values by design).
HOSTILE = "x\\'; drop table victims; --"


def _victims(connection: Connection) -> None:
    schema = connection.get_schema_builder()
    with schema.create("victims") as table:
        table.id()


def test_table_comments_keep_quotes_and_backslashes(connection: Connection) -> None:
    if connection.get_driver_name() == "sqlite":
        pytest.skip("SQLite has no table comments (Laravel ignores them too).")
    _victims(connection)
    schema = connection.get_schema_builder()
    with schema.create("notes") as table:
        table.id()
    schema.table("notes", lambda table: table.comment(HOSTILE))
    assert schema.has_table("victims")
    comments = {row["name"]: row["comment"] for row in schema.get_tables()}
    assert comments["notes"] == HOSTILE


def test_column_defaults_and_enum_values_keep_quotes_and_backslashes(
    connection: Connection,
) -> None:
    _victims(connection)
    schema = connection.get_schema_builder()
    with schema.create("notes") as table:
        table.id()
        table.string("body").default(HOSTILE)
        table.enum("kind", ["plain", HOSTILE]).default("plain")
    assert schema.has_table("victims")
    connection.table("notes").insert({"kind": HOSTILE})
    row = connection.table("notes").first()
    assert row is not None
    assert row.body == HOSTILE and row.kind == HOSTILE
