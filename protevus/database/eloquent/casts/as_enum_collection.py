"""Cast a JSON list of enum values to a Collection of enum members.

Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\AsEnumCollection``.
"""

from __future__ import annotations

import enum
import typing as t

from protevus.database.eloquent.casts.casts_attributes import CastsAttributes
from protevus.database.eloquent.casts.json import Json
from protevus.database.eloquent.concerns.cast_types import enum_from
from protevus.database.eloquent.concerns.cast_types import storable_enum_value


class EnumCollectionCast(CastsAttributes):
    """Read ``["a","b"]`` as a Collection of members; write their values as JSON."""

    compares_json: t.ClassVar[bool] = True

    def __init__(self, enum_class: type[enum.Enum]) -> None:
        self.enum_class = enum_class

    def get(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return a Collection of enum members, or ``None``."""
        from protevus.support.collection import Collection

        stored = attributes.get(key)
        if stored is None:
            return None
        data = Json.decode(stored)
        if not isinstance(data, list):
            return None
        return Collection([enum_from(self.enum_class, item) for item in data])

    def set(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return ``{key: json of the values}`` (``None`` stays ``None``)."""
        if value is None:
            return {key: None}
        items = value.all() if hasattr(value, "all") else list(value)
        values = [storable_enum_value(self.enum_class, item) for item in items]
        return {key: Json.encode(values)}

    def serialize(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return the list of values for ``to_array()``."""
        if value is None:
            return None
        return [storable_enum_value(self.enum_class, item) for item in value.all()]


class AsEnumCollection:
    """Cast a JSON list to a Collection of members of one Enum.

    ``casts = {'roles': AsEnumCollection.of(Role)}``.

    Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\AsEnumCollection``.
    """

    @classmethod
    def of(cls, enum_class: type[enum.Enum]) -> EnumCollectionCast:
        """Return the cast for ``enum_class``. Laravel: ``AsEnumCollection::of()``."""
        return EnumCollectionCast(enum_class)
