"""The column made by ``foreign_id()``, which can create its own foreign key.

Laravel: ``Illuminate\\Database\\Schema\\ForeignIdColumnDefinition``.
"""

from __future__ import annotations

import typing as t

from protevus.database.schema.column_definition import ColumnDefinition
from protevus.database.schema.foreign_key_definition import ForeignKeyDefinition
from protevus.support.pluralizer import Pluralizer

if t.TYPE_CHECKING:
    from protevus.database.schema.blueprint import Blueprint


class ForeignIdColumnDefinition(ColumnDefinition):
    """Describe a foreign id column; ``constrained()`` adds the foreign key::

        table.foreign_id('user_id').constrained().cascade_on_delete()

    Laravel: ``Illuminate\\Database\\Schema\\ForeignIdColumnDefinition``.
    """

    def __init__(self, blueprint: Blueprint, attributes: t.Mapping[str, t.Any]) -> None:
        super().__init__(attributes)
        self.blueprint = blueprint

    def constrained(
        self,
        table: str | None = None,
        column: str = "id",
        index_name: str | None = None,
    ) -> ForeignKeyDefinition:
        """Add a foreign key to ``table`` (guessed from the column: ``user_id`` → ``users``).

        Laravel: ``ForeignIdColumnDefinition::constrained()``.
        """
        if table is None:
            name = self.name
            suffix = "_" + column
            base = name[: -len(suffix)] if name.endswith(suffix) else name
            table = Pluralizer.plural(base)
        return self.references(column, index_name).on(table)

    def references(
        self, column: str | t.Sequence[str], index_name: str | None = None
    ) -> ForeignKeyDefinition:
        """Add a foreign key referencing ``column``; chain ``.on(table)``.

        Laravel: ``ForeignIdColumnDefinition::references()``.
        """
        return self.blueprint.foreign(self.name, index_name).references(column)
