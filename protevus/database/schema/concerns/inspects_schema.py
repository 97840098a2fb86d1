"""Read the schema back: tables, views, columns, indexes and foreign keys.

Reflection goes through SQLAlchemy's inspector; results have Laravel 11's shapes
(lists of dicts with ``name``, ``type_name``, ``type``, ``nullable``...).

Laravel: ``Illuminate\\Database\\Schema\\Builder::getColumns()`` and friends.
"""

from __future__ import annotations

import contextlib
import re
import typing as t

import sqlalchemy as sa

from protevus.database.exceptions import SchemaError
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from sqlalchemy.engine.reflection import Inspector

    from protevus.database.connection import Connection


class InspectsSchema(CamelAliases):
    """Give the schema builder Laravel's ``get_*`` and ``has_*`` reflection methods."""

    def get_connection(self) -> Connection:
        raise NotImplementedError  # pragma: no cover - Builder defines it

    def _prefixed(self, table: str) -> str:
        return self.get_connection().get_table_prefix() + table

    @contextlib.contextmanager
    def _inspector(self) -> t.Iterator[Inspector]:
        """Lend an inspector on this thread's connection, ending its read transaction after."""
        connection = self.get_connection()
        sa_connection = connection.get_sa_connection()
        try:
            yield sa.inspect(sa_connection)
        finally:
            if connection.transaction_level() == 0 and sa_connection.in_transaction():
                sa_connection.commit()

    def _type_text(self, type_: t.Any) -> str:
        dialect = self.get_connection().get_engine().dialect
        try:
            return str(type_.compile(dialect=dialect)).lower()
        except Exception:  # a reflected type the dialect cannot print (NullType)
            return str(type_).lower()

    # -- tables and views -----------------------------------------------------------

    def has_table(self, table: str) -> bool:
        """Determine if ``table`` exists. Laravel: ``Schema::hasTable()``."""
        with self._inspector() as inspector:
            return bool(inspector.has_table(self._prefixed(table)))

    def has_view(self, view: str) -> bool:
        """Determine if ``view`` exists. Laravel: ``Schema::hasView()``."""
        name = self._prefixed(view)
        return any(item["name"] == name for item in self.get_views())

    def get_tables(self) -> list[dict[str, t.Any]]:
        """List the tables: ``name``, ``schema``, ``size``, ``comment``, ``collation``, ``engine``.

        Laravel: ``Schema::getTables()``.
        """
        driver = self.get_connection().get_driver_name()
        tables = []
        with self._inspector() as inspector:
            for name in sorted(inspector.get_table_names()):
                if driver == "sqlite" and name.startswith("sqlite_"):
                    continue
                comment = None
                options: dict[str, t.Any] = {}
                if driver != "sqlite":
                    comment = inspector.get_table_comment(name).get("text")
                    options = dict(inspector.get_table_options(name))
                tables.append(
                    {
                        "name": name,
                        "schema": inspector.default_schema_name,
                        "size": None,
                        "comment": comment,
                        "collation": options.get("mysql_collate")
                        or options.get("mariadb_collate"),
                        "engine": options.get("mysql_engine")
                        or options.get("mariadb_engine"),
                    }
                )
        return tables

    def get_table_listing(self) -> list[str]:
        """List the table names. Laravel: ``Schema::getTableListing()``."""
        return [table["name"] for table in self.get_tables()]

    def get_views(self) -> list[dict[str, t.Any]]:
        """List the views: ``name``, ``schema``, ``definition``. Laravel: ``Schema::getViews()``."""
        with self._inspector() as inspector:
            views = []
            for name in sorted(inspector.get_view_names()):
                try:
                    definition = inspector.get_view_definition(name)
                except Exception:
                    definition = None
                views.append(
                    {
                        "name": name,
                        "schema": inspector.default_schema_name,
                        "definition": definition,
                    }
                )
            return views

    # -- columns --------------------------------------------------------------------

    def get_columns(self, table: str) -> list[dict[str, t.Any]]:
        """List a table's columns in Laravel 11's shape.

        Each dict has ``name``, ``type_name`` (``varchar``), ``type`` (``varchar(255)``),
        ``collation``, ``nullable``, ``default``, ``auto_increment``, ``comment`` and
        ``generation``. Laravel: ``Schema::getColumns()``.
        """
        name = self._prefixed(table)
        driver = self.get_connection().get_driver_name()
        with self._inspector() as inspector:
            if not inspector.has_table(name):
                return []
            reflected = inspector.get_columns(name)
            primary = inspector.get_pk_constraint(name).get("constrained_columns") or []
        columns = []
        for column in reflected:
            type_ = self._type_text(column["type"])
            auto = column.get("autoincrement") is True
            if driver == "sqlite":
                auto = primary == [column["name"]] and type_ == "integer"
            computed = column.get("computed")
            generation = None
            if computed:
                generation = {
                    "type": "stored" if computed.get("persisted") else "virtual",
                    "expression": computed.get("sqltext"),
                }
            columns.append(
                {
                    "name": column["name"],
                    "type_name": re.split(r"[\s(]", type_, maxsplit=1)[0],
                    "type": type_,
                    "collation": getattr(column["type"], "collation", None),
                    "nullable": bool(column.get("nullable")),
                    "default": column.get("default"),
                    "auto_increment": auto,
                    "comment": column.get("comment"),
                    "generation": generation,
                }
            )
        return columns

    def get_column_listing(self, table: str) -> list[str]:
        """List a table's column names. Laravel: ``Schema::getColumnListing()``."""
        return [column["name"] for column in self.get_columns(table)]

    def has_column(self, table: str, column: str) -> bool:
        """Determine if ``table`` has ``column`` (case-insensitive). Laravel: ``hasColumn()``."""
        return column.lower() in {
            name.lower() for name in self.get_column_listing(table)
        }

    def has_columns(self, table: str, columns: t.Sequence[str]) -> bool:
        """Determine if ``table`` has every one of ``columns``. Laravel: ``hasColumns()``."""
        existing = {name.lower() for name in self.get_column_listing(table)}
        return all(column.lower() in existing for column in columns)

    def get_column_type(
        self, table: str, column: str, full_definition: bool = False
    ) -> str:
        """Get a column's type name (``varchar``) or full type (``varchar(255)``).

        Laravel: ``Schema::getColumnType()``.
        """
        for value in self.get_columns(table):
            if value["name"].lower() == column.lower():
                return str(value["type"] if full_definition else value["type_name"])
        raise SchemaError(
            f"There is no column with name [{column}] on table [{table}]: check both names."
        )

    # -- indexes and foreign keys ---------------------------------------------------

    def get_indexes(self, table: str) -> list[dict[str, t.Any]]:
        """List a table's indexes: ``name``, ``columns``, ``type``, ``unique``, ``primary``.

        The primary key is listed too (named ``primary`` on SQLite and MySQL).
        Laravel: ``Schema::getIndexes()``.
        """
        name = self._prefixed(table)
        driver = self.get_connection().get_driver_name()
        with self._inspector() as inspector:
            if not inspector.has_table(name):
                return []
            primary = inspector.get_pk_constraint(name)
            indexes = inspector.get_indexes(name)
            uniques = inspector.get_unique_constraints(name)
        result: list[dict[str, t.Any]] = []
        if primary.get("constrained_columns"):
            pk_name = primary.get("name") if driver == "pgsql" else "primary"
            result.append(
                {
                    "name": pk_name or "primary",
                    "columns": list(primary["constrained_columns"]),
                    "type": "btree" if driver != "sqlite" else None,
                    "unique": True,
                    "primary": True,
                }
            )
        seen = {item["name"] for item in result}
        for index in indexes:
            options = index.get("dialect_options") or {}
            kind = (
                options.get("postgresql_using")
                or options.get("mysql_prefix")
                or options.get("mariadb_prefix")
            )
            if kind is None and driver != "sqlite":
                kind = "btree"
            result.append(
                {
                    "name": index["name"],
                    "columns": [c for c in index["column_names"] if c is not None],
                    "type": str(kind).lower() if kind else None,
                    "unique": bool(index["unique"]),
                    "primary": False,
                }
            )
            seen.add(index["name"])
        for unique in uniques:
            if unique.get("name") and unique["name"] not in seen:
                result.append(
                    {
                        "name": unique["name"],
                        "columns": list(unique["column_names"]),
                        "type": "btree" if driver != "sqlite" else None,
                        "unique": True,
                        "primary": False,
                    }
                )
        return result

    def get_index_listing(self, table: str) -> list[str]:
        """List a table's index names. Laravel: ``Schema::getIndexListing()``."""
        return [index["name"] for index in self.get_indexes(table)]

    def has_index(
        self, table: str, index: str | t.Sequence[str], type_: str | None = None
    ) -> bool:
        """Determine if ``table`` has an index by name or by its columns (and ``type_``).

        ``type_`` is ``primary``, ``unique`` or an algorithm (``btree``, ``fulltext``...).
        Laravel: ``Schema::hasIndex()``.
        """
        kind = type_.lower() if type_ else None
        wanted = index if isinstance(index, str) else list(index)
        for value in self.get_indexes(table):
            matches_type = (
                kind is None
                or (kind == "primary" and value["primary"])
                or (kind == "unique" and value["unique"])
                or kind == value["type"]
            )
            if (value["name"] == wanted or value["columns"] == wanted) and matches_type:
                return True
        return False

    def get_foreign_keys(self, table: str) -> list[dict[str, t.Any]]:
        """List a table's foreign keys in Laravel 11's shape.

        Each dict has ``name``, ``columns``, ``foreign_schema``, ``foreign_table``,
        ``foreign_columns``, ``on_update`` and ``on_delete``. Laravel: ``getForeignKeys()``.
        """
        name = self._prefixed(table)
        with self._inspector() as inspector:
            if not inspector.has_table(name):
                return []
            keys = inspector.get_foreign_keys(name)
        result = []
        for key in keys:
            options = key.get("options") or {}
            result.append(
                {
                    "name": key.get("name"),
                    "columns": list(key["constrained_columns"]),
                    "foreign_schema": key.get("referred_schema"),
                    "foreign_table": key["referred_table"],
                    "foreign_columns": list(key["referred_columns"]),
                    "on_update": str(options.get("onupdate") or "no action").lower(),
                    "on_delete": str(options.get("ondelete") or "no action").lower(),
                }
            )
        return result
