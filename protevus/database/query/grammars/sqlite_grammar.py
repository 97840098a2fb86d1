"""Compile queries for SQLite.

Laravel: ``Illuminate\\Database\\Query\\Grammars\\SQLiteGrammar``.
"""

from __future__ import annotations

import typing as t

from protevus.database.query.grammars.concerns.sqlite_writes import SQLiteWrites
from protevus.database.query.grammars.grammar import Grammar

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder

_DATE_FORMATS = {
    "date": "%Y-%m-%d",
    "day": "%d",
    "month": "%m",
    "year": "%Y",
    "time": "%H:%M:%S",
}


class SQLiteGrammar(SQLiteWrites, Grammar):
    """Compile queries in SQLite's dialect: ``strftime`` dates, ``json_extract`` paths, no locks.

    Laravel: ``Illuminate\\Database\\Query\\Grammars\\SQLiteGrammar``.
    """

    operators: t.ClassVar[tuple[str, ...]] = (
        "=", "<", ">", "<=", ">=", "<>", "!=",
        "like", "not like", "ilike",
        "&", "|", "<<", ">>",
    )  # fmt: skip

    def compile_lock(self, query: Builder) -> str:
        """Compile nothing: SQLite has no row locks. Laravel: ``SQLiteGrammar::compileLock()``."""
        return ""

    def wrap_union(self, sql: str) -> str:
        """Wrap a union side as ``select * from (...)``. Laravel: ``SQLiteGrammar::wrapUnion()``."""
        return f"select * from ({sql})"

    def _where_like(self, query: Builder, where: dict[str, t.Any]) -> str:
        if not where["case_sensitive"]:
            return super()._where_like(query, where)
        where = {**where, "operator": "not glob" if where["not"] else "glob"}
        return self._where_basic(query, where)

    def prepare_where_like_binding(self, value: t.Any, case_sensitive: bool) -> t.Any:
        """Turn a like pattern into a glob pattern for case-sensitive matching. Laravel: ``SQLiteGrammar::prepareWhereLikeBinding()``."""
        if not case_sensitive or not isinstance(value, str):
            return value
        out = []
        for char in value:
            out.append({"*": "[*]", "?": "[?]", "%": "*", "_": "?"}.get(char, char))
        return "".join(out)

    def date_based_where(
        self, type_: str, query: Builder, where: dict[str, t.Any]
    ) -> str:
        """Compile ``strftime('%Y', "column") = cast(? as text)``. Laravel: ``SQLiteGrammar::dateBasedWhere()``."""
        value = self.parameter(where["value"])
        column = self.wrap(where["column"])
        return f"strftime('{_DATE_FORMATS[type_]}', {column}) {where['operator']} cast({value} as text)"

    def compile_index_hint(self, query: Builder) -> str:
        """Compile ``indexed by`` for a forced index. Laravel: ``SQLiteGrammar::compileIndexHint()``."""
        hint = query.index_hint
        if hint and hint["type"] == "force":
            return "indexed by " + self.validate_index_name(hint["index"])
        return ""

    def compile_json_length(self, column: str, operator: str, value: str) -> str:
        """Compile ``json_array_length(...) op ?``. Laravel: ``SQLiteGrammar::compileJsonLength()``."""
        field, path = self.wrap_json_field_and_path(column)
        return f"json_array_length({field}{path}) {operator} {value}"

    def compile_json_contains(self, column: str, value: str) -> str:
        """Compile a contains test through ``json_each``. Laravel: ``SQLiteGrammar::compileJsonContains()``."""
        field, path = self.wrap_json_field_and_path(column)
        return (
            f"exists (select 1 from json_each({field}{path}) "
            f"where {self.wrap('json_each.value')} is {value})"
        )

    def prepare_binding_for_json_contains(self, binding: t.Any) -> t.Any:
        """Bind the raw value (``json_each`` compares scalars). Laravel: ``SQLiteGrammar::prepareBindingForJsonContains()``."""
        return binding

    def compile_json_contains_key(self, column: str) -> str:
        """Compile ``json_type(...) is not null``. Laravel: ``SQLiteGrammar::compileJsonContainsKey()``."""
        field, path = self.wrap_json_field_and_path(column)
        return f"json_type({field}{path}) is not null"

    def wrap_json_selector(self, value: str) -> str:
        """Read a JSON path with ``json_extract``. Laravel: ``SQLiteGrammar::wrapJsonSelector()``."""
        field, path = self.wrap_json_field_and_path(value)
        return f"json_extract({field}{path})"
