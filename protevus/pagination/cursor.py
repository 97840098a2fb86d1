"""The position a cursor paginator continues from, encoded into the ``?cursor=`` parameter.

Laravel: ``Illuminate\\Pagination\\Cursor``.
"""

from __future__ import annotations

import base64
import binascii
import json
import typing as t

from protevus.pagination.exceptions import CursorPaginationError
from protevus.support.aliases import CamelAliases

_DIRECTION_KEY = "_pointsToNextItems"


class Cursor(CamelAliases):
    """Hold the ordered columns' values of the last (or first) item seen, and the direction.

    ``Cursor({'id': 15}, points_to_next_items=True)``; ``encode()`` gives the
    URL-safe base64 JSON Laravel puts in ``?cursor=``, ``Cursor.from_encoded()``
    reads it back (``None`` when the string is not a cursor).

    Laravel: ``Illuminate\\Pagination\\Cursor``.
    """

    def __init__(
        self, parameters: t.Mapping[str, t.Any], points_to_next_items: bool = True
    ) -> None:
        self._parameters = dict(parameters)
        self._points_to_next_items = bool(points_to_next_items)

    def parameter(self, name: str) -> t.Any:
        """Get the value of one ordered column.

        Laravel: ``Cursor::parameter()``.
        """
        if name not in self._parameters:
            raise CursorPaginationError(
                f"Unable to find parameter [{name}] in pagination item; the cursor "
                f"holds [{', '.join(self._parameters)}]. Order the query by the same "
                "columns the cursor was made with."
            )
        return self._parameters[name]

    def parameters(self, names: t.Iterable[str]) -> list[t.Any]:
        """Get the values of several ordered columns.

        Laravel: ``Cursor::parameters()``.
        """
        return [self.parameter(name) for name in names]

    def points_to_next_items(self) -> bool:
        """Determine if the cursor continues forwards. Laravel: ``Cursor::pointsToNextItems()``."""
        return self._points_to_next_items

    def points_to_previous_items(self) -> bool:
        """Determine if the cursor goes backwards. Laravel: ``Cursor::pointsToPreviousItems()``."""
        return not self._points_to_next_items

    def to_array(self) -> dict[str, t.Any]:
        """Get the parameters and the direction flag. Laravel: ``Cursor::toArray()``."""
        return {**self._parameters, _DIRECTION_KEY: self._points_to_next_items}

    def encode(self) -> str:
        """Encode the cursor for a URL (base64 of JSON with ``-``/``_`` and no padding).

        Laravel: ``Cursor::encode()``.
        """
        payload = json.dumps(self.to_array(), separators=(",", ":"), default=str)
        encoded = base64.b64encode(payload.encode()).decode("ascii")
        return encoded.replace("+", "-").replace("/", "_").replace("=", "")

    @classmethod
    def from_encoded(cls, encoded: t.Any) -> Cursor | None:
        """Decode a ``?cursor=`` value, or return ``None`` when it is not a valid cursor.

        Laravel: ``Cursor::fromEncoded()``.
        """
        if not isinstance(encoded, str) or not encoded:
            return None
        text = encoded.replace("-", "+").replace("_", "/")
        text += "=" * (-len(text) % 4)
        try:
            data = json.loads(base64.b64decode(text, validate=True))
        except (binascii.Error, ValueError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict) or _DIRECTION_KEY not in data:
            return None
        points_to_next = bool(data.pop(_DIRECTION_KEY))
        return cls(data, points_to_next)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cursor) and other.to_array() == self.to_array()

    def __hash__(self) -> int:
        return hash(self.encode())

    def __repr__(self) -> str:
        direction = "next" if self._points_to_next_items else "previous"
        return f"<Cursor {direction} {self._parameters!r}>"
