"""Run migration files up and down, recording them in the migrations repository.

Migration files are Python modules named ``2026_01_01_000000_create_posts_table.py``
holding one :class:`~protevus.database.migrations.migration.Migration` subclass.
They are imported by path (never through ``sys.path``), so a migrations folder
needs no ``__init__.py``.

Laravel: ``Illuminate\\Database\\Migrations\\Migrator``.
"""

from __future__ import annotations

import glob
import hashlib
import importlib.util
import os
import sys
import typing as t

from protevus.database.exceptions import MigrationError
from protevus.database.migrations.migration import Migration
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.console.components import Components
    from protevus.console.output_style import OutputStyle
    from protevus.database.connection import Connection
    from protevus.database.migrations.database_migration_repository import (
        DatabaseMigrationRepository,
    )

_T = t.TypeVar("_T")

#: loaded migration classes by file path, with the file's (mtime, size) when loaded.
_loaded: dict[str, tuple[tuple[int, int], type[Migration]]] = {}


class Migrator(CamelAliases):
    """Find pending migration files, run them, roll them back.

    ``resolver`` is the :class:`~protevus.database.database_manager.DatabaseManager`
    (anything with ``connection(name)``, ``get_default_connection()`` and
    ``set_default_connection(name)``).

    Laravel: ``Illuminate\\Database\\Migrations\\Migrator``.
    """

    def __init__(
        self, repository: DatabaseMigrationRepository, resolver: t.Any
    ) -> None:
        self.repository = repository
        self.resolver = resolver
        self.connection: str | None = None
        self._paths: list[str] = []
        self.output: OutputStyle | None = None
        self._components: Components | None = None

    # -- running up -----------------------------------------------------------------

    def run(
        self,
        paths: str | t.Sequence[str] = (),
        options: t.Mapping[str, t.Any] | None = None,
    ) -> list[str]:
        """Run every pending migration under ``paths``; return their files.

        Options: ``pretend`` (print the SQL instead of running it), ``step`` (one
        batch per migration).

        Laravel: ``Migrator::run()``.
        """
        files = self.get_migration_files(paths)
        ran = set(self.repository.get_ran())
        pending = [path for name, path in files.items() if name not in ran]
        self.run_pending(pending, options)
        return pending

    def run_pending(
        self, migrations: t.Sequence[str], options: t.Mapping[str, t.Any] | None = None
    ) -> None:
        """Run the given migration files up, in order. Laravel: ``Migrator::runPending()``."""
        options = options or {}
        if not migrations:
            self._info("Nothing to migrate.")
            return
        batch = self.repository.get_next_batch_number()
        pretend = bool(options.get("pretend"))
        step = bool(options.get("step"))
        self._info("Running migrations.")
        for file in migrations:
            self._run_up(file, batch, pretend)
            if step:
                batch += 1
        self._new_line()

    def _run_up(self, file: str, batch: int, pretend: bool) -> None:
        migration = self.resolve_path(file)
        name = self.get_migration_name(file)
        if pretend:
            self._pretend_to_run(migration, "up", name)
            return
        if not migration.should_run():
            self._detail(name, "<fg=yellow;options=bold>SKIPPED</>")
            return
        self._task(name, file, lambda: self._run_migration(migration, "up"))
        self.repository.log(name, batch)

    # -- rolling back ---------------------------------------------------------------

    def rollback(
        self,
        paths: str | t.Sequence[str] = (),
        options: t.Mapping[str, t.Any] | None = None,
    ) -> list[str]:
        """Roll back the last batch (or ``step`` migrations, or one ``batch``).

        Laravel: ``Migrator::rollback()``.
        """
        options = options or {}
        migrations = self._migrations_for_rollback(options)
        if not migrations:
            self._info("Nothing to rollback.")
            return []
        rolled_back = self._rollback_migrations(migrations, paths, options)
        self._new_line()
        return rolled_back

    def _migrations_for_rollback(
        self, options: t.Mapping[str, t.Any]
    ) -> list[dict[str, t.Any]]:
        steps = int(options.get("step") or 0)
        if steps > 0:
            return self.repository.get_migrations(steps)
        batch = int(options.get("batch") or 0)
        if batch > 0:
            return self.repository.get_migrations_by_batch(batch)
        return self.repository.get_last()

    def reset(
        self, paths: str | t.Sequence[str] = (), pretend: bool = False
    ) -> list[str]:
        """Roll back every ran migration, newest first. Laravel: ``Migrator::reset()``."""
        migrations = [
            {"migration": name} for name in reversed(self.repository.get_ran())
        ]
        if not migrations:
            self._info("Nothing to rollback.")
            return []
        rolled_back = self._rollback_migrations(migrations, paths, {"pretend": pretend})
        self._new_line()
        return rolled_back

    def _rollback_migrations(
        self,
        migrations: t.Sequence[t.Mapping[str, t.Any]],
        paths: str | t.Sequence[str],
        options: t.Mapping[str, t.Any],
    ) -> list[str]:
        files = self.get_migration_files(paths)
        self._info("Rolling back migrations.")
        rolled_back: list[str] = []
        for row in migrations:
            name = str(row["migration"])
            file = files.get(name)
            if file is None:
                self._detail(name, "<fg=yellow;options=bold>Migration not found</>")
                continue
            rolled_back.append(file)
            self._run_down(file, name, bool(options.get("pretend")))
        return rolled_back

    def _run_down(self, file: str, name: str, pretend: bool) -> None:
        migration = self.resolve_path(file)
        if pretend:
            self._pretend_to_run(migration, "down", name)
            return
        self._task(name, file, lambda: self._run_migration(migration, "down"))
        self.repository.delete(name)

    # -- running one migration ---------------------------------------------------------

    def _run_migration(self, migration: Migration, method: str) -> None:
        connection = self.resolve_connection(migration.get_connection())

        def callback(*_: t.Any) -> None:
            self._run_method(connection, migration, method)

        if migration.within_transaction and supports_schema_transactions(connection):
            connection.transaction(callback)
        else:
            callback()

    def _run_method(
        self, connection: Connection, migration: Migration, method: str
    ) -> None:
        # The Schema and DB facades inside up()/down() use the migration's connection.
        previous = self.resolver.get_default_connection()
        self.resolver.set_default_connection(connection.get_name())
        try:
            getattr(migration, method)()
        finally:
            self.resolver.set_default_connection(previous)

    def _pretend_to_run(self, migration: Migration, method: str, name: str) -> None:
        self._detail(name)
        queries = self.get_queries(migration, method)
        if self._components is not None:
            self._components.bullet_list([str(q["query"]) for q in queries])

    def get_queries(self, migration: Migration, method: str) -> list[dict[str, t.Any]]:
        """Get the queries ``migration.<method>()`` would run, running none.

        Laravel: ``Migrator::getQueries()``.
        """
        connection = self.resolve_connection(migration.get_connection())
        return list(
            connection.pretend(
                lambda *_: self._run_method(connection, migration, method)
            )
        )

    def _task(self, name: str, file: str, task: t.Callable[[], None]) -> None:
        try:
            if self._components is not None:
                self._components.task(name, task)
            else:
                task()
        except MigrationError:
            raise
        except Exception as exc:
            error = MigrationError(
                f"Migration [{self._display_path(file)}] failed and was not recorded: "
                f"{exc}"
            )
            error.migration = name  # type: ignore[attr-defined]
            error.previous = exc  # type: ignore[attr-defined]
            raise error from exc

    # -- files ---------------------------------------------------------------------

    def get_migration_files(self, paths: str | t.Sequence[str]) -> dict[str, str]:
        """Get ``{migration name: file}`` for the ``*_*.py`` files under ``paths``, sorted.

        Laravel: ``Migrator::getMigrationFiles()``.
        """
        found: dict[str, str] = {}
        for path in [paths] if isinstance(paths, str) else paths:
            if path.endswith(".py"):
                candidates = [path]
            else:
                candidates = glob.glob(os.path.join(glob.escape(path), "*_*.py"))
            for file in candidates:
                if not os.path.basename(file).startswith(("_", ".")):
                    found[self.get_migration_name(file)] = file
        return dict(sorted(found.items()))

    def get_migration_name(self, path: str) -> str:
        """Get a migration's name: its file name without ``.py``.

        Laravel: ``Migrator::getMigrationName()``.
        """
        name = os.path.basename(path)
        return name[:-3] if name.endswith(".py") else name

    def resolve_path(self, path: str) -> Migration:
        """Import a migration file by path and instantiate its Migration class.

        Laravel: ``Migrator::resolvePath()``.
        """
        return load_migration_class(path)()

    def path(self, path: str) -> None:
        """Register another folder of migrations (packages). Laravel: ``Migrator::path()``."""
        if path not in self._paths:
            self._paths.append(path)

    def paths(self) -> list[str]:
        """Get the registered extra migration folders. Laravel: ``Migrator::paths()``."""
        return list(self._paths)

    # -- connection and repository --------------------------------------------------------

    def using_connection(self, name: str | None, callback: t.Callable[[], _T]) -> _T:
        """Run ``callback`` with ``name`` as the default connection, then restore it.

        Laravel: ``Migrator::usingConnection()``.
        """
        previous = self.resolver.get_default_connection()
        self.set_connection(name)
        try:
            return callback()
        finally:
            self.set_connection(previous)

    def set_connection(self, name: str | None) -> None:
        """Use connection ``name`` for the repository and as the default connection.

        Laravel: ``Migrator::setConnection()``.
        """
        if name is not None:
            self.resolver.set_default_connection(name)
        self.repository.set_source(name)
        self.connection = name

    def get_connection(self) -> str | None:
        """Get the connection name in use. Laravel: ``Migrator::getConnection()``."""
        return self.connection

    def resolve_connection(self, name: str | None) -> Connection:
        """Get connection ``name`` (or the migrator's). Laravel: ``resolveConnection()``."""
        return t.cast("Connection", self.resolver.connection(name or self.connection))

    def get_repository(self) -> DatabaseMigrationRepository:
        """Get the migrations repository. Laravel: ``Migrator::getRepository()``."""
        return self.repository

    def repository_exists(self) -> bool:
        """Determine if the migrations table exists. Laravel: ``repositoryExists()``."""
        return self.repository.repository_exists()

    def has_run_any_migrations(self) -> bool:
        """Determine if any migration ran. Laravel: ``Migrator::hasRunAnyMigrations()``."""
        return self.repository_exists() and len(self.repository.get_ran()) > 0

    def delete_repository(self) -> None:
        """Drop the migrations table. Laravel: ``Migrator::deleteRepository()``."""
        self.repository.delete_repository()

    # -- output ------------------------------------------------------------------------

    def set_output(self, output: OutputStyle | None) -> Migrator:
        """Write progress to ``output`` (``None``: run silently). Laravel: ``setOutput()``."""
        from protevus.console.components import Components

        self.output = output
        self._components = Components(output) if output is not None else None
        return self

    def _info(self, message: str) -> None:
        if self._components is not None:
            self._components.info(message)

    def _detail(self, first: str, second: str | None = None) -> None:
        if self._components is not None:
            self._components.two_column_detail(first, _style(second))

    def _new_line(self) -> None:
        if self.output is not None:
            self.output.writeln("")

    def _display_path(self, file: str) -> str:
        try:
            rel = os.path.relpath(file)
        except ValueError:  # pragma: no cover - another drive on Windows
            return file
        return file if rel.startswith("..") else rel.replace(os.sep, "/")


