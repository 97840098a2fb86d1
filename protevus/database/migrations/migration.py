"""The base class of a migration: ``up()`` changes the schema, ``down()`` reverses it.

::

    class CreatePostsTable(Migration):
        def up(self) -> None:
            with Schema.create("posts") as table:
                table.id()
                table.timestamps()

        def down(self) -> None:
            Schema.drop_if_exists("posts")

Laravel: ``Illuminate\\Database\\Migrations\\Migration``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class Migration(CamelAliases):
    """Describe one schema change; the migrator runs ``up()`` and ``down()``.

    Class attributes: ``connection`` (the connection name to run on; ``None`` is
    the migrator's connection) and ``within_transaction`` (run inside a
    transaction where the database supports transactional DDL, as PostgreSQL does).

    Laravel: ``Illuminate\\Database\\Migrations\\Migration``.
    """

    #: the connection the migration runs on; ``None`` means the default one.
    connection: t.ClassVar[str | None] = None
    #: wrap the migration in a transaction where DDL is transactional.
    within_transaction: t.ClassVar[bool] = True

    def up(self) -> None:
        """Run the migration (subclasses define it). Laravel: ``up()``."""

    def down(self) -> None:
        """Reverse the migration (subclasses define it). Laravel: ``down()``."""

    def get_connection(self) -> str | None:
        """Get the migration's connection name. Laravel: ``Migration::getConnection()``."""
        return self.connection

    def should_run(self) -> bool:
        """Determine if the migration should run now (override to skip it).

        Laravel: ``Migration::shouldRun()``.
        """
        return True
