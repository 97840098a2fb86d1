"""The fluent ``unique`` rule: ``Rule.unique('users').ignore(user.id)``.

Laravel: ``Illuminate\\Validation\\Rules\\Unique``.
"""

from __future__ import annotations

import typing as t

from protevus.validation.rules.database_rule import DatabaseRule
from protevus.validation.rules.in_ import quote


class Unique(DatabaseRule):
    """Pass a value no row of the table holds, optionally ignoring one row.

    Laravel: ``Illuminate\\Validation\\Rules\\Unique``.
    """

    def __init__(self, table: t.Any, column: str = "NULL") -> None:
        super().__init__(table, column)
        self.ignore_value: t.Any = None
        self.id_column = "id"

    def ignore(self, id: t.Any, id_column: str | None = None) -> Unique:
        """Skip the row with this id (or this model).

        Laravel: ``Unique::ignore()``.
        """
        if hasattr(id, "get_key_name") and hasattr(id, "get_attribute"):
            return self.ignore_model(id, id_column)
        self.ignore_value = id
        self.id_column = id_column or "id"
        return self

    def ignore_model(self, model: t.Any, id_column: str | None = None) -> Unique:
        """Skip the model's row (by its key, or ``id_column``).

        Laravel: ``Unique::ignoreModel()``.
        """
        self.id_column = id_column or model.get_key_name()
        self.ignore_value = model.get_attribute(self.id_column)
        return self

    def __str__(self) -> str:
        ignored = "NULL" if self.ignore_value is None else quote(self.ignore_value)
        parts = [self.table, self.column, ignored, self.id_column, self.format_wheres()]
        return ("unique:" + ",".join(parts)).rstrip(",")
