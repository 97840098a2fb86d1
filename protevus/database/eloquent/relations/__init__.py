"""Eloquent relations (Laravel: ``Illuminate\\Database\\Eloquent\\Relations``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.database.eloquent.relations.belongs_to import BelongsTo as BelongsTo
    from protevus.database.eloquent.relations.belongs_to_many import (
        BelongsToMany as BelongsToMany,
    )
    from protevus.database.eloquent.relations.has_many import HasMany as HasMany
    from protevus.database.eloquent.relations.has_many_through import (
        HasManyThrough as HasManyThrough,
    )
    from protevus.database.eloquent.relations.has_one import HasOne as HasOne
    from protevus.database.eloquent.relations.has_one_or_many import (
        HasOneOrMany as HasOneOrMany,
    )
    from protevus.database.eloquent.relations.has_one_or_many_through import (
        HasOneOrManyThrough as HasOneOrManyThrough,
    )
    from protevus.database.eloquent.relations.has_one_through import (
        HasOneThrough as HasOneThrough,
    )
    from protevus.database.eloquent.relations.morph_many import MorphMany as MorphMany
    from protevus.database.eloquent.relations.morph_one import MorphOne as MorphOne
    from protevus.database.eloquent.relations.morph_one_or_many import (
        MorphOneOrMany as MorphOneOrMany,
    )
    from protevus.database.eloquent.relations.morph_pivot import (
        MorphPivot as MorphPivot,
    )
    from protevus.database.eloquent.relations.morph_to import MorphTo as MorphTo
    from protevus.database.eloquent.relations.morph_to_many import (
        MorphToMany as MorphToMany,
    )
    from protevus.database.eloquent.relations.pivot import Pivot as Pivot
    from protevus.database.eloquent.relations.relation import Relation as Relation

__getattr__ = lazy_exports(
    __name__,
    {
        "Relation": "protevus.database.eloquent.relations.relation",
        "HasOneOrMany": "protevus.database.eloquent.relations.has_one_or_many",
        "HasOne": "protevus.database.eloquent.relations.has_one",
        "HasMany": "protevus.database.eloquent.relations.has_many",
        "BelongsTo": "protevus.database.eloquent.relations.belongs_to",
        "HasOneOrManyThrough": "protevus.database.eloquent.relations.has_one_or_many_through",
        "HasOneThrough": "protevus.database.eloquent.relations.has_one_through",
        "HasManyThrough": "protevus.database.eloquent.relations.has_many_through",
        "BelongsToMany": "protevus.database.eloquent.relations.belongs_to_many",
        "MorphTo": "protevus.database.eloquent.relations.morph_to",
        "MorphOneOrMany": "protevus.database.eloquent.relations.morph_one_or_many",
        "MorphOne": "protevus.database.eloquent.relations.morph_one",
        "MorphMany": "protevus.database.eloquent.relations.morph_many",
        "MorphToMany": "protevus.database.eloquent.relations.morph_to_many",
        "Pivot": "protevus.database.eloquent.relations.pivot",
        "MorphPivot": "protevus.database.eloquent.relations.morph_pivot",
    },
)
