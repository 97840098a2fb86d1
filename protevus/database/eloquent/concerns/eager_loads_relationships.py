"""Eager load relations (with_, without, eager_load_relations).

Laravel: the eager-loading part of ``Illuminate\\Database\\Eloquent\\Builder``.

``with_('comments.author')`` loads each level with one query: the builder keeps a dict
of relation names to constraint callbacks (``eager_load``), loads the top-level names
after the parent models are hydrated, and hands the names nested under a relation to
that relation's own query, which loads them when it hydrates its models.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.exceptions import RelationNotFoundError
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder as QueryBuilder

Constraint = t.Callable[[t.Any], t.Any]


def _no_constraint(query: t.Any) -> None:
    """Leave an eager load unconstrained (Laravel's ``static function () {}``)."""


def relation_not_found(
    model: t.Any, name: str, type_: str | None = None
) -> RelationNotFoundError:
    """Build the error for a relation name the model does not define.

    Laravel: ``RelationNotFoundException::make()``.
    """
    cls = model if isinstance(model, type) else type(model)
    dotted = f"{cls.__module__}.{cls.__name__}"
    of_type = f" of type [{type_}]" if type_ else ""
    error = RelationNotFoundError(
        f"Call to undefined relationship [{name}] on model [{dotted}]{of_type}: "
        f"define a method {name}(self) on {cls.__name__} that returns a relation."
    )
    error.model = dotted  # type: ignore[attr-defined]
    error.relation = name  # type: ignore[attr-defined]
    return error


class EagerLoadsRelationships(CamelAliases):
    """Eager load relations (with_, without, eager_load_relations).

    Laravel: the eager-loading part of ``Illuminate\\Database\\Eloquent\\Builder``.
    """

    if t.TYPE_CHECKING:
        query: QueryBuilder
        model: t.Any
        eager_load: dict[str, Constraint]

        def get_model(self) -> t.Any: ...

    # -- registering eager loads ---------------------------------------------------

    def with_(self, *relations: t.Any) -> t.Self:
        """Eager load relations: ``with_('user', 'comments.author')``, ``with_({'comments': fn})``.

        Takes names (nested with dots, columns with ``'user:id,name'``), lists of
        names, dicts of name → constraint callback (or → list of nested names), and
        ``with_('comments', fn)``. Laravel: ``Builder::with()``.
        """
        if (
            len(relations) == 2
            and isinstance(relations[0], str)
            and callable(relations[1])
        ):
            entries = self.parse_with_relations({relations[0]: relations[1]})
        else:
            entries = self.parse_with_relations(relations)
        merged = dict(self.eager_load)
        for name, constraints in entries.items():
            # A parent registered only because a nested name needs it keeps any
            # constraint given earlier (``with_({'posts': fn}).with_('posts.tags')``).
            if constraints is _no_constraint and name in merged:
                continue
            merged[name] = constraints
        self.eager_load = merged
        return self

    def without(self, *relations: t.Any) -> t.Self:
        """Drop relations from the eager loads (e.g. a model's default ``with_``).

        Laravel: ``Builder::without()``.
        """
        names = set(_names(relations))
        self.eager_load = {k: v for k, v in self.eager_load.items() if k not in names}
        return self

    def with_only(self, *relations: t.Any) -> t.Self:
        """Replace every eager load with the given relations. Laravel: ``Builder::withOnly()``."""
        self.eager_load = {}
        return self.with_(*relations)

    def without_eager_load(self, *relations: t.Any) -> t.Self:
        """Drop relations from the eager loads. Laravel: ``Builder::withoutEagerLoad()``."""
        return self.without(*relations)

    def without_eager_loads(self) -> t.Self:
        """Drop every eager load. Laravel: ``Builder::withoutEagerLoads()``."""
        return self.set_eager_loads({})

    def get_eager_loads(self) -> dict[str, Constraint]:
        """Get the eager loads: relation name → constraint callback. Laravel: ``Builder::getEagerLoads()``."""
        return self.eager_load

    def set_eager_loads(self, eager_load: dict[str, Constraint]) -> t.Self:
        """Replace the eager loads. Laravel: ``Builder::setEagerLoads()``."""
        self.eager_load = dict(eager_load)
        return self

    # -- loading -----------------------------------------------------------------

    def eager_load_relations(self, models: t.Sequence[t.Any]) -> list[t.Any]:
        """Load every top-level eager load onto the models, one query per relation.

        Nested names (``comments.author``) are passed to the relation's query and load
        when that query hydrates its models. Laravel: ``Builder::eagerLoadRelations()``.
        """
        result = list(models)
        if not result:
            return result
        for name, constraints in list(self.eager_load.items()):
            if "." not in name:
                result = self.eager_load_relation(result, name, constraints)
        return result

    def eager_load_relation(
        self, models: list[t.Any], name: str, constraints: Constraint = _no_constraint
    ) -> list[t.Any]:
        """Load one relation onto the models with a single query.

        Laravel: ``Builder::eagerLoadRelation()``.
        """
        relation = self.get_relation(name)
        relation.add_eager_constraints(models)
        constraints(relation)
        matched = relation.match(
            relation.init_relation(models, name), relation.get_eager(), name
        )
        return list(matched)

    def get_relation(self, name: str) -> t.Any:
        """Get a relation of the model without its single-model constraints.

        The names nested under it (``comments.author`` → ``author``) become the
        relation query's own eager loads. Laravel: ``Builder::getRelation()``.
        """
        from protevus.database.eloquent.relations.relation import Relation

        model = self.get_model()

        def make() -> t.Any:
            try:
                return model.new_instance().relation(name)
            except RelationNotFoundError:
                raise
            except AttributeError as exc:
                raise relation_not_found(model, name) from exc

        relation = Relation.no_constraints(make)
        if relation is None or not hasattr(relation, "add_eager_constraints"):
            raise relation_not_found(model, name)
        nested = self.relations_nested_under(name)
        if nested:
            relation.get_query().with_(nested)
        return relation

    def relations_nested_under(self, relation: str) -> dict[str, Constraint]:
        """Get the eager loads under a relation, with the prefix removed.

        Laravel: ``Builder::relationsNestedUnder()``.
        """
        prefix = relation + "."
        return {
            name[len(prefix) :]: constraints
            for name, constraints in self.eager_load.items()
            if name.startswith(prefix)
        }

    # -- parsing -------------------------------------------------------------------

    def parse_with_relations(self, relations: t.Any) -> dict[str, Constraint]:
        """Turn the arguments of ``with_`` into ``{name: constraint}``, parents first.

        ``'posts.comments'`` also registers ``'posts'``. Laravel: ``Builder::parseWithRelations()``.
        """
        results: dict[str, Constraint] = {}
        for name, constraints in self._prepare_nested(_entries(relations), "").items():
            progress: list[str] = []
            for segment in name.split("."):
                progress.append(segment)
                results.setdefault(".".join(progress), _no_constraint)
            results[name] = constraints
        return results

    def _prepare_nested(
        self, entries: list[tuple[t.Any, t.Any]], prefix: str
    ) -> dict[str, Constraint]:
        """Flatten nested name lists into dotted names with their constraints.

        Laravel: ``Builder::prepareNestedWithRelationships()``.
        """
        if prefix:
            prefix += "."
        prepared: dict[str, Constraint] = {}
        rest: list[tuple[t.Any, t.Any]] = []
        for key, value in entries:
            if isinstance(key, str) and isinstance(value, (list, tuple, dict)):
                attribute, select = self._parse_name_and_select(key)
                prepared[prefix + attribute] = select
                prepared.update(
                    self._prepare_nested(_entries(value), prefix + attribute)
                )
            else:
                rest.append((key, value))
        for key, value in rest:
            if key is None:
                if not isinstance(value, str):
                    raise TypeError(
                        f"Eager load names must be strings [{value!r} given]: "
                        "pass with_('comments') or with_({'comments': callback})."
                    )
                key, value = self._parse_name_and_select(value)
            elif not callable(value):
                raise TypeError(
                    f"An eager load constraint must be callable [{key}: {value!r}]: "
                    "pass with_({'comments': lambda query: query.where(...)})."
                )
            name = prefix + key
            prepared[name] = _combine(value, prepared.get(name, _no_constraint))
        return prepared

    def _parse_name_and_select(self, name: str) -> tuple[str, Constraint]:
        """Split ``'user:id,name'`` into the relation name and a select constraint.

        Laravel: ``Builder::parseNameAndAttributeSelectionConstraint()``.
        """
        if ":" not in name:
            return name, _no_constraint
        relation_name, _, column_list = name.partition(":")
        columns = [c.strip() for c in column_list.split(",") if c.strip()]

        def select(query: t.Any) -> None:
            table_prefix = ""
            if _is_belongs_to_many(query):
                table_prefix = query.get_related().get_table() + "."
            query.select([c if "." in c else table_prefix + c for c in columns])

        return relation_name, select


def _entries(relations: t.Any) -> list[tuple[t.Any, t.Any]]:
    """Flatten ``with_`` arguments into ``(key, value)`` pairs; ``key`` is None for plain names."""
    if isinstance(relations, dict):
        return list(relations.items())
    if isinstance(relations, str):
        return [(None, relations)]
    entries: list[tuple[t.Any, t.Any]] = []
    for item in relations:
        if isinstance(item, dict):
            entries.extend(item.items())
        elif isinstance(item, (list, tuple)):
            entries.extend(_entries(item))
        else:
            entries.append((None, item))
    return entries


def _names(relations: t.Iterable[t.Any]) -> t.Iterator[str]:
    for item in relations:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            yield from item
        else:
            yield from _names(item)


def _combine(first: Constraint, second: Constraint) -> Constraint:
    """Run two constraints on the same relation query. Laravel: ``Builder::combineConstraints()``."""
    if second is _no_constraint:
        return first
    if first is _no_constraint:
        return second

    def combined(query: t.Any) -> None:
        first(query)
        second(query)

    return combined


def _is_belongs_to_many(query: t.Any) -> bool:
    try:
        from protevus.database.eloquent.relations.belongs_to_many import BelongsToMany
    except ImportError:
        return False
    return isinstance(query, BelongsToMany)
