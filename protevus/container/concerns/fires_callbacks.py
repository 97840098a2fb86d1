"""Run callbacks before and after resolution, and when a binding is replaced.

Laravel: ``Container::beforeResolving()``, ``resolving()``, ``afterResolving()``,
``rebinding()`` and the ``fire*Callbacks()`` helpers of
``Illuminate\\Container\\Container``.
"""

from __future__ import annotations

import typing as t

from protevus.container._reflection import adapt
from protevus.container._reflection import is_a
from protevus.support.aliases import CamelAliases

_Fn = t.Callable[..., t.Any]


class FiresCallbacks(CamelAliases):
    """Register and fire resolution and rebinding callbacks.

    Laravel: the callback half of ``Illuminate\\Container\\Container``.
    """

    if t.TYPE_CHECKING:
        _rebound_callbacks: dict[t.Any, list[_Fn]]
        _before: dict[t.Any, list[_Fn]]
        _resolving: dict[t.Any, list[_Fn]]
        _after: dict[t.Any, list[_Fn]]
        _global_before: list[_Fn]
        _global_resolving: list[_Fn]
        _global_after: list[_Fn]
        _has_before: bool
        _has_callbacks: bool

        def make(
            self, abstract: t.Any, parameters: t.Mapping[str, t.Any] | None = None
        ) -> t.Any: ...
        def bound(self, abstract: t.Any) -> bool: ...
        def get_alias(self, abstract: t.Any) -> t.Any: ...

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
