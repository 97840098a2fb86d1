"""The shared half of has-one and has-many: the child rows carry the parent's key.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasOneOrMany``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.relations.relation import Relation
from protevus.database.exceptions import UniqueConstraintViolationError

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model


class HasOneOrMany(Relation):
    """Query and write the children whose ``foreign_key`` holds the parent's ``local_key``.

    ``foreign_key`` is qualified (``comments.post_id``); ``local_key`` is a column of
    the parent (``id``).

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasOneOrMany``.
    """

    foreign_key: str
    local_key: str

    def __init__(
        self, query: Builder, parent: Model, foreign_key: str, local_key: str
    ) -> None:
        self.local_key = local_key
        self.foreign_key = foreign_key
        super().__init__(query, parent)

    # -- constraints --------------------------------------------------------------

    def add_constraints(self) -> None:
        """Constrain to ``foreign_key = parent key`` (and not null). Laravel: ``addConstraints()``."""
        if Relation.constraints_enabled():
            query = self.get_relation_query()
            query.where(self.foreign_key, "=", self.get_parent_key())
            query.where_not_null(self.foreign_key)

    def add_eager_constraints(self, models: t.Sequence[Model]) -> None:
        """Constrain to ``foreign_key in (keys of models)``. Laravel: ``addEagerConstraints()``."""
        self.where_in_eager(
            self.where_in_method(self.parent, self.local_key),
            self.foreign_key,
            self.get_keys(models, self.local_key),
            self.get_relation_query(),
        )

    # -- eager matching -----------------------------------------------------------

    def match_one(
        self, models: t.Sequence[Model], results: Collection, relation: str
    ) -> t.Sequence[Model]:
        """Set the first matching child on each parent. Laravel: ``HasOneOrMany::matchOne()``."""
        return self.match_one_or_many(models, results, relation, "one")

    def match_many(
        self, models: t.Sequence[Model], results: Collection, relation: str
    ) -> t.Sequence[Model]:
        """Set a collection of matching children on each parent. Laravel: ``matchMany()``."""
        return self.match_one_or_many(models, results, relation, "many")

    def match_one_or_many(
        self, models: t.Sequence[Model], results: Collection, relation: str, type_: str
    ) -> t.Sequence[Model]:
        """Match children to parents through a dictionary keyed by the foreign key.

        Laravel: ``HasOneOrMany::matchOneOrMany()``.
        """
        dictionary = self.build_dictionary(results)
        for model in models:
            key = self.get_dictionary_key(model.get_attribute(self.local_key))
            if key in dictionary:
                children = dictionary[key]
                value = (
                    children[0]
                    if type_ == "one"
                    else self.related.new_collection(children)
                )
                model.set_relation(relation, value)
        return models

    def build_dictionary(self, results: t.Iterable[Model]) -> dict[t.Any, list[Model]]:
        """Group ``results`` by their foreign key. Laravel: ``HasOneOrMany::buildDictionary()``."""
        foreign = self.get_foreign_key_name()
        dictionary: dict[t.Any, list[Model]] = {}
        for result in results:
            dictionary.setdefault(
                self.get_dictionary_key(result.get_attribute(foreign)), []
            ).append(result)
        return dictionary

    # -- reading and writing children ----------------------------------------------

    def make(self, attributes: dict[str, t.Any] | None = None) -> Model:
        """Make an unsaved child with the parent key set. Laravel: ``HasOneOrMany::make()``."""
        instance = self.related.new_instance(attributes or {})
        self.set_foreign_attributes_for_create(instance)
        return instance

    def make_many(self, records: t.Iterable[dict[str, t.Any]]) -> Collection:
        """Make unsaved children. Laravel: ``HasOneOrMany::makeMany()``."""
        return self.related.new_collection([self.make(record) for record in records])

    def find_or_new(self, id: t.Any, columns: t.Any = None) -> t.Any:
        """Find a child by key or make a new one. Laravel: ``HasOneOrMany::findOrNew()``."""
        instance = self.query.find(id, ["*"] if columns is None else columns)
        if instance is None:
            instance = self.related.new_instance()
            self.set_foreign_attributes_for_create(instance)
        return instance

    def first_or_new(
        self,
        attributes: dict[str, t.Any] | None = None,
        values: dict[str, t.Any] | None = None,
    ) -> Model:
        """Find the first child matching ``attributes`` or make one. Laravel: ``firstOrNew()``."""
        attributes = attributes or {}
        instance = self.clone().where(attributes).first()
        if instance is None:
            instance = self.related.new_instance({**attributes, **(values or {})})
            self.set_foreign_attributes_for_create(instance)
        return t.cast("Model", instance)

    def first_or_create(
        self,
        attributes: dict[str, t.Any] | None = None,
        values: dict[str, t.Any] | None = None,
    ) -> Model:
        """Find the first child matching ``attributes`` or create one. Laravel: ``firstOrCreate()``."""
        attributes = attributes or {}
        instance = self.clone().where(attributes).first()
        if instance is None:
            instance = self.create_or_first(attributes, values)
        return t.cast("Model", instance)

    def create_or_first(
        self,
        attributes: dict[str, t.Any] | None = None,
        values: dict[str, t.Any] | None = None,
    ) -> Model:
        """Create a child, or find it when a unique index says it exists. Laravel: ``createOrFirst()``."""
        attributes = attributes or {}
        try:
            return t.cast(
                "Model",
                self.with_savepoint_if_needed(
                    lambda: self.create({**attributes, **(values or {})})
                ),
            )
        except UniqueConstraintViolationError:
            found = self.clone().use_write_pdo().where(attributes).first()
            if found is None:
                raise
            return t.cast("Model", found)

    def update_or_create(
        self, attributes: dict[str, t.Any], values: dict[str, t.Any] | None = None
    ) -> Model:
        """Update the first child matching ``attributes``, or create it. Laravel: ``updateOrCreate()``."""
        instance = self.first_or_create(attributes, values)
        if not instance.was_recently_created:
            instance.fill(values or {}).save()
        return instance

    def upsert(self, values: t.Any, unique_by: t.Any, update: t.Any = None) -> int:
        """Insert or update children, all with the parent key. Laravel: ``HasOneOrMany::upsert()``."""
        rows = [values] if isinstance(values, dict) else list(values)
        rows = [
            {**row, self.get_foreign_key_name(): self.get_parent_key()} for row in rows
        ]
        return self.query.upsert(rows, unique_by, update)

    def save(self, model: Model) -> Model | t.Literal[False]:
        """Set the parent key on ``model`` and save it. Laravel: ``HasOneOrMany::save()``."""
        self.set_foreign_attributes_for_create(model)
        return model if model.save() else False

    def save_quietly(self, model: Model) -> Model | t.Literal[False]:
        """Save ``model`` as a child without model events. Laravel: ``saveQuietly()``."""
        return t.cast(
            "Model | t.Literal[False]", self._without_events(lambda: self.save(model))
        )

    def save_many(self, models: t.Iterable[Model]) -> t.Iterable[Model]:
        """Save each of ``models`` as a child. Laravel: ``HasOneOrMany::saveMany()``."""
        for model in models:
            self.save(model)
        return models

    def save_many_quietly(self, models: t.Iterable[Model]) -> t.Iterable[Model]:
        """Save children without model events. Laravel: ``saveManyQuietly()``."""
        return t.cast(
            "t.Iterable[Model]", self._without_events(lambda: self.save_many(models))
        )

    def create(self, attributes: dict[str, t.Any] | None = None) -> Model:
        """Create and save a child (mass assignment rules apply). Laravel: ``HasOneOrMany::create()``."""
        instance = self.related.new_instance(attributes or {})
        self.set_foreign_attributes_for_create(instance)
        instance.save()
        return instance

    def create_quietly(self, attributes: dict[str, t.Any] | None = None) -> Model:
        """Create a child without model events. Laravel: ``createQuietly()``."""
        return t.cast("Model", self._without_events(lambda: self.create(attributes)))

    def force_create(self, attributes: dict[str, t.Any] | None = None) -> Model:
        """Create a child ignoring mass-assignment protection. Laravel: ``forceCreate()``."""
        attributes = {
            **(attributes or {}),
            self.get_foreign_key_name(): self.get_parent_key(),
        }
        return t.cast("Model", self.related.new_query().force_create(attributes))

    def force_create_quietly(self, attributes: dict[str, t.Any] | None = None) -> Model:
        """Force-create a child without model events. Laravel: ``forceCreateQuietly()``."""
        return t.cast(
            "Model", self._without_events(lambda: self.force_create(attributes))
        )

    def create_many(self, records: t.Iterable[dict[str, t.Any]]) -> Collection:
        """Create a child for each dict of ``records``. Laravel: ``HasOneOrMany::createMany()``."""
        return self.related.new_collection([self.create(record) for record in records])

    def create_many_quietly(self, records: t.Iterable[dict[str, t.Any]]) -> Collection:
        """Create children without model events. Laravel: ``createManyQuietly()``."""
        return t.cast(
            "Collection", self._without_events(lambda: self.create_many(records))
        )

    def set_foreign_attributes_for_create(self, model: Model) -> None:
        """Write the parent key into the child's foreign key. Laravel: ``setForeignAttributesForCreate()``."""
        model.set_attribute(self.get_foreign_key_name(), self.get_parent_key())

    # -- existence queries --------------------------------------------------------

    def get_relation_existence_query(
        self, query: Builder, parent_query: Builder, columns: t.Any = None
    ) -> Builder:
        """Constrain ``query`` to children of the outer parent row. Laravel: ``getRelationExistenceQuery()``."""
        if query.get_query().from_value == parent_query.get_query().from_value:
            return self.get_relation_existence_query_for_self_relation(
                query, parent_query, columns
            )
        return super().get_relation_existence_query(query, parent_query, columns)

    def get_relation_existence_query_for_self_relation(
        self, query: Builder, parent_query: Builder, columns: t.Any = None
    ) -> Builder:
        """Alias the table when parent and children share it. Laravel: ``getRelationExistenceQueryForSelfRelation()``."""
        hash_ = self.get_relation_count_hash()
        query.from_(f"{query.get_model().get_table()} as {hash_}")
        query.get_model().set_table(hash_)
        query.select(["*"] if columns is None else columns)
        query.where_column(
            self.get_qualified_parent_key_name(),
            "=",
            f"{hash_}.{self.get_foreign_key_name()}",
        )
        return query

    def get_existence_compare_key(self) -> str:
        """Compare the qualified foreign key with the parent key. Laravel: ``getExistenceCompareKey()``."""
        return self.get_qualified_foreign_key_name()

    # -- keys -----------------------------------------------------------------------

    def get_parent_key(self) -> t.Any:
        """Get the parent's local key value. Laravel: ``HasOneOrMany::getParentKey()``."""
        return self.parent.get_attribute(self.local_key)

    def get_qualified_parent_key_name(self) -> str:
        """Get the parent's qualified local key. Laravel: ``getQualifiedParentKeyName()``."""
        return self.parent.qualify_column(self.local_key)

    def get_foreign_key_name(self) -> str:
        """Get the foreign key without its table (``post_id``). Laravel: ``getForeignKeyName()``."""
        return self.get_qualified_foreign_key_name().split(".")[-1]

    def get_qualified_foreign_key_name(self) -> str:
        """Get the qualified foreign key (``comments.post_id``). Laravel: ``getQualifiedForeignKeyName()``."""
        return self.foreign_key

    def get_local_key_name(self) -> str:
        """Get the parent's local key column. Laravel: ``HasOneOrMany::getLocalKeyName()``."""
        return self.local_key
