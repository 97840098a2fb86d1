"""The service container: bindings, autowiring, contextual bindings and callbacks.

Laravel: ``Illuminate\\Container\\Container``. Abstracts are string keys
(``'cache'``) or classes (Protocols and ABCs included); an unbound dotted string
(``'app.services.Billing'``) names a class to import and build.
"""

from __future__ import annotations

import threading
import typing as t

from protevus.container._reflection import CLASS
from protevus.container._reflection import EMPTY
from protevus.container._reflection import FACTORY
from protevus.container._reflection import KEYWORD
from protevus.container._reflection import LIST
from protevus.container._reflection import POSITIONAL
from protevus.container._reflection import VAR_KEYWORD
from protevus.container._reflection import VAR_POSITIONAL
from protevus.container._reflection import Binding
from protevus.container._reflection import Param
from protevus.container._reflection import Plan
from protevus.container._reflection import adapt
from protevus.container._reflection import binding_for
from protevus.container._reflection import class_plan
from protevus.container._reflection import contextual_binding
from protevus.container._reflection import import_class
from protevus.container._reflection import is_a
from protevus.container._reflection import is_instantiable
from protevus.container._reflection import qualified_name
from protevus.container.bound_method import BoundMethod
from protevus.container.bound_method import Parameters
from protevus.container.contextual_binding_builder import ContextualBindingBuilder
from protevus.container.exceptions import BindingResolutionError
from protevus.container.exceptions import CircularDependencyError
from protevus.container.exceptions import EntryNotFoundError
from protevus.contracts.container import Container as ContainerContract
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

_Fn = t.Callable[..., t.Any]
_MISSING: t.Any = object()


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


