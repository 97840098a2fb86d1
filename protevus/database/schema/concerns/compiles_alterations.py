"""Compile ALTER TABLE work: add/change/drop/rename columns, keys, foreign keys.

PostgreSQL and MySQL get ALTER statements (column changes from Alembic's
``alter_column``). SQLite cannot alter most of a table, so those commands use
Alembic's batch mode, which copies the table into a new one; the copy is compiled
offline from the reflected table, so it also goes through ``connection.statement``.

Laravel: the ``compile*`` column methods of the schema grammars.
"""

from __future__ import annotations

import typing as t

import sqlalchemy as sa
from sqlalchemy.schema import SetColumnComment

from protevus.database.exceptions import SchemaError
from protevus.database.schema.column_types import build_column
from protevus.database.schema.column_types import is_mysql
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from alembic.operations import BatchOperations
    from alembic.operations import Operations

    from protevus.database.connection import Connection
    from protevus.database.schema.blueprint import Blueprint
    from protevus.database.schema.column_definition import ColumnDefinition
    from protevus.database.schema.command import Command


class _Capture:
    """Collect the statements Alembic writes in offline (``as_sql``) mode."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def write(self, text: str) -> None:
        sql = text.strip()
        if sql.endswith(";"):
            sql = sql[:-1].rstrip()
        if sql:
            self.statements.append(sql)

    def flush(self) -> None:
        return None


class CompilesAlterations(CamelAliases):
    """Compile the column, key and foreign key alterations of a blueprint."""

    connection: Connection | None
    driver: str
    dialect: sa.engine.Dialect

    def quote(self, name: str) -> str:
        raise NotImplementedError  # pragma: no cover - SchemaCompiler defines it

    def columnize(self, columns: t.Sequence[str]) -> str:
        raise NotImplementedError  # pragma: no cover - SchemaCompiler defines it

    def text(self, element: t.Any) -> str:
        raise NotImplementedError  # pragma: no cover - SchemaCompiler defines it

    def table_name(self, blueprint: Blueprint) -> str:
        raise NotImplementedError  # pragma: no cover - SchemaCompiler defines it

    def _require_connection(self, action: str) -> Connection:
        raise NotImplementedError  # pragma: no cover - SchemaCompiler defines it

    def _foreign_table(self, command: Command) -> str:
        raise NotImplementedError  # pragma: no cover - SchemaCompiler defines it

    @staticmethod
    def _initially(command: Command) -> str | None:
        raise NotImplementedError  # pragma: no cover - SchemaCompiler defines it

    # -- columns --------------------------------------------------------------------

    def compile_column(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile adding or (with ``change()``) modifying one column.

        Laravel: ``compileAdd()`` / ``compileChange()``.
        """
        column: ColumnDefinition = command.get("column")
        if column.get("change"):
            return self._compile_change(blueprint, column)
        table = blueprint.get_prefixed_table()
        sa_column = build_column(column, self.driver, self.quote)
        sa.Table(table, sa.MetaData(), sa_column)
        if self.driver == "sqlite" and _needs_copy(sa_column):
            return self._sqlite_batch(
                table,
                lambda batch: batch.add_column(
                    build_column(column, self.driver, self.quote)
                ),
            )
        sql = (
            f"ALTER TABLE {self.quote(table)} ADD COLUMN {self._column_sql(sa_column)}"
        )
        if is_mysql(self.driver):
            if column.get("first"):
                sql += " FIRST"
            elif column.get("after"):
                sql += f" AFTER {self.quote(column.get('after'))}"
        statements = [sql]
        if self.driver == "pgsql" and sa_column.comment:
            statements.append(self.text(SetColumnComment(sa_column)))
        return statements

    def _column_sql(self, column: sa.Column[t.Any]) -> str:
        compiler = self.dialect.ddl_compiler(self.dialect, None)  # type: ignore[arg-type]
        sql = str(compiler.get_column_specification(column))
        for constraint in column.constraints:
            sql += " " + str(compiler.process(constraint))
        if getattr(self.dialect.identifier_preparer, "_double_percents", False):
            sql = sql.replace("%%", "%")
        return sql

    def _compile_change(
        self, blueprint: Blueprint, column: ColumnDefinition
    ) -> list[str]:
        table = blueprint.get_prefixed_table()
        new = build_column(column, self.driver, self.quote)
        sa.Table(table, sa.MetaData(), new)
        options: dict[str, t.Any] = {
            "type_": new.type,
            "nullable": new.nullable,
            "server_default": getattr(new.server_default, "arg", None),
        }
        if self.driver == "sqlite":
            return self._sqlite_batch(
                table, lambda batch: batch.alter_column(column.name, **options)
            )
        options["comment"] = new.comment
        statements: list[str] = []
        if self.driver == "pgsql":
            type_sql = self.dialect.type_compiler_instance.process(new.type)
            options["postgresql_using"] = f"{self.quote(column.name)}::{type_sql}"
            # An old default of another type would break the type change.
            statements.append(
                f"ALTER TABLE {self.quote(table)} ALTER COLUMN {self.quote(column.name)} DROP DEFAULT"
            )
        else:
            options["autoincrement"] = bool(column.get("auto_increment"))
        statements += self._offline(
            lambda ops: ops.alter_column(table, column.name, **options)
        )
        return statements

    def compile_drop_column(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile dropping columns. Laravel: ``compileDropColumn()``."""
        table = blueprint.get_prefixed_table()
        columns: list[str] = command.get("columns")
        if self.driver == "sqlite":

            def drop(batch: BatchOperations) -> None:
                for column in columns:
                    batch.drop_column(column)

            return self._sqlite_batch(table, drop, dropped=columns)
        drops = ", ".join(f"DROP COLUMN {self.quote(c)}" for c in columns)
        return [f"ALTER TABLE {self.quote(table)} {drops}"]

    def compile_rename_column(
        self, blueprint: Blueprint, command: Command
    ) -> list[str]:
        """Compile renaming a column. Laravel: ``compileRenameColumn()``."""
        return [
            f"ALTER TABLE {self.table_name(blueprint)} RENAME COLUMN "
            f"{self.quote(command.get('from_'))} TO {self.quote(command.get('to'))}"
        ]

    # -- keys -----------------------------------------------------------------------

    def compile_primary(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile adding a primary key to an existing table. Laravel: ``compilePrimary()``."""
        columns: list[str] = command.get("columns")
        if self.driver == "sqlite":
            table = blueprint.get_prefixed_table()
            return self._sqlite_batch(
                table,
                lambda batch: batch.create_primary_key(command.get("index"), columns),
            )
        return [
            f"ALTER TABLE {self.table_name(blueprint)} ADD PRIMARY KEY ({self.columnize(columns)})"
        ]

    def compile_drop_primary(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile dropping the primary key. Laravel: ``compileDropPrimary()``."""
        if self.driver == "pgsql":
            index = self.quote(f"{blueprint.get_prefixed_table()}_pkey")
            return [f"ALTER TABLE {self.table_name(blueprint)} DROP CONSTRAINT {index}"]
        if is_mysql(self.driver):
            return [f"ALTER TABLE {self.table_name(blueprint)} DROP PRIMARY KEY"]
        raise SchemaError(
            f"SQLite cannot drop the primary key of [{blueprint.get_prefixed_table()}]: "
            "create a new table instead."
        )

    def compile_foreign(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile adding a foreign key. Laravel: ``compileForeign()``."""
        table = blueprint.get_prefixed_table()
        foreign_table = self._foreign_table(command)
        columns: list[str] = command.get("columns")
        references: list[str] = command.get("references")
        if self.driver == "sqlite":
            return self._sqlite_batch(
                table,
                lambda batch: batch.create_foreign_key(
                    command.get("index"),
                    foreign_table,
                    columns,
                    references,
                    ondelete=command.get("on_delete"),
                    onupdate=command.get("on_update"),
                    deferrable=command.get("deferrable"),
                    initially=self._initially(command),
                ),
            )
        sql = (
            f"ALTER TABLE {self.quote(table)} ADD CONSTRAINT {self.quote(command.get('index'))} "
            f"FOREIGN KEY ({self.columnize(columns)}) "
            f"REFERENCES {self.quote(foreign_table)} ({self.columnize(references)})"
        )
        if command.get("on_delete"):
            sql += f" ON DELETE {_action(command.get('on_delete'))}"
        if command.get("on_update"):
            sql += f" ON UPDATE {_action(command.get('on_update'))}"
        if self.driver == "pgsql":
            if command.get("deferrable") is not None:
                sql += " DEFERRABLE" if command.get("deferrable") else " NOT DEFERRABLE"
            if self._initially(command):
                sql += f" INITIALLY {self._initially(command)}"
        return [sql]

    def compile_drop_foreign(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile dropping a foreign key. Laravel: ``compileDropForeign()``."""
        table = blueprint.get_prefixed_table()
        index = command.get("index")
        if self.driver == "sqlite":
            return self._sqlite_batch(
                table, lambda batch: batch.drop_constraint(index, type_="foreignkey")
            )
        keyword = "FOREIGN KEY" if is_mysql(self.driver) else "CONSTRAINT"
        return [f"ALTER TABLE {self.quote(table)} DROP {keyword} {self.quote(index)}"]

    # -- Alembic --------------------------------------------------------------------

    def _offline(self, operation: t.Callable[[Operations], t.Any]) -> list[str]:
        from alembic.operations import Operations
        from alembic.runtime.migration import MigrationContext

        capture = _Capture()
        context = MigrationContext.configure(
            dialect=self.dialect, opts={"as_sql": True, "output_buffer": capture}
        )
        operation(Operations(context))
        return [self._unescape(sql) for sql in capture.statements]

    def _unescape(self, sql: str) -> str:
        if getattr(self.dialect.identifier_preparer, "_double_percents", False):
            return sql.replace("%%", "%")
        return sql

    def _sqlite_batch(
        self,
        table: str,
        operation: t.Callable[[BatchOperations], t.Any],
        dropped: t.Sequence[str] = (),
    ) -> list[str]:
        """Compile a SQLite table copy (create new, copy rows, drop old, rename).

        Indexes on dropped columns are dropped with them, as MySQL and PostgreSQL
        do. Foreign key checks are switched off around the copy when possible, so
        dropping the old table does not cascade into its children.
        """
        connection = self._require_connection("alter a SQLite table")
        sa_connection = connection.get_sa_connection()
        try:
            reflected = sa.Table(table, sa.MetaData(), autoload_with=sa_connection)
            create_sql = sa_connection.exec_driver_sql(
                "select sql from sqlite_master where type = 'table' and name = ?",
                (table,),
            ).scalar()
            foreign_keys_on = bool(
                sa_connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
            )
        except sa.exc.NoSuchTableError as error:
            raise SchemaError(
                f"Table [{table}] does not exist: create it first."
            ) from error
        finally:
            if connection.transaction_level() == 0 and sa_connection.in_transaction():
                sa_connection.commit()
        for index in list(reflected.indexes):
            if any(column.name in dropped for column in index.columns):
                reflected.indexes.discard(index)
        for constraint in list(reflected.constraints):
            if isinstance(constraint, sa.UniqueConstraint) and any(
                column.name in dropped for column in constraint.columns
            ):
                reflected.constraints.discard(constraint)
        autoincrement = "autoincrement" in str(create_sql).lower()
        table_kwargs = {"sqlite_autoincrement": True} if autoincrement else {}

        def batch(ops: Operations) -> None:
            try:
                with ops.batch_alter_table(
                    table,
                    copy_from=reflected,
                    recreate="always",
                    table_kwargs=table_kwargs,
                ) as batch_ops:
                    operation(batch_ops)
            except (ValueError, KeyError) as error:
                raise SchemaError(f"Cannot alter table [{table}]: {error}") from error

        if foreign_keys_on and connection.transaction_level() > 0:
            # SQLite ignores PRAGMA foreign_keys inside a transaction, and dropping the
            # old table would then delete (cascade) every child row.
            raise SchemaError(
                f"SQLite cannot copy table [{table}] inside a transaction while "
                "foreign keys are on (dropping the old copy would cascade into its "
                "child rows): run the schema change outside the transaction."
            )
        statements = self._offline(batch)
        if foreign_keys_on:
            # SchemaCompiler.run() runs what is between these two lines in one
            # transaction, checks the keys, and turns them back on whatever happens.
            statements = [FOREIGN_KEYS_OFF, *statements, FOREIGN_KEYS_ON]
        return statements


FOREIGN_KEYS_OFF = "PRAGMA foreign_keys = OFF"
FOREIGN_KEYS_ON = "PRAGMA foreign_keys = ON"


def _needs_copy(column: sa.Column[t.Any]) -> bool:
    """Tell whether SQLite's ADD COLUMN cannot add ``column`` (SQL default, stored column)."""
    default = column.server_default
    if isinstance(default, sa.Computed):
        return bool(default.persisted)
    arg = getattr(default, "arg", None)
    return isinstance(arg, sa.sql.ClauseElement)


def _action(action: str) -> str:
    allowed = {"cascade", "restrict", "set null", "set default", "no action"}
    if action.lower() not in allowed:
        raise SchemaError(
            f"Foreign key action [{action}] is invalid: use one of {', '.join(sorted(allowed))}."
        )
    return action.upper()
