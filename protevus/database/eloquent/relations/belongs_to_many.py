"""Relate models through an intermediate (pivot) table: ``post.tags``.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\BelongsToMany``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.relations.concerns.builds_pivot_wheres import (
    BuildsPivotWheres,
)
from protevus.database.eloquent.relations.concerns.interacts_with_pivot_table import (
    InteractsWithPivotTable,
)
from protevus.database.eloquent.relations.concerns.reads_pivot_results import (
    ReadsPivotResults,
)
from protevus.database.eloquent.relations.relation import Relation
from protevus.support.collection import Collection as BaseCollection
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model
    from protevus.database.eloquent.relations.pivot import Pivot

_ALL: tuple[str, ...] = ("*",)


class BelongsToMany(
    ReadsPivotResults, InteractsWithPivotTable, BuildsPivotWheres, Relation
):
    """Relate models through an intermediate table: ``post.tags``, ``user.roles``.

    Each related model gets a ``pivot`` relation (renamed by ``as_('subscription')``)
    holding the pivot row: its two keys plus the columns named in ``with_pivot``.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\BelongsToMany``.
    """

    many: t.ClassVar[bool] = True

    def __init__(
        self,
        query: Builder,
        parent: Model,
        table: t.Any,
        foreign_pivot_key: str,
        related_pivot_key: str,
        parent_key: str,
        related_key: str,
        relation_name: str | None = None,
    ) -> None:
        self.parent_key = parent_key
        self.related_key = related_key
        self.relation_name = relation_name
        self.related_pivot_key = related_pivot_key
        self.foreign_pivot_key = foreign_pivot_key
        self.pivot_columns: list[t.Any] = []
        self.pivot_wheres: list[tuple[t.Any, ...]] = []
        self.pivot_where_ins: list[tuple[t.Any, ...]] = []
        self.pivot_where_nulls: list[tuple[t.Any, ...]] = []
        self.pivot_where_closures: list[tuple[t.Any, str]] = []
        self.pivot_values: list[dict[str, t.Any]] = []
        self.with_timestamps_value = False
        self.pivot_created_at: str | None = None
        self.pivot_updated_at: str | None = None
        self.using_class: type[Pivot] | None = None
        self.accessor = "pivot"
        self.table = self._resolve_table_name(table)
        super().__init__(query, parent)

    def _resolve_table_name(self, table: t.Any) -> str:
        """Take a table name, or a model class (a Pivot subclass becomes ``using``)."""
        if isinstance(table, str):
            return table
        from protevus.database.eloquent.model import Model
        from protevus.database.eloquent.relations.concerns.as_pivot import AsPivot

        if isinstance(table, type) and issubclass(table, Model):
            if issubclass(table, AsPivot):
                self.using(t.cast("type[Pivot]", table))
            return str(table().get_table())
        raise TypeError(
            f"A belongs-to-many table must be a table name or a model class [{table!r} given]."
        )

    # -- constraints ---------------------------------------------------------------

    def add_constraints(self) -> None:
        """Join the pivot table and limit it to the parent's rows.

        Laravel: ``BelongsToMany::addConstraints()``.
        """
        self.perform_join()
        if self.constraints_enabled():
            self.add_where_constraints()

    def perform_join(self, query: Builder | None = None) -> t.Self:
        """Join the pivot table on the related key. Laravel: ``BelongsToMany::performJoin()``."""
        query = query if query is not None else self.query
        query.join(
            self.table,
            self.get_qualified_related_key_name(),
            "=",
            self.get_qualified_related_pivot_key_name(),
        )
        return self

    def add_where_constraints(self) -> t.Self:
        """Limit the pivot rows to the parent. Laravel: ``BelongsToMany::addWhereConstraints()``."""
        self.query.where(
            self.get_qualified_foreign_pivot_key_name(),
            "=",
            self.parent.get_attribute(self.parent_key),
        )
        return self

    def add_eager_constraints(self, models: t.Sequence[Model]) -> None:
        """Limit the pivot rows to the parents being eager loaded.

        Laravel: ``BelongsToMany::addEagerConstraints()``.
        """
        where_in = self.where_in_method(self.parent, self.parent_key)
        self.where_in_eager(
            where_in,
            self.get_qualified_foreign_pivot_key_name(),
            self.get_keys(models, self.parent_key),
        )

    def init_relation(
        self, models: t.Sequence[Model], relation: str
    ) -> t.Sequence[Model]:
        """Give each parent an empty collection. Laravel: ``BelongsToMany::initRelation()``."""
        for model in models:
            model.set_relation(relation, self.related.new_collection([]))
        return models

    def match(
        self, models: t.Sequence[Model], results: Collection, relation: str
    ) -> t.Sequence[Model]:
        """Hand each parent the related models whose pivot names it.

        Laravel: ``BelongsToMany::match()``.
        """
        dictionary = self.build_dictionary(results)
        for model in models:
            key = self.get_dictionary_key(model.get_attribute(self.parent_key))
            if key is not None and key in dictionary:
                model.set_relation(
                    relation, self.related.new_collection(dictionary[key])
                )
        return models

    def build_dictionary(self, results: t.Iterable[Model]) -> dict[t.Any, list[Model]]:
        """Group the related models by the parent key in their pivot.

        Laravel: ``BelongsToMany::buildDictionary()``.
        """
        dictionary: dict[t.Any, list[Model]] = {}
        for result in results:
            pivot = result.get_relation(self.accessor)
            key = self.get_dictionary_key(pivot.get_attribute(self.foreign_pivot_key))
            if key is not None:
                dictionary.setdefault(key, []).append(result)
        return dictionary

    # -- configuration -------------------------------------------------------------

    def get_pivot_class(self) -> type[Pivot]:
        """Return the pivot model class (``using``'s, else Pivot). Laravel: ``getPivotClass()``."""
        if self.using_class is not None:
            return self.using_class
        from protevus.database.eloquent.relations.pivot import Pivot

        return Pivot

    def using(self, class_: type[Pivot]) -> t.Self:
        """Use a custom pivot model class. Laravel: ``BelongsToMany::using()``."""
        self.using_class = class_
        return self

    def as_(self, accessor: str) -> t.Self:
        """Name the relation holding the pivot (``pivot`` by default). Laravel: ``BelongsToMany::as()``."""
        self.accessor = accessor
        return self

    def with_timestamps(
        self, created_at: str | None | bool = None, updated_at: str | None | bool = None
    ) -> t.Self:
        """Fill and select the pivot's created/updated columns (``False`` skips one).

        Laravel: ``BelongsToMany::withTimestamps()``.
        """
        self.pivot_created_at = created_at if isinstance(created_at, str) else None
        self.pivot_updated_at = updated_at if isinstance(updated_at, str) else None
        pivots = [
            name
            for name in (
                self.created_at() if created_at is not False else None,
                self.updated_at() if updated_at is not False else None,
            )
            if name
        ]
        self.with_timestamps_value = bool(pivots)
        return self.with_pivot(pivots) if pivots else self

    def created_at(self) -> str:
        """Return the pivot's created-at column. Laravel: ``BelongsToMany::createdAt()``."""
        return self.pivot_created_at or str(
            self.parent.get_created_at_column() or "created_at"
        )

    def updated_at(self) -> str:
        """Return the pivot's updated-at column. Laravel: ``BelongsToMany::updatedAt()``."""
        return self.pivot_updated_at or str(
            self.parent.get_updated_at_column() or "updated_at"
        )

    # -- results -------------------------------------------------------------------

    def get_results(self) -> Collection:
        """Return the related models of the parent. Laravel: ``BelongsToMany::getResults()``."""
        if self.parent.get_attribute(self.parent_key) is None:
            return t.cast("Collection", self.related.new_collection([]))
        return self.get()

    def get(self, columns: t.Any = _ALL) -> Collection:
        """Run the query; give each model its pivot; eager load nested relations.

        Laravel: ``BelongsToMany::get()``.
        """
        builder = self.query.apply_scopes()
        if builder.get_query().columns:
            columns = []
        builder.add_select(self.should_select(columns))
        models = list(builder.get_models())
        self.hydrate_pivot_relation(models)
        if models:
            models = list(builder.eager_load_relations(models))
        return t.cast("Collection", self.related.new_collection(models))

    def should_select(self, columns: t.Any = _ALL) -> list[t.Any]:
        """Return the select list: the columns plus the aliased pivot columns.

        Laravel: ``BelongsToMany::shouldSelect()``.
        """
        if columns is None:
            columns = ["*"]
        columns = [columns] if isinstance(columns, str) else list(columns)
        if columns == ["*"]:
            columns = [self.related.qualify_column("*")]
        return [*columns, *self.aliased_pivot_columns()]

    def aliased_pivot_columns(self) -> list[str]:
        """Return the pivot columns as ``table.column as pivot_column``.

        Laravel: ``BelongsToMany::aliasedPivotColumns()``.
        """
        seen: list[str] = []
        for column in self._pivot_select_columns():
            aliased = f"{self.qualify_pivot_column(column)} as pivot_{column}"
            if aliased not in seen:
                seen.append(aliased)
        return seen

    def _pivot_select_columns(self) -> list[t.Any]:
        return [self.foreign_pivot_key, self.related_pivot_key, *self.pivot_columns]

    def hydrate_pivot_relation(self, models: t.Iterable[Model]) -> None:
        """Move each model's ``pivot_*`` columns into a pivot model relation.

        Laravel: ``BelongsToMany::hydratePivotRelation()``.
        """
        for model in models:
            pivot = self.new_existing_pivot(self.migrate_pivot_attributes(model))
            model.set_relation(self.accessor, pivot)

    def migrate_pivot_attributes(self, model: Model) -> dict[str, t.Any]:
        """Take the ``pivot_*`` columns off a model. Laravel: ``migratePivotAttributes()``."""
        values: dict[str, t.Any] = {}
        for key in [k for k in model.attributes if k.startswith("pivot_")]:
            values[key[6:]] = model.attributes.pop(key)
            model.original.pop(key, None)
        return values

    # -- touching ------------------------------------------------------------------

    def touch_if_touching(self) -> None:
        """Touch the parent and/or related models when the relation is in ``touches``.

        Laravel: ``BelongsToMany::touchIfTouching()``.
        """
        if self.touching_parent():
            self.parent.touch()
        if self.relation_name and _touches(self.parent, self.relation_name):
            self.touch()

    def touching_parent(self) -> bool:
        """Return whether the related model touches the parent. Laravel: ``touchingParent()``."""
        return _touches(self.related, self.guess_inverse_relation())

    def guess_inverse_relation(self) -> str:
        """Guess the related model's relation back to the parent (``posts`` for Post).

        Laravel: ``BelongsToMany::guessInverseRelation()``.
        """
        return Str.plural(Str.snake(type(self.parent).__name__))

    def touch(self) -> None:
        """Update the updated-at column of every related model.

        Laravel: ``BelongsToMany::touch()``.
        """
        ignoring = getattr(type(self.related), "is_ignoring_touch", None)
        if callable(ignoring) and ignoring():
            return
        if not self.related.uses_timestamps():
            return
        column = self.related.get_updated_at_column()
        if not column:
            return
        ids = self.all_related_ids().all()
        if ids:
            self.related.new_query_without_relationships().where_in(
                self.get_qualified_related_key_name(), list(ids)
            ).update({column: self.related.fresh_timestamp_string()})

    def all_related_ids(self) -> BaseCollection:
        """Return the related ids in the pivot table. Laravel: ``BelongsToMany::allRelatedIds()``."""
        return self.new_pivot_query().pluck(self.related_pivot_key)

    # -- saving --------------------------------------------------------------------

    def save(
        self,
        model: Model,
        pivot_attributes: t.Mapping[str, t.Any] | None = None,
        touch: bool = True,
    ) -> Model:
        """Save the model and attach it. Laravel: ``BelongsToMany::save()``."""
        model.save({"touch": False})
        self.attach(model, pivot_attributes, touch)
        return model

    def save_quietly(
        self,
        model: Model,
        pivot_attributes: t.Mapping[str, t.Any] | None = None,
        touch: bool = True,
    ) -> Model:
        """Save and attach the model without firing its events. Laravel: ``saveQuietly()``."""
        without_events = getattr(type(model), "without_events", None)
        if without_events is None:
            return self.save(model, pivot_attributes, touch)
        return t.cast(
            "Model", without_events(lambda: self.save(model, pivot_attributes, touch))
        )

    def save_many(self, models: t.Any, pivot_attributes: t.Any = None) -> t.Any:
        """Save and attach several models (``pivot_attributes`` by position or key).

        Laravel: ``BelongsToMany::saveMany()``.
        """
        items = models.items() if isinstance(models, dict) else enumerate(models)
        for key, model in items:
            self.save(model, _at(pivot_attributes, key), False)
        self.touch_if_touching()
        return models

    def create(
        self,
        attributes: t.Mapping[str, t.Any] | None = None,
        joining: t.Mapping[str, t.Any] | None = None,
        touch: bool = True,
    ) -> Model:
        """Create a related model (mass assignment rules apply) and attach it.

        Laravel: ``BelongsToMany::create()``.
        """
        instance = self.related.new_instance(dict(attributes or {}))
        instance.save({"touch": False})
        self.attach(instance, joining, touch)
        return t.cast("Model", instance)

    def create_many(
        self, records: t.Iterable[t.Any], joinings: t.Any = None
    ) -> list[Model]:
        """Create and attach several related models. Laravel: ``BelongsToMany::createMany()``."""
        instances = [
            self.create(record, _at(joinings, key), False)
            for key, record in enumerate(records)
        ]
        self.touch_if_touching()
        return instances

    # -- relation queries (has / where_has) ------------------------------------------

    def get_relation_existence_query(
        self, query: Builder, parent_query: Builder, columns: t.Any = _ALL
    ) -> Builder:
        """Constrain an existence query (``has('tags')``) through the pivot table.

        Laravel: ``BelongsToMany::getRelationExistenceQuery()``.
        """
        if parent_query.get_query().from_value == query.get_query().from_value:
            return self.get_relation_existence_query_for_self_join(
                query, parent_query, columns
            )
        self.perform_join(query)
        return super().get_relation_existence_query(query, parent_query, columns)

    def get_relation_existence_query_for_self_join(
        self, query: Builder, parent_query: Builder, columns: t.Any = _ALL
    ) -> Builder:
        """Constrain an existence query on a self-referencing many-to-many.

        Laravel: ``BelongsToMany::getRelationExistenceQueryForSelfJoin()``.
        """
        query.select(columns)
        hash_ = self.get_relation_count_hash()
        query.from_(f"{self.related.get_table()} as {hash_}")
        self.related.set_table(hash_)
        self.perform_join(query)
        return super().get_relation_existence_query(query, parent_query, columns)

    def get_existence_compare_key(self) -> str:
        """Return the pivot column compared with the parent key. Laravel: ``getExistenceCompareKey()``."""
        return self.get_qualified_foreign_pivot_key_name()

    def take(self, value: int | None) -> t.Self:
        """Limit the number of related models. Laravel: ``BelongsToMany::take()``."""
        return self.limit(value)

    def limit(self, value: int | None) -> t.Self:
        """Limit the number of related models. Laravel: ``BelongsToMany::limit()``."""
        self.query.limit(value)
        return self

    # -- names ---------------------------------------------------------------------

    def get_foreign_pivot_key_name(self) -> str:
        """Return the pivot column holding the parent key. Laravel: ``getForeignPivotKeyName()``."""
        return self.foreign_pivot_key

    def get_qualified_foreign_pivot_key_name(self) -> str:
        """Return ``table.foreign_pivot_key``. Laravel: ``getQualifiedForeignPivotKeyName()``."""
        return t.cast(str, self.qualify_pivot_column(self.foreign_pivot_key))

    def get_related_pivot_key_name(self) -> str:
        """Return the pivot column holding the related key. Laravel: ``getRelatedPivotKeyName()``."""
        return self.related_pivot_key

    def get_qualified_related_pivot_key_name(self) -> str:
        """Return ``table.related_pivot_key``. Laravel: ``getQualifiedRelatedPivotKeyName()``."""
        return t.cast(str, self.qualify_pivot_column(self.related_pivot_key))

    def get_parent_key_name(self) -> str:
        """Return the parent's key column. Laravel: ``BelongsToMany::getParentKeyName()``."""
        return self.parent_key

    def get_qualified_parent_key_name(self) -> str:
        """Return ``parents.key``. Laravel: ``BelongsToMany::getQualifiedParentKeyName()``."""
        return t.cast(str, self.parent.qualify_column(self.parent_key))

    def get_related_key_name(self) -> str:
        """Return the related model's key column. Laravel: ``getRelatedKeyName()``."""
        return self.related_key

    def get_qualified_related_key_name(self) -> str:
        """Return ``related.key``. Laravel: ``getQualifiedRelatedKeyName()``."""
        return t.cast(str, self.related.qualify_column(self.related_key))

    def get_table(self) -> str:
        """Return the pivot table. Laravel: ``BelongsToMany::getTable()``."""
        return self.table

    def get_relation_name(self) -> str | None:
        """Return the relation's name. Laravel: ``BelongsToMany::getRelationName()``."""
        return self.relation_name

    def get_pivot_accessor(self) -> str:
        """Return the name of the pivot relation on related models. Laravel: ``getPivotAccessor()``."""
        return self.accessor

    def get_pivot_columns(self) -> list[t.Any]:
        """Return the extra pivot columns selected. Laravel: ``getPivotColumns()``."""
        return self.pivot_columns


def _touches(model: t.Any, relation: str) -> bool:
    """Return whether the model lists ``relation`` in its ``touches``."""
    method = getattr(model, "get_touched_relations", None)
    touched = method() if callable(method) else getattr(type(model), "touches", [])
    return relation in (touched or [])


def _at(values: t.Any, key: t.Any) -> dict[str, t.Any]:
    """Return the per-item pivot values given by position (list) or key (dict)."""
    if not values:
        return {}
    try:
        item = values[key]
    except (KeyError, IndexError, TypeError):
        return {}
    return dict(item or {})
