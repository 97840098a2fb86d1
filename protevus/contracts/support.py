"""Contracts for objects that turn themselves into plain data.

Laravel: ``Illuminate\\Contracts\\Support\\Arrayable`` and ``Jsonable``.
"""

from __future__ import annotations

import typing as t


@t.runtime_checkable
class Arrayable(t.Protocol):
    """Describe an object that converts itself to a dict or list.

    Collections call ``to_array()`` on such items in their own ``to_array()``.

    Laravel: ``Illuminate\\Contracts\\Support\\Arrayable``.
    """

    def to_array(self) -> t.Any:
        """Return the object as plain Python data (a dict or a list)."""
        ...


@t.runtime_checkable
class Jsonable(t.Protocol):
    """Describe an object that converts itself to a JSON string.

    Laravel: ``Illuminate\\Contracts\\Support\\Jsonable``.
    """

    def to_json(self) -> str:
        """Return the object encoded as JSON."""
        ...
