"""The shared half of has-one-through and has-many-through: reach far models via a middle table.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasOneOrManyThrough``.

``Country.posts`` through ``User``: ``select "posts".*, "users"."country_id" as
"laravel_through_key" from "posts" inner join "users" on "users"."id" = "posts"."user_id"
where "users"."country_id" = ?``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.relations.relation import Relation
from protevus.database.eloquent.relations.relation import _class_path
from protevus.database.exceptions import UniqueConstraintViolationError

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model

THROUGH_KEY = "laravel_through_key"


class HasOneOrManyThrough(Relation):
    """Query the far models whose middle row belongs to the far parent.

    ``first_key`` is the middle table's key to the far parent (``users.country_id``),
    ``second_key`` the far table's key to the middle (``posts.user_id``), ``local_key``
    the far parent's column (``countries.id``) and ``second_local_key`` the middle
    table's column (``users.id``).

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\HasOneOrManyThrough``.
    """

    through_parent: Model
    far_parent: Model
    first_key: str
    second_key: str
    local_key: str
    second_local_key: str

    def __init__(
        self,
        query: Builder,
        far_parent: Model,
        through_parent: Model,
        first_key: str,
        second_key: str,
        local_key: str,
        second_local_key: str,
    ) -> None:
        self.local_key = local_key
        self.first_key = first_key
        self.second_key = second_key
        self.far_parent = far_parent
        self.through_parent = through_parent
        self.second_local_key = second_local_key
        super().__init__(query, through_parent)

    # -- constraints --------------------------------------------------------------

    def add_constraints(self) -> None:
        """Join the middle table and constrain to the far parent. Laravel: ``addConstraints()``."""
        local_value = self.far_parent.get_attribute(self.local_key)
        self.perform_join()
        if Relation.constraints_enabled():
            self.query.where(self.get_qualified_first_key_name(), "=", local_value)

    def perform_join(self, query: Builder | None = None) -> None:
        """Join the middle table (skipping its soft-deleted rows). Laravel: ``performJoin()``."""
        query = query if query is not None else self.query
        query.join(
            self.through_parent.get_table(),
            self.get_qualified_parent_key_name(),
            "=",
            self.get_qualified_far_key_name(),
        )
        if self.through_parent_soft_deletes():
            column = self.through_parent.get_qualified_deleted_at_column()
            query.with_global_scope(
                "SoftDeletableHasManyThrough",
                lambda builder: builder.where_null(column),
            )

    def through_parent_soft_deletes(self) -> bool:
        """Determine if the middle model soft-deletes. Laravel: ``throughParentSoftDeletes()``."""
        return any(
            cls.__name__ == "SoftDeletes" for cls in type(self.through_parent).__mro__
        )

    def with_trashed_parents(self) -> t.Self:
        """Include soft-deleted middle rows. Laravel: ``withTrashedParents()``."""
        self.query.without_global_scope("SoftDeletableHasManyThrough")
        return self

    def add_eager_constraints(self, models: t.Sequence[Model]) -> None:
        """Constrain to the far parents' keys. Laravel: ``addEagerConstraints()``."""
        self.where_in_eager(
            self.where_in_method(self.far_parent, self.local_key),
            self.get_qualified_first_key_name(),
            self.get_keys(models, self.local_key),
        )

    def build_dictionary(self, results: t.Iterable[Model]) -> dict[t.Any, list[Model]]:
        """Group results by ``laravel_through_key``. Laravel: ``buildDictionary()``."""
        dictionary: dict[t.Any, list[Model]] = {}
        for result in results:
            key = self.get_dictionary_key(result.get_attribute(THROUGH_KEY))
            dictionary.setdefault(key, []).append(result)
        return dictionary

    # -- reading ----------------------------------------------------------------------

    def first_or_new(
        self,
        attributes: dict[str, t.Any] | None = None,
        values: dict[str, t.Any] | None = None,
    ) -> Model:
        """Find the first far model matching ``attributes`` or make one. Laravel: ``firstOrNew()``."""
        attributes = attributes or {}
        found = self.clone().where(attributes).first()
        if found is not None:
            return t.cast("Model", found)
        return self.related.new_instance({**attributes, **(values or {})})

    def first_or_create(
        self,
        attributes: dict[str, t.Any] | None = None,
        values: dict[str, t.Any] | None = None,
    ) -> Model:
        """Find the first far model matching ``attributes`` or create one. Laravel: ``firstOrCreate()``."""
        attributes = attributes or {}
        found = self.clone().where(attributes).first()
        if found is not None:
            return t.cast("Model", found)
        return self.create_or_first({**attributes, **(values or {})})

    def create_or_first(
        self,
        attributes: dict[str, t.Any] | None = None,
        values: dict[str, t.Any] | None = None,
    ) -> Model:
        """Create a far model, or find it on a unique violation. Laravel: ``createOrFirst()``."""
        attributes = attributes or {}
        try:
            return t.cast(
                "Model",
                self.with_savepoint_if_needed(
                    lambda: self.related.new_query().create(
                        {**attributes, **(values or {})}
                    )
                ),
            )
        except UniqueConstraintViolationError:
            found = self.clone().where(attributes).first()
            if found is None:
                raise
            return t.cast("Model", found)

    def update_or_create(
        self, attributes: dict[str, t.Any], values: dict[str, t.Any] | None = None
    ) -> Model:
        """Update the first matching far model or create it. Laravel: ``updateOrCreate()``."""
        instance = self.first_or_create(attributes, values)
        if not instance.was_recently_created:
            instance.fill(values or {}).save()
        return instance

    def first_where(
        self,
        column: t.Any,
        operator: t.Any = None,
        value: t.Any = None,
        boolean: str = "and",
    ) -> Model | None:
        """Add a where and get the first far model. Laravel: ``firstWhere()``."""
        self.where(column, operator, value, boolean)
        return self.first()

    def first(self, columns: t.Any = None) -> Model | None:
        """Get the first far model. Laravel: ``HasOneOrManyThrough::first()``."""
        results = self.take(1).get(columns)
        return t.cast("Model | None", results.first()) if len(results) else None

    def first_or_fail(self, columns: t.Any = None) -> Model:
        """Get the first far model or raise ModelNotFoundError. Laravel: ``firstOrFail()``."""
        from protevus.database.eloquent.exceptions import ModelNotFoundError

        model = self.first(columns)
        if model is None:
            raise ModelNotFoundError(_class_path(self.related))
        return model

    def first_or(
        self, columns: t.Any = None, callback: t.Callable[[], t.Any] | None = None
    ) -> t.Any:
        """Get the first far model or the callback's result. Laravel: ``firstOr()``."""
        if callable(columns):
            callback, columns = columns, None
        model = self.first(columns)
        if model is not None:
            return model
        return callback() if callback is not None else None

    def find(self, id: t.Any, columns: t.Any = None) -> t.Any:
        """Find far model(s) by primary key. Laravel: ``HasOneOrManyThrough::find()``."""
        if isinstance(id, list | tuple | set) or hasattr(id, "to_array"):
            return self.find_many(id, columns)
        self.where(self.related.get_qualified_key_name(), "=", id)
        return self.first(columns)

    def find_many(self, ids: t.Any, columns: t.Any = None) -> Collection:
        """Find far models by primary keys. Laravel: ``HasOneOrManyThrough::findMany()``."""
        ids = list(ids.to_array() if hasattr(ids, "to_array") else ids)
        if not ids:
            return self.related.new_collection([])
        self.where_in(self.related.get_qualified_key_name(), ids)
        return self.get(columns)

    def find_or_fail(self, id: t.Any, columns: t.Any = None) -> t.Any:
        """Find far model(s) or raise ModelNotFoundError. Laravel: ``findOrFail()``."""
        from protevus.database.eloquent.exceptions import ModelNotFoundError

        result = self.find(id, columns)
        if isinstance(id, list | tuple | set):
            if len(result) == len(set(id)):
                return result
        elif result is not None:
            return result
        raise ModelNotFoundError(_class_path(self.related), id)

    def get(self, columns: t.Any = None) -> Collection:
        """Run the query, selecting the far columns and ``laravel_through_key``. Laravel: ``get()``."""
        builder = self.prepare_query_builder(columns)
        models = builder.get_models()
        if models:
            models = builder.eager_load_relations(models)
        return self.related.new_collection(models)

    def paginate(
        self,
        per_page: int | None = None,
        columns: t.Any = None,
        page_name: str = "page",
        page: int | None = None,
    ) -> t.Any:
        """Paginate the far models. Laravel: ``HasOneOrManyThrough::paginate()``."""
        columns = ["*"] if columns is None else columns
        self.query.add_select(self.should_select(columns))
        return self.query.paginate(per_page, columns, page_name, page)

    def simple_paginate(
        self,
        per_page: int | None = None,
        columns: t.Any = None,
        page_name: str = "page",
        page: int | None = None,
    ) -> t.Any:
        """Paginate without a total. Laravel: ``HasOneOrManyThrough::simplePaginate()``."""
        columns = ["*"] if columns is None else columns
        self.query.add_select(self.should_select(columns))
        return self.query.simple_paginate(per_page, columns, page_name, page)

    def should_select(self, columns: t.Any = None) -> list[t.Any]:
        """Get the select list with ``laravel_through_key`` added. Laravel: ``shouldSelect()``."""
        columns = ["*"] if columns is None else list(columns)
        if columns == ["*"]:
            columns = [self.related.qualify_column("*")]
        return [*columns, f"{self.get_qualified_first_key_name()} as {THROUGH_KEY}"]

    def chunk(self, count: int, callback: t.Callable[..., t.Any]) -> bool:
        """Process the far models in chunks. Laravel: ``HasOneOrManyThrough::chunk()``."""
        return bool(self.prepare_query_builder().chunk(count, callback))

    def each(self, callback: t.Callable[..., t.Any], count: int = 1000) -> bool:
        """Call ``callback(model, key)`` for each far model, by chunks. Laravel: ``each()``."""

        def walk(results: t.Any) -> bool | None:
            for key, model in results.items():
                if callback(model, key) is False:
                    return False
            return None

        return self.chunk(count, walk)

    def cursor(self) -> t.Any:
        """Iterate the far models lazily. Laravel: ``HasOneOrManyThrough::cursor()``."""
        return self.prepare_query_builder().cursor()

    def lazy(self, chunk_size: int = 1000) -> t.Any:
        """Iterate the far models lazily by chunks. Laravel: ``HasOneOrManyThrough::lazy()``."""
        return self.prepare_query_builder().lazy(chunk_size)

    def prepare_query_builder(self, columns: t.Any = None) -> Builder:
        """Apply scopes and the through-key select. Laravel: ``prepareQueryBuilder()``."""
        builder = self.query.apply_scopes()
        selected = builder.get_query().columns
        builder.add_select(
            self.should_select(
                [] if selected else (["*"] if columns is None else columns)
            )
        )
        return builder

    # -- existence queries --------------------------------------------------------

    def get_relation_existence_query(
        self, query: Builder, parent_query: Builder, columns: t.Any = None
    ) -> Builder:
        """Join the middle table into ``query`` for has/where_has. Laravel: ``getRelationExistenceQuery()``."""
        parent_from = parent_query.get_query().from_value
        if parent_from == query.get_query().from_value:
            return self.get_relation_existence_query_for_self_relation(
                query, parent_query, columns
            )
        if parent_from == self.through_parent.get_table():
            return self.get_relation_existence_query_for_through_self_relation(
                query, parent_query, columns
            )
        self.perform_join(query)
        query.select(["*"] if columns is None else columns)
        query.where_column(
            self.get_qualified_local_key_name(),
            "=",
            self.get_qualified_first_key_name(),
        )
        return query

    def get_relation_existence_query_for_self_relation(
        self, query: Builder, parent_query: Builder, columns: t.Any = None
    ) -> Builder:
        """Alias the far table when it is also the far parent's. Laravel: ``getRelationExistenceQueryForSelfRelation()``."""
        hash_ = self.get_relation_count_hash()
        query.from_(f"{query.get_model().get_table()} as {hash_}")
        query.join(
            self.through_parent.get_table(),
            self.get_qualified_parent_key_name(),
            "=",
            f"{hash_}.{self.second_key}",
        )
        if self.through_parent_soft_deletes():
            query.where_null(self.through_parent.get_qualified_deleted_at_column())
        query.get_model().set_table(hash_)
        query.select(["*"] if columns is None else columns)
        query.where_column(
            f"{parent_query.get_query().from_value}.{self.local_key}",
            "=",
            self.get_qualified_first_key_name(),
        )
        return query

    def get_relation_existence_query_for_through_self_relation(
        self, query: Builder, parent_query: Builder, columns: t.Any = None
    ) -> Builder:
        """Alias the middle table when it is the far parent's. Laravel: ``getRelationExistenceQueryForThroughSelfRelation()``."""
        hash_ = self.get_relation_count_hash()
        query.join(
            f"{self.through_parent.get_table()} as {hash_}",
            f"{hash_}.{self.second_local_key}",
            "=",
            self.get_qualified_far_key_name(),
        )
        if self.through_parent_soft_deletes():
            query.where_null(f"{hash_}.{self.through_parent.get_deleted_at_column()}")
        query.select(["*"] if columns is None else columns)
        query.where_column(
            f"{parent_query.get_query().from_value}.{self.local_key}",
            "=",
            f"{hash_}.{self.first_key}",
        )
        return query

    def get_existence_compare_key(self) -> str:
        """Compare the middle table's first key. Laravel: none (existence query override)."""
        return self.get_qualified_first_key_name()

    # -- keys -----------------------------------------------------------------------

    def get_qualified_parent_key_name(self) -> str:
        """Get the middle table's qualified local key (``users.id``). Laravel: ``getQualifiedParentKeyName()``."""
        return self.parent.qualify_column(self.second_local_key)

    def get_qualified_far_key_name(self) -> str:
        """Get the far table's qualified key (``posts.user_id``). Laravel: ``getQualifiedFarKeyName()``."""
        return self.get_qualified_foreign_key_name()

    def get_first_key_name(self) -> str:
        """Get the middle table's key to the far parent. Laravel: ``getFirstKeyName()``."""
        return self.first_key

    def get_qualified_first_key_name(self) -> str:
        """Get the qualified first key (``users.country_id``). Laravel: ``getQualifiedFirstKeyName()``."""
        return self.through_parent.qualify_column(self.first_key)

    def get_foreign_key_name(self) -> str:
        """Get the far table's key to the middle (``user_id``). Laravel: ``getForeignKeyName()``."""
        return self.second_key

    def get_qualified_foreign_key_name(self) -> str:
        """Get the qualified far key (``posts.user_id``). Laravel: ``getQualifiedForeignKeyName()``."""
        return self.related.qualify_column(self.second_key)

    def get_local_key_name(self) -> str:
        """Get the far parent's column (``id``). Laravel: ``getLocalKeyName()``."""
        return self.local_key

    def get_qualified_local_key_name(self) -> str:
        """Get the far parent's qualified column (``countries.id``). Laravel: ``getQualifiedLocalKeyName()``."""
        return self.far_parent.qualify_column(self.local_key)

    def get_second_local_key_name(self) -> str:
        """Get the middle table's column (``id``). Laravel: ``getSecondLocalKeyName()``."""
        return self.second_local_key
