"""Fluent assertions on JSON: ``json.where('id', 1).has('tags', 2).etc()``.

Laravel: ``Illuminate\\Testing\\Fluent\\AssertableJson``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.arr import Arr
from protevus.support.arr import data_get
from protevus.support.macroable import Macroable
from protevus.testing.assertable_json_string import _normalise
from protevus.testing.assertable_json_string import encode
from protevus.testing.assertable_json_string import same

_MISSING = object()
_Callback = t.Callable[["AssertableJson"], t.Any]

#: PHP's ``gettype()`` names (Laravel's ``whereType``) → Python types.
_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "int": (int,),
    "double": (float,),
    "float": (float,),
    "boolean": (bool,),
    "bool": (bool,),
    "array": (list, dict),
    "list": (list,),
    "object": (dict,),
    "null": (type(None),),
}


class AssertableJson(CamelAliases, Macroable):
    """Walk a JSON document with chained assertions; unchecked keys fail unless ``etc()``.

    ``response.assert_json(lambda json: json.where('id', 1).has('author', lambda a: a.where('name', 'Ann').etc()).etc())``

    Laravel: ``Illuminate\\Testing\\Fluent\\AssertableJson``.
    """

    def __init__(
        self, props: t.Any, path: str | None = None, context: str = ""
    ) -> None:
        self._props = props
        self._path = path
        self._context = context
        self._interacted: list[str] = []

    @classmethod
    def from_data(cls, data: t.Any, context: str = "") -> AssertableJson:
        """Start assertions on decoded JSON data.

        Laravel: ``AssertableJson::fromArray()``.
        """
        return cls(_normalise(data), context=context)

    # -- helpers -------------------------------------------------------------

    def _fail(self, message: str) -> t.NoReturn:
        __tracebackhide__ = True
        raise AssertionError(
            message + (f"\n\n{self._context}" if self._context else "")
        )

    def _dot_path(self, key: t.Any = "") -> str:
        if self._path is None:
            return str(key)
        return f"{self._path}.{key}" if key != "" else self._path

    def _prop(self, key: t.Any = None) -> t.Any:
        if key is None:
            return self._props
        return data_get(self._props, str(key), _MISSING)

    def _exists(self, key: t.Any) -> bool:
        return self._props is not None and Arr.has(self._props, str(key))

    def _interacts_with(self, key: t.Any) -> None:
        head = str(key).split(".", 1)[0]
        if head not in self._interacted:
            self._interacted.append(head)

    def _scope(self, key: t.Any, callback: _Callback) -> AssertableJson:
        __tracebackhide__ = True
        scoped = type(self)(self._prop(key), self._dot_path(key), self._context)
        callback(scoped)
        scoped.interacted()
        return self

    def to_array(self) -> t.Any:
        """Get the JSON data of the current scope."""
        return self._props

    # -- interaction ---------------------------------------------------------

    def interacted(self) -> None:
        """Fail when some key of the current scope was never asserted on.

        Laravel: ``AssertableJson::interacted()``.
        """
        __tracebackhide__ = True
        if not isinstance(self._props, dict):
            return
        left = [key for key in self._props if str(key) not in self._interacted]
        if left:
            where = (
                "on the root level"
                if self._path is None
                else f"in scope [{self._path}]"
            )
            self._fail(
                f"Unexpected properties were found {where}: [{', '.join(map(str, left))}]. "
                "Assert on them or call etc()."
            )

    def etc(self) -> AssertableJson:
        """Allow keys of this scope that were not asserted on.

        Laravel: ``AssertableJson::etc()``.
        """
        if isinstance(self._props, dict):
            self._interacted = [str(key) for key in self._props]
        elif isinstance(self._props, list):
            self._interacted = [str(i) for i in range(len(self._props))]
        return self

    # -- has / missing -------------------------------------------------------

    def count(self, key: t.Any, length: int | None = None) -> AssertableJson:
        """Assert the size of the list at ``key``, or ``count(n)`` of the current scope.

        Laravel: ``AssertableJson::count()``.
        """
        __tracebackhide__ = True
        if length is None:
            actual = self._props
            if not isinstance(actual, list | dict) or len(actual) != key:
                size = len(actual) if isinstance(actual, list | dict) else "no"
                where = (
                    "Root level" if self._path is None else f"Property [{self._path}]"
                )
                self._fail(
                    f"{where} does not have the expected size: expected {key}, got {size}."
                )
            return self
        value = self._prop(key)
        if not isinstance(value, list | dict) or len(value) != length:
            size = len(value) if isinstance(value, list | dict) else "no"
            self._fail(
                f"Property [{self._dot_path(key)}] does not have the expected size: "
                f"expected {length}, got {size}."
            )
        return self

    def has(
        self,
        key: t.Any,
        length: int | _Callback | None = None,
        callback: _Callback | None = None,
    ) -> AssertableJson:
        """Assert ``key`` exists; with a size, its size; with a callback, scope into it.

        ``has('tags')``, ``has('tags', 3)``, ``has('author', lambda a: ...)`` and
        ``has('posts', 2, lambda post: ...)`` (the callback sees the first item).

        Laravel: ``AssertableJson::has()``.
        """
        __tracebackhide__ = True
        if isinstance(key, int) and length is None and callback is None:
            return self.count(key)
        if not self._exists(key):
            self._fail(f"Property [{self._dot_path(key)}] does not exist.")
        self._interacts_with(key)
        if callback is not None:
            size = length if isinstance(length, int) else None

            def inner(scope: AssertableJson) -> None:
                if size is not None:
                    scope.count(size)
                scope.first(callback).etc()

            return self._scope(key, inner)
        if callable(length):
            return self._scope(key, length)
        if length is not None:
            return self.count(key, length)
        return self

    def has_all(self, keys: t.Any) -> AssertableJson:
        """Assert every key exists (a mapping gives ``key: size``).

        Laravel: ``AssertableJson::hasAll()``.
        """
        __tracebackhide__ = True
        if isinstance(keys, dict):
            for key, size in keys.items():
                self.has(key, size)
        else:
            for key in _wrap(keys):
                self.has(key)
        return self

    def has_any(self, keys: t.Any) -> AssertableJson:
        """Assert at least one of ``keys`` exists.

        Laravel: ``AssertableJson::hasAny()``.
        """
        __tracebackhide__ = True
        keys = _wrap(keys)
        present = [key for key in keys if self._exists(key)]
        if not present:
            self._fail(
                f"None of properties [{', '.join(self._dot_path(k) for k in keys)}] exist."
            )
        for key in present:
            self._interacts_with(key)
        return self

    def missing(self, key: t.Any) -> AssertableJson:
        """Assert ``key`` does not exist.

        Laravel: ``AssertableJson::missing()``.
        """
        __tracebackhide__ = True
        if self._exists(key):
            self._fail(
                f"Property [{self._dot_path(key)}] was found while it was expected to be missing."
            )
        return self

    def missing_all(self, keys: t.Any) -> AssertableJson:
        """Assert none of ``keys`` exists.

        Laravel: ``AssertableJson::missingAll()``.
        """
        __tracebackhide__ = True
        for key in _wrap(keys):
            self.missing(key)
        return self

    # -- where ---------------------------------------------------------------

    def where(self, key: t.Any, expected: t.Any) -> AssertableJson:
        """Assert ``key`` is identical to ``expected`` (or passes it, when callable).

        Laravel: ``AssertableJson::where()``.
        """
        __tracebackhide__ = True
        self.has(key)
        actual = self._prop(key)
        if callable(expected) and not isinstance(expected, type):
            if not expected(actual):
                self._fail(
                    f"Property [{self._dot_path(key)}] was marked as invalid using a "
                    f"callback; its value is [{encode(actual)}]."
                )
            return self
        expected = _normalise(expected)
        if not same(expected, actual):
            self._fail(
                f"Property [{self._dot_path(key)}] does not match the expected value: "
                f"expected [{encode(expected)}], got [{encode(actual)}]."
            )
        return self

    def where_not(self, key: t.Any, expected: t.Any) -> AssertableJson:
        """Assert ``key`` is not ``expected`` (or fails it, when callable).

        Laravel: ``AssertableJson::whereNot()``.
        """
        __tracebackhide__ = True
        self.has(key)
        actual = self._prop(key)
        if callable(expected) and not isinstance(expected, type):
            matched = bool(expected(actual))
        else:
            matched = same(_normalise(expected), actual)
        if matched:
            self._fail(
                f"Property [{self._dot_path(key)}] contains a value that should be "
                f"missing: [{encode(actual)}]."
            )
        return self

    def where_all(self, bindings: t.Mapping[str, t.Any]) -> AssertableJson:
        """Assert several ``key: expected`` pairs.

        Laravel: ``AssertableJson::whereAll()``.
        """
        __tracebackhide__ = True
        for key, expected in bindings.items():
            self.where(key, expected)
        return self

    def where_type(self, key: t.Any, expected: str | list[str]) -> AssertableJson:
        """Assert the type of ``key``: ``'string'``, ``'integer'``, ``'double'``, ``'boolean'``, ``'array'``, ``'null'`` or ``'string|null'``.

        Laravel: ``AssertableJson::whereType()``.
        """
        __tracebackhide__ = True
        self.has(key)
        names = expected.split("|") if isinstance(expected, str) else list(expected)
        unknown = [name for name in names if name not in _TYPES]
        if unknown:
            raise ValueError(
                f"Unknown JSON type [{', '.join(unknown)}]: use one of "
                f"{', '.join(_TYPES)}."
            )
        actual = self._prop(key)
        if not any(_is_type(actual, name) for name in names):
            self._fail(
                f"Property [{self._dot_path(key)}] is not of expected type "
                f"[{'|'.join(names)}]; it is [{encode(actual)}]."
            )
        return self

    def where_all_type(self, bindings: t.Mapping[str, t.Any]) -> AssertableJson:
        """Assert the types of several keys.

        Laravel: ``AssertableJson::whereAllType()``.
        """
        __tracebackhide__ = True
        for key, expected in bindings.items():
            self.where_type(key, expected)
        return self

    def where_contains(self, key: t.Any, expected: t.Any) -> AssertableJson:
        """Assert the list (or string) at ``key`` contains each of ``expected``.

        Laravel: ``AssertableJson::whereContains()``.
        """
        __tracebackhide__ = True
        self.has(key)
        actual = self._prop(key)
        for each in _wrap(expected):
            if isinstance(actual, str):
                ok = isinstance(each, str) and each in actual
            elif isinstance(actual, list | dict):
                values = actual.values() if isinstance(actual, dict) else actual
                ok = any(
                    each(v) if callable(each) else same(_normalise(each), v)
                    for v in values
                )
            else:
                ok = False
            if not ok:
                self._fail(
                    f"Property [{self._dot_path(key)}] does not contain [{encode(each)}]; "
                    f"it is [{encode(actual)}]."
                )
        return self

    # -- scoping -------------------------------------------------------------

    def first(self, callback: _Callback) -> AssertableJson:
        """Scope into the first item of the current list or object.

        Laravel: ``AssertableJson::first()``.
        """
        __tracebackhide__ = True
        keys = _keys_of(self._props)
        if not keys:
            where = "the root level" if self._path is None else f"[{self._path}]"
            self._fail(
                f"Cannot scope directly onto the first element of {where} because it is empty."
            )
        self._interacts_with(keys[0])
        return self._scope(keys[0], callback)

    def each(self, callback: _Callback) -> AssertableJson:
        """Scope into every item of the current list or object.

        Laravel: ``AssertableJson::each()``.
        """
        __tracebackhide__ = True
        keys = _keys_of(self._props)
        if not keys:
            where = "the root level" if self._path is None else f"[{self._path}]"
            self._fail(
                f"Cannot scope directly onto each element of {where} because it is empty."
            )
        for key in keys:
            self._interacts_with(key)
            self._scope(key, callback)
        return self

    def dump(self, key: t.Any = None) -> AssertableJson:
        """Print the current scope (or ``key`` of it) and continue.

        Laravel: ``AssertableJson::dump()``.
        """
        print(encode(self._prop(key), pretty=True))
        return self


def _wrap(value: t.Any) -> list[t.Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _keys_of(props: t.Any) -> list[str]:
    if isinstance(props, dict):
        return [str(key) for key in props]
    if isinstance(props, list):
        return [str(i) for i in range(len(props))]
    return []


def _is_type(value: t.Any, name: str) -> bool:
    if name in ("integer", "int", "double", "float") and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[name])
