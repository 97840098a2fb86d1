"""Keep cache items in the ``cache`` table (``key``, ``value``, ``expiration``).

Laravel: ``Illuminate\\Cache\\DatabaseStore``.
"""

from __future__ import annotations

import math
import typing as t

from protevus.cache.exceptions import CacheTableMissingError
from protevus.cache.store import Clock
from protevus.cache.store import Store
from protevus.cache.store import serialize
from protevus.cache.store import unserialize

#: Laravel's DatabaseStore::forever() lifetime: ten years (fits an INTEGER column).
_FOREVER_SECONDS = 315360000

#: SQL telling that ``value`` holds a plain integer, per driver.
_INTEGER_CHECK = {
    "pgsql": "{value} ~ '^-?[0-9]+$'",
    "mysql": "{value} REGEXP '^-?[0-9]+$'",
    "mariadb": "{value} REGEXP '^-?[0-9]+$'",
}
_INTEGER_CHECK_DEFAULT = "CAST(CAST({value} AS INTEGER) AS TEXT) = {value}"

#: SQL adding a bound integer to ``value`` and writing it back as text.
_ADD = {
    "pgsql": "CAST(CAST({value} AS BIGINT) + ? AS TEXT)",
    "mysql": "CAST(CAST({value} AS SIGNED) + ? AS CHAR)",
    "mariadb": "CAST(CAST({value} AS SIGNED) + ? AS CHAR)",
}
_ADD_DEFAULT = "CAST(CAST({value} AS INTEGER) + ? AS TEXT)"


