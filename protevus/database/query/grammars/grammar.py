"""Compile a query builder's state into SQL (the ANSI base every dialect extends).

Laravel: ``Illuminate\\Database\\Query\\Grammars\\Grammar`` and ``Illuminate\\Database\\Grammar``.

Identifiers are always wrapped (a quote inside a name is doubled), values always become
``?`` placeholders; only :class:`Expression` objects reach the SQL as they are.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import re
import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.expression import Expression
from protevus.database.query.grammars.concerns.compiles_json_paths import (
    CompilesJsonPaths,
)
from protevus.database.query.grammars.concerns.compiles_wheres import CompilesWheres
from protevus.database.query.grammars.concerns.compiles_wheres import sql_boolean
from protevus.database.query.grammars.concerns.compiles_writes import ALIAS_SEPARATOR
from protevus.database.query.grammars.concerns.compiles_writes import CompilesWrites
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder

_INDEX_NAME = re.compile(r"^[a-zA-Z0-9_$]+$")

SELECT_COMPONENTS: tuple[str, ...] = (
    "aggregate",
    "columns",
    "from",
    "index_hint",
    "joins",
    "wheres",
    "groups",
    "havings",
    "orders",
    "limit",
    "offset",
    "lock",
)

#: the builder attribute each select part reads, and whether an empty list (rather
#: than only ``None``) means "absent" (``limit 0`` and a ``False`` shared lock are
#: real values). ``columns`` and ``from`` always compile.
_COMPONENT_STATE: dict[str, tuple[str, bool]] = {
    "aggregate": ("aggregate_value", False),
    "index_hint": ("index_hint", False),
    "joins": ("joins", True),
    "wheres": ("wheres", True),
    "groups": ("groups", True),
    "havings": ("havings", True),
    "orders": ("orders", True),
    "limit": ("limit_value", False),
    "offset": ("offset_value", False),
    "lock": ("lock_value", False),
}

_LEADING_BOOLEAN = re.compile(r"and |or ", re.IGNORECASE)

_JOIN_TYPES = frozenset(
    {
        "inner",
        "left",
        "right",
        "cross",
        "full",
        "left outer",
        "right outer",
        "full outer",
    }
)


def join_type(value: t.Any) -> str:
    """Return a join type, refusing anything but SQL's (it is written into the SQL)."""
    if str(value).lower() not in _JOIN_TYPES:
        raise InvalidQueryArgumentError(
            f"The join type [{value}] is not valid: use one of "
            f"{', '.join(sorted(_JOIN_TYPES))}."
        )
    return str(value)


#: what makes a column more than one quoted name: a table, an alias, a JSON path.
_PLAIN_COLUMN = re.compile(r"[.\s]|->")
_WRAP_CACHE_SIZE = 2048


