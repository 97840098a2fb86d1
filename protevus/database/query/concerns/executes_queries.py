"""Run the built query and shape its results (get, first, find, value, pluck, sole, aggregates, chunk, lazy, cursor).

Laravel: the retrieval half of ``Illuminate\\Database\\Query\\Builder`` and ``Concerns\\BuildsQueries``.

Every query goes through the builder's connection (``connection.select(sql, bindings,
use_read_pdo)``), so the query log, ``listen`` and ``pretend`` see it.
"""

from __future__ import annotations

import decimal
import pprint
import re
import typing as t

from protevus.database.exceptions import MultipleRecordsFoundError
from protevus.database.exceptions import RecordsNotFoundError
from protevus.database.query.concerns.chunks_results import ChunksResults
from protevus.database.query.expression import Expression
from protevus.database.row import Row
from protevus.support.collection import Collection

if t.TYPE_CHECKING:
    from protevus.support.lazy_collection import LazyCollection

_AS = re.compile(r"\s+as\s+", re.IGNORECASE)


class ExecutesQueries(ChunksResults):
    """Run the built query and shape its results (get, first, find, value, pluck, sole, aggregates, chunk, lazy, cursor).

    Laravel: the retrieval half of ``Illuminate\\Database\\Query\\Builder`` and ``Concerns\\BuildsQueries``.
    """

    __slots__ = ()

    # --- running ----------------------------------------------------------

    def _run_select(self) -> list[Row]:
        connection = self._running_connection()
        return list(
            connection.select(
                self.to_sql(), self.get_bindings(), not self.use_write_pdo_
            )
        )

    def _once_with_columns(
        self, columns: t.Sequence[t.Any], callback: t.Callable[[], t.Any]
    ) -> t.Any:
        """Use ``columns`` for one run when no columns were selected. Laravel: ``onceWithColumns()``."""
        original = self.columns
        if original is None:
            self.columns = list(columns)
        try:
            return callback()
        finally:
            self.columns = original

    # --- retrieving -------------------------------------------------------

    def get(self, columns: t.Any = ("*",)) -> Collection:
        """Run the select and return its rows as a Collection of :class:`Row`.

        ``columns`` applies only when the query selected none: ``get(['id', 'name'])``.

        Laravel: ``Builder::get()``.
        """
        rows = self._once_with_columns(_wrap(columns), self._run_select)
        return Collection(rows)

    def first(self, columns: t.Any = ("*",)) -> Row | None:
        """Return the first row (``limit 1``), or ``None``. Laravel: ``BuildsQueries::first()``."""
        # get()[0] without building a Collection for one row.
        rows = self.limit(1)._once_with_columns(_wrap(columns), self._run_select)
        return rows[0] if rows else None

    def find(self, id: t.Any, columns: t.Any = ("*",)) -> Row | None:
        """Return the row whose ``id`` is ``id``, or ``None``. Laravel: ``Builder::find()``."""
        return self.where("id", "=", id).first(columns)

    def find_or(
        self,
        id: t.Any,
        columns: t.Any = ("*",),
        callback: t.Callable[[], t.Any] | None = None,
    ) -> t.Any:
        """Return the row with ``id``, or the result of ``callback()`` when there is none.

        ``find_or(5, lambda: 'missing')`` also works (the columns left out).

        Laravel: ``Builder::findOr()``.
        """
        if callable(columns) and not isinstance(columns, str | list | tuple):
            callback, columns = columns, ("*",)
        found = self.find(id, columns)
        if found is not None:
            return found
        return callback() if callback is not None else None

    def value(self, column: t.Any) -> t.Any:
        """Return one column of the first row, or ``None``. Laravel: ``Builder::value()``."""
        row = self.first([_pluck_select(column)[0]])
        return next(iter(row.values()), None) if row else None

    def raw_value(self, expression: str, bindings: t.Sequence[t.Any] = ()) -> t.Any:
        """Return the value of a raw select expression on the first row.

        Laravel: ``Builder::rawValue()``.
        """
        row = self.select_raw(expression, bindings).first()
        return next(iter(row.values()), None) if row else None

    def sole(self, columns: t.Any = ("*",)) -> Row:
        """Return the only matching row; raise when there is none or more than one.

        Raises :class:`~protevus.database.exceptions.RecordsNotFoundError` or
        :class:`~protevus.database.exceptions.MultipleRecordsFoundError`.

        Laravel: ``BuildsQueries::sole()``.
        """
        result = self.limit(2).get(columns)
        count = len(result)
        if count == 0:
            raise RecordsNotFoundError(
                f"No record matches the query [{self.to_sql()}]: check the conditions "
                "or use first() to accept no result."
            )
        if count > 1:
            raise MultipleRecordsFoundError(count)
        return t.cast(Row, result.first())

    def sole_value(self, column: t.Any) -> t.Any:
        """Return one column of the only matching row. Laravel: ``Builder::soleValue()``."""
        row = self.sole([_pluck_select(column)[0]])
        return next(iter(row.values()), None)

    def pluck(self, column: t.Any, key: t.Any = None) -> Collection:
        """Return one column's values, keyed by another column when ``key`` is given.

        Table names and aliases are handled (``pluck('users.name')``,
        ``pluck('name as n')``) and so are JSON paths (``pluck('meta->lang')``).

        Laravel: ``Builder::pluck()``.
        """
        select_column, column_name = _pluck_select(column)
        if key is None or key == column:
            columns = [select_column]
            key_name = None
        else:
            select_key, key_name = _pluck_select(key)
            columns = [select_column, select_key]
        rows = self._once_with_columns(columns, self._run_select)
        if not rows:
            return Collection()
        if key_name is None:
            return Collection([_read(row, column_name) for row in rows])
        return Collection(
            {_read(row, key_name): _read(row, column_name) for row in rows}
        )

    def implode(self, column: t.Any, glue: str = "") -> str:
        """Join one column's values with ``glue``. Laravel: ``Builder::implode()``."""
        return self.pluck(column).implode(glue)

    def cursor(self) -> LazyCollection:
        """Stream the rows one by one from the database (a server-side cursor where possible).

        The query runs when the collection is first walked, and again on each walk.

        Laravel: ``Builder::cursor()``.
        """
        from protevus.support.lazy_collection import LazyCollection

        if self.columns is None:
            self.columns = ["*"]
        connection = self._running_connection()

        def rows() -> t.Iterator[Row]:
            yield from connection.cursor(
                self.to_sql(), self.get_bindings(), not self.use_write_pdo_
            )

        return LazyCollection(rows)

    # --- existence --------------------------------------------------------

    def exists(self) -> bool:
        """Return whether any row matches (``select exists(...) as "exists"``).

        Laravel: ``Builder::exists()``.
        """
        self.apply_before_query_callbacks()
        connection = self._running_connection()
        results = connection.select(
            self.grammar.compile_exists(t.cast(t.Any, self)),
            self.get_bindings(),
            not self.use_write_pdo_,
        )
        if results:
            return bool(_read(results[0], "exists"))
        return False

    def doesnt_exist(self) -> bool:
        """Return whether no row matches. Laravel: ``Builder::doesntExist()``."""
        return not self.exists()

    def exists_or(self, callback: t.Callable[[], t.Any]) -> t.Any:
        """Return ``True`` when rows match, else the result of ``callback()``.

        Laravel: ``Builder::existsOr()``.
        """
        return True if self.exists() else callback()

    def doesnt_exist_or(self, callback: t.Callable[[], t.Any]) -> t.Any:
        """Return ``True`` when no row matches, else the result of ``callback()``.

        Laravel: ``Builder::doesntExistOr()``.
        """
        return True if self.doesnt_exist() else callback()

    # --- aggregates -------------------------------------------------------

    def count(self, columns: t.Any = "*") -> int:
        """Return the number of matching rows (an int). Laravel: ``Builder::count()``."""
        result = self.aggregate("count", _wrap(columns))
        return int(result or 0)

    def min(self, column: t.Any) -> t.Any:
        """Return the smallest value of a column, or ``None``. Laravel: ``Builder::min()``."""
        return self.aggregate("min", [column])

    def max(self, column: t.Any) -> t.Any:
        """Return the largest value of a column, or ``None``. Laravel: ``Builder::max()``."""
        return self.aggregate("max", [column])

    def sum(self, column: t.Any) -> t.Any:
        """Return the sum of a column, ``0`` when no row matches.

        The type is the driver's: an int on SQLite, a ``Decimal`` where the database
        sums into a decimal (PostgreSQL ``bigint``/``numeric``, MySQL).

        Laravel: ``Builder::sum()``.
        """
        result = self.aggregate("sum", [column])
        return result if result else 0

    def avg(self, column: t.Any) -> t.Any:
        """Return the average of a column, or ``None``. Laravel: ``Builder::avg()``."""
        return self.aggregate("avg", [column])

    def average(self, column: t.Any) -> t.Any:
        """Return the average of a column (alias of :meth:`avg`). Laravel: ``Builder::average()``."""
        return self.avg(column)

    def aggregate(self, function: str, columns: t.Any = ("*",)) -> t.Any:
        """Run ``select <function>(<columns>) as aggregate`` and return the value.

        The query's own columns and orders are left out (kept with unions and havings,
        which need them).

        Laravel: ``Builder::aggregate()``.
        """
        keep = bool(self.unions or self.havings)
        query = self.clone_without([] if keep else ["columns"])
        query = query.clone_without_bindings([] if keep else ["select"])
        query._set_aggregate(function, _wrap(columns))
        results = query.get(columns)
        if not results:
            return None
        return _read(results.first(), "aggregate")

    def numeric_aggregate(self, function: str, columns: t.Any = ("*",)) -> int | float:
        """Run an aggregate and return it as an int or a float (``0`` when empty).

        Laravel: ``Builder::numericAggregate()``.
        """
        result = self.aggregate(function, columns)
        if not result:
            return 0
        if isinstance(result, int | float) and not isinstance(result, bool):
            return result
        text = str(result)
        if isinstance(result, decimal.Decimal):
            text = format(result, "f")
        return float(text) if "." in text else int(text)

    def _set_aggregate(self, function: str, columns: list[t.Any]) -> t.Self:
        """Set the aggregate; without groups the orders are dropped. Laravel: ``setAggregate()``."""
        self.aggregate_value = {"function": function, "columns": columns}
        if not self.groups:
            self.orders = []
            self.bindings["order"] = []
        return self

    # --- debugging --------------------------------------------------------

    def dump(self, *args: t.Any) -> t.Self:
        """Print the SQL and its bindings (and ``args``), then return the builder.

        Laravel: ``Builder::dump()``.
        """
        print(self.to_sql())
        pprint.pprint(self.get_bindings())
        for arg in args:
            pprint.pprint(arg)
        return self

    def dump_raw_sql(self) -> t.Self:
        """Print the SQL with its bindings substituted, then return the builder.

        Laravel: ``Builder::dumpRawSql()``.
        """
        print(self.to_raw_sql())
        return self

    def dd(self, *args: t.Any) -> t.NoReturn:
        """Print the SQL and its bindings, then stop the program (``SystemExit(1)``).

        Laravel: ``Builder::dd()``.
        """
        self.dump(*args)
        raise SystemExit(1)

    def dd_raw_sql(self) -> t.NoReturn:
        """Print the SQL with its bindings substituted, then stop the program.

        Laravel: ``Builder::ddRawSql()``.
        """
        self.dump_raw_sql()
        raise SystemExit(1)

    def raw(self, value: t.Any) -> Expression:
        """Wrap raw SQL so the grammar inserts it as it is. Laravel: ``Builder::raw()``."""
        if self.connection is not None:
            return t.cast(Expression, self.connection.raw(value))
        return Expression(value)


def _wrap(columns: t.Any) -> list[t.Any]:
    if isinstance(columns, list | tuple):
        return list(columns)
    return [columns]


def _pluck_select(column: t.Any) -> tuple[t.Any, str]:
    """Return what to select for a plucked column and the result key to read.

    ``users.name`` is read as ``name``; ``name as n`` as ``n``; a JSON path without an
    alias is selected as itself (``meta->lang as meta->lang``) so it can be read back.
    Laravel: ``Builder::stripTableForPluck()``.
    """
    text = str(column.get_value() if isinstance(column, Expression) else column)
    if isinstance(column, str) and "->" in column and not _AS.search(column):
        head, _, path = column.partition("->")
        alias = f"{head.split('.')[-1]}->{path}"
        return f"{column} as {alias}", alias
    parts = _AS.split(text)
    if len(parts) > 1:
        return column, parts[-1].strip().strip('"`')
    return column, text.split(".")[-1]


def _read(row: t.Mapping[str, t.Any], name: str) -> t.Any:
    """Read a result column by name; case-insensitively as a fallback."""
    if name in row:
        return row[name]
    lowered = name.lower()
    for key, value in row.items():
        if str(key).lower() == lowered:
            return value
    return None
