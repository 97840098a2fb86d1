"""The Laravel-shaped query builder and its per-dialect grammars (Laravel: ``Illuminate\\Database\\Query``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.database.query.builder import Builder as Builder
    from protevus.database.query.expression import Expression as Expression
    from protevus.database.query.join_clause import JoinClause as JoinClause
    from protevus.database.query.join_clause import (
        JoinLateralClause as JoinLateralClause,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "Builder": "protevus.database.query.builder",
        "JoinClause": "protevus.database.query.join_clause",
        "JoinLateralClause": "protevus.database.query.join_clause",
        "Expression": "protevus.database.query.expression",
    },
)
