"""The Eloquent query builder: a base query builder that returns models.

Laravel: ``Illuminate\\Database\\Eloquent\\Builder``.

Methods it does not define go to the base query builder; when that returns itself
the Eloquent builder returns itself (``where``, ``order_by``...), and the passthru
methods (``count``, ``exists``, ``to_sql``...) return the base result.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.concerns.builds_model_results import BuildsModelResults
from protevus.database.eloquent.concerns.eager_loads_relationships import (
    EagerLoadsRelationships,
)
from protevus.database.eloquent.concerns.has_attributes import class_defines
from protevus.database.eloquent.concerns.has_global_scopes import scope_identifier
from protevus.database.eloquent.concerns.queries_relationships import (
    QueriesRelationships,
)
from protevus.database.query.concerns.builds_pagination import BuildsPagination
from protevus.database.query.concerns.builds_wheres import UNSET
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.model import Model

#: base-builder methods whose result is returned as is (run on ``to_base()``).
PASSTHRU: frozenset[str] = frozenset(
    {
        "aggregate",
        "average",
        "avg",
        "count",
        "dd",
        "dd_raw_sql",
        "doesnt_exist",
        "doesnt_exist_or",
        "dump",
        "dump_raw_sql",
        "exists",
        "exists_or",
        "explain",
        "get_bindings",
        "get_connection",
        "get_grammar",
        "get_raw_bindings",
        "implode",
        "insert",
        "insert_get_id",
        "insert_or_ignore",
        "insert_using",
        "insert_or_ignore_using",
        "max",
        "min",
        "numeric_aggregate",
        "raw",
        "raw_value",
        "sum",
        "to_sql",
        "to_raw_sql",
    }
)

_CAMEL_PASSTHRU = {
    "".join(p if i == 0 else p.title() for i, p in enumerate(name.split("_"))): name
    for name in PASSTHRU
}


class Builder(
    QueriesRelationships,
    EagerLoadsRelationships,
    BuildsPagination,
    BuildsModelResults,
    CamelAliases,
):
    """Build queries that return models: ``Post.where('votes', '>', 1).get()``.

    Laravel: ``Illuminate\\Database\\Eloquent\\Builder``.
    """

    def __init__(self, query: t.Any) -> None:
        self.query: t.Any = query
        self.model: t.Any = None
        self.eager_load: dict[str, t.Any] = {}
        self.scopes: dict[str, t.Any] = {}
        self.removed_scopes: list[str] = []
        self.on_delete_callback: t.Callable[[Builder], t.Any] | None = None
        self.local_macros: dict[str, t.Callable[..., t.Any]] = {}

    # -- model and base query -----------------------------------------------------------

    def set_model(self, model: Model) -> t.Self:
        """Set the model the builder returns; selects from its table. Laravel: ``setModel()``."""
        self.model = model
        self.query.from_(model.get_table())
        return self

    def get_model(self) -> t.Any:
        """Get the model instance of the builder. Laravel: ``getModel()``."""
        return self.model

    def get_query(self) -> t.Any:
        """Get the base query builder (no global scopes applied). Laravel: ``getQuery()``."""
        return self.query

    def set_query(self, query: t.Any) -> t.Self:
        """Replace the base query builder. Laravel: ``setQuery()``."""
        self.query = query
        return self

    def to_base(self) -> t.Any:
        """Get the base query builder with the global scopes applied. Laravel: ``toBase()``."""
        return self.apply_scopes().get_query()

    def new_model_instance(
        self, attributes: t.Mapping[str, t.Any] | None = None
    ) -> t.Any:
        """Make a new model on the builder's connection. Laravel: ``newModelInstance()``."""
        model = self.model.new_instance(attributes or {})
        connection = self.query.get_connection()
        if connection is not None:
            model.set_connection(connection.get_name())
        return model

    def qualify_column(self, column: str) -> str:
        """Prefix a column with the model's table. Laravel: ``Builder::qualifyColumn()``."""
        return t.cast(str, self.model.qualify_column(column))

    def qualify_columns(self, columns: t.Iterable[str]) -> list[str]:
        """Prefix columns with the model's table. Laravel: ``Builder::qualifyColumns()``."""
        return t.cast(list[str], self.model.qualify_columns(columns))

    def clone(self) -> Builder:
        """Copy the builder (and its base query). Laravel: ``Builder::clone()``."""
        copy = self.__class__.__new__(self.__class__)
        copy.__dict__.update(self.__dict__)
        copy.query = self.query.clone()
        copy.eager_load = dict(self.eager_load)
        copy.scopes = dict(self.scopes)
        copy.removed_scopes = list(self.removed_scopes)
        copy.local_macros = dict(self.local_macros)
        return copy

    def __copy__(self) -> Builder:
        return self.clone()

    # -- wheres that nest Eloquent builders --------------------------------------------------

    def where(
        self,
        column: t.Any,
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Add a where clause; a closure receives a nested Eloquent builder. Laravel: ``Builder::where()``."""
        if operator is UNSET and callable(column) and not _is_query(column):
            query = self.model.new_query_without_relationships()
            column(query)
            self.query.add_nested_where_query(query.get_query(), boolean)
            return self
        self.query.where(column, operator, value, boolean)
        return self

    def or_where(
        self, column: t.Any, operator: t.Any = UNSET, value: t.Any = UNSET
    ) -> t.Self:
        """Add an ``or`` where clause. Laravel: ``Builder::orWhere()``."""
        if value is UNSET and operator is not UNSET:
            value, operator = operator, "="
        return self.where(column, operator, value, "or")

    def where_not(
        self,
        column: t.Any,
        operator: t.Any = UNSET,
        value: t.Any = UNSET,
        boolean: str = "and",
    ) -> t.Self:
        """Add a negated where clause. Laravel: ``Builder::whereNot()``."""
        return self.where(column, operator, value, f"{boolean} not")

    def or_where_not(
        self, column: t.Any, operator: t.Any = UNSET, value: t.Any = UNSET
    ) -> t.Self:
        """Add a negated ``or`` where clause. Laravel: ``Builder::orWhereNot()``."""
        return self.where_not(column, operator, value, "or")

    def where_key(self, id: t.Any) -> t.Self:
        """Constrain the query to one key or a list of keys. Laravel: ``Builder::whereKey()``."""
        id = _model_key(id)
        key = self.model.get_qualified_key_name()
        if isinstance(id, list | tuple | set) or hasattr(id, "all"):
            ids = [_model_key(i) for i in (id.all() if hasattr(id, "all") else id)]
            if self.model.get_key_type() == "string":
                ids = [str(i) for i in ids]
            self.query.where_in(key, ids)
            return self
        if id is not None and self.model.get_key_type() == "string":
            id = str(id)
        return self.where(key, "=", id)

    def where_key_not(self, id: t.Any) -> t.Self:
        """Exclude one key or a list of keys. Laravel: ``Builder::whereKeyNot()``."""
        id = _model_key(id)
        key = self.model.get_qualified_key_name()
        if isinstance(id, list | tuple | set) or hasattr(id, "all"):
            ids = [_model_key(i) for i in (id.all() if hasattr(id, "all") else id)]
            self.query.where_not_in(key, ids)
            return self
        if id is not None and self.model.get_key_type() == "string":
            id = str(id)
        return self.where(key, "!=", id)

    def latest(self, column: t.Any = None) -> t.Self:
        """Order newest first by ``created_at`` (or ``column``). Laravel: ``Builder::latest()``."""
        self.query.latest(column or self.model.get_created_at_column() or "created_at")
        return self

    def oldest(self, column: t.Any = None) -> t.Self:
        """Order oldest first by ``created_at`` (or ``column``). Laravel: ``Builder::oldest()``."""
        self.query.oldest(column or self.model.get_created_at_column() or "created_at")
        return self

    # -- scopes --------------------------------------------------------------------------------

    def with_global_scope(self, identifier: str, scope: t.Any) -> t.Self:
        """Register a global scope on this builder. Laravel: ``withGlobalScope()``."""
        self.scopes[identifier] = scope
        extend = getattr(scope, "extend", None)
        if callable(extend):
            extend(self)
        return self

    def without_global_scope(self, scope: t.Any) -> t.Self:
        """Remove a global scope (by name, class or instance). Laravel: ``withoutGlobalScope()``."""
        identifier = scope_identifier(scope)
        if identifier in self.scopes:
            del self.scopes[identifier]
            self.removed_scopes.append(identifier)
        return self

    def without_global_scopes(self, scopes: t.Iterable[t.Any] | None = None) -> t.Self:
        """Remove the given global scopes, or all of them. Laravel: ``withoutGlobalScopes()``."""
        for scope in list(self.scopes) if scopes is None else list(scopes):
            self.without_global_scope(scope)
        return self

    def without_global_scopes_except(self, scopes: t.Iterable[t.Any] = ()) -> t.Self:
        """Remove every global scope but the given ones. Laravel: ``withoutGlobalScopesExcept()``."""
        keep = {scope_identifier(scope) for scope in scopes}
        return self.without_global_scopes([s for s in self.scopes if s not in keep])

    def get_removed_scopes(self) -> list[str]:
        """Get the names of the removed global scopes. Laravel: ``removedScopes()``."""
        return list(self.removed_scopes)

    def apply_scopes(self) -> Builder:
        """Return a copy with the global scopes applied. Laravel: ``Builder::applyScopes()``."""
        if not self.scopes:
            return self
        builder = self.clone()
        for identifier, scope in self.scopes.items():
            if identifier not in builder.scopes:
                continue
            builder.call_scope(lambda b, s=scope: _apply_scope(b, s))
        builder.scopes = {}
        builder.removed_scopes = list(self.removed_scopes)
        return builder

    def call_scope(self, scope: t.Callable[..., t.Any], *parameters: t.Any) -> t.Any:
        """Run a scope, grouping its ``or`` wheres apart from earlier ones. Laravel: ``callScope()``."""
        query = self.get_query()
        original = len(query.wheres)
        result = scope(self, *parameters)
        if len(query.wheres) > original:
            self._add_new_wheres_within_group(query, original)
        return self if result is None else result

    def call_named_scope(self, name: str, *parameters: t.Any) -> t.Any:
        """Run the local scope ``name`` with the given arguments. Laravel: ``callNamedScope()``."""
        return self.call_scope(
            lambda builder, *args: self.model.call_named_scope(name, builder, *args),
            *parameters,
        )

    def _add_new_wheres_within_group(self, query: t.Any, original: int) -> None:
        wheres = list(query.wheres)
        query.wheres = []
        self._group_where_slice(query, wheres[:original])
        self._group_where_slice(query, wheres[original:])

    def _group_where_slice(
        self, query: t.Any, where_slice: list[dict[str, t.Any]]
    ) -> None:
        booleans = [where.get("boolean", "and") for where in where_slice]
        if any("or" in boolean for boolean in booleans):
            group = query.for_nested_where()
            group.wheres = where_slice
            query.wheres.append(
                {
                    "type": "Nested",
                    "query": group,
                    "boolean": booleans[0].replace(" not", ""),
                }
            )
        else:
            query.wheres.extend(where_slice)

    # -- macros and forwarding -----------------------------------------------------------------

    def macro(self, name: str, callback: t.Callable[..., t.Any]) -> t.Self:
        """Add a method to this builder only: ``callback(builder, *args)``. Laravel: ``Builder::macro()``."""
        self.local_macros[name] = callback
        return self

    def has_macro(self, name: str) -> bool:
        """Return whether this builder has a local macro. Laravel: ``Builder::hasMacro()``."""
        return name in self.local_macros

    def __getattr__(self, name: str) -> t.Any:
        if name.startswith("_") or "query" not in self.__dict__:
            raise AttributeError(name)
        macros = self.__dict__.get("local_macros", {})
        macro = macros.get(name) or macros.get(_snake(name))
        if macro is not None:
            return lambda *args, **kwargs: macro(self, *args, **kwargs)
        model = self.__dict__.get("model")
        if model is not None and model.has_named_scope(name):
            return lambda *args: self.call_named_scope(name, *args)
        passthru = name if name in PASSTHRU else _CAMEL_PASSTHRU.get(name)
        if passthru is not None:
            return getattr(self.to_base(), passthru)
        target = getattr(self.query, name)
        if not callable(target):
            return target

        def forward(*args: t.Any, **kwargs: t.Any) -> t.Any:
            result = target(*args, **kwargs)
            return self if result is self.query else result

        return forward

    def __repr__(self) -> str:
        model = type(self.model).__name__ if self.model is not None else None
        return f"<Eloquent Builder {model} {self.query!r}>"


def _apply_scope(builder: Builder, scope: t.Any) -> None:
    apply = getattr(scope, "apply", None)
    if apply is not None and not _is_plain_function(scope):
        apply(builder, builder.get_model())
    else:
        scope(builder)


def _is_plain_function(value: t.Any) -> bool:
    import types

    return isinstance(value, types.FunctionType | types.MethodType | types.LambdaType)


def _is_query(value: t.Any) -> bool:
    return isinstance(value, Builder) or hasattr(value, "to_sql")


def _model_key(value: t.Any) -> t.Any:
    if hasattr(value, "get_key") and class_defines(type(value), "get_key"):
        return value.get_key()
    return value


def _snake(name: str) -> str:
    import re

    return re.sub(r"([A-Z])", r"_\1", name).lower().lstrip("_")
