"""Walk large results in pieces: chunk, chunk_by_id, each, lazy, lazy_by_id.

Laravel: ``Illuminate\\Database\\Concerns\\BuildsQueries`` (the chunking half) and
``Builder::lazy*()``.

``chunk`` pages with ``offset``/``limit``, so rows updated during the walk can move
between pages; ``chunk_by_id`` pages with ``where id > last_id`` and stays correct
while the callback updates the rows it receives.
"""

from __future__ import annotations

import typing as t

from protevus.database.exceptions import DatabaseError
from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.concerns.execution_state import ExecutionState
from protevus.support.arr import data_get
from protevus.support.collection import Collection
from protevus.support.concerns.collection_helpers import kv_caller

if t.TYPE_CHECKING:
    from protevus.support.lazy_collection import LazyCollection


class ChunksResults(ExecutionState):
    """Walk large results in pieces: chunk, chunk_by_id, each, lazy, lazy_by_id.

    Laravel: ``Illuminate\\Database\\Concerns\\BuildsQueries``.
    """

    __slots__ = ()

    def _enforce_order_by(self, method: str) -> None:
        if not self.orders and not self.union_orders:
            raise InvalidQueryArgumentError(
                f"You must specify an orderBy clause when using this function [{method}]: "
                "add order_by('id') or use the *_by_id variant."
            )

    def _current_offset(self) -> int:
        value = self.union_offset if self.unions else self.offset_value
        return int(value) if value is not None else 0

    def _current_limit(self) -> int | None:
        value = self.union_limit if self.unions else self.limit_value
        return int(value) if value is not None else None

    def chunk(self, count: int, callback: t.Callable[..., t.Any]) -> bool:
        """Pass the rows to ``callback(rows, page)`` ``count`` at a time.

        Stops, returning ``False``, when the callback returns ``False``. The query
        needs an ``order_by``; a limit and offset on it are respected.

        Laravel: ``BuildsQueries::chunk()``.
        """
        self._enforce_order_by("chunk")
        call = kv_caller(callback)
        skip = self._current_offset()
        remaining = self._current_limit()
        page = 1
        while True:
            offset = (page - 1) * count + skip
            limit = count if remaining is None else min(count, remaining)
            if limit == 0:
                break
            results = self.clone().offset(offset).limit(limit).get()
            found = len(results)
            if found == 0:
                break
            if remaining is not None:
                remaining = max(remaining - found, 0)
            if call(results, page) is False:
                return False
            page += 1
            if found != count:
                break
        return True

    def chunk_map(
        self, callback: t.Callable[[t.Any], t.Any], count: int = 1000
    ) -> Collection:
        """Map every row through ``callback``, reading ``count`` rows at a time.

        Laravel: ``BuildsQueries::chunkMap()``.
        """
        mapped: list[t.Any] = []

        def collect(rows: Collection) -> None:
            mapped.extend(callback(row) for row in rows)

        self.chunk(count, collect)
        return Collection(mapped)

    def each(self, callback: t.Callable[..., t.Any], count: int = 1000) -> bool:
        """Call ``callback(row, index)`` for every row, reading ``count`` rows at a time.

        Stops when the callback returns ``False``. Laravel: ``BuildsQueries::each()``.
        """
        call = kv_caller(callback)

        def walk(rows: Collection) -> bool | None:
            for key, row in rows.items():
                if call(row, key) is False:
                    return False
            return None

        return self.chunk(count, walk)

    def chunk_by_id(
        self,
        count: int,
        callback: t.Callable[..., t.Any],
        column: str | None = None,
        alias: str | None = None,
    ) -> bool:
        """Pass the rows to ``callback(rows, page)`` ``count`` at a time, paging by id.

        Each page is ``where <column> > <last id> order by <column> limit count``, so
        the walk stays right when the callback updates or deletes the rows it gets.
        ``alias`` names the id in the result rows (default: ``column`` without its
        table).

        Laravel: ``BuildsQueries::chunkById()``.
        """
        return self._ordered_chunk_by_id(
            count, callback, column, alias, descending=False
        )

    def chunk_by_id_desc(
        self,
        count: int,
        callback: t.Callable[..., t.Any],
        column: str | None = None,
        alias: str | None = None,
    ) -> bool:
        """Like :meth:`chunk_by_id`, from the highest id down. Laravel: ``BuildsQueries::chunkByIdDesc()``."""
        return self._ordered_chunk_by_id(
            count, callback, column, alias, descending=True
        )

    def _ordered_chunk_by_id(
        self,
        count: int,
        callback: t.Callable[..., t.Any],
        column: str | None,
        alias: str | None,
        descending: bool,
    ) -> bool:
        column = column or "id"
        alias = alias or column.split(".")[-1]
        call = kv_caller(callback)
        last_id: t.Any = None
        skip = self._current_offset()
        remaining = self._current_limit()
        page = 1
        while True:
            clone = self.clone()
            if skip and page > 1:
                clone.offset(0)
            limit = count if remaining is None else min(count, remaining)
            if limit == 0:
                break
            if descending:
                clone.for_page_before_id(limit, last_id, column)
            else:
                clone.for_page_after_id(limit, last_id, column)
            results = clone.get()
            found = len(results)
            if found == 0:
                break
            if remaining is not None:
                remaining = max(remaining - found, 0)
            if call(results, page) is False:
                return False
            last_id = _read_id(results.last(), alias)
            if last_id is None:
                raise DatabaseError(
                    f"The chunkById operation was aborted because the [{alias}] column is "
                    "not present in the query result: select it or pass its alias."
                )
            page += 1
            if found != count:
                break
        return True

    def each_by_id(
        self,
        callback: t.Callable[..., t.Any],
        count: int = 1000,
        column: str | None = None,
        alias: str | None = None,
    ) -> bool:
        """Call ``callback(row, index)`` for every row, paging by id.

        Laravel: ``BuildsQueries::eachById()``.
        """
        call = kv_caller(callback)

        def walk(rows: Collection, page: int) -> bool | None:
            for key, row in rows.items():
                if call(row, (page - 1) * count + key) is False:
                    return False
            return None

        return self.chunk_by_id(count, walk, column, alias)

    def lazy(self, chunk_size: int = 1000) -> LazyCollection:
        """Return a LazyCollection that reads the rows ``chunk_size`` at a time.

        Laravel: ``BuildsQueries::lazy()``.
        """
        from protevus.support.lazy_collection import LazyCollection

        _check_chunk_size(chunk_size)
        self._enforce_order_by("lazy")

        return LazyCollection(lambda: lazy_pages(self, chunk_size))

    def lazy_by_id(
        self,
        chunk_size: int = 1000,
        column: str | None = None,
        alias: str | None = None,
    ) -> LazyCollection:
        """Return a LazyCollection that reads the rows ``chunk_size`` at a time, by id.

        Laravel: ``BuildsQueries::lazyById()``.
        """
        return self._ordered_lazy_by_id(chunk_size, column, alias, descending=False)

    def lazy_by_id_desc(
        self,
        chunk_size: int = 1000,
        column: str | None = None,
        alias: str | None = None,
    ) -> LazyCollection:
        """Like :meth:`lazy_by_id`, from the highest id down. Laravel: ``BuildsQueries::lazyByIdDesc()``."""
        return self._ordered_lazy_by_id(chunk_size, column, alias, descending=True)

    def _ordered_lazy_by_id(
        self,
        chunk_size: int,
        column: str | None,
        alias: str | None,
        descending: bool,
    ) -> LazyCollection:
        from protevus.support.lazy_collection import LazyCollection

        _check_chunk_size(chunk_size)
        key = column or "id"
        return LazyCollection(
            lambda: lazy_pages_by_id(self, chunk_size, key, alias, descending)
        )


