"""Apply clauses only when a condition holds: ``when``, ``unless``, ``tap``, ``pipe``.

Laravel: ``Illuminate\\Support\\Traits\\Conditionable`` and ``Builder::tap()``.
"""

from __future__ import annotations

import typing as t

from protevus.database.query.concerns.query_state import QueryState
from protevus.support.concerns.collection_helpers import kv_caller


class Conditionable(QueryState):
    """Run builder callbacks conditionally.

    Laravel: ``Illuminate\\Support\\Traits\\Conditionable``.
    """

    def when(
        self,
        value: t.Any,
        callback: t.Callable[..., t.Any] | None = None,
        default: t.Callable[..., t.Any] | None = None,
    ) -> t.Any:
        """Run ``callback(query, value)`` when ``value`` is truthy, else ``default``.

        Returns the callback's result, or the builder when that is ``None``.
        Laravel: ``Conditionable::when()``.
        """
        if callable(value) and not isinstance(value, type):
            value = kv_caller(value)(self, None)
        chosen = callback if value else default
        if chosen is None:
            return self
        result = kv_caller(chosen)(self, value)
        return self if result is None else result

    def unless(
        self,
        value: t.Any,
        callback: t.Callable[..., t.Any] | None = None,
        default: t.Callable[..., t.Any] | None = None,
    ) -> t.Any:
        """Run ``callback(query, value)`` when ``value`` is falsy, else ``default``.

        Laravel: ``Conditionable::unless()``.
        """
        if callable(value) and not isinstance(value, type):
            value = kv_caller(value)(self, None)
        chosen = default if value else callback
        if chosen is None:
            return self
        result = kv_caller(chosen)(self, value)
        return self if result is None else result

    def tap(self, callback: t.Callable[[t.Self], t.Any]) -> t.Self:
        """Pass the builder to ``callback`` and return the builder. Laravel: ``Builder::tap()``."""
        callback(self)
        return self

    def pipe(self, callback: t.Callable[[t.Self], t.Any]) -> t.Any:
        """Pass the builder to ``callback`` and return its result (or the builder). Laravel: ``Builder::pipe()``."""
        result = callback(self)
        return self if result is None else result
