"""The value of a to-many relation attribute: a collection that is also the relation's builder.

Laravel: none. PHP separates ``$post->comments`` (the loaded collection) from
``$post->comments()`` (the relation). Python has one namespace, so ``post.comments``
returns a collection bound to its parent and relation name: iterate it (it loads on
first use and caches in ``post.relations``), or call it for a fresh relation builder:
``post.comments().where('approved', True).get()``. Calling it never loads the
collection, so ``post.comments().create({...})`` runs a single INSERT.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import camel_aliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.model import Model
    from protevus.database.eloquent.relations.relation import Relation

__all__ = [
    "RelatedCollection",
    "bind_related_collection",
    "deferred_related_collection",
]

_BOUND_CLASSES: dict[type, type] = {}


@camel_aliases
class RelatedCollection:
    """Mix into a model collection class: ``__call__`` returns the relation, items load lazily.

    Laravel: none (see the module docstring).
    """

    # Collection methods read ``self._items``; this property loads deferred items first.
    def _get_items(self) -> dict[t.Any, t.Any]:
        state = self.__dict__
        if "_bound_items" not in state:
            self._load_relation_items()
        return t.cast("dict[t.Any, t.Any]", state["_bound_items"])

    def _set_items(self, items: dict[t.Any, t.Any]) -> None:
        self.__dict__["_bound_items"] = items

    _items = property(_get_items, _set_items)

    def __call__(self) -> Relation:
        """Return a new relation builder for the parent (``post.comments()``)."""
        parent = self.__dict__.get("_relation_parent")
        name = self.__dict__.get("_relation_name")
        if parent is None or name is None:
            raise TypeError(
                f"This [{type(self).__name__}] is not bound to a model relation: call "
                "the relation on the model instead, e.g. post.comments()."
            )
        return t.cast("Relation", parent.relation(name))

    def _new(self, items: dict[t.Any, t.Any]) -> t.Any:
        # Derived collections (filter, map...) are plain collections of the base class.
        new: t.Any = object.__new__(_base_of(type(self)))
        new._items = items
        new._next = None
        return new

    def _load_relation_items(self) -> None:
        state = self.__dict__
        parent: Model = state["_relation_parent"]
        name: str = state["_relation_name"]
        relations = parent.__dict__.setdefault("relations", {})
        if name in relations and relations[name] is not self:
            loaded = relations[name]
            state["_bound_items"] = _items_of(loaded)
            relations[name] = self
            return
        parent.guard_lazy_loading(name)
        relation: Relation | None = state.pop("_pending_relation", None)
        if relation is None:
            relation = parent.relation(name)
        results = relation.get_results()
        state["_bound_items"] = _items_of(results)
        relations[name] = self

    def relation_is_loaded(self) -> bool:
        """Determine if the items were read from the database (or given) already."""
        return "_bound_items" in self.__dict__


def _items_of(collection: t.Any) -> dict[t.Any, t.Any]:
    if collection is None:
        return {}
    items = collection._items
    return t.cast("dict[t.Any, t.Any]", items)


def _base_of(bound: type) -> type:
    return t.cast(type, bound.__dict__["_related_base"])


def bound_class(base: type) -> type:
    """Return (once per class) the callable subclass of the collection class ``base``."""
    if issubclass(base, RelatedCollection):
        base = _base_of(base)
    found = _BOUND_CLASSES.get(base)
    if found is None:
        found = type(base.__name__, (RelatedCollection, base), {"_related_base": base})
        found.__qualname__ = base.__qualname__
        found.__module__ = base.__module__
        _BOUND_CLASSES[base] = found
    return found


def bind_related_collection(collection: t.Any, parent: Model, name: str) -> t.Any:
    """Return ``collection`` as a callable collection of ``parent``'s relation ``name``.

    The items dict is shared, not copied, so pushes through either reference agree.
    """
    state = getattr(collection, "__dict__", None)
    if (
        isinstance(collection, RelatedCollection)
        and state is not None
        and state.get("_relation_parent") is parent
        and state.get("_relation_name") == name
    ):
        return collection
    bound: t.Any = object.__new__(bound_class(type(collection)))
    bound.__dict__.update(
        {
            "_bound_items": _items_of(collection),
            "_relation_parent": parent,
            "_relation_name": name,
        }
    )
    bound._next = None
    return bound


def deferred_related_collection(
    parent: Model, name: str, relation: Relation | None, base: type
) -> t.Any:
    """Return a callable collection (of class ``base``) of ``parent``'s relation, loaded on first use.

    Without ``relation`` the relation is built when the items are first read.
    """
    bound: t.Any = object.__new__(bound_class(base))
    bound.__dict__.update(
        {
            "_relation_parent": parent,
            "_relation_name": name,
            "_pending_relation": relation,
        }
    )
    bound._next = None
    return bound
