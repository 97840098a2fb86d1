"""Count rows for the ``unique`` and ``exists`` rules with the query builder.

Laravel: ``Illuminate\\Validation\\DatabasePresenceVerifier``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class DatabasePresenceVerifier(CamelAliases):
    """Answer how many rows hold a value: ``DatabasePresenceVerifier(db).get_count(...)``.

    ``db`` is a ``DatabaseManager`` (anything with ``connection(name)``). Extra
    conditions map columns to values: ``'NULL'`` and ``'NOT_NULL'`` test for null,
    ``'!value'`` negates, a callable gets the query to constrain.

    Laravel: ``Illuminate\\Validation\\DatabasePresenceVerifier``.
    """

    def __init__(self, db: t.Any) -> None:
        self.db = db
        self.connection: str | None = None

    def set_connection(self, connection: str | None) -> DatabasePresenceVerifier:
        """Count on this connection (``None`` for the default).

        Laravel: ``DatabasePresenceVerifier::setConnection()``.
        """
        self.connection = connection
        return self

    def has_connection(self, name: str) -> bool:
        """Tell whether ``name`` is a configured connection (for ``'conn.table'``)."""
        try:
            self.db.configuration(name)
        except Exception:
            return False
        return True

    def table(self, table: str) -> t.Any:
        """Return a query on ``table`` that reads from the write connection.

        Laravel: ``DatabasePresenceVerifier::table()``.
        """
        return self.db.connection(self.connection).table(table).use_write_pdo()

    def get_count(
        self,
        table: str,
        column: str,
        value: t.Any,
        exclude_id: t.Any = None,
        id_column: str | None = None,
        extra: t.Mapping[t.Any, t.Any] | None = None,
    ) -> int:
        """Count the rows where ``column`` equals ``value``, skipping ``exclude_id``.

        Laravel: ``DatabasePresenceVerifier::getCount()``.
        """
        query = self.table(table).where(column, "=", value)
        if exclude_id is not None and exclude_id != "NULL":
            query.where(id_column or "id", "<>", exclude_id)
        return int(self._add_conditions(query, extra or {}).count())

    def get_multi_count(
        self,
        table: str,
        column: str,
        values: t.Iterable[t.Any],
        extra: t.Mapping[t.Any, t.Any] | None = None,
    ) -> int:
        """Count the distinct values of ``values`` found in ``column``.

        Laravel: ``DatabasePresenceVerifier::getMultiCount()``.
        """
        query = self.table(table).where_in(column, list(values))
        query = self._add_conditions(query, extra or {})
        return int(query.distinct().count(column))

    def _add_conditions(self, query: t.Any, extra: t.Mapping[t.Any, t.Any]) -> t.Any:
        for key, condition in extra.items():
            if callable(condition):
                query.where(condition)
            elif condition == "NULL":
                query.where_null(key)
            elif condition == "NOT_NULL":
                query.where_not_null(key)
            elif isinstance(condition, str) and condition.startswith("!"):
                query.where(key, "!=", condition[1:])
            else:
                query.where(key, condition)
        return query
