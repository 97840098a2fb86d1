"""The fluent ``dimensions`` rule: ``Rule.dimensions().max_width(1000).ratio(3 / 2)``.

Laravel: ``Illuminate\\Validation\\Rules\\Dimensions``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class Dimensions(CamelAliases):
    """Build a ``dimensions:`` rule from named constraints.

    Laravel: ``Illuminate\\Validation\\Rules\\Dimensions``.
    """

    def __init__(self, constraints: t.Mapping[str, t.Any] | None = None) -> None:
        self.constraints: dict[str, t.Any] = dict(constraints or {})

    def _set(self, key: str, value: t.Any) -> Dimensions:
        self.constraints[key] = value
        return self

    def width(self, value: int) -> Dimensions:
        """Require this exact width. Laravel: ``Dimensions::width()``."""
        return self._set("width", value)

    def height(self, value: int) -> Dimensions:
        """Require this exact height. Laravel: ``Dimensions::height()``."""
        return self._set("height", value)

    def min_width(self, value: int) -> Dimensions:
        """Require at least this width. Laravel: ``Dimensions::minWidth()``."""
        return self._set("min_width", value)

    def min_height(self, value: int) -> Dimensions:
        """Require at least this height. Laravel: ``Dimensions::minHeight()``."""
        return self._set("min_height", value)

    def max_width(self, value: int) -> Dimensions:
        """Require at most this width. Laravel: ``Dimensions::maxWidth()``."""
        return self._set("max_width", value)

    def max_height(self, value: int) -> Dimensions:
        """Require at most this height. Laravel: ``Dimensions::maxHeight()``."""
        return self._set("max_height", value)

    def ratio(self, value: float | str) -> Dimensions:
        """Require this width/height ratio (``1.5`` or ``'3/2'``). Laravel: ``Dimensions::ratio()``."""
        return self._set("ratio", value)

    def __str__(self) -> str:
        pairs = (f"{key}={value}" for key, value in self.constraints.items())
        return "dimensions:" + ",".join(pairs)
