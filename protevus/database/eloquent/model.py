"""The Eloquent model: an active record over one table.

Laravel: ``Illuminate\\Database\\Eloquent\\Model``.

::

    class Post(Model):
        fillable = ['title', 'body']

    post = Post.create({'title': 'Hello', 'body': '...'})
    Post.where('votes', '>', 100).order_by('id').get()
    post.title = 'Hi'; post.save()

Attributes read and write as Python attributes or items (``post.title``,
``post['title']``); unknown names read as ``None`` as in Laravel. Class-level calls
the model does not define (``Post.where``, ``Post.find``, ``Post.create``) forward
to a new Eloquent builder.
"""

from __future__ import annotations

import json
import typing as t

from protevus.database.eloquent.collection import Collection
from protevus.database.eloquent.concerns.cast_types import forget_class_settings
from protevus.database.eloquent.concerns.guards_attributes import GuardsAttributes
from protevus.database.eloquent.concerns.has_attributes import HasAttributes
from protevus.database.eloquent.concerns.has_attributes import class_defines
from protevus.database.eloquent.concerns.has_casts import HasCasts
from protevus.database.eloquent.concerns.has_events import HasEvents
from protevus.database.eloquent.concerns.has_global_scopes import HasGlobalScopes
from protevus.database.eloquent.concerns.has_relationships import HasRelationships
from protevus.database.eloquent.concerns.has_timestamps import HasTimestamps
from protevus.database.eloquent.concerns.has_unique_ids import HasUniqueIds
from protevus.database.eloquent.concerns.hides_attributes import HidesAttributes
from protevus.database.eloquent.concerns.model_queries import ModelQueries
from protevus.database.eloquent.concerns.persists_models import PersistsModels
from protevus.database.eloquent.concerns.resolves_route_bindings import (
    ResolvesRouteBindings,
)
from protevus.support.aliases import CamelAliases
from protevus.support.aliases import add_camel_aliases

#: names the model never answers as attributes: other code duck-types on them
#: (``dict(model)`` looks for ``keys``, the router for ``to_response``...).
_PROTOCOL_NAMES = frozenset(
    {
        "keys",
        "to_response",
        "to_base",
        "to_sql",
        "get_bindings",
        "render",
        "handle",
        "isoformat",
        "to_html",
        "get_message_bag",
        "terminate",
        "report",
        "tzinfo",
    }
)


