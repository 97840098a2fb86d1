"""Insert, upsert, update, increment, decrement, delete and truncate rows.

Laravel: the write half of ``Illuminate\\Database\\Query\\Builder``.

The grammar compiles each statement with ``?`` placeholders; the values are bound,
except :class:`~protevus.database.query.expression.Expression` values, which are
written into the SQL as they are (and left out of the bindings).
"""

from __future__ import annotations

import decimal
import enum
import math
import re
import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.exceptions import QueryError
from protevus.database.query.concerns.execution_state import ExecutionState
from protevus.database.query.expression import Expression

_NUMERIC = re.compile(r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$")


class WritesRecords(ExecutionState):
    """Insert, upsert, update, increment, decrement, delete and truncate rows.

    Laravel: the write half of ``Illuminate\\Database\\Query\\Builder``.
    """

    __slots__ = ()

    # --- insert -----------------------------------------------------------

    def insert(self, values: t.Any) -> bool:
        """Insert one row (a dict) or several (a list of dicts) in one statement.

        With several rows each row's columns are sorted by name, as Laravel does, so
        rows may list their keys in any order. Nothing to insert returns ``True``.

        Laravel: ``Builder::insert()``.
        """
        if not values:
            return True
        rows = _insert_rows(values)
        self.apply_before_query_callbacks()
        sql = self.grammar.compile_insert(self, rows)
        return bool(self._running_connection().insert(sql, self._row_bindings(rows)))

    def insert_or_ignore(self, values: t.Any) -> int:
        """Insert rows, skipping those that break a unique index; return the rows inserted.

        SQLite ``insert or ignore``, MySQL ``insert ignore``, PostgreSQL ``on conflict
        do nothing``.

        Laravel: ``Builder::insertOrIgnore()``.
        """
        if not values:
            return 0
        rows = _insert_rows(values)
        self.apply_before_query_callbacks()
        sql = self.grammar.compile_insert_or_ignore(self, rows)
        return int(
            self._running_connection().affecting_statement(
                sql, self._row_bindings(rows)
            )
        )

    def insert_get_id(
        self, values: t.Mapping[str, t.Any], sequence: str | None = None
    ) -> t.Any:
        """Insert one row and return its new id (PostgreSQL: ``returning "id"``).

        ``sequence`` names the id column when it is not ``id``.

        Laravel: ``Builder::insertGetId()``.
        """
        self.apply_before_query_callbacks()
        sql = self.grammar.compile_insert_get_id(self, values, sequence)
        bindings = self.clean_bindings(list(values.values()))
        return self._running_connection().insert_get_id(sql, bindings, sequence)

    def insert_using(self, columns: t.Sequence[str], query: t.Any) -> int:
        """Insert the rows a subquery selects: ``insert into "t" ("a") select ...``.

        ``query`` is a builder, a closure that fills one, or a SQL string. Returns the
        number of rows inserted.

        Laravel: ``Builder::insertUsing()``.
        """
        self.apply_before_query_callbacks()
        sql, bindings = self.create_sub(query)
        compiled = self.grammar.compile_insert_using(self, list(columns), sql)
        return int(
            self._running_connection().affecting_statement(
                compiled, self.clean_bindings(bindings)
            )
        )

    def insert_or_ignore_using(self, columns: t.Sequence[str], query: t.Any) -> int:
        """Insert the rows a subquery selects, skipping those that break a unique index.

        Laravel: ``Builder::insertOrIgnoreUsing()``.
        """
        self.apply_before_query_callbacks()
        sql, bindings = self.create_sub(query)
        compiled = self.grammar.compile_insert_or_ignore_using(self, list(columns), sql)
        return int(
            self._running_connection().affecting_statement(
                compiled, self.clean_bindings(bindings)
            )
        )

    def upsert(self, values: t.Any, unique_by: t.Any, update: t.Any = None) -> int:
        """Insert rows, updating those that already exist (matched on ``unique_by``).

        ``update`` lists the columns to update from the inserted row (default: every
        inserted column) or maps columns to values of their own; an empty list
        makes this a plain insert. PostgreSQL and SQLite need a unique index on
        ``unique_by``; MySQL uses the table's primary and unique keys.

        Returns the affected rows as the driver counts them (MySQL counts an updated
        row twice).

        Laravel: ``Builder::upsert()``.
        """
        if not values:
            return 0
        if update is not None and len(update) == 0:
            return int(self.insert(values))
        rows = _insert_rows(values)
        if update is None:
            update = list(rows[0].keys())
        unique = [unique_by] if isinstance(unique_by, str) else list(unique_by)
        self.apply_before_query_callbacks()
        extra = _update_values(update)
        bindings = self.clean_bindings([*_flat_rows(rows), *extra])
        sql = self.grammar.compile_upsert(self, rows, unique, update)
        return int(self._running_connection().affecting_statement(sql, bindings))

    # --- update -----------------------------------------------------------

    def update(self, values: t.Mapping[str, t.Any]) -> int:
        """Update the matching rows and return how many the database changed.

        Keys may be JSON paths (``'meta->lang'``); values may be expressions
        (``DB.raw('votes + 1')``) or builders (a subquery).

        Laravel: ``Builder::update()``.
        """
        self.apply_before_query_callbacks()
        sql_values, binding_values = self._update_parts(values)
        sql = self.grammar.compile_update(self, sql_values)
        bindings = self.grammar.prepare_bindings_for_update(
            self.bindings, binding_values
        )
        return int(
            self._running_connection().update(sql, self.clean_bindings(bindings))
        )

    def update_from(self, values: t.Mapping[str, t.Any]) -> int:
        """Update with the joined tables in a ``from`` clause (PostgreSQL only).

        Laravel: ``Builder::updateFrom()``.
        """
        compile_ = getattr(self.grammar, "compile_update_from", None)
        if compile_ is None:
            raise InvalidQueryArgumentError(
                "This database engine does not support the updateFrom method "
                f"[{type(self.grammar).__name__}]: use update() with joins instead."
            )
        self.apply_before_query_callbacks()
        sql_values, binding_values = self._update_parts(values)
        sql = compile_(self, sql_values)
        grammar: t.Any = self.grammar
        bindings = grammar.prepare_bindings_for_update_from(
            self.bindings, binding_values
        )
        return int(
            self._running_connection().update(sql, self.clean_bindings(bindings))
        )

    def _update_parts(
        self, values: t.Mapping[str, t.Any]
    ) -> tuple[dict[str, t.Any], dict[str, t.Any]]:
        """Split update values into what the SQL shows and what gets bound."""
        sql_values: dict[str, t.Any] = {}
        binding_values: dict[str, t.Any] = {}
        for column, value in values.items():
            if hasattr(value, "to_sql") and hasattr(value, "get_bindings"):
                sub_sql, sub_bindings = self.parse_sub(value)
                sql_values[column] = Expression(f"({sub_sql})")
                binding_values[column] = _SubBindings(sub_bindings)
                continue
            if (
                hasattr(value, "all")
                and callable(value.all)
                and not isinstance(value, Expression)
            ):
                value = value.all()
            elif isinstance(value, enum.Enum):
                value = value.value
            sql_values[column] = value
            binding_values[column] = value
        return sql_values, binding_values

    def update_or_insert(
        self, attributes: t.Mapping[str, t.Any], values: t.Any = None
    ) -> bool:
        """Update the row matching ``attributes``, or insert ``attributes`` + ``values``.

        ``values`` may be a callable taking ``exists`` and returning the values.

        Laravel: ``Builder::updateOrInsert()``.
        """
        exists = self.where(dict(attributes)).exists()
        if callable(values):
            values = values(exists)
        values = dict(values or {})
        if not exists:
            return self.insert({**attributes, **values})
        if not values:
            return True
        return bool(self.limit(1).update(values))

    def increment(
        self,
        column: str,
        amount: t.Any = 1,
        extra: t.Mapping[str, t.Any] | None = None,
    ) -> int:
        """Add ``amount`` to a column (and set ``extra`` columns) on the matching rows.

        Laravel: ``Builder::increment()``.
        """
        _check_amount(amount, "increment", None)
        return self.increment_each({column: amount}, extra)

    def decrement(
        self,
        column: str,
        amount: t.Any = 1,
        extra: t.Mapping[str, t.Any] | None = None,
    ) -> int:
        """Subtract ``amount`` from a column (and set ``extra`` columns).

        Laravel: ``Builder::decrement()``.
        """
        _check_amount(amount, "decrement", None)
        return self.decrement_each({column: amount}, extra)

    def increment_each(
        self,
        columns: t.Mapping[str, t.Any],
        extra: t.Mapping[str, t.Any] | None = None,
    ) -> int:
        """Add an amount to each of several columns: ``increment_each({'votes': 1, 'score': 5})``.

        Laravel: ``Builder::incrementEach()``.
        """
        return self.update(
            {**self._step_columns(columns, "+", "increment"), **(extra or {})}
        )

    def decrement_each(
        self,
        columns: t.Mapping[str, t.Any],
        extra: t.Mapping[str, t.Any] | None = None,
    ) -> int:
        """Subtract an amount from each of several columns. Laravel: ``Builder::decrementEach()``."""
        return self.update(
            {**self._step_columns(columns, "-", "decrement"), **(extra or {})}
        )

    def _step_columns(
        self, columns: t.Any, sign: str, method: str
    ) -> dict[str, Expression]:
        if not isinstance(columns, t.Mapping):
            raise InvalidQueryArgumentError(
                f"Non-associative array passed to {method}Each method [{columns!r}]: "
                "pass a dict of column: amount."
            )
        stepped: dict[str, Expression] = {}
        for column, amount in columns.items():
            if not isinstance(column, str):
                raise InvalidQueryArgumentError(
                    f"Non-associative array passed to {method}Each method [{column!r}]: "
                    "pass a dict of column: amount."
                )
            _check_amount(amount, method, column)
            stepped[column] = Expression(
                f"{self.grammar.wrap(column)} {sign} {_sql_number(amount)}"
            )
        return stepped

    # --- delete -----------------------------------------------------------

    def delete(self, id: t.Any = None) -> int:
        """Delete the matching rows (or the row with ``id``); return how many went.

        Laravel: ``Builder::delete()``.
        """
        if id is not None:
            self.where(f"{self.from_value}.id", "=", id)
        self.apply_before_query_callbacks()
        sql = self.grammar.compile_delete(self)
        bindings = self.grammar.prepare_bindings_for_delete(self.bindings)
        return int(
            self._running_connection().delete(sql, self.clean_bindings(bindings))
        )

    def truncate(self) -> None:
        """Empty the table and reset its auto-increment counter.

        PostgreSQL ``truncate ... restart identity cascade``; MySQL ``truncate table``;
        SQLite ``delete from`` plus a reset of ``sqlite_sequence``.

        Laravel: ``Builder::truncate()``.
        """
        self.apply_before_query_callbacks()
        connection = self._running_connection()
        for sql, bindings in self.grammar.compile_truncate(self).items():
            try:
                connection.statement(sql, bindings)
            except QueryError as exc:
                # SQLite creates sqlite_sequence only with the first AUTOINCREMENT table.
                if "sqlite_sequence" in sql and "no such table" in str(exc):
                    continue
                raise

    # --- helpers ----------------------------------------------------------

    def _row_bindings(self, rows: list[dict[str, t.Any]]) -> list[t.Any]:
        return self.clean_bindings(_flat_rows(rows))


class _SubBindings:
    """Hold a subquery's bindings; the grammar splices them in when it calls this.

    Laravel passes ``fn () => $bindings`` for a subquery value of an update.
    """

    __slots__ = ("bindings",)

    def __init__(self, bindings: t.Sequence[t.Any]) -> None:
        self.bindings = list(bindings)

    def __call__(self) -> list[t.Any]:
        return list(self.bindings)


def _insert_rows(values: t.Any) -> list[dict[str, t.Any]]:
    """Return the rows to insert: a single dict as it is, several rows key-sorted."""
    if isinstance(values, t.Mapping):
        return [dict(values)]
    rows = []
    for row in values:
        if not isinstance(row, t.Mapping):
            raise InvalidQueryArgumentError(
                f"Each row to insert must be a dict of column: value [{row!r}]: "
                "pass a dict or a list of dicts."
            )
        rows.append({key: row[key] for key in sorted(row, key=str)})
    return rows


def _flat_rows(rows: list[dict[str, t.Any]]) -> list[t.Any]:
    return [value for row in rows for value in row.values()]


def _update_values(update: t.Any) -> list[t.Any]:
    """Return the bound values of an upsert's ``update`` (those given as ``column: value``)."""
    if isinstance(update, t.Mapping):
        return list(update.values())
    if isinstance(update, str):
        return []
    values: list[t.Any] = []
    for each in update:
        if isinstance(each, t.Mapping):
            values.extend(each.values())
    return values


def _check_amount(amount: t.Any, method: str, column: str | None) -> None:
    ok = False
    if isinstance(amount, bool):
        ok = False
    elif isinstance(amount, int | decimal.Decimal):
        ok = not (isinstance(amount, decimal.Decimal) and not amount.is_finite())
    elif isinstance(amount, float):
        ok = math.isfinite(amount)
    elif isinstance(amount, str):
        ok = bool(_NUMERIC.match(amount))
    if ok:
        return
    if column is None:
        raise InvalidQueryArgumentError(
            f"Non-numeric value passed to {method} method [{amount!r}]: pass an int or a float."
        )
    raise InvalidQueryArgumentError(
        f"Non-numeric value passed as {method} amount for column: '{column}' [{amount!r}]: "
        "pass an int or a float."
    )


def _sql_number(amount: t.Any) -> str:
    if isinstance(amount, str):
        return amount.strip()
    if isinstance(amount, decimal.Decimal):
        return format(amount, "f")
    return repr(amount) if isinstance(amount, float) else str(amount)
