"""Turn blueprint commands into DDL statements and run them on a connection.

CREATE TABLE comes from SQLAlchemy (``CreateTable``); column changes come from Alembic
(``alter_column``, and batch mode on SQLite, which copies the table). Every statement
is compiled to text and sent through ``connection.statement()``, so ``pretend()``
and the query log see the DDL.

Laravel: ``Illuminate\\Database\\Schema\\Grammars\\Grammar`` and its dialects.
"""

from __future__ import annotations

import typing as t

import sqlalchemy as sa
from sqlalchemy.schema import CreateTable
from sqlalchemy.schema import SetColumnComment
from sqlalchemy.schema import SetTableComment

from protevus.database.exceptions import SchemaError
from protevus.database.schema.column_types import build_column
from protevus.database.schema.column_types import is_mysql
from protevus.database.schema.column_types import quote_literal
from protevus.database.schema.command import Command
from protevus.database.schema.concerns.compiles_alterations import FOREIGN_KEYS_OFF
from protevus.database.schema.concerns.compiles_alterations import FOREIGN_KEYS_ON
from protevus.database.schema.concerns.compiles_alterations import CompilesAlterations
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.connection import Connection
    from protevus.database.schema.blueprint import Blueprint

_DRIVER_DIALECTS = {
    "sqlite": "sqlalchemy.dialects.sqlite.pysqlite",
    "pgsql": "sqlalchemy.dialects.postgresql.psycopg",
    "mysql": "sqlalchemy.dialects.mysql.pymysql",
    "mariadb": "sqlalchemy.dialects.mysql.pymysql",
}


def offline_dialect(driver: str) -> sa.engine.Dialect:
    """Build the SQLAlchemy dialect of ``driver`` without connecting anywhere."""
    import importlib

    if driver not in _DRIVER_DIALECTS:
        raise SchemaError(
            f"Database driver [{driver}] is not supported: use sqlite, pgsql, mysql or mariadb."
        )
    dialect = t.cast(
        sa.engine.Dialect, importlib.import_module(_DRIVER_DIALECTS[driver]).dialect()
    )
    if driver == "mariadb":
        dialect.is_mariadb = True  # type: ignore[attr-defined]
    return dialect


