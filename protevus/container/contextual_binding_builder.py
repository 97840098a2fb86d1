"""The fluent ``when(...).needs(...).give(...)`` builder.

Laravel: ``Illuminate\\Container\\ContextualBindingBuilder``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.container.container import Container


class ContextualBindingBuilder(CamelAliases):
    """Bind what one or more classes receive for one dependency.

    ::

        container.when(PhotoController).needs(Filesystem).give(LocalFilesystem)
        container.when(Mailer).needs('$timeout').give(30)

    Laravel: ``Illuminate\\Container\\ContextualBindingBuilder``.
    """

    def __init__(self, container: Container, concrete: list[t.Any]) -> None:
        self._container = container
        self._concrete = concrete
        self._needs: t.Any = None

    def needs(self, abstract: t.Any) -> ContextualBindingBuilder:
        """Name the dependency to bind: a class, a key, or ``'$param'`` for a primitive.

        Laravel: ``ContextualBindingBuilder::needs()``.
        """
        self._needs = abstract
        return self

    def give(self, implementation: t.Any) -> None:
        """Give a class, a factory ``fn(container)``, a value, or a list for ``*args``.

        Laravel: ``ContextualBindingBuilder::give()``.
        """
        if self._needs is None:
            raise ValueError(
                "Call needs() before give() to name the dependency to bind."
            )
        for concrete in self._concrete:
            self._container.add_contextual_binding(
                concrete, self._needs, implementation
            )

    def give_tagged(self, tag: str) -> None:
        """Give the list of services tagged ``tag``, resolved when the class is built.

        Laravel: ``ContextualBindingBuilder::giveTagged()``.
        """
        self.give(lambda container: list(container.tagged(tag)))

    def give_config(self, key: str, default: t.Any = None) -> None:
        """Give the configuration value ``key``, read when the class is built.

        Laravel: ``ContextualBindingBuilder::giveConfig()``.
        """
        self.give(lambda container: container.make("config").get(key, default))
