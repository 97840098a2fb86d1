"""Register and apply global scopes.

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasGlobalScopes``.
"""

from __future__ import annotations

import types
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import camel_aliases


def scope_identifier(scope: t.Any) -> str:
    """Return the name a global scope is registered under (its class path, or a string).

    Laravel: ``get_class($scope)`` / ``spl_object_hash($closure)``.
    """
    if isinstance(scope, str):
        return scope
    if isinstance(scope, type):
        return f"{scope.__module__}.{scope.__qualname__}"
    if hasattr(scope, "apply") and not isinstance(
        scope, types.FunctionType | types.MethodType
    ):
        return scope_identifier(type(scope))
    return f"closure:{id(scope)}"


@camel_aliases
class HasGlobalScopes:
    """Register and apply global scopes.

    ``Post.add_global_scope(ActiveScope())``, ``Post.add_global_scope('recent',
    lambda q: q.where(...))`` (in ``booted()``); a class attribute
    ``scoped_by = [ActiveScope]`` registers scopes at boot (Laravel's ``#[ScopedBy]``).

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasGlobalScopes``.
    """

    #: scopes registered per model class: ``{Post: {'app.scopes.Active': scope}}``.
    _global_scopes: t.ClassVar[dict[type, dict[str, t.Any]]] = {}
    #: scopes (classes or instances) registered when the model boots.
    scoped_by: t.ClassVar[list[t.Any]] = []

    @classmethod
    def boot_has_global_scopes(cls) -> None:
        """Register the ``scoped_by`` scopes. Laravel: ``HasGlobalScopes::bootHasGlobalScopes()``."""
        if cls.scoped_by:
            cls.add_global_scopes(list(cls.scoped_by))

    @classmethod
    def add_global_scope(cls, scope: t.Any, implementation: t.Any = None) -> t.Any:
        """Register a global scope (a Scope instance or class, a closure, or a name and one).

        Laravel: ``Model::addGlobalScope()``.
        """
        scopes = HasGlobalScopes._global_scopes.setdefault(cls, {})
        if isinstance(scope, str) and implementation is not None:
            if isinstance(implementation, type):
                implementation = implementation()
            scopes[scope] = implementation
            return implementation
        if isinstance(scope, type):
            scope = scope()
        if callable(scope) or hasattr(scope, "apply"):
            scopes[scope_identifier(scope)] = scope
            return scope
        raise InvalidArgumentError(
            f"Global scope must be an instance of Closure or Scope or be a class name of a "
            f"class extending Scope [{type(scope).__name__} given]: pass a Scope or a callable."
        )

    @classmethod
    def add_global_scopes(cls, scopes: t.Any) -> None:
        """Register several global scopes (a list, or a dict of names). Laravel: ``addGlobalScopes()``."""
        if isinstance(scopes, dict):
            for key, scope in scopes.items():
                if isinstance(key, str):
                    cls.add_global_scope(key, scope)
                else:
                    cls.add_global_scope(scope)
        else:
            for scope in scopes:
                cls.add_global_scope(scope)

    @classmethod
    def has_global_scope(cls, scope: t.Any) -> bool:
        """Return whether the scope is registered. Laravel: ``hasGlobalScope()``."""
        return cls.get_global_scope(scope) is not None

    @classmethod
    def get_global_scope(cls, scope: t.Any) -> t.Any:
        """Get a registered global scope by name, class or instance. Laravel: ``getGlobalScope()``."""
        return cls._scopes_for(cls).get(scope_identifier(scope))

    @classmethod
    def get_all_global_scopes(cls) -> dict[type, dict[str, t.Any]]:
        """Get every model's global scopes. Laravel: ``getAllGlobalScopes()``."""
        return HasGlobalScopes._global_scopes

    @classmethod
    def set_all_global_scopes(cls, scopes: dict[type, dict[str, t.Any]]) -> None:
        """Replace every model's global scopes. Laravel: ``setAllGlobalScopes()``."""
        HasGlobalScopes._global_scopes = scopes

    def get_global_scopes(self) -> dict[str, t.Any]:
        """Get this model's global scopes (inherited ones first). Laravel: ``getGlobalScopes()``."""
        return self._scopes_for(type(self))

    @staticmethod
    def _scopes_for(cls: type) -> dict[str, t.Any]:
        scopes: dict[str, t.Any] = {}
        for klass in reversed(cls.__mro__):
            scopes.update(HasGlobalScopes._global_scopes.get(klass, {}))
        return scopes
