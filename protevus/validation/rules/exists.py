"""The fluent ``exists`` rule: ``Rule.exists('users', 'email').where('active', 1)``.

Laravel: ``Illuminate\\Validation\\Rules\\Exists``.
"""

from __future__ import annotations

from protevus.validation.rules.database_rule import DatabaseRule


class Exists(DatabaseRule):
    """Pass a value some row of the table holds.

    Laravel: ``Illuminate\\Validation\\Rules\\Exists``.
    """

    def __str__(self) -> str:
        parts = [self.table, self.column, self.format_wheres()]
        return ("exists:" + ",".join(parts)).rstrip(",")
