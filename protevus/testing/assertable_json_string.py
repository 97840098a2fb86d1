"""Assertions on a decoded JSON document: subset, exact, paths, counts, structure, fragments.

Laravel: ``Illuminate\\Testing\\AssertableJsonString``.
"""

from __future__ import annotations

import json
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.arr import Arr
from protevus.support.arr import data_get

_MISSING = object()


def encode(data: t.Any, pretty: bool = False) -> str:
    """Encode ``data`` as JSON for a failure message (non-ASCII kept readable)."""
    try:
        if pretty:
            return json.dumps(data, indent=4, ensure_ascii=False, default=repr)
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=repr)
    except (TypeError, ValueError):  # pragma: no cover - default=repr covers most
        return repr(data)


def sort_recursive(data: t.Any) -> t.Any:
    """Sort mappings by key and lists by value, all the way down.

    Laravel: ``Arr::sortRecursive()`` (fragment searches ignore order).
    """
    if isinstance(data, t.Mapping):
        return {key: sort_recursive(data[key]) for key in sorted(data, key=str)}
    if isinstance(data, list | tuple):
        items = [sort_recursive(item) for item in data]
        return sorted(items, key=lambda item: encode(item))
    return data


def canonical(data: t.Any) -> str:
    """Encode ``data`` with sorted keys, so equal documents give equal strings.

    Types count, as in PHP's ``json_encode`` comparison Laravel uses: ``1``,
    ``1.0``, ``True`` and ``'1'`` all differ.
    """
    return json.dumps(data, sort_keys=True, separators=(",", ":"), default=repr)


def same(expected: t.Any, actual: t.Any) -> bool:
    """Tell whether two JSON values are identical, types included (PHP's ``===``)."""
    return canonical(expected) == canonical(actual)


def is_subset(subset: t.Any, actual: t.Any, strict: bool = False) -> bool:
    """Tell whether ``subset`` is contained in ``actual``.

    Mappings match key by key and lists index by index (PHP arrays), recursing
    into nested mappings and lists; scalars compare with ``==``, or identically
    when ``strict``.

    Laravel: ``PHPUnit::assertArraySubset()`` (``array_replace_recursive``).
    """
    if isinstance(subset, t.Mapping):
        if not isinstance(actual, t.Mapping):
            return False
        return all(
            key in actual and is_subset(value, actual[key], strict)
            for key, value in subset.items()
        )
    if isinstance(subset, list | tuple):
        if not isinstance(actual, list | tuple) or len(subset) > len(actual):
            return False
        return all(
            is_subset(value, actual[index], strict)
            for index, value in enumerate(subset)
        )
    if strict:
        return same(subset, actual)
    return bool(subset == actual)


