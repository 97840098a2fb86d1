"""Define relationships and read loaded relations as attributes.

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasRelationships``.

A relation is a plain method returning a relation::

    class Post(Model):
        def user(self): return self.belongs_to(User)
        def comments(self): return self.has_many(Comment)

When the class is created, such methods become :class:`RelationDescriptor` objects, so:

* ``post.comments`` is the loaded value (queried on first use, then cached in
  ``post.relations``): a collection for to-many relations, the model or ``None``
  for to-one relations;
* ``post.comments()`` (to-many) returns a new relation builder;
* ``post.relation('user')`` returns the builder of any relation by name
  (``post.relation('user').associate(other)``), as does ``Post.user(post)``.
"""

from __future__ import annotations

import contextlib
import inspect
import re
import typing as t

from protevus.database.eloquent.concerns.relation_factories import RelationFactories
from protevus.database.eloquent.exceptions import LazyLoadingViolationError
from protevus.database.eloquent.exceptions import RelationNotFoundError
from protevus.database.eloquent.relations.concerns.related_collection import (
    bind_related_collection,
)
from protevus.database.eloquent.relations.concerns.related_collection import (
    deferred_related_collection,
)
from protevus.database.eloquent.relations.relation import Relation
from protevus.support.aliases import CamelAliases
from protevus.support.collection import Collection
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from protevus.database.eloquent.model import Model

__all__ = ["HasRelationships", "RelationDescriptor", "is_relation_method"]

#: Names whose use inside a zero-argument method marks it as a relation method.
RELATION_FACTORIES: frozenset[str] = frozenset(
    {
        "has_one",
        "has_many",
        "belongs_to",
        "belongs_to_many",
        "has_one_through",
        "has_many_through",
        "morph_to",
        "morph_one",
        "morph_many",
        "morph_to_many",
        "morphed_by_many",
        "has_one_of_many",
        "latest_of_many",
        "oldest_of_many",
        "of_many",
        "with_default",
    }
)
_FACTORY_NAMES = RELATION_FACTORIES | {Str.camel(name) for name in RELATION_FACTORIES}

#: Class names accepted in a return annotation (``def comments(self) -> HasMany:``).
RELATION_CLASS_NAMES: frozenset[str] = frozenset(
    {
        "Relation",
        "HasOne",
        "HasMany",
        "HasOneOrMany",
        "BelongsTo",
        "BelongsToMany",
        "HasOneThrough",
        "HasManyThrough",
        "HasOneOrManyThrough",
        "MorphTo",
        "MorphOne",
        "MorphMany",
        "MorphOneOrMany",
        "MorphToMany",
    }
)
_TO_MANY_CLASS_NAMES = frozenset(
    {"HasMany", "HasManyThrough", "BelongsToMany", "MorphMany", "MorphToMany"}
)
_ANNOTATION_HEAD = re.compile(r"^[\s'\"]*([\w.]+)")


def is_relation_method(function: t.Any) -> bool:
    """Determine if ``function`` is a relation method, without calling it.

    It takes no argument but ``self`` and either is annotated to return a relation
    or calls a relation factory (``self.has_many(...)``).
    """
    if not inspect.isfunction(function):
        return False
    code = function.__code__
    required = code.co_argcount - len(function.__defaults__ or ())
    if (
        code.co_argcount < 1
        or required > 1
        or code.co_kwonlyargcount
        and not function.__kwdefaults__
    ):
        return False
    annotation = function.__annotations__.get("return")
    if annotation is not None and _annotation_is_relation(annotation, function):
        return True
    return any(name in _FACTORY_NAMES for name in code.co_names)


def _annotation_is_relation(annotation: t.Any, function: t.Any) -> bool:
    if isinstance(annotation, type):
        return issubclass(annotation, Relation)
    if not isinstance(annotation, str):
        return False
    match = _ANNOTATION_HEAD.match(annotation)
    if match is None:
        return False
    head = match.group(1)
    found = function.__globals__.get(head.split(".")[0])
    if isinstance(found, type):
        return issubclass(found, Relation)
    return head.split(".")[-1] in RELATION_CLASS_NAMES


