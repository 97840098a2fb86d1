"""Compile insert, upsert, update, delete and truncate statements (the ANSI base).

Laravel: the write half of ``Illuminate\\Database\\Query\\Grammars\\Grammar``.

Every method takes the query builder and returns SQL with ``?`` placeholders; the
``prepare_bindings_for_*`` methods put the bindings in the order the placeholders
appear. Values are always bound, never written into the SQL, except raw
:class:`~protevus.database.query.expression.Expression` values, which are inserted
as they are.
"""

from __future__ import annotations

import json
import re
import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.support.aliases import CamelAliases

#: The binding groups of a query, in the order their placeholders appear in a select.
BINDING_ORDER: tuple[str, ...] = (
    "select",
    "from",
    "join",
    "where",
    "groupBy",
    "having",
    "order",
    "union",
    "unionOrder",
)

#: " as " between a name and its alias, in any case and spacing.
ALIAS_SEPARATOR = re.compile(r"\s+as\s+", re.IGNORECASE)


def is_json_selector(key: t.Any) -> bool:
    """Return whether a column name reads inside a JSON column (``meta->lang``).

    Laravel: ``Grammar::isJsonSelector()``.
    """
    return isinstance(key, str) and "->" in key


def json_encode(value: t.Any) -> str:
    """Encode ``value`` as compact JSON, as PHP's ``json_encode()`` writes it."""
    return json.dumps(value, separators=(",", ":"), default=str)


def flatten_bindings(bindings: t.Mapping[str, t.Any], *skip: str) -> list[t.Any]:
    """Flatten the binding groups in placeholder order, leaving out ``skip``.

    Laravel: ``Arr::flatten(Arr::except($bindings, $skip))``.
    """
    keys = [k for k in BINDING_ORDER if k in bindings]
    keys += [k for k in bindings if k not in BINDING_ORDER]
    flat: list[t.Any] = []
    for key in keys:
        if key in skip:
            continue
        flat.extend(_flatten(bindings[key]))
    return flat


def _flatten(values: t.Any) -> list[t.Any]:
    if isinstance(values, list | tuple):
        out: list[t.Any] = []
        for each in values:
            out.extend(_flatten(each))
        return out
    return [values]


def update_values(values: t.Iterable[t.Any]) -> list[t.Any]:
    """Flatten the bindings of the values of an update.

    A callable stands for the bindings of a subquery used as a value (Laravel passes
    ``fn () => $bindings``): it is called and its bindings are spliced in.
    """
    flat: list[t.Any] = []
    for each in values:
        if callable(each) and not isinstance(each, type):
            flat.extend(each())
        else:
            flat.append(each)
    return flat


def table_alias(table: t.Any) -> str:
    """Return the alias of ``'users as u'`` (``u``) or the table name itself."""
    return ALIAS_SEPARATOR.split(str(table))[-1].strip()


