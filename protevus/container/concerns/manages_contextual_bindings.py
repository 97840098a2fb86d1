"""Give one class its own implementation of a dependency: ``when().needs().give()``.

Laravel: ``Container::when()``, ``addContextualBinding()`` and
``getContextualConcrete()`` of ``Illuminate\\Container\\Container``.
"""

from __future__ import annotations

import typing as t

from protevus.container._reflection import Binding
from protevus.container._reflection import contextual_binding
from protevus.container._reflection import import_class
from protevus.container.contextual_binding_builder import ContextualBindingBuilder
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.container.container import Container


class ManagesContextualBindings(CamelAliases):
    """Store contextual bindings and find the one a class being built should get.

    Laravel: the contextual-binding half of ``Illuminate\\Container\\Container``.
    """

    if t.TYPE_CHECKING:
        _contextual: dict[t.Any, dict[t.Any, Binding]]
        _abstract_aliases: dict[t.Any, list[t.Any]]

        def get_alias(self, abstract: t.Any) -> t.Any: ...

    def when(self, concrete: t.Any) -> ContextualBindingBuilder:
        """Start a contextual binding for one class or a list of classes.

        Laravel: ``Container::when()``.
        """
        items = concrete if isinstance(concrete, (list, tuple)) else [concrete]
        container = t.cast("Container", self)
        return ContextualBindingBuilder(
            container, [self.get_alias(item) for item in items]
        )

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