class Grammar(CompilesWrites, CompilesWheres, CompilesJsonPaths, CamelAliases):
    """Compile select queries (and, through ``CompilesWrites``, writes) into SQL.

    Laravel: ``Illuminate\\Database\\Query\\Grammars\\Grammar``.
    """

    operators: t.ClassVar[tuple[str, ...]] = ()
    bitwise_operators: t.ClassVar[tuple[str, ...]] = ()
    quote_char: t.ClassVar[str] = '"'
    date_format: t.ClassVar[str] = "%Y-%m-%d %H:%M:%S"

    def __init__(self, connection: t.Any = None) -> None:
        self.connection = connection
        self.table_prefix: str | None = None
        # Wrapped plain column names (no table, alias or JSON path), which depend
        # on nothing but the dialect's quote: the same few names recur in every query.
        self._wrapped_columns: dict[str, str] = {}
        self._wrapped_tables: dict[tuple[str, str], str] = {}

    # -- settings -------------------------------------------------------------------

    def get_operators(self) -> tuple[str, ...]:
        """Get the dialect's extra operators. Laravel: ``Grammar::getOperators()``."""
        return self.operators

    def get_bitwise_operators(self) -> tuple[str, ...]:
        """Get the dialect's bitwise operators. Laravel: ``Grammar::getBitwiseOperators()``."""
        return self.bitwise_operators

    def get_table_prefix(self) -> str:
        """Get the table prefix (the connection's ``prefix`` unless set here). Laravel: ``Grammar::getTablePrefix()``."""
        if self.table_prefix is not None:
            return self.table_prefix
        if self.connection is not None and hasattr(self.connection, "get_table_prefix"):
            return str(self.connection.get_table_prefix() or "")
        return ""

    def set_table_prefix(self, prefix: str) -> Grammar:
        """Set the table prefix. Laravel: ``Grammar::setTablePrefix()``."""
        self.table_prefix = prefix
        return self

    def set_connection(self, connection: t.Any) -> Grammar:
        """Attach the connection the grammar reads its prefix from. Laravel: ``Grammar::setConnection()``."""
        self.connection = connection
        return self

    def get_date_format(self) -> str:
        """Get the strftime format for dates bound to queries. Laravel: ``Grammar::getDateFormat()``."""
        return self.date_format

    # -- wrapping -------------------------------------------------------------------

    def is_expression(self, value: t.Any) -> bool:
        """Return whether ``value`` is a raw :class:`Expression`. Laravel: ``Grammar::isExpression()``."""
        return isinstance(value, Expression)

    def get_value(self, expression: t.Any) -> t.Any:
        """Get the SQL of an expression (or the value itself). Laravel: ``Grammar::getValue()``."""
        while isinstance(expression, Expression):
            expression = expression.get_value(self)
        return expression

    def wrap_array(self, values: t.Iterable[t.Any]) -> list[str]:
        """Wrap every value. Laravel: ``Grammar::wrapArray()``."""
        return [self.wrap(value) for value in values]

    def wrap_table(self, table: t.Any, prefix: str | None = None) -> str:
        """Wrap a table name, adding the prefix: ``users as u`` → ``"users" as "u"``. Laravel: ``Grammar::wrapTable()``."""
        if isinstance(table, Expression):
            return str(self.get_value(table))
        table = str(table)
        prefix = self.get_table_prefix() if prefix is None else prefix
        key = (table, prefix)
        wrapped = self._wrapped_tables.get(key)
        if wrapped is not None:
            return wrapped
        wrapped = self._wrap_table(table, prefix)
        if len(self._wrapped_tables) < _WRAP_CACHE_SIZE:
            self._wrapped_tables[key] = wrapped
        return wrapped

    def _wrap_table(self, table: str, prefix: str) -> str:
        if " as " in table.lower():
            return self._wrap_aliased_table(table, prefix)
        if "." in table:
            schema, _, name = table.rpartition(".")
            return ".".join(
                self.wrap_value(part) for part in [*schema.split("."), prefix + name]
            )
        return self.wrap_value(prefix + table)

    def wrap(self, value: t.Any) -> str:
        """Wrap a column: ``users.name`` → ``"users"."name"``; aliases and JSON paths too. Laravel: ``Grammar::wrap()``."""
        if type(value) is str:
            wrapped = self._wrapped_columns.get(value)
            if wrapped is not None:
                return wrapped
            if not _PLAIN_COLUMN.search(value):
                wrapped = self.wrap_value(value)
                if len(self._wrapped_columns) < _WRAP_CACHE_SIZE:
                    self._wrapped_columns[value] = wrapped
                return wrapped
        if isinstance(value, Expression):
            return str(self.get_value(value))
        value = str(value)
        if " as " in value.lower():
            return self._wrap_aliased_value(value)
        if self.is_json_selector(value):
            return self.wrap_json_selector(value)
        return self.wrap_segments(value.split("."))

    def _wrap_aliased_value(self, value: str) -> str:
        segments = ALIAS_SEPARATOR.split(value, maxsplit=1)
        return f"{self.wrap(segments[0])} as {self.wrap_value(segments[1])}"

    def _wrap_aliased_table(self, value: str, prefix: str) -> str:
        segments = ALIAS_SEPARATOR.split(value, maxsplit=1)
        return f"{self.wrap_table(segments[0], prefix)} as {self.wrap_value(prefix + segments[1])}"

    def wrap_segments(self, segments: list[str]) -> str:
        """Wrap the dot-separated parts of a name; the first is a table when there are several.

        Laravel: ``Grammar::wrapSegments()``.
        """
        if len(segments) > 1:
            return ".".join(
                [self.wrap_table(segments[0]), *map(self.wrap_value, segments[1:])]
            )
        return self.wrap_value(segments[0])

    def wrap_value(self, value: str) -> str:
        """Quote one identifier, doubling any quote inside it (``*`` stays bare). Laravel: ``Grammar::wrapValue()``."""
        if value == "*":
            return value
        q = self.quote_char
        return q + value.replace(q, q + q) + q

    def columnize(self, columns: t.Iterable[t.Any]) -> str:
        """Wrap columns and join them with commas. Laravel: ``Grammar::columnize()``."""
        return ", ".join(self.wrap(column) for column in columns)

    def parameterize(self, values: t.Iterable[t.Any]) -> str:
        """Return ``?, ?, ?`` for the values (expressions inline). Laravel: ``Grammar::parameterize()``."""
        if isinstance(values, dict):
            values = values.values()
        return ", ".join(self.parameter(value) for value in values)

    def parameter(self, value: t.Any) -> str:
        """Return ``?``, or the SQL of an expression. Laravel: ``Grammar::parameter()``."""
        return str(self.get_value(value)) if isinstance(value, Expression) else "?"

    def quote_string(self, value: t.Any) -> str:
        """Quote a string (or each string of a list) as an SQL literal. Laravel: ``Grammar::quoteString()``."""
        if isinstance(value, (list, tuple)):
            return ", ".join(self.quote_string(v) for v in value)
        return "'" + str(value).replace("'", "''") + "'"

    # -- select ---------------------------------------------------------------------

    def compile_select(self, query: Builder) -> str:
        """Compile a select query. Laravel: ``Grammar::compileSelect()``."""
        if (query.unions or query.havings) and query.aggregate_value:
            return self.compile_union_aggregate(query)
        original = query.columns
        if query.columns is None:
            query.columns = ["*"]
        try:
            sql = " ".join(self.compile_components(query).values()).strip()
            if query.unions:
                sql = self.wrap_union(sql) + " " + self.compile_unions(query)
        finally:
            query.columns = original
        return sql

    def compile_components(self, query: Builder) -> dict[str, str]:
        """Compile each present part of a select, in SQL order. Laravel: ``Grammar::compileComponents()``.

        As in Laravel, a part whose builder state is unset (``None``) is skipped
        without calling its compiler; the compilers are looked up once per grammar.
        """
        compilers = self.__dict__.get("_component_compilers")
        if compilers is None:
            compilers = self._component_compilers = [
                (name, _COMPONENT_STATE.get(name), getattr(self, f"compile_{name}"))
                for name in SELECT_COMPONENTS
            ]
        sql: dict[str, str] = {}
        state = query.__dict__
        for name, skip, compiler in compilers:
            if skip is not None:
                value = state.get(skip[0])
                if value is None or (skip[1] and not value):
                    continue
            compiled = compiler(query)
            if compiled:
                sql[name] = compiled
        return sql

    def compile_aggregate(self, query: Builder) -> str:
        """Compile ``select count(*) as aggregate``. Laravel: ``Grammar::compileAggregate()``."""
        aggregate = query.aggregate_value
        if not aggregate:
            return ""
        column = self.columnize(aggregate["columns"])
        if isinstance(query.distinct_value, list):
            column = "distinct " + self.columnize(query.distinct_value)
        elif query.distinct_value and column != "*":
            column = "distinct " + column
        return f"select {aggregate['function']}({column}) as aggregate"

    def compile_columns(self, query: Builder) -> str:
        """Compile ``select [distinct] columns``. Laravel: ``Grammar::compileColumns()``."""
        if query.aggregate_value is not None or query.columns is None:
            return ""
        select = "select distinct " if query.distinct_value else "select "
        return select + self.columnize(query.columns)

    def compile_from(self, query: Builder) -> str:
        """Compile ``from table``. Laravel: ``Grammar::compileFrom()``."""
        if query.from_value is None:
            return ""
        return "from " + self.wrap_table(query.from_value)

    def compile_index_hint(self, query: Builder) -> str:
        """Compile an index hint (none in the ANSI base). Laravel: ``Grammar::compileIndexHint()``."""
        return ""

    def compile_joins(self, query: Builder, joins: list[t.Any] | None = None) -> str:
        """Compile the joins, nested joins included. Laravel: ``Grammar::compileJoins()``."""
        from protevus.database.query.join_clause import JoinLateralClause

        parts = []
        for join in query.joins if joins is None else joins:
            table = self.wrap_table(join.table)
            if join.joins:
                table = "(" + table + " " + self.compile_joins(query, join.joins) + ")"
            if isinstance(join, JoinLateralClause):
                parts.append(self.compile_join_lateral(join, table))
            else:
                parts.append(
                    f"{join_type(join.type)} join {table} {self.compile_wheres(join)}".strip()
                )
        return " ".join(parts)

    def validate_index_name(self, index: str) -> str:
        """Return an index hint if every name in it is a plain identifier, else raise.

        Laravel: ``MySqlGrammar::compileIndexHint()``.
        """
        for name in str(index).split(","):
            if not _INDEX_NAME.match(name.strip()):
                raise InvalidQueryArgumentError(
                    f"Index name contains invalid characters [{index}]: use letters, digits, _ and $."
                )
        return str(index)

    def compile_join_lateral(self, join: t.Any, expression: str) -> str:
        """Compile a lateral join. Laravel: ``Grammar::compileJoinLateral()``."""
        raise InvalidQueryArgumentError(
            f"This database engine does not support lateral joins [{type(self).__name__}]: "
            "use PostgreSQL or MySQL 8."
        )

    def compile_groups(self, query: Builder) -> str:
        """Compile ``group by``. Laravel: ``Grammar::compileGroups()``."""
        return "group by " + self.columnize(query.groups) if query.groups else ""

    def compile_havings(self, query: Builder) -> str:
        """Compile ``having``. Laravel: ``Grammar::compileHavings()``."""
        if not query.havings:
            return ""
        sql = " ".join(
            f"{sql_boolean(h['boolean'])} {self.compile_having(h)}"
            for h in query.havings
        )
        return "having " + self.remove_leading_boolean(sql)

    def compile_having(self, having: dict[str, t.Any]) -> str:
        """Compile one having clause. Laravel: ``Grammar::compileHaving()``."""
        type_ = having["type"]
        if type_ == "Raw":
            return str(self.get_value(having["sql"]))
        if type_ == "Between":
            between = "not between" if having.get("not") else "between"
            values = having["values"]
            low, high = self.parameter(values[0]), self.parameter(values[-1])
            return f"{self.wrap(having['column'])} {between} {low} and {high}"
        if type_ == "Null":
            return self.wrap(having["column"]) + " is null"
        if type_ == "NotNull":
            return self.wrap(having["column"]) + " is not null"
        if type_ == "Bitwise":
            return self.compile_having_bitwise(having)
        if type_ == "Nested":
            return "(" + self.compile_havings(having["query"])[7:] + ")"
        return self.compile_basic_having(having)

    def compile_basic_having(self, having: dict[str, t.Any]) -> str:
        """Compile ``column operator ?``. Laravel: ``Grammar::compileBasicHaving()``."""
        return f"{self.wrap(having['column'])} {having['operator']} {self.parameter(having['value'])}"

    def compile_having_bitwise(self, having: dict[str, t.Any]) -> str:
        """Compile a bitwise having (plain in the base grammar). Laravel: ``Grammar::compileHaving()``."""
        return self.compile_basic_having(having)

    def compile_orders(
        self, query: Builder, orders: list[dict[str, t.Any]] | None = None
    ) -> str:
        """Compile ``order by``. Laravel: ``Grammar::compileOrders()``."""
        orders = query.orders if orders is None else orders
        if not orders:
            return ""
        return "order by " + ", ".join(self.compile_orders_to_array(query, orders))

    def compile_orders_to_array(
        self, query: Builder, orders: list[dict[str, t.Any]]
    ) -> list[str]:
        """Compile each order. Laravel: ``Grammar::compileOrdersToArray()``."""
        return [
            str(self.get_value(order["sql"]))
            if "sql" in order
            else f"{self.wrap(order['column'])} {order['direction']}"
            for order in orders
        ]

    def compile_random(self, seed: t.Any = "") -> str:
        """Compile a random order. Laravel: ``Grammar::compileRandom()``."""
        return "RANDOM()"

    def compile_limit(self, query: Builder, limit: int | None = None) -> str:
        """Compile ``limit n``. Laravel: ``Grammar::compileLimit()``."""
        limit = query.limit_value if limit is None else limit
        return "" if limit is None else f"limit {int(limit)}"

    def compile_offset(self, query: Builder, offset: int | None = None) -> str:
        """Compile ``offset n``. Laravel: ``Grammar::compileOffset()``."""
        offset = query.offset_value if offset is None else offset
        return "" if offset is None else f"offset {int(offset)}"

    def compile_unions(self, query: Builder) -> str:
        """Compile the unions and the orders/limits that apply to them. Laravel: ``Grammar::compileUnions()``."""
        sql = "".join(self.compile_union(union) for union in query.unions)
        if query.union_orders:
            sql += " " + self.compile_orders(query, query.union_orders)
        if query.union_limit is not None:
            sql += " " + self.compile_limit(query, query.union_limit)
        if query.union_offset is not None:
            sql += " " + self.compile_offset(query, query.union_offset)
        return sql.lstrip()

    def compile_union(self, union: dict[str, t.Any]) -> str:
        """Compile one union. Laravel: ``Grammar::compileUnion()``."""
        conjunction = " union all " if union["all"] else " union "
        return conjunction + self.wrap_union(union["query"].to_sql())

    def wrap_union(self, sql: str) -> str:
        """Wrap one side of a union. Laravel: ``Grammar::wrapUnion()``."""
        return f"({sql})"

    def compile_union_aggregate(self, query: Builder) -> str:
        """Compile an aggregate over a union or a having query. Laravel: ``Grammar::compileUnionAggregate()``."""
        sql = self.compile_aggregate(query)
        aggregate, query.aggregate_value = query.aggregate_value, None
        try:
            inner = self.compile_select(query)
        finally:
            query.aggregate_value = aggregate
        return f"{sql} from ({inner}) as {self.wrap_table('temp_table')}"

    def compile_exists(self, query: Builder) -> str:
        """Compile ``select exists(...) as "exists"``. Laravel: ``Grammar::compileExists()``."""
        return f"select exists({self.compile_select(query)}) as {self.wrap('exists')}"

    def compile_lock(self, query: Builder) -> str:
        """Compile the lock (only a raw lock string in the base grammar). Laravel: ``Grammar::compileLock()``."""
        value = query.lock_value
        return value if isinstance(value, str) else ""

    def concatenate(self, segments: t.Iterable[t.Any]) -> str:
        """Join the non-empty segments with spaces. Laravel: ``Grammar::concatenate()``."""
        return " ".join(str(s) for s in segments if s is not None and str(s) != "")

    def remove_leading_boolean(self, value: str) -> str:
        """Drop the first ``and ``/``or ``. Laravel: ``Grammar::removeLeadingBoolean()``."""
        return _LEADING_BOOLEAN.sub("", value, count=1)

    # -- raw SQL ----------------------------------------------------------------------

    def escape(self, value: t.Any, binary: bool = False) -> str:
        """Quote a value as an SQL literal for ``to_raw_sql()``. Laravel: ``Connection::escape()``."""
        if isinstance(value, enum.Enum):
            value = value.value
        if value is None:
            return "null"
        if binary or isinstance(value, (bytes, bytearray, memoryview)):
            return self.escape_binary(bytes(value))
        if isinstance(value, bool):
            return self.escape_bool(value)
        if isinstance(value, (int, float, decimal.Decimal)):
            return str(value)
        if isinstance(value, dt.datetime):
            value = value.strftime(self.get_date_format())
        elif isinstance(value, (dt.date, dt.time)):
            value = value.isoformat()
        if isinstance(value, (list, tuple, dict, set)):
            raise InvalidQueryArgumentError(
                f"The database connection does not support escaping arrays [{value!r}]: "
                "bind scalar values only."
            )
        text = str(value)
        if "\x00" in text:
            raise InvalidQueryArgumentError(
                "Strings with null bytes cannot be escaped [\\x00 found]: use the binary escape option."
            )
        return self.escape_string(text)

    def escape_string(self, value: str) -> str:
        """Quote a string literal, doubling single quotes. Laravel: ``PDO::quote()``."""
        return "'" + value.replace("'", "''") + "'"

    def escape_bool(self, value: bool) -> str:
        """Write a boolean literal (``1``/``0``). Laravel: ``Connection::escapeBool()``."""
        return "1" if value else "0"

    def escape_binary(self, value: bytes) -> str:
        """Write a binary literal ``x'..'``. Laravel: ``Connection::escapeBinary()``."""
        return "x'" + value.hex() + "'"

    def substitute_bindings_into_raw_sql(
        self, sql: str, bindings: t.Sequence[t.Any]
    ) -> str:
        """Replace each ``?`` outside string literals by its escaped binding. Laravel: ``Grammar::substituteBindingsIntoRawSql()``."""
        escaped = [self.escape(value) for value in bindings]
        out: list[str] = []
        in_string = False
        i = 0
        while i < len(sql):
            char = sql[i]
            pair = sql[i : i + 2]
            if pair in ("\\'", "''", "??"):
                out.append(pair)
                i += 2
                continue
            if char == "'":
                in_string = not in_string
                out.append(char)
            elif char == "?" and not in_string:
                out.append(escaped.pop(0) if escaped else "?")
            else:
                out.append(char)
            i += 1
        return "".join(out)