class CompilesWrites(CamelAliases):
    """Compile insert, upsert, update, delete and truncate statements (the ANSI base).

    Laravel: the write half of ``Illuminate\\Database\\Query\\Grammars\\Grammar``.
    """

    __slots__ = ()

    if t.TYPE_CHECKING:

        def wrap(self, value: t.Any) -> str: ...
        def wrap_table(self, table: t.Any) -> str: ...
        def wrap_value(self, value: str) -> str: ...
        def columnize(self, columns: t.Iterable[t.Any]) -> str: ...
        def parameterize(self, values: t.Any) -> str: ...
        def parameter(self, value: t.Any) -> str: ...
        def is_expression(self, value: t.Any) -> bool: ...
        def compile_select(self, query: t.Any) -> str: ...
        def compile_wheres(self, query: t.Any) -> str: ...
        def compile_joins(self, query: t.Any, joins: t.Any) -> str: ...
        def compile_orders(self, query: t.Any, orders: t.Any) -> str: ...
        def compile_limit(self, query: t.Any, limit: t.Any) -> str: ...

    # --- insert -----------------------------------------------------------

    def compile_insert(self, query: t.Any, values: t.Any) -> str:
        """Compile an insert of one row (a dict) or several (a list of dicts).

        The columns are those of the first row; ``insert into "t" default values``
        when there is nothing to insert.

        Laravel: ``Grammar::compileInsert()``.
        """
        table = self.wrap_table(query.from_value)
        if not values:
            return f"insert into {table} default values"
        rows = _rows(values)
        columns = self.columnize(list(rows[0].keys()))
        parameters = ", ".join(
            f"({self.parameterize(list(row.values()))})" for row in rows
        )
        return f"insert into {table} ({columns}) values {parameters}"

    def compile_insert_or_ignore(self, query: t.Any, values: t.Any) -> str:
        """Compile an insert that skips rows breaking a unique index.

        Laravel: ``Grammar::compileInsertOrIgnore()`` (each dialect has its own).
        """
        raise InvalidQueryArgumentError(
            "This database engine does not support inserting while ignoring errors "
            f"[{type(self).__name__}]; use a dialect grammar (SQLite, PostgreSQL, MySQL)."
        )

    def compile_insert_get_id(
        self, query: t.Any, values: t.Any, sequence: str | None
    ) -> str:
        """Compile an insert whose new id the connection reads back.

        Laravel: ``Grammar::compileInsertGetId()``.
        """
        return self.compile_insert(query, values)

    def compile_insert_using(
        self, query: t.Any, columns: t.Sequence[t.Any], sql: str
    ) -> str:
        """Compile ``insert into "t" ("a", "b") select ...``.

        Laravel: ``Grammar::compileInsertUsing()``.
        """
        table = self.wrap_table(query.from_value)
        if not columns or list(columns) == ["*"]:
            return f"insert into {table} {sql}"
        return f"insert into {table} ({self.columnize(columns)}) {sql}"

    def compile_insert_or_ignore_using(
        self, query: t.Any, columns: t.Sequence[t.Any], sql: str
    ) -> str:
        """Compile an ``insert ... select`` that skips rows breaking a unique index.

        Laravel: ``Grammar::compileInsertOrIgnoreUsing()`` (each dialect has its own).
        """
        return self.compile_insert_or_ignore(query, [])

    # --- upsert -----------------------------------------------------------

    def compile_upsert(
        self,
        query: t.Any,
        values: t.Any,
        unique_by: t.Sequence[str],
        update: t.Any,
    ) -> str:
        """Compile an insert that updates the rows that already exist.

        Laravel: ``Grammar::compileUpsert()`` (each dialect has its own).
        """
        raise InvalidQueryArgumentError(
            f"This database engine does not support upserts [{type(self).__name__}]; "
            "use a dialect grammar (SQLite, PostgreSQL, MySQL)."
        )

    def compile_upsert_update_columns(
        self, update: t.Any, excluded: t.Callable[[str], str]
    ) -> str:
        """Compile the ``set`` list of an upsert.

        A bare column name takes the inserted value (``excluded(column)``); a
        ``column: value`` pair sets a value of its own.
        """
        parts = []
        for column, value in update_pairs(update):
            if value is _FROM_INSERT:
                parts.append(f"{self.wrap(column)} = {excluded(column)}")
            else:
                parts.append(f"{self.wrap(column)} = {self.parameter(value)}")
        return ", ".join(parts)

    # --- update -----------------------------------------------------------

    def compile_update(self, query: t.Any, values: t.Mapping[str, t.Any]) -> str:
        """Compile an update of ``values`` (column → value) on the matching rows.

        Laravel: ``Grammar::compileUpdate()``.
        """
        table = self.wrap_table(query.from_value)
        columns = self.compile_update_columns(query, values)
        where = self.compile_wheres(query)
        if query.joins:
            sql = self.compile_update_with_joins(query, table, columns, where)
        else:
            sql = self.compile_update_without_joins(query, table, columns, where)
        return sql.strip()

    def compile_update_columns(
        self, query: t.Any, values: t.Mapping[str, t.Any]
    ) -> str:
        """Compile the ``"a" = ?, "b" = ?`` list of an update.

        Laravel: ``Grammar::compileUpdateColumns()``.
        """
        return ", ".join(
            f"{self.wrap(key)} = {self.parameter(value)}"
            for key, value in values.items()
        )

    def compile_update_without_joins(
        self, query: t.Any, table: str, columns: str, where: str
    ) -> str:
        """Compile an update without joins. Laravel: ``Grammar::compileUpdateWithoutJoins()``."""
        return f"update {table} set {columns} {where}"

    def compile_update_with_joins(
        self, query: t.Any, table: str, columns: str, where: str
    ) -> str:
        """Compile an update with joins. Laravel: ``Grammar::compileUpdateWithJoins()``."""
        joins = self.compile_joins(query, query.joins)
        return f"update {table} {joins} set {columns} {where}"

    def prepare_bindings_for_update(
        self, bindings: t.Mapping[str, t.Any], values: t.Mapping[str, t.Any]
    ) -> list[t.Any]:
        """Order the bindings of an update: join, the new values, then the rest.

        Laravel: ``Grammar::prepareBindingsForUpdate()``.
        """
        joins = _flatten(bindings.get("join", []))
        rest = flatten_bindings(bindings, "select", "join")
        return [*joins, *update_values(values.values()), *rest]

    # --- delete -----------------------------------------------------------

    def compile_delete(self, query: t.Any) -> str:
        """Compile a delete of the matching rows. Laravel: ``Grammar::compileDelete()``."""
        table = self.wrap_table(query.from_value)
        where = self.compile_wheres(query)
        if query.joins:
            sql = self.compile_delete_with_joins(query, table, where)
        else:
            sql = self.compile_delete_without_joins(query, table, where)
        return sql.strip()

    def compile_delete_without_joins(self, query: t.Any, table: str, where: str) -> str:
        """Compile a delete without joins. Laravel: ``Grammar::compileDeleteWithoutJoins()``."""
        return f"delete from {table} {where}"

    def compile_delete_with_joins(self, query: t.Any, table: str, where: str) -> str:
        """Compile ``delete "alias" from ... join ...``. Laravel: ``Grammar::compileDeleteWithJoins()``."""
        alias = table.split(" as ")[-1]
        joins = self.compile_joins(query, query.joins)
        return f"delete {alias} from {table} {joins} {where}"

    def prepare_bindings_for_delete(
        self, bindings: t.Mapping[str, t.Any]
    ) -> list[t.Any]:
        """Flatten the bindings of a delete (select bindings are dropped).

        Laravel: ``Grammar::prepareBindingsForDelete()``.
        """
        return flatten_bindings(bindings, "select")

    # --- truncate ---------------------------------------------------------

    def compile_truncate(self, query: t.Any) -> dict[str, list[t.Any]]:
        """Compile the statements that empty the table, each with its bindings.

        Laravel: ``Grammar::compileTruncate()``.
        """
        return {f"truncate table {self.wrap_table(query.from_value)}": []}

    # --- helpers ----------------------------------------------------------

    def select_for_rowid_subquery(self, query: t.Any, column: str) -> str:
        """Compile ``select "alias"."<column>" from ...`` over the query's joins, wheres,
        orders and limit, for dialects that update or delete through a row-id subquery.
        """
        alias = table_alias(query.from_value)
        sub = query.clone() if hasattr(query, "clone") else query
        return self.compile_select(sub.select(f"{alias}.{column}"))


class _FromInsert:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<the inserted value>"


_FROM_INSERT = _FromInsert()


def update_pairs(update: t.Any) -> list[tuple[str, t.Any]]:
    """Normalise the ``update`` argument of an upsert to ``(column, value)`` pairs.

    A list names columns that take the inserted value; a dict sets values of its
    own; a list may also hold such dicts (Laravel's mixed ``['name', 'votes' => 0]``).
    """
    if isinstance(update, t.Mapping):
        return list(update.items())
    if isinstance(update, str):
        return [(update, _FROM_INSERT)]
    pairs: list[tuple[str, t.Any]] = []
    for each in update:
        if isinstance(each, t.Mapping):
            pairs.extend(each.items())
        else:
            pairs.append((each, _FROM_INSERT))
    return pairs


def _rows(values: t.Any) -> list[t.Mapping[str, t.Any]]:
    if isinstance(values, t.Mapping):
        return [values]
    return list(values)
