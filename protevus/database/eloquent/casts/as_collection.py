"""Cast a JSON column to a Collection (changes are saved).

Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\AsCollection`` and
``AsEncryptedCollection``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.casts.casts_attributes import Castable
from protevus.database.eloquent.casts.casts_attributes import CastsAttributes
from protevus.database.eloquent.casts.json import Json
from protevus.exceptions import InvalidArgumentError


class CollectionCast(CastsAttributes):
    """Read JSON into a Collection (optionally a subclass, items mapped); write JSON."""

    compares_json: t.ClassVar[bool] = True

    def __init__(
        self,
        collection_class: type | str | None = None,
        map_into: t.Callable[..., t.Any] | type | str | None = None,
    ) -> None:
        from protevus.support.collection import Collection

        if isinstance(collection_class, str):
            collection_class = _import(collection_class) if collection_class else None
        if collection_class is None:
            collection_class = Collection
        if not (
            isinstance(collection_class, type)
            and issubclass(collection_class, Collection)
        ):
            raise InvalidArgumentError(
                f"The provided class [{collection_class!r}] must extend "
                "[protevus.support.collection.Collection]."
            )
        if isinstance(map_into, str):
            map_into = _import(map_into) if map_into else None
        self.collection_class = collection_class
        self.map_into = map_into

    def get(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return a Collection, or ``None`` for a missing or non-container value."""
        stored = attributes.get(key)
        if stored is None:
            return None
        data = Json.decode(self.decode_stored(model, stored))
        if not isinstance(data, dict | list):
            return None
        instance = self.collection_class(data)
        if self.map_into is None:
            return instance
        if isinstance(self.map_into, type):
            return instance.map_into(self.map_into)
        return instance.map(self.map_into)

    def set(
        self, model: t.Any, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return ``{key: json}`` (``None`` stays ``None``)."""
        if value is None:
            return {key: None}
        return {key: self.encode_stored(model, key, Json.encode(value))}

    def decode_stored(self, model: t.Any, stored: t.Any) -> t.Any:
        """Return the stored JSON text (decrypted by the encrypted variant)."""
        return stored

    def encode_stored(self, model: t.Any, key: str, text: str) -> t.Any:
        """Return the JSON text as stored (encrypted by the encrypted variant)."""
        return text


class EncryptedCollectionCast(CollectionCast):
    """Like :class:`CollectionCast`, with the JSON encrypted at rest."""

    compares_json: t.ClassVar[bool] = False

    def decode_stored(self, model: t.Any, stored: t.Any) -> t.Any:
        """Decrypt the stored text."""
        return model.from_encrypted_string(stored)

    def encode_stored(self, model: t.Any, key: str, text: str) -> t.Any:
        """Encrypt the JSON text."""
        return model.cast_attribute_as_encrypted_string(key, text)

    def compare(self, model: t.Any, key: str, first: t.Any, second: t.Any) -> bool:
        """Compare the decrypted items (the ciphertexts always differ)."""
        if first is None or second is None:
            return first is second
        return bool(first.all() == second.all())


class AsCollection(Castable):
    """Cast a JSON column to a Collection.

    ``AsCollection`` alone, ``AsCollection.using(MyCollection)`` for a subclass, or
    ``AsCollection.of(Option)`` to map each item into a class.

    Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\AsCollection``.
    """

    @classmethod
    def cast_using(cls, arguments: list[str]) -> t.Any:
        """Return the cast for ``'...AsCollection:collection_class,map'`` arguments.

        Laravel: ``AsCollection::castUsing()``.
        """
        padded = [*arguments, "", ""]
        return CollectionCast(padded[0] or None, padded[1] or None)

    @classmethod
    def using(
        cls, collection_class: type | None = None, map_into: t.Any = None
    ) -> CollectionCast:
        """Return the cast with a Collection subclass (and item mapping).

        Laravel: ``AsCollection::using()``.
        """
        return CollectionCast(collection_class, map_into)

    @classmethod
    def of(cls, map_into: t.Any) -> CollectionCast:
        """Return the cast mapping each item into ``map_into`` (a class or callable).

        Laravel: ``AsCollection::of()``.
        """
        return CollectionCast(None, map_into)


class AsEncryptedCollection(AsCollection):
    """Cast an encrypted JSON column to a Collection.

    Laravel: ``Illuminate\\Database\\Eloquent\\Casts\\AsEncryptedCollection``.
    """

    @classmethod
    def cast_using(cls, arguments: list[str]) -> t.Any:
        """Return the cast. Laravel: ``AsEncryptedCollection::castUsing()``."""
        padded = [*arguments, "", ""]
        return EncryptedCollectionCast(padded[0] or None, padded[1] or None)

    @classmethod
    def using(
        cls, collection_class: type | None = None, map_into: t.Any = None
    ) -> CollectionCast:
        """Return the cast with a Collection subclass (and item mapping)."""
        return EncryptedCollectionCast(collection_class, map_into)

    @classmethod
    def of(cls, map_into: t.Any) -> CollectionCast:
        """Return the cast mapping each item into ``map_into``."""
        return EncryptedCollectionCast(None, map_into)


def _import(path: str) -> t.Any:
    import importlib

    module_name, _, name = path.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError, ValueError) as error:
        raise InvalidArgumentError(
            f"Cannot import [{path}] for a collection cast; give a dotted path to a "
            "class."
        ) from error
