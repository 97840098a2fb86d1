"""Build models with fake attributes: ``Post.factory().count(3).create()``.

A factory names its model and returns default attributes from ``definition()``,
usually with Faker (``self.faker``)::

    class PostFactory(Factory):
        model = Post

        def definition(self):
            return {'title': self.faker.sentence(), 'user_id': User.factory()}

Every modifier (``count``, ``state``, ``sequence``, ``has``, ``for_``...) returns a new
factory, so a configured factory can be reused. ``make()`` builds unsaved models,
``create()`` saves them (and their related models), ``raw()`` returns the attributes.

Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\Factory``.
"""

from __future__ import annotations

import random
import typing as t

from protevus.container._reflection import arity
from protevus.database.eloquent.factories.belongs_to_many_relationship import (
    BelongsToManyRelationship,
)
from protevus.database.eloquent.factories.belongs_to_relationship import (
    BelongsToRelationship,
)
from protevus.database.eloquent.factories.cross_join_sequence import CrossJoinSequence
from protevus.database.eloquent.factories.relationship import Relationship
from protevus.database.eloquent.factories.sequence import Sequence
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from faker import Faker

_State = t.Callable[..., t.Mapping[str, t.Any]]
_Callback = t.Callable[..., t.Any]

#: one Faker generator per locale, shared like Laravel's container singleton.
_FAKERS: dict[str, Faker] = {}


def fake(locale: str | None = None) -> Faker:
    """Get the shared Faker generator for ``locale`` (``app.faker_locale``, else en_US).

    Laravel: ``fake()`` / the container's ``Faker\\Generator``.
    """
    locale = locale or _configured_locale()
    generator = _FAKERS.get(locale)
    if generator is None:
        from faker import Faker

        generator = _FAKERS[locale] = Faker(locale)
    return generator


def _configured_locale() -> str:
    from protevus.container.container import Container

    container = Container.get_instance()
    if container.bound("config"):
        return str(container.make("config").get("app.faker_locale") or "en_US")
    return "en_US"


def _call(callback: _Callback, *args: t.Any) -> t.Any:
    """Call ``callback`` with as many of ``args`` as it accepts."""
    return callback(*args[: arity(callback)])


