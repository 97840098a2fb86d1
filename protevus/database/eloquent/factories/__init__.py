"""Model factories (Laravel: ``Illuminate\\Database\\Eloquent\\Factories``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.database.eloquent.factories.belongs_to_many_relationship import (
        BelongsToManyRelationship as BelongsToManyRelationship,
    )
    from protevus.database.eloquent.factories.belongs_to_relationship import (
        BelongsToRelationship as BelongsToRelationship,
    )
    from protevus.database.eloquent.factories.cross_join_sequence import (
        CrossJoinSequence as CrossJoinSequence,
    )
    from protevus.database.eloquent.factories.factory import Factory as Factory
    from protevus.database.eloquent.factories.has_factory import (
        HasFactory as HasFactory,
    )
    from protevus.database.eloquent.factories.relationship import (
        Relationship as Relationship,
    )
    from protevus.database.eloquent.factories.sequence import Sequence as Sequence

__getattr__ = lazy_exports(
    __name__,
    {
        "Factory": "protevus.database.eloquent.factories.factory",
        "Sequence": "protevus.database.eloquent.factories.sequence",
        "CrossJoinSequence": "protevus.database.eloquent.factories.cross_join_sequence",
        "HasFactory": "protevus.database.eloquent.factories.has_factory",
        "Relationship": "protevus.database.eloquent.factories.relationship",
        "BelongsToRelationship": "protevus.database.eloquent.factories.belongs_to_relationship",
        "BelongsToManyRelationship": "protevus.database.eloquent.factories.belongs_to_many_relationship",
    },
)
