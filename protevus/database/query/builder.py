"""Build SQL queries fluently, then compile them with a dialect grammar or run them on a connection.

Laravel: ``Illuminate\\Database\\Query\\Builder``.

The builder only collects state (columns, wheres, joins, orders...) and bindings; the
grammar turns that state into SQL with ``?`` placeholders, and the connection runs it.
The state attributes carry a ``_value`` suffix where Laravel's property name is also a
method name (``limit`` → ``limit_value``, ``from`` → ``from_value``).
"""

from __future__ import annotations

import enum
import re
import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.concerns.builds_havings import BuildsHavings
from protevus.database.query.concerns.builds_joins import BuildsJoins
from protevus.database.query.concerns.builds_ordering import BuildsOrdering
from protevus.database.query.concerns.builds_pagination import BuildsPagination
from protevus.database.query.concerns.builds_typed_wheres import BuildsTypedWheres
from protevus.database.query.concerns.builds_wheres import BuildsWheres
from protevus.database.query.concerns.conditionable import Conditionable
from protevus.database.query.concerns.executes_queries import ExecutesQueries
from protevus.database.query.concerns.writes_records import WritesRecords
from protevus.database.query.expression import Expression
from protevus.database.query.grammars.concerns.compiles_writes import BINDING_ORDER
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.database.query.grammars.grammar import Grammar

#: the binding groups, in the order their placeholders appear (Laravel's $bindings keys).
BINDING_TYPES: tuple[str, ...] = BINDING_ORDER

OPERATORS: tuple[str, ...] = (
    "=", "<", ">", "<=", ">=", "<>", "!=", "<=>",
    "like", "like binary", "not like", "ilike",
    "&", "|", "^", "<<", ">>", "&~", "is", "is not",
    "rlike", "not rlike", "regexp", "not regexp",
    "~", "~*", "!~", "!~*", "similar to",
    "not similar to", "not ilike", "~~*", "!~~*",
)  # fmt: skip

BITWISE_OPERATORS: tuple[str, ...] = ("&", "|", "^", "<<", ">>", "&~")

# Laravel's property names (used by clone_without) mapped to the Python state names.
_PROPERTY_NAMES: dict[str, str] = {
    "distinct": "distinct_value",
    "from": "from_value",
    "limit": "limit_value",
    "offset": "offset_value",
    "lock": "lock_value",
    "aggregate": "aggregate_value",
    "unionLimit": "union_limit",
    "unionOffset": "union_offset",
    "unionOrders": "union_orders",
    "indexHint": "index_hint",
}

_CAMEL_CONNECTORS = re.compile(r"(And|Or)(?=[A-Z])")
_SNAKE_CONNECTORS = re.compile(r"_(and|or)_")
_UPPER = re.compile(r"([A-Z])")

_LIST_STATE = (
    "joins",
    "wheres",
    "groups",
    "havings",
    "orders",
    "unions",
    "union_orders",
)