def _nodes(data: t.Any) -> t.Iterator[t.Mapping[str, t.Any]]:
    """Yield every mapping in the tree (the root first)."""
    if isinstance(data, t.Mapping):
        yield data
        for value in data.values():
            yield from _nodes(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _nodes(value)


def _normalise(data: t.Any) -> t.Any:
    """Turn Arrayable/Jsonable values (``to_array()``) and tuples into plain JSON data."""
    to_array = getattr(data, "to_array", None)
    if callable(to_array) and not isinstance(data, type):
        return _normalise(to_array())
    if isinstance(data, t.Mapping):
        return {str(key): _normalise(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_normalise(value) for value in data]
    return data


class AssertableJsonString(CamelAliases):
    """Assert things about a decoded JSON document; each assertion returns ``self``.

    ``context`` (the response status and a body snippet) ends every failure message.

    Laravel: ``Illuminate\\Testing\\AssertableJsonString``.
    """

    def __init__(self, decoded: t.Any, context: str = "") -> None:
        self.decoded = decoded
        self.context = context

    # -- reading -------------------------------------------------------------

    def json(self, key: str | None = None, default: t.Any = None) -> t.Any:
        """Get the document, or the value at a dot path (``data.0.name``, ``data.*.id``).

        Laravel: ``AssertableJsonString::json()``.
        """
        return data_get(self.decoded, key, default)

    def count(self) -> int:
        """Count the top-level items of the document."""
        return len(self.decoded) if isinstance(self.decoded, t.Sized) else 0

    def _fail(self, message: str) -> t.NoReturn:
        __tracebackhide__ = True
        raise AssertionError(message + (f"\n\n{self.context}" if self.context else ""))

    def _unable_to_find(self, data: t.Any) -> str:
        return (
            f"Unable to find JSON:\n\n{encode(data, pretty=True)}\n\n"
            f"within response JSON:\n\n{encode(self.decoded, pretty=True)}."
        )

    # -- assertions ----------------------------------------------------------

    def assert_subset(self, data: t.Any, strict: bool = False) -> AssertableJsonString:
        """Assert the document contains ``data`` (keys by name, lists by position).

        Laravel: ``AssertableJsonString::assertSubset()``.
        """
        __tracebackhide__ = True
        if not is_subset(_normalise(data), self.decoded, strict):
            self._fail(self._unable_to_find(data))
        return self

    def assert_exact(self, data: t.Any) -> AssertableJsonString:
        """Assert the document is exactly ``data`` (key order aside; types count).

        Laravel: ``AssertableJsonString::assertExact()``.
        """
        __tracebackhide__ = True
        expected = _normalise(data)
        if not same(expected, self.decoded):
            self._fail(
                "Failed asserting that the response JSON matches exactly.\n\n"
                f"Expected:\n{encode(expected, pretty=True)}\n\n"
                f"Actual:\n{encode(self.decoded, pretty=True)}"
            )
        return self

    def assert_similar(self, data: t.Any) -> AssertableJsonString:
        """Assert the document equals ``data``, ignoring the order of mappings and lists.

        Laravel: ``AssertableJsonString::assertSimilar()``.
        """
        __tracebackhide__ = True
        expected = _normalise(data)
        if canonical(sort_recursive(expected)) != canonical(
            sort_recursive(self.decoded)
        ):
            self._fail(
                "Failed asserting that the response JSON is similar to the given JSON.\n\n"
                f"Expected:\n{encode(expected, pretty=True)}\n\n"
                f"Actual:\n{encode(self.decoded, pretty=True)}"
            )
        return self

    def assert_path(self, path: str, expected: t.Any) -> AssertableJsonString:
        """Assert the value at ``path`` is identical to ``expected`` (or passes it, if callable).

        Laravel: ``AssertableJsonString::assertPath()`` (``assertSame``).
        """
        __tracebackhide__ = True
        actual = self.json(path, _MISSING)
        shown = "missing" if actual is _MISSING else encode(actual)
        if actual is _MISSING:
            actual = None
        if callable(expected) and not isinstance(expected, type):
            if not expected(actual):
                self._fail(
                    f"Failed asserting that JSON path [{path}] passes the given "
                    f"callback; its value is [{shown}]."
                )
            return self
        expected = _normalise(expected)
        if shown == "missing" or not same(expected, actual):
            self._fail(
                f"Failed asserting that JSON path [{path}] is [{encode(expected)}]; "
                f"it is [{shown}]."
            )
        return self

    def assert_missing_path(self, path: str) -> AssertableJsonString:
        """Assert nothing is at ``path``.

        Laravel: ``AssertableJsonString::assertMissingPath()``.
        """
        __tracebackhide__ = True
        if Arr.has(self.decoded, path):
            self._fail(
                f"Failed asserting that JSON path [{path}] is missing; it is "
                f"[{encode(data_get(self.decoded, path))}]."
            )
        return self

    def assert_count(self, count: int, key: str | None = None) -> AssertableJsonString:
        """Assert the document (or the list/mapping at ``key``) has ``count`` items.

        Laravel: ``AssertableJsonString::assertCount()``.
        """
        __tracebackhide__ = True
        target = self.decoded if key is None else self.json(key, _MISSING)
        where = "the response JSON" if key is None else f"JSON path [{key}]"
        if target is _MISSING:
            self._fail(
                f"Failed to assert that the response count matched the expected {count}: "
                f"{where} is missing."
            )
        if not isinstance(target, list | tuple | t.Mapping):
            self._fail(
                f"Failed to assert that the response count matched the expected {count}: "
                f"{where} is not a list or object but [{encode(target)}]."
            )
        if len(target) != count:
            self._fail(
                f"Failed to assert that the response count matched the expected {count}: "
                f"{where} has {len(target)} items."
            )
        return self

    def assert_structure(
        self, structure: t.Any = None, response_data: t.Any = _MISSING
    ) -> AssertableJsonString:
        """Assert the document has the keys of ``structure``; ``'*'`` checks every item.

        ``structure`` is a list of keys and ``{key: nested}`` mappings, or a mapping
        of ``key`` → nested structure: ``{'data': {'*': ['id', 'name']}, 'meta': ['total']}``
        or ``['id', {'author': ['name']}]``. With no structure the document must be
        similar to itself (any JSON passes).

        Laravel: ``AssertableJsonString::assertStructure()``.
        """
        __tracebackhide__ = True
        data = self.decoded if response_data is _MISSING else response_data
        if structure is None:
            return self
        self._check_structure(structure, data, "")
        return self

    def _check_structure(self, structure: t.Any, data: t.Any, at: str) -> None:
        __tracebackhide__ = True
        if isinstance(structure, t.Mapping):
            entries: list[tuple[t.Any, t.Any]] = list(structure.items())
        elif isinstance(structure, list | tuple):
            entries = []
            for item in structure:
                if isinstance(item, t.Mapping):
                    entries.extend(item.items())
                else:
                    entries.append((item, None))
        else:
            entries = [(structure, None)]
        for key, nested in entries:
            if key == "*":
                if not isinstance(data, list | tuple | t.Mapping):
                    self._fail(
                        f"Failed asserting that JSON path [{at or '(root)'}] is a list "
                        f"(structure ['*']); it is [{encode(data)}]."
                    )
                items = data.values() if isinstance(data, t.Mapping) else data
                for index, item in enumerate(items):
                    self._check_structure(
                        nested or [], item, f"{at}.{index}" if at else str(index)
                    )
                continue
            path = f"{at}.{key}" if at else str(key)
            found, value = _lookup(data, key)
            if not found:
                self._fail(
                    f"Failed asserting that the response JSON has the key [{path}].\n\n"
                    f"Response JSON:\n{encode(self.decoded, pretty=True)}"
                )
            if nested is not None:
                self._check_structure(nested, value, path)

    def assert_fragment(self, data: t.Mapping[str, t.Any]) -> AssertableJsonString:
        """Assert each ``key: value`` pair of ``data`` appears somewhere in the document.

        List order inside values is ignored, as in Laravel (the document is sorted
        recursively before the search).

        Laravel: ``AssertableJsonString::assertFragment()``.
        """
        __tracebackhide__ = True
        expected = _normalise(data)
        for key, value in expected.items():
            if not self._has_pair(key, value):
                self._fail(
                    f"Unable to find JSON fragment:\n\n[{encode({key: value})}]\n\n"
                    f"within\n\n[{encode(self.decoded)}]."
                )
        return self

    def assert_missing(
        self, data: t.Mapping[str, t.Any], exact: bool = False
    ) -> AssertableJsonString:
        """Assert no ``key: value`` pair of ``data`` appears (with ``exact``: not all together).

        Laravel: ``AssertableJsonString::assertMissing()``.
        """
        __tracebackhide__ = True
        expected = _normalise(data)
        if exact:
            return self.assert_missing_exact(expected)
        for key, value in expected.items():
            if self._has_pair(key, value):
                self._fail(
                    f"Found unexpected JSON fragment:\n\n[{encode({key: value})}]\n\n"
                    f"within\n\n[{encode(self.decoded)}]."
                )
        return self

    def assert_missing_exact(self, data: t.Mapping[str, t.Any]) -> AssertableJsonString:
        """Assert no single object holds every ``key: value`` pair of ``data``.

        Laravel: ``AssertableJsonString::assertMissingExact()``.
        """
        __tracebackhide__ = True
        expected = sort_recursive(_normalise(data))
        for node in _nodes(self.decoded):
            if all(
                key in node and same(value, sort_recursive(node[key]))
                for key, value in expected.items()
            ):
                self._fail(
                    f"Found unexpected JSON fragment:\n\n[{encode(data)}]\n\n"
                    f"within\n\n[{encode(self.decoded)}]."
                )
        return self

    def _has_pair(self, key: str, value: t.Any) -> bool:
        wanted = canonical(sort_recursive(value))
        return any(
            key in node and canonical(sort_recursive(node[key])) == wanted
            for node in _nodes(self.decoded)
        )


def _lookup(data: t.Any, key: t.Any) -> tuple[bool, t.Any]:
    """Find ``key`` in a mapping, or an index in a list (``0`` or ``'0'``)."""
    if isinstance(data, t.Mapping):
        if key in data:
            return True, data[key]
        if str(key) in data:
            return True, data[str(key)]
        return False, None
    if isinstance(data, list | tuple):
        try:
            index = int(key)
        except (TypeError, ValueError):
            return False, None
        if 0 <= index < len(data):
            return True, data[index]
    return False, None