def _is_framework_name(name: str) -> bool:
    return name in HasRelationships.__dict__ or name in RelationFactories.__dict__


def _is_to_many(relation: Relation) -> bool:
    if getattr(relation, "many", False):
        return True
    return any(cls.__name__ in _TO_MANY_CLASS_NAMES for cls in type(relation).__mro__)


class RelationDescriptor:
    """Make a relation method read as its loaded value: ``post.comments``.

    On the class it gives the plain function back (``Post.comments(post)`` is the
    relation). Assigning sets the loaded value (``post.comments = collection``) and
    ``del post.comments`` forgets it.

    Laravel: ``Model::__get()`` → ``getRelationValue()`` (PHP's separate namespaces).
    """

    def __init__(self, function: t.Callable[..., t.Any], name: str) -> None:
        self.function = function
        self.name = name
        self.__doc__ = function.__doc__
        self.__wrapped__ = function

    def __get__(self, instance: t.Any, owner: type | None = None) -> t.Any:
        if instance is None:
            return self.function
        return instance.get_relation_attribute(self.name)

    def __set__(self, instance: t.Any, value: t.Any) -> None:
        instance.set_relation(self.name, value)

    def __delete__(self, instance: t.Any) -> None:
        instance.unset_relation(self.name)

    def __repr__(self) -> str:
        return f"<relation {self.function.__qualname__}>"


