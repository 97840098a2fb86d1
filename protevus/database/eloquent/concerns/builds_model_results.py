"""Run Eloquent queries: get, first, find, create, update, delete, chunk, lazy, cursor.

Laravel: the retrieval and write methods of ``Illuminate\\Database\\Eloquent\\Builder``
(and ``BuildsQueries`` for chunking).
"""

from __future__ import annotations

import re
import typing as t

from protevus.database.eloquent.concerns.chunks_models import ChunksModels
from protevus.database.eloquent.exceptions import ModelNotFoundError
from protevus.database.exceptions import MultipleRecordsFoundError
from protevus.database.exceptions import UniqueConstraintViolationError
from protevus.support.aliases import camel_aliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.collection import Collection

_AS = re.compile(r"\s+as\s+", re.IGNORECASE)


def _columns(columns: t.Any) -> list[t.Any]:
    return list(columns) if isinstance(columns, list | tuple) else [columns]


def _ids(id: t.Any) -> list[t.Any] | None:
    """Return ``id`` as a list when it is a list of keys, else ``None``."""
    if isinstance(id, list | tuple | set):
        return list(id)
    if hasattr(id, "all") and hasattr(id, "map") and not hasattr(id, "get_key"):
        return list(id.all())
    return None


@camel_aliases
class BuildsModelResults(ChunksModels):
    """Run Eloquent queries: get, first, find, create, update, delete, chunk, lazy, cursor.

    Laravel: ``Illuminate\\Database\\Eloquent\\Builder``.
    """

    if t.TYPE_CHECKING:
        query: t.Any
        model: t.Any
        eager_load: dict[str, t.Any]
        on_delete_callback: t.Callable[..., t.Any] | None

        def __getattr__(self, name: str) -> t.Any: ...

    # -- reading ---------------------------------------------------------------------

    def get(self, columns: t.Any = ("*",)) -> Collection:
        """Run the query and return a Collection of models (eager loads included).

        Laravel: ``Builder::get()``.
        """
        builder = self.apply_scopes()
        models = builder.get_models(columns)
        if models and builder.eager_load:
            models = builder.eager_load_relations(models)
        return t.cast("Collection", builder.get_model().new_collection(models))

    def get_models(self, columns: t.Any = ("*",)) -> list[t.Any]:
        """Run the query and hydrate models, without eager loads. Laravel: ``Builder::getModels()``."""
        rows = self.query.get(_columns(columns)).all()
        return list(self.hydrate(rows))

    def hydrate(self, rows: t.Iterable[t.Mapping[str, t.Any]]) -> Collection:
        """Make existing models from rows. Laravel: ``Builder::hydrate()``."""
        rows = list(rows)
        instance = self.new_model_instance()
        models = [instance.new_from_builder(row) for row in rows]
        # Laravel: models fetched several at a time remember whether lazy loading
        # is prevented, so the N+1 guard only fires for them.
        if len(models) > 1 and instance.prevents_lazy_loading():
            for model in models:
                model.__dict__["_prevents_lazy_loading"] = True
        return t.cast("Collection", instance.new_collection(models))

    def with_casts(self, casts: t.Mapping[str, t.Any]) -> t.Self:
        """Cast extra columns of the models this query returns. Laravel: ``Builder::withCasts()``."""
        self.model.merge_casts(dict(casts))
        return self

    def first(self, columns: t.Any = ("*",)) -> t.Any:
        """Get the first model, or ``None``. Laravel: ``BuildsQueries::first()``."""
        return self.take(1).get(columns).first()

    def first_or_fail(self, columns: t.Any = ("*",)) -> t.Any:
        """Get the first model or raise :class:`ModelNotFoundError`. Laravel: ``firstOrFail()``."""
        model = self.first(columns)
        if model is None:
            raise ModelNotFoundError(type(self.model).class_path())
        return model

    def first_or(
        self, columns: t.Any = ("*",), callback: t.Callable[[], t.Any] | None = None
    ) -> t.Any:
        """Get the first model, or ``callback()``. Laravel: ``Builder::firstOr()``."""
        if callable(columns) and not isinstance(columns, list | tuple | str):
            callback, columns = columns, ("*",)
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
    ) -> t.Any:
        """Add a where clause and get the first model. Laravel: ``Builder::firstWhere()``."""
        if value is None and operator is not None:
            return self.where(column, operator).first()
        if operator is None:
            return self.where(column).first()
        return self.where(column, operator, value, boolean).first()

    def find(self, id: t.Any, columns: t.Any = ("*",)) -> t.Any:
        """Find a model by key (a Collection for a list of keys). Laravel: ``Builder::find()``."""
        ids = _ids(id)
        if ids is not None:
            return self.find_many(ids, columns)
        return self.where_key(id).first(columns)

    def find_many(self, ids: t.Any, columns: t.Any = ("*",)) -> Collection:
        """Find models by a list of keys. Laravel: ``Builder::findMany()``."""
        keys = _ids(ids) or []
        if not keys:
            return t.cast("Collection", self.model.new_collection([]))
        return self.where_key(keys).get(columns)

    def find_or_fail(self, id: t.Any, columns: t.Any = ("*",)) -> t.Any:
        """Find by key(s) or raise :class:`ModelNotFoundError` naming the missing keys.

        Laravel: ``Builder::findOrFail()``.
        """
        result = self.find(id, columns)
        ids = _ids(id)
        model = type(self.model).class_path()
        if ids is not None:
            unique = list(dict.fromkeys(ids))
            if len(result) != len(unique):
                found = {str(k) for k in result.model_keys()}
                raise ModelNotFoundError(
                    model, [i for i in unique if str(i) not in found]
                )
            return result
        if result is None:
            raise ModelNotFoundError(model, id)
        return result

    def find_or_new(self, id: t.Any, columns: t.Any = ("*",)) -> t.Any:
        """Find by key or make a new model. Laravel: ``Builder::findOrNew()``."""
        model = self.find(id, columns)
        return model if model is not None else self.new_model_instance()

    def find_or(
        self,
        id: t.Any,
        columns: t.Any = ("*",),
        callback: t.Callable[[], t.Any] | None = None,
    ) -> t.Any:
        """Find by key, or return ``callback()``. Laravel: ``Builder::findOr()``."""
        if callable(columns) and not isinstance(columns, list | tuple | str):
            callback, columns = columns, ("*",)
        model = self.find(id, columns)
        if model is not None and not (_ids(id) is not None and not model):
            return model
        return callback() if callback is not None else None

    def find_sole(self, id: t.Any, columns: t.Any = ("*",)) -> t.Any:
        """Find the only model with a key. Laravel: ``Builder::findSole()``."""
        return self.where_key(id).sole(columns)

    def sole(self, columns: t.Any = ("*",)) -> t.Any:
        """Get the only matching model; raise when there is none or more than one.

        Raises :class:`ModelNotFoundError` or ``MultipleRecordsFoundError``.
        Laravel: ``Builder::sole()``.
        """
        result = self.take(2).get(columns)
        count = len(result)
        if count == 0:
            raise ModelNotFoundError(type(self.model).class_path())
        if count > 1:
            raise MultipleRecordsFoundError(count)
        return result.first()

    def value(self, column: t.Any) -> t.Any:
        """Get one column of the first model (cast). Laravel: ``Builder::value()``."""
        model = self.first([column])
        if model is None:
            return None
        return model.get_attribute(_result_name(column))

    def value_or_fail(self, column: t.Any) -> t.Any:
        """Get one column of the first model or raise. Laravel: ``Builder::valueOrFail()``."""
        return self.first_or_fail([column]).get_attribute(_result_name(column))

    def sole_value(self, column: t.Any) -> t.Any:
        """Get one column of the only model. Laravel: ``Builder::soleValue()``."""
        return self.sole([column]).get_attribute(_result_name(column))

    def pluck(self, column: t.Any, key: t.Any = None) -> t.Any:
        """Get one column's values (cast when the model casts it). Laravel: ``Builder::pluck()``."""
        results = self.to_base().pluck(column, key)
        name = _result_name(column)
        model = self.model
        if not (
            model.has_get_mutator(name)
            or model.has_cast(name)
            or model.is_date_attribute(name)
        ):
            return results
        return results.map(
            lambda value: model.new_from_builder({name: value}).get_attribute(name)
        )

    # -- creating ---------------------------------------------------------------------

    def make(self, attributes: t.Mapping[str, t.Any] | None = None) -> t.Any:
        """Make (not save) a model. Laravel: ``Builder::make()``."""
        return self.new_model_instance(attributes)

    def create(self, attributes: t.Mapping[str, t.Any] | None = None) -> t.Any:
        """Make and save a model (mass assignment rules apply). Laravel: ``Builder::create()``."""
        model = self.new_model_instance(attributes)
        model.save()
        return model

    def create_quietly(self, attributes: t.Mapping[str, t.Any] | None = None) -> t.Any:
        """Create without firing events. Laravel: ``Builder::createQuietly()``."""
        return self.model._quietly(lambda: self.create(attributes))

    def force_create(self, attributes: t.Mapping[str, t.Any]) -> t.Any:
        """Create ignoring ``fillable``/``guarded``. Laravel: ``Builder::forceCreate()``."""
        return type(self.model).unguarded(lambda: self.create(attributes))

    def force_create_quietly(self, attributes: t.Mapping[str, t.Any]) -> t.Any:
        """Force-create without events. Laravel: ``Builder::forceCreateQuietly()``."""
        return self.model._quietly(lambda: self.force_create(attributes))

    def first_or_new(
        self,
        attributes: t.Mapping[str, t.Any] | None = None,
        values: t.Mapping[str, t.Any] | None = None,
    ) -> t.Any:
        """Get the first model matching ``attributes`` or make one. Laravel: ``firstOrNew()``."""
        attributes = dict(attributes or {})
        query = self.clone()
        if attributes:
            query.where(attributes)
        model = query.first()
        if model is not None:
            return model
        return self.new_model_instance({**attributes, **(values or {})})

    def first_or_create(
        self,
        attributes: t.Mapping[str, t.Any] | None = None,
        values: t.Mapping[str, t.Any] | None = None,
    ) -> t.Any:
        """Get the first model matching ``attributes`` or create one. Laravel: ``firstOrCreate()``."""
        attributes = dict(attributes or {})
        query = self.clone()
        if attributes:
            query.where(attributes)
        model = query.first()
        if model is not None:
            return model
        return self.create_or_first(attributes, values)

    def create_or_first(
        self,
        attributes: t.Mapping[str, t.Any] | None = None,
        values: t.Mapping[str, t.Any] | None = None,
    ) -> t.Any:
        """Create a model; on a unique-constraint violation, get the existing one.

        Laravel: ``Builder::createOrFirst()``.
        """
        attributes = dict(attributes or {})
        connection = self.query.get_connection()
        try:
            if connection.transaction_level() > 0:
                return connection.transaction(
                    lambda: self.clone().create({**attributes, **(values or {})})
                )
            return self.clone().create({**attributes, **(values or {})})
        except UniqueConstraintViolationError:
            query = self.clone().use_write_pdo()
            if attributes:
                query.where(attributes)
            model = query.first()
            if model is None:
                raise
            return model

    def update_or_create(
        self,
        attributes: t.Mapping[str, t.Any],
        values: t.Mapping[str, t.Any] | None = None,
    ) -> t.Any:
        """Update the model matching ``attributes`` with ``values``, or create it. Laravel: ``updateOrCreate()``."""
        model = self.first_or_create(attributes, values)
        if not model.was_recently_created:
            model.fill(values or {}).save()
        return model

    def increment_or_create(
        self,
        attributes: t.Mapping[str, t.Any],
        column: str = "count",
        default: t.Any = 1,
        step: t.Any = 1,
        extra: t.Mapping[str, t.Any] | None = None,
    ) -> t.Any:
        """Increment ``column`` of the matching model, or create it with ``default``.

        Laravel: ``Builder::incrementOrCreate()``.
        """
        model = self.first_or_create(attributes, {column: default})
        if not model.was_recently_created:
            model.increment(column, step, extra)
        return model

    # -- writing ----------------------------------------------------------------------------

    def update(self, values: t.Mapping[str, t.Any]) -> int:
        """Update the matching rows (setting ``updated_at``); return the count. Laravel: ``Builder::update()``."""
        return int(self.to_base().update(self.add_updated_at_column(values)))

    def increment(
        self, column: str, amount: t.Any = 1, extra: t.Mapping[str, t.Any] | None = None
    ) -> int:
        """Increment a column of the matching rows. Laravel: ``Builder::increment()``."""
        return int(
            self.to_base().increment(
                column, amount, self.add_updated_at_column(extra or {})
            )
        )

    def decrement(
        self, column: str, amount: t.Any = 1, extra: t.Mapping[str, t.Any] | None = None
    ) -> int:
        """Decrement a column of the matching rows. Laravel: ``Builder::decrement()``."""
        return int(
            self.to_base().decrement(
                column, amount, self.add_updated_at_column(extra or {})
            )
        )

    def touch(self, column: str | None = None) -> int | bool:
        """Set ``updated_at`` (or ``column``) of the matching rows to now. Laravel: ``Builder::touch()``."""
        time = self.model._fresh_timestamp_string()
        if column is not None:
            return int(self.to_base().update({column: time}))
        if not self.model.uses_timestamps():
            return False
        return int(self.to_base().update({self.model.get_updated_at_column(): time}))

    def add_updated_at_column(self, values: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
        """Add a fresh ``updated_at`` (table-qualified) to update values. Laravel: ``addUpdatedAtColumn()``."""
        values = dict(values)
        column = self.model.get_updated_at_column()
        if not self.model.uses_timestamps() or column is None:
            return values
        from_ = str(self.query.from_value)
        qualified = f"{_AS.split(from_)[-1]}.{column}"
        if qualified in values:
            values.pop(column, None)
        elif column in values:
            values[qualified] = values.pop(column)
        else:
            values[qualified] = self.model._fresh_timestamp_string()
        return values

    def upsert(self, values: t.Any, unique_by: t.Any, update: t.Any = None) -> int:
        """Insert rows or update those that exist (timestamps added). Laravel: ``Builder::upsert()``."""
        if not values:
            return 0
        rows = [dict(values)] if isinstance(values, dict) else [dict(v) for v in values]
        if update is None:
            update = list(rows[0])
        if self.model.uses_unique_ids():
            for row in rows:
                for column in self.model.unique_ids():
                    row.setdefault(column, self.model.new_unique_id())
        if self.model.uses_timestamps():
            stamp = self.model._fresh_timestamp_string()
            columns = [
                c
                for c in (
                    self.model.get_created_at_column(),
                    self.model.get_updated_at_column(),
                )
                if c
            ]
            rows = [{**dict.fromkeys(columns, stamp), **row} for row in rows]
            updated_at = self.model.get_updated_at_column()
            if isinstance(update, list) and updated_at and updated_at not in update:
                update = [*update, updated_at]
        return int(self.to_base().upsert(rows, unique_by, update))

    def delete(self) -> t.Any:
        """Delete the matching rows (soft deletes replace this through ``on_delete``). Laravel: ``Builder::delete()``."""
        if self.on_delete_callback is not None:
            return self.on_delete_callback(self)
        return self.to_base().delete()

    def force_delete(self) -> t.Any:
        """Delete the matching rows, bypassing soft deletes and scopes. Laravel: ``Builder::forceDelete()``."""
        return self.query.delete()

    def on_delete(self, callback: t.Callable[..., t.Any]) -> None:
        """Replace what ``delete()`` does. Laravel: ``Builder::onDelete()``."""
        self.on_delete_callback = callback


def _result_name(column: t.Any) -> str:
    text = str(column.get_value() if hasattr(column, "get_value") else column)
    parts = _AS.split(text)
    return parts[-1].strip().split(".")[-1]
