"""Use the database layer outside a Protevus application (scripts, tests, other apps).

::

    from protevus.database import Capsule

    capsule = Capsule()
    capsule.add_connection({'driver': 'sqlite', 'database': ':memory:'})
    capsule.set_as_global()
    capsule.boot_eloquent()

    Capsule.schema().create('users', lambda table: ...)
    Capsule.table('users').where('votes', '>', 100).get()

Laravel: ``Illuminate\\Database\\Capsule\\Manager``.
"""

from __future__ import annotations

import typing as t

from protevus.config.repository import Repository
from protevus.container.container import Container
from protevus.database.database_manager import DatabaseManager
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.connection import Connection

_R = t.TypeVar("_R")


class _Hybrid:
    """Bind a method to the instance, or to the global capsule when called on the class."""

    def __init__(self, fn: t.Callable[..., t.Any]) -> None:
        self.fn = fn
        self.__doc__ = fn.__doc__
        self.__name__ = fn.__name__

    def __get__(self, instance: t.Any, owner: type) -> t.Callable[..., t.Any]:
        target = instance if instance is not None else t.cast(t.Any, owner).get_global()
        return self.fn.__get__(target, owner)


class _CapsuleMeta(type):
    def __getattr__(cls, name: str) -> t.Any:
        # Laravel: Manager::__callStatic() forwards to the global default connection.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(t.cast(t.Any, cls).get_global().connection(), name)


class Capsule(CamelAliases, metaclass=_CapsuleMeta):
    """Hold a container, a config and a :class:`DatabaseManager` of their own.

    ``table``, ``connection`` and ``schema`` work on an instance and, after
    :meth:`set_as_global`, on the class (``Capsule.table('users')``); other class
    attributes forward to the global default connection (``Capsule.select(...)``).

    Laravel: ``Illuminate\\Database\\Capsule\\Manager``.
    """

    _global: t.ClassVar[Capsule | None] = None
    #: the connection resolver Eloquent models use once :meth:`boot_eloquent` ran.
    connection_resolver: t.ClassVar[DatabaseManager | None] = None

    def __init__(self, container: Container | None = None) -> None:
        self.container = container or Container()
        if not self.container.bound("config"):
            self.container.instance("config", Repository({}))
        config = self.container.make("config")
        if config.get("database.default") is None:
            config.set("database.default", "default")
        if config.get("database.connections") is None:
            config.set("database.connections", {})
        self.manager = DatabaseManager(self.container)
        self.container.instance("db", self.manager)
        self.container.bind(
            "schema", lambda app: app.make("db").connection().get_schema_builder()
        )

    @classmethod
    def get_global(cls) -> Capsule:
        """Get the capsule :meth:`set_as_global` registered."""
        if Capsule._global is None:
            raise RuntimeError(
                "No global Capsule is set: call capsule.set_as_global() before "
                "using Capsule.table(), Capsule.schema() or Capsule.connection()."
            )
        return Capsule._global

    def add_connection(
        self, config: t.Mapping[str, t.Any], name: str = "default"
    ) -> None:
        """Register a connection's config under ``name``.

        Laravel: ``Capsule\\Manager::addConnection()``.
        """
        connections = dict(self.container.make("config").get("database.connections"))
        connections[name] = dict(config)
        self.container.make("config").set("database.connections", connections)
        if name in self.manager.connections:
            self.manager.purge(name)

    @_Hybrid
    def connection(self, name: str | None = None) -> Connection:
        """Get a connection (the default one without a name). Laravel: ``Manager::connection()``."""
        return self.manager.connection(name)

    def get_connection(self, name: str | None = None) -> Connection:
        """Get a connection instance. Laravel: ``Manager::getConnection()``."""
        return self.manager.connection(name)

    @_Hybrid
    def table(
        self, table: t.Any, as_: str | None = None, connection: str | None = None
    ) -> t.Any:
        """Begin a fluent query on a table. Laravel: ``Manager::table()``."""
        return self.manager.connection(connection).table(table, as_)

    @_Hybrid
    def schema(self, connection: str | None = None) -> t.Any:
        """Get a schema builder. Laravel: ``Manager::schema()``."""
        return self.manager.connection(connection).get_schema_builder()

    def get_database_manager(self) -> DatabaseManager:
        """Get the database manager. Laravel: ``Manager::getDatabaseManager()``."""
        return self.manager

    def get_container(self) -> Container:
        """Get the capsule's container. Laravel: ``Manager::getContainer()``."""
        return self.container

    def set_event_dispatcher(self, dispatcher: t.Any) -> None:
        """Send connection events to ``dispatcher.dispatch(event)``.

        Laravel: ``Manager::setEventDispatcher()``.
        """
        self.container.instance("events", dispatcher)
        for connection in self.manager.get_connections().values():
            connection.set_event_dispatcher(dispatcher)

    def get_event_dispatcher(self) -> t.Any:
        """Get the event dispatcher, if any. Laravel: ``Manager::getEventDispatcher()``."""
        return self.container.make("events") if self.container.bound("events") else None

    def set_as_global(self) -> None:
        """Make this capsule the one class-level calls use.

        Without an application behind the facades, this also makes ``DB`` and
        ``Schema`` resolve from the capsule. Laravel: ``Manager::setAsGlobal()``.
        """
        from protevus.support.facades.facade import Facade

        Capsule._global = self
        if Facade.get_facade_application() is None:
            Facade.set_facade_application(self.container)
            Facade.clear_resolved_instance("db")
            Facade.clear_resolved_instance("schema")

    @classmethod
    def unset_global(cls) -> None:
        """Forget the global capsule (and its facade root, if it set one)."""
        from protevus.support.facades.facade import Facade

        if Capsule._global is not None:
            if Facade.get_facade_application() is Capsule._global.container:
                Facade.set_facade_application(None)
                Facade.clear_resolved_instance("db")
                Facade.clear_resolved_instance("schema")
            Capsule._global = None

    def boot_eloquent(self) -> None:
        """Let Eloquent models resolve connections through this capsule.

        Sets the manager as ``Model``'s connection resolver (also kept in
        :attr:`connection_resolver`) and, when the capsule has an event dispatcher,
        makes it the models' dispatcher. Laravel: ``Manager::bootEloquent()``.
        """
        from protevus.database.eloquent.model import Model

        Capsule.connection_resolver = self.manager
        Model.set_connection_resolver(self.manager)
        dispatcher = self.get_event_dispatcher()
        setter = getattr(Model, "set_event_dispatcher", None)
        if dispatcher is not None and callable(setter):
            setter(dispatcher)
