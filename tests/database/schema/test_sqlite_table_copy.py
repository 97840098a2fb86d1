"""SQLite table copies (change/drop column) are all or nothing and never cascade."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.database.connection import Connection
from protevus.database.exceptions import QueryError
from protevus.database.exceptions import SchemaError


@pytest.fixture
def sqlite(tmp_path: Path) -> t.Iterator[Connection]:
    path = tmp_path / "copy.sqlite"
    path.touch()
    connection = Connection({"driver": "sqlite", "database": str(path)}, name="copy")
    schema = connection.get_schema_builder()
    schema.create(
        "parents", lambda table: (table.id(), table.string("name").nullable())
    )
    schema.create(
        "kids",
        lambda table: (
            table.id(),
            table.foreign_id("parent_id").constrained().cascade_on_delete(),
        ),
    )
    connection.table("parents").insert([{"name": None}, {"name": "b"}])
    connection.table("kids").insert([{"parent_id": 1}, {"parent_id": 2}])
    yield connection
    connection.disconnect()


def _make_name_required(connection: Connection) -> None:
    connection.get_schema_builder().table(
        "parents", lambda table: table.string("name").nullable(False).change()
    )


def test_a_copy_that_fails_midway_changes_nothing(sqlite: Connection) -> None:
    with pytest.raises(QueryError, match="NOT NULL constraint failed"):
        _make_name_required(sqlite)

    schema = sqlite.get_schema_builder()
    assert sorted(t["name"] for t in schema.get_tables()) == ["kids", "parents"]
    assert sqlite.scalar("PRAGMA foreign_keys") == 1
    assert sqlite.table("parents").count() == 2
    assert sqlite.table("kids").count() == 2

    sqlite.table("parents").where("id", 1).update({"name": "a"})
    _make_name_required(sqlite)  # fixing the data lets the same change run
    assert not next(c for c in schema.get_columns("parents") if c["name"] == "name")[
        "nullable"
    ]
    assert sqlite.table("kids").count() == 2


def test_copying_a_parent_table_keeps_its_children(sqlite: Connection) -> None:
    sqlite.get_schema_builder().table(
        "parents", lambda table: table.string("name", 100).nullable().change()
    )
    assert sqlite.table("kids").count() == 2
    assert sqlite.scalar("PRAGMA foreign_keys") == 1


def test_a_copy_inside_a_transaction_is_refused_before_it_cascades(
    sqlite: Connection,
) -> None:
    with pytest.raises(SchemaError, match=r"cannot copy table \[parents\] inside"):
        with sqlite.transaction():
            sqlite.get_schema_builder().table(
                "parents", lambda table: table.string("name", 100).change()
            )
    assert sqlite.table("kids").count() == 2
