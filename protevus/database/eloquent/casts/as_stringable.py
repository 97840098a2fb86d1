"""Cast a string column to a fluent :class:`~protevus.support.stringable.Stringable`.

Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\AsStringable``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.casts.casts_attributes import Castable
from protevus.database.eloquent.casts.casts_attributes import CastsAttributes


class StringableCast(CastsAttributes):
    """Read a string as a Stringable; write it back as ``str``."""

    def get(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return a Stringable, or ``None``."""
        from protevus.support.str import Str

        return None if value is None else Str.of(value)

    def set(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return the plain string (``None`` stays ``None``)."""
        return None if value is None else str(value)

    def serialize(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return the plain string for ``to_array()``."""
        return None if value is None else str(value)


class AsStringable(Castable):
    """Cast a string column to a Stringable.

    Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\AsStringable``.
    """

    @classmethod
    def cast_using(cls, arguments: list[str]) -> t.Any:
        """Return the cast. Laravel: ``AsStringable::castUsing()``."""
        return StringableCast()
