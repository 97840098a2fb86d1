"""Compile PostgreSQL's forms of the write statements.

Laravel: the write half of ``PostgresGrammar``.

PostgreSQL has no ``update ... join`` nor ``delete ... limit``: such statements go
through a ``ctid in (select ...)`` subquery (or, for updates, ``update_from``).
JSON columns are updated with ``jsonb_set``; new ids come back with ``returning``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.database.query.grammars.concerns.compiles_wheres import sql_boolean
from protevus.database.query.grammars.concerns.compiles_writes import CompilesWrites
from protevus.database.query.grammars.concerns.compiles_writes import flatten_bindings
from protevus.database.query.grammars.concerns.compiles_writes import is_json_selector
from protevus.database.query.grammars.concerns.compiles_writes import json_encode
from protevus.database.query.grammars.concerns.compiles_writes import update_values

_ARRAY_KEYS = re.compile(r"(\[[^\]]+\])+$")
_ARRAY_KEY = re.compile(r"\[([^\]]+)\]")
_INT = re.compile(r"^[+-]?\d+$")


class PostgresWrites(CompilesWrites):
    """Compile PostgreSQL's forms of the write statements.

    Laravel: the write half of ``PostgresGrammar``.
    """

    __slots__ = ()

    if t.TYPE_CHECKING:

        def remove_leading_boolean(self, value: str) -> str: ...
        def compile_where(self, query: t.Any, where: dict[str, t.Any]) -> str: ...

    def compile_insert_or_ignore(self, query: t.Any, values: t.Any) -> str:
        """Compile ``insert ... on conflict do nothing``.

        Laravel: ``PostgresGrammar::compileInsertOrIgnore()``.
        """
        return self.compile_insert(query, values) + " on conflict do nothing"

    def compile_insert_or_ignore_using(
        self, query: t.Any, columns: t.Sequence[t.Any], sql: str
    ) -> str:
        """Compile ``insert ... select ... on conflict do nothing``.

        Laravel: ``PostgresGrammar::compileInsertOrIgnoreUsing()``.
        """
        return (
            self.compile_insert_using(query, columns, sql) + " on conflict do nothing"
        )

    def compile_insert_get_id(
        self, query: t.Any, values: t.Any, sequence: str | None
    ) -> str:
        """Compile an insert that returns the new id (``returning "id"``).

        Laravel: ``PostgresGrammar::compileInsertGetId()``.
        """
        return f"{self.compile_insert(query, values)} returning {self.wrap(sequence or 'id')}"

    def compile_upsert(
        self,
        query: t.Any,
        values: t.Any,
        unique_by: t.Sequence[str],
        update: t.Any,
    ) -> str:
        """Compile ``insert ... on conflict (...) do update set "a" = "excluded"."a"``.

        Laravel: ``PostgresGrammar::compileUpsert()``.
        """
        sql = self.compile_insert(query, values)
        sql += f" on conflict ({self.columnize(unique_by)}) do update set "
        excluded = self.wrap_value("excluded")
        return sql + self.compile_upsert_update_columns(
            update, lambda column: f"{excluded}.{self.wrap(column)}"
        )

    def compile_update(self, query: t.Any, values: t.Mapping[str, t.Any]) -> str:
        """Compile an update; with joins or a limit it goes through a ``ctid`` subquery.

        Laravel: ``PostgresGrammar::compileUpdate()``.
        """
        if query.joins or query.limit_value is not None:
            table = self.wrap_table(query.from_value)
            columns = self.compile_update_columns(query, values)
            select = self.select_for_rowid_subquery(query, "ctid")
            return (
                f"update {table} set {columns} where {self.wrap('ctid')} in ({select})"
            )
        return super().compile_update(query, values)

    def compile_update_columns(
        self, query: t.Any, values: t.Mapping[str, t.Any]
    ) -> str:
        """Compile the ``set`` list, without table names; ``meta->a`` keys use ``jsonb_set``.

        Several paths of one JSON column nest their ``jsonb_set`` calls in one
        assignment, since PostgreSQL refuses two assignments to one column.

        Laravel: ``PostgresGrammar::compileUpdateColumns()``.
        """
        parts = []
        for column, items in _grouped(values):
            if not is_json_selector(items[0][0]):
                parts.append(f"{self.wrap(column)} = {self.parameter(items[0][1])}")
                continue
            field = self.wrap(column)
            target = f"{field}::jsonb"
            for key, value in items:
                target = self._jsonb_set(target, key, value)
            parts.append(f"{field} = {target}")
        return ", ".join(parts)

    def compile_json_update_column(self, key: str, value: t.Any) -> str:
        """Compile ``"meta" = jsonb_set("meta"::jsonb, '{"a","b"}', ?)``.

        Laravel: ``PostgresGrammar::compileJsonUpdateColumn()``.
        """
        field = self.wrap(_strip_table(key).split("->")[0])
        return f"{field} = {self._jsonb_set(f'{field}::jsonb', key, value)}"

    def _jsonb_set(self, target: str, key: str, value: t.Any) -> str:
        segments = _strip_table(key).split("->")[1:]
        path = ",".join(_path_element(each) for each in _path_segments(segments))
        return f"jsonb_set({target}, '{{{path}}}', {self.parameter(value)})"

    def compile_update_from(self, query: t.Any, values: t.Mapping[str, t.Any]) -> str:
        """Compile ``update "a" set ... from "b" where ...`` (the joins become ``from``).

        Laravel: ``PostgresGrammar::compileUpdateFrom()``.
        """
        table = self.wrap_table(query.from_value)
        columns = self.compile_update_columns(query, values)
        from_ = ""
        if query.joins:
            tables = [self.wrap_table(join.table) for join in query.joins]
            from_ = " from " + ", ".join(tables)
        where = self.compile_update_wheres(query)
        return f"update {table} set {columns}{from_} {where}".strip()

    def compile_update_wheres(self, query: t.Any) -> str:
        """Compile the wheres of an ``update_from``, the join conditions after them.

        Laravel: ``PostgresGrammar::compileUpdateWheres()``.
        """
        base = self.compile_wheres(query)
        if not query.joins:
            return base
        joins = self.compile_update_join_wheres(query)
        if not base.strip():
            return "where " + self.remove_leading_boolean(joins)
        return f"{base} {joins}"

    def compile_update_join_wheres(self, query: t.Any) -> str:
        """Compile the join conditions as where clauses.

        Laravel: ``PostgresGrammar::compileUpdateJoinWheres()``.
        """
        parts = []
        for join in query.joins:
            for where in join.wheres:
                parts.append(
                    f"{sql_boolean(where['boolean'])} {self.compile_where(query, where)}"
                )
        return " ".join(parts)

    def prepare_bindings_for_update_from(
        self, bindings: t.Mapping[str, t.Any], values: t.Mapping[str, t.Any]
    ) -> list[t.Any]:
        """Order the bindings: the values, the wheres, then the rest (the joins).

        Laravel: ``PostgresGrammar::prepareBindingsForUpdateFrom()``.
        """
        wheres = flatten_bindings({"where": bindings.get("where", [])})
        rest = flatten_bindings(bindings, "select", "where")
        return [*update_values(self._json_values(values)), *wheres, *rest]

    def prepare_bindings_for_update(
        self, bindings: t.Mapping[str, t.Any], values: t.Mapping[str, t.Any]
    ) -> list[t.Any]:
        """Order the bindings: the values (JSON encoded where needed), then the rest.

        Laravel: ``PostgresGrammar::prepareBindingsForUpdate()``.
        """
        return [
            *update_values(self._json_values(values)),
            *flatten_bindings(bindings, "select"),
        ]

    def _json_values(self, values: t.Mapping[str, t.Any]) -> list[t.Any]:
        out = []
        for _, items in _grouped(values):
            for column, value in items:
                json_path = is_json_selector(column)
                if isinstance(value, dict | list) or (
                    json_path and not callable(value) and not self.is_expression(value)
                ):
                    out.append(json_encode(value))
                else:
                    out.append(value)
        return out

    def compile_delete(self, query: t.Any) -> str:
        """Compile a delete; with joins or a limit it goes through a ``ctid`` subquery.

        Laravel: ``PostgresGrammar::compileDelete()``.
        """
        if query.joins or query.limit_value is not None:
            table = self.wrap_table(query.from_value)
            select = self.select_for_rowid_subquery(query, "ctid")
            return f"delete from {table} where {self.wrap('ctid')} in ({select})"
        return super().compile_delete(query)

    def compile_truncate(self, query: t.Any) -> dict[str, list[t.Any]]:
        """Compile ``truncate "t" restart identity cascade``.

        Laravel: ``PostgresGrammar::compileTruncate()``.
        """
        return {
            f"truncate {self.wrap_table(query.from_value)} restart identity cascade": []
        }


def _grouped(
    values: t.Mapping[str, t.Any],
) -> list[tuple[str, list[tuple[str, t.Any]]]]:
    """Group the update values by column, the JSON paths of one column together.

    Each group sits where its column first appears; a plain column is a group of one.
    """
    groups: dict[tuple[str, str], tuple[str, list[tuple[str, t.Any]]]] = {}
    for index, (key, value) in enumerate(values.items()):
        stripped = _strip_table(key)
        column = stripped.split("->")[0]
        slot = ("json", column) if is_json_selector(key) else ("plain", str(index))
        groups.setdefault(slot, (column, []))[1].append((key, value))
    return list(groups.values())


def _strip_table(key: str) -> str:
    """Drop the table (and schema) from ``users.meta->a`` → ``meta->a``."""
    column, sep, path = key.partition("->")
    return column.split(".")[-1] + sep + path


def _path_segments(segments: list[str]) -> list[str]:
    """Split ``tags[0]`` into ``tags`` and ``0``. Laravel: ``parseJsonPathArrayKeys()``."""
    out: list[str] = []
    for segment in segments:
        match = _ARRAY_KEYS.search(segment)
        if match:
            head = segment[: match.start()]
            out.extend(
                k for k in [head, *_ARRAY_KEY.findall(match.group(0))] if k != ""
            )
        else:
            out.append(segment)
    return out


def _path_element(segment: str) -> str:
    """Quote one element of a ``text[]`` literal that sits inside a SQL string."""
    if _INT.match(segment):
        return segment
    escaped = segment.replace("\\", "\\\\").replace('"', '\\"').replace("'", "''")
    return f'"{escaped}"'
