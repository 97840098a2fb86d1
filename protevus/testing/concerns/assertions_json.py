"""The JSON assertions of :class:`~protevus.testing.test_response.TestResponse`.

Laravel: the ``assertJson*`` methods of ``Illuminate\\Testing\\TestResponse``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.testing.assertable_json_string import AssertableJsonString
    from protevus.testing.fluent.assertable_json import AssertableJson

_Self = t.TypeVar("_Self", bound="AssertsJson")


class AssertsJson(CamelAliases):
    """Assert things about a JSON response body; each assertion returns the response."""

    if t.TYPE_CHECKING:

        def decode_response_json(self) -> AssertableJsonString: ...

        def _fluent(self, callback: t.Callable[[AssertableJson], t.Any]) -> None: ...

        def fail(self, message: str) -> t.NoReturn: ...

        def json(self, key: str | None = None, default: t.Any = None) -> t.Any: ...

    def assert_json(self: _Self, value: t.Any, strict: bool = False) -> _Self:
        """Assert the JSON body contains ``value`` (a subset), or passes a fluent callback.

        ``value`` is matched key by key and lists position by position; extra keys
        in the response are fine. ``strict=True`` compares scalars with their types
        (``1`` is not ``1.0`` or ``True``). A callable receives an
        :class:`~protevus.testing.fluent.assertable_json.AssertableJson`::

            response.assert_json({'data': {'id': 1}})
            response.assert_json(lambda json: json.where('id', 1).has('name').etc())

        Laravel: ``TestResponse::assertJson()``.
        """
        __tracebackhide__ = True
        if callable(value) and not isinstance(value, type):
            self._fluent(value)
            return self
        self.decode_response_json().assert_subset(value, strict)
        return self

    def assert_exact_json(self: _Self, data: t.Any) -> _Self:
        """Assert the JSON body is exactly ``data`` (key order aside).

        Laravel: ``TestResponse::assertExactJson()``.
        """
        __tracebackhide__ = True
        self.decode_response_json().assert_exact(data)
        return self

    def assert_similar_json(self: _Self, data: t.Any) -> _Self:
        """Assert the JSON body equals ``data``, ignoring the order of keys and list items.

        Laravel: ``TestResponse::assertSimilarJson()``.
        """
        __tracebackhide__ = True
        self.decode_response_json().assert_similar(data)
        return self

    def assert_json_path(self: _Self, path: str, expected: t.Any) -> _Self:
        """Assert the value at a dot path (``data.0.id``, ``data.*.id``) is ``expected``.

        The comparison is strict (``1`` is not ``'1'``); a callable ``expected``
        receives the value and must return true.

        Laravel: ``TestResponse::assertJsonPath()``.
        """
        __tracebackhide__ = True
        self.decode_response_json().assert_path(path, expected)
        return self

    def assert_json_missing_path(self: _Self, path: str) -> _Self:
        """Assert nothing is at the dot path ``path``.

        Laravel: ``TestResponse::assertJsonMissingPath()``.
        """
        __tracebackhide__ = True
        self.decode_response_json().assert_missing_path(path)
        return self

    def assert_json_count(self: _Self, count: int, key: str | None = None) -> _Self:
        """Assert the JSON root (or the list at ``key``) has ``count`` items.

        Laravel: ``TestResponse::assertJsonCount()``.
        """
        __tracebackhide__ = True
        self.decode_response_json().assert_count(count, key)
        return self

    def assert_json_structure(
        self: _Self, structure: t.Any = None, response_data: t.Any = None
    ) -> _Self:
        """Assert the JSON body has the keys of ``structure`` (``'*'`` for every list item).

        ``response.assert_json_structure({'data': {'*': ['id', 'title']}, 'meta': ['total']})``

        Laravel: ``TestResponse::assertJsonStructure()``.
        """
        __tracebackhide__ = True
        decoded = self.decode_response_json()
        if response_data is None:
            decoded.assert_structure(structure)
        else:
            decoded.assert_structure(structure, response_data)
        return self

    def assert_json_fragment(self: _Self, data: t.Mapping[str, t.Any]) -> _Self:
        """Assert each ``key: value`` pair of ``data`` appears anywhere in the JSON body.

        Laravel: ``TestResponse::assertJsonFragment()``.
        """
        __tracebackhide__ = True
        self.decode_response_json().assert_fragment(data)
        return self

    def assert_json_missing(
        self: _Self, data: t.Mapping[str, t.Any], exact: bool = False
    ) -> _Self:
        """Assert no ``key: value`` pair of ``data`` appears in the JSON body.

        With ``exact=True`` only an object holding all the pairs together fails.

        Laravel: ``TestResponse::assertJsonMissing()``.
        """
        __tracebackhide__ = True
        self.decode_response_json().assert_missing(data, exact)
        return self

    def assert_json_missing_exact(self: _Self, data: t.Mapping[str, t.Any]) -> _Self:
        """Assert no object of the JSON body holds every pair of ``data``.

        Laravel: ``TestResponse::assertJsonMissingExact()``.
        """
        __tracebackhide__ = True
        self.decode_response_json().assert_missing_exact(data)
        return self

    def assert_json_is_array(self: _Self, key: str | None = None) -> _Self:
        """Assert the JSON body (or the value at ``key``) is a list.

        Laravel: ``TestResponse::assertJsonIsArray()``.
        """
        __tracebackhide__ = True
        value = self.json(key)
        if not isinstance(value, list):
            where = "the response JSON" if key is None else f"JSON path [{key}]"
            self.fail(f"Failed asserting that {where} is a list.")
        return self

    def assert_json_is_object(self: _Self, key: str | None = None) -> _Self:
        """Assert the JSON body (or the value at ``key``) is an object.

        Laravel: ``TestResponse::assertJsonIsObject()``.
        """
        __tracebackhide__ = True
        value = self.json(key)
        if not isinstance(value, dict):
            where = "the response JSON" if key is None else f"JSON path [{key}]"
            self.fail(f"Failed asserting that {where} is an object.")
        return self

    def assert_json_validation_errors(
        self: _Self, errors: t.Any, response_key: str = "errors"
    ) -> _Self:
        """Assert the JSON body lists validation errors for the given fields.

        ``errors`` is a field name, a list of them, or ``{field: message}``; a
        message matches when it is contained in one of the field's messages.

        Laravel: ``TestResponse::assertJsonValidationErrors()``.
        """
        __tracebackhide__ = True
        found = self.json(response_key)
        if not isinstance(found, dict) or not found:
            self.fail(
                f"Failed to find a validation error in the response for key(s) "
                f"[{', '.join(map(str, _keys(errors)))}]: the JSON has no "
                f"[{response_key}] object."
            )
        for field, message in _pairs(errors):
            if field not in found:
                self.fail(
                    f"Failed to find a validation error in the response for key: "
                    f"[{field}]. Response has the following validation errors: "
                    f"[{', '.join(found)}]."
                )
            if message is not None:
                messages = (
                    found[field] if isinstance(found[field], list) else [found[field]]
                )
                if not any(str(message) in str(m) for m in messages):
                    self.fail(
                        f"Failed to find a validation error for key and message: "
                        f"[{field}] => [{message}]. Its messages are: {messages}."
                    )
        return self

    def assert_json_missing_validation_errors(
        self: _Self, keys: t.Any = None, response_key: str = "errors"
    ) -> _Self:
        """Assert the JSON body has no validation errors (for ``keys``, when given).

        Laravel: ``TestResponse::assertJsonMissingValidationErrors()``.
        """
        __tracebackhide__ = True
        body = self.json()
        found = body.get(response_key) if isinstance(body, dict) else None
        if not found:
            return self
        if keys is None:
            self.fail(
                f"Response has unexpected validation errors: [{', '.join(found)}]."
            )
        for field in _keys(keys):
            if field in found:
                self.fail(f"Found unexpected validation error for key: [{field}].")
        return self


def _keys(errors: t.Any) -> list[t.Any]:
    if isinstance(errors, t.Mapping):
        return list(errors)
    if isinstance(errors, list | tuple):
        return list(errors)
    return [errors]


def _pairs(errors: t.Any) -> list[tuple[t.Any, t.Any]]:
    if isinstance(errors, t.Mapping):
        return list(errors.items())
    return [(field, None) for field in _keys(errors)]
