"""Compile queries for MariaDB.

Laravel: ``Illuminate\\Database\\Query\\Grammars\\MariaDbGrammar``.
"""

from __future__ import annotations

import typing as t

from protevus.database.query.grammars.mysql_grammar import MySqlGrammar


class MariaDbGrammar(MySqlGrammar):
    """Compile queries for MariaDB: MySQL's dialect without lateral joins.

    Laravel: ``Illuminate\\Database\\Query\\Grammars\\MariaDbGrammar``.
    """

    def compile_join_lateral(self, join: t.Any, expression: str) -> str:
        """Refuse: MariaDB has no lateral joins. Laravel: ``MariaDbGrammar::compileJoinLateral()``."""
        return super(MySqlGrammar, self).compile_join_lateral(join, expression)

    def compile_json_value_cast(self, value: str) -> str:
        """Compile ``json_query(?, '$')``. Laravel: ``MariaDbGrammar::compileJsonValueCast()``."""
        return f"json_query({value}, '$')"
