"""The owner of a polymorphic relation, of a type named by the row: ``comment.commentable``.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\MorphTo``.
"""

from __future__ import annotations

import sys
import typing as t

from protevus.database.eloquent.relations.belongs_to import BelongsTo
from protevus.database.eloquent.relations.relation import Relation
from protevus.database.eloquent.relations.relation import resolve_model_class

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.collection import Collection
    from protevus.database.eloquent.model import Model


class MorphTo(BelongsTo):
    """Load the owner whose class is named by ``<name>_type`` and key by ``<name>_id``.

    Eager loading groups the children by type and runs one query per type;
    ``morph_with({Post: ['author']})``, ``morph_with_count(...)`` and
    ``constrain({Post: callback})`` tune each type's query. Calls the builder does not
    know (``with_trashed()`` when the parent model has no soft deletes) are replayed on
    each type's query.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\MorphTo``.
    """

    def __init__(
        self,
        query: Builder,
        parent: Model,
        foreign_key: str,
        owner_key: str | None,
        type_: str,
        relation: str,
    ) -> None:
        self.morph_type = type_
        self.models: list[Model] = []
        self.dictionary: dict[t.Any, dict[t.Any, list[Model]]] = {}
        self.macro_buffer: list[tuple[str, tuple[t.Any, ...], dict[str, t.Any]]] = []
        self.morphable_eager_loads: dict[t.Any, list[t.Any]] = {}
        self.morphable_eager_load_counts: dict[t.Any, list[t.Any]] = {}
        self.morphable_constraints: dict[t.Any, t.Callable[[t.Any], t.Any]] = {}
        super().__init__(query, parent, foreign_key, t.cast(str, owner_key), relation)

    # -- lazy loading --------------------------------------------------------------

    def add_constraints(self) -> None:
        """Constrain to the owner's key, once the type (and so the owner key) is known.

        Laravel: ``BelongsTo::addConstraints()``.
        """
        if self.owner_key is not None:
            super().add_constraints()

    def get_results(self) -> Model | None:
        """Get the owner, or the default model / None when the type or key is empty.

        Laravel: ``MorphTo::getResults()`` (``BelongsTo::getResults()``).
        """
        if self.owner_key is None:
            return self.get_default_for(self.parent)
        return super().get_results()

    # -- eager loading -------------------------------------------------------------

    def add_eager_constraints(self, models: t.Sequence[Model]) -> None:
        """Group the children by owner type and key. Laravel: ``MorphTo::addEagerConstraints()``."""
        self.models = list(models)
        self.build_dictionary(self.models)

    def build_dictionary(self, models: t.Iterable[Model]) -> None:
        """File the children under ``[type][key]``. Laravel: ``MorphTo::buildDictionary()``."""
        for model in models:
            morph_type = model.get_attribute(self.morph_type)
            if morph_type:
                type_key = self.get_dictionary_key(morph_type)
                foreign_key = self.get_dictionary_key(
                    model.get_attribute(self.foreign_key)
                )
                self.dictionary.setdefault(type_key, {}).setdefault(
                    foreign_key, []
                ).append(model)

    def get_eager(self) -> Collection:
        """Run one query per owner type and set each owner on its children.

        Laravel: ``MorphTo::getEager()``.
        """
        for type_ in list(self.dictionary):
            self.match_to_morph_parents(type_, self.get_results_by_type(type_))
        return self.parent.new_collection(self.models)

    def get_results_by_type(self, type_: t.Any) -> Collection:
        """Load the owners of one type. Laravel: ``MorphTo::getResultsByType()``."""
        instance = self.create_model_by_type(type_)
        owner_key = (
            self.owner_key if self.owner_key is not None else instance.get_key_name()
        )
        query = self.replay_macros(instance.new_query())
        _merge_constraints(query, self.get_query())
        cls = type(instance)
        query.with_(
            {
                **self.get_query().get_eager_loads(),
                **_eager_map(self._for_class(self.morphable_eager_loads, cls)),
            }
        )
        counts = self._for_class(self.morphable_eager_load_counts, cls)
        if counts:
            query.with_count(*counts)
        callback = self._for_class(self.morphable_constraints, cls)
        if callback is not None:
            callback(query)
        where_in = self.where_in_method(instance, owner_key)
        keys = self.gather_keys_by_type(type_, instance.get_key_type())
        getattr(query, where_in)(instance.qualify_column(owner_key), keys)
        return t.cast("Collection", query.get())

    def _for_class(self, mapping: dict[t.Any, t.Any], cls: type[Model]) -> t.Any:
        """Look a class up in a per-type map keyed by classes, dotted paths or aliases."""
        for key, value in mapping.items():
            if key is cls:
                return value
            if isinstance(key, str):
                if key == cls().get_morph_class() or resolve_morph_class(key) is cls:
                    return value
        return None

    def gather_keys_by_type(self, type_: t.Any, key_type: str) -> list[t.Any]:
        """Return the owner keys of one type. Laravel: ``MorphTo::gatherKeysByType()``."""
        keys: dict[t.Any, t.Any] = {}
        for models in self.dictionary[type_].values():
            value = models[0].get_attribute(self.foreign_key)
            if key_type == "string":
                if value in (None, ""):
                    continue
                value = str(value)
            keys.setdefault(self.get_dictionary_key(value), value)
        return list(keys.values())

    def create_model_by_type(self, type_: t.Any) -> Model:
        """Make an instance of the owner class named by a type value (alias or dotted path).

        Laravel: ``MorphTo::createModelByType()``.
        """
        instance = resolve_morph_class(str(type_))()
        if not instance.get_connection_name():
            instance.set_connection(self.parent.get_connection_name())
        return instance

    def match(
        self, models: t.Sequence[Model], results: Collection, relation: str
    ) -> t.Sequence[Model]:
        """Return the children; ``get_eager`` already matched them. Laravel: ``MorphTo::match()``."""
        return models

    def match_to_morph_parents(self, type_: t.Any, results: Collection) -> None:
        """Set each owner of one type on its children. Laravel: ``MorphTo::matchToMorphParents()``."""
        for result in results:
            if self.owner_key is not None:
                key = self.get_dictionary_key(result.get_attribute(self.owner_key))
            else:
                key = self.get_dictionary_key(result.get_key())
            for model in self.dictionary.get(type_, {}).get(key, []):
                model.set_relation(self.relation_name, result)

    # -- writing -------------------------------------------------------------------

    def associate(self, model: Model | None) -> Model:
        """Point the child at ``model``: its key and morph class (None clears both).

        Laravel: ``MorphTo::associate()``.
        """
        if model is None:
            return self.dissociate()
        key_name = (
            self.owner_key
            if self.owner_key and model.get_attribute(self.owner_key) is not None
            else model.get_key_name()
        )
        self.parent.set_attribute(self.foreign_key, model.get_attribute(key_name))
        self.parent.set_attribute(self.morph_type, model.get_morph_class())
        self.parent.set_relation(self.relation_name, model)
        return self.parent

    def dissociate(self) -> Model:
        """Clear the child's key and type. Laravel: ``MorphTo::dissociate()``."""
        self.parent.set_attribute(self.foreign_key, None)
        self.parent.set_attribute(self.morph_type, None)
        self.parent.set_relation(self.relation_name, None)
        return self.parent

    def touch(self) -> None:
        """Touch the owner, when there is one. Laravel: ``MorphTo::touch()``."""
        if self.owner_key is not None and self.get_parent_key() is not None:
            super().touch()

    def new_related_instance_for(self, parent: Model) -> Model:
        """Make the default owner for ``parent``. Laravel: ``MorphTo::newRelatedInstanceFor()``."""
        return t.cast("Model", self.related.new_instance())

    # -- per-type tuning -------------------------------------------------------------

    def morph_with(self, with_: t.Mapping[t.Any, t.Any]) -> t.Self:
        """Eager load relations on the owners of given types: ``morph_with({Post: ['author']})``.

        Laravel: ``MorphTo::morphWith()``.
        """
        for key, relations in with_.items():
            self.morphable_eager_loads[key] = _as_list(relations)
        return self

    def morph_with_count(self, with_count: t.Mapping[t.Any, t.Any]) -> t.Self:
        """Count relations on the owners of given types. Laravel: ``MorphTo::morphWithCount()``."""
        for key, relations in with_count.items():
            self.morphable_eager_load_counts[key] = _as_list(relations)
        return self

    def constrain(
        self, callbacks: t.Mapping[t.Any, t.Callable[[t.Any], t.Any]]
    ) -> t.Self:
        """Constrain each type's owner query: ``constrain({Post: lambda q: ...})``.

        Laravel: ``MorphTo::constrain()``.
        """
        self.morphable_constraints.update(callbacks)
        return self

    def replay_macros(self, query: Builder) -> Builder:
        """Replay the calls the relation buffered. Laravel: ``MorphTo::replayMacros()``."""
        for method, args, kwargs in self.macro_buffer:
            getattr(query, method)(*args, **kwargs)
        return query

    def get_morph_type(self) -> str:
        """Get the type column (``commentable_type``). Laravel: ``MorphTo::getMorphType()``."""
        return self.morph_type

    def get_dictionary(self) -> dict[t.Any, dict[t.Any, list[Model]]]:
        """Get the children filed by type and key. Laravel: ``MorphTo::getDictionary()``."""
        return self.dictionary

    def get_qualified_owner_key_name(self) -> str:
        """Get the qualified owner key ('' until the type is known). Laravel: ``getQualifiedOwnerKeyName()``."""
        if self.owner_key is None:
            return ""
        return super().get_qualified_owner_key_name()

    def __getattr__(self, name: str) -> t.Any:
        try:
            target = super().__getattr__(name)
        except AttributeError:
            if name.startswith("_") or "macro_buffer" not in self.__dict__:
                raise
            if name in ("query", "parent", "related", "child"):
                raise

            def buffer(*args: t.Any, **kwargs: t.Any) -> MorphTo:
                self.macro_buffer.append((name, args, kwargs))
                return self

            return buffer
        if name in ("without_global_scope", "without_global_scopes") and callable(
            target
        ):

            def record(*args: t.Any, **kwargs: t.Any) -> t.Any:
                self.macro_buffer.append((name, args, kwargs))
                return target(*args, **kwargs)

            return record
        return target


