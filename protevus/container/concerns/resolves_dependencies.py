"""Build classes and call factories, autowiring constructor arguments from hints.

Laravel: ``Container::build()``, ``resolveDependencies()``, ``resolveClass()``
and ``resolvePrimitive()`` of ``Illuminate\\Container\\Container``.
"""

from __future__ import annotations

import typing as t

from protevus.container._reflection import CLASS
from protevus.container._reflection import EMPTY
from protevus.container._reflection import FACTORY
from protevus.container._reflection import KEYWORD
from protevus.container._reflection import LIST
from protevus.container._reflection import MISSING
from protevus.container._reflection import POSITIONAL
from protevus.container._reflection import VAR_KEYWORD
from protevus.container._reflection import VAR_POSITIONAL
from protevus.container._reflection import Binding
from protevus.container._reflection import Param
from protevus.container._reflection import Plan
from protevus.container._reflection import binding_for
from protevus.container._reflection import class_plan
from protevus.container._reflection import import_class
from protevus.container._reflection import is_instantiable
from protevus.container._reflection import qualified_name
from protevus.container.exceptions import BindingResolutionError
from protevus.container.exceptions import CircularDependencyError
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.container.container import _State

_Fn = t.Callable[..., t.Any]


class ResolvesDependencies(CamelAliases):
    """Instantiate classes, resolving each constructor parameter from the container.

    Laravel: ``Container::build()`` and the ``resolve*()`` helpers it calls.
    """

    if t.TYPE_CHECKING:
        _instances: dict[t.Any, t.Any]
        _alias_map: dict[t.Any, t.Any]
        _resolved: set[t.Any]
        _extenders: dict[t.Any, list[_Fn]]
        _contextual: dict[t.Any, dict[t.Any, Binding]]
        _has_before: bool
        _has_callbacks: bool
        _plans: dict[type, tuple[Plan, tuple[type, ...] | None]]
        _paths: dict[str, type]
        _state: _State

        def make(
            self, abstract: t.Any, parameters: t.Mapping[str, t.Any] | None = None
        ) -> t.Any: ...
        def resolve(
            self,
            abstract: t.Any,
            parameters: t.Mapping[str, t.Any] | None = None,
            raise_events: bool = True,
        ) -> t.Any: ...
        def bound(self, abstract: t.Any) -> bool: ...
        def get_alias(self, abstract: t.Any) -> t.Any: ...
        def _fire_resolving(self, abstract: t.Any, obj: t.Any) -> None: ...
        def _contextual_concrete_in(
            self, context: dict[t.Any, Binding], abstract: t.Any
        ) -> Binding | None: ...

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
                    instance = instances.get(aliases.get(dep, dep), MISSING)
                    args.append(self.make(dep) if instance is MISSING else instance)
                kwargs: dict[str, t.Any] = {}
            else:
                args, kwargs = self._arguments(concrete, plan, parameters)
        finally:
            stack.pop()
        return concrete(*args, **kwargs)

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
