"""Attribute casts: built-in cast classes and the cast contract (Laravel: ``Illuminate\\Database\\Eloquent\\Casts``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.database.eloquent.casts.array_object import ArrayObject as ArrayObject
    from protevus.database.eloquent.casts.as_array_object import (
        AsArrayObject as AsArrayObject,
    )
    from protevus.database.eloquent.casts.as_array_object import (
        AsEncryptedArrayObject as AsEncryptedArrayObject,
    )
    from protevus.database.eloquent.casts.as_collection import (
        AsCollection as AsCollection,
    )
    from protevus.database.eloquent.casts.as_collection import (
        AsEncryptedCollection as AsEncryptedCollection,
    )
    from protevus.database.eloquent.casts.as_enum_collection import (
        AsEnumCollection as AsEnumCollection,
    )
    from protevus.database.eloquent.casts.as_stringable import (
        AsStringable as AsStringable,
    )
    from protevus.database.eloquent.casts.casts_attributes import Castable as Castable
    from protevus.database.eloquent.casts.casts_attributes import (
        CastsAttributes as CastsAttributes,
    )
    from protevus.database.eloquent.casts.casts_attributes import (
        CastsInboundAttributes as CastsInboundAttributes,
    )
    from protevus.database.eloquent.casts.exceptions import (
        InvalidCastError as InvalidCastError,
    )
    from protevus.database.eloquent.casts.exceptions import (
        MissingCastServiceError as MissingCastServiceError,
    )
    from protevus.database.eloquent.casts.json import Json as Json

__getattr__ = lazy_exports(
    __name__,
    {
        "CastsAttributes": "protevus.database.eloquent.casts.casts_attributes",
        "CastsInboundAttributes": "protevus.database.eloquent.casts.casts_attributes",
        "Castable": "protevus.database.eloquent.casts.casts_attributes",
        "ArrayObject": "protevus.database.eloquent.casts.array_object",
        "AsArrayObject": "protevus.database.eloquent.casts.as_array_object",
        "AsEncryptedArrayObject": "protevus.database.eloquent.casts.as_array_object",
        "AsCollection": "protevus.database.eloquent.casts.as_collection",
        "AsEncryptedCollection": "protevus.database.eloquent.casts.as_collection",
        "AsStringable": "protevus.database.eloquent.casts.as_stringable",
        "AsEnumCollection": "protevus.database.eloquent.casts.as_enum_collection",
        "Json": "protevus.database.eloquent.casts.json",
        "InvalidCastError": "protevus.database.eloquent.casts.exceptions",
        "MissingCastServiceError": "protevus.database.eloquent.casts.exceptions",
    },
)
