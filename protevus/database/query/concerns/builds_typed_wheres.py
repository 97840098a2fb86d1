"""Add the typed where clauses: dates and times, like, JSON, full text, any/all/none of many columns.

Laravel: ``Builder::whereDate()``, ``whereLike()``, ``whereJsonContains()``, ``whereFullText()``,
``whereAny()``...
"""

from __future__ import annotations

import datetime as dt
import typing as t

from protevus.database.query.concerns.builds_wheres import UNSET
from protevus.database.query.concerns.builds_wheres import whole_number
from protevus.database.query.concerns.query_state import QueryState
from protevus.database.query.expression import Expression

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder

_DATE_FORMATS: dict[str, str] = {
    "Date": "%Y-%m-%d",
    "Time": "%H:%M:%S",
    "Day": "%d",
    "Month": "%m",
    "Year": "%Y",
}


class BuildsTypedWheres(QueryState):
    """Add date, like, JSON, full-text and multi-column where clauses to a query builder.

    Laravel: ``Illuminate\\Database\\Query\\Builder``.
    """

    # -- dates ----------------------------------------------------------------------

    def _date_where(
        self,
        type_: str,
        column: t.Any,
        operator: t.Any,
        value: t.Any,
        boolean: str,
    ) -> t.Self:
        from protevus.database.query.builder import flatten_value

        use_default = value is UNSET
        value = None if value is UNSET else value
        value, operator = self.prepare_value_and_operator(value, operator, use_default)
        if self.invalid_operator(operator):
            value, operator = operator, "="
        value = flatten_value(value)
        if isinstance(value, (dt.date, dt.time)) and not (
            type_ == "Time"
            and isinstance(value, dt.date)
            and not isinstance(value, dt.datetime)
        ):
            value = value.strftime(_DATE_FORMATS[type_])
        if (
            type_ in ("Day", "Month")
            and not isinstance(value, Expression)
            and value is not None
        ):
            value = f"{int(value):02d}"
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
            self.add_binding(value, "where")
        return self

    def where_date(
        self,
        column: t.Any,
        operator: t.Any,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Compare the date part of a column (``'2024-01-31'`` or a date). Laravel: ``Builder::whereDate()``."""
        return self._date_where("Date", column, operator, value, boolean)

    def or_where_date(
        self, column: t.Any, operator: t.Any, value: t.Any = UNSET
    ) -> t.Self:
        """Compare the date part of a column, with ``or``. Laravel: ``Builder::orWhereDate()``."""
        return self._date_where("Date", column, operator, value, "or")

    def where_time(
        self,
        column: t.Any,
        operator: t.Any,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Compare the time part of a column (``'12:30:00'``). Laravel: ``Builder::whereTime()``."""
        return self._date_where("Time", column, operator, value, boolean)

    def or_where_time(
        self, column: t.Any, operator: t.Any, value: t.Any = UNSET
    ) -> t.Self:
        """Compare the time part of a column, with ``or``. Laravel: ``Builder::orWhereTime()``."""
        return self._date_where("Time", column, operator, value, "or")

    def where_day(
        self,
        column: t.Any,
        operator: t.Any,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Compare the day of the month of a column (bound as ``'05'``). Laravel: ``Builder::whereDay()``."""
        return self._date_where("Day", column, operator, value, boolean)

    def or_where_day(
        self, column: t.Any, operator: t.Any, value: t.Any = UNSET
    ) -> t.Self:
        """Compare the day of a column, with ``or``. Laravel: ``Builder::orWhereDay()``."""
        return self._date_where("Day", column, operator, value, "or")

    def where_month(
        self,
        column: t.Any,
        operator: t.Any,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Compare the month of a column (bound as ``'05'``). Laravel: ``Builder::whereMonth()``."""
        return self._date_where("Month", column, operator, value, boolean)

    def or_where_month(
        self, column: t.Any, operator: t.Any, value: t.Any = UNSET
    ) -> t.Self:
        """Compare the month of a column, with ``or``. Laravel: ``Builder::orWhereMonth()``."""
        return self._date_where("Month", column, operator, value, "or")

    def where_year(
        self,
        column: t.Any,
        operator: t.Any,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Compare the year of a column. Laravel: ``Builder::whereYear()``."""
        return self._date_where("Year", column, operator, value, boolean)

    def or_where_year(
        self, column: t.Any, operator: t.Any, value: t.Any = UNSET
    ) -> t.Self:
        """Compare the year of a column, with ``or``. Laravel: ``Builder::orWhereYear()``."""
        return self._date_where("Year", column, operator, value, "or")

    # -- like ---------------------------------------------------------------------

    def where_like(
        self,
        column: t.Any,
        value: t.Any,
        case_sensitive: bool = False,
        boolean: str = "and",
        not_: bool = False,
    ) -> t.Self:
        """Add a ``like`` clause, case-insensitive unless asked (pgsql ``ilike``, mysql ``like binary``).

        Laravel: ``Builder::whereLike()``.
        """
        self.wheres.append(
            {
                "type": "Like",
                "column": column,
                "value": value,
                "case_sensitive": case_sensitive,
                "boolean": boolean,
                "not": not_,
            }
        )
        prepare = getattr(self.grammar, "prepare_where_like_binding", None)
        self.add_binding(prepare(value, case_sensitive) if prepare else value)
        return self

    def or_where_like(
        self, column: t.Any, value: t.Any, case_sensitive: bool = False
    ) -> t.Self:
        """Add an ``or like`` clause. Laravel: ``Builder::orWhereLike()``."""
        return self.where_like(column, value, case_sensitive, "or")

    def where_not_like(
        self,
        column: t.Any,
        value: t.Any,
        case_sensitive: bool = False,
        boolean: str = "and",
    ) -> t.Self:
        """Add a ``not like`` clause. Laravel: ``Builder::whereNotLike()``."""
        return self.where_like(column, value, case_sensitive, boolean, True)

    def or_where_not_like(
        self, column: t.Any, value: t.Any, case_sensitive: bool = False
    ) -> t.Self:
        """Add an ``or not like`` clause. Laravel: ``Builder::orWhereNotLike()``."""
        return self.where_not_like(column, value, case_sensitive, "or")

    # -- JSON ---------------------------------------------------------------------

    def where_json_contains(
        self,
        column: str,
        value: t.Any,
        boolean: str = "and",
        not_: bool = False,
    ) -> t.Self:
        """Match rows whose JSON column (or ``col->path``) contains ``value``. Laravel: ``Builder::whereJsonContains()``."""
        self.wheres.append(
            {
                "type": "JsonContains",
                "column": column,
                "value": value,
                "boolean": boolean,
                "not": not_,
            }
        )
        if not isinstance(value, Expression):
            self.add_binding(self.grammar.prepare_binding_for_json_contains(value))
        return self

    def or_where_json_contains(self, column: str, value: t.Any) -> t.Self:
        """Match JSON containment, with ``or``. Laravel: ``Builder::orWhereJsonContains()``."""
        return self.where_json_contains(column, value, "or")

    def where_json_doesnt_contain(
        self, column: str, value: t.Any, boolean: str = "and"
    ) -> t.Self:
        """Match rows whose JSON does not contain ``value``. Laravel: ``Builder::whereJsonDoesntContain()``."""
        return self.where_json_contains(column, value, boolean, True)

    def or_where_json_doesnt_contain(self, column: str, value: t.Any) -> t.Self:
        """Match JSON non-containment, with ``or``. Laravel: ``Builder::orWhereJsonDoesntContain()``."""
        return self.where_json_doesnt_contain(column, value, "or")

    def where_json_overlaps(
        self,
        column: str,
        value: t.Any,
        boolean: str = "and",
        not_: bool = False,
    ) -> t.Self:
        """Match rows whose JSON shares an element with ``value`` (mysql). Laravel: ``Builder::whereJsonOverlaps()``."""
        self.wheres.append(
            {
                "type": "JsonOverlaps",
                "column": column,
                "value": value,
                "boolean": boolean,
                "not": not_,
            }
        )
        if not isinstance(value, Expression):
            self.add_binding(self.grammar.prepare_binding_for_json_contains(value))
        return self

    def or_where_json_overlaps(self, column: str, value: t.Any) -> t.Self:
        """Match JSON overlap, with ``or``. Laravel: ``Builder::orWhereJsonOverlaps()``."""
        return self.where_json_overlaps(column, value, "or")

    def where_json_doesnt_overlap(
        self, column: str, value: t.Any, boolean: str = "and"
    ) -> t.Self:
        """Match rows whose JSON shares nothing with ``value``. Laravel: ``Builder::whereJsonDoesntOverlap()``."""
        return self.where_json_overlaps(column, value, boolean, True)

    def or_where_json_doesnt_overlap(self, column: str, value: t.Any) -> t.Self:
        """Match JSON non-overlap, with ``or``. Laravel: ``Builder::orWhereJsonDoesntOverlap()``."""
        return self.where_json_doesnt_overlap(column, value, "or")

    def where_json_contains_key(
        self, column: str, boolean: str = "and", not_: bool = False
    ) -> t.Self:
        """Match rows whose JSON has the key at ``col->path``. Laravel: ``Builder::whereJsonContainsKey()``."""
        self.wheres.append(
            {
                "type": "JsonContainsKey",
                "column": column,
                "boolean": boolean,
                "not": not_,
            }
        )
        return self

    def or_where_json_contains_key(self, column: str) -> t.Self:
        """Match a JSON key, with ``or``. Laravel: ``Builder::orWhereJsonContainsKey()``."""
        return self.where_json_contains_key(column, "or")

    def where_json_doesnt_contain_key(
        self, column: str, boolean: str = "and"
    ) -> t.Self:
        """Match rows whose JSON lacks the key. Laravel: ``Builder::whereJsonDoesntContainKey()``."""
        return self.where_json_contains_key(column, boolean, True)

    def or_where_json_doesnt_contain_key(self, column: str) -> t.Self:
        """Match a missing JSON key, with ``or``. Laravel: ``Builder::orWhereJsonDoesntContainKey()``."""
        return self.where_json_doesnt_contain_key(column, "or")

    def where_json_length(
        self,
        column: str,
        operator: t.Any,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Compare the length of a JSON array. Laravel: ``Builder::whereJsonLength()``."""
        from protevus.database.query.builder import flatten_value

        use_default = value is UNSET
        value = None if value is UNSET else value
        value, operator = self.prepare_value_and_operator(value, operator, use_default)
        if self.invalid_operator(operator):
            value, operator = operator, "="
        self.wheres.append(
            {
                "type": "JsonLength",
                "column": column,
                "operator": operator,
                "value": value,
                "boolean": boolean,
            }
        )
        if not isinstance(value, Expression):
            self.add_binding(whole_number(flatten_value(value), "JSON length"))
        return self

    def or_where_json_length(
        self, column: str, operator: t.Any, value: t.Any = UNSET
    ) -> t.Self:
        """Compare a JSON array's length, with ``or``. Laravel: ``Builder::orWhereJsonLength()``."""
        if value is UNSET:
            return self.where_json_length(column, "=", operator, "or")
        return self.where_json_length(column, operator, value, "or")

    # -- full text ------------------------------------------------------------------

    def where_full_text(
        self,
        columns: t.Any,
        value: str,
        options: dict[str, t.Any] | None = None,
        boolean: str = "and",
    ) -> t.Self:
        """Add a full-text search (mysql ``match ... against``, pgsql ``to_tsvector @@``).

        Options: ``mode`` (mysql ``'boolean'``; pgsql ``'phrase'``/``'websearch'``),
        ``expanded`` (mysql), ``language`` (pgsql, default ``'english'``).
        Laravel: ``Builder::whereFullText()``.
        """
        self.wheres.append(
            {
                "type": "Fulltext",
                "columns": list(columns)
                if isinstance(columns, (list, tuple))
                else [columns],
                "value": value,
                "options": dict(options or {}),
                "boolean": boolean,
            }
        )
        self.add_binding(value)
        return self

    def or_where_full_text(
        self,
        columns: t.Any,
        value: str,
        options: dict[str, t.Any] | None = None,
    ) -> t.Self:
        """Add a full-text search, with ``or``. Laravel: ``Builder::orWhereFullText()``."""
        return self.where_full_text(columns, value, options, "or")

    # -- many columns -------------------------------------------------------------

    def _where_many(
        self,
        columns: t.Sequence[t.Any],
        operator: t.Any,
        value: t.Any,
        inner: str,
        boolean: str,
    ) -> t.Self:
        use_default = value is UNSET and operator is not UNSET
        operator = None if operator is UNSET else operator
        value = None if value is UNSET else value
        value, operator = self.prepare_value_and_operator(value, operator, use_default)

        def nested(query: Builder) -> None:
            for column in columns:
                query.where(column, operator, value, inner)

        return self.where_nested(nested, boolean)

    def where_all(
        self,
        columns: t.Sequence[t.Any],
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Require the condition on every column: ``("a" = ? and "b" = ?)``. Laravel: ``Builder::whereAll()``."""
        return self._where_many(columns, operator, value, "and", boolean)

    def or_where_all(
        self,
        columns: t.Sequence[t.Any],
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
    ) -> t.Self:
        """Require the condition on every column, with ``or``. Laravel: ``Builder::orWhereAll()``."""
        return self._where_many(columns, operator, value, "and", "or")

    def where_any(
        self,
        columns: t.Sequence[t.Any],
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Require the condition on at least one column: ``("a" = ? or "b" = ?)``. Laravel: ``Builder::whereAny()``."""
        return self._where_many(columns, operator, value, "or", boolean)

    def or_where_any(
        self,
        columns: t.Sequence[t.Any],
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
    ) -> t.Self:
        """Require the condition on one column, with ``or``. Laravel: ``Builder::orWhereAny()``."""
        return self._where_many(columns, operator, value, "or", "or")

    def where_none(
        self,
        columns: t.Sequence[t.Any],
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Require the condition on no column: ``not ("a" = ? or "b" = ?)``. Laravel: ``Builder::whereNone()``."""
        return self._where_many(columns, operator, value, "or", boolean + " not")

    def or_where_none(
        self,
        columns: t.Sequence[t.Any],
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
    ) -> t.Self:
        """Require the condition on no column, with ``or``. Laravel: ``Builder::orWhereNone()``."""
        return self._where_many(columns, operator, value, "or", "or not")
