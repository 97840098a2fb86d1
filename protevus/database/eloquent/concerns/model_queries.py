"""Start queries from a model and build models from rows.

Laravel: the query half of ``Illuminate\\Database\\Eloquent\\Model`` (``query()``,
``newQuery()``, ``newFromBuilder()``, ``all()``, ``on()``, ``load()``...).
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.concerns.has_attributes import class_defines
from protevus.support.aliases import camel_aliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.collection import Collection


@camel_aliases
class ModelQueries:
    """Start queries from a model and build models from rows.

    Laravel: ``Model::query()``, ``newQuery()``, ``newFromBuilder()``, ``hydrate()``...
    """

    if t.TYPE_CHECKING:

        def __getattr__(self, name: str) -> t.Any: ...

    # -- starting queries ------------------------------------------------------------

    @classmethod
    def query(cls) -> Builder:
        """Begin a query on the model (global scopes applied). Laravel: ``Model::query()``."""
        return t.cast(t.Any, cls)().new_query()

    @classmethod
    def on(cls, connection: str | None = None) -> Builder:
        """Begin a query on another connection. Laravel: ``Model::on()``."""
        instance = t.cast(t.Any, cls)()
        instance.set_connection(connection)
        return instance.new_query()

    @classmethod
    def on_write_connection(cls) -> Builder:
        """Begin a query that reads from the write connection. Laravel: ``Model::onWriteConnection()``."""
        return cls.query().use_write_pdo()

    @classmethod
    def all(cls, columns: t.Any = ("*",)) -> Collection:
        """Get every model of the table. Laravel: ``Model::all()``."""
        return cls.query().get(columns)

    def new_query(self) -> Builder:
        """Get a builder with global scopes and default eager loads. Laravel: ``newQuery()``."""
        return self.register_global_scopes(self.new_query_without_scopes())

    def new_model_query(self) -> Builder:
        """Get a builder without scopes nor default eager loads. Laravel: ``newModelQuery()``."""
        return self.new_eloquent_builder(self.new_base_query_builder()).set_model(
            t.cast(t.Any, self)
        )

    def new_query_without_relationships(self) -> Builder:
        """Get a builder with global scopes but no default eager loads. Laravel: ``newQueryWithoutRelationships()``."""
        return self.register_global_scopes(self.new_model_query())

    def new_query_without_scopes(self) -> Builder:
        """Get a builder with default eager loads but no global scopes. Laravel: ``newQueryWithoutScopes()``."""
        builder = self.new_model_query()
        if self._with_defaults:
            builder = builder.with_(*self._with_defaults)
        if self._with_count_defaults:
            builder = builder.with_count(*self._with_count_defaults)
        return builder

    def new_query_without_scope(self, scope: t.Any) -> Builder:
        """Get a builder without one global scope. Laravel: ``newQueryWithoutScope()``."""
        return self.new_query().without_global_scope(scope)

    def new_query_for_restoration(self, ids: t.Any) -> Builder:
        """Get a builder (no scopes) for the given keys. Laravel: ``newQueryForRestoration()``."""
        return self.new_query_without_scopes().where_key(ids)

    def register_global_scopes(self, builder: Builder) -> Builder:
        """Add the model's global scopes to ``builder``. Laravel: ``registerGlobalScopes()``."""
        for identifier, scope in self.get_global_scopes().items():
            builder.with_global_scope(identifier, scope)
        return builder

    def new_eloquent_builder(self, query: t.Any) -> Builder:
        """Wrap a base query builder in an Eloquent builder (override to customise).

        Laravel: ``Model::newEloquentBuilder()``.
        """
        from protevus.database.eloquent.builder import Builder

        return Builder(query)

    def new_base_query_builder(self) -> t.Any:
        """Get a base query builder on the model's connection. Laravel: ``newBaseQueryBuilder()``."""
        return self.get_connection().query()

    # -- local scopes ------------------------------------------------------------------

    def has_named_scope(self, name: str) -> bool:
        """Return whether the model has the local scope ``name``. Laravel: ``hasNamedScope()``."""
        from protevus.database.eloquent.scopes import LocalScope

        if class_defines(type(self), f"scope_{name}"):
            return True
        for klass in type(self).__mro__:
            if name in klass.__dict__:
                return isinstance(klass.__dict__[name], LocalScope)
        return False

    def call_named_scope(self, name: str, builder: t.Any, *parameters: t.Any) -> t.Any:
        """Run the local scope ``name`` on ``builder``. Laravel: ``callNamedScope()``."""
        if class_defines(type(self), f"scope_{name}"):
            return getattr(self, f"scope_{name}")(builder, *parameters)
        for klass in type(self).__mro__:
            if name in klass.__dict__:
                return klass.__dict__[name].func(self, builder, *parameters)
        return None

    # -- making models -------------------------------------------------------------

    def new_instance(
        self, attributes: t.Mapping[str, t.Any] | None = None, exists: bool = False
    ) -> t.Any:
        """Make a new model of the same class, connection and table, filled with ``attributes``.

        Laravel: ``Model::newInstance()``.
        """
        model = type(self)()
        model.__dict__["exists"] = exists
        model.set_connection(self.get_connection_name())
        model.set_table(self.get_table())
        casts = self.get_merged_casts()
        if casts:
            model.merge_casts(casts)
        model.fill(attributes or {})
        return model

    def new_from_builder(
        self, attributes: t.Mapping[str, t.Any], connection: str | None = None
    ) -> t.Any:
        """Make an existing model from a database row (fires ``retrieved``). Laravel: ``newFromBuilder()``.

        The same steps as ``new_instance({}, True)`` then ``set_raw_attributes(row,
        True)``, without filling and syncing the defaults the row replaces at once:
        this runs for every row a query returns.
        """
        cls: t.Any = type(self)
        model = cls.__new__(cls)
        state = model.__dict__
        row = dict(attributes)
        initializers = cls._initializers.get(cls, ())
        # The defaults only matter to initialize_* hooks; the row replaces them.
        state["attributes"] = dict(cls.attributes) if initializers else row
        state["original"] = {}
        state["changes"] = {}
        state["previous"] = {}
        state["relations"] = {}
        state["exists"] = True
        state["was_recently_created"] = False
        for name in initializers:
            getattr(model, name)()
        own = self.__dict__
        if "table" in own:
            state["table"] = own["table"]
        if own.get("_merged_casts"):
            model.merge_casts(self.get_merged_casts())
        state["attributes"] = row
        state["original"] = dict(row)
        state["connection"] = connection or self.get_connection_name()
        model._fire("retrieved", False)
        return model

    @classmethod
    def hydrate(cls, rows: t.Iterable[t.Mapping[str, t.Any]]) -> Collection:
        """Make existing models from rows. Laravel: ``Builder::hydrate()`` (``Post::hydrate($rows)``)."""
        instance = t.cast(t.Any, cls)()
        return t.cast(
            "Collection",
            instance.new_collection([instance.new_from_builder(row) for row in rows]),
        )

    # -- loading relations ------------------------------------------------------------

    def load(self, *relations: t.Any) -> t.Self:
        """Eager load relations on this model. Laravel: ``Model::load()``."""
        self.new_collection([self]).load(*relations)
        return self

    def load_missing(self, *relations: t.Any) -> t.Self:
        """Eager load the relations not loaded yet. Laravel: ``Model::loadMissing()``."""
        self.new_collection([self]).load_missing(*relations)
        return self

    def load_aggregate(
        self, relations: t.Any, column: str, function: str | None = None
    ) -> t.Self:
        """Load a relation aggregate (``comments_max_votes``). Laravel: ``Model::loadAggregate()``."""
        self.new_collection([self]).load_aggregate(relations, column, function)
        return self

    def load_count(self, *relations: t.Any) -> t.Self:
        """Load relation counts (``comments_count``). Laravel: ``Model::loadCount()``."""
        self.new_collection([self]).load_count(*relations)
        return self

    def load_max(self, relations: t.Any, column: str) -> t.Self:
        """Load a relation maximum. Laravel: ``Model::loadMax()``."""
        return self.load_aggregate(relations, column, "max")

    def load_min(self, relations: t.Any, column: str) -> t.Self:
        """Load a relation minimum. Laravel: ``Model::loadMin()``."""
        return self.load_aggregate(relations, column, "min")

    def load_sum(self, relations: t.Any, column: str) -> t.Self:
        """Load a relation sum. Laravel: ``Model::loadSum()``."""
        return self.load_aggregate(relations, column, "sum")

    def load_avg(self, relations: t.Any, column: str) -> t.Self:
        """Load a relation average. Laravel: ``Model::loadAvg()``."""
        return self.load_aggregate(relations, column, "avg")

    def load_exists(self, *relations: t.Any) -> t.Self:
        """Load relation existence flags (``comments_exists``). Laravel: ``Model::loadExists()``."""
        return self.load_aggregate(list(relations), "*", "exists")
