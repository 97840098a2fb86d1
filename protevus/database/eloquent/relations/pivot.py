"""The model of a many-to-many intermediate table row.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Pivot``.
"""

from __future__ import annotations

import typing as t

from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.concerns.as_pivot import AsPivot


class Pivot(AsPivot, Model):  # type: ignore[misc]  # delete() returns a row count
    """Hold one row of a many-to-many intermediate table (``tag.pivot``).

    Subclass it for a custom pivot model (``belongs_to_many(Role).using(RoleUser)``):
    casts, accessors and events then apply to the pivot rows.

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Pivot``.
    """

    incrementing = False
    guarded: t.ClassVar[list[str]] = []
