"""Give models UUID or ULID primary keys.

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasUniqueIds``, ``HasUuids``, ``HasUlids``.

Use ``class Post(HasUuids, Model)``: the key is a string generated on insert
(ordered UUIDv7, or a lower-case ULID with :class:`HasUlids`); list other columns in
``unique_ids()`` to fill them too.
"""

from __future__ import annotations

import re
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.aliases import camel_aliases

_UUID = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE
)
_ULID = re.compile(r"^[0-7][0-9A-HJKMNP-TV-Z]{25}$", re.IGNORECASE)


@camel_aliases
class HasUniqueIds:
    """Fill unique-id columns on insert (the base of :class:`HasUuids`/:class:`HasUlids`).

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasUniqueIds``.
    """

    #: whether the model generates unique ids (``HasUuids``/``HasUlids`` turn it on).
    uses_unique_ids_: t.ClassVar[bool] = False

    if t.TYPE_CHECKING:

        def __getattr__(self, name: str) -> t.Any: ...

    def uses_unique_ids(self) -> bool:
        """Return whether the model fills unique ids. Laravel: ``usesUniqueIds()``."""
        return bool(self.uses_unique_ids_)

    def set_unique_ids(self) -> None:
        """Fill each empty unique-id column with a new id. Laravel: ``setUniqueIds()``."""
        for column in self.unique_ids():
            if not self.get_attribute(column):
                self.set_attribute(column, self.new_unique_id())

    def new_unique_id(self) -> str | None:
        """Generate a new unique id (``None`` without a unique-id trait). Laravel: ``newUniqueId()``."""
        return None

    def unique_ids(self) -> list[str]:
        """Get the columns that receive unique ids (the key). Laravel: ``uniqueIds()``."""
        return [self.get_key_name()] if self.uses_unique_ids() else []

    def is_valid_unique_id(self, value: t.Any) -> bool:
        """Return whether ``value`` is a valid unique id. Laravel: ``isValidUniqueId()``."""
        return True


class HasUuids(HasUniqueIds, CamelAliases):
    """Give the model ordered UUID (v7) keys.

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasUuids``.
    """

    uses_unique_ids_ = True
    key_type = "string"
    incrementing = False

    def new_unique_id(self) -> str:
        """Generate a new ordered UUID. Laravel: ``HasUuids::newUniqueId()``."""
        from protevus.support.str import Str

        return str(Str.uuid7())

    def is_valid_unique_id(self, value: t.Any) -> bool:
        """Return whether ``value`` is a UUID. Laravel: ``HasUuids::isValidUniqueId()``."""
        return isinstance(value, str) and bool(_UUID.match(value))


class HasUlids(HasUniqueIds, CamelAliases):
    """Give the model lower-case ULID keys.

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasUlids``.
    """

    uses_unique_ids_ = True
    key_type = "string"
    incrementing = False

    def new_unique_id(self) -> str:
        """Generate a new ULID. Laravel: ``HasUlids::newUniqueId()``."""
        from protevus.support.str import Str

        return str(Str.ulid()).lower()

    def is_valid_unique_id(self, value: t.Any) -> bool:
        """Return whether ``value`` is a ULID. Laravel: ``HasUlids::isValidUniqueId()``."""
        return isinstance(value, str) and bool(_ULID.match(value))
