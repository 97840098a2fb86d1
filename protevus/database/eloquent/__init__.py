"""The Eloquent ORM: models, their builder, relations, casts and factories (Laravel: ``Illuminate\\Database\\Eloquent``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.database.eloquent.attribute import Attribute as Attribute
    from protevus.database.eloquent.builder import Builder as Builder
    from protevus.database.eloquent.collection import Collection as Collection
    from protevus.database.eloquent.concerns.has_unique_ids import HasUlids as HasUlids
    from protevus.database.eloquent.concerns.has_unique_ids import (
        HasUniqueIds as HasUniqueIds,
    )
    from protevus.database.eloquent.concerns.has_unique_ids import HasUuids as HasUuids
    from protevus.database.eloquent.exceptions import (
        JsonEncodingError as JsonEncodingError,
    )
    from protevus.database.eloquent.exceptions import (
        LazyLoadingViolationError as LazyLoadingViolationError,
    )
    from protevus.database.eloquent.exceptions import (
        MassAssignmentError as MassAssignmentError,
    )
    from protevus.database.eloquent.exceptions import (
        MissingAttributeError as MissingAttributeError,
    )
    from protevus.database.eloquent.exceptions import (
        ModelNotFoundError as ModelNotFoundError,
    )
    from protevus.database.eloquent.exceptions import (
        RelationNotFoundError as RelationNotFoundError,
    )
    from protevus.database.eloquent.factories.factory import Factory as Factory
    from protevus.database.eloquent.factories.has_factory import (
        HasFactory as HasFactory,
    )
    from protevus.database.eloquent.model import Model as Model
    from protevus.database.eloquent.model import ModelMeta as ModelMeta
    from protevus.database.eloquent.relations.morph_pivot import (
        MorphPivot as MorphPivot,
    )
    from protevus.database.eloquent.relations.pivot import Pivot as Pivot
    from protevus.database.eloquent.relations.relation import Relation as Relation
    from protevus.database.eloquent.scopes import Scope as Scope
    from protevus.database.eloquent.scopes import scope as scope
    from protevus.database.eloquent.soft_deletes import SoftDeletes as SoftDeletes
    from protevus.database.eloquent.soft_deletes import (
        SoftDeletingScope as SoftDeletingScope,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "Model": "protevus.database.eloquent.model",
        "ModelMeta": "protevus.database.eloquent.model",
        "Builder": "protevus.database.eloquent.builder",
        "Collection": "protevus.database.eloquent.collection",
        "Scope": "protevus.database.eloquent.scopes",
        "scope": "protevus.database.eloquent.scopes",
        "SoftDeletes": "protevus.database.eloquent.soft_deletes",
        "SoftDeletingScope": "protevus.database.eloquent.soft_deletes",
        "HasUuids": "protevus.database.eloquent.concerns.has_unique_ids",
        "HasUlids": "protevus.database.eloquent.concerns.has_unique_ids",
        "HasUniqueIds": "protevus.database.eloquent.concerns.has_unique_ids",
        "Attribute": "protevus.database.eloquent.attribute",
        "Factory": "protevus.database.eloquent.factories.factory",
        "HasFactory": "protevus.database.eloquent.factories.has_factory",
        "Pivot": "protevus.database.eloquent.relations.pivot",
        "MorphPivot": "protevus.database.eloquent.relations.morph_pivot",
        "Relation": "protevus.database.eloquent.relations.relation",
        "ModelNotFoundError": "protevus.database.eloquent.exceptions",
        "MassAssignmentError": "protevus.database.eloquent.exceptions",
        "RelationNotFoundError": "protevus.database.eloquent.exceptions",
        "LazyLoadingViolationError": "protevus.database.eloquent.exceptions",
        "MissingAttributeError": "protevus.database.eloquent.exceptions",
        "JsonEncodingError": "protevus.database.eloquent.exceptions",
    },
)
