"""Compile SQLite's forms of the write statements.

Laravel: the write half of ``SQLiteGrammar``.

SQLite has no ``update ... join`` nor ``delete ... limit``: such statements go
through a ``rowid in (select ...)`` subquery. JSON columns are updated with
``json_patch``, one patch per column.
"""

from __future__ import annotations

import typing as t

from protevus.database.query.grammars.concerns.compiles_writes import CompilesWrites
from protevus.database.query.grammars.concerns.compiles_writes import flatten_bindings
from protevus.database.query.grammars.concerns.compiles_writes import is_json_selector
from protevus.database.query.grammars.concerns.compiles_writes import json_encode
from protevus.database.query.grammars.concerns.compiles_writes import update_values


class SQLiteWrites(CompilesWrites):
    """Compile SQLite's forms of the write statements.

    Laravel: the write half of ``SQLiteGrammar``.
    """

    __slots__ = ()

    def compile_insert_or_ignore(self, query: t.Any, values: t.Any) -> str:
        """Compile ``insert or ignore into ...``. Laravel: ``SQLiteGrammar::compileInsertOrIgnore()``."""
        return _replace_first(
            self.compile_insert(query, values), "insert", "insert or ignore"
        )

    def compile_insert_or_ignore_using(
        self, query: t.Any, columns: t.Sequence[t.Any], sql: str
    ) -> str:
        """Compile ``insert or ignore into ... select``.

        Laravel: ``SQLiteGrammar::compileInsertOrIgnoreUsing()``.
        """
        return _replace_first(
            self.compile_insert_using(query, columns, sql), "insert", "insert or ignore"
        )

    def compile_upsert(
        self,
        query: t.Any,
        values: t.Any,
        unique_by: t.Sequence[str],
        update: t.Any,
    ) -> str:
        """Compile ``insert ... on conflict (...) do update set "a" = "excluded"."a"``.

        Laravel: ``SQLiteGrammar::compileUpsert()``.
        """
        sql = self.compile_insert(query, values)
        sql += f" on conflict ({self.columnize(unique_by)}) do update set "
        excluded = self.wrap_value("excluded")
        return sql + self.compile_upsert_update_columns(
            update, lambda column: f"{excluded}.{self.wrap(column)}"
        )

    def compile_update(self, query: t.Any, values: t.Mapping[str, t.Any]) -> str:
        """Compile an update; with joins or a limit it goes through a ``rowid`` subquery.

        Laravel: ``SQLiteGrammar::compileUpdate()``.
        """
        if query.joins or query.limit_value is not None:
            table = self.wrap_table(query.from_value)
            columns = self.compile_update_columns(query, values)
            select = self.select_for_rowid_subquery(query, "rowid")
            return (
                f"update {table} set {columns} where {self.wrap('rowid')} in ({select})"
            )
        return super().compile_update(query, values)

    def compile_update_columns(
        self, query: t.Any, values: t.Mapping[str, t.Any]
    ) -> str:
        """Compile the ``set`` list; ``meta->a`` keys of one column become one ``json_patch``.

        Laravel: ``SQLiteGrammar::compileUpdateColumns()``.
        """
        groups = _json_groups(values)
        parts = []
        for key, value in _merge_groups(values, groups).items():
            column = key.split(".")[-1]
            if key in groups:
                wrapped = self.wrap(column)
                parts.append(
                    f"{wrapped} = json_patch(ifnull({wrapped}, json('{{}}')), "
                    f"json({self.parameter(value)}))"
                )
            else:
                parts.append(f"{self.wrap(column)} = {self.parameter(value)}")
        return ", ".join(parts)

    def prepare_bindings_for_update(
        self, bindings: t.Mapping[str, t.Any], values: t.Mapping[str, t.Any]
    ) -> list[t.Any]:
        """Order the bindings: the new values (JSON encoded where needed), then the rest.

        Laravel: ``SQLiteGrammar::prepareBindingsForUpdate()``.
        """
        merged = _merge_groups(values, _json_groups(values))
        encoded = [
            json_encode(v) if isinstance(v, dict | list) else v for v in merged.values()
        ]
        return [*update_values(encoded), *flatten_bindings(bindings, "select")]

    def compile_delete(self, query: t.Any) -> str:
        """Compile a delete; with joins or a limit it goes through a ``rowid`` subquery.

        Laravel: ``SQLiteGrammar::compileDelete()``.
        """
        if query.joins or query.limit_value is not None:
            table = self.wrap_table(query.from_value)
            select = self.select_for_rowid_subquery(query, "rowid")
            return f"delete from {table} where {self.wrap('rowid')} in ({select})"
        return super().compile_delete(query)

    def compile_truncate(self, query: t.Any) -> dict[str, list[t.Any]]:
        """Compile the autoincrement reset and the ``delete from`` that empty the table.

        Laravel: ``SQLiteGrammar::compileTruncate()``.
        """
        name = str(query.from_value)
        schema, _, table = name.rpartition(".")
        prefix = f"{self.wrap_value(schema)}." if schema else ""
        return {
            f"delete from {prefix}sqlite_sequence where name = ?": [
                _table_prefix(self) + table
            ],
            f"delete from {self.wrap_table(query.from_value)}": [],
        }


def _replace_first(sql: str, search: str, replace: str) -> str:
    return sql.replace(search, replace, 1)


def _table_prefix(grammar: t.Any) -> str:
    getter = getattr(grammar, "get_table_prefix", None)
    if callable(getter):
        return str(getter() or "")
    return str(getattr(grammar, "table_prefix", "") or "")


def _json_groups(values: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
    """Group ``meta->a->b`` keys into ``{'meta': {'a': {'b': value}}}``.

    Laravel: ``SQLiteGrammar::groupJsonColumnsForUpdate()``.
    """
    groups: dict[str, t.Any] = {}
    for key, value in values.items():
        if not is_json_selector(key):
            continue
        column, *path = key.split("->")
        target = groups.setdefault(column.split(".")[-1], {})
        for segment in path[:-1]:
            nxt = target.get(segment)
            if not isinstance(nxt, dict):
                nxt = target[segment] = {}
            target = nxt
        target[path[-1]] = value
    return groups


def _merge_groups(
    values: t.Mapping[str, t.Any], groups: dict[str, t.Any]
) -> dict[str, t.Any]:
    """Put the plain columns first and the JSON groups after them (PHP ``merge``)."""
    merged = {k: v for k, v in values.items() if not is_json_selector(k)}
    merged.update(groups)
    return merged
