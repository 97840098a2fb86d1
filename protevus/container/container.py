"""The service container: bindings, autowiring, contextual bindings and callbacks.

Laravel: ``Illuminate\\Container\\Container``. Abstracts are string keys
(``'cache'``) or classes (Protocols and ABCs included); an unbound dotted string
(``'app.services.Billing'``) names a class to import and build.
"""

from __future__ import annotations

import threading
import typing as t

from protevus.container._reflection import MISSING
from protevus.container._reflection import Binding
from protevus.container._reflection import Plan
from protevus.container._reflection import adapt
from protevus.container._reflection import binding_for
from protevus.container._reflection import qualified_name
from protevus.container.bound_method import BoundMethod
from protevus.container.bound_method import Parameters
from protevus.container.concerns.fires_callbacks import FiresCallbacks
from protevus.container.concerns.manages_aliases import ManagesAliases
from protevus.container.concerns.manages_contextual_bindings import (
    ManagesContextualBindings,
)
from protevus.container.concerns.resolves_dependencies import ResolvesDependencies
from protevus.container.exceptions import BindingResolutionError
from protevus.container.exceptions import CircularDependencyError
from protevus.container.exceptions import EntryNotFoundError
from protevus.contracts.container import Container as ContainerContract
from protevus.support.aliases import CamelAliases

_Fn = t.Callable[..., t.Any]


class _State(threading.local):
    """Hold the per-thread build stack, so concurrent resolutions stay apart."""

    def __init__(self) -> None:
        self.stack: list[t.Any] = []


class TaggedServices(CamelAliases):
    """Resolve tagged services lazily, each time the result is iterated.

    Laravel: ``Illuminate\\Container\\RewindableGenerator`` returned by ``tagged()``.
    """

    def __init__(self, container: Container, abstracts: list[t.Any]) -> None:
        self._container = container
        self._abstracts = abstracts

    def __iter__(self) -> t.Iterator[t.Any]:
        for abstract in list(self._abstracts):
            yield self._container.make(abstract)

    def __len__(self) -> int:
        return len(self._abstracts)