def supports_schema_transactions(connection: Connection) -> bool:
    """Determine if DDL on ``connection`` can run inside a transaction (PostgreSQL).

    Laravel: ``Schema\\Grammars\\Grammar::supportsSchemaTransactions()``.
    """
    return connection.get_driver_name() == "pgsql"


def load_migration_class(path: str) -> type[Migration]:
    """Import ``path`` as a module and return its single Migration subclass.

    The module gets a private name derived from the path; a file changed on
    disk since it was loaded is imported again.
    """
    full = os.path.abspath(path)
    try:
        stat = os.stat(full)
    except OSError as exc:
        raise MigrationError(
            f"Migration file [{path}] does not exist. Check the migrations path."
        ) from exc
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _loaded.get(full)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    digest = hashlib.sha1(full.encode()).hexdigest()[:12]
    module_name = f"_protevus_migration_{digest}"
    spec = importlib.util.spec_from_file_location(module_name, full)
    if spec is None or spec.loader is None:  # pragma: no cover - not a .py file
        raise MigrationError(f"Migration file [{path}] is not a Python module.")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(module_name, None)
        raise MigrationError(
            f"Migration file [{path}] could not be imported: {exc}"
        ) from exc
    found = [
        obj
        for obj in vars(module).values()
        if isinstance(obj, type)
        and issubclass(obj, Migration)
        and obj.__module__ == module_name
    ]
    if len(found) != 1:
        names = ", ".join(sorted(cls.__name__ for cls in found))
        detail = f"defines several ({names})" if found else "defines none"
        raise MigrationError(
            f"Migration file [{path}] must define exactly one Migration subclass but "
            f"{detail}. Keep one class extending protevus.database.Migration per file."
        )
    _loaded[full] = (stamp, found[0])
    return found[0]


def _style(text: str | None) -> str | None:
    # Laravel's <fg=yellow;options=bold>...</> tags, rendered with click.
    if text is None or not text.startswith("<fg="):
        return text
    import click

    head, _, rest = text.partition(">")
    body = rest.removesuffix("</>")
    color = head.removeprefix("<fg=").split(";")[0]
    return click.style(body, fg=color, bold="bold" in head)
