"""A collection of models, with key-aware helpers and relation loading.

Laravel: ``Illuminate\\Database\\Eloquent\\Collection``.
"""

from __future__ import annotations

import typing as t

from protevus.support.collection import Collection as BaseCollection
from protevus.support.concerns.collection_helpers import MISSING


def _key_of(item: t.Any) -> t.Any:
    return item.get_key() if hasattr(item, "get_key") and _is_model(item) else item


def _is_model(item: t.Any) -> bool:
    from protevus.database.eloquent.concerns.has_attributes import class_defines

    return class_defines(type(item), "get_key") and class_defines(
        type(item), "new_collection"
    )


def _flat(values: tuple[t.Any, ...]) -> list[t.Any]:
    out: list[t.Any] = []
    for value in values:
        if isinstance(value, BaseCollection):
            out.extend(
                value.all() if isinstance(value.all(), list) else value.values().all()
            )
        elif isinstance(value, list | tuple | set):
            out.extend(value)
        else:
            out.append(value)
    return out


class Collection(BaseCollection):
    """A collection of models: ``Post.all().model_keys()``, ``.load('comments')``, ``.find(3)``.

    A collection holding a to-many relation's value is also callable:
    ``post.comments()`` returns the relation builder (see ``HasRelationships``).

    Laravel: ``Illuminate\\Database\\Eloquent\\Collection``.
    """

    __slots__ = ("_relation_factory",)

    # -- relation values --------------------------------------------------------------

    def set_relation_factory(self, factory: t.Callable[..., t.Any] | None) -> t.Self:
        """Make ``collection()`` return ``factory()`` (the relation builder of a loaded relation)."""
        self._relation_factory = factory
        return self

    def __call__(self, *args: t.Any, **kwargs: t.Any) -> t.Any:
        factory = getattr(self, "_relation_factory", None)
        if factory is None:
            raise TypeError(
                "This collection is not a loaded relation [Collection]: call "
                "model.relation('name') to get a relation builder."
            )
        return factory(*args, **kwargs)

    # -- keys -------------------------------------------------------------------------------

    def model_keys(self) -> list[t.Any]:
        """Get the primary keys of the models. Laravel: ``Collection::modelKeys()``."""
        return [model.get_key() for model in self]

    def find(self, key: t.Any, default: t.Any = None) -> t.Any:
        """Find a model by key (a collection for a list of keys). Laravel: ``Collection::find()``."""
        key = _key_of(key)
        if isinstance(key, list | tuple | set) or isinstance(key, BaseCollection):
            keys = {str(_key_of(k)) for k in key}
            return self.filter(lambda model: str(model.get_key()) in keys)
        for model in self:
            if model.get_key() == key or str(model.get_key()) == str(key):
                return model
        return default() if callable(default) else default

    def get_dictionary(
        self, items: t.Iterable[t.Any] | None = None
    ) -> dict[t.Any, t.Any]:
        """Get the models keyed by primary key. Laravel: ``Collection::getDictionary()``."""
        return {model.get_key(): model for model in (self if items is None else items)}

    def contains(
        self, key: t.Any = None, operator: t.Any = MISSING, value: t.Any = MISSING
    ) -> bool:
        """Return whether a model (or a key, or a callback match) is present.

        Laravel: ``Collection::contains()``.
        """
        if operator is not MISSING or value is not MISSING or callable(key):
            return bool(super().contains(key, operator, value))
        if _is_model(key):
            return any(model.is_(key) for model in self)
        return any(model.get_key() == key for model in self)

    def doesnt_contain(
        self, key: t.Any = None, operator: t.Any = MISSING, value: t.Any = MISSING
    ) -> bool:
        """Return whether a model or key is absent. Laravel: ``Collection::doesntContain()``."""
        return not self.contains(key, operator, value)

    def merge(self, items: t.Any) -> t.Self:
        """Merge models in, keyed by primary key. Laravel: ``Collection::merge()``."""
        dictionary = self.get_dictionary()
        for model in items:
            dictionary[model.get_key()] = model
        return self.__class__(list(dictionary.values()))

    def diff(self, items: t.Any) -> t.Self:
        """Keep the models whose key is not in ``items``. Laravel: ``Collection::diff()``."""
        keys = {_key_of(item) for item in items}
        return self.__class__([m for m in self if m.get_key() not in keys])

    def intersect(self, items: t.Any) -> t.Self:
        """Keep the models whose key is in ``items``. Laravel: ``Collection::intersect()``."""
        keys = {_key_of(item) for item in items}
        return self.__class__([m for m in self if m.get_key() in keys])

    def unique(self, key: t.Any = None, strict: bool = False) -> t.Self:
        """Drop models with a repeated key (or ``key`` value). Laravel: ``Collection::unique()``."""
        if key is not None:
            return super().unique(key, strict)
        return self.__class__(list(self.get_dictionary().values()))

    def only(self, *keys: t.Any) -> t.Self:
        """Keep the models with the given keys (all for none). Laravel: ``Collection::only()``."""
        wanted = _flat(keys)
        if not wanted or wanted == [None]:
            return self.__class__(list(self))
        names = {str(k) for k in wanted}
        return self.__class__([m for m in self if str(m.get_key()) in names])

    def except_(self, *keys: t.Any) -> t.Self:
        """Drop the models with the given keys. Laravel: ``Collection::except()``."""
        names = {str(k) for k in _flat(keys)}
        return self.__class__([m for m in self if str(m.get_key()) not in names])

    # -- base-collection results ----------------------------------------------------------

    def map(self, callback: t.Callable[..., t.Any]) -> t.Any:
        """Map the models; a result that is not all models is a base collection. Laravel: ``Collection::map()``."""
        result = super().map(callback)
        return result if all(_is_model(v) for v in result) else result.to_base()

    def map_with_keys(self, callback: t.Callable[..., t.Any]) -> t.Any:
        """Map to key/value pairs (a base collection unless all models). Laravel: ``mapWithKeys()``."""
        result = super().map_with_keys(callback)
        return result if all(_is_model(v) for v in result) else result.to_base()

    def pluck(self, val: t.Any, key: t.Any = None) -> t.Any:
        """Pluck a value from each model (a base collection). Laravel: ``Collection::pluck()``."""
        return self.to_base().pluck(val, key)

    def keys(self) -> t.Any:
        """Get the keys (a base collection). Laravel: ``Collection::keys()``."""
        return self.to_base().keys()

    def to_base(self) -> BaseCollection:
        """Get a base collection of the same items. Laravel: ``Collection::toBase()``."""
        return BaseCollection(self.all())

    # -- serialization and visibility ------------------------------------------------------

    def to_array(self) -> list[t.Any]:
        """Get each model as a dict. Laravel: ``Collection::toArray()``."""
        return [m.to_array() if hasattr(m, "to_array") else m for m in self]

    def make_visible(self, *attributes: t.Any) -> t.Self:
        """Show hidden attributes on every model. Laravel: ``makeVisible()``."""
        for model in self:
            model.make_visible(*attributes)
        return self

    def make_hidden(self, *attributes: t.Any) -> t.Self:
        """Hide attributes on every model. Laravel: ``makeHidden()``."""
        for model in self:
            model.make_hidden(*attributes)
        return self

    def set_visible(self, visible: list[str]) -> t.Self:
        """Set the visible attributes of every model. Laravel: ``setVisible()``."""
        for model in self:
            model.set_visible(visible)
        return self

    def set_hidden(self, hidden: list[str]) -> t.Self:
        """Set the hidden attributes of every model. Laravel: ``setHidden()``."""
        for model in self:
            model.set_hidden(hidden)
        return self

    def append(self, *attributes: t.Any) -> t.Self:
        """Append accessors to every model. Laravel: ``Collection::append()``."""
        for model in self:
            model.append(*attributes)
        return self

    # -- queries and reloading -------------------------------------------------------------

    def to_query(self) -> t.Any:
        """Get a builder constrained to these models' keys. Laravel: ``Collection::toQuery()``."""
        from protevus.database.exceptions import DatabaseError

        model = self.first()
        if model is None:
            raise DatabaseError(
                "Unable to create query for empty collection []: check is_empty() first."
            )
        cls = type(model)
        if any(type(m) is not cls for m in self):
            raise DatabaseError(
                f"Unable to create query for collection with mixed types [{cls.__name__}]: "
                "keep one model class."
            )
        return model.new_model_query().where_key(self.model_keys())

    def fresh(self, *with_: t.Any) -> t.Self:
        """Reload every model from the database (dropping deleted ones). Laravel: ``Collection::fresh()``."""
        model = self.first()
        if model is None:
            return self.__class__([])
        query = model.new_query_without_scopes()
        relations = _flat(with_)
        if relations:
            query = query.with_(*relations)
        fresh = query.where_key(self.model_keys()).get().get_dictionary()
        return self.__class__(
            [fresh[m.get_key()] for m in self if m.exists and m.get_key() in fresh]
        )

    def load(self, *relations: t.Any) -> t.Self:
        """Eager load relations on every model. Laravel: ``Collection::load()``."""
        if self.is_empty():
            return self
        names = _flat(relations)
        query = self.first().new_query_without_relationships().with_(*names)
        query.eager_load_relations(list(self))
        return self

    def load_missing(self, *relations: t.Any) -> t.Self:
        """Eager load the relations not loaded yet (nested paths too). Laravel: ``loadMissing()``."""
        for relation in _flat(relations):
            if isinstance(relation, dict):
                for path, constraint in relation.items():
                    self._load_missing_path(list(self), path.split("."), constraint)
            else:
                self._load_missing_path(list(self), str(relation).split("."), None)
        return self

    def _load_missing_path(
        self, models: list[t.Any], segments: list[str], constraint: t.Any
    ) -> None:
        if not models or not segments:
            return
        head = segments[0]
        name = head.split(":", 1)[0]
        missing = [m for m in models if not m.relation_loaded(name)]
        if missing:
            spec: t.Any = (
                ".".join(segments)
                if constraint is None
                else {".".join(segments): constraint}
            )
            self.__class__(missing).load(spec)
        if len(segments) == 1:
            return
        children: list[t.Any] = []
        for model in models:
            value = model.get_relation(name)
            if value is None:
                continue
            children.extend(value if isinstance(value, BaseCollection) else [value])
        self._load_missing_path(children, segments[1:], constraint)

    def load_aggregate(
        self, relations: t.Any, column: str, function: str | None = None
    ) -> t.Self:
        """Load relation aggregates onto every model. Laravel: ``Collection::loadAggregate()``."""
        if self.is_empty():
            return self
        first = self.first()
        key = first.get_key_name()
        models = (
            first.new_model_query()
            .where_key(self.model_keys())
            .select(key)
            .with_aggregate(relations, column, function)
            .get()
            .get_dictionary()
        )
        for model in self:
            loaded = models.get(model.get_key())
            if loaded is None:
                continue
            extra = {k: v for k, v in loaded.get_attributes().items() if k != key}
            model.force_fill(extra).sync_original_attributes(list(extra))
        return self

    def load_count(self, *relations: t.Any) -> t.Self:
        """Load relation counts (``comments_count``). Laravel: ``Collection::loadCount()``."""
        return self.load_aggregate(_flat(relations), "*", "count")

    def load_max(self, relations: t.Any, column: str) -> t.Self:
        """Load a relation maximum. Laravel: ``Collection::loadMax()``."""
        return self.load_aggregate(relations, column, "max")

    def load_min(self, relations: t.Any, column: str) -> t.Self:
        """Load a relation minimum. Laravel: ``Collection::loadMin()``."""
        return self.load_aggregate(relations, column, "min")

    def load_sum(self, relations: t.Any, column: str) -> t.Self:
        """Load a relation sum. Laravel: ``Collection::loadSum()``."""
        return self.load_aggregate(relations, column, "sum")

    def load_avg(self, relations: t.Any, column: str) -> t.Self:
        """Load a relation average. Laravel: ``Collection::loadAvg()``."""
        return self.load_aggregate(relations, column, "avg")

    def load_exists(self, *relations: t.Any) -> t.Self:
        """Load relation existence flags. Laravel: ``Collection::loadExists()``."""
        return self.load_aggregate(_flat(relations), "*", "exists")
