"""The schema builder: create, alter, drop and inspect tables on one connection.

Laravel: ``Illuminate\\Database\\Schema\\Builder`` (the ``Schema`` facade).
"""

from __future__ import annotations

import contextlib
import typing as t

from protevus.database.schema.blueprint import Blueprint
from protevus.database.schema.column_types import is_mysql
from protevus.database.schema.concerns.inspects_schema import InspectsSchema
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.database.connection import Connection

_Callback = t.Callable[[Blueprint], t.Any]
_T = t.TypeVar("_T")


class BlueprintContext(CamelAliases):
    """Hand out a blueprint in a ``with`` block and build it when the block ends.

    Nothing runs if the block raises. ``with Schema.create('posts') as table: ...``
    """

    def __init__(self, builder: Builder, blueprint: Blueprint) -> None:
        self.builder = builder
        self.blueprint = blueprint

    def __enter__(self) -> Blueprint:
        return self.blueprint

    def __exit__(self, exc_type: t.Any, exc: t.Any, traceback: t.Any) -> None:
        if exc_type is None:
            self.builder.build(self.blueprint)


class Builder(InspectsSchema, CamelAliases, Macroable):
    """Create, change, drop and inspect tables on one connection.

    Callback form and context-manager form are equivalent::

        Schema.create('flights', lambda table: (table.id(), table.string('name')))

        with Schema.table('users') as table:
            table.string('email').nullable().change()

    Laravel: ``Illuminate\\Database\\Schema\\Builder``.
    """

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._resolver: t.Callable[..., Blueprint] | None = None

    # -- configuration --------------------------------------------------------------

    def get_connection(self) -> Connection:
        """Get the connection of this builder. Laravel: ``getConnection()``."""
        return self._connection

    def set_connection(self, connection: Connection) -> Builder:
        """Use another connection. Laravel: ``setConnection()``."""
        self._connection = connection
        return self

    def connection(self, name: str | None = None) -> Builder:
        """Get the schema builder of connection ``name`` from the ``db`` manager.

        Laravel: ``Schema::connection('pgsql')``.
        """
        from protevus.container.container import Container

        manager = Container.get_instance().make("db")
        return t.cast(Builder, manager.connection(name).get_schema_builder())

    @staticmethod
    def default_string_length(length: int) -> None:
        """Set the default length of ``string()`` and ``char()`` columns.

        Laravel: ``Schema::defaultStringLength(191)``.
        """
        Blueprint.default_string_length = length

    @staticmethod
    def default_morph_key_type(type_: str) -> None:
        """Set the id type of ``morphs()``: ``int``, ``uuid`` or ``ulid``.

        Laravel: ``Schema::defaultMorphKeyType()``.
        """
        if type_ not in ("int", "uuid", "ulid"):
            raise ValueError(
                f"Morph key type [{type_}] is invalid: use 'int', 'uuid' or 'ulid'."
            )
        Blueprint.default_morph_key_type = type_

    @staticmethod
    def morph_using_uuids() -> None:
        """Make ``morphs()`` use UUID ids. Laravel: ``Schema::morphUsingUuids()``."""
        Builder.default_morph_key_type("uuid")

    @staticmethod
    def morph_using_ulids() -> None:
        """Make ``morphs()`` use ULID ids. Laravel: ``Schema::morphUsingUlids()``."""
        Builder.default_morph_key_type("ulid")

    def blueprint_resolver(self, resolver: t.Callable[..., Blueprint] | None) -> None:
        """Build blueprints with ``resolver(table, callback, prefix)``.

        Laravel: ``Schema::blueprintResolver()``.
        """
        self._resolver = resolver

    # -- table operations -----------------------------------------------------------

    def create(
        self, table: str, callback: _Callback | None = None
    ) -> BlueprintContext | None:
        """Create a table; without a callback, return a ``with`` block that builds on exit.

        Laravel: ``Schema::create()``.
        """

        def prepare(blueprint: Blueprint) -> None:
            blueprint.create()

        return self._run(table, callback, prepare)

    def table(
        self, table: str, callback: _Callback | None = None
    ) -> BlueprintContext | None:
        """Alter a table; without a callback, return a ``with`` block that builds on exit.

        Laravel: ``Schema::table()``.
        """
        return self._run(table, callback, None)

    def _run(
        self,
        table: str,
        callback: _Callback | None,
        prepare: t.Callable[[Blueprint], t.Any] | None,
    ) -> BlueprintContext | None:
        blueprint = self.create_blueprint(table)
        if prepare is not None:
            prepare(blueprint)
        if callback is None:
            return BlueprintContext(self, blueprint)
        callback(blueprint)
        self.build(blueprint)
        return None

    def drop(self, table: str) -> None:
        """Drop a table. Laravel: ``Schema::drop()``."""
        blueprint = self.create_blueprint(table)
        blueprint.drop()
        self.build(blueprint)

    def drop_if_exists(self, table: str) -> None:
        """Drop a table if it exists. Laravel: ``Schema::dropIfExists()``."""
        blueprint = self.create_blueprint(table)
        blueprint.drop_if_exists()
        self.build(blueprint)

    def rename(self, from_: str, to: str) -> None:
        """Rename a table. Laravel: ``Schema::rename()``."""
        blueprint = self.create_blueprint(from_)
        blueprint.rename(to)
        self.build(blueprint)

    def drop_columns(self, table: str, columns: str | t.Sequence[str]) -> None:
        """Drop columns from a table. Laravel: ``Schema::dropColumns()``."""
        blueprint = self.create_blueprint(table)
        blueprint.drop_column(columns)
        self.build(blueprint)

    def when_table_has_column(
        self, table: str, column: str, callback: _Callback
    ) -> None:
        """Alter ``table`` with ``callback`` only if it has ``column``.

        Laravel: ``Schema::whenTableHasColumn()``.
        """
        if self.has_column(table, column):
            self.table(table, callback)

    def when_table_doesnt_have_column(
        self, table: str, column: str, callback: _Callback
    ) -> None:
        """Alter ``table`` with ``callback`` only if it lacks ``column``.

        Laravel: ``Schema::whenTableDoesntHaveColumn()``.
        """
        if not self.has_column(table, column):
            self.table(table, callback)

    def create_blueprint(
        self, table: str, callback: _Callback | None = None
    ) -> Blueprint:
        """Make a blueprint for ``table`` with the connection's prefix.

        Laravel: ``Builder::createBlueprint()``.
        """
        prefix = self._connection.get_table_prefix()
        if self._resolver is not None:
            return self._resolver(table, callback, prefix)
        return Blueprint(table, callback, prefix)

    def build(self, blueprint: Blueprint) -> None:
        """Run a blueprint on the connection. Laravel: ``Builder::build()``."""
        blueprint.build(self._connection)

    # -- whole-database operations --------------------------------------------------

    def drop_all_tables(self) -> None:
        """Drop every table of the database (views stay). Laravel: ``Schema::dropAllTables()``."""
        names = [table["name"] for table in self.get_tables()]
        if not names:
            return
        driver = self._connection.get_driver_name()
        quoted = ", ".join(self._quote(name) for name in names)
        if driver == "pgsql":
            self._connection.statement(f"DROP TABLE {quoted} CASCADE")
        elif is_mysql(driver):
            self.without_foreign_key_constraints(
                lambda: self._connection.statement(f"DROP TABLE {quoted}")
            )
        else:

            def drop_each() -> None:
                for name in names:
                    self._connection.statement(f"DROP TABLE {self._quote(name)}")

            self.without_foreign_key_constraints(drop_each)

    def drop_all_views(self) -> None:
        """Drop every view of the database. Laravel: ``Schema::dropAllViews()``."""
        names = [view["name"] for view in self.get_views()]
        if not names:
            return
        driver = self._connection.get_driver_name()
        if driver == "sqlite":
            for name in names:
                self._connection.statement(f"DROP VIEW {self._quote(name)}")
            return
        quoted = ", ".join(self._quote(name) for name in names)
        self._connection.statement(
            f"DROP VIEW {quoted}" + (" CASCADE" if driver == "pgsql" else "")
        )

    def _quote(self, name: str) -> str:
        return str(
            self._connection.get_engine().dialect.identifier_preparer.quote(name)
        )

    def enable_foreign_key_constraints(self) -> bool:
        """Switch foreign key checks back on. Laravel: ``Schema::enableForeignKeyConstraints()``."""
        return self._connection.statement(self._foreign_key_sql(True))

    def disable_foreign_key_constraints(self) -> bool:
        """Switch foreign key checks off for this connection.

        SQLite ignores this inside a transaction; PostgreSQL defers the deferrable
        constraints to the end of the transaction (Laravel does the same).
        Laravel: ``Schema::disableForeignKeyConstraints()``.
        """
        return self._connection.statement(self._foreign_key_sql(False))

    def _foreign_key_sql(self, enable: bool) -> str:
        driver = self._connection.get_driver_name()
        if driver == "pgsql":
            return "SET CONSTRAINTS ALL " + ("IMMEDIATE" if enable else "DEFERRED")
        if is_mysql(driver):
            return f"SET FOREIGN_KEY_CHECKS={1 if enable else 0}"
        return f"PRAGMA foreign_keys = {'ON' if enable else 'OFF'}"

    def without_foreign_key_constraints(self, callback: t.Callable[[], _T]) -> _T:
        """Run ``callback`` with foreign key checks off, switching them on again after.

        Laravel: ``Schema::withoutForeignKeyConstraints()``.
        """
        self.disable_foreign_key_constraints()
        try:
            return callback()
        finally:
            with contextlib.suppress(Exception):
                self.enable_foreign_key_constraints()