class _QueryMethod:
    """Forward a builder method from the model class or an instance (``Post.with_('user')``).

    ``with_`` and ``with_count`` are also Laravel's ``$with``/``$withCount`` class
    lists: a list assigned to them in a model body becomes the default eager loads.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: t.Any, owner: type) -> t.Callable[..., t.Any]:
        name = self.name

        def call(*args: t.Any, **kwargs: t.Any) -> t.Any:
            query = (
                instance.new_query()
                if instance is not None
                else t.cast(t.Any, owner).query()
            )
            return getattr(query, name)(*args, **kwargs)

        return call


class ModelMeta(type):
    """Turn ``with_ = [...]`` into default eager loads; forward unknown class attributes to a query.

    Laravel: ``Model::__callStatic()``.
    """

    def __new__(
        mcls,
        name: str,
        bases: tuple[type, ...],
        namespace: dict[str, t.Any],
        **kwargs: t.Any,
    ) -> ModelMeta:
        for key, store in (
            ("with_", "_with_defaults"),
            ("with_count", "_with_count_defaults"),
        ):
            value = namespace.get(key)
            if isinstance(value, list | tuple):
                namespace[store] = list(value)
                del namespace[key]
        return super().__new__(mcls, name, bases, namespace, **kwargs)

    def __setattr__(cls, name: str, value: t.Any) -> None:
        super().__setattr__(name, value)
        forget_class_settings()  # settings are read through a per-class cache

    def __delattr__(cls, name: str) -> None:
        super().__delattr__(name)
        forget_class_settings()

    def __getattr__(cls, name: str) -> t.Any:
        if name.startswith("_"):
            raise AttributeError(name)
        from protevus.database.eloquent.builder import Builder
        from protevus.database.query.builder import Builder as QueryBuilder

        known = (
            class_defines(Builder, name)
            or class_defines(QueryBuilder, name)
            or name.startswith("where")
            or class_defines(cls, f"scope_{name}")
        )
        if not known and Model._resolver is None:
            raise AttributeError(
                f"type object [{cls.__name__}] has no attribute [{name}]"
            )
        return getattr(t.cast(t.Any, cls).query(), name)


class Model(
    HasAttributes,
    HasCasts,
    GuardsAttributes,
    HidesAttributes,
    HasTimestamps,
    HasUniqueIds,
    HasGlobalScopes,
    HasRelationships,
    HasEvents,
    ResolvesRouteBindings,
    ModelQueries,
    PersistsModels,
    CamelAliases,
    metaclass=ModelMeta,
):
    """An active record over one table.

    Laravel: ``Illuminate\\Database\\Eloquent\\Model``.
    """

    #: the table (default: the snake-case plural of the class name, ``PostTag`` → ``post_tags``).
    table: t.ClassVar[str | None] = None
    primary_key: t.ClassVar[str] = "id"
    key_type: t.ClassVar[str] = "int"
    incrementing: t.ClassVar[bool] = True
    date_format: t.ClassVar[str | None] = None
    #: the connection name (``None``: the default connection).
    connection: t.ClassVar[str | None] = None
    #: default attribute values of a new model.
    attributes: t.ClassVar[dict[str, t.Any]] = {}
    casts: t.ClassVar[t.Any] = {}
    per_page: t.ClassVar[int] = 15
    touches: t.ClassVar[list[str]] = []
    observers: t.ClassVar[list[t.Any]] = []
    morph_class: t.ClassVar[str | None] = None

    with_ = _QueryMethod("with_")
    with_count = _QueryMethod("with_count")
    _with_defaults: t.ClassVar[list[t.Any]] = []
    _with_count_defaults: t.ClassVar[list[t.Any]] = []

    _resolver: t.ClassVar[t.Any] = None
    _booted: t.ClassVar[set[type]] = set()
    _initializers: t.ClassVar[dict[type, list[str]]] = {}
    _tables: t.ClassVar[dict[type, str]] = {}
    _prevents_silently_discarding: t.ClassVar[bool] = False
    _prevents_accessing_missing_attributes: t.ClassVar[bool] = False

    def __init__(
        self, attributes: t.Mapping[str, t.Any] | None = None, **kwargs: t.Any
    ) -> None:
        cls = type(self)
        if cls not in Model._booted:
            cls._boot_if_not_booted()
        state = self.__dict__
        state["attributes"] = dict(cls.attributes)
        state["original"] = {}
        state["changes"] = {}
        state["previous"] = {}
        state["relations"] = {}
        state["exists"] = False
        state["was_recently_created"] = False
        for name in Model._initializers.get(cls, ()):
            getattr(self, name)()
        self.sync_original()
        if attributes or kwargs:
            self.fill({**(attributes or {}), **kwargs})

    # -- booting -------------------------------------------------------------------

    @classmethod
    def _boot_if_not_booted(cls) -> None:
        if cls in Model._booted:
            return
        Model._booted.add(cls)
        cls.booting()
        cls.boot()
        cls.booted()

    @classmethod
    def booting(cls) -> None:
        """Run before the model boots (override). Laravel: ``Model::booting()``."""

    @classmethod
    def boot(cls) -> None:
        """Boot the model: run each mixin's ``boot_<mixin>`` classmethod. Laravel: ``Model::boot()``."""
        cls.boot_traits()

    @classmethod
    def booted(cls) -> None:
        """Run after the model booted: register scopes and events here. Laravel: ``Model::booted()``."""

    @classmethod
    def boot_traits(cls) -> None:
        """Call ``boot_<snake mixin>`` of every mixin and collect ``initialize_<snake mixin>``.

        Laravel: ``Model::bootTraits()``.
        """
        from protevus.support.str import Str

        booted: set[str] = set()
        initializers: list[str] = []
        for klass in reversed(cls.__mro__):
            if klass is object or (issubclass(klass, Model) and klass is not Model):
                continue
            snake = Str.snake(klass.__name__)
            boot, init = f"boot_{snake}", f"initialize_{snake}"
            if boot not in booted and boot in klass.__dict__:
                booted.add(boot)
                getattr(cls, boot)()
            if init not in initializers and init in klass.__dict__:
                initializers.append(init)
        Model._initializers[cls] = initializers

    @classmethod
    def clear_booted_models(cls) -> None:
        """Forget which models booted and their global scopes. Laravel: ``Model::clearBootedModels()``."""
        Model._booted.clear()
        Model._initializers.clear()
        HasGlobalScopes._global_scopes.clear()
        GuardsAttributes._guardable_columns.clear()

    @classmethod
    def class_path(cls) -> str:
        """Get the dotted class path (``app.models.Post``) errors and morph types use."""
        return f"{cls.__module__}.{cls.__name__}"

    # -- strictness --------------------------------------------------------------------

    @classmethod
    def should_be_strict(cls, value: bool = True) -> None:
        """Turn on lazy-loading prevention and the two attribute checks. Laravel: ``Model::shouldBeStrict()``."""
        cls.prevent_lazy_loading(value)
        cls.prevent_silently_discarding_attributes(value)
        cls.prevent_accessing_missing_attributes(value)

    @classmethod
    def prevent_silently_discarding_attributes(cls, value: bool = True) -> None:
        """Raise on fill() keys that are not fillable. Laravel: ``preventSilentlyDiscardingAttributes()``."""
        Model._prevents_silently_discarding = value

    @classmethod
    def prevents_silently_discarding_attributes(cls) -> bool:
        """Return whether discarded fill() keys raise. Laravel: ``preventsSilentlyDiscardingAttributes()``."""
        return Model._prevents_silently_discarding

    @classmethod
    def prevent_accessing_missing_attributes(cls, value: bool = True) -> None:
        """Raise on reading attributes that were not retrieved. Laravel: ``preventAccessingMissingAttributes()``."""
        Model._prevents_accessing_missing_attributes = value

    # -- connection ------------------------------------------------------------------

    @classmethod
    def set_connection_resolver(cls, resolver: t.Any) -> None:
        """Set the connection resolver (the DatabaseManager) models use. Laravel: ``setConnectionResolver()``."""
        Model._resolver = resolver

    @classmethod
    def get_connection_resolver(cls) -> t.Any:
        """Get the connection resolver. Laravel: ``getConnectionResolver()``."""
        return Model._resolver

    @classmethod
    def unset_connection_resolver(cls) -> None:
        """Forget the connection resolver. Laravel: ``unsetConnectionResolver()``."""
        Model._resolver = None

    @classmethod
    def resolve_connection(cls, connection: str | None = None) -> t.Any:
        """Resolve a connection by name (the default one for ``None``). Laravel: ``resolveConnection()``."""
        resolver = Model._resolver
        if resolver is None:
            from protevus.database.exceptions import DatabaseError

            raise DatabaseError(
                f"No database connection resolver is set for model [{cls.class_path()}]: "
                "register DatabaseServiceProvider, call Capsule.boot_eloquent(), or "
                "Model.set_connection_resolver(db)."
            )
        return resolver.connection(connection)

    def get_connection(self) -> t.Any:
        """Get the model's connection. Laravel: ``Model::getConnection()``."""
        return type(self).resolve_connection(self.get_connection_name())

    def get_connection_name(self) -> str | None:
        """Get the model's connection name. Laravel: ``getConnectionName()``."""
        return self.connection

    def set_connection(self, name: str | None) -> t.Self:
        """Use another connection for this instance. Laravel: ``setConnection()``."""
        object.__setattr__(self, "connection", name)
        return self

    # -- table and keys -----------------------------------------------------------------

    def get_table(self) -> str:
        """Get the table: ``table``, else the snake-case plural of the class name. Laravel: ``getTable()``."""
        if self.table:
            return self.table
        cls = type(self)
        name = Model._tables.get(cls)
        if name is None:
            from protevus.support.str import Str

            name = Str.snake(Str.plural_studly(cls.__name__))
            Model._tables[cls] = name
        return name

    def set_table(self, table: str) -> t.Self:
        """Use another table for this instance. Laravel: ``setTable()``."""
        object.__setattr__(self, "table", table)
        return self

    def get_key_name(self) -> str:
        """Get the primary key column. Laravel: ``getKeyName()``."""
        return self.primary_key

    def set_key_name(self, key: str) -> t.Self:
        """Set the primary key column of this instance. Laravel: ``setKeyName()``."""
        object.__setattr__(self, "primary_key", key)
        return self

    def get_qualified_key_name(self) -> str:
        """Get the table-qualified key (``posts.id``). Laravel: ``getQualifiedKeyName()``."""
        return self.qualify_column(self.get_key_name())

    def get_key_type(self) -> str:
        """Get the key type (``'int'`` or ``'string'``). Laravel: ``getKeyType()``."""
        return self.key_type

    def set_key_type(self, key_type: str) -> t.Self:
        """Set the key type of this instance. Laravel: ``setKeyType()``."""
        object.__setattr__(self, "key_type", key_type)
        return self

    def get_incrementing(self) -> bool:
        """Return whether the key auto-increments. Laravel: ``getIncrementing()``."""
        return bool(self.incrementing)

    def set_incrementing(self, value: bool) -> t.Self:
        """Set whether the key auto-increments. Laravel: ``setIncrementing()``."""
        object.__setattr__(self, "incrementing", value)
        return self

    def get_key(self) -> t.Any:
        """Get the primary key value. Laravel: ``getKey()``."""
        return self.get_attribute(self.get_key_name())

    def get_key_for_save_query(self) -> t.Any:
        """Get the key a save/delete query matches (the original one). Laravel: ``getKeyForSaveQuery()``."""
        return self.original.get(self.get_key_name(), self.get_key())

    def set_keys_for_save_query(self, query: t.Any) -> t.Any:
        """Constrain ``query`` to this model's row. Laravel: ``setKeysForSaveQuery()``."""
        return query.where(self.get_key_name(), "=", self.get_key_for_save_query())

    def set_keys_for_select_query(self, query: t.Any) -> t.Any:
        """Constrain a select ``query`` to this model's row. Laravel: ``setKeysForSelectQuery()``."""
        return query.where(self.get_key_name(), "=", self.get_key_for_save_query())

    def get_foreign_key(self) -> str:
        """Get the default foreign key for this model (``post_id``). Laravel: ``getForeignKey()``."""
        from protevus.support.str import Str

        return f"{Str.snake(type(self).__name__)}_{self.get_key_name()}"

    def qualify_column(self, column: str) -> str:
        """Prefix a column with the table (``posts.title``). Laravel: ``qualifyColumn()``."""
        if "." in column:
            return column
        return f"{self.get_table()}.{column}"

    def qualify_columns(self, columns: t.Iterable[str]) -> list[str]:
        """Prefix several columns with the table. Laravel: ``qualifyColumns()``."""
        return [self.qualify_column(column) for column in columns]

    def get_per_page(self) -> int:
        """Get the default page size. Laravel: ``getPerPage()``."""
        return self.per_page

    def set_per_page(self, per_page: int) -> t.Self:
        """Set the page size of this instance. Laravel: ``setPerPage()``."""
        object.__setattr__(self, "per_page", per_page)
        return self

    def get_morph_class(self) -> str:
        """Get the morph type stored for this model: its morph-map alias, else its class path.

        Laravel: ``Model::getMorphClass()``.
        """
        if self.morph_class:
            return self.morph_class
        cls = type(self)
        try:
            from protevus.database.eloquent.relations.relation import Relation

            morph_map = t.cast(t.Any, Relation).morph_map() or {}
        except (ImportError, AttributeError, TypeError):
            morph_map = {}
        for alias, target in morph_map.items():
            if target is cls or target == cls.class_path():
                return str(alias)
        return cls.class_path()

    # -- Python protocols -------------------------------------------------------------

    def __getattr__(self, name: str) -> t.Any:
        if name.startswith("_") or "attributes" not in self.__dict__:
            raise AttributeError(name)
        if name in _PROTOCOL_NAMES:
            raise AttributeError(
                f"[{type(self).__name__}] object has no attribute [{name}]"
            )
        if class_defines(type(self), f"scope_{name}"):
            return getattr(self.new_query(), name)
        return self.get_attribute(name)

    def __setattr__(self, name: str, value: t.Any) -> None:
        if (
            name.startswith("_")
            or name in self.__dict__
            or class_defines(type(self), name)
        ):
            object.__setattr__(self, name, value)
        else:
            self.set_attribute(name, value)

    def __delattr__(self, name: str) -> None:
        if name in self.__dict__:
            object.__delattr__(self, name)
            return
        self.__delitem__(name)

    def __getitem__(self, key: str) -> t.Any:
        return self.get_attribute(key)

    def __setitem__(self, key: str, value: t.Any) -> None:
        self.set_attribute(key, value)

    def __delitem__(self, key: str) -> None:
        self.attributes.pop(key, None)
        self.relations.pop(key, None)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.offset_exists(key)

    def offset_exists(self, key: str) -> bool:
        """Return whether an attribute or relation is set and not ``None``. Laravel: ``offsetExists()``."""
        from protevus.database.eloquent.exceptions import MissingAttributeError

        try:
            return self.get_attribute(key) is not None
        except MissingAttributeError:
            return False

    def offset_get(self, key: str) -> t.Any:
        """Get an attribute (``model[key]``). Laravel: ``offsetGet()``."""
        return self.get_attribute(key)

    def offset_set(self, key: str, value: t.Any) -> None:
        """Set an attribute (``model[key] = value``). Laravel: ``offsetSet()``."""
        self.set_attribute(key, value)

    def offset_unset(self, key: str) -> None:
        """Remove an attribute and relation (``del model[key]``). Laravel: ``offsetUnset()``."""
        self.__delitem__(key)

    def __iter__(self) -> t.Iterator[tuple[str, t.Any]]:
        return iter(self.to_array().items())

    def __copy__(self) -> t.Self:
        # PHP's clone copies arrays: the copy's attributes change on their own.
        copy = type(self).__new__(type(self))
        copy.__dict__.update(self.__dict__)
        for name in ("attributes", "original", "changes", "previous", "relations"):
            if name in self.__dict__:
                copy.__dict__[name] = dict(self.__dict__[name])
        return copy

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Model):
            return NotImplemented
        if self is other:
            return True
        if self.get_key() is None or other.get_key() is None:
            return False
        return type(self) is type(other) and self.is_(other)

    def __hash__(self) -> int:
        # Hash by table and key, so equal models hash alike; a model without a key
        # yet cannot be hashed (its hash would change when save() gives it one and
        # it would be lost in a set), as Django's models refuse too.
        key = self.get_key()
        if key is None:
            raise TypeError(
                f"Model [{type(self).__name__}] without a primary key value is "
                "unhashable: save it first, or keep it in a list."
            )
        return hash((self.get_table(), key))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.attributes!r}>"

    # -- serialization -----------------------------------------------------------------

    def to_array(self) -> dict[str, t.Any]:
        """Get the attributes and loaded relations as a dict (hidden ones left out).

        Laravel: ``Model::toArray()``.
        """
        return {**self.attributes_to_array(), **self.relations_to_array()}

    def json_serialize(self) -> dict[str, t.Any]:
        """Get what ``to_json`` encodes. Laravel: ``Model::jsonSerialize()``."""
        return self.to_array()

    def to_json(self, **options: t.Any) -> str:
        """Encode the model as JSON (``json.dumps`` options accepted). Laravel: ``Model::toJson()``."""
        from protevus.database.eloquent.exceptions import JsonEncodingError

        options.setdefault("ensure_ascii", False)
        options.setdefault("default", _json_default)
        try:
            return json.dumps(self.json_serialize(), **options)
        except (TypeError, ValueError) as exc:
            raise JsonEncodingError(
                f"Error encoding model [{type(self).class_path()}] with ID "
                f"[{self.get_key()}] to JSON: {exc}."
            ) from exc

    def new_collection(self, models: t.Iterable[Model] = ()) -> Collection:
        """Wrap models in an Eloquent Collection. Laravel: ``Model::newCollection()``."""
        return Collection(list(models))


def _json_default(value: t.Any) -> t.Any:
    if hasattr(value, "to_array"):
        return value.to_array()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    import decimal

    if isinstance(value, decimal.Decimal):
        return str(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# The mixins are plain classes; give their public methods camelCase twins too.
for _base in Model.__mro__:
    if _base not in (object, CamelAliases):
        add_camel_aliases(_base)


def _adopt_booted_application() -> None:
    """Connect models to an application that booted before this module was imported."""
    from protevus.database.database_service_provider import DatabaseServiceProvider
    from protevus.database.database_service_provider import configure_eloquent

    if DatabaseServiceProvider.pending_app is not None:
        configure_eloquent(DatabaseServiceProvider.pending_app)


_adopt_booted_application()
