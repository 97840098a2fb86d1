"""Cast a JSON column to a mutable :class:`ArrayObject` (changes are saved).

Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\AsArrayObject`` and
``AsEncryptedArrayObject``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.casts.array_object import ArrayObject
from protevus.database.eloquent.casts.casts_attributes import Castable
from protevus.database.eloquent.casts.casts_attributes import CastsAttributes
from protevus.database.eloquent.casts.json import Json


class ArrayObjectCast(CastsAttributes):
    """Read JSON into an :class:`ArrayObject`; write it back as JSON."""

    #: dirty checks compare the decoded JSON
    compares_json: t.ClassVar[bool] = True

    def get(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return an ArrayObject, or ``None`` for a missing or non-container value."""
        stored = attributes.get(key)
        if stored is None:
            return None
        data = Json.decode(self.decode_stored(model, stored))
        return ArrayObject(data) if isinstance(data, dict | list) else None

    def set(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return ``{key: json}`` (``None`` stays ``None``)."""
        if value is None:
            return {key: None}
        return {key: self.encode_stored(model, key, Json.encode(value))}

    def serialize(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return the plain dict or list for ``to_array()``."""
        return value.get_array_copy() if isinstance(value, ArrayObject) else value

    def decode_stored(self, model: t.Any, stored: t.Any) -> t.Any:
        """Return the stored JSON text (decrypted by the encrypted variant)."""
        return stored

    def encode_stored(self, model: t.Any, key: str, text: str) -> t.Any:
        """Return the JSON text as stored (encrypted by the encrypted variant)."""
        return text


class EncryptedArrayObjectCast(ArrayObjectCast):
    """Like :class:`ArrayObjectCast`, with the JSON encrypted at rest."""

    compares_json: t.ClassVar[bool] = False

    def decode_stored(self, model: t.Any, stored: t.Any) -> t.Any:
        """Decrypt the stored text."""
        return model.from_encrypted_string(stored)

    def encode_stored(self, model: t.Any, key: str, text: str) -> t.Any:
        """Encrypt the JSON text."""
        return model.cast_attribute_as_encrypted_string(key, text)

    def compare(self, model: t.Any, key: str, first: t.Any, second: t.Any) -> bool:
        """Compare the decrypted data (the ciphertexts always differ)."""
        return bool(first == second)


class AsArrayObject(Castable):
    """Cast a JSON column to a mutable :class:`ArrayObject`.

    Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\AsArrayObject``.
    """

    @classmethod
    def cast_using(cls, arguments: list[str]) -> t.Any:
        """Return the cast. Laravel: ``AsArrayObject::castUsing()``."""
        return ArrayObjectCast()


class AsEncryptedArrayObject(Castable):
    """Cast an encrypted JSON column to a mutable :class:`ArrayObject`.

    Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\AsEncryptedArrayObject``.
    """

    @classmethod
    def cast_using(cls, arguments: list[str]) -> t.Any:
        """Return the cast. Laravel: ``AsEncryptedArrayObject::castUsing()``."""
        return EncryptedArrayObjectCast()
