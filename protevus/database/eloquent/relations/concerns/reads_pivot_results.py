"""Find, page and stream the related models of a many-to-many relation, pivots included.

Laravel: the finders, ``paginate``, ``chunk``, ``each``, ``lazy`` and ``cursor`` of
``Illuminate\\Database\\Eloquent\\Relations\\BelongsToMany``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.exceptions import ModelNotFoundError
from protevus.database.exceptions import UniqueConstraintViolationError
from protevus.support.aliases import CamelAliases
from protevus.support.collection import Collection as BaseCollection
from protevus.support.concerns.collection_helpers import kv_caller
from protevus.support.helpers import value as resolve_value

if t.TYPE_CHECKING:
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model

_ALL: tuple[str, ...] = ("*",)


class ReadsPivotResults(CamelAliases):
    """Find, page and stream related models, giving each its pivot model.

    Laravel: ``BelongsToMany::find()``, ``firstOrCreate()``, ``paginate()``, ``chunk()``...
    """

    if t.TYPE_CHECKING:
        query: t.Any
        related: t.Any

        def get(self, columns: t.Any = _ALL) -> Collection: ...
        def limit(self, value: int | None) -> t.Self: ...
        def clone(self) -> t.Self: ...
        def sole(self, columns: t.Any = None) -> Model: ...
        def parse_id(self, value: t.Any) -> t.Any: ...
        def _key_token(self, key: t.Any) -> t.Any: ...
        def attach(
            self, id: t.Any, attributes: t.Any = None, touch: bool = True
        ) -> None: ...
        def create(
            self, attributes: t.Any = None, joining: t.Any = None, touch: bool = True
        ) -> Model: ...
        def should_select(self, columns: t.Any = _ALL) -> list[t.Any]: ...
        def hydrate_pivot_relation(self, models: t.Iterable[Model]) -> None: ...
        def get_related_key_name(self) -> str: ...
        def with_savepoint_if_needed(self, scope: t.Callable[[], t.Any]) -> t.Any: ...
        def __getattr__(self, name: str) -> t.Any: ...

    # -- finding -----------------------------------------------------------------------

    def find(self, id: t.Any, columns: t.Any = _ALL) -> t.Any:
        """Find a related model by key (a list of keys gives a collection).

        Laravel: ``BelongsToMany::find()``.
        """
        if _is_many(id):
            return self.find_many(id, columns)
        self.query.where(self.related.get_qualified_key_name(), "=", self.parse_id(id))
        return self.first(columns)

    def find_many(self, ids: t.Any, columns: t.Any = _ALL) -> Collection:
        """Find related models by their keys. Laravel: ``BelongsToMany::findMany()``."""
        keys = _values_of(ids)
        if not keys:
            return t.cast("Collection", self.related.new_collection([]))
        self.query.where_in(
            self.related.get_qualified_key_name(), [self.parse_id(key) for key in keys]
        )
        return self.get(columns)

    def find_sole(self, id: t.Any, columns: t.Any = _ALL) -> Model:
        """Find the only related model with the key. Laravel: ``BelongsToMany::findSole()``."""
        self.query.where(self.related.get_qualified_key_name(), "=", self.parse_id(id))
        return self.sole(columns)

    def find_or_fail(self, id: t.Any, columns: t.Any = _ALL) -> t.Any:
        """Find related model(s) by key or raise ModelNotFoundError. Laravel: ``findOrFail()``."""
        result = self.find(id, columns)
        if _is_many(id):
            keys = _values_of(id)
            if len(result) == len({self._key_token(self.parse_id(k)) for k in keys}):
                return result
        elif result is not None:
            return result
        raise ModelNotFoundError(_class_path(self.related), _ids_for_error(id, self))

    def find_or(
        self, id: t.Any, columns: t.Any = _ALL, callback: t.Any = None
    ) -> t.Any:
        """Find related model(s) by key, else return the callback's result. Laravel: ``findOr()``."""
        if callable(columns):
            callback, columns = columns, _ALL
        result = self.find(id, columns)
        if _is_many(id):
            if len(result) == len(
                {self._key_token(self.parse_id(k)) for k in _values_of(id)}
            ):
                return result
        elif result is not None:
            return result
        return callback() if callback is not None else None

    def find_or_new(self, id: t.Any, columns: t.Any = _ALL) -> t.Any:
        """Find a related model by key or make a new one. Laravel: ``BelongsToMany::findOrNew()``."""
        instance = self.find(id, columns)
        return instance if instance is not None else self.related.new_instance()

    def first(self, columns: t.Any = _ALL) -> Model | None:
        """Return the first related model, or None. Laravel: ``BelongsToMany::first()``."""
        results = self.limit(1).get(columns)
        return t.cast("Model | None", results.first()) if len(results) else None

    def first_or_fail(self, columns: t.Any = _ALL) -> Model:
        """Return the first related model or raise ModelNotFoundError. Laravel: ``firstOrFail()``."""
        model = self.first(columns)
        if model is None:
            raise ModelNotFoundError(_class_path(self.related))
        return model

    def first_or(self, columns: t.Any = _ALL, callback: t.Any = None) -> t.Any:
        """Return the first related model, else the callback's result. Laravel: ``firstOr()``."""
        if callable(columns):
            callback, columns = columns, _ALL
        model = self.first(columns)
        if model is not None:
            return model
        return callback() if callback is not None else None

    def first_where(
        self,
        column: t.Any,
        operator: t.Any = None,
        value: t.Any = None,
        boolean: str = "and",
    ) -> Model | None:
        """Add a where clause and return the first result. Laravel: ``firstWhere()``."""
        if value is None and operator is not None:
            self.query.where(column, operator, boolean=boolean)
        else:
            self.query.where(column, operator, value, boolean)
        return self.first()

    def first_or_new(
        self, attributes: t.Mapping[str, t.Any] | None = None, values: t.Any = None
    ) -> Model:
        """Find a related-table row by attributes or make a new model (not attached).

        Laravel: ``BelongsToMany::firstOrNew()``.
        """
        attributes = dict(attributes or {})
        instance = self.related.new_query().where(attributes).first()
        if instance is None:
            instance = self.related.new_instance(
                {**attributes, **(resolve_value(values) or {})}
            )
        return t.cast("Model", instance)

    def first_or_create(
        self,
        attributes: t.Mapping[str, t.Any] | None = None,
        values: t.Any = None,
        joining: t.Mapping[str, t.Any] | None = None,
        touch: bool = True,
    ) -> Model:
        """Return the attached model matching attributes; else attach or create one.

        Laravel: ``BelongsToMany::firstOrCreate()``.
        """
        attributes = dict(attributes or {})
        instance = self.clone().where(attributes).first()
        if instance is not None:
            return instance
        instance = self.related.new_query().where(attributes).first()
        if instance is None:
            return self.create_or_first(attributes, values, joining, touch)
        try:
            self.with_savepoint_if_needed(lambda: self.attach(instance, joining, touch))
        except UniqueConstraintViolationError:
            pass  # attached meanwhile
        return t.cast("Model", instance)

    def create_or_first(
        self,
        attributes: t.Mapping[str, t.Any] | None = None,
        values: t.Any = None,
        joining: t.Mapping[str, t.Any] | None = None,
        touch: bool = True,
    ) -> Model:
        """Create and attach a model; on a unique violation attach the existing one.

        Laravel: ``BelongsToMany::createOrFirst()``.
        """
        attributes = dict(attributes or {})
        merged = {**attributes, **(resolve_value(values) or {})}
        try:
            return t.cast(
                "Model",
                self.with_savepoint_if_needed(
                    lambda: self.create(merged, joining, touch)
                ),
            )
        except UniqueConstraintViolationError as error:
            instance = self.related.new_query().where(attributes).first()
            if instance is None:
                raise error
        try:
            self.with_savepoint_if_needed(lambda: self.attach(instance, joining, touch))
        except UniqueConstraintViolationError:
            found = self.clone().use_write_pdo().where(attributes).first()
            if found is None:
                raise
            return t.cast("Model", found)
        return t.cast("Model", instance)

    def update_or_create(
        self,
        attributes: t.Mapping[str, t.Any],
        values: t.Any = None,
        joining: t.Mapping[str, t.Any] | None = None,
        touch: bool = True,
    ) -> Model:
        """Find (or create and attach) a related model, then fill it with values and save.

        Laravel: ``BelongsToMany::updateOrCreate()``.
        """
        instance = self.first_or_create(attributes, values, joining, touch)
        if not instance.was_recently_created:
            instance.fill(resolve_value(values) or {})
            instance.save({"touch": False})
        return instance

    # -- pages and streams -------------------------------------------------------------

    def paginate(
        self,
        per_page: int | None = None,
        columns: t.Any = _ALL,
        page_name: str = "page",
        page: int | None = None,
    ) -> t.Any:
        """Paginate the related models, each with its pivot. Laravel: ``BelongsToMany::paginate()``."""
        self.query.add_select(self.should_select(columns))
        paginator = self.query.paginate(per_page, columns, page_name, page)
        self.hydrate_pivot_relation(list(paginator.items()))
        return paginator

    def simple_paginate(
        self,
        per_page: int | None = None,
        columns: t.Any = _ALL,
        page_name: str = "page",
        page: int | None = None,
    ) -> t.Any:
        """Paginate without a total count. Laravel: ``BelongsToMany::simplePaginate()``."""
        self.query.add_select(self.should_select(columns))
        paginator = self.query.simple_paginate(per_page, columns, page_name, page)
        self.hydrate_pivot_relation(list(paginator.items()))
        return paginator

    def cursor_paginate(
        self,
        per_page: int | None = None,
        columns: t.Any = _ALL,
        cursor_name: str = "cursor",
        cursor: t.Any = None,
    ) -> t.Any:
        """Paginate by cursor, each model with its pivot. Laravel: ``BelongsToMany::cursorPaginate()``."""
        self.query.add_select(self.should_select(columns))
        paginator = self.query.cursor_paginate(per_page, columns, cursor_name, cursor)
        self.hydrate_pivot_relation(list(paginator.items()))
        return paginator

    def _with_pivots(
        self, callback: t.Callable[..., t.Any]
    ) -> t.Callable[[t.Any, int], t.Any]:
        call = kv_caller(callback)

        def hydrated(results: t.Any, page: int) -> t.Any:
            self.hydrate_pivot_relation(list(results))
            return call(results, page)

        return hydrated

    def chunk(self, count: int, callback: t.Callable[..., t.Any]) -> bool:
        """Pass the related models to ``callback(models, page)`` ``count`` at a time.

        Laravel: ``BelongsToMany::chunk()``.
        """
        self.query.add_select(self.should_select())
        return bool(self.query.chunk(count, self._with_pivots(callback)))

    def chunk_by_id(
        self,
        count: int,
        callback: t.Callable[..., t.Any],
        column: str | None = None,
        alias: str | None = None,
    ) -> bool:
        """Chunk by the related key (safe while updating them). Laravel: ``BelongsToMany::chunkById()``."""
        self.query.add_select(self.should_select())
        column = column or self.related.qualify_column(self.get_related_key_name())
        alias = alias or self.get_related_key_name()
        return bool(
            self.query.chunk_by_id(count, self._with_pivots(callback), column, alias)
        )

    def each(self, callback: t.Callable[..., t.Any], count: int = 1000) -> bool:
        """Call ``callback(model, index)`` for every related model. Laravel: ``BelongsToMany::each()``."""
        call = kv_caller(callback)

        def walk(results: t.Any, page: int) -> bool | None:
            for index, model in enumerate(results):
                if call(model, (page - 1) * count + index) is False:
                    return False
            return None

        return self.chunk(count, walk)

    def lazy(self, chunk_size: int = 1000) -> t.Any:
        """Stream the related models, reading ``chunk_size`` at a time. Laravel: ``BelongsToMany::lazy()``."""
        self.query.add_select(self.should_select())
        return self.query.lazy(chunk_size).map(self._hydrate_one)

    def lazy_by_id(
        self,
        chunk_size: int = 1000,
        column: str | None = None,
        alias: str | None = None,
    ) -> t.Any:
        """Stream the related models, paging by key. Laravel: ``BelongsToMany::lazyById()``."""
        self.query.add_select(self.should_select())
        column = column or self.related.qualify_column(self.get_related_key_name())
        alias = alias or self.get_related_key_name()
        return self.query.lazy_by_id(chunk_size, column, alias).map(self._hydrate_one)

    def cursor(self) -> t.Any:
        """Stream the related models one row at a time. Laravel: ``BelongsToMany::cursor()``."""
        self.query.add_select(self.should_select())
        return self.query.cursor().map(self._hydrate_one)

    def _hydrate_one(self, model: Model, key: t.Any = None) -> Model:
        self.hydrate_pivot_relation([model])
        return model


def _is_many(id: t.Any) -> bool:
    from protevus.database.eloquent.model import Model

    if isinstance(id, Model):
        return False
    return isinstance(id, list | tuple | set | frozenset | BaseCollection)


def _values_of(ids: t.Any) -> list[t.Any]:
    if isinstance(ids, BaseCollection):
        return list(ids)
    if isinstance(ids, list | tuple | set | frozenset):
        return list(ids)
    return [ids]


def _ids_for_error(id: t.Any, relation: t.Any) -> t.Any:
    if _is_many(id):
        return [relation.parse_id(key) for key in _values_of(id)]
    return relation.parse_id(id)


def _class_path(model: t.Any) -> str:
    cls = model if isinstance(model, type) else type(model)
    return f"{cls.__module__}.{cls.__name__}"