class Builder(
    ExecutesQueries,
    WritesRecords,
    BuildsPagination,
    BuildsWheres,
    BuildsTypedWheres,
    BuildsJoins,
    BuildsHavings,
    BuildsOrdering,
    Conditionable,
    CamelAliases,
    Macroable,
):
    """Build a query fluently: ``Builder(conn).from_('users').where('id', 1).to_sql()``.

    With ``connection=None`` the builder still compiles (``to_sql()``) with the given
    grammar, but cannot run.

    Laravel: ``Illuminate\\Database\\Query\\Builder``.
    """

    operators: t.ClassVar[tuple[str, ...]] = OPERATORS
    bitwise_operators: t.ClassVar[tuple[str, ...]] = BITWISE_OPERATORS

    def __init__(
        self, connection: t.Any = None, grammar: Grammar | None = None
    ) -> None:
        if grammar is None:
            if connection is None:
                raise InvalidQueryArgumentError(
                    "A query builder needs a connection or a grammar [None given]: "
                    "pass Builder(connection) or Builder(grammar=SQLiteGrammar())."
                )
            grammar = connection.get_query_grammar()
        self.connection: t.Any = connection
        self.grammar: Grammar = grammar
        self.bindings: dict[str, list[t.Any]] = {key: [] for key in BINDING_TYPES}
        self.aggregate_value: dict[str, t.Any] | None = None
        self.columns: list[t.Any] | None = None
        self.distinct_value: bool | list[t.Any] = False
        self.from_value: str | Expression | None = None
        self.index_hint: dict[str, str] | None = None
        self.joins: list[t.Any] = []
        self.wheres: list[dict[str, t.Any]] = []
        self.groups: list[t.Any] = []
        self.havings: list[dict[str, t.Any]] = []
        self.orders: list[dict[str, t.Any]] = []
        self.limit_value: int | None = None
        self.offset_value: int | None = None
        self.unions: list[dict[str, t.Any]] = []
        self.union_limit: int | None = None
        self.union_offset: int | None = None
        self.union_orders: list[dict[str, t.Any]] = []
        self.lock_value: bool | str | None = None
        self.use_write_pdo_: bool = False
        self.before_query_callbacks: list[t.Callable[[Builder], t.Any]] = []

    # -- construction and copies -------------------------------------------------

    def new_query(self) -> Builder:
        """Get a new, empty builder on the same connection and grammar. Laravel: ``Builder::newQuery()``."""
        return self.__class__(self.connection, self.grammar)

    def for_sub_query(self) -> Builder:
        """Get the builder a sub-query closure receives. Laravel: ``Builder::forSubQuery()``."""
        return self.new_query()

    def for_nested_where(self) -> Builder:
        """Get the builder a nested-where closure receives. Laravel: ``Builder::forNestedWhere()``."""
        return self.new_query().from_(self.from_value)

    def clone(self) -> Builder:
        """Copy the builder so changes to the copy leave this one alone. Laravel: ``Builder::clone()``."""
        copy = self.__class__.__new__(self.__class__)
        copy.__dict__.update(self.__dict__)
        for name in _LIST_STATE:
            setattr(copy, name, list(getattr(self, name)))
        copy.columns = None if self.columns is None else list(self.columns)
        if isinstance(self.distinct_value, list):
            copy.distinct_value = list(self.distinct_value)
        copy.bindings = {key: list(values) for key, values in self.bindings.items()}
        copy.before_query_callbacks = list(self.before_query_callbacks)
        return copy

    def __copy__(self) -> Builder:
        return self.clone()

    def clone_without(self, properties: t.Iterable[str]) -> Builder:
        """Copy the builder with the given state reset. Laravel: ``Builder::cloneWithout()``.

        Names may be Laravel's (``'orders'``, ``'limit'``) or the Python state names
        (``'limit_value'``).
        """
        copy = self.clone()
        fresh = Builder(self.connection, self.grammar)
        for prop in properties:
            name = _PROPERTY_NAMES.get(prop, prop)
            if name not in fresh.__dict__ or name in {
                "connection",
                "grammar",
                "bindings",
            }:
                raise InvalidQueryArgumentError(
                    f"Query builder property [{prop}] does not exist: use a state name "
                    "such as 'columns', 'orders' or 'limit'."
                )
            setattr(copy, name, getattr(fresh, name))
        return copy

    def clone_without_bindings(self, except_: t.Iterable[str]) -> Builder:
        """Copy the builder with the given binding types emptied. Laravel: ``Builder::cloneWithoutBindings()``."""
        copy = self.clone()
        for key in except_:
            self._check_binding_type(key)
            copy.bindings[key] = []
        return copy

    # -- selects and from -------------------------------------------------------

    def select(self, *columns: t.Any) -> Builder:
        """Set the columns to select (``'name'``, ``'users.email as mail'``, ``{'alias': subquery}``).

        Laravel: ``Builder::select()``.
        """
        self.columns = []
        self.bindings["select"] = []
        for alias, column in _column_items(columns or ("*",)):
            if isinstance(alias, str) and self.is_queryable(column):
                self.select_sub(column, alias)
            else:
                self.columns.append(column)
        return self

    def add_select(self, *columns: t.Any) -> Builder:
        """Add columns to the select list, skipping ones already there. Laravel: ``Builder::addSelect()``."""
        for alias, column in _column_items(columns):
            if isinstance(alias, str) and self.is_queryable(column):
                if self.columns is None:
                    self.select(f"{self.from_value}.*")
                self.select_sub(column, alias)
            else:
                if self.columns is not None and any(
                    type(c) is type(column) and c == column for c in self.columns
                ):
                    continue
                if self.columns is None:
                    self.columns = []
                self.columns.append(column)
        return self

    def select_raw(self, expression: str, bindings: t.Sequence[t.Any] = ()) -> Builder:
        """Add a raw select expression with its own bindings. Laravel: ``Builder::selectRaw()``."""
        self.add_select(Expression(expression))
        if bindings:
            self.add_binding(bindings, "select")
        return self

    def select_sub(self, query: t.Any, as_: str) -> Builder:
        """Add a sub-select ``(select ...) as "alias"`` to the columns. Laravel: ``Builder::selectSub()``."""
        sql, bindings = self.create_sub(query)
        return self.select_raw(f"({sql}) as {self.grammar.wrap(as_)}", bindings)

    def distinct(self, *columns: t.Any) -> Builder:
        """Select distinct rows (pgsql: ``distinct on (columns)``). Laravel: ``Builder::distinct()``."""
        if columns:
            first = columns[0]
            if isinstance(first, bool):
                self.distinct_value = first
            elif isinstance(first, (list, tuple)):
                self.distinct_value = list(first)
            else:
                self.distinct_value = list(columns)
        else:
            self.distinct_value = True
        return self

    def from_(self, table: t.Any, as_: str | None = None) -> Builder:
        """Set the table (``'users'``, ``'users as u'``) or a sub-query with an alias. Laravel: ``Builder::from()``."""
        if self.is_queryable(table):
            if as_ is None:
                raise InvalidQueryArgumentError(
                    "A sub-query in from_() needs an alias [None given]: pass from_(query, 'alias')."
                )
            return self.from_sub(table, as_)
        self.from_value = f"{table} as {as_}" if as_ else table
        return self

    def from_sub(self, query: t.Any, as_: str) -> Builder:
        """Select from a sub-query ``(select ...) as "alias"``. Laravel: ``Builder::fromSub()``."""
        sql, bindings = self.create_sub(query)
        return self.from_raw(f"({sql}) as {self.grammar.wrap_table(as_)}", bindings)

    def from_raw(self, expression: t.Any, bindings: t.Sequence[t.Any] = ()) -> Builder:
        """Select from a raw SQL expression. Laravel: ``Builder::fromRaw()``."""
        self.from_value = Expression(expression)
        self.add_binding(bindings, "from")
        return self

    def use_index(self, index: str) -> Builder:
        """Hint the index to use (mysql ``use index``, sqlite ``indexed by``). Laravel: ``Builder::useIndex()``."""
        self.index_hint = {"type": "hint", "index": index}
        return self

    def force_index(self, index: str) -> Builder:
        """Force an index (mysql ``force index``). Laravel: ``Builder::forceIndex()``."""
        self.index_hint = {"type": "force", "index": index}
        return self

    def ignore_index(self, index: str) -> Builder:
        """Tell mysql to ignore an index. Laravel: ``Builder::ignoreIndex()``."""
        self.index_hint = {"type": "ignore", "index": index}
        return self

    # -- sub-queries ------------------------------------------------------------

    def is_queryable(self, value: t.Any) -> bool:
        """Return whether ``value`` is a builder or a closure that builds one. Laravel: ``Builder::isQueryable()``."""
        if isinstance(value, Builder):
            return True
        if isinstance(value, (str, bytes, type, Expression, enum.Enum)):
            return False
        if hasattr(value, "to_base") and hasattr(value, "to_sql"):
            return True
        return callable(value)

    def create_sub(self, query: t.Any) -> tuple[str, list[t.Any]]:
        """Compile a closure, builder or SQL string into ``(sql, bindings)``. Laravel: ``Builder::createSub()``."""
        if (
            callable(query)
            and not isinstance(query, Builder)
            and not hasattr(query, "to_sql")
        ):
            sub = self.for_sub_query()
            query(sub)
            query = sub
        return self.parse_sub(query)

    def parse_sub(self, query: t.Any) -> tuple[str, list[t.Any]]:
        """Return ``(sql, bindings)`` of a builder or a raw SQL string. Laravel: ``Builder::parseSub()``."""
        if isinstance(query, Builder) or (
            hasattr(query, "to_sql") and hasattr(query, "get_bindings")
        ):
            return query.to_sql(), list(query.get_bindings())
        if isinstance(query, str):
            return query, []
        raise InvalidQueryArgumentError(
            f"A subquery must be a query builder instance, a Closure, or a string "
            f"[{type(query).__name__} given]."
        )

    def resolve_query(self, callback: t.Any) -> Builder:
        """Run a closure on a fresh sub-query, or unwrap an Eloquent builder."""
        if isinstance(callback, Builder):
            return callback
        if hasattr(callback, "to_base"):
            return t.cast(Builder, callback.to_base())
        query = self.for_sub_query()
        callback(query)
        return query

    # -- operators --------------------------------------------------------------

    def prepare_value_and_operator(
        self, value: t.Any, operator: t.Any, use_default: bool = False
    ) -> tuple[t.Any, t.Any]:
        """Return ``(value, operator)``, defaulting the operator to ``=`` for 2-argument calls.

        Laravel: ``Builder::prepareValueAndOperator()``.
        """
        if use_default:
            return operator, "="
        if self.invalid_operator_and_value(operator, value):
            raise InvalidQueryArgumentError(
                f"Illegal operator and value combination [{operator} null]: "
                "use where_null() / where_not_null() to compare with null."
            )
        return value, operator

    def invalid_operator_and_value(self, operator: t.Any, value: t.Any) -> bool:
        """Return whether ``operator`` cannot be used with a null value. Laravel: ``Builder::invalidOperatorAndValue()``."""
        return (
            value is None
            and isinstance(operator, str)
            and operator in self.operators
            and operator not in ("=", "<>", "!=")
        )

    def invalid_operator(self, operator: t.Any) -> bool:
        """Return whether ``operator`` is neither a builder nor a grammar operator. Laravel: ``Builder::invalidOperator()``."""
        if not isinstance(operator, str):
            return True
        lowered = operator.lower()
        return (
            lowered not in self.operators
            and lowered not in self.grammar.get_operators()
        )

    def is_bitwise_operator(self, operator: t.Any) -> bool:
        """Return whether ``operator`` is a bitwise one. Laravel: ``Builder::isBitwiseOperator()``."""
        if not isinstance(operator, str):
            return False
        lowered = operator.lower()
        return (
            lowered in self.bitwise_operators
            or lowered in self.grammar.get_bitwise_operators()
        )

    # -- bindings ---------------------------------------------------------------

    def _check_binding_type(self, type_: str) -> None:
        if type_ not in self.bindings:
            raise InvalidQueryArgumentError(
                f"Invalid binding type: {type_} [{type_}]: use one of {', '.join(BINDING_TYPES)}."
            )

    def get_bindings(self) -> list[t.Any]:
        """Get every binding, flattened in the order the SQL uses them. Laravel: ``Builder::getBindings()``."""
        return [value for key in BINDING_TYPES for value in self.bindings[key]]

    def get_raw_bindings(self) -> dict[str, list[t.Any]]:
        """Get the bindings grouped by clause type. Laravel: ``Builder::getRawBindings()``."""
        return self.bindings

    def set_bindings(
        self, bindings: t.Sequence[t.Any], type_: str = "where"
    ) -> Builder:
        """Replace the bindings of one clause type. Laravel: ``Builder::setBindings()``."""
        self._check_binding_type(type_)
        self.bindings[type_] = list(bindings)
        return self

    def add_binding(self, value: t.Any, type_: str = "where") -> Builder:
        """Add one binding, or a list of them, to a clause type. Laravel: ``Builder::addBinding()``."""
        self._check_binding_type(type_)
        if isinstance(value, (list, tuple)):
            self.bindings[type_].extend(cast_binding(v) for v in value)
        else:
            self.bindings[type_].append(cast_binding(value))
        return self

    def merge_bindings(self, query: Builder) -> Builder:
        """Append another builder's bindings, type by type. Laravel: ``Builder::mergeBindings()``."""
        for key, values in query.bindings.items():
            self.bindings[key].extend(values)
        return self

    def clean_bindings(self, bindings: t.Iterable[t.Any]) -> list[t.Any]:
        """Drop expressions from a list of bindings. Laravel: ``Builder::cleanBindings()``."""
        return [cast_binding(b) for b in bindings if not isinstance(b, Expression)]

    # -- compiling ----------------------------------------------------------------

    def before_query(self, callback: t.Callable[[Builder], t.Any]) -> Builder:
        """Register a callback run on the builder just before it compiles. Laravel: ``Builder::beforeQuery()``."""
        self.before_query_callbacks.append(callback)
        return self

    def apply_before_query_callbacks(self) -> None:
        """Run the before-query callbacks once. Laravel: ``Builder::applyBeforeQueryCallbacks()``."""
        callbacks, self.before_query_callbacks = self.before_query_callbacks, []
        for callback in callbacks:
            callback(self)

    def to_sql(self) -> str:
        """Compile the query into SQL with ``?`` placeholders. Laravel: ``Builder::toSql()``."""
        self.apply_before_query_callbacks()
        return self.grammar.compile_select(self)

    def to_raw_sql(self) -> str:
        """Compile the query with its bindings escaped into the SQL (debugging only).

        Laravel: ``Builder::toRawSql()``.
        """
        return self.grammar.substitute_bindings_into_raw_sql(
            self.to_sql(), self.get_bindings()
        )

    def get_connection(self) -> t.Any:
        """Get the connection the builder runs on. Laravel: ``Builder::getConnection()``."""
        return self.connection

    def get_grammar(self) -> Grammar:
        """Get the grammar that compiles the builder. Laravel: ``Builder::getGrammar()``."""
        return self.grammar

    def use_write_pdo(self) -> Builder:
        """Run selects on the write connection. Laravel: ``Builder::useWritePdo()``."""
        self.use_write_pdo_ = True
        return self

    # -- dynamic wheres -------------------------------------------------------------

    def dynamic_where(self, method: str, parameters: t.Sequence[t.Any]) -> Builder:
        """Add wheres named by the method: ``whereNameAndEmail('a', 'b')`` or ``where_name_and_email``.

        Laravel: ``Builder::dynamicWhere()``.
        """
        finder = method[5:]
        if finder.startswith("_"):
            segments = _SNAKE_CONNECTORS.split(finder[1:])
            connectors = {"and", "or"}
        else:
            segments = _CAMEL_CONNECTORS.split(finder)
            connectors = {"And", "Or"}
        connector = "and"
        index = 0
        for segment in segments:
            if segment in connectors:
                connector = segment.lower()
                continue
            if index >= len(parameters):
                raise InvalidQueryArgumentError(
                    f"Dynamic where [{method}] needs a value for [{segment}]: "
                    "pass one value per column."
                )
            self.where(_snake(segment), "=", parameters[index], connector)
            index += 1
        return self

    def __getattr__(self, name: str) -> t.Any:
        if (
            name.startswith("where")
            and len(name) > 6
            and (name[5] == "_" or name[5].isupper())
        ):
            return lambda *parameters: self.dynamic_where(name, parameters)
        raise AttributeError(
            f"Call to undefined method Builder::{name}() [{name}]: check the method name."
        )

    def __repr__(self) -> str:
        # Compile without the before-query callbacks: printing a builder (a test
        # failure, a debugger) must not run and clear them.
        try:
            sql = self.grammar.compile_select(self)
        except Exception as exc:  # a half-built query still prints
            sql = f"<cannot compile: {exc}>"
        return f"<Builder {sql!r}>"