class Factory(Macroable, CamelAliases):
    """Define and build models with fake data.

    Laravel: ``Illuminate\\Database\\Eloquent\\Factories\\Factory``.
    """

    #: the model class this factory makes (guessed from the factory's name when unset).
    model: t.ClassVar[t.Any] = None
    #: where factories of models are found: ``database.factories.post_factory.PostFactory``.
    namespace: t.ClassVar[str] = "database.factories"

    _model_name_resolver: t.ClassVar[t.Callable[[Factory], t.Any] | None] = None
    _factory_name_resolver: t.ClassVar[t.Callable[[type], str] | None] = None

    def __init__(
        self,
        count: int | None = None,
        states: list[_State] | None = None,
        has: list[t.Any] | None = None,
        for_: list[BelongsToRelationship] | None = None,
        after_making: list[_Callback] | None = None,
        after_creating: list[_Callback] | None = None,
        connection: str | None = None,
        recycle: dict[t.Any, list[t.Any]] | None = None,
        expand_relationships: bool = True,
    ) -> None:
        self._count = count
        self._states: list[_State] = list(states or [])
        self._has: list[t.Any] = list(has or [])
        self._for: list[BelongsToRelationship] = list(for_ or [])
        self._after_making: list[_Callback] = list(after_making or [])
        self._after_creating: list[_Callback] = list(after_creating or [])
        self._connection = connection
        self._recycle: dict[t.Any, list[t.Any]] = dict(recycle or {})
        self._expand_relationships = expand_relationships

    # -- defining --------------------------------------------------------------------

    def definition(self) -> dict[str, t.Any]:
        """Get the model's default attributes (override in subclasses).

        Laravel: ``Factory::definition()``.
        """
        raise NotImplementedError(
            f"Factory [{type(self).__name__}] must define definition() returning the "
            "model's default attributes."
        )

    def configure(self) -> t.Self:
        """Configure the factory (override to add after_making/after_creating callbacks).

        Laravel: ``Factory::configure()``.
        """
        return self

    @property
    def faker(self) -> Faker:
        """Get the Faker generator (locale ``app.faker_locale``). Laravel: ``$this->faker``."""
        return fake()

    @classmethod
    def new(cls, attributes: t.Any = None) -> t.Self:
        """Get a new factory instance, with ``attributes`` as a state. Laravel: ``Factory::new()``."""
        factory = cls()
        if attributes:
            factory = factory.state(attributes)
        return factory.configure()

    @classmethod
    def times(cls, count: int) -> t.Self:
        """Get a new factory making ``count`` models. Laravel: ``Factory::times()``."""
        return cls.new().count(count)

    # -- building --------------------------------------------------------------------

    def raw(self, attributes: t.Any = None, parent: t.Any = None) -> t.Any:
        """Get the attributes (a dict, or a list of dicts with ``count``) without a model.

        Laravel: ``Factory::raw()``.
        """
        if self._count is None:
            return self.state(attributes or {})._get_expanded_attributes(parent)
        return [
            self.state(attributes or {}).count(None)._get_expanded_attributes(parent)
            for _ in range(self._count)
        ]

    def make_one(self, attributes: t.Any = None) -> t.Any:
        """Make one unsaved model. Laravel: ``Factory::makeOne()``."""
        return self.count(None).make(attributes)

    def make(self, attributes: t.Any = None, parent: t.Any = None) -> t.Any:
        """Make unsaved models: one model, or a collection when ``count`` is set.

        Laravel: ``Factory::make()``.
        """
        if attributes:
            return self.state(attributes).make(None, parent)
        if self._count is None:
            instance = self._make_instance(parent)
            self._call_after_making([instance])
            return instance
        collection = self.new_model().new_collection(
            [self._make_instance(parent) for _ in range(max(self._count, 0))]
        )
        self._call_after_making(list(collection))
        return collection

    def create_one(self, attributes: t.Any = None) -> t.Any:
        """Create one saved model. Laravel: ``Factory::createOne()``."""
        return self.count(None).create(attributes)

    def create_one_quietly(self, attributes: t.Any = None) -> t.Any:
        """Create one model without firing model events. Laravel: ``createOneQuietly()``."""
        return self.count(None).create_quietly(attributes)

    def create_many(self, records: t.Any = None) -> t.Any:
        """Create models: ``records`` is a count or a list of attribute dicts.

        Laravel: ``Factory::createMany()``.
        """
        if records is None:
            records = self._count if self._count is not None else 1
        if isinstance(records, int):
            records = [{} for _ in range(records)]
        models = [self.state(each).count(None).create() for each in records]
        return self.new_model().new_collection(models)

    def create_many_quietly(self, records: t.Any = None) -> t.Any:
        """Create models without firing model events. Laravel: ``createManyQuietly()``."""
        return self._model_class().without_events(lambda: self.create_many(records))

    def create(self, attributes: t.Any = None, parent: t.Any = None) -> t.Any:
        """Create saved models (and their ``has`` children): one, or a collection.

        Laravel: ``Factory::create()``.
        """
        if attributes:
            return self.state(attributes).create(None, parent)
        results = self.make(None, parent)
        models = [results] if self._count is None else list(results)
        self._store(models)
        self._call_after_creating(models, parent)
        return results

    def create_quietly(self, attributes: t.Any = None, parent: t.Any = None) -> t.Any:
        """Create models without firing model events. Laravel: ``createQuietly()``."""
        return self._model_class().without_events(
            lambda: self.create(attributes, parent)
        )

    def lazy(
        self, attributes: t.Any = None, parent: t.Any = None
    ) -> t.Callable[[], t.Any]:
        """Get a callable that creates the models when called. Laravel: ``Factory::lazy()``."""
        return lambda: self.create(attributes, parent)

    def _store(self, models: list[t.Any]) -> None:
        for model in models:
            if self._connection is not None:
                model.set_connection(self._connection)
            model.save()
            self._create_children(model)

    def _create_children(self, model: t.Any) -> None:
        if not self._has:
            return

        def create() -> None:
            for has in self._has:
                has.recycle(self._recycle).create_for(model)

        self._model_class().unguarded(create)

    def _make_instance(self, parent: t.Any) -> t.Any:
        model_class = self._model_class()
        instance = model_class.unguarded(
            lambda: self.new_model(self._get_expanded_attributes(parent))
        )
        if self._connection is not None:
            instance.set_connection(self._connection)
        return instance

    def _get_expanded_attributes(self, parent: t.Any) -> dict[str, t.Any]:
        return self._expand_attributes(self._get_raw_attributes(parent))

    def _get_raw_attributes(self, parent: t.Any) -> dict[str, t.Any]:
        states: list[_State] = list(self._states)
        if self._for:
            states.insert(0, lambda: self._parent_resolvers())
        attributes = dict(self.definition())
        for state in states:
            attributes = {**attributes, **_call(state, attributes, parent)}
        return attributes

    def _parent_resolvers(self) -> dict[str, t.Any]:
        model = self.new_model()
        resolved: dict[str, t.Any] = {}
        for relation in self._for:
            resolved.update(relation.recycle(self._recycle).attributes_for(model))
        return resolved

    def _expand_attributes(self, definition: dict[str, t.Any]) -> dict[str, t.Any]:
        for key, value in list(definition.items()):
            if callable(value) and not isinstance(value, (type, Factory)):
                value = _call(value, definition)
            definition[key] = self._evaluate_relation(value)
        return definition

    def _evaluate_relation(self, value: t.Any) -> t.Any:
        if not self._expand_relationships:
            return value
        if isinstance(value, Factory):
            recycled = self.get_random_recycled_model(value.model_name())
            if recycled is not None:
                return recycled.get_key()
            return value.recycle(self._recycle).create().get_key()
        if hasattr(value, "get_key") and hasattr(value, "fire_model_event"):
            return value.get_key()
        return value

    def _call_after_making(self, models: list[t.Any]) -> None:
        for model in models:
            for callback in self._after_making:
                _call(callback, model)

    def _call_after_creating(self, models: list[t.Any], parent: t.Any) -> None:
        for model in models:
            for callback in self._after_creating:
                _call(callback, model, parent)

    # -- configuring -----------------------------------------------------------------

    def state(self, state: t.Any) -> t.Self:
        """Add a state: a dict of attributes, or a callable ``(attributes, parent)``.

        Laravel: ``Factory::state()``.
        """
        if callable(state):
            return self._new_instance(states=[*self._states, state])
        if not isinstance(state, t.Mapping):
            raise InvalidArgumentError(
                f"A factory state must be a dict or a callable, [{state!r}] given."
            )
        frozen = dict(state)
        return self._new_instance(states=[*self._states, lambda: dict(frozen)])

    def states(self, *states: t.Any) -> t.Self:
        """Add several states in order. Laravel: ``Factory::state()`` called repeatedly."""
        factory = self
        for each in states:
            factory = factory.state(each)
        return factory

    def set(self, key: str, value: t.Any) -> t.Self:
        """Set one attribute. Laravel: ``Factory::set()``."""
        return self.state({key: value})

    def sequence(self, *sequence: t.Any) -> t.Self:
        """Cycle through states, one per model. Laravel: ``Factory::sequence()``."""
        return self.state(Sequence(*sequence))

    def for_each_sequence(self, *sequence: t.Any) -> t.Self:
        """Make one model per state. Laravel: ``Factory::forEachSequence()``."""
        return self.state(Sequence(*sequence)).count(len(sequence))

    def cross_join_sequence(self, *sequences: t.Any) -> t.Self:
        """Cycle through every combination of the state lists. Laravel: ``crossJoinSequence()``."""
        return self.state(CrossJoinSequence(*sequences))

    def count(self, count: int | None) -> t.Self:
        """Make ``count`` models (``None``: one model, not a collection). Laravel: ``count()``."""
        return self._new_instance(count=count)

    def connection(self, connection: str | None) -> t.Self:
        """Create the models on another connection. Laravel: ``Factory::connection()``."""
        return self._new_instance(connection=connection)

    def after_making(self, callback: _Callback) -> t.Self:
        """Run ``callback(model)`` after each model is made. Laravel: ``afterMaking()``."""
        return self._new_instance(after_making=[*self._after_making, callback])

    def after_creating(self, callback: _Callback) -> t.Self:
        """Run ``callback(model, parent)`` after each model is created. Laravel: ``afterCreating()``."""
        return self._new_instance(after_creating=[*self._after_creating, callback])

    def without_parents(self) -> t.Self:
        """Keep ``Factory`` values of the definition as they are. Laravel: ``withoutParents()``."""
        return self._new_instance(expand_relationships=False)

    # -- relationships ---------------------------------------------------------------

    def has(self, factory: Factory, relationship: str | None = None) -> t.Self:
        """Create related models for each model created (has-one/many, morph, many-to-many).

        The relation defaults to the plural snake name of the related model
        (``comments``), or the singular when the model has no such method.

        Laravel: ``Factory::has()``.
        """
        name = relationship or self._guess_relationship(factory.model_name())
        return self._new_instance(has=[*self._has, Relationship(factory, name)])

    def has_attached(
        self, factory: t.Any, pivot: t.Any = None, relationship: str | None = None
    ) -> t.Self:
        """Attach models (or a factory's models) through a belongs-to-many relation.

        ``pivot`` is a dict of pivot attributes or a callable receiving the parent.

        Laravel: ``Factory::hasAttached()``.
        """
        if relationship is None:
            if isinstance(factory, Factory):
                related = factory.model_name()
            else:
                first = factory if hasattr(factory, "get_key") else next(iter(factory))
                related = type(first)
            relationship = Str.plural(Str.snake(related.__name__))
        return self._new_instance(
            has=[
                *self._has,
                BelongsToManyRelationship(factory, pivot or {}, relationship),
            ]
        )

    def for_(self, factory: t.Any, relationship: str | None = None) -> t.Self:
        """Make the models belong to a parent model, or to one created by a factory.

        Laravel: ``Factory::for()``.
        """
        if relationship is None:
            related = (
                factory.model_name() if isinstance(factory, Factory) else type(factory)
            )
            relationship = Str.snake(related.__name__)
        return self._new_instance(
            for_=[*self._for, BelongsToRelationship(factory, relationship)]
        )

    def recycle(self, models: t.Any) -> t.Self:
        """Reuse existing models for relations instead of creating new ones.

        Laravel: ``Factory::recycle()``.
        """
        recycle = {cls: list(items) for cls, items in self._recycle.items()}
        if isinstance(models, dict):
            incoming = [m for items in models.values() for m in items]
        elif hasattr(models, "get_key"):
            incoming = [models]
        else:
            incoming = list(models)
        for model in incoming:
            bucket = recycle.setdefault(type(model), [])
            if model not in bucket:
                bucket.append(model)
        return self._new_instance(recycle=recycle)

    def get_random_recycled_model(self, model_class: t.Any) -> t.Any:
        """Pick a recycled model of the class, or ``None``. Laravel: ``getRandomRecycledModel()``."""
        models = self._recycle.get(model_class)
        return random.choice(models) if models else None

    def _guess_relationship(self, related: type) -> str:
        guess = Str.plural(Str.snake(related.__name__))
        return guess if hasattr(self._model_class(), guess) else Str.singular(guess)

    def __getattr__(self, name: str) -> t.Any:
        """Answer ``has_<relation>(...)``, ``for_<relation>(...)`` and ``trashed()``.

        Laravel: ``Factory::__call()``.
        """
        if name.startswith("_"):
            raise AttributeError(name)
        if name == "trashed":
            return self._trashed
        snake = Str.snake(name)
        for prefix in ("has_", "for_"):
            if snake.startswith(prefix) and len(snake) > len(prefix):
                relation = snake[len(prefix) :]
                if prefix == "has_":
                    return lambda *args: self._magic_has(relation, *args)
                return lambda state=None: self._magic_for(relation, state)
        raise AttributeError(
            f"Call to undefined method [{type(self).__name__}.{name}]. Factories "
            "answer has_<relation>() and for_<relation>() besides their own methods."
        )

    def _related_factory(self, relation: str) -> Factory:
        related = type(self.new_model().relation(relation).get_related())
        new_factory = getattr(related, "new_factory", None)
        factory = new_factory() if new_factory is not None else None
        return factory if factory is not None else Factory.factory_for_model(related)

    def _magic_has(self, relation: str, *args: t.Any) -> t.Self:
        first = args[0] if args else None
        count = first if isinstance(first, int) and not isinstance(first, bool) else 1
        if callable(first) or isinstance(first, t.Mapping):
            state: t.Any = first
        else:
            state = args[1] if len(args) > 1 else {}
        factory = self._related_factory(relation).count(count).state(state or {})
        return self.has(factory, relation)

    def _magic_for(self, relation: str, state: t.Any = None) -> t.Self:
        return self.for_(self._related_factory(relation).state(state or {}), relation)

    def _trashed(self) -> t.Self:
        from protevus.support.carbon import Carbon

        model = self.new_model()
        column_of = getattr(model, "get_deleted_at_column", None)
        if column_of is None:
            raise AttributeError(
                f"Call to undefined method [{type(self).__name__}.trashed]: model "
                f"[{type(model).__name__}] does not use SoftDeletes."
            )
        return self.state({column_of(): Carbon.now()})

    # -- models and names ------------------------------------------------------------

    def new_model(self, attributes: dict[str, t.Any] | None = None) -> t.Any:
        """Get a new, unsaved model instance. Laravel: ``Factory::newModel()``."""
        return self._model_class()(attributes or {})

    def model_name(self) -> t.Any:
        """Get the model class: ``model``, else guessed from the factory's name.

        ``PostFactory`` → ``app.models.post.Post``, then ``app.models.Post``.

        Laravel: ``Factory::modelName()``.
        """
        if self.model is not None:
            return self.model
        resolver = Factory._model_name_resolver
        if resolver is not None:
            return resolver(self)
        return self._guess_model_name()

    def _model_class(self) -> t.Any:
        return self.model_name()

    def _guess_model_name(self) -> t.Any:
        from protevus.container._reflection import import_class

        base = Str.replace_last("Factory", "", type(self).__name__)
        candidates = (f"app.models.{Str.snake(base)}.{base}", f"app.models.{base}")
        for path in candidates:
            found = import_class(path)
            if isinstance(found, type):
                return found
        raise InvalidArgumentError(
            f"Cannot find the model of factory [{type(self).__name__}]: tried "
            f"[{candidates[0]}] and [{candidates[1]}]. Set model = {base} on the factory."
        )

    @classmethod
    def guess_model_names_using(cls, resolver: t.Callable[[Factory], t.Any]) -> None:
        """Set how a factory finds its model. Laravel: ``guessModelNamesUsing()``."""
        Factory._model_name_resolver = resolver

    @classmethod
    def guess_factory_names_using(cls, resolver: t.Callable[[type], str]) -> None:
        """Set how a model finds its factory's dotted path. Laravel: ``guessFactoryNamesUsing()``."""
        Factory._factory_name_resolver = resolver

    @classmethod
    def use_namespace(cls, namespace: str) -> None:
        """Set the package factories live in. Laravel: ``Factory::useNamespace()``."""
        Factory.namespace = namespace

    @classmethod
    def resolve_factory_name(cls, model_class: type) -> str:
        """Get the dotted path of a model's factory.

        ``app.models.Post`` (or ``app.models.post.Post``) →
        ``database.factories.post_factory.PostFactory``; a model in
        ``app.models.admin.user`` → ``database.factories.admin.user_factory.UserFactory``.

        Laravel: ``Factory::resolveFactoryName()``.
        """
        resolver = Factory._factory_name_resolver
        if resolver is not None:
            return resolver(model_class)
        name = model_class.__name__
        module = model_class.__module__.split(".")
        folders: list[str] = []
        if module[:2] == ["app", "models"]:
            folders = module[2:]
            if folders and folders[-1] == Str.snake(name):
                folders = folders[:-1]
        path = [Factory.namespace, *folders, f"{Str.snake(name)}_factory"]
        return f"{'.'.join(path)}.{name}Factory"

    @classmethod
    def factory_for_model(cls, model_class: type) -> Factory:
        """Get a new factory for a model class. Laravel: ``Factory::factoryForModel()``."""
        from protevus.database.seeder import _import_module

        path = cls.resolve_factory_name(model_class)
        module_name, _, attr = path.rpartition(".")
        try:
            module = _import_module(module_name, _base_path(), path)
        except (ImportError, InvalidArgumentError):
            module = None
        factory = getattr(module, attr, None) if module is not None else None
        if not isinstance(factory, type) or not issubclass(factory, Factory):
            model = f"{model_class.__module__}.{model_class.__name__}"
            raise InvalidArgumentError(
                f"Factory [{path}] for model [{model}] does not exist. Create it with "
                f"`python artisan.py make:factory {model_class.__name__}Factory` or "
                "define new_factory() on the model."
            )
        return factory.new()

    # -- copying ---------------------------------------------------------------------

    def _new_instance(self, **changes: t.Any) -> t.Self:
        arguments: dict[str, t.Any] = {
            "count": self._count,
            "states": self._states,
            "has": self._has,
            "for_": self._for,
            "after_making": self._after_making,
            "after_creating": self._after_creating,
            "connection": self._connection,
            "recycle": self._recycle,
            "expand_relationships": self._expand_relationships,
        }
        arguments.update(changes)
        return type(self)(**arguments)


def _base_path() -> str:
    import os

    from protevus.container.container import Container

    container = Container.get_instance()
    base_path = getattr(container, "base_path", None)
    return str(base_path()) if callable(base_path) else os.getcwd()
