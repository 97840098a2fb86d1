"""The base of every Eloquent relation: a constrained query on the related model.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Relation``.

A relation wraps an Eloquent builder for the related model (``query``), the model that
declares it (``parent``) and an instance of the related model (``related``). Methods
it does not define go to the builder, and a builder call that returns the builder
returns the relation instead, so ``post.comments().where('approved', True).get()``
chains as in Laravel.
"""

from __future__ import annotations

import contextvars
import copy
import enum
import importlib
import typing as t
import uuid
from decimal import Decimal

from protevus.database.exceptions import MultipleRecordsFoundError
from protevus.database.query.expression import Expression
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model

__all__ = ["Relation", "dictionary_key", "resolve_model_class"]

# Off while Relation.no_constraints() runs (eager loading builds unconstrained relations).
_CONSTRAINTS: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "protevus_relation_constraints", default=True
)


def dictionary_key(value: t.Any) -> t.Any:
    """Return the key a parent or child is filed under while matching eager results.

    PHP arrays fold ``'1'`` and ``1`` into one key, and drivers disagree on whether a
    key column comes back as ``int``, ``str`` or ``Decimal``: fold them the same way so
    a ``post_id`` stored as text still matches ``posts.id``.

    Laravel: ``InteractsWithDictionary::getDictionaryKey()``.
    """
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    if isinstance(value, str) and value.isdigit() and (value == "0" or value[0] != "0"):
        return int(value)
    if isinstance(value, bytes | uuid.UUID):
        return str(value)
    return value


def resolve_model_class(model: t.Any) -> type[Model]:
    """Return the model class for a class, an instance or a dotted path ``'app.models.Post'``.

    Laravel: none (PHP passes class-name strings around; Python resolves them here).
    """
    if isinstance(model, type):
        return t.cast("type[Model]", model)
    if isinstance(model, str):
        module_name, _, class_name = model.rpartition(".")
        if not module_name:
            raise ValueError(
                f"Model class [{model}] is not a dotted path: pass the class itself or "
                "'package.module.Class'."
            )
        try:
            found = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError) as error:
            raise ValueError(
                f"Model class [{model}] cannot be imported: check the dotted path."
            ) from error
        return t.cast("type[Model]", found)
    return t.cast("type[Model]", type(model))


