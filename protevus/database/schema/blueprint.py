"""The description of one table's changes: columns to add or change, and commands.

Laravel: ``Illuminate\\Database\\Schema\\Blueprint``.
"""

from __future__ import annotations

import typing as t

from protevus.database.schema.column_definition import ColumnDefinition
from protevus.database.schema.command import Command
from protevus.database.schema.concerns.defines_column_types import DefinesColumnTypes
from protevus.database.schema.concerns.defines_indexes import DefinesIndexes
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.database.connection import Connection

#: Column modifiers that become index commands of their own.
_FLUENT_INDEXES = ("primary", "unique", "index", "full_text")


class Blueprint(DefinesColumnTypes, DefinesIndexes, CamelAliases, Macroable):
    """Collect the columns and commands of one table, then build them on a connection.

    You receive a blueprint in ``Schema.create()`` and ``Schema.table()``::

        with Schema.create('posts') as table:
            table.id()
            table.foreign_id('user_id').constrained().cascade_on_delete()
            table.string('title').unique()
            table.timestamps()

    Laravel: ``Illuminate\\Database\\Schema\\Blueprint``.
    """

    def __init__(
        self,
        table: str,
        callback: t.Callable[[Blueprint], t.Any] | None = None,
        prefix: str = "",
    ) -> None:
        self.table = table
        self.prefix = prefix
        self.columns: list[ColumnDefinition] = []
        self.commands: list[Command] = []
        self.table_engine: str | None = None
        self.table_charset: str | None = None
        self.table_collation: str | None = None
        self.table_comment: str | None = None
        self.is_temporary = False
        if callback is not None:
            callback(self)

    # -- state ----------------------------------------------------------------------

    def get_table(self) -> str:
        """Get the table name without the prefix. Laravel: ``getTable()``."""
        return self.table

    def get_prefixed_table(self) -> str:
        """Get the table name with the connection's prefix."""
        return self.prefix + self.table

    def get_columns(self) -> list[ColumnDefinition]:
        """Get every column of the blueprint. Laravel: ``getColumns()``."""
        return list(self.columns)

    def get_commands(self) -> list[Command]:
        """Get the explicit commands of the blueprint. Laravel: ``getCommands()``."""
        return list(self.commands)

    def get_added_columns(self) -> list[ColumnDefinition]:
        """Get the columns to add. Laravel: ``getAddedColumns()``."""
        return [column for column in self.columns if not column.get("change")]

    def get_changed_columns(self) -> list[ColumnDefinition]:
        """Get the columns to change. Laravel: ``getChangedColumns()``."""
        return [column for column in self.columns if column.get("change")]

    def creating(self) -> bool:
        """Determine if the blueprint creates the table. Laravel: ``creating()``."""
        return any(command.name == "create" for command in self.commands)

    # -- table commands -------------------------------------------------------------

    def create(self) -> Command:
        """Create the table. Laravel: ``$table->create()``."""
        return self.add_command("create")

    def temporary(self) -> None:
        """Create a temporary table. Laravel: ``$table->temporary()``."""
        self.is_temporary = True

    def drop(self) -> Command:
        """Drop the table. Laravel: ``$table->drop()``."""
        return self.add_command("drop")

    def drop_if_exists(self) -> Command:
        """Drop the table if it exists. Laravel: ``$table->dropIfExists()``."""
        return self.add_command("dropIfExists")

    def rename(self, to: str) -> Command:
        """Rename the table. Laravel: ``$table->rename()``."""
        return self.add_command("rename", to=to)

    def engine(self, engine: str) -> None:
        """Set the storage engine (MySQL only). Laravel: ``$table->engine()``."""
        self.table_engine = engine

    def charset(self, charset: str) -> None:
        """Set the default character set (MySQL only). Laravel: ``$table->charset()``."""
        self.table_charset = charset

    def collation(self, collation: str) -> None:
        """Set the default collation (MySQL only). Laravel: ``$table->collation()``."""
        self.table_collation = collation

    def comment(self, comment: str) -> Command:
        """Set the table comment (MySQL/PostgreSQL). Laravel: ``$table->comment()``."""
        self.table_comment = comment
        return self.add_command("tableComment", comment=comment)

    # -- columns and commands -------------------------------------------------------

    def add_column(
        self, type_: str, name: str, **parameters: t.Any
    ) -> ColumnDefinition:
        """Add a column of Laravel type ``type_``. Laravel: ``addColumn()``."""
        return self.add_column_definition(
            ColumnDefinition({"type": type_, "name": name, **parameters})
        )

    def add_column_definition(self, definition: ColumnDefinition) -> ColumnDefinition:
        """Add a prepared column definition. Laravel: ``addColumnDefinition()``."""
        if not isinstance(definition.get("name"), str) or not definition.get("name"):
            raise ValueError(
                f"Column name [{definition.get('name')!r}] is invalid: pass a non-empty string."
            )
        self.columns.append(definition)
        if not self.creating():
            # Alterations run in the order they were written (add, then drop...).
            self.commands.append(Command("column", column=definition))
        return definition

    def remove_column(self, name: str) -> Blueprint:
        """Forget a column added to this blueprint. Laravel: ``removeColumn()``."""
        self.columns = [column for column in self.columns if column.name != name]
        self.commands = [
            command
            for command in self.commands
            if not (command.name == "column" and command.get("column").name == name)
        ]
        return self

    def add_command(self, name: str, **parameters: t.Any) -> Command:
        """Add a command to the blueprint. Laravel: ``addCommand()``."""
        return self.add_command_object(Command(name, **parameters))

    def add_command_object(self, command: Command) -> Command:
        """Append a prepared command object."""
        self.commands.append(command)
        return command

    def create_index_name(self, type_: str, columns: t.Sequence[str]) -> str:
        """Build Laravel's index name ``{prefix}{table}_{columns}_{type}``.

        Laravel: ``createIndexName()``.
        """
        index = f"{self.prefix}{self.table}_{'_'.join(columns)}_{type_}".lower()
        return index.replace("-", "_").replace(".", "_")

    def get_build_commands(self) -> list[Command]:
        """Get the commands to run, with the indexes set by column modifiers appended.

        Laravel: ``addImpliedCommands()`` / ``addFluentIndexes()``.
        """
        commands = list(self.commands)
        for column in self.columns:
            for modifier in _FLUENT_INDEXES:
                value = column.get(modifier)
                if value is None or value is False:
                    continue
                type_ = "fulltext" if modifier == "full_text" else modifier
                name = value if isinstance(value, str) else None
                index = name or self.create_index_name(type_, [column.name])
                commands.append(Command(type_, index=index, columns=[column.name]))
        return commands

    # -- building -------------------------------------------------------------------

    def build(self, connection: Connection) -> None:
        """Run the blueprint's statements on ``connection``. Laravel: ``build()``."""
        from protevus.database.schema.schema_compiler import SchemaCompiler

        SchemaCompiler(connection).run(self)

    def to_sql(
        self, connection: Connection | None = None, driver: str | None = None
    ) -> list[str]:
        """Compile the blueprint's statements without running them. Laravel: ``toSql()``.

        Pass a connection, or only a ``driver`` (``sqlite``, ``pgsql``, ``mysql``) to
        compile offline; SQLite alterations that copy the table need a connection.
        """
        from protevus.database.schema.schema_compiler import SchemaCompiler

        return SchemaCompiler(connection, driver).compile(self)
