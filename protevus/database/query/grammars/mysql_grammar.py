"""Compile queries for MySQL.

Laravel: ``Illuminate\\Database\\Query\\Grammars\\MySqlGrammar``.
"""

from __future__ import annotations

import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.grammars.concerns.mysql_writes import MySqlWrites
from protevus.database.query.grammars.grammar import Grammar
from protevus.database.query.grammars.grammar import join_type

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder

_MYSQL_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    '"': '\\"',
    "\x00": "\\0",
    "\n": "\\n",
    "\r": "\\r",
    "\x1a": "\\Z",
}


class MySqlGrammar(MySqlWrites, Grammar):
    """Compile queries in MySQL's dialect: backtick identifiers, ``json_unquote(json_extract(...))``.

    Laravel: ``Illuminate\\Database\\Query\\Grammars\\MySqlGrammar``.
    """

    operators: t.ClassVar[tuple[str, ...]] = ("sounds like",)
    quote_char: t.ClassVar[str] = "`"

    def _where_like(self, query: Builder, where: dict[str, t.Any]) -> str:
        operator = ("not " if where["not"] else "") + (
            "like binary" if where["case_sensitive"] else "like"
        )
        return self._where_basic(query, {**where, "operator": operator})

    def _where_null(self, query: Builder, where: dict[str, t.Any]) -> str:
        column = str(self.get_value(where["column"]))
        if self.is_json_selector(column):
            field, path = self.wrap_json_field_and_path(column)
            return (
                f"(json_extract({field}{path}) is null OR "
                f"json_type(json_extract({field}{path})) = 'NULL')"
            )
        return super()._where_null(query, where)

    def _where_not_null(self, query: Builder, where: dict[str, t.Any]) -> str:
        column = str(self.get_value(where["column"]))
        if self.is_json_selector(column):
            field, path = self.wrap_json_field_and_path(column)
            return (
                f"(json_extract({field}{path}) is not null AND "
                f"json_type(json_extract({field}{path})) != 'NULL')"
            )
        return super()._where_not_null(query, where)

    def _where_fulltext(self, query: Builder, where: dict[str, t.Any]) -> str:
        options = where["options"]
        columns = self.columnize(where["columns"])
        value = self.parameter(where["value"])
        boolean_mode = options.get("mode") == "boolean"
        mode = " in boolean mode" if boolean_mode else " in natural language mode"
        expanded = (
            " with query expansion"
            if options.get("expanded") and not boolean_mode
            else ""
        )
        return f"match ({columns}) against ({value}{mode}{expanded})"

    def compile_index_hint(self, query: Builder) -> str:
        """Compile ``use index (...)``, ``force index (...)`` or ``ignore index (...)``. Laravel: ``MySqlGrammar::compileIndexHint()``."""
        hint = query.index_hint
        if not hint:
            return ""
        index = self.validate_index_name(hint["index"])
        keyword = {"hint": "use", "force": "force"}.get(hint["type"], "ignore")
        return f"{keyword} index ({index})"

    def compile_json_contains(self, column: str, value: str) -> str:
        """Compile ``json_contains(`col`, ?, '$."path"')``. Laravel: ``MySqlGrammar::compileJsonContains()``."""
        field, path = self.wrap_json_field_and_path(column)
        return f"json_contains({field}, {value}{path})"

    def compile_json_overlaps(self, column: str, value: str) -> str:
        """Compile ``json_overlaps(`col`, ?, ...)``. Laravel: ``MySqlGrammar::compileJsonOverlaps()``."""
        field, path = self.wrap_json_field_and_path(column)
        return f"json_overlaps({field}, {value}{path})"

    def compile_json_contains_key(self, column: str) -> str:
        """Compile ``ifnull(json_contains_path(`col`, 'one', '$."key"'), 0)``. Laravel: ``MySqlGrammar::compileJsonContainsKey()``."""
        field, path = self.wrap_json_field_and_path(column)
        return f"ifnull(json_contains_path({field}, 'one'{path}), 0)"

    def compile_json_length(self, column: str, operator: str, value: str) -> str:
        """Compile ``json_length(`col`, '$."path"') op ?``. Laravel: ``MySqlGrammar::compileJsonLength()``."""
        field, path = self.wrap_json_field_and_path(column)
        return f"json_length({field}{path}) {operator} {value}"

    def compile_json_value_cast(self, value: str) -> str:
        """Compile ``cast(? as json)``. Laravel: ``MySqlGrammar::compileJsonValueCast()``."""
        return f"cast({value} as json)"

    def compile_random(self, seed: t.Any = "") -> str:
        """Compile ``RAND()`` or ``RAND(seed)``; a seed must be numeric. Laravel: ``MySqlGrammar::compileRandom()``."""
        if seed == "" or seed is None:
            return "RAND()"
        try:
            number = int(float(seed))
        except (TypeError, ValueError) as error:
            raise InvalidQueryArgumentError(
                f"The seed value must be numeric [{seed}]: pass an integer seed."
            ) from error
        return f"RAND({number})"

    def compile_lock(self, query: Builder) -> str:
        """Compile ``for update`` / ``lock in share mode``. Laravel: ``MySqlGrammar::compileLock()``."""
        value = query.lock_value
        if value is None:
            return ""
        if not isinstance(value, str):
            return "for update" if value else "lock in share mode"
        return value

    def compile_join_lateral(self, join: t.Any, expression: str) -> str:
        """Compile ``join lateral (...) as `x` on true``. Laravel: ``MySqlGrammar::compileJoinLateral()``."""
        return f"{join_type(join.type)} join lateral {expression} on true".strip()

    def wrap_json_selector(self, value: str) -> str:
        """Read a JSON path as text: ``json_unquote(json_extract(`meta`, '$."lang"'))``. Laravel: ``MySqlGrammar::wrapJsonSelector()``."""
        field, path = self.wrap_json_field_and_path(value)
        return f"json_unquote(json_extract({field}{path}))"

    def wrap_json_boolean_selector(self, value: str) -> str:
        """Read a JSON path for a boolean test: ``json_extract(...)``. Laravel: ``MySqlGrammar::wrapJsonBooleanSelector()``."""
        field, path = self.wrap_json_field_and_path(value)
        return f"json_extract({field}{path})"

    def escape_string(self, value: str) -> str:
        """Quote a string the way PDO's MySQL driver does (backslash escapes). Laravel: ``PDO::quote()``."""
        return "'" + "".join(_MYSQL_ESCAPES.get(char, char) for char in value) + "'"
