"""Compile queries for PostgreSQL.

Laravel: ``Illuminate\\Database\\Query\\Grammars\\PostgresGrammar``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.database.query.grammars.concerns.postgres_writes import PostgresWrites
from protevus.database.query.grammars.grammar import Grammar
from protevus.database.query.grammars.grammar import join_type

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder

_ARRAY_KEYS = re.compile(r"(\[[^\]]+\])+$")
_ARRAY_KEY = re.compile(r"\[([^\]]+)\]")
_INT = re.compile(r"^[+-]?\d+$")
_TRAILING_INDEX = re.compile(r"\[(-?[0-9]+)\]$")

FULL_TEXT_LANGUAGES: tuple[str, ...] = (
    "simple", "arabic", "danish", "dutch", "english", "finnish", "french", "german",
    "hungarian", "indonesian", "irish", "italian", "lithuanian", "nepali", "norwegian",
    "portuguese", "romanian", "russian", "spanish", "swedish", "tamil", "turkish",
)  # fmt: skip


class PostgresGrammar(PostgresWrites, Grammar):
    """Compile queries in PostgreSQL's dialect: ``ilike``, ``::date`` casts, ``->>`` JSON paths.

    Laravel: ``Illuminate\\Database\\Query\\Grammars\\PostgresGrammar``.
    """

    operators: t.ClassVar[tuple[str, ...]] = (
        "=", "<", ">", "<=", ">=", "<>", "!=",
        "like", "not like", "between", "ilike", "not ilike",
        "~", "&", "|", "#", "<<", ">>", "<<=", ">>=",
        "&&", "@>", "<@", "?", "?|", "?&", "||", "-", "@?", "@@", "#-",
        "is distinct from", "is not distinct from",
    )  # fmt: skip
    bitwise_operators: t.ClassVar[tuple[str, ...]] = (
        "~", "&", "|", "#", "<<", ">>", "<<=", ">>=",
    )  # fmt: skip

    def _where_basic(self, query: Builder, where: dict[str, t.Any]) -> str:
        if "like" in str(where["operator"]).lower():
            operator = str(where["operator"]).replace("?", "??")
            return f"{self.wrap(where['column'])}::text {operator} {self.parameter(where['value'])}"
        return super()._where_basic(query, where)

    def _where_bitwise(self, query: Builder, where: dict[str, t.Any]) -> str:
        operator = str(where["operator"]).replace("?", "??")
        return f"({self.wrap(where['column'])} {operator} {self.parameter(where['value'])})::bool"

    def _where_like(self, query: Builder, where: dict[str, t.Any]) -> str:
        operator = ("not " if where["not"] else "") + (
            "like" if where["case_sensitive"] else "ilike"
        )
        return self._where_basic(query, {**where, "operator": operator})

    def _where_date(self, query: Builder, where: dict[str, t.Any]) -> str:
        column = self.wrap(where["column"])
        if self.is_json_selector(self.get_value(where["column"])):
            column = f"({column})"
        return f"{column}::date {where['operator']} {self.parameter(where['value'])}"

    def _where_time(self, query: Builder, where: dict[str, t.Any]) -> str:
        column = self.wrap(where["column"])
        if self.is_json_selector(self.get_value(where["column"])):
            column = f"({column})"
        return f"{column}::time {where['operator']} {self.parameter(where['value'])}"

    def date_based_where(
        self, type_: str, query: Builder, where: dict[str, t.Any]
    ) -> str:
        """Compile ``extract(year from "column") = ?``. Laravel: ``PostgresGrammar::dateBasedWhere()``."""
        column = self.wrap(where["column"])
        return f"extract({type_} from {column}) {where['operator']} {self.parameter(where['value'])}"

    def _where_fulltext(self, query: Builder, where: dict[str, t.Any]) -> str:
        options = where["options"]
        language = options.get("language", "english")
        if language not in FULL_TEXT_LANGUAGES:
            language = "english"
        columns = " || ".join(
            f"to_tsvector('{language}', {self.wrap(column)})"
            for column in where["columns"]
        )
        mode = {
            "phrase": "phraseto_tsquery",
            "websearch": "websearch_to_tsquery",
            "raw": "to_tsquery",
        }.get(options.get("mode", ""), "plainto_tsquery")
        return f"({columns}) @@ {mode}('{language}', {self.parameter(where['value'])})"

    def compile_columns(self, query: Builder) -> str:
        """Compile ``select distinct on (...)`` when distinct has columns. Laravel: ``PostgresGrammar::compileColumns()``."""
        if query.aggregate_value is not None or query.columns is None:
            return ""
        if isinstance(query.distinct_value, list):
            select = f"select distinct on ({self.columnize(query.distinct_value)}) "
        elif query.distinct_value:
            select = "select distinct "
        else:
            select = "select "
        return select + self.columnize(query.columns)

    def compile_json_contains(self, column: str, value: str) -> str:
        """Compile ``("col"->'path')::jsonb @> ?``. Laravel: ``PostgresGrammar::compileJsonContains()``."""
        column = self.wrap(column).replace("->>", "->")
        return f"({column})::jsonb @> {value}"

    def compile_json_contains_key(self, column: str) -> str:
        """Compile a key (or array index) test. Laravel: ``PostgresGrammar::compileJsonContainsKey()``."""
        segments = column.split("->")
        last = segments.pop()
        index: int | None = None
        if _INT.match(last):
            index = int(last)
        else:
            match = _TRAILING_INDEX.search(last)
            if match:
                segments.append(last[: match.start()])
                index = int(match.group(1))
        wrapped = self.wrap("->".join(segments)).replace("->>", "->")
        if index is not None:
            length = abs(index) if index < 0 else index + 1
            return (
                f"case when jsonb_typeof(({wrapped})::jsonb) = 'array' "
                f"then jsonb_array_length(({wrapped})::jsonb) >= {length} else false end"
            )
        key = "'" + last.replace("'", "''") + "'"
        return f"coalesce(({wrapped})::jsonb ?? {key}, false)"

    def compile_json_length(self, column: str, operator: str, value: str) -> str:
        """Compile ``jsonb_array_length(("col")::jsonb) op ?``. Laravel: ``PostgresGrammar::compileJsonLength()``."""
        column = self.wrap(column).replace("->>", "->")
        return f"jsonb_array_length(({column})::jsonb) {operator} {value}"

    def compile_having_bitwise(self, having: dict[str, t.Any]) -> str:
        """Compile ``("col" & ?)::bool``. Laravel: ``PostgresGrammar::compileHavingBitwise()``."""
        return f"({self.wrap(having['column'])} {having['operator']} {self.parameter(having['value'])})::bool"

    def compile_lock(self, query: Builder) -> str:
        """Compile ``for update`` / ``for share``. Laravel: ``PostgresGrammar::compileLock()``."""
        value = query.lock_value
        if value is None:
            return ""
        if not isinstance(value, str):
            return "for update" if value else "for share"
        return value

    def compile_join_lateral(self, join: t.Any, expression: str) -> str:
        """Compile ``join lateral (...) as "x" on true``. Laravel: ``PostgresGrammar::compileJoinLateral()``."""
        return f"{join_type(join.type)} join lateral {expression} on true".strip()

    def wrap_json_selector(self, value: str) -> str:
        """Read a JSON path: ``"meta"->'a'->>'b'``. Laravel: ``PostgresGrammar::wrapJsonSelector()``."""
        field, *path = value.split("->")
        wrapped_field = self.wrap_segments(field.split("."))
        attributes = self.wrap_json_path_attributes(path)
        last = attributes.pop()
        if attributes:
            return wrapped_field + "->" + "->".join(attributes) + "->>" + last
        return wrapped_field + "->>" + last

    def wrap_json_boolean_selector(self, value: str) -> str:
        """Read a JSON path as ``jsonb`` for a boolean test. Laravel: ``PostgresGrammar::wrapJsonBooleanSelector()``."""
        return "(" + self.wrap_json_selector(value).replace("->>", "->") + ")::jsonb"

    def wrap_json_boolean_value(self, value: str) -> str:
        """Cast the boolean to ``jsonb``. Laravel: ``PostgresGrammar::wrapJsonBooleanValue()``."""
        return f"'{value}'::jsonb"

    def wrap_json_path_attributes(self, path: list[str], quote: str = "'") -> list[str]:
        """Quote each path attribute; integers stay bare (array indexes). Laravel: ``wrapJsonPathAttributes()``."""
        out: list[str] = []
        for attribute in path:
            for part in self.parse_json_path_array_keys(attribute):
                if _INT.match(part):
                    out.append(part)
                else:
                    out.append(quote + part.replace(quote, quote + quote) + quote)
        return out

    def parse_json_path_array_keys(self, attribute: str) -> list[str]:
        """Split ``tags[0][1]`` into ``['tags', '0', '1']``. Laravel: ``parseJsonPathArrayKeys()``."""
        match = _ARRAY_KEYS.search(attribute)
        if match:
            key = attribute[: match.start()]
            keys = _ARRAY_KEY.findall(match.group(0))
            return [part for part in [key, *keys] if part != ""]
        return [attribute]

    def escape_bool(self, value: bool) -> str:
        """Write ``true``/``false``. Laravel: ``PostgresConnection::escapeBool()``."""
        return "true" if value else "false"

    def escape_binary(self, value: bytes) -> str:
        """Write ``'\\x..'::bytea``. Laravel: ``PostgresConnection::escapeBinary()``."""
        return "'\\x" + value.hex() + "'::bytea"

    def substitute_bindings_into_raw_sql(
        self, sql: str, bindings: t.Sequence[t.Any]
    ) -> str:
        """Substitute bindings, then turn ``??`` operators back into ``?``. Laravel: ``PostgresGrammar::substituteBindingsIntoRawSql()``."""
        query = super().substitute_bindings_into_raw_sql(sql, bindings)
        for operator in self.operators:
            if "?" in operator:
                query = query.replace(operator.replace("?", "??"), operator)
        return query