def _snake(value: str) -> str:
    return _UPPER.sub(r"_\1", value).lower().lstrip("_")


def cast_binding(value: t.Any) -> t.Any:
    """Turn an enum into its value; leave other bindings alone. Laravel: ``Builder::castBinding()``."""
    if isinstance(value, enum.Enum):
        return value.value
    return value


def flatten_value(value: t.Any) -> t.Any:
    """Return the first scalar of a (nested) list, or the value itself. Laravel: ``Builder::flattenValue()``."""
    while isinstance(value, (list, tuple, dict)):
        if not value:
            return None
        value = next(iter(value.values())) if isinstance(value, dict) else value[0]
    return value


def flatten(values: t.Any) -> list[t.Any]:
    """Flatten nested lists and tuples into one list. Laravel: ``Arr::flatten()``."""
    if isinstance(values, dict):
        values = list(values.values())
    if not isinstance(values, (list, tuple)):
        return [values]
    out: list[t.Any] = []
    for item in values:
        out.extend(flatten(item) if isinstance(item, (list, tuple, dict)) else [item])
    return out


def _column_items(columns: tuple[t.Any, ...]) -> list[tuple[t.Any, t.Any]]:
    """Expand ``select('a', 'b')``, ``select(['a', 'b'])`` and ``select({'alias': sub})`` into pairs."""
    if len(columns) == 1 and isinstance(columns[0], (list, tuple, dict)):
        only = columns[0]
        if isinstance(only, dict):
            return list(only.items())
        return list(enumerate(only))
    items: list[tuple[t.Any, t.Any]] = []
    for index, column in enumerate(columns):
        if isinstance(column, dict):
            items.extend(column.items())
        else:
            items.append((index, column))
    return items
