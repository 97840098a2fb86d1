"""Connections, the query builder, the schema builder, migrations and seeders.

Laravel: ``Illuminate\\Database``.
"""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.database.capsule import Capsule as Capsule
    from protevus.database.connection import Connection as Connection
    from protevus.database.connection import (
        MultipleColumnsSelectedError as MultipleColumnsSelectedError,
    )
    from protevus.database.database_manager import DatabaseManager as DatabaseManager
    from protevus.database.database_service_provider import (
        DatabaseServiceProvider as DatabaseServiceProvider,
    )
    from protevus.database.eloquent.attribute import Attribute as Attribute
    from protevus.database.eloquent.exceptions import (
        ModelNotFoundError as ModelNotFoundError,
    )
    from protevus.database.eloquent.factories.factory import Factory as Factory
    from protevus.database.eloquent.factories.has_factory import (
        HasFactory as HasFactory,
    )
    from protevus.database.eloquent.model import Model as Model
    from protevus.database.eloquent.scopes import scope as scope
    from protevus.database.eloquent.soft_deletes import SoftDeletes as SoftDeletes
    from protevus.database.events import ConnectionEstablished as ConnectionEstablished
    from protevus.database.events import QueryExecuted as QueryExecuted
    from protevus.database.events import TransactionBeginning as TransactionBeginning
    from protevus.database.events import TransactionCommitted as TransactionCommitted
    from protevus.database.events import TransactionRolledBack as TransactionRolledBack
    from protevus.database.exceptions import (
        ConnectionNotConfiguredError as ConnectionNotConfiguredError,
    )
    from protevus.database.exceptions import DatabaseError as DatabaseError
    from protevus.database.exceptions import DeadlockError as DeadlockError
    from protevus.database.exceptions import LostConnectionError as LostConnectionError
    from protevus.database.exceptions import MigrationError as MigrationError
    from protevus.database.exceptions import (
        MultipleRecordsFoundError as MultipleRecordsFoundError,
    )
    from protevus.database.exceptions import QueryError as QueryError
    from protevus.database.exceptions import (
        RecordsNotFoundError as RecordsNotFoundError,
    )
    from protevus.database.exceptions import SchemaError as SchemaError
    from protevus.database.exceptions import (
        UniqueConstraintViolationError as UniqueConstraintViolationError,
    )
    from protevus.database.migration_service_provider import (
        MigrationServiceProvider as MigrationServiceProvider,
    )
    from protevus.database.migrations.migration import Migration as Migration
    from protevus.database.query.expression import Expression as Expression
    from protevus.database.row import Row as Row
    from protevus.database.seeder import Seeder as Seeder

__getattr__ = lazy_exports(
    __name__,
    {
        "Model": "protevus.database.eloquent.model",
        "SoftDeletes": "protevus.database.eloquent.soft_deletes",
        "ModelNotFoundError": "protevus.database.eloquent.exceptions",
        "Factory": "protevus.database.eloquent.factories.factory",
        "HasFactory": "protevus.database.eloquent.factories.has_factory",
        "Attribute": "protevus.database.eloquent.attribute",
        "scope": "protevus.database.eloquent.scopes",
        "Capsule": "protevus.database.capsule",
        "Connection": "protevus.database.connection",
        "MultipleColumnsSelectedError": "protevus.database.connection",
        "DatabaseManager": "protevus.database.database_manager",
        "DatabaseServiceProvider": "protevus.database.database_service_provider",
        "MigrationServiceProvider": "protevus.database.migration_service_provider",
        "QueryExecuted": "protevus.database.events",
        "TransactionBeginning": "protevus.database.events",
        "TransactionCommitted": "protevus.database.events",
        "TransactionRolledBack": "protevus.database.events",
        "ConnectionEstablished": "protevus.database.events",
        "DatabaseError": "protevus.database.exceptions",
        "QueryError": "protevus.database.exceptions",
        "UniqueConstraintViolationError": "protevus.database.exceptions",
        "DeadlockError": "protevus.database.exceptions",
        "LostConnectionError": "protevus.database.exceptions",
        "ConnectionNotConfiguredError": "protevus.database.exceptions",
        "RecordsNotFoundError": "protevus.database.exceptions",
        "MultipleRecordsFoundError": "protevus.database.exceptions",
        "MigrationError": "protevus.database.exceptions",
        "SchemaError": "protevus.database.exceptions",
        "Migration": "protevus.database.migrations.migration",
        "Seeder": "protevus.database.seeder",
        "Expression": "protevus.database.query.expression",
        "Row": "protevus.database.row",
    },
)