class Relation(CamelAliases, Macroable):
    """Query the models related to ``parent`` and match them to many parents at once.

    Subclasses implement ``add_constraints`` (the query for one parent),
    ``add_eager_constraints``/``init_relation``/``match`` (eager loading for many
    parents) and ``get_results`` (the lazy value).

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Relation``.
    """

    #: True on relations whose value is a collection (has-many, many-to-many...).
    many: t.ClassVar[bool] = False

    _morph_map: t.ClassVar[dict[str, t.Any]] = {}
    _require_morph_map: t.ClassVar[bool] = False
    _self_join_count: t.ClassVar[int] = 0

    query: Builder
    parent: Model
    related: Model
    eager_keys_were_empty: bool

    def __init__(self, query: Builder, parent: Model) -> None:
        self.query = query
        self.parent = parent
        self.related = query.get_model()
        self.eager_keys_were_empty = False
        self.add_constraints()

    # -- constraints ------------------------------------------------------------

    @classmethod
    def no_constraints(cls, callback: t.Callable[[], t.Any]) -> t.Any:
        """Run ``callback`` with the relations it builds left unconstrained.

        Eager loading uses it to build one relation for many parents.
        Laravel: ``Relation::noConstraints()``.
        """
        token = _CONSTRAINTS.set(False)
        try:
            return callback()
        finally:
            _CONSTRAINTS.reset(token)

    @staticmethod
    def constraints_enabled() -> bool:
        """Determine if new relations add their per-parent constraints. Laravel: ``static::$constraints``."""
        return _CONSTRAINTS.get()

    def add_constraints(self) -> None:
        """Constrain the query to the parent's related rows. Laravel: ``Relation::addConstraints()``."""
        raise NotImplementedError(
            f"[{type(self).__name__}] must implement add_constraints()."
        )

    def add_eager_constraints(self, models: t.Sequence[Model]) -> None:
        """Constrain the query to the related rows of all ``models``. Laravel: ``addEagerConstraints()``."""
        raise NotImplementedError(
            f"[{type(self).__name__}] must implement add_eager_constraints()."
        )

    def init_relation(
        self, models: t.Sequence[Model], relation: str
    ) -> t.Sequence[Model]:
        """Give every model the empty value of the relation. Laravel: ``Relation::initRelation()``."""
        raise NotImplementedError(
            f"[{type(self).__name__}] must implement init_relation()."
        )

    def match(
        self, models: t.Sequence[Model], results: Collection, relation: str
    ) -> t.Sequence[Model]:
        """Set the eagerly loaded ``results`` on their parents. Laravel: ``Relation::match()``."""
        raise NotImplementedError(f"[{type(self).__name__}] must implement match().")

    def get_results(self) -> t.Any:
        """Get the value of the relation for the parent. Laravel: ``Relation::getResults()``."""
        raise NotImplementedError(
            f"[{type(self).__name__}] must implement get_results()."
        )

    # -- running the query ------------------------------------------------------

    def get_eager(self) -> Collection:
        """Get the results of an eager load (no query when no parent had a key).

        Laravel: ``Relation::getEager()``.
        """
        if self.eager_keys_were_empty:
            return self.related.new_collection([])
        return self.get()

    def get(self, columns: t.Any = None) -> Collection:
        """Run the relation query. Laravel: ``Relation::get()``."""
        return self.query.get(["*"] if columns is None else columns)

    def sole(self, columns: t.Any = None) -> Model:
        """Get the only related model, failing when there are none or several.

        Laravel: ``Relation::sole()``.
        """
        from protevus.database.eloquent.exceptions import ModelNotFoundError

        results = self.take(2).get(columns)
        count = len(results)
        if count == 0:
            raise ModelNotFoundError(_class_path(self.related))
        if count > 1:
            raise MultipleRecordsFoundError(count)
        return t.cast("Model", results.first())

    def touch(self) -> None:
        """Set the related models' updated-at column to now. Laravel: ``Relation::touch()``."""
        model = self.get_related()
        ignoring = getattr(type(model), "is_ignoring_touch", None)
        column = model.get_updated_at_column()
        if (callable(ignoring) and ignoring()) or column is None:
            return
        self.raw_update({column: model.fresh_timestamp_string()})

    def raw_update(self, attributes: dict[str, t.Any] | None = None) -> int:
        """Update the related rows without global scopes or events. Laravel: ``Relation::rawUpdate()``."""
        return self.query.without_global_scopes().update(attributes or {})

    # -- existence queries (has / where_has / with_count) ---------------------------

    def get_relation_existence_count_query(
        self, query: Builder, parent_query: Builder
    ) -> Builder:
        """Build the ``select count(*)`` sub-query of ``with_count``.

        Laravel: ``Relation::getRelationExistenceCountQuery()``.
        """
        built = self.get_relation_existence_query(
            query, parent_query, Expression("count(*)")
        )
        built.set_bindings([], "select")
        return built

    def get_relation_existence_query(
        self, query: Builder, parent_query: Builder, columns: t.Any = None
    ) -> Builder:
        """Constrain ``query`` (on the related table) to rows of the outer parent query.

        Laravel: ``Relation::getRelationExistenceQuery()``.
        """
        query.select(["*"] if columns is None else columns)
        query.where_column(
            self.get_qualified_parent_key_name(), "=", self.get_existence_compare_key()
        )
        return query

    def get_existence_compare_key(self) -> str:
        """Get the related column compared with the parent key in existence queries."""
        raise NotImplementedError(
            f"[{type(self).__name__}] must implement get_existence_compare_key()."
        )

    def get_relation_count_hash(self, increment_join_count: bool = True) -> str:
        """Get a unique table alias for self-joins. Laravel: ``Relation::getRelationCountHash()``."""
        number = Relation._self_join_count
        if increment_join_count:
            Relation._self_join_count += 1
        return f"laravel_reserved_{number}"

    # -- helpers ------------------------------------------------------------------

    def get_keys(
        self, models: t.Iterable[Model], key: str | None = None
    ) -> list[t.Any]:
        """Get the unique, sorted values of ``key`` (the primary key by default) of ``models``.

        Laravel: ``Relation::getKeys()``.
        """
        seen: dict[t.Any, t.Any] = {}
        for model in models:
            found = model.get_attribute(key) if key else model.get_key()
            seen.setdefault(dictionary_key(found), found)
        values = list(seen.values())
        try:
            return sorted(values)
        except TypeError:
            return values

    def where_in_eager(
        self,
        where_in: str,
        key: str,
        model_keys: list[t.Any],
        query: Builder | None = None,
    ) -> None:
        """Add the eager ``where in`` on ``key``. Laravel: ``Relation::whereInEager()``."""
        getattr(query if query is not None else self.query, where_in)(key, model_keys)
        if not model_keys:
            self.eager_keys_were_empty = True

    def where_in_method(self, model: Model, key: str) -> str:
        """Choose ``where_integer_in_raw`` for integer primary keys, else ``where_in``.

        Laravel: ``Relation::whereInMethod()``.
        """
        if model.get_key_name() == key.split(".")[-1] and model.get_key_type() in (
            "int",
            "integer",
        ):
            return "where_integer_in_raw"
        return "where_in"

    def get_dictionary_key(self, value: t.Any) -> t.Any:
        """Return the key ``value`` is filed under when matching. Laravel: ``getDictionaryKey()``."""
        return dictionary_key(value)

    def get_relation_query(self) -> Builder:
        """Get the builder that carries the relation constraints. Laravel: ``getRelationQuery()``."""
        return self.query

    def get_query(self) -> Builder:
        """Get the Eloquent builder of the relation. Laravel: ``Relation::getQuery()``."""
        return self.query

    def get_base_query(self) -> t.Any:
        """Get the base query builder under the relation. Laravel: ``Relation::getBaseQuery()``."""
        return self.query.get_query()

    def to_base(self) -> t.Any:
        """Get the base query with global scopes applied. Laravel: ``Relation::toBase()``."""
        return self.query.to_base()

    def get_parent(self) -> Model:
        """Get the model that declares the relation. Laravel: ``Relation::getParent()``."""
        return self.parent

    def get_qualified_parent_key_name(self) -> str:
        """Get the parent's qualified key (``posts.id``). Laravel: ``getQualifiedParentKeyName()``."""
        return self.parent.get_qualified_key_name()

    def get_related(self) -> Model:
        """Get an instance of the related model. Laravel: ``Relation::getRelated()``."""
        return self.related

    def created_at(self) -> str | None:
        """Get the parent's created-at column. Laravel: ``Relation::createdAt()``."""
        return self.parent.get_created_at_column()

    def updated_at(self) -> str | None:
        """Get the parent's updated-at column. Laravel: ``Relation::updatedAt()``."""
        return self.parent.get_updated_at_column()

    def related_updated_at(self) -> str | None:
        """Get the related model's updated-at column. Laravel: ``Relation::relatedUpdatedAt()``."""
        return self.related.get_updated_at_column()

    def clone(self) -> t.Self:
        """Copy the relation with its own copy of the query. Laravel: ``clone $relation``."""
        copied = copy.copy(self)
        copied.query = self.query.clone()
        return copied

    def with_savepoint_if_needed(self, scope: t.Callable[[], t.Any]) -> t.Any:
        """Run ``scope`` in a savepoint when a transaction is open, so a failure can be retried.

        Laravel: ``Builder::withSavepointIfNeeded()``.
        """
        connection = self.query.get_query().get_connection()
        if connection.transaction_level() > 0:
            return connection.transaction(lambda *_: scope())
        return scope()

    def _without_events(self, callback: t.Callable[[], t.Any]) -> t.Any:
        without = getattr(type(self.related), "without_events", None)
        return without(callback) if callable(without) else callback()

    # -- polymorphic type map -------------------------------------------------------

    @classmethod
    def morph_map(cls, map_: t.Any = None, merge: bool = True) -> dict[str, t.Any]:
        """Set or get the aliases stored in ``*_type`` columns (``{'post': Post}``).

        A list of classes is keyed by their table names. Values may be classes or dotted
        paths. Laravel: ``Relation::morphMap()``.
        """
        built = cls._build_morph_map_from_models(map_)
        if built is not None:
            Relation._morph_map = (
                {**Relation._morph_map, **built}
                if merge and Relation._morph_map
                else built
            )
        return Relation._morph_map

    @classmethod
    def _build_morph_map_from_models(cls, models: t.Any) -> dict[str, t.Any] | None:
        if models is None:
            return None
        if isinstance(models, dict):
            return dict(models)
        built: dict[str, t.Any] = {}
        for model in models:
            built[resolve_model_class(model)().get_table()] = model
        return built

    @classmethod
    def enforce_morph_map(cls, map_: t.Any, merge: bool = True) -> dict[str, t.Any]:
        """Set the morph map and require every morphed model to be in it.

        Laravel: ``Relation::enforceMorphMap()``.
        """
        cls.require_morph_map()
        return cls.morph_map(map_, merge)

    @classmethod
    def require_morph_map(cls, require: bool = True) -> None:
        """Require every polymorphic model to have a morph-map alias. Laravel: ``requireMorphMap()``."""
        Relation._require_morph_map = require

    @classmethod
    def requires_morph_map(cls) -> bool:
        """Determine if morph-map aliases are required. Laravel: ``Relation::requiresMorphMap()``."""
        return Relation._require_morph_map

    @classmethod
    def get_morphed_model(cls, alias: str) -> t.Any:
        """Get the class (or dotted path) mapped to ``alias``, or ``None``. Laravel: ``getMorphedModel()``."""
        return Relation._morph_map.get(alias)

    @classmethod
    def get_morph_alias(cls, model: t.Any) -> str:
        """Get the alias of a model class (or dotted path), or its dotted path when unmapped.

        Laravel: ``Relation::getMorphAlias()``.
        """
        path = model if isinstance(model, str) else _class_path(model)
        for alias, mapped in Relation._morph_map.items():
            if mapped is model or (isinstance(mapped, str) and mapped == path):
                return alias
            if isinstance(mapped, type) and _class_path(mapped) == path:
                return alias
        return path

    # -- forwarding ------------------------------------------------------------------

    def __getattr__(self, name: str) -> t.Any:
        if name.startswith("_") or name in ("query", "parent", "related"):
            raise AttributeError(name)
        target = getattr(self.query, name)
        if not callable(target):
            return target

        def forward(*args: t.Any, **kwargs: t.Any) -> t.Any:
            result = target(*args, **kwargs)
            return self if result is self.query else result

        return forward

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {type(self.parent).__name__} -> {type(self.related).__name__}>"


def _class_path(model: t.Any) -> str:
    cls = model if isinstance(model, type) else type(model)
    return f"{cls.__module__}.{cls.__qualname__}"