class DatabaseStore(Store):
    """Store JSON values in rows; expired rows read as missing and are overwritten.

    Safe across workers: :meth:`add` deletes an expired row, then inserts with
    insert-or-ignore (the primary key decides who wins); :meth:`increment` runs
    ``UPDATE ... SET value = value + ?`` in a transaction, so the row is locked
    while the new value is read back. A missing table raises
    :class:`~protevus.cache.exceptions.CacheTableMissingError`.

    Laravel: ``Illuminate\\Cache\\DatabaseStore``.
    """

    def __init__(
        self,
        connection: t.Any,
        table: str = "cache",
        prefix: str = "",
        lock_table: str = "cache_locks",
        clock: Clock | None = None,
    ) -> None:
        super().__init__(prefix, clock)
        self._connection = connection
        self._table = table
        self._lock_table = lock_table

    # -- helpers -------------------------------------------------------------------

    def _query(self) -> t.Any:
        return self._connection.table(self._table)

    def _time(self) -> int:
        return int(self.now())

    def _expiration(self, seconds: int | float | None) -> int:
        if seconds is None:
            seconds = _FOREVER_SECONDS
        return self._time() + math.ceil(seconds)

    def _guard(self, run: t.Callable[[], t.Any]) -> t.Any:
        try:
            return run()
        except Exception as exc:
            if not self._table_exists():
                raise CacheTableMissingError(
                    f"The cache table [{self._table}] does not exist on the "
                    f"[{self._connection.get_name()}] database connection. Run "
                    "`python artisan.py migrate` (the default migrations create it) or "
                    "set CACHE_STORE to another store, such as file."
                ) from exc
            raise

    def _table_exists(self) -> bool:
        try:
            return bool(self._connection.get_schema_builder().has_table(self._table))
        except Exception:  # cannot tell: let the original error speak
            return True

    def _sql(self, templates: t.Mapping[str, str], default: str) -> str:
        driver = self._connection.get_driver_name()
        wrapped = self._connection.get_query_grammar().wrap("value")
        return templates.get(driver, default).format(value=wrapped)

    # -- the store -------------------------------------------------------------------

    def get(self, key: str) -> t.Any:
        """Return the value, or None when missing or expired. Laravel: ``DatabaseStore::get()``."""
        return self.many([key])[key]

    def many(self, keys: t.Iterable[str]) -> dict[str, t.Any]:
        """Return several values in one query. Laravel: ``DatabaseStore::many()``."""
        keys = list(keys)
        if not keys:
            return {}
        prefixed = {self._prefix + key: key for key in keys}
        rows = self._guard(
            lambda: self._query().where_in("key", list(prefixed)).get().all()
        )
        now = self._time()
        found: dict[str, t.Any] = dict.fromkeys(keys)
        expired: list[str] = []
        for row in rows:
            name = prefixed.get(str(row["key"]))
            if name is None:
                continue
            if int(row["expiration"]) <= now:
                expired.append(str(row["key"]))
                continue
            found[name] = unserialize(row["value"])
        if expired:
            self._forget_if_expired(expired, now)
        return found

    def _forget_if_expired(self, keys: list[str], now: int) -> None:
        """Delete these rows if they are still expired. Laravel: ``forgetManyIfExpired()``."""
        self._guard(
            lambda: (
                self._query()
                .where_in("key", keys)
                .where("expiration", "<=", now)
                .delete()
            )
        )

    def put(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Insert or replace the row. Laravel: ``DatabaseStore::put()``."""
        return self.put_many({key: value}, seconds)

    def put_many(
        self, values: t.Mapping[str, t.Any], seconds: int | float | None
    ) -> bool:
        """Upsert several rows in one statement. Laravel: ``DatabaseStore::putMany()``."""
        if not values:
            return True
        expiration = self._expiration(seconds)
        rows = [
            {
                "key": self._prefix + key,
                "value": serialize(value),
                "expiration": expiration,
            }
            for key, value in values.items()
        ]
        self._guard(
            lambda: self._query().upsert(rows, ["key"], ["value", "expiration"])
        )
        return True

    def add(self, key: str, value: t.Any, seconds: int | float | None) -> bool:
        """Insert the row unless a live one exists; tell whether it was inserted.

        An expired row is deleted first (only if still expired), then the insert
        ignores a duplicate key, so two workers adding at once get one winner.

        Laravel: ``DatabaseStore::add()``.
        """
        prefixed = self._prefix + key
        row = {
            "key": prefixed,
            "value": serialize(value),
            "expiration": self._expiration(seconds),
        }
        now = self._time()

        def run() -> bool:
            self._query().where("key", prefixed).where("expiration", "<=", now).delete()
            return bool(self._query().insert_or_ignore(row) > 0)

        return bool(self._guard(run))

    def increment(self, key: str, value: int = 1) -> int | bool:
        """Add ``value`` to a live integer item atomically; False when missing or not a number.

        Laravel: ``DatabaseStore::increment()``.
        """
        if value == 0:
            current = self.get(key)
            return current if isinstance(current, int) else False
        prefixed = self._prefix + key
        now = self._time()
        check = self._sql(_INTEGER_CHECK, _INTEGER_CHECK_DEFAULT)
        addition = self._sql(_ADD, _ADD_DEFAULT)
        connection = self._connection

        def run() -> int | bool:
            if not self._update_adding(prefixed, now, check, addition, value):
                return False
            stored = self._query().where("key", prefixed).value("value")
            return int(unserialize(stored))

        return t.cast("int | bool", self._guard(lambda: connection.transaction(run)))

    def _update_adding(
        self, key: str, now: int, check: str, addition: str, value: int
    ) -> int:
        """Run ``UPDATE cache SET value = <value + ?> WHERE ...`` with bound values."""
        grammar = self._connection.get_query_grammar()
        table = grammar.wrap_table(self._table)
        sql = (
            f"update {table} set {grammar.wrap('value')} = {addition} "
            f"where {grammar.wrap('key')} = ? and {grammar.wrap('expiration')} > ? "
            f"and {check}"
        )
        return int(self._connection.update(sql, [value, key, now]))

    def expire_if_persistent(self, key: str, seconds: int | float) -> bool:
        """Do nothing: :meth:`increment` never creates rows, so none lacks an expiry."""
        return False

    def forget(self, key: str) -> bool:
        """Delete the row. Laravel: ``DatabaseStore::forget()``."""
        prefixed = self._prefix + key
        self._guard(lambda: self._query().where("key", prefixed).delete())
        return True

    def flush(self) -> bool:
        """Delete every row of the table. Laravel: ``DatabaseStore::flush()``."""
        self._guard(lambda: self._query().delete())
        return True

    def get_connection(self) -> t.Any:
        """Return the database connection. Laravel: ``DatabaseStore::getConnection()``."""
        return self._connection

    def get_table(self) -> str:
        """Return the table name."""
        return self._table
