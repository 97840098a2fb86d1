"""Compile MySQL's and MariaDB's forms of the write statements.

Laravel: the write half of ``MySqlGrammar``.

MySQL updates and deletes accept ``order by`` and ``limit``; updates with joins put
the joins before ``set``; JSON columns are updated with ``json_set``.
"""

from __future__ import annotations

import typing as t

from protevus.database.query.grammars.concerns.compiles_writes import CompilesWrites
from protevus.database.query.grammars.concerns.compiles_writes import is_json_selector
from protevus.database.query.grammars.concerns.compiles_writes import json_encode


class MySqlWrites(CompilesWrites):
    """Compile MySQL's and MariaDB's forms of the write statements.

    Laravel: the write half of ``MySqlGrammar``.
    """

    __slots__ = ()

    if t.TYPE_CHECKING:

        def wrap_json_field_and_path(self, column: str) -> tuple[str, str]: ...
        def compile_json_value_cast(self, value: str) -> str: ...

    def compile_insert(self, query: t.Any, values: t.Any) -> str:
        """Compile an insert; with no values, ``insert into `t` () values ()``.

        Laravel: ``MySqlGrammar::compileInsert()``.
        """
        if not values:
            values = [{}]
        return super().compile_insert(query, values)

    def compile_insert_or_ignore(self, query: t.Any, values: t.Any) -> str:
        """Compile ``insert ignore into ...``. Laravel: ``MySqlGrammar::compileInsertOrIgnore()``."""
        return self.compile_insert(query, values).replace("insert", "insert ignore", 1)

    def compile_insert_or_ignore_using(
        self, query: t.Any, columns: t.Sequence[t.Any], sql: str
    ) -> str:
        """Compile ``insert ignore into ... select``.

        Laravel: ``MySqlGrammar::compileInsertOrIgnoreUsing()``.
        """
        return self.compile_insert_using(query, columns, sql).replace(
            "insert", "insert ignore", 1
        )

    def compile_upsert(
        self,
        query: t.Any,
        values: t.Any,
        unique_by: t.Sequence[str],
        update: t.Any,
    ) -> str:
        """Compile ``insert ... on duplicate key update `a` = values(`a`)``.

        With the connection option ``use_upsert_alias`` (MySQL 8.0.19+) the inserted
        row is named ``laravel_upsert_alias`` instead of read with ``values()``.

        Laravel: ``MySqlGrammar::compileUpsert()``.
        """
        use_alias = bool(_config(query, "use_upsert_alias"))
        sql = self.compile_insert(query, values)
        if use_alias:
            sql += " as laravel_upsert_alias"
        sql += " on duplicate key update "
        alias = self.wrap("laravel_upsert_alias")

        def inserted(column: str) -> str:
            if use_alias:
                return f"{alias}.{self.wrap(column)}"
            return f"values({self.wrap(column)})"

        return sql + self.compile_upsert_update_columns(update, inserted)

    def compile_update_columns(
        self, query: t.Any, values: t.Mapping[str, t.Any]
    ) -> str:
        """Compile the ``set`` list; ``meta->a`` keys use ``json_set``.

        Laravel: ``MySqlGrammar::compileUpdateColumns()``.
        """
        parts = []
        for key, value in values.items():
            if is_json_selector(key):
                parts.append(self.compile_json_update_column(key, value))
            else:
                parts.append(f"{self.wrap(key)} = {self.parameter(value)}")
        return ", ".join(parts)

    def compile_json_update_column(self, key: str, value: t.Any) -> str:
        """Compile ``"meta" = json_set("meta", '$."a"', ?)``; booleans are written as
        ``true``/``false`` and lists or dicts are cast to JSON (``cast(? as json)`` on
        MySQL, ``json_query(?, '$')`` on MariaDB: the grammar's ``compile_json_value_cast``).

        Laravel: ``MySqlGrammar::compileJsonUpdateColumn()``.
        """
        if isinstance(value, bool):
            sql_value = "true" if value else "false"
        elif isinstance(value, dict | list):
            sql_value = self.compile_json_value_cast("?")
        else:
            sql_value = self.parameter(value)
        field, path = self.wrap_json_field_and_path(key)
        return f"{field} = json_set({field}{path}, {sql_value})"

    def compile_update_without_joins(
        self, query: t.Any, table: str, columns: str, where: str
    ) -> str:
        """Compile an update without joins, with its ``order by`` and ``limit``.

        Laravel: ``MySqlGrammar::compileUpdateWithoutJoins()``.
        """
        sql = super().compile_update_without_joins(query, table, columns, where)
        return self._with_orders_and_limit(query, sql)

    def prepare_bindings_for_update(
        self, bindings: t.Mapping[str, t.Any], values: t.Mapping[str, t.Any]
    ) -> list[t.Any]:
        """Order the bindings; JSON booleans are not bound, lists and dicts are encoded.

        Laravel: ``MySqlGrammar::prepareBindingsForUpdate()``.
        """
        kept = {
            column: json_encode(value) if isinstance(value, dict | list) else value
            for column, value in values.items()
            if not (is_json_selector(column) and isinstance(value, bool))
        }
        return super().prepare_bindings_for_update(bindings, kept)

    def compile_delete_without_joins(self, query: t.Any, table: str, where: str) -> str:
        """Compile a delete without joins, with its ``order by`` and ``limit``.

        Laravel: ``MySqlGrammar::compileDeleteWithoutJoins()``.
        """
        sql = super().compile_delete_without_joins(query, table, where)
        return self._with_orders_and_limit(query, sql)

    def _with_orders_and_limit(self, query: t.Any, sql: str) -> str:
        sql = sql.rstrip()
        if query.orders:
            sql += " " + self.compile_orders(query, query.orders)
        if query.limit_value is not None:
            sql += " " + self.compile_limit(query, query.limit_value)
        return sql


def _config(query: t.Any, key: str) -> t.Any:
    connection = getattr(query, "connection", None)
    getter = getattr(connection, "get_config", None)
    if not callable(getter):
        return None
    try:
        return getter(key)
    except (KeyError, LookupError):
        return None
