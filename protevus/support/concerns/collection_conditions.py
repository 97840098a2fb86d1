"""The ``where*`` filters, ``when``/``unless`` and pipes of both collection classes.

``where`` compares loosely (``3 == '3'``) unless given ``'==='``/``'!=='``; see
:mod:`protevus.support.concerns.php_compare`.

Laravel: ``EnumeratesValues::where()`` and friends, and ``Conditionable``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.concerns.collection_helpers import MISSING
from protevus.support.concerns.collection_helpers import arrayable_items
from protevus.support.concerns.collection_helpers import getter
from protevus.support.concerns.collection_helpers import kv_caller
from protevus.support.concerns.collection_helpers import operator_for_where
from protevus.support.concerns.php_compare import loose_equals
from protevus.support.concerns.php_compare import php_compare
from protevus.support.concerns.php_compare import strict_equals


class CollectionConditions(CamelAliases):
    """Filter items by key comparisons and branch or pipe a collection fluently.

    Laravel: ``Collection::where()``, ``whereIn()``, ``when()``, ``pipe()``...
    """

    __slots__ = ()

    if t.TYPE_CHECKING:

        def filter(self, callback: t.Any = None) -> t.Self: ...
        def is_empty(self) -> bool: ...

    # --- where ----------------------------------------------------------

    def where(
        self, key: t.Any, operator: t.Any = MISSING, val: t.Any = MISSING
    ) -> t.Self:
        """Keep items where ``key`` compares (loosely) to a value, keys preserved.

        ``where('price', 100)``, ``where('price', '>', 100)``; ``'==='`` and ``'!=='``
        compare strictly.

        Laravel: ``Collection::where()``.
        """
        return self.filter(operator_for_where(key, operator, val))

    def where_strict(self, key: t.Any, val: t.Any) -> t.Self:
        """Keep items where ``key`` is identical (``===``) to ``val``.

        Laravel: ``Collection::whereStrict()``.
        """
        return self.where(key, "===", val)

    def where_null(self, key: t.Any = None) -> t.Self:
        """Keep items where ``key`` is ``None``.

        Laravel: ``Collection::whereNull()``.
        """
        return self.where_strict(key, None)

    def where_not_null(self, key: t.Any = None) -> t.Self:
        """Keep items where ``key`` is not ``None``.

        Laravel: ``Collection::whereNotNull()``.
        """
        return self.where(key, "!==", None)

    def where_in(self, key: t.Any, values: t.Any, strict: bool = False) -> t.Self:
        """Keep items whose ``key`` is in ``values`` (loosely unless ``strict``).

        Laravel: ``Collection::whereIn()``.
        """
        pool = list(arrayable_items(values).values())
        get = getter(key)
        same = strict_equals if strict else loose_equals
        return self.filter(lambda v: any(same(get(v), x) for x in pool))

    def where_in_strict(self, key: t.Any, values: t.Any) -> t.Self:
        """Keep items whose ``key`` is strictly in ``values``.

        Laravel: ``Collection::whereInStrict()``.
        """
        return self.where_in(key, values, True)

    def where_not_in(self, key: t.Any, values: t.Any, strict: bool = False) -> t.Self:
        """Keep items whose ``key`` is not in ``values``.

        Laravel: ``Collection::whereNotIn()``.
        """
        pool = list(arrayable_items(values).values())
        get = getter(key)
        same = strict_equals if strict else loose_equals
        return self.filter(lambda v: not any(same(get(v), x) for x in pool))

    def where_not_in_strict(self, key: t.Any, values: t.Any) -> t.Self:
        """Keep items whose ``key`` is strictly not in ``values``.

        Laravel: ``Collection::whereNotInStrict()``.
        """
        return self.where_not_in(key, values, True)

    def where_between(self, key: t.Any, values: t.Any) -> t.Self:
        """Keep items whose ``key`` lies within ``[low, high]`` (inclusive).

        Laravel: ``Collection::whereBetween()``.
        """
        bounds = list(arrayable_items(values).values())
        return self.where(key, ">=", bounds[0]).where(key, "<=", bounds[-1])

    def where_not_between(self, key: t.Any, values: t.Any) -> t.Self:
        """Keep items whose ``key`` lies outside ``[low, high]``.

        Laravel: ``Collection::whereNotBetween()``.
        """
        bounds = list(arrayable_items(values).values())
        get = getter(key)
        low, high = bounds[0], bounds[-1]
        return self.filter(
            lambda v: php_compare(get(v), low) < 0 or php_compare(get(v), high) > 0
        )

    def where_instance_of(self, cls: type | t.Sequence[type]) -> t.Self:
        """Keep items that are instances of ``cls`` (or of any class in a list).

        Laravel: ``Collection::whereInstanceOf()``.
        """
        classes: type | tuple[type, ...] = (
            tuple(cls) if isinstance(cls, list | tuple) else t.cast(type, cls)
        )
        return self.filter(lambda v: isinstance(v, classes))

    # --- conditionals and pipes -----------------------------------------

    def when(
        self,
        val: t.Any,
        callback: t.Callable[..., t.Any] | None = None,
        default: t.Callable[..., t.Any] | None = None,
    ) -> t.Any:
        """Run ``callback(self, value)`` when ``value`` is truthy, else ``default``.

        A callable ``value`` is called with the collection first. Returns the
        callback's result, or the collection when that is ``None``.

        Laravel: ``Conditionable::when()``.
        """
        if callable(val) and not isinstance(val, type):
            val = kv_caller(val)(self, None)
        chosen = callback if val else default
        if chosen is None:
            return self
        result = kv_caller(chosen)(self, val)
        return self if result is None else result

    def unless(
        self,
        val: t.Any,
        callback: t.Callable[..., t.Any] | None = None,
        default: t.Callable[..., t.Any] | None = None,
    ) -> t.Any:
        """Run ``callback(self, value)`` unless ``value`` is truthy, else ``default``.

        Laravel: ``Conditionable::unless()``.
        """
        if callable(val) and not isinstance(val, type):
            val = kv_caller(val)(self, None)
        chosen = default if val else callback
        if chosen is None:
            return self
        result = kv_caller(chosen)(self, val)
        return self if result is None else result

    def when_empty(
        self,
        callback: t.Callable[..., t.Any],
        default: t.Callable[..., t.Any] | None = None,
    ) -> t.Any:
        """Run ``callback(self)`` when the collection is empty.

        Laravel: ``Collection::whenEmpty()``.
        """
        return self.when(self.is_empty(), callback, default)

    def when_not_empty(
        self,
        callback: t.Callable[..., t.Any],
        default: t.Callable[..., t.Any] | None = None,
    ) -> t.Any:
        """Run ``callback(self)`` when the collection is not empty.

        Laravel: ``Collection::whenNotEmpty()``.
        """
        return self.when(not self.is_empty(), callback, default)

    def unless_empty(
        self,
        callback: t.Callable[..., t.Any],
        default: t.Callable[..., t.Any] | None = None,
    ) -> t.Any:
        """Alias of :meth:`when_not_empty`.

        Laravel: ``Collection::unlessEmpty()``.
        """
        return self.when_not_empty(callback, default)

    def unless_not_empty(
        self,
        callback: t.Callable[..., t.Any],
        default: t.Callable[..., t.Any] | None = None,
    ) -> t.Any:
        """Alias of :meth:`when_empty`.

        Laravel: ``Collection::unlessNotEmpty()``.
        """
        return self.when_empty(callback, default)

    def is_not_empty(self) -> bool:
        """Determine if the collection has items.

        Laravel: ``Collection::isNotEmpty()``.
        """
        return not self.is_empty()

    def pipe(self, callback: t.Callable[[t.Any], t.Any]) -> t.Any:
        """Return ``callback(self)``.

        Laravel: ``Collection::pipe()``.
        """
        return callback(self)

    def pipe_into(self, cls: t.Callable[[t.Any], t.Any]) -> t.Any:
        """Return ``cls(self)``.

        Laravel: ``Collection::pipeInto()``.
        """
        return cls(self)

    def pipe_through(self, callbacks: t.Iterable[t.Callable[[t.Any], t.Any]]) -> t.Any:
        """Pass the collection through each callback in turn; return the last result.

        Laravel: ``Collection::pipeThrough()``.
        """
        result: t.Any = self
        for callback in callbacks:
            result = callback(result)
        return result

    def tap(self, callback: t.Callable[[t.Any], t.Any]) -> t.Self:
        """Call ``callback(self)`` and return the collection unchanged.

        Laravel: ``Collection::tap()``.
        """
        callback(self)
        return self