class SchemaCompiler(CompilesAlterations, CamelAliases):
    """Compile (and run) the commands of a blueprint for one connection.

    Laravel: ``Blueprint::toSql()``/``build()`` with the connection's schema grammar.
    """

    def __init__(
        self, connection: Connection | None = None, driver: str | None = None
    ) -> None:
        if connection is None and driver is None:
            raise SchemaError(
                "A schema compiler needs a connection or a driver name [None]."
            )
        self.connection = connection
        self.driver = driver or t.cast("Connection", connection).get_driver_name()
        self.dialect = (
            connection.get_engine().dialect
            if connection is not None
            else offline_dialect(self.driver)
        )
        self.preparer = self.dialect.identifier_preparer
        self._executing = False

    # -- text helpers ---------------------------------------------------------------

    def quote(self, name: str) -> str:
        """Quote one identifier the way SQLAlchemy does for this dialect."""
        return str(self.preparer.quote(name))

    def columnize(self, columns: t.Sequence[str]) -> str:
        """Quote and join column names."""
        return ", ".join(self.quote(column) for column in columns)

    def text(self, element: t.Any) -> str:
        """Compile a SQLAlchemy DDL element to text with single ``%`` signs.

        Pyformat drivers double literal ``%`` when compiling; the connection escapes
        them again itself when it runs the statement.
        """
        sql = str(element.compile(dialect=self.dialect)).strip()
        if getattr(self.preparer, "_double_percents", False):
            sql = sql.replace("%%", "%")
        return sql

    # -- entry points ---------------------------------------------------------------

    def compile(self, blueprint: Blueprint) -> list[str]:
        """Return every statement of ``blueprint`` without running anything."""
        statements: list[str] = []
        for command in self._commands(blueprint):
            statements.extend(self.compile_command(blueprint, command))
        return statements

    def run(self, blueprint: Blueprint) -> None:
        """Run ``blueprint``'s statements one command at a time.

        Commands are compiled just before they run because SQLite alterations read
        the table as the previous commands left it.
        """
        connection = self._require_connection("run a blueprint")
        self._executing = True
        for command in self._commands(blueprint):
            statements = self.compile_command(blueprint, command)
            if (
                len(statements) > 2
                and statements[0] == FOREIGN_KEYS_OFF
                and statements[-1] == FOREIGN_KEYS_ON
            ):
                self._run_table_copy(connection, statements[1:-1])
                continue
            for sql in statements:
                connection.statement(sql)

    def _run_table_copy(self, connection: t.Any, statements: list[str]) -> None:
        """Run a SQLite table copy all or nothing, with foreign keys off around it.

        A copy that fails midway (a NOT NULL column over NULL rows...) rolls back,
        leaving the table and its data as they were and no temporary table behind;
        foreign keys are switched back on whatever happens, and rows the copy left
        pointing nowhere fail the change (Laravel's SQLite grammar does the same
        check with ``foreign_key_check``).
        """
        connection.statement(FOREIGN_KEYS_OFF)
        try:
            with connection.transaction():
                for sql in statements:
                    connection.statement(sql)
                broken = connection.select("PRAGMA foreign_key_check")
                if broken and not connection.pretending():
                    raise SchemaError(
                        f"The table change left {len(broken)} row(s) whose foreign "
                        f"keys point nowhere (table [{broken[0].get('table')}]); "
                        "nothing was changed. Fix those rows first."
                    )
        finally:
            connection.statement(FOREIGN_KEYS_ON)

    def _commands(self, blueprint: Blueprint) -> list[Command]:
        commands = blueprint.get_build_commands()
        if blueprint.creating():
            # Primary and foreign keys are part of CREATE TABLE itself.
            commands = [c for c in commands if c.name not in ("primary", "foreign")]
        return commands

    def _require_connection(self, action: str) -> Connection:
        if self.connection is None:
            raise SchemaError(
                f"The schema compiler needs a database connection to {action} on [{self.driver}]."
            )
        return self.connection

    def compile_command(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile one command to its statements. Laravel: ``Grammar::compile{Name}()``."""
        method = getattr(self, "compile_" + _snake(command.name), None)
        if method is None:
            raise SchemaError(f"Schema command [{command.name}] is not supported.")
        return t.cast(list[str], method(blueprint, command))

    # -- tables ---------------------------------------------------------------------

    def table_name(self, blueprint: Blueprint) -> str:
        """Return the quoted, prefixed table name of ``blueprint``."""
        return self.quote(blueprint.get_prefixed_table())

    def compile_create(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile CREATE TABLE with its columns, primary key and foreign keys."""
        name = blueprint.get_prefixed_table()
        metadata = sa.MetaData()
        columns = [
            build_column(c, self.driver, self.quote)
            for c in blueprint.get_added_columns()
        ]
        table = sa.Table(
            name,
            metadata,
            *columns,
            *self._create_constraints(blueprint, metadata),
            comment=blueprint.table_comment,
            prefixes=["TEMPORARY"] if blueprint.is_temporary else [],
            **self._table_options(blueprint, columns),
        )
        statements = [self.text(CreateTable(table))]
        if self.driver == "pgsql":
            statements += [self.text(SetColumnComment(c)) for c in columns if c.comment]
        statements += self._starting_values(blueprint)
        return statements

    def _create_constraints(
        self, blueprint: Blueprint, metadata: sa.MetaData
    ) -> list[t.Any]:
        constraints: list[t.Any] = []
        table = blueprint.get_prefixed_table()
        for command in blueprint.get_build_commands():
            if command.name == "primary":
                constraints.append(sa.PrimaryKeyConstraint(*command.get("columns")))
            elif command.name == "foreign":
                foreign_table = self._foreign_table(command)
                references = command.get("references") or []
                if foreign_table != table:
                    stub = metadata.tables.get(foreign_table) or sa.Table(
                        foreign_table, metadata
                    )
                    for column in references:
                        if column not in stub.c:
                            stub.append_column(sa.Column(column, sa.Integer))
                constraints.append(
                    sa.ForeignKeyConstraint(
                        command.get("columns"),
                        [f"{foreign_table}.{column}" for column in references],
                        name=command.get("index"),
                        ondelete=command.get("on_delete"),
                        onupdate=command.get("on_update"),
                        deferrable=command.get("deferrable"),
                        initially=self._initially(command),
                    )
                )
        return constraints

    def _foreign_table(self, command: Command) -> str:
        on = command.get("on")
        references = command.get("references")
        if not on or not references:
            raise SchemaError(
                f"Foreign key [{command.get('index')}] needs a referenced table and column: "
                "chain ->references('id')->on('table') or use constrained()."
            )
        return self._prefix() + str(on)

    def _prefix(self) -> str:
        return self.connection.get_table_prefix() if self.connection is not None else ""

    @staticmethod
    def _initially(command: Command) -> str | None:
        if command.get("initially_immediate") is None:
            return None
        return "IMMEDIATE" if command.get("initially_immediate") else "DEFERRED"

    def _table_options(
        self, blueprint: Blueprint, columns: list[sa.Column[t.Any]]
    ) -> dict[str, t.Any]:
        options: dict[str, t.Any] = {}
        if self.driver == "sqlite":
            if any(c.autoincrement is True for c in columns):
                options["sqlite_autoincrement"] = True
        elif is_mysql(self.driver):
            config = (
                self.connection.get_config
                if self.connection is not None
                else _no_config
            )
            engine = blueprint.table_engine or config("engine")
            charset = blueprint.table_charset or config("charset")
            collation = blueprint.table_collation or config("collation")
            if engine:
                options["mysql_engine"] = engine
            if charset:
                options["mysql_charset"] = charset
            if collation:
                options["mysql_collate"] = collation
        return options

    def _starting_values(self, blueprint: Blueprint) -> list[str]:
        statements = []
        for column in blueprint.get_added_columns():
            start = column.get("starting_value")
            if start is None or not column.get("auto_increment"):
                continue
            table = blueprint.get_prefixed_table()
            if is_mysql(self.driver):
                statements.append(
                    f"ALTER TABLE {self.quote(table)} AUTO_INCREMENT = {int(start)}"
                )
            elif self.driver == "pgsql":
                sequence = self.quote(f"{table}_{column.name}_seq")
                statements.append(
                    f"ALTER SEQUENCE {sequence} RESTART WITH {int(start)}"
                )
        return statements

    def compile_drop(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile DROP TABLE. Laravel: ``compileDrop()``."""
        return [f"DROP TABLE {self.table_name(blueprint)}"]

    def compile_drop_if_exists(
        self, blueprint: Blueprint, command: Command
    ) -> list[str]:
        """Compile DROP TABLE IF EXISTS. Laravel: ``compileDropIfExists()``."""
        return [f"DROP TABLE IF EXISTS {self.table_name(blueprint)}"]

    def compile_rename(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile a table rename. Laravel: ``compileRename()``."""
        to = self.quote(self._prefix() + command.get("to"))
        if is_mysql(self.driver):
            return [f"RENAME TABLE {self.table_name(blueprint)} TO {to}"]
        return [f"ALTER TABLE {self.table_name(blueprint)} RENAME TO {to}"]

    def compile_table_comment(
        self, blueprint: Blueprint, command: Command
    ) -> list[str]:
        """Compile a table comment (MySQL and PostgreSQL). Laravel: ``compileTableComment()``."""
        if blueprint.creating() and self.driver != "pgsql":
            return []
        if self.driver == "pgsql":
            table = sa.Table(
                blueprint.get_prefixed_table(),
                sa.MetaData(),
                comment=command.get("comment"),
            )
            return [self.text(SetTableComment(table))]
        if is_mysql(self.driver):
            comment = quote_literal(str(command.get("comment")), self.driver)
            return [f"ALTER TABLE {self.table_name(blueprint)} COMMENT = {comment}"]
        return []

    # -- indexes --------------------------------------------------------------------

    def compile_index(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile a plain index. Laravel: ``compileIndex()``."""
        return [
            f"CREATE INDEX {self.quote(command.get('index'))} ON {self.table_name(blueprint)} "
            f"({self.columnize(command.get('columns'))})"
        ]

    def compile_unique(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile a unique index (a constraint on PostgreSQL). Laravel: ``compileUnique()``."""
        index = self.quote(command.get("index"))
        columns = self.columnize(command.get("columns"))
        if self.driver == "pgsql":
            return [
                f"ALTER TABLE {self.table_name(blueprint)} ADD CONSTRAINT {index} UNIQUE ({columns})"
            ]
        return [
            f"CREATE UNIQUE INDEX {index} ON {self.table_name(blueprint)} ({columns})"
        ]

    def compile_fulltext(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile a full text index. Laravel: ``compileFulltext()``."""
        index = self.quote(command.get("index"))
        if self.driver == "pgsql":
            language = quote_literal(str(command.get("language") or "english"), "pgsql")
            parts = " || ".join(
                f"to_tsvector({language}, {self.quote(c)})"
                for c in command.get("columns")
            )
            return [
                f"CREATE INDEX {index} ON {self.table_name(blueprint)} USING gin (({parts}))"
            ]
        if is_mysql(self.driver):
            columns = self.columnize(command.get("columns"))
            return [
                f"CREATE FULLTEXT INDEX {index} ON {self.table_name(blueprint)} ({columns})"
            ]
        raise SchemaError(
            f"Full text index [{command.get('index')}] needs MySQL, MariaDB or PostgreSQL, "
            f"not [{self.driver}]."
        )

    def compile_drop_index(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile DROP INDEX. Laravel: ``compileDropIndex()``."""
        index = self.quote(command.get("index"))
        if is_mysql(self.driver):
            return [f"DROP INDEX {index} ON {self.table_name(blueprint)}"]
        return [f"DROP INDEX {index}"]

    def compile_drop_full_text(
        self, blueprint: Blueprint, command: Command
    ) -> list[str]:
        """Compile dropping a full text index. Laravel: ``compileDropFullText()``."""
        return self.compile_drop_index(blueprint, command)

    def compile_drop_unique(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile dropping a unique index. Laravel: ``compileDropUnique()``."""
        if self.driver == "pgsql":
            index = self.quote(command.get("index"))
            return [f"ALTER TABLE {self.table_name(blueprint)} DROP CONSTRAINT {index}"]
        return self.compile_drop_index(blueprint, command)

    def compile_rename_index(self, blueprint: Blueprint, command: Command) -> list[str]:
        """Compile renaming an index. Laravel: ``compileRenameIndex()``."""
        from_, to = self.quote(command.get("from_")), self.quote(command.get("to"))
        if self.driver == "pgsql":
            return [f"ALTER INDEX {from_} RENAME TO {to}"]
        if is_mysql(self.driver):
            return [
                f"ALTER TABLE {self.table_name(blueprint)} RENAME INDEX {from_} TO {to}"
            ]
        return self._sqlite_rename_index(blueprint, command)

    def _sqlite_rename_index(self, blueprint: Blueprint, command: Command) -> list[str]:
        connection = self._require_connection("rename an index")
        table = blueprint.get_prefixed_table()
        inspector = sa.inspect(connection.get_sa_connection())
        for index in inspector.get_indexes(table):
            if index["name"] == command.get("from_"):
                unique = "UNIQUE " if index["unique"] else ""
                columns = self.columnize([str(c) for c in index["column_names"]])
                return [
                    f"DROP INDEX {self.quote(command.get('from_'))}",
                    f"CREATE {unique}INDEX {self.quote(command.get('to'))} "
                    f"ON {self.quote(table)} ({columns})",
                ]
        raise SchemaError(
            f"Index [{command.get('from_')}] does not exist on table [{table}]: check its name."
        )


def _snake(name: str) -> str:
    out = []
    for char in name:
        if char.isupper():
            out.append("_" + char.lower())
        else:
            out.append(char)
    return "".join(out)


def _no_config(key: str | None = None) -> t.Any:
    return None