class HasRelationships(RelationFactories, CamelAliases):
    """Define relationships and read loaded relations as attributes.

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasRelationships``.
    """

    _relation_methods: t.ClassVar[dict[str, t.Callable[..., t.Any]]] = {}
    #: (model class, relation name) → collection class of a to-many relation, None for to-one.
    _to_many_relations: t.ClassVar[dict[tuple[type, str], type | None]] = {}
    _models_should_prevent_lazy_loading: t.ClassVar[bool] = False
    _lazy_loading_violation_callback: t.ClassVar[
        t.Callable[[t.Any, str], t.Any] | None
    ] = None

    if t.TYPE_CHECKING:

        def __getattr__(self, name: str) -> t.Any: ...

    def __init_subclass__(cls, **kwargs: t.Any) -> None:
        super().__init_subclass__(**kwargs)
        methods = dict(getattr(cls, "_relation_methods", {}))
        for name, value in list(cls.__dict__.items()):
            if name.startswith("_"):
                continue
            if isinstance(value, RelationDescriptor):
                methods[name] = value.function
                continue
            methods.pop(name, None)
            if _is_framework_name(name) or not is_relation_method(value):
                continue
            setattr(cls, name, RelationDescriptor(value, name))
            methods[name] = value
        cls._relation_methods = methods

    # -- reading relations ------------------------------------------------------------

    @classmethod
    def relation_names(cls) -> list[str]:
        """List the names of the relation methods the class defines (aliases included)."""
        return list(cls._relation_methods)

    def is_relation(self, key: str) -> bool:
        """Determine if ``key`` names a relation method. Laravel: ``HasAttributes::isRelation()``."""
        return key in type(self)._relation_methods

    def relation(self, name: str) -> Relation:
        """Get a new relation builder by name (Laravel's ``$post->user()``).

        ``post.relation('user').associate(other)``; raises :class:`RelationNotFoundError`
        for a name that is not a relation method.
        """
        function = type(self)._relation_methods.get(name)
        if function is None:
            # Names often come from requests (?include=...): only methods recognised
            # as relations are ever called by name, never delete(), save() or a
            # forwarded builder method. A method built on another relation is
            # recognised by its return annotation (``-> HasMany``).
            raise self._relation_not_found(name)
        result = function(self)
        if not isinstance(result, Relation):
            cls = type(self)
            returned = "None" if result is None else type(result).__name__
            raise RelationNotFoundError(
                f"{cls.__module__}.{cls.__qualname__}.{name}() must return a relationship "
                f"instance, but [{returned}] was returned: return self.has_many(...) or "
                "another relation from it."
            )
        return result

    def get_relation_attribute(self, name: str) -> t.Any:
        """Get a relation's value for attribute access (``post.comments``).

        To-many values are callable collections that load on first use.
        """
        relations = self._relations()
        if name in relations:
            value = relations[name]
            if isinstance(value, Collection):
                value = bind_related_collection(value, t.cast("Model", self), name)
                relations[name] = value
            return value
        kinds = HasRelationships._to_many_relations
        key = (type(self), name)
        known = kinds.get(key)
        if known:
            # Known to-many: build the relation only when the items are first used.
            return deferred_related_collection(t.cast("Model", self), name, None, known)
        relation = self.relation(name)
        if _is_to_many(relation):
            base = type(relation.get_related().new_collection([]))
            kinds[key] = base
            return deferred_related_collection(
                t.cast("Model", self), name, relation, base
            )
        kinds[key] = None
        self.guard_lazy_loading(name)
        results = relation.get_results()
        relations[name] = results
        return results

    def get_relation_value(self, key: str) -> t.Any:
        """Get a loaded relation, lazy-loading it when ``key`` is a relation; else ``None``.

        Laravel: ``HasAttributes::getRelationValue()``.
        """
        relations = self._relations()
        if key in relations:
            return relations[key]
        if not self.is_relation(key):
            return None
        self.guard_lazy_loading(key)
        return self.get_relationship_from_method(key)

    def get_relationship_from_method(self, method: str) -> t.Any:
        """Load a relation's results and cache them. Laravel: ``getRelationshipFromMethod()``."""
        results = self.relation(method).get_results()
        self.set_relation(method, results)
        return results

    def guard_lazy_loading(self, key: str) -> None:
        """Refuse a lazy load when lazy loading is prevented for this model.

        Laravel: the ``preventsLazyLoading`` check of ``getRelationValue()``.
        """
        if self.__dict__.get("_prevents_lazy_loading"):
            self.handle_lazy_loading_violation(key)

    def handle_lazy_loading_violation(self, key: str) -> None:
        """Raise :class:`LazyLoadingViolationError` (or call the registered handler).

        Laravel: ``HasAttributes::handleLazyLoadingViolation()``.
        """
        callback = HasRelationships._lazy_loading_violation_callback
        if callback is not None:
            callback(self, key)
            return
        if not self.exists or self.was_recently_created:
            return
        cls = type(self)
        raise LazyLoadingViolationError(
            f"Attempted to lazy load [{key}] on model [{cls.__module__}.{cls.__qualname__}] "
            f"but lazy loading is disabled. Eager load it: {cls.__name__}.with_('{key}') "
            f"or models.load('{key}')."
        )

    @classmethod
    def prevent_lazy_loading(cls, value: bool = True) -> None:
        """Make lazy loads of models fetched several at a time raise (N+1 guard).

        Laravel: ``Model::preventLazyLoading()``.
        """
        HasRelationships._models_should_prevent_lazy_loading = value

    @classmethod
    def prevents_lazy_loading(cls) -> bool:
        """Determine if lazy loading is prevented. Laravel: ``Model::preventsLazyLoading()``."""
        return HasRelationships._models_should_prevent_lazy_loading

    @classmethod
    def handle_lazy_loading_violation_using(
        cls, callback: t.Callable[[t.Any, str], t.Any] | None
    ) -> None:
        """Call ``callback(model, relation)`` on a violation instead of raising.

        Laravel: ``Model::handleLazyLoadingViolationUsing()``.
        """
        HasRelationships._lazy_loading_violation_callback = callback

    # -- the loaded relations ---------------------------------------------------------

    def _relations(self) -> dict[str, t.Any]:
        return t.cast("dict[str, t.Any]", self.__dict__.setdefault("relations", {}))

    def get_relations(self) -> dict[str, t.Any]:
        """Get every loaded relation. Laravel: ``Model::getRelations()``."""
        return self._relations()

    def get_relation(self, relation: str) -> t.Any:
        """Get a loaded relation's value (``KeyError`` if not loaded). Laravel: ``getRelation()``."""
        return self._relations()[relation]

    def relation_loaded(self, key: str) -> bool:
        """Determine if a relation is loaded. Laravel: ``Model::relationLoaded()``."""
        return key in self._relations()

    def set_relation(self, relation: str, value: t.Any) -> t.Self:
        """Set a relation's loaded value. Laravel: ``Model::setRelation()``."""
        self._relations()[relation] = value
        return self

    def unset_relation(self, relation: str) -> t.Self:
        """Forget a loaded relation. Laravel: ``Model::unsetRelation()``."""
        self._relations().pop(relation, None)
        return self

    def set_relations(self, relations: dict[str, t.Any]) -> t.Self:
        """Replace every loaded relation. Laravel: ``Model::setRelations()``."""
        self.__dict__["relations"] = dict(relations)
        return self

    def unset_relations(self) -> t.Self:
        """Forget every loaded relation. Laravel: ``Model::unsetRelations()``."""
        self.__dict__["relations"] = {}
        return self

    def without_relations(self) -> t.Self:
        """Get a copy of the model without loaded relations. Laravel: ``withoutRelations()``."""
        import copy

        clone = copy.copy(self)
        clone.__dict__["relations"] = {}
        return clone

    def relations_to_array(self) -> dict[str, t.Any]:
        """Serialize the loaded relations (snake-case keys). Laravel: ``relationsToArray()``."""
        relations = self._relations()
        if not relations:
            return {}
        result: dict[str, t.Any] = {}
        arrayable = getattr(self, "get_arrayable_items", None)
        if relations and callable(arrayable):
            # hidden/visible apply to relations too (Laravel: getArrayableRelations()).
            relations = arrayable(relations)
        for key, value in relations.items():
            if hasattr(value, "to_array"):
                result[key] = value.to_array()
            elif value is None:
                result[key] = None
            else:
                continue
        return result

    # -- touching owners --------------------------------------------------------------

    def get_touched_relations(self) -> list[str]:
        """Get the relations whose timestamps saving this model updates. Laravel: ``getTouchedRelations()``."""
        return list(getattr(self, "touches", None) or [])

    def set_touched_relations(self, touches: list[str]) -> t.Self:
        """Set the touched relations of this instance. Laravel: ``setTouchedRelations()``."""
        self.__dict__["touches"] = list(touches)
        return self

    def touches_relation(self, relation: str) -> bool:
        """Determine if saving touches ``relation``'s owner. Laravel: ``Model::touches()``."""
        return relation in self.get_touched_relations()

    def touch_owners(self) -> None:
        """Touch the owners listed in ``touches`` (and, in turn, theirs). Laravel: ``touchOwners()``."""
        if self.__dict__.get("_touching_owners"):
            return
        self.__dict__["_touching_owners"] = True
        try:
            for name in self.get_touched_relations():
                self.relation(name).touch()
                value = self.get_relation_value(name)
                if isinstance(value, HasRelationships):
                    fire = getattr(value, "fire_model_event", None)
                    if callable(fire):
                        fire("saved", False)
                    value.touch_owners()
                elif value is not None and hasattr(value, "each"):
                    for model in value:
                        model.touch_owners()
        finally:
            self.__dict__.pop("_touching_owners", None)

    def _relation_not_found(self, name: str) -> RelationNotFoundError:
        cls = type(self)
        error = RelationNotFoundError(
            f"Call to undefined relationship [{name}] on model [{cls.__module__}.{cls.__qualname__}]: "
            f"define a method {name}(self) on {cls.__name__} that returns a relation."
        )
        with contextlib.suppress(AttributeError):
            error.model = f"{cls.__module__}.{cls.__qualname__}"  # type: ignore[attr-defined]
            error.relation = name  # type: ignore[attr-defined]
        return error
