"""Global scope classes and the ``@scope`` decorator for local scopes.

Laravel: ``Illuminate\\Database\\Eloquent\\Scope`` and the ``#[Scope]`` attribute.
"""

from __future__ import annotations

import functools
import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.builder import Builder
    from protevus.database.eloquent.model import Model


class Scope(CamelAliases):
    """Constrain every query of a model: subclass and implement :meth:`apply`.

    ::

        class ActiveScope(Scope):
            def apply(self, builder, model):
                builder.where('active', True)

        Post.add_global_scope(ActiveScope())

    Laravel: ``Illuminate\\Database\\Eloquent\\Scope``.
    """

    def apply(self, builder: Builder, model: Model) -> None:
        """Add the scope's constraints to ``builder``. Laravel: ``Scope::apply()``."""
        raise NotImplementedError(
            f"Scope [{type(self).__name__}] must implement apply(builder, model)."
        )


class LocalScope:
    """Wrap a local scope method so ``Post.published()`` and ``query.published()`` both work.

    Accessed on the model class or an instance, it starts a query and applies the
    scope; the Eloquent builder calls :attr:`func` directly.

    Laravel: a method marked ``#[Scope]`` (or named ``scopePublished``).
    """

    def __init__(self, func: t.Callable[..., t.Any]) -> None:
        self.func = func
        functools.update_wrapper(t.cast(t.Any, self), func)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: t.Any, owner: type) -> t.Callable[..., t.Any]:
        name = getattr(self, "name", self.func.__name__)
        target: t.Any = instance if instance is not None else owner

        def start(*args: t.Any, **kwargs: t.Any) -> t.Any:
            query = (
                target.new_query()
                if instance is not None
                else t.cast(t.Any, owner).query()
            )
            return getattr(query, name)(*args, **kwargs)

        return start


def scope(func: t.Callable[..., t.Any]) -> t.Any:
    """Mark a model method as a local scope: ``def published(self, query): query.where(...)``.

    Call it as ``Post.published()`` or on a query, ``Post.where(...).published()``;
    extra arguments follow the query (``def of_type(self, query, kind)``).

    Laravel: the ``#[Scope]`` attribute.
    """
    return LocalScope(func)
