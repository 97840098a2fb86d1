"""Compile the where clauses of a query (and the ``on`` conditions of a join).

Laravel: the ``where*`` compilers of ``Illuminate\\Database\\Query\\Grammars\\Grammar``.
"""

from __future__ import annotations

import functools
import re
import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


_BOOLEANS = frozenset({"and", "or", "and not", "or not"})


def sql_boolean(value: t.Any) -> str:
    """Return a where/having connective, refusing anything but and/or [not].

    Builder methods take the connective as an argument (Laravel's ``$boolean``) and
    it is written into the SQL as it is, so it must never come from user input
    unchecked: ``where('a', '=', 1, 'and 1=1 or')`` would be an injection.
    """
    if value not in _BOOLEANS and str(value).lower() not in _BOOLEANS:
        raise InvalidQueryArgumentError(
            f"The boolean [{value}] is not a valid where connective: use 'and', "
            "'or', 'and not' or 'or not'."
        )
    return str(value)


@functools.lru_cache(maxsize=256)
def _method_name(type_: str) -> str:
    """Map a where type (``NotInRaw``) to its compiler (``_where_not_in_raw``)."""
    return "_where_" + _CAMEL.sub("_", type_).lower()


class CompilesWheres(CamelAliases):
    """Compile every where type the builder records.

    Each entry of ``query.wheres`` has a ``type`` (``Basic``, ``In``, ``Nested``...);
    the compiler for type ``NotInRaw`` is ``_where_not_in_raw``. Dialects override the
    compilers they spell differently.
    Laravel: ``Grammar::compileWheres()`` and the ``where*`` compilers.
    """

    if t.TYPE_CHECKING:

        def wrap(self, value: t.Any) -> str: ...
        def parameter(self, value: t.Any) -> str: ...
        def parameterize(self, values: t.Iterable[t.Any]) -> str: ...
        def columnize(self, columns: t.Iterable[t.Any]) -> str: ...
        def get_value(self, expression: t.Any) -> t.Any: ...
        def compile_select(self, query: Builder) -> str: ...
        def remove_leading_boolean(self, value: str) -> str: ...
        def wrap_json_boolean_selector(self, value: str) -> str: ...
        def wrap_json_boolean_value(self, value: str) -> str: ...
        def wrap_json_field_and_path(self, column: str) -> tuple[str, str]: ...
        def is_json_selector(self, value: t.Any) -> bool: ...

    def compile_wheres(self, query: Builder) -> str:
        """Compile ``where ...`` (``on ...`` for a join clause). Laravel: ``Grammar::compileWheres()``."""
        if not query.wheres:
            return ""
        sql = self.compile_wheres_to_array(query)
        if not sql:
            return ""
        return self.concatenate_where_clauses(query, sql)

    def compile_wheres_to_array(self, query: Builder) -> list[str]:
        """Compile each where with its leading boolean. Laravel: ``Grammar::compileWheresToArray()``."""
        return [
            f"{sql_boolean(where['boolean'])} {self.compile_where(query, where)}"
            for where in query.wheres
        ]

    def compile_where(self, query: Builder, where: dict[str, t.Any]) -> str:
        """Compile one where entry by its type. Laravel: ``Grammar::where{Type}()``."""
        compilers = self.__dict__.setdefault("_where_compilers", {})
        compiler = compilers.get(where["type"])
        if compiler is None:
            compiler = getattr(self, _method_name(where["type"]), None)
            if compiler is not None:
                compilers[where["type"]] = compiler
        if compiler is None:
            raise InvalidQueryArgumentError(
                f"Unknown where type [{where['type']}]: the grammar has no compiler for it."
            )
        return str(compiler(query, where))

    def concatenate_where_clauses(self, query: Builder, sql: list[str]) -> str:
        """Join the where clauses after ``where`` or ``on``. Laravel: ``Grammar::concatenateWhereClauses()``."""
        from protevus.database.query.join_clause import JoinClause

        conjunction = "on" if isinstance(query, JoinClause) else "where"
        return conjunction + " " + self.remove_leading_boolean(" ".join(sql))

    def _where_raw(self, query: Builder, where: dict[str, t.Any]) -> str:
        return str(self.get_value(where["sql"]))

    def _where_basic(self, query: Builder, where: dict[str, t.Any]) -> str:
        operator = str(where["operator"]).replace("?", "??")
        return (
            f"{self.wrap(where['column'])} {operator} {self.parameter(where['value'])}"
        )

    def _where_bitwise(self, query: Builder, where: dict[str, t.Any]) -> str:
        return self._where_basic(query, where)

    def _where_like(self, query: Builder, where: dict[str, t.Any]) -> str:
        if where["case_sensitive"]:
            raise InvalidQueryArgumentError(
                "This database engine does not support case sensitive like operations "
                f"[{type(self).__name__}]: use case_sensitive=False."
            )
        where = {**where, "operator": "not like" if where["not"] else "like"}
        return self._where_basic(query, where)

    def _where_in(self, query: Builder, where: dict[str, t.Any]) -> str:
        if where["values"]:
            return f"{self.wrap(where['column'])} in ({self.parameterize(where['values'])})"
        return "0 = 1"

    def _where_not_in(self, query: Builder, where: dict[str, t.Any]) -> str:
        if where["values"]:
            return f"{self.wrap(where['column'])} not in ({self.parameterize(where['values'])})"
        return "1 = 1"

    def _where_in_raw(self, query: Builder, where: dict[str, t.Any]) -> str:
        if where["values"]:
            values = ", ".join(str(int(v)) for v in where["values"])
            return f"{self.wrap(where['column'])} in ({values})"
        return "0 = 1"

    def _where_not_in_raw(self, query: Builder, where: dict[str, t.Any]) -> str:
        if where["values"]:
            values = ", ".join(str(int(v)) for v in where["values"])
            return f"{self.wrap(where['column'])} not in ({values})"
        return "1 = 1"

    def _where_null(self, query: Builder, where: dict[str, t.Any]) -> str:
        return self.wrap(where["column"]) + " is null"

    def _where_not_null(self, query: Builder, where: dict[str, t.Any]) -> str:
        return self.wrap(where["column"]) + " is not null"

    def _where_between(self, query: Builder, where: dict[str, t.Any]) -> str:
        between = "not between" if where["not"] else "between"
        values = where["values"]
        low, high = self.parameter(values[0]), self.parameter(values[-1])
        return f"{self.wrap(where['column'])} {between} {low} and {high}"

    def _where_between_columns(self, query: Builder, where: dict[str, t.Any]) -> str:
        between = "not between" if where["not"] else "between"
        values = where["values"]
        low, high = self.wrap(values[0]), self.wrap(values[-1])
        return f"{self.wrap(where['column'])} {between} {low} and {high}"

    def _where_date(self, query: Builder, where: dict[str, t.Any]) -> str:
        return self.date_based_where("date", query, where)

    def _where_time(self, query: Builder, where: dict[str, t.Any]) -> str:
        return self.date_based_where("time", query, where)

    def _where_day(self, query: Builder, where: dict[str, t.Any]) -> str:
        return self.date_based_where("day", query, where)

    def _where_month(self, query: Builder, where: dict[str, t.Any]) -> str:
        return self.date_based_where("month", query, where)

    def _where_year(self, query: Builder, where: dict[str, t.Any]) -> str:
        return self.date_based_where("year", query, where)

    def date_based_where(
        self, type_: str, query: Builder, where: dict[str, t.Any]
    ) -> str:
        """Compile ``date("column") = ?`` and its kin. Laravel: ``Grammar::dateBasedWhere()``."""
        return f"{type_}({self.wrap(where['column'])}) {where['operator']} {self.parameter(where['value'])}"

    def _where_column(self, query: Builder, where: dict[str, t.Any]) -> str:
        return f"{self.wrap(where['first'])} {where['operator']} {self.wrap(where['second'])}"

    def _where_nested(self, query: Builder, where: dict[str, t.Any]) -> str:
        from protevus.database.query.join_clause import JoinClause

        offset = 3 if isinstance(where["query"], JoinClause) else 6
        return "(" + self.compile_wheres(where["query"])[offset:] + ")"

    def _where_sub(self, query: Builder, where: dict[str, t.Any]) -> str:
        select = self.compile_select(where["query"])
        return f"{self.wrap(where['column'])} {where['operator']} ({select})"

    def _where_exists(self, query: Builder, where: dict[str, t.Any]) -> str:
        return "exists (" + self.compile_select(where["query"]) + ")"

    def _where_not_exists(self, query: Builder, where: dict[str, t.Any]) -> str:
        return "not exists (" + self.compile_select(where["query"]) + ")"

    def _where_row_values(self, query: Builder, where: dict[str, t.Any]) -> str:
        columns = self.columnize(where["columns"])
        values = self.parameterize(where["values"])
        return f"({columns}) {where['operator']} ({values})"

    def _where_json_boolean(self, query: Builder, where: dict[str, t.Any]) -> str:
        column = self.wrap_json_boolean_selector(where["column"])
        value = self.wrap_json_boolean_value(self.parameter(where["value"]))
        return f"{column} {where['operator']} {value}"

    def _where_json_contains(self, query: Builder, where: dict[str, t.Any]) -> str:
        not_ = "not " if where["not"] else ""
        return not_ + self.compile_json_contains(
            where["column"], self.parameter(where["value"])
        )

    def compile_json_contains(self, column: str, value: str) -> str:
        """Compile a JSON-contains test. Laravel: ``Grammar::compileJsonContains()``."""
        raise self._unsupported("JSON contains operations", column)

    def _where_json_overlaps(self, query: Builder, where: dict[str, t.Any]) -> str:
        not_ = "not " if where["not"] else ""
        return not_ + self.compile_json_overlaps(
            where["column"], self.parameter(where["value"])
        )

    def compile_json_overlaps(self, column: str, value: str) -> str:
        """Compile a JSON-overlaps test. Laravel: ``Grammar::compileJsonOverlaps()``."""
        raise self._unsupported("JSON overlaps operations", column)

    def _where_json_contains_key(self, query: Builder, where: dict[str, t.Any]) -> str:
        not_ = "not " if where["not"] else ""
        return not_ + self.compile_json_contains_key(where["column"])

    def compile_json_contains_key(self, column: str) -> str:
        """Compile a JSON-has-key test. Laravel: ``Grammar::compileJsonContainsKey()``."""
        raise self._unsupported("JSON contains key operations", column)

    def _where_json_length(self, query: Builder, where: dict[str, t.Any]) -> str:
        return self.compile_json_length(
            where["column"], where["operator"], self.parameter(where["value"])
        )

    def compile_json_length(self, column: str, operator: str, value: str) -> str:
        """Compile a JSON-array-length comparison. Laravel: ``Grammar::compileJsonLength()``."""
        raise self._unsupported("JSON length operations", column)

    def compile_json_value_cast(self, value: str) -> str:
        """Cast a bound value to JSON (mysql ``cast(? as json)``). Laravel: ``Grammar::compileJsonValueCast()``."""
        return value

    def _where_fulltext(self, query: Builder, where: dict[str, t.Any]) -> str:
        raise self._unsupported(
            "fulltext search operations", ", ".join(map(str, where["columns"]))
        )

    def _where_expression(self, query: Builder, where: dict[str, t.Any]) -> str:
        return str(self.get_value(where["column"]))

    def _unsupported(self, feature: str, subject: t.Any) -> InvalidQueryArgumentError:
        return InvalidQueryArgumentError(
            f"This database engine does not support {feature} [{subject}]: "
            f"{type(self).__name__} cannot compile it; use a dialect that can."
        )
