"""The Facade base: static-looking access to services in the container.

Laravel: ``Illuminate\\Support\\Facades\\Facade``. A facade is a tiny class that
names a container key; every attribute looked up on the class is looked up on the
service bound under that key (the facade *root*)::

    class Cache(Facade):
        accessor = 'cache'

    Cache.get('key')        # == app.make('cache').get('key')

Roots are resolved once and cached per key (``cached = False`` opts out, for
per-request services). The application sets itself as the facade application and
clears the cache when it is created, so a second app in the same process (tests)
never sees the first one's services.
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import ProtevusError
from protevus.support.aliases import CamelAliases


class FacadeError(ProtevusError, RuntimeError):
    """Signal that a facade has no application or its service is not bound.

    Laravel: ``RuntimeException('A facade root has not been set.')``.
    """


class FacadeMeta(type):
    """Forward attribute access on a facade class to its resolved root."""

    def __getattr__(cls, name: str) -> t.Any:
        # Dunder and private lookups come from Python machinery (copy, pickle,
        # typing); forwarding them would resolve services at surprising times.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(cls.get_facade_root(), name)


class Facade(CamelAliases, metaclass=FacadeMeta):
    """Resolve a container service and forward static calls to it.

    Laravel: ``Illuminate\\Support\\Facades\\Facade``.
    """

    #: the container key (or class) of the service behind the facade.
    accessor: t.ClassVar[t.Any] = None
    #: cache the resolved root; per-request services set this to False.
    cached: t.ClassVar[bool] = True

    _app: t.ClassVar[t.Any] = None
    _resolved: t.ClassVar[dict[t.Any, t.Any]] = {}
    _fakes: t.ClassVar[dict[t.Any, t.Callable[..., t.Any]]] = {}

    @classmethod
    def get_facade_accessor(cls) -> t.Any:
        """Get the container key of the service behind the facade."""
        if cls.accessor is None:
            raise FacadeError(
                f"Facade [{cls.__name__}] does not name a service: set its [accessor] "
                "class attribute to a container key."
            )
        return cls.accessor

    @classmethod
    def get_facade_root(cls) -> t.Any:
        """Get the service behind the facade, resolving it on first use.

        Laravel: ``Facade::getFacadeRoot()``.
        """
        accessor = cls.get_facade_accessor()
        resolved = Facade._resolved
        if accessor in resolved:
            return resolved[accessor]
        app = Facade._app
        if app is None:
            raise FacadeError(
                f"A facade root has not been set: [{cls.__name__}] needs an application. "
                "Create one first with Application.configure(base_path).create()."
            )
        if not app.bound(accessor):
            raise FacadeError(
                f"Facade [{cls.__name__}] cannot resolve [{_name(accessor)}]: no service "
                "is bound under that key. Register the service provider that binds it "
                "(framework services arrive with their component's provider)."
            )
        root = app.make(accessor)
        if cls.cached:
            resolved[accessor] = root
        return root

    @classmethod
    def resolved(cls, callback: t.Callable[[t.Any, t.Any], t.Any]) -> None:
        """Run ``callback(service, app)`` once the facade's service is resolved.

        Laravel: ``Facade::resolved()``.
        """
        accessor = cls.get_facade_accessor()
        app = Facade._app
        if app is not None and app.resolved(accessor):
            callback(cls.get_facade_root(), app)
        if app is not None:
            app.after_resolving(
                accessor, lambda service, container: callback(service, container)
            )

    @classmethod
    def swap(cls, instance: t.Any) -> None:
        """Replace the service behind the facade (and in the container) with ``instance``.

        Laravel: ``Facade::swap()``.
        """
        accessor = cls.get_facade_accessor()
        Facade._resolved[accessor] = instance
        if Facade._app is not None:
            Facade._app.instance(accessor, instance)

    @classmethod
    def fake(cls, *args: t.Any, **kwargs: t.Any) -> t.Any:
        """Swap the service for its test fake and return the fake.

        Fakes are registered by ``protevus.testing`` with :meth:`register_fake`;
        a facade without one raises a clear error.

        Laravel: ``Event::fake()``, ``Queue::fake()``, ``Mail::fake()``...
        """
        accessor = cls.get_facade_accessor()
        factory = Facade._fakes.get(accessor)
        if factory is None:
            raise FacadeError(
                f"Facade [{cls.__name__}] has no fake: register one with "
                f"Facade.register_fake({_name(accessor)!r}, factory)."
            )
        current = None
        if accessor in Facade._resolved or (
            Facade._app is not None and Facade._app.bound(accessor)
        ):
            current = cls.get_facade_root()
        fake = factory(current, *args, **kwargs)
        cls.swap(fake)
        return fake

    @classmethod
    def register_fake(cls, accessor: t.Any, factory: t.Callable[..., t.Any]) -> None:
        """Register the fake factory for a service key; it receives the real service.

        Called by the testing layer so facades never import their fakes.
        """
        Facade._fakes[accessor] = factory

    @classmethod
    def is_fake(cls) -> bool:
        """Determine if the facade's root is currently a registered fake."""
        accessor = cls.get_facade_accessor()
        root = Facade._resolved.get(accessor)
        return root is not None and getattr(root, "is_fake", False) is True

    @classmethod
    def clear_resolved_instance(cls, name: t.Any) -> None:
        """Forget the cached root for one key.

        Laravel: ``Facade::clearResolvedInstance()``.
        """
        Facade._resolved.pop(name, None)

    @classmethod
    def clear_resolved_instances(cls) -> None:
        """Forget every cached root.

        Laravel: ``Facade::clearResolvedInstances()``.
        """
        Facade._resolved.clear()

    @classmethod
    def get_facade_application(cls) -> t.Any:
        """Get the application behind every facade."""
        return Facade._app

    @classmethod
    def set_facade_application(cls, app: t.Any) -> None:
        """Set the application behind every facade.

        Laravel: ``Facade::setFacadeApplication()``.
        """
        Facade._app = app


def _name(accessor: t.Any) -> str:
    if isinstance(accessor, type):
        return f"{accessor.__module__}.{accessor.__qualname__}"
    return str(accessor)
