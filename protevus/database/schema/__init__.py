"""The schema builder and blueprints (Laravel: ``Illuminate\\Database\\Schema``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.database.schema.blueprint import Blueprint as Blueprint
    from protevus.database.schema.builder import BlueprintContext as BlueprintContext
    from protevus.database.schema.builder import Builder as Builder
    from protevus.database.schema.column_definition import (
        ColumnDefinition as ColumnDefinition,
    )
    from protevus.database.schema.foreign_id_column_definition import (
        ForeignIdColumnDefinition as ForeignIdColumnDefinition,
    )
    from protevus.database.schema.foreign_key_definition import (
        ForeignKeyDefinition as ForeignKeyDefinition,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "Blueprint": "protevus.database.schema.blueprint",
        "BlueprintContext": "protevus.database.schema.builder",
        "Builder": "protevus.database.schema.builder",
        "ColumnDefinition": "protevus.database.schema.column_definition",
        "ForeignIdColumnDefinition": "protevus.database.schema.foreign_id_column_definition",
        "ForeignKeyDefinition": "protevus.database.schema.foreign_key_definition",
    },
)