def resolve_morph_class(type_: str) -> type[Model]:
    """Return the model class for a stored type: a morph-map alias or a dotted class path.

    Laravel: ``Model::getActualClassNameForMorph()``.
    """
    mapped = Relation.get_morphed_model(type_)
    if mapped is not None:
        return resolve_model_class(mapped)
    # The type comes from a row, which a user may have written: never import a
    # module for it or call what it names. A dotted path must name a Model class
    # that is already imported (the app's models are, once their module loads).
    from protevus.database.eloquent.exceptions import RelationNotFoundError
    from protevus.database.eloquent.model import Model

    module_name, _, class_name = str(type_).rpartition(".")
    module = sys.modules.get(module_name) if module_name else None
    found = getattr(module, class_name, None) if module is not None else None
    if not (isinstance(found, type) and issubclass(found, Model)):
        raise RelationNotFoundError(
            f"No model class is known for the morph type [{type_}]: store a morph-map "
            "alias (Relation.morph_map({'post': Post})) or the dotted path of an "
            "imported Model class."
        )
    return found


def _merge_constraints(query: Builder, source: Builder) -> None:
    """Copy the wheres (and removed scopes) of the relation query onto a type's query.

    Laravel: ``Builder::mergeConstraintsFrom()``.
    """
    merge = getattr(query, "merge_constraints_from", None)
    if callable(merge):
        merge(source)
        return
    base, from_base = query.get_query(), source.get_query()
    base.wheres.extend(from_base.wheres)
    base.bindings["where"].extend(from_base.bindings["where"])
    removed = getattr(source, "removed_scopes", None)
    if removed:
        query.without_global_scopes(list(removed))


def _eager_map(relations: t.Any) -> dict[str, t.Any]:
    """Turn ``['author', {'comments': fn}]`` into the ``with_`` dict form."""
    result: dict[str, t.Any] = {}
    for item in relations or []:
        if isinstance(item, dict):
            result.update(item)
        else:
            result[item] = _no_constraint
    return result


def _no_constraint(query: t.Any) -> None:
    """Leave an eager load unconstrained."""


def _as_list(value: t.Any) -> list[t.Any]:
    if isinstance(value, list | tuple):
        return list(value)
    return [value]