class Container(
    ResolvesDependencies,
    FiresCallbacks,
    ManagesContextualBindings,
    ManagesAliases,
):
    """Bind abstracts to concretes and build objects with their dependencies.

    ::

        container.singleton(Mailer, SmtpMailer)
        container.bind('report', lambda c: Report(c.make(Mailer)))
        container.make(ReportController)   # Mailer injected by its type hint

    A fresh container answers ``make(Container)`` with itself. Building, callbacks,
    contextual bindings and aliases live in the mixins of
    :mod:`protevus.container.concerns`; the hot path (:meth:`resolve`) stays here.

    Laravel: ``Illuminate\\Container\\Container``.
    """

    _instance: t.ClassVar[Container | None] = None

    def __init__(self) -> None:
        self._bindings: dict[t.Any, Binding] = {}
        self._instances: dict[t.Any, t.Any] = {}
        self._scoped: set[t.Any] = set()
        self._aliases: dict[t.Any, t.Any] = {}
        self._alias_map: dict[t.Any, t.Any] = {}  # alias -> final abstract
        self._abstract_aliases: dict[t.Any, list[t.Any]] = {}
        #: class aliases given by dotted path, claimed when the class is first asked for
        self._class_aliases: dict[str, t.Any] = {}
        self._resolved: set[t.Any] = set()
        self._extenders: dict[t.Any, list[_Fn]] = {}
        self._tags: dict[str, list[t.Any]] = {}
        self._contextual: dict[t.Any, dict[t.Any, Binding]] = {}
        self._rebound_callbacks: dict[t.Any, list[_Fn]] = {}
        self._before: dict[t.Any, list[_Fn]] = {}
        self._resolving: dict[t.Any, list[_Fn]] = {}
        self._after: dict[t.Any, list[_Fn]] = {}
        self._global_before: list[_Fn] = []
        self._global_resolving: list[_Fn] = []
        self._global_after: list[_Fn] = []
        self._has_before = False
        self._has_callbacks = False
        self._plans: dict[type, tuple[Plan, tuple[type, ...] | None]] = {}
        self._paths: dict[str, type] = {}
        self._state = _State()
        self._lock = threading.RLock()
        for key in {Container, ContainerContract, type(self)}:
            self._instances[key] = self

    # -- registering -------------------------------------------------------------

    def bind(
        self, abstract: t.Any, concrete: t.Any = None, shared: bool = False
    ) -> None:
        """Register ``concrete`` (a class, a factory, or None: itself) for ``abstract``.

        A factory is called as ``factory(container, parameters)``,
        ``factory(container)`` or ``factory()``, as many arguments as it accepts.

        Laravel: ``Container::bind()``.
        """
        binding = binding_for(abstract, concrete, shared)
        self._instances.pop(abstract, None)
        if self._aliases.pop(abstract, MISSING) is not MISSING:
            self._rebuild_alias_map()
        self._bindings[abstract] = binding
        if self.resolved(abstract):
            self._rebound(abstract)

    def bind_if(
        self, abstract: t.Any, concrete: t.Any = None, shared: bool = False
    ) -> None:
        """Register a binding unless ``abstract`` is already bound.

        Laravel: ``Container::bindIf()``.
        """
        if not self.bound(abstract):
            self.bind(abstract, concrete, shared)

    def singleton(self, abstract: t.Any, concrete: t.Any = None) -> None:
        """Register a binding that is built once and then shared.

        Laravel: ``Container::singleton()``.
        """
        self.bind(abstract, concrete, True)

    def singleton_if(self, abstract: t.Any, concrete: t.Any = None) -> None:
        """Register a shared binding unless ``abstract`` is already bound.

        Laravel: ``Container::singletonIf()``.
        """
        if not self.bound(abstract):
            self.singleton(abstract, concrete)

    def scoped(self, abstract: t.Any, concrete: t.Any = None) -> None:
        """Register a binding shared until :meth:`forget_scoped_instances` is called.

        Laravel: ``Container::scoped()``.
        """
        self._scoped.add(abstract)
        self.singleton(abstract, concrete)

    def scoped_if(self, abstract: t.Any, concrete: t.Any = None) -> None:
        """Register a scoped binding unless ``abstract`` is already bound.

        Laravel: ``Container::scopedIf()``.
        """
        if not self.bound(abstract):
            self.scoped(abstract, concrete)

    def instance(self, abstract: t.Any, instance: t.Any) -> t.Any:
        """Register an existing object as the shared instance of ``abstract``.

        Laravel: ``Container::instance()``.
        """
        self._remove_abstract_alias(abstract)
        is_bound = self.bound(abstract)
        if self._aliases.pop(abstract, MISSING) is not MISSING:
            self._rebuild_alias_map()
        self._instances[abstract] = instance
        if is_bound:
            self._rebound(abstract)
        return instance

    def extend(self, abstract: t.Any, closure: _Fn) -> None:
        """Decorate ``abstract``: ``closure(obj, container)`` returns the object to use.

        Applies at once to an existing shared instance, and to every later resolution.

        Laravel: ``Container::extend()``.
        """
        abstract = self.get_alias(abstract)
        extender = adapt(closure, 2)
        if abstract in self._instances:
            self._instances[abstract] = extender(self._instances[abstract], self)
            self._rebound(abstract)
            return
        self._extenders.setdefault(abstract, []).append(extender)
        if self.resolved(abstract):
            self._rebound(abstract)

    def tag(self, abstracts: t.Any, *tags: t.Any) -> None:
        """Tag one abstract or a list of them with one or more tags.

        Laravel: ``Container::tag()``.
        """
        names: list[t.Any] = []
        for tag in tags:
            names.extend(tag if isinstance(tag, (list, tuple)) else [tag])
        items = abstracts if isinstance(abstracts, (list, tuple)) else [abstracts]
        for name in names:
            self._tags.setdefault(name, []).extend(items)

    def tagged(self, tag: str) -> TaggedServices:
        """Return the services tagged ``tag``, resolved lazily as they are iterated.

        Laravel: ``Container::tagged()``.
        """
        return TaggedServices(self, self._tags.get(tag, []))

    # -- resolving ---------------------------------------------------------------

    def make(
        self, abstract: t.Any, parameters: t.Mapping[str, t.Any] | None = None
    ) -> t.Any:
        """Resolve ``abstract``; ``parameters`` override constructor arguments by name.

        Laravel: ``Container::make()``.
        """
        return self.resolve(abstract, parameters)

    def make_with(self, abstract: t.Any, parameters: t.Mapping[str, t.Any]) -> t.Any:
        """Resolve ``abstract`` with constructor arguments given by name.

        Laravel: ``Container::makeWith()``.
        """
        return self.make(abstract, parameters)

    def get(self, id: t.Any) -> t.Any:
        """Resolve ``id``, raising :class:`EntryNotFoundError` if it cannot be found.

        Laravel: ``Container::get()`` (PSR-11).
        """
        try:
            return self.resolve(id)
        except CircularDependencyError:
            raise
        except BindingResolutionError as error:
            if self.has(id):
                raise
            raise EntryNotFoundError(
                f"No entry was found in the container for [{qualified_name(id)}]. "
                "Bind it with bind(), singleton() or instance() first."
            ) from error

    def resolve(
        self,
        abstract: t.Any,
        parameters: t.Mapping[str, t.Any] | None = None,
        raise_events: bool = True,
    ) -> t.Any:
        """Resolve ``abstract``: the hot path behind :meth:`make`.

        Laravel: ``Container::resolve()``.
        """
        if self._alias_map:
            abstract = self._alias_map.get(abstract, abstract)
        if self._class_aliases and isinstance(abstract, type):
            abstract = self._claim_class_alias(abstract)
        if raise_events and self._has_before:
            self._fire_before(abstract, parameters)
        entry = None
        if self._contextual:
            stack = self._state.stack
            if stack:
                entry = self._contextual_concrete(stack[-1], abstract)
        if entry is None and not parameters:
            instance = self._instances.get(abstract, MISSING)
            if instance is not MISSING:
                return instance
            binding = self._bindings.get(abstract)
            if binding is None or not binding.shared:
                return self._produce(abstract, binding, None, raise_events)
            # Build each shared instance once, even when threads race for it.
            with self._lock:
                instance = self._instances.get(abstract, MISSING)
                if instance is not MISSING:
                    return instance
                return self._produce(abstract, binding, None, raise_events, store=True)
        if entry is not None:
            return self._produce(
                abstract, entry, parameters, raise_events, contextual=True
            )
        return self._produce(
            abstract, self._bindings.get(abstract), parameters, raise_events
        )

    def call(
        self,
        callback: t.Any,
        parameters: Parameters = None,
        default_method: str | None = None,
    ) -> t.Any:
        """Call a callback, injecting its type-hinted dependencies.

        Accepts a callable, ``[obj_or_class, 'method']``, ``'pkg.Class@method'`` or
        a class (its ``default_method``, else ``__call__``).

        Laravel: ``Container::call()``.
        """
        return BoundMethod.call(self, callback, parameters, default_method)

    def wrap(
        self, callback: t.Any, parameters: Parameters = None
    ) -> t.Callable[[], t.Any]:
        """Return a zero-argument callable that calls ``callback`` with injection.

        Laravel: ``Container::wrap()``.
        """
        return lambda: self.call(callback, parameters)

    def factory(self, abstract: t.Any) -> t.Callable[[], t.Any]:
        """Return a zero-argument callable that resolves ``abstract``.

        Laravel: ``Container::factory()``.
        """
        return lambda: self.make(abstract)

    # -- inspecting --------------------------------------------------------------

    def bound(self, abstract: t.Any) -> bool:
        """Determine if ``abstract`` has a binding, an instance or is an alias.

        Laravel: ``Container::bound()``.
        """
        return (
            abstract in self._bindings
            or abstract in self._instances
            or abstract in self._aliases
            or (
                bool(self._class_aliases)
                and isinstance(abstract, type)
                and self._claim_class_alias(abstract) is not abstract
            )
        )

    def has(self, id: t.Any) -> bool:
        """Determine if the container has an entry for ``id``.

        Laravel: ``Container::has()`` (PSR-11).
        """
        return self.bound(id)

    def resolved(self, abstract: t.Any) -> bool:
        """Determine if ``abstract`` has been resolved (or has an instance).

        Laravel: ``Container::resolved()``.
        """
        abstract = self.get_alias(abstract)
        return abstract in self._resolved or abstract in self._instances

    def is_shared(self, abstract: t.Any) -> bool:
        """Determine if ``abstract`` is shared (an instance or a singleton binding).

        Laravel: ``Container::isShared()``.
        """
        binding = self._bindings.get(abstract)
        return abstract in self._instances or (binding is not None and binding.shared)

    def get_bindings(self) -> dict[t.Any, dict[str, t.Any]]:
        """Return the bindings as ``{abstract: {'concrete': ..., 'shared': bool}}``.

        Laravel: ``Container::getBindings()``.
        """
        return {
            abstract: {"concrete": binding.concrete, "shared": binding.shared}
            for abstract, binding in self._bindings.items()
        }

    def get_extenders(self, abstract: t.Any) -> list[_Fn]:
        """Return the extender callbacks registered for ``abstract``.

        Laravel: ``Container::getExtenders()``.
        """
        return list(self._extenders.get(self.get_alias(abstract), []))

    # -- forgetting --------------------------------------------------------------

    def forget_extenders(self, abstract: t.Any) -> None:
        """Remove the extenders of ``abstract``.

        Laravel: ``Container::forgetExtenders()``.
        """
        self._extenders.pop(self.get_alias(abstract), None)

    def forget_instance(self, abstract: t.Any) -> None:
        """Remove the shared instance of ``abstract``.

        Laravel: ``Container::forgetInstance()``.
        """
        self._instances.pop(abstract, None)

    def forget_instances(self) -> None:
        """Remove every shared instance.

        Laravel: ``Container::forgetInstances()``.
        """
        self._instances.clear()

    def forget_scoped_instances(self) -> None:
        """Remove the instances of scoped bindings (at the end of a request or job).

        Laravel: ``Container::forgetScopedInstances()``.
        """
        for abstract in self._scoped:
            self._instances.pop(abstract, None)

    def flush(self) -> None:
        """Remove all bindings, instances, aliases and resolved markers.

        Laravel: ``Container::flush()``.
        """
        self._aliases.clear()
        self._alias_map.clear()
        self._abstract_aliases.clear()
        self._class_aliases.clear()
        self._resolved.clear()
        self._bindings.clear()
        self._instances.clear()
        self._scoped.clear()

    # -- the global container ----------------------------------------------------

    @classmethod
    def get_instance(cls) -> Container:
        """Return the globally available container, creating one if needed.

        Laravel: ``Container::getInstance()``.
        """
        if Container._instance is None:
            Container._instance = cls()
        return Container._instance

    @classmethod
    def set_instance(cls, container: Container | None = None) -> Container | None:
        """Set (or with None, clear) the globally available container.

        Laravel: ``Container::setInstance()``.
        """
        Container._instance = container
        return container

    # -- mapping access ----------------------------------------------------------

    def __getitem__(self, key: t.Any) -> t.Any:
        return self.make(key)

    def __setitem__(self, key: t.Any, value: t.Any) -> None:
        if callable(value) and not isinstance(value, type):
            self.bind(key, value)
            return
        self.bind(key, lambda: value)

    def __delitem__(self, key: t.Any) -> None:
        self._bindings.pop(key, None)
        self._instances.pop(key, None)
        self._resolved.discard(key)

    def __contains__(self, key: t.Any) -> bool:
        return self.bound(key)
