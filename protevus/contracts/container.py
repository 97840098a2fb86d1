"""The public surface of the service container, as a structural type.

Laravel: ``Illuminate\\Contracts\\Container\\Container`` and
``Illuminate\\Contracts\\Container\\ContextualBindingBuilder``. Type-hint these
Protocols in code that only needs *a* container; ``protevus.container.Container``
satisfies them.
"""

from __future__ import annotations

import typing as t

_Fn = t.Callable[..., t.Any]


@t.runtime_checkable
class ContextualBindingBuilder(t.Protocol):
    """Describe the ``when(...).needs(...).give(...)`` builder.

    Laravel: ``Illuminate\\Contracts\\Container\\ContextualBindingBuilder``.
    """

    def needs(self, abstract: t.Any) -> ContextualBindingBuilder:
        """Name the dependency to bind (``'$name'`` for a primitive)."""
        ...

    def give(self, implementation: t.Any) -> None:
        """Give the implementation: a class, a factory, a value or a list."""
        ...

    def give_tagged(self, tag: str) -> None:
        """Give the services tagged ``tag``."""
        ...

    def give_config(self, key: str, default: t.Any = None) -> None:
        """Give the configuration value ``key``."""
        ...


@t.runtime_checkable
class Container(t.Protocol):
    """Describe a service container.

    Laravel: ``Illuminate\\Contracts\\Container\\Container``.
    """

    def bound(self, abstract: t.Any) -> bool:
        """Determine if ``abstract`` has a binding, an instance or is an alias."""
        ...

    def has(self, id: t.Any) -> bool:
        """Determine if the container has an entry for ``id`` (PSR-11)."""
        ...

    def get(self, id: t.Any) -> t.Any:
        """Resolve ``id`` or raise ``EntryNotFoundError`` (PSR-11)."""
        ...

    def alias(self, abstract: t.Any, alias: t.Any) -> None:
        """Make ``alias`` another name for ``abstract``."""
        ...

    def tag(self, abstracts: t.Any, *tags: t.Any) -> None:
        """Tag one abstract or a list of them."""
        ...

    def tagged(self, tag: str) -> t.Iterable[t.Any]:
        """Return the services tagged ``tag``, resolved lazily."""
        ...

    def bind(
        self, abstract: t.Any, concrete: t.Any = None, shared: bool = False
    ) -> None:
        """Register a binding."""
        ...

    def bind_if(
        self, abstract: t.Any, concrete: t.Any = None, shared: bool = False
    ) -> None:
        """Register a binding unless ``abstract`` is already bound."""
        ...

    def singleton(self, abstract: t.Any, concrete: t.Any = None) -> None:
        """Register a shared binding."""
        ...

    def singleton_if(self, abstract: t.Any, concrete: t.Any = None) -> None:
        """Register a shared binding unless ``abstract`` is already bound."""
        ...

    def scoped(self, abstract: t.Any, concrete: t.Any = None) -> None:
        """Register a binding shared until the scoped instances are forgotten."""
        ...

    def scoped_if(self, abstract: t.Any, concrete: t.Any = None) -> None:
        """Register a scoped binding unless ``abstract`` is already bound."""
        ...

    def extend(self, abstract: t.Any, closure: _Fn) -> None:
        """Decorate what ``abstract`` resolves to."""
        ...

    def instance(self, abstract: t.Any, instance: t.Any) -> t.Any:
        """Register an existing object as shared."""
        ...

    def add_contextual_binding(
        self, concrete: t.Any, abstract: t.Any, implementation: t.Any
    ) -> None:
        """Give ``concrete`` the ``implementation`` whenever it needs ``abstract``."""
        ...

    def when(self, concrete: t.Any) -> ContextualBindingBuilder:
        """Start a contextual binding."""
        ...

    def factory(self, abstract: t.Any) -> t.Callable[[], t.Any]:
        """Return a zero-argument callable that resolves ``abstract``."""
        ...

    def flush(self) -> None:
        """Remove all bindings and instances."""
        ...

    def make(
        self, abstract: t.Any, parameters: t.Mapping[str, t.Any] | None = None
    ) -> t.Any:
        """Resolve ``abstract``."""
        ...

    def call(
        self,
        callback: t.Any,
        parameters: t.Any = None,
        default_method: str | None = None,
    ) -> t.Any:
        """Call a callback, injecting its dependencies."""
        ...

    def resolved(self, abstract: t.Any) -> bool:
        """Determine if ``abstract`` has been resolved."""
        ...

    def before_resolving(self, abstract: t.Any, callback: _Fn | None = None) -> None:
        """Register a callback to run before resolving."""
        ...

    def resolving(self, abstract: t.Any, callback: _Fn | None = None) -> None:
        """Register a callback to run when an object is built."""
        ...

    def after_resolving(self, abstract: t.Any, callback: _Fn | None = None) -> None:
        """Register a callback to run after the resolving callbacks."""
        ...
