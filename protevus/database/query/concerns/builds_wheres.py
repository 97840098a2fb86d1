"""Add the core where clauses: basic, column, raw, in, null, between, nested, sub-query, exists.

Laravel: the ``where*`` methods of ``Illuminate\\Database\\Query\\Builder``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.concerns.query_state import QueryState
from protevus.database.query.expression import Expression

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder


class _Unset:
    """Mark an argument the caller left out (PHP's ``func_num_args()``)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: t.Any = _Unset()
_LEADING_INT = re.compile(r"^\s*[+-]?\d+")
_WHOLE = re.compile(r"^\s*[+-]?\d+\s*$")
_UNSET = UNSET
#: values and operators that take ``where()``'s fast path (no JSON, null, bool,
#: expression or sub-query handling needed).
_PLAIN_VALUES = frozenset({int, str, float})
_PLAIN_OPERATORS = frozenset({"=", "<", ">", "<=", ">=", "<>", "!="})


class BuildsWheres(QueryState):
    """Add the core where clauses to a query builder.

    Laravel: ``Builder::where()``, ``whereIn()``, ``whereNull()``, ``whereBetween()``...
    """

    def where(
        self,
        column: t.Any,
        operator: t.Any = _UNSET,
        value: t.Any = _UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Add a where clause: ``where('votes', '>', 100)``, ``where('name', 'John')``, ``where(closure)``.

        Also takes a dict of ``column: value`` pairs or a list of ``[column, op, value]``
        lists (joined with ``and`` inside parentheses). A value of ``None`` compiles to
        ``is null``; an unknown operator is taken as the value compared with ``=``.
        Laravel: ``Builder::where()``.
        """
        # The common call, ``where('id', 5)`` or ``where('votes', '>', 100)`` with a
        # plain column and a plain value, needs none of the checks below.
        if type(column) is str and "->" not in column:
            fast: tuple[str, t.Any] | None = None
            if value is _UNSET:
                if type(operator) in _PLAIN_VALUES:
                    fast = ("=", operator)
            elif (
                type(value) in _PLAIN_VALUES
                and type(operator) is str
                and operator in _PLAIN_OPERATORS
            ):
                fast = (operator, value)
            if fast is not None:
                self.wheres.append(
                    {
                        "type": "Basic",
                        "column": column,
                        "operator": fast[0],
                        "value": fast[1],
                        "boolean": boolean,
                    }
                )
                self.bindings["where"].append(fast[1])
                return self

        from protevus.database.query.builder import flatten_value

        if isinstance(column, (dict, list, tuple)):
            return self.add_array_of_wheres(column, boolean)
        use_default = value is _UNSET and operator is not _UNSET
        operator = None if operator is _UNSET else operator
        value = None if value is _UNSET else value
        value, operator = self.prepare_value_and_operator(value, operator, use_default)

        if operator is None and self.is_closure(column):
            return self.where_nested(column, boolean)
        if self.is_queryable(column) and operator is not None:
            sub, bindings = self.create_sub(column)
            self.add_binding(bindings, "where")
            return self.where(Expression(f"({sub})"), operator, value, boolean)
        if self.invalid_operator(operator):
            value, operator = operator, "="
        if self.is_queryable(value):
            return self.where_sub(column, operator, value, boolean)
        if value is None:
            return self.where_null(column, boolean, operator != "=")

        type_ = "Basic"
        column_string = self.grammar.get_value(column)
        if (
            isinstance(column_string, str)
            and "->" in column_string
            and isinstance(value, bool)
        ):
            value = Expression("true" if value else "false")
            if isinstance(column, str):
                type_ = "JsonBoolean"
        if self.is_bitwise_operator(operator):
            type_ = "Bitwise"
        self.wheres.append(
            {
                "type": type_,
                "column": column,
                "operator": operator,
                "value": value,
                "boolean": boolean,
            }
        )
        if not isinstance(value, Expression):
            self.add_binding(flatten_value(value), "where")
        return self

    def is_closure(self, value: t.Any) -> bool:
        """Return whether ``value`` is a callback (not a builder) that builds a query."""
        return self.is_queryable(value) and not hasattr(value, "to_sql")

    def add_array_of_wheres(
        self, column: t.Any, boolean: str, method: str = "where"
    ) -> t.Self:
        """Add a nested group from a dict of pairs or a list of condition lists.

        Laravel: ``Builder::addArrayOfWheres()``.
        """

        def nested(query: Builder) -> None:
            items = column.items() if isinstance(column, dict) else enumerate(column)
            for key, value in items:
                if isinstance(key, int) and isinstance(value, (list, tuple)):
                    getattr(query, method)(*value)
                else:
                    getattr(query, method)(key, "=", value, boolean)

        return self.where_nested(nested, boolean)

    def or_where(
        self, column: t.Any, operator: t.Any = _UNSET, value: t.Any = _UNSET
    ) -> t.Self:
        """Add an ``or`` where clause. Laravel: ``Builder::orWhere()``."""
        if value is _UNSET and operator is not _UNSET:
            return self.where(column, "=", operator, "or")
        operator = None if operator is _UNSET else operator
        value = None if value is _UNSET else value
        value, operator = self.prepare_value_and_operator(value, operator)
        return self.where(column, operator, value, "or")

    def where_not(
        self,
        column: t.Any,
        operator: t.Any = _UNSET,
        value: t.Any = _UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Add a negated where clause: ``where not ...``. Laravel: ``Builder::whereNot()``."""
        if isinstance(column, (dict, list, tuple)):
            return self.where_nested(
                lambda query: query.where(column, operator, value, boolean),
                boolean + " not",
            )
        if value is _UNSET and operator is not _UNSET:
            return self.where(column, "=", operator, boolean + " not")
        operator = None if operator is _UNSET else operator
        value = None if value is _UNSET else value
        return self.where(column, operator, value, boolean + " not")

    def or_where_not(
        self, column: t.Any, operator: t.Any = _UNSET, value: t.Any = _UNSET
    ) -> t.Self:
        """Add an ``or not`` where clause. Laravel: ``Builder::orWhereNot()``."""
        return self.where_not(column, operator, value, "or")

    def where_column(
        self,
        first: t.Any,
        operator: t.Any = None,
        second: t.Any = None,
        boolean: str = "and",
    ) -> t.Self:
        """Compare two columns: ``where_column('updated_at', '>', 'created_at')``.

        Laravel: ``Builder::whereColumn()``.
        """
        if isinstance(first, (dict, list, tuple)):
            return self.add_array_of_wheres(first, boolean, "where_column")
        if self.invalid_operator(operator):
            second, operator = operator, "="
        self.wheres.append(
            {
                "type": "Column",
                "first": first,
                "operator": operator,
                "second": second,
                "boolean": boolean,
            }
        )
        return self

    def or_where_column(
        self, first: t.Any, operator: t.Any = None, second: t.Any = None
    ) -> t.Self:
        """Compare two columns with ``or``. Laravel: ``Builder::orWhereColumn()``."""
        return self.where_column(first, operator, second, "or")

    def where_raw(
        self, sql: t.Any, bindings: t.Any = (), boolean: str = "and"
    ) -> t.Self:
        """Add a raw where clause with its bindings. Laravel: ``Builder::whereRaw()``."""
        self.wheres.append({"type": "Raw", "sql": sql, "boolean": boolean})
        self.add_binding(
            list(bindings) if isinstance(bindings, (list, tuple)) else bindings
        )
        return self

    def or_where_raw(self, sql: t.Any, bindings: t.Any = ()) -> t.Self:
        """Add a raw ``or`` where clause. Laravel: ``Builder::orWhereRaw()``."""
        return self.where_raw(sql, bindings, "or")

    def where_in(
        self,
        column: t.Any,
        values: t.Any,
        boolean: str = "and",
        not_: bool = False,
    ) -> t.Self:
        """Add ``column in (...)`` with a list of values or a sub-query. Laravel: ``Builder::whereIn()``."""
        type_ = "NotIn" if not_ else "In"
        if self.is_queryable(values):
            sql, bindings = self.create_sub(values)
            values = [Expression(sql)]
            self.add_binding(bindings, "where")
        elif hasattr(values, "to_array") and not isinstance(values, (list, tuple)):
            values = values.to_array()
        if isinstance(values, dict):
            values = list(values.values())
        values = list(values)
        if any(isinstance(v, (list, tuple, dict)) for v in values):
            raise InvalidQueryArgumentError(
                f"Nested arrays may not be passed to whereIn method [{column}]: pass a flat list."
            )
        self.wheres.append(
            {"type": type_, "column": column, "values": values, "boolean": boolean}
        )
        self.add_binding(self.clean_bindings(values), "where")
        return self

    def or_where_in(self, column: t.Any, values: t.Any) -> t.Self:
        """Add ``or column in (...)``. Laravel: ``Builder::orWhereIn()``."""
        return self.where_in(column, values, "or")

    def where_not_in(
        self, column: t.Any, values: t.Any, boolean: str = "and"
    ) -> t.Self:
        """Add ``column not in (...)``. Laravel: ``Builder::whereNotIn()``."""
        return self.where_in(column, values, boolean, True)

    def or_where_not_in(self, column: t.Any, values: t.Any) -> t.Self:
        """Add ``or column not in (...)``. Laravel: ``Builder::orWhereNotIn()``."""
        return self.where_not_in(column, values, "or")

    def where_integer_in_raw(
        self,
        column: t.Any,
        values: t.Any,
        boolean: str = "and",
        not_: bool = False,
    ) -> t.Self:
        """Add ``column in (1, 2, 3)`` with the integers written into the SQL (no bindings).

        Every value is cast with ``int()``, so nothing but digits reaches the SQL.
        Laravel: ``Builder::whereIntegerInRaw()``.
        """
        from protevus.database.query.builder import cast_binding
        from protevus.database.query.builder import flatten

        if hasattr(values, "to_array") and not isinstance(values, (list, tuple)):
            values = values.to_array()
        ints = [php_int(cast_binding(v)) for v in flatten(values)]
        type_ = "NotInRaw" if not_ else "InRaw"
        self.wheres.append(
            {"type": type_, "column": column, "values": ints, "boolean": boolean}
        )
        return self

    def or_where_integer_in_raw(self, column: t.Any, values: t.Any) -> t.Self:
        """Add ``or column in (1, 2)`` with raw integers. Laravel: ``Builder::orWhereIntegerInRaw()``."""
        return self.where_integer_in_raw(column, values, "or")

    def where_integer_not_in_raw(
        self, column: t.Any, values: t.Any, boolean: str = "and"
    ) -> t.Self:
        """Add ``column not in (1, 2)`` with raw integers. Laravel: ``Builder::whereIntegerNotInRaw()``."""
        return self.where_integer_in_raw(column, values, boolean, True)

    def or_where_integer_not_in_raw(self, column: t.Any, values: t.Any) -> t.Self:
        """Add ``or column not in (1, 2)`` with raw integers. Laravel: ``Builder::orWhereIntegerNotInRaw()``."""
        return self.where_integer_not_in_raw(column, values, "or")

    def where_null(
        self, columns: t.Any, boolean: str = "and", not_: bool = False
    ) -> t.Self:
        """Add ``column is null`` (one column or a list). Laravel: ``Builder::whereNull()``."""
        type_ = "NotNull" if not_ else "Null"
        for column in columns if isinstance(columns, (list, tuple)) else [columns]:
            self.wheres.append({"type": type_, "column": column, "boolean": boolean})
        return self

    def or_where_null(self, column: t.Any) -> t.Self:
        """Add ``or column is null``. Laravel: ``Builder::orWhereNull()``."""
        return self.where_null(column, "or")

    def where_not_null(self, columns: t.Any, boolean: str = "and") -> t.Self:
        """Add ``column is not null``. Laravel: ``Builder::whereNotNull()``."""
        return self.where_null(columns, boolean, True)

    def or_where_not_null(self, column: t.Any) -> t.Self:
        """Add ``or column is not null``. Laravel: ``Builder::orWhereNotNull()``."""
        return self.where_not_null(column, "or")

    def where_between(
        self,
        column: t.Any,
        values: t.Any,
        boolean: str = "and",
        not_: bool = False,
    ) -> t.Self:
        """Add ``column between ? and ?`` (the first two values are used). Laravel: ``Builder::whereBetween()``."""
        from protevus.database.query.builder import flatten

        if self.is_queryable(column):
            sub, bindings = self.create_sub(column)
            self.add_binding(bindings, "where")
            return self.where_between(Expression(f"({sub})"), values, boolean, not_)
        values = _pair(values)
        self.wheres.append(
            {
                "type": "Between",
                "column": column,
                "values": values,
                "boolean": boolean,
                "not": not_,
            }
        )
        self.add_binding(self.clean_bindings(flatten(values))[:2], "where")
        return self

    def where_between_columns(
        self,
        column: t.Any,
        values: t.Any,
        boolean: str = "and",
        not_: bool = False,
    ) -> t.Self:
        """Add ``column between other_a and other_b`` comparing with columns. Laravel: ``Builder::whereBetweenColumns()``."""
        self.wheres.append(
            {
                "type": "BetweenColumns",
                "column": column,
                "values": _pair(values),
                "boolean": boolean,
                "not": not_,
            }
        )
        return self

    def or_where_between(self, column: t.Any, values: t.Any) -> t.Self:
        """Add ``or column between ? and ?``. Laravel: ``Builder::orWhereBetween()``."""
        return self.where_between(column, values, "or")

    def or_where_between_columns(self, column: t.Any, values: t.Any) -> t.Self:
        """Add ``or column between two columns``. Laravel: ``Builder::orWhereBetweenColumns()``."""
        return self.where_between_columns(column, values, "or")

    def where_not_between(
        self, column: t.Any, values: t.Any, boolean: str = "and"
    ) -> t.Self:
        """Add ``column not between ? and ?``. Laravel: ``Builder::whereNotBetween()``."""
        return self.where_between(column, values, boolean, True)

    def where_not_between_columns(
        self, column: t.Any, values: t.Any, boolean: str = "and"
    ) -> t.Self:
        """Add ``column not between two columns``. Laravel: ``Builder::whereNotBetweenColumns()``."""
        return self.where_between_columns(column, values, boolean, True)

    def or_where_not_between(self, column: t.Any, values: t.Any) -> t.Self:
        """Add ``or column not between ? and ?``. Laravel: ``Builder::orWhereNotBetween()``."""
        return self.where_not_between(column, values, "or")

    def or_where_not_between_columns(self, column: t.Any, values: t.Any) -> t.Self:
        """Add ``or column not between two columns``. Laravel: ``Builder::orWhereNotBetweenColumns()``."""
        return self.where_not_between_columns(column, values, "or")

    def where_nested(
        self, callback: t.Callable[[Builder], t.Any], boolean: str = "and"
    ) -> t.Self:
        """Group the clauses the callback adds in parentheses. Laravel: ``Builder::whereNested()``."""
        query = self.for_nested_where()
        callback(query)
        return self.add_nested_where_query(query, boolean)

    def add_nested_where_query(self, query: Builder, boolean: str = "and") -> t.Self:
        """Add another builder's wheres as one parenthesised group. Laravel: ``Builder::addNestedWhereQuery()``."""
        if query.wheres:
            self.wheres.append({"type": "Nested", "query": query, "boolean": boolean})
            self.add_binding(query.get_raw_bindings()["where"], "where")
        return self

    def where_sub(
        self,
        column: t.Any,
        operator: str,
        callback: t.Any,
        boolean: str = "and",
    ) -> t.Self:
        """Compare a column with a sub-query: ``"id" = (select ...)``. Laravel: ``Builder::whereSub()``."""
        query = self.resolve_query(callback)
        self.wheres.append(
            {
                "type": "Sub",
                "column": column,
                "operator": operator,
                "query": query,
                "boolean": boolean,
            }
        )
        self.add_binding(query.get_bindings(), "where")
        return self

    def where_exists(
        self, callback: t.Any, boolean: str = "and", not_: bool = False
    ) -> t.Self:
        """Add ``exists (select ...)`` from a closure or a builder. Laravel: ``Builder::whereExists()``."""
        return self.add_where_exists_query(self.resolve_query(callback), boolean, not_)

    def or_where_exists(self, callback: t.Any, not_: bool = False) -> t.Self:
        """Add ``or exists (select ...)``. Laravel: ``Builder::orWhereExists()``."""
        return self.where_exists(callback, "or", not_)

    def where_not_exists(self, callback: t.Any, boolean: str = "and") -> t.Self:
        """Add ``not exists (select ...)``. Laravel: ``Builder::whereNotExists()``."""
        return self.where_exists(callback, boolean, True)

    def or_where_not_exists(self, callback: t.Any) -> t.Self:
        """Add ``or not exists (select ...)``. Laravel: ``Builder::orWhereNotExists()``."""
        return self.or_where_exists(callback, True)

    def add_where_exists_query(
        self, query: Builder, boolean: str = "and", not_: bool = False
    ) -> t.Self:
        """Add an exists clause for a built query. Laravel: ``Builder::addWhereExistsQuery()``."""
        type_ = "NotExists" if not_ else "Exists"
        self.wheres.append({"type": type_, "query": query, "boolean": boolean})
        self.add_binding(query.get_bindings(), "where")
        return self

    def where_row_values(
        self,
        columns: t.Sequence[t.Any],
        operator: str,
        values: t.Sequence[t.Any],
        boolean: str = "and",
    ) -> t.Self:
        """Compare a row of columns: ``("a", "b") < (?, ?)``. Laravel: ``Builder::whereRowValues()``."""
        if self.invalid_operator(operator):
            raise InvalidQueryArgumentError(
                f"The operator [{operator}] is not a valid comparison operator: use one "
                "of =, <, >, <=, >=, <>, !=."
            )
        if len(columns) != len(values):
            raise InvalidQueryArgumentError(
                f"The number of columns must match the number of values [{len(columns)} "
                f"columns, {len(values)} values]: pass as many values as columns."
            )
        self.wheres.append(
            {
                "type": "RowValues",
                "columns": list(columns),
                "operator": operator,
                "values": list(values),
                "boolean": boolean,
            }
        )
        self.add_binding(self.clean_bindings(values))
        return self

    def or_where_row_values(
        self,
        columns: t.Sequence[t.Any],
        operator: str,
        values: t.Sequence[t.Any],
    ) -> t.Self:
        """Compare a row of columns with ``or``. Laravel: ``Builder::orWhereRowValues()``."""
        return self.where_row_values(columns, operator, values, "or")


def whole_number(value: t.Any, what: str) -> int:
    """Return ``value`` as an int: ints, integral floats and numeric strings (``'2'`` from
    a query string) pass; anything else raises a sentence naming the value.

    Laravel casts with PHP's ``(int)``, turning ``'abc'`` into 0 silently; a clear
    error is kinder than an empty page.
    """
    if isinstance(value, bool):
        raise InvalidQueryArgumentError(
            f"The {what} [{value}] is not a whole number: pass an int such as 15."
        )
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _WHOLE.match(value):
        return int(value)
    raise InvalidQueryArgumentError(
        f"The {what} [{value}] is not a whole number: pass an int such as 15."
    )


def php_int(value: t.Any) -> int:
    """Cast like PHP's ``(int)``: leading digits of a string, else 0 (``'1a'`` → 1)."""
    if isinstance(value, (int, float)):
        return int(value)
    match = _LEADING_INT.match(str(value))
    return int(match.group(0)) if match else 0


def _pair(values: t.Any) -> list[t.Any]:
    """Return the values of a between clause as a list (ranges and dicts too)."""
    if isinstance(values, range):
        return (
            [values.start, values[-1]] if len(values) else [values.start, values.start]
        )
    if isinstance(values, dict):
        return list(values.values())
    return list(values)