class Container(CamelAliases):
    """Bind abstracts to concretes and build objects with their dependencies.

    ::

        container.singleton(Mailer, SmtpMailer)
        container.bind('report', lambda c: Report(c.make(Mailer)))
        container.make(ReportController)   # Mailer injected by its type hint

    A fresh container answers ``make(Container)`` with itself.

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
        if self._aliases.pop(abstract, _MISSING) is not _MISSING:
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
        if self._aliases.pop(abstract, _MISSING) is not _MISSING:
            self._rebuild_alias_map()
        self._instances[abstract] = instance
        if is_bound:
            self._rebound(abstract)
        return instance

    def alias(self, abstract: t.Any, alias: t.Any) -> None:
        """Make ``alias`` another name for ``abstract``.

        Laravel: ``Container::alias()``.
        """
        if alias == abstract or self.get_alias(abstract) == alias:
            raise InvalidArgumentError(
                f"[{qualified_name(alias)}] is aliased to itself. Give the alias a "
                "name different from the abstract it points to."
            )
        self._aliases[alias] = abstract
        self._abstract_aliases.setdefault(abstract, []).append(alias)
        self._rebuild_alias_map()

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

    def when(self, concrete: t.Any) -> ContextualBindingBuilder:
        """Start a contextual binding for one class or a list of classes.

        Laravel: ``Container::when()``.
        """
        items = concrete if isinstance(concrete, (list, tuple)) else [concrete]
        return ContextualBindingBuilder(self, [self.get_alias(item) for item in items])

    def add_contextual_binding(
        self, concrete: t.Any, abstract: t.Any, implementation: t.Any
    ) -> None:
        """Give ``concrete`` the ``implementation`` whenever it needs ``abstract``.

        Laravel: ``Container::addContextualBinding()``.
        """
        if isinstance(concrete, str) and "." in concrete:
            found = import_class(concrete)
            concrete = found if isinstance(found, type) else concrete
        primitive = isinstance(abstract, str) and abstract.startswith("$")
        key = abstract if primitive else self.get_alias(abstract)
        entry = contextual_binding(implementation, primitive)
        self._contextual.setdefault(concrete, {})[key] = entry

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
        if raise_events and self._has_before:
            self._fire_before(abstract, parameters)
        entry = None
        if self._contextual:
            stack = self._state.stack
            if stack:
                entry = self._contextual_concrete(stack[-1], abstract)
        if entry is None and not parameters:
            instance = self._instances.get(abstract, _MISSING)
            if instance is not _MISSING:
                return instance
            binding = self._bindings.get(abstract)
            if binding is None or not binding.shared:
                return self._produce(abstract, binding, None, raise_events)
            # Build each shared instance once, even when threads race for it.
            with self._lock:
                instance = self._instances.get(abstract, _MISSING)
                if instance is not _MISSING:
                    return instance
                return self._produce(abstract, binding, None, raise_events, store=True)
        if entry is not None:
            return self._produce(
                abstract, entry, parameters, raise_events, contextual=True
            )
        return self._produce(
            abstract, self._bindings.get(abstract), parameters, raise_events
        )

    def build(
        self, concrete: t.Any, parameters: t.Mapping[str, t.Any] | None = None
    ) -> t.Any:
        """Instantiate ``concrete`` (a class, class path or factory), autowiring it.

        Laravel: ``Container::build()``.
        """
        if not isinstance(concrete, type):
            if isinstance(concrete, str):
                concrete = self._class_for_path(concrete)
            elif callable(concrete):
                return self._call_factory(
                    binding_for(concrete, concrete, False), parameters
                )
            else:
                raise TypeError(
                    f"Cannot build {concrete!r}: give a class or a factory."
                )
        cached = self._plans.get(concrete)
        if cached is None:
            cached = self._analyse(concrete)
        plan, fast = cached
        if not plan:
            return concrete()
        stack = self._state.stack
        if concrete in stack:
            raise self._circular(concrete)
        stack.append(concrete)
        try:
            if (
                fast is not None
                and not parameters
                and not self._has_before
                and concrete not in self._contextual
            ):
                instances, aliases, args = self._instances, self._alias_map, []
                for dep in fast:
                    instance = instances.get(aliases.get(dep, dep), _MISSING)
                    args.append(self.make(dep) if instance is _MISSING else instance)
                kwargs: dict[str, t.Any] = {}
            else:
                args, kwargs = self._arguments(concrete, plan, parameters)
        finally:
            stack.pop()
        return concrete(*args, **kwargs)

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

    # -- callbacks ---------------------------------------------------------------

    def before_resolving(self, abstract: t.Any, callback: _Fn | None = None) -> None:
        """Register ``callback(abstract, parameters, container)`` to run first.

        Laravel: ``Container::beforeResolving()``.
        """
        self._register(abstract, callback, self._global_before, self._before, 3)

    def resolving(self, abstract: t.Any, callback: _Fn | None = None) -> None:
        """Register ``callback(obj, container)`` to run when an object is built.

        Pass only a callback to run it for every object.

        Laravel: ``Container::resolving()``.
        """
        self._register(abstract, callback, self._global_resolving, self._resolving, 2)

    def after_resolving(self, abstract: t.Any, callback: _Fn | None = None) -> None:
        """Register ``callback(obj, container)`` to run after the resolving callbacks.

        Laravel: ``Container::afterResolving()``.
        """
        self._register(abstract, callback, self._global_after, self._after, 2)

    def rebinding(self, abstract: t.Any, callback: _Fn) -> t.Any:
        """Register ``callback(container, instance)`` for when ``abstract`` is re-bound.

        Returns the current instance when ``abstract`` is already bound.

        Laravel: ``Container::rebinding()``.
        """
        abstract = self.get_alias(abstract)
        self._rebound_callbacks.setdefault(abstract, []).append(adapt(callback, 2))
        return self.make(abstract) if self.bound(abstract) else None

    def refresh(self, abstract: t.Any, target: t.Any, method: str) -> t.Any:
        """Call ``target.method(instance)`` whenever ``abstract`` is re-bound.

        Laravel: ``Container::refresh()``.
        """
        return self.rebinding(
            abstract, lambda app, instance: getattr(target, method)(instance)
        )

    # -- inspecting --------------------------------------------------------------

    def bound(self, abstract: t.Any) -> bool:
        """Determine if ``abstract`` has a binding, an instance or is an alias.

        Laravel: ``Container::bound()``.
        """
        return (
            abstract in self._bindings
            or abstract in self._instances
            or abstract in self._aliases
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

    def is_alias(self, name: t.Any) -> bool:
        """Determine if ``name`` is an alias.

        Laravel: ``Container::isAlias()``.
        """
        return name in self._aliases

    def get_alias(self, abstract: t.Any) -> t.Any:
        """Return the abstract that ``abstract`` is an alias of (following chains).

        Laravel: ``Container::getAlias()``.
        """
        return self._alias_map.get(abstract, abstract)

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

    # -- internals ---------------------------------------------------------------

    def _produce(
        self,
        abstract: t.Any,
        binding: Binding | None,
        parameters: t.Mapping[str, t.Any] | None,
        raise_events: bool,
        store: bool = False,
        contextual: bool = False,
    ) -> t.Any:
        if binding is None:
            obj = self.build(abstract, parameters)
        elif binding.kind == CLASS:
            concrete = binding.concrete
            if concrete is abstract or concrete == abstract:
                obj = self.build(concrete, parameters)
            elif contextual:
                obj = self.make(concrete, parameters)
            else:
                obj = self.resolve(concrete, parameters, raise_events=False)
        elif binding.kind == FACTORY:
            obj = self._call_factory(binding, parameters)
        elif binding.kind == LIST:
            obj = [
                self.make(x) if isinstance(x, (type, str)) else x
                for x in binding.concrete
            ]
        else:
            obj = binding.concrete
        extenders = self._extenders.get(abstract)
        if extenders:
            for extender in extenders:
                obj = extender(obj, self)
        if store:
            self._instances[abstract] = obj
        if raise_events and self._has_callbacks:
            self._fire_resolving(abstract, obj)
        self._resolved.add(abstract)
        return obj

    def _call_factory(
        self, binding: Binding, parameters: t.Mapping[str, t.Any] | None
    ) -> t.Any:
        stack = self._state.stack
        if binding in stack:
            raise self._circular(binding)
        # The factory is its own build context: contextual bindings of the class
        # being built around it must not leak into what the factory resolves.
        stack.append(binding)
        try:
            if binding.arity >= 2:
                return binding.concrete(
                    self, parameters if parameters is not None else {}
                )
            if binding.arity == 1:
                return binding.concrete(self)
            return binding.concrete()
        finally:
            stack.pop()

    def _analyse(self, cls: type) -> tuple[Plan, tuple[type, ...] | None]:
        if not is_instantiable(cls):
            stack = self._state.stack
            message = f"Target [{qualified_name(cls)}] is not instantiable"
            if stack:
                building = ", ".join(qualified_name(item) for item in stack)
                message += f" while building [{building}]"
            raise BindingResolutionError(message + ".")
        plan = class_plan(cls)
        simple = all(
            p.kind == POSITIONAL
            and p.cls is not None
            and p.default is EMPTY
            and not p.nullable
            for p in plan
        )
        cached = (plan, tuple(p.cls for p in plan) if simple else None)
        self._plans[cls] = cached
        return cached

    def _arguments(
        self, concrete: type, plan: Plan, parameters: t.Mapping[str, t.Any] | None
    ) -> tuple[list[t.Any], dict[str, t.Any]]:
        context = self._contextual.get(concrete)
        args: list[t.Any] = []
        kwargs: dict[str, t.Any] = {}
        for param in plan:
            kind = param.kind
            if kind == VAR_KEYWORD:
                continue
            if parameters and param.name in parameters:
                val = parameters[param.name]
            elif param.cls is not None and kind == VAR_POSITIONAL:
                val = self._variadic_class(context, param.cls)
            elif param.cls is not None:
                val = self._resolve_class_param(param)
            elif context is not None and param.context_key in context:
                val = self._primitive(context[param.context_key])
            elif param.default is not EMPTY:
                val = param.default
            elif kind == VAR_POSITIONAL:
                continue
            elif param.nullable:
                val = None
            else:
                raise BindingResolutionError(
                    f"Unresolvable dependency resolving [{param.label}] in class "
                    f"[{qualified_name(concrete)}].{param.note} Give the parameter "
                    "a default, pass it with make_with(), or bind it with "
                    f"when({concrete.__name__}).needs('${param.name}').give(...)."
                )
            if kind == POSITIONAL:
                args.append(val)
            elif kind == KEYWORD:
                kwargs[param.name] = val
            else:
                args.extend(val if isinstance(val, (list, tuple)) else [val])
        return args, kwargs

    def _resolve_class_param(self, param: Param) -> t.Any:
        default = param.default
        if default is EMPTY and not param.nullable:
            return self.make(param.cls)
        if default is not EMPTY and default is not None:
            # An explicit default wins unless the class is bound (or given
            # contextually): ``mailer: Mailer = NullMailer()`` keeps its default.
            stack = self._state.stack
            context = self._contextual.get(stack[-1]) if stack else None
            cls = self.get_alias(param.cls)
            if not self.bound(cls) and (
                context is None or self._contextual_concrete_in(context, cls) is None
            ):
                return default
            return self.make(param.cls)
        try:
            return self.make(param.cls)
        except CircularDependencyError:
            raise
        except BindingResolutionError:
            return None if param.default is EMPTY else param.default

    def _variadic_class(self, context: dict[t.Any, Binding] | None, cls: type) -> t.Any:
        if (
            context is None
            or self._contextual_concrete_in(context, self.get_alias(cls)) is None
        ):
            return []
        return self.make(cls)

    def _primitive(self, entry: Binding) -> t.Any:
        if entry.kind != FACTORY:
            return entry.concrete
        return entry.concrete(self) if entry.arity else entry.concrete()

    def _contextual_concrete(self, owner: t.Any, abstract: t.Any) -> Binding | None:
        context = self._contextual.get(owner)
        if context is None:
            return None
        return self._contextual_concrete_in(context, abstract)

    def _contextual_concrete_in(
        self, context: dict[t.Any, Binding], abstract: t.Any
    ) -> Binding | None:
        entry = context.get(abstract)
        if entry is not None:
            return entry
        for alias in self._abstract_aliases.get(abstract, ()):
            entry = context.get(alias)
            if entry is not None:
                return entry
        return None

    def _class_for_path(self, path: str) -> type:
        cls = self._paths.get(path)
        if cls is not None:
            return cls
        found = import_class(path)
        if found is None:
            raise BindingResolutionError(f"Target class [{path}] does not exist.")
        if not isinstance(found, type):
            raise BindingResolutionError(
                f"Target [{path}] is not a class. "
                "Bind it with bind() or instance() first."
            )
        self._paths[path] = found
        return found

    def _circular(self, target: t.Any) -> CircularDependencyError:
        chain = [qualified_name(item) for item in self._state.stack]
        chain.append(qualified_name(target))
        return CircularDependencyError(
            f"Circular dependency detected while resolving [{' -> '.join(chain)}]."
        )

    def _rebuild_alias_map(self) -> None:
        resolved: dict[t.Any, t.Any] = {}
        for alias in self._aliases:
            target, seen = self._aliases[alias], {alias}
            while target in self._aliases and target not in seen:
                seen.add(target)
                target = self._aliases[target]
            resolved[alias] = target
        self._alias_map = resolved

    def _remove_abstract_alias(self, searched: t.Any) -> None:
        if searched not in self._aliases:
            return
        for aliases in self._abstract_aliases.values():
            while searched in aliases:
                aliases.remove(searched)

    def _rebound(self, abstract: t.Any) -> None:
        callbacks = self._rebound_callbacks.get(abstract)
        if not callbacks:
            return
        instance = self.make(abstract)
        for callback in callbacks:
            callback(self, instance)

    def _register(
        self,
        abstract: t.Any,
        callback: _Fn | None,
        global_list: list[_Fn],
        table: dict[t.Any, list[_Fn]],
        most: int,
    ) -> None:
        if callback is None:
            if isinstance(abstract, (type, str)) or not callable(abstract):
                raise TypeError("Pass a callback, or an abstract and a callback.")
            global_list.append(adapt(abstract, most))
        else:
            key = self.get_alias(abstract)
            table.setdefault(key, []).append(adapt(callback, most))
        self._has_before = bool(self._global_before or self._before)
        self._has_callbacks = bool(
            self._global_resolving
            or self._resolving
            or self._global_after
            or self._after
        )

    def _fire_before(self, abstract: t.Any, parameters: t.Any) -> None:
        for callback in self._global_before:
            callback(abstract, parameters, self)
        for key, callbacks in list(self._before.items()):
            if key == abstract or is_a(abstract, key, subclass=True):
                for callback in callbacks:
                    callback(abstract, parameters, self)

    def _fire_resolving(self, abstract: t.Any, obj: t.Any) -> None:
        for global_list, table in (
            (self._global_resolving, self._resolving),
            (self._global_after, self._after),
        ):
            for callback in list(global_list):
                callback(obj, self)
            for key, callbacks in list(table.items()):
                if key == abstract or is_a(obj, key):
                    for callback in list(callbacks):
                        callback(obj, self)
