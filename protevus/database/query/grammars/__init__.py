"""SQL grammars of the query builder, one per dialect (Laravel: ``Illuminate\\Database\\Query\\Grammars``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.database.query.grammars.grammar import Grammar as Grammar
    from protevus.database.query.grammars.mariadb_grammar import (
        MariaDbGrammar as MariaDbGrammar,
    )
    from protevus.database.query.grammars.mysql_grammar import (
        MySqlGrammar as MySqlGrammar,
    )
    from protevus.database.query.grammars.postgres_grammar import (
        PostgresGrammar as PostgresGrammar,
    )
    from protevus.database.query.grammars.sqlite_grammar import (
        SQLiteGrammar as SQLiteGrammar,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "Grammar": "protevus.database.query.grammars.grammar",
        "SQLiteGrammar": "protevus.database.query.grammars.sqlite_grammar",
        "PostgresGrammar": "protevus.database.query.grammars.postgres_grammar",
        "MySqlGrammar": "protevus.database.query.grammars.mysql_grammar",
        "MariaDbGrammar": "protevus.database.query.grammars.mariadb_grammar",
    },
)
