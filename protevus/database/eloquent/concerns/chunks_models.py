"""Walk Eloquent results in pieces: chunk, chunk_by_id, each, lazy, lazy_by_id, cursor.

Laravel: the chunking half of ``Illuminate\\Database\\Concerns\\BuildsQueries`` and
``Eloquent\\Builder::cursor()``, on models.
"""

from __future__ import annotations

import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.concerns.chunks_results import lazy_pages
from protevus.database.query.concerns.chunks_results import lazy_pages_by_id
from protevus.support.aliases import camel_aliases
from protevus.support.concerns.collection_helpers import kv_caller

if t.TYPE_CHECKING:
    from protevus.support.lazy_collection import LazyCollection


@camel_aliases
class ChunksModels:
    """Walk Eloquent results in pieces: chunk, chunk_by_id, each, lazy, lazy_by_id, cursor.

    Laravel: ``BuildsQueries::chunk()``, ``chunkById()``, ``lazy()``, ``Builder::cursor()``.
    """

    if t.TYPE_CHECKING:
        query: t.Any
        model: t.Any

        def __getattr__(self, name: str) -> t.Any: ...

    # -- chunking and streaming ----------------------------------------------------------------

    def enforce_order_by(self) -> None:
        """Order by the key when the query has no order (chunking needs one). Laravel: ``enforceOrderBy()``."""
        if not self.query.orders and not self.query.union_orders:
            self.order_by(self.model.get_qualified_key_name(), "asc")

    def chunk(self, count: int, callback: t.Callable[..., t.Any]) -> bool:
        """Pass the models to ``callback(models, page)`` ``count`` at a time. Laravel: ``chunk()``."""
        _check_size(count)
        self.enforce_order_by()
        call = kv_caller(callback)
        page = 1
        while True:
            results = self.clone().for_page(page, count).get()
            found = len(results)
            if found == 0:
                break
            if call(results, page) is False:
                return False
            if found != count:
                break
            page += 1
        return True

    def chunk_map(
        self, callback: t.Callable[[t.Any], t.Any], count: int = 1000
    ) -> t.Any:
        """Map every model through ``callback``, ``count`` at a time. Laravel: ``chunkMap()``."""
        from protevus.support.collection import Collection as BaseCollection

        mapped: list[t.Any] = []
        self.chunk(count, lambda models: mapped.extend(callback(m) for m in models))
        return BaseCollection(mapped)

    def each(self, callback: t.Callable[..., t.Any], count: int = 1000) -> bool:
        """Call ``callback(model, index)`` for every model, ``count`` at a time. Laravel: ``each()``."""
        call = kv_caller(callback)

        def walk(models: t.Any, page: int) -> bool | None:
            for index, model in enumerate(models):
                if call(model, (page - 1) * count + index) is False:
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
        """Pass the models ``count`` at a time, paging by key (safe while updating them).

        Laravel: ``Builder::chunkById()``.
        """
        return self._chunk_by_id(count, callback, column, alias, descending=False)

    def chunk_by_id_desc(
        self,
        count: int,
        callback: t.Callable[..., t.Any],
        column: str | None = None,
        alias: str | None = None,
    ) -> bool:
        """Like :meth:`chunk_by_id`, highest key first. Laravel: ``chunkByIdDesc()``."""
        return self._chunk_by_id(count, callback, column, alias, descending=True)

    def _chunk_by_id(
        self,
        count: int,
        callback: t.Callable[..., t.Any],
        column: str | None,
        alias: str | None,
        descending: bool,
    ) -> bool:
        _check_size(count)
        column = column or self.model.get_key_name()
        alias = alias or column.split(".")[-1]
        call = kv_caller(callback)
        last_id: t.Any = None
        page = 1
        while True:
            clone = self.clone()
            if descending:
                clone.for_page_before_id(count, last_id, column)
            else:
                clone.for_page_after_id(count, last_id, column)
            results = clone.get()
            found = len(results)
            if found == 0:
                break
            if call(results, page) is False:
                return False
            last_id = results.last().get_attribute(alias)
            if last_id is None:
                raise InvalidQueryArgumentError(
                    f"The chunkById operation was aborted because the [{alias}] column is "
                    "not present in the query result: select it or pass its alias."
                )
            if found != count:
                break
            page += 1
        return True

    def each_by_id(
        self,
        callback: t.Callable[..., t.Any],
        count: int = 1000,
        column: str | None = None,
        alias: str | None = None,
    ) -> bool:
        """Call ``callback(model, index)`` for every model, paging by key. Laravel: ``eachById()``."""
        call = kv_caller(callback)

        def walk(models: t.Any, page: int) -> bool | None:
            for index, model in enumerate(models):
                if call(model, (page - 1) * count + index) is False:
                    return False
            return None

        return self.chunk_by_id(count, walk, column, alias)

    def lazy(self, chunk_size: int = 1000) -> LazyCollection:
        """Stream the models, reading ``chunk_size`` at a time. Laravel: ``lazy()``."""
        from protevus.support.lazy_collection import LazyCollection

        _check_size(chunk_size)
        self.enforce_order_by()

        return LazyCollection(lambda: lazy_pages(self, chunk_size))

    def lazy_by_id(
        self,
        chunk_size: int = 1000,
        column: str | None = None,
        alias: str | None = None,
    ) -> LazyCollection:
        """Stream the models ``chunk_size`` at a time, paging by key. Laravel: ``lazyById()``."""
        return self._lazy_by_id(chunk_size, column, alias, descending=False)

    def lazy_by_id_desc(
        self,
        chunk_size: int = 1000,
        column: str | None = None,
        alias: str | None = None,
    ) -> LazyCollection:
        """Like :meth:`lazy_by_id`, highest key first. Laravel: ``lazyByIdDesc()``."""
        return self._lazy_by_id(chunk_size, column, alias, descending=True)

    def _lazy_by_id(
        self, chunk_size: int, column: str | None, alias: str | None, descending: bool
    ) -> LazyCollection:
        from protevus.support.lazy_collection import LazyCollection

        _check_size(chunk_size)
        key = column or self.model.get_key_name()
        return LazyCollection(
            lambda: lazy_pages_by_id(self, chunk_size, key, alias, descending)
        )

    def cursor(self) -> LazyCollection:
        """Stream models one row at a time from a database cursor (no eager loading).

        Laravel: ``Builder::cursor()``.
        """
        from protevus.support.lazy_collection import LazyCollection

        builder = self.apply_scopes()

        def models() -> t.Iterator[t.Any]:
            instance = builder.new_model_instance()
            for row in builder.query.cursor():
                yield instance.new_from_builder(row)

        return LazyCollection(models)


def _check_size(size: int) -> None:
    if size < 1:
        raise InvalidQueryArgumentError(
            f"The chunk size should be at least 1 [{size}]: pass a positive number."
        )