def lazy_pages(builder: t.Any, chunk_size: int) -> t.Iterator[t.Any]:
    """Yield a query's results page by page (``lazy()`` of both builders)."""
    page = 1
    while True:
        results = builder.clone().for_page(page, chunk_size).get()
        yield from results
        if len(results) < chunk_size:
            return
        page += 1


def lazy_pages_by_id(
    builder: t.Any,
    chunk_size: int,
    key: str,
    alias: str | None,
    descending: bool,
) -> t.Iterator[t.Any]:
    """Yield a query's results by key, page by page (``lazy_by_id()`` of both builders)."""
    name = alias or key.split(".")[-1]
    last_id: t.Any = None
    while True:
        clone = builder.clone()
        if descending:
            clone.for_page_before_id(chunk_size, last_id, key)
        else:
            clone.for_page_after_id(chunk_size, last_id, key)
        results = clone.get()
        yield from results
        if len(results) < chunk_size:
            return
        last_id = _read_id(results.last(), name)
        if last_id is None:  # without it the next page would be this one again
            raise InvalidQueryArgumentError(
                f"The lazyById operation was aborted because the [{name}] column "
                "is not present in the query result: select it or pass its alias."
            )


def _check_chunk_size(chunk_size: int) -> None:
    if chunk_size < 1:
        raise InvalidQueryArgumentError(
            f"The chunk size should be at least 1 [{chunk_size}]: pass a positive number."
        )


def _read_id(row: t.Any, alias: str) -> t.Any:
    if isinstance(row, t.Mapping) and alias in row:
        return row[alias]
    return data_get(row, alias)
