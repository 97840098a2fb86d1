"""One configured database connection: raw queries, transactions, the query log.

A :class:`Connection` holds SQLAlchemy engines (created on the first query, never
on construction) and runs SQL written with Laravel's ``?`` placeholders.

Laravel: ``Illuminate\\Database\\Connection``.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import importlib
import threading
import time
import typing as t

from protevus.database.concerns.converts_placeholders import convert_placeholders
from protevus.database.concerns.converts_placeholders import order_bindings
from protevus.database.concerns.detects_errors import caused_by_lost_connection
from protevus.database.concerns.detects_errors import query_error_class
from protevus.database.concerns.logs_queries import LogsQueries
from protevus.database.concerns.manages_connections import ManagesConnections
from protevus.database.concerns.manages_connections import ThreadState
from protevus.database.concerns.manages_transactions import ManagesTransactions
from protevus.database.exceptions import DatabaseError
from protevus.database.exceptions import QueryError
from protevus.database.query.expression import Expression
from protevus.database.row import Row
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.arr import data_get
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from sqlalchemy import Engine

    from protevus.database.connectors.connection_factory import ConnectionFactory

_Bindings = t.Sequence[t.Any] | t.Mapping[str, t.Any]
_T = t.TypeVar("_T")

#: driver → query grammar class (dotted path, imported on first use).
QUERY_GRAMMARS: dict[str, str] = {
    "sqlite": "protevus.database.query.grammars.sqlite_grammar.SQLiteGrammar",
    "pgsql": "protevus.database.query.grammars.postgres_grammar.PostgresGrammar",
    "mysql": "protevus.database.query.grammars.mysql_grammar.MySqlGrammar",
    "mariadb": "protevus.database.query.grammars.mariadb_grammar.MariaDbGrammar",
}

_DB_ERROR_MODULES = ("sqlalchemy", "sqlite3", "psycopg", "pymysql")
_PLAIN = frozenset({int, str, float, bool, bytes, type(None)})


class MultipleColumnsSelectedError(DatabaseError):
    """Signal a ``scalar()`` query that selected more than one column.

    Laravel: ``Illuminate\\Database\\MultipleColumnsSelectedException``.
    """


def _is_database_error(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    return module.startswith(_DB_ERROR_MODULES) and isinstance(exc, Exception)


def _execute(connection: t.Any, sql: str, params: tuple[t.Any, ...]) -> t.Any:
    """Run ``sql`` on a DBAPI cursor of the SQLAlchemy connection and return the cursor.

    Statements are already in the driver's paramstyle and the driver runs in
    autocommit mode, so SQLAlchemy's result machinery (built for its own compiled
    statements) has nothing to add here; skipping it is what keeps a builder query
    as cheap as a Core one (PDO's role in Laravel).
    """
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, params)
    except BaseException:
        cursor.close()
        raise
    return cursor


_QueryBuilder: t.Any = None


def _fetch_rows(connection: t.Any, sql: str, params: tuple[t.Any, ...]) -> list[Row]:
    """Run a select on ``connection`` and return its rows."""
    cursor = _execute(connection, sql, params)
    try:
        description = cursor.description
        if description is None:
            return []
        keys = [column[0] for column in description]
        return [Row(zip(keys, row, strict=False)) for row in cursor.fetchall()]
    finally:
        cursor.close()


def _import(path: str) -> t.Any:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


class Connection(
    ManagesTransactions, ManagesConnections, LogsQueries, CamelAliases, Macroable
):
    """Run raw SQL and transactions against one configured database.

    ::

        rows = conn.select('select * from users where active = ?', [1])
        conn.insert('insert into users (name) values (:name)', {'name': 'Ada'})
        with conn.transaction():
            conn.update('update users set votes = votes + 1 where id = ?', [1])

    Outside a transaction every statement commits on its own. Each thread has its
    own live connection and transaction stack. Reads go to the ``read`` hosts when
    the config has them (outside transactions, and with ``sticky`` not after this
    thread wrote).

    Laravel: ``Illuminate\\Database\\Connection``.
    """

    def __init__(
        self,
        config: t.Mapping[str, t.Any],
        name: str | None = None,
        factory: ConnectionFactory | None = None,
    ) -> None:
        self.config: dict[str, t.Any] = dict(config)
        self.name: str = name or str(self.config.get("name") or self.get_driver_name())
        self.config.setdefault("name", self.name)
        self._factory = factory
        self._engines: dict[str, Engine] = {}
        self._lock = threading.RLock()
        self._states: dict[threading.Thread, ThreadState] = {}
        self._grammar: t.Any = None
        self._positional_sql: dict[str, str] = {}
        self._read_on_write = False
        self._init_logging()

    # -- identity and configuration ---------------------------------------------

    def get_name(self) -> str:
        """Get the connection's name (its key in the config). Laravel: ``getName()``."""
        return self.name

    def get_driver_name(self) -> str:
        """Get the driver: ``sqlite``, ``pgsql``, ``mysql`` or ``mariadb``.

        Laravel: ``Connection::getDriverName()``.
        """
        return str(self.config.get("driver") or "")

    def get_config(self, key: str | None = None) -> t.Any:
        """Get the whole config, or one (dotted) key of it. Laravel: ``getConfig()``."""
        return self.config if key is None else data_get(self.config, key)

    def get_table_prefix(self) -> str:
        """Get the table prefix (config ``prefix``). Laravel: ``getTablePrefix()``."""
        return str(self.config.get("prefix") or "")

    def set_table_prefix(self, prefix: str) -> Connection:
        """Set the table prefix. Laravel: ``Connection::setTablePrefix()``."""
        self.config["prefix"] = prefix
        self._grammar = None
        return self

    def get_server_version(self) -> str:
        """Get the database server's version string. Laravel: ``getServerVersion()``."""
        sql = {
            "sqlite": "select sqlite_version()",
            "pgsql": "show server_version",
        }.get(self.get_driver_name(), "select version()")
        return str(self.scalar(sql))

    def get_database_name(self) -> str:
        """Get the database's name. Laravel: ``Connection::getDatabaseName()``."""
        return str(self.config.get("database") or "")

    def _begin_sql(self) -> str:
        driver = self.get_driver_name()
        if driver == "sqlite":
            from protevus.database.connectors.sqlite_connector import transaction_mode

            return f"BEGIN {transaction_mode(self.config)}"
        return "START TRANSACTION" if driver in ("mysql", "mariadb") else "BEGIN"

    def _paramstyle(self) -> str:
        return "qmark" if self.get_driver_name() == "sqlite" else "format"

    # -- collaborators ----------------------------------------------------------

    def get_query_grammar(self) -> t.Any:
        """Get the query grammar of the driver (built once).

        Laravel: ``Connection::getQueryGrammar()``.
        """
        if self._grammar is None:
            path = QUERY_GRAMMARS.get(self.get_driver_name())
            if path is None:
                raise DatabaseError(
                    f"Driver [{self.get_driver_name()}] has no query grammar; use "
                    "sqlite, pgsql, mysql or mariadb."
                )
            self._grammar = _import(path)(self)
        return self._grammar

    def set_query_grammar(self, grammar: t.Any) -> Connection:
        """Use ``grammar`` to compile this connection's queries. Laravel: ``setQueryGrammar()``."""
        self._grammar = grammar
        return self

    def get_schema_builder(self) -> t.Any:
        """Get a schema builder for this connection. Laravel: ``getSchemaBuilder()``."""
        from protevus.database.schema.builder import Builder

        return Builder(self)

    def query(self) -> t.Any:
        """Get a new query builder. Laravel: ``Connection::query()``."""
        global _QueryBuilder
        if _QueryBuilder is None:
            # Imported on first use: a connection alone (migrations' raw SQL, the
            # schema builder) never loads the query builder and its grammars.
            from protevus.database.query.builder import Builder

            _QueryBuilder = Builder
        return _QueryBuilder(self)

    def table(self, table: t.Any, as_: str | None = None) -> t.Any:
        """Begin a fluent query against a table. Laravel: ``Connection::table()``."""
        return self.query().from_(table, as_)

    def raw(self, value: t.Any) -> Expression:
        """Wrap raw SQL so builders insert it verbatim. Laravel: ``Connection::raw()``."""
        return Expression(value)

    def to_raw_sql(self, sql: str, bindings: _Bindings) -> str:
        """Return ``sql`` with the bindings substituted in, for display only.

        Laravel: ``Grammar::substituteBindingsIntoRawSql()``.
        """
        if isinstance(bindings, t.Mapping):
            converted = convert_placeholders(sql, "qmark", self.get_driver_name(), True)
            sql, values = converted.sql, order_bindings(converted.names, bindings)
        else:
            values = list(bindings)
        grammar = self.get_query_grammar()
        return str(
            grammar.substitute_bindings_into_raw_sql(sql, self.prepare_bindings(values))
        )

    # -- the single run path ----------------------------------------------------

    def prepare_bindings(self, bindings: t.Sequence[t.Any]) -> list[t.Any]:
        """Convert binding values the drivers cannot take as they are.

        Dates become ``Y-m-d H:i:s`` strings (Laravel's grammar date format), enums
        their values, and ``Decimal`` a string on SQLite.

        Laravel: ``Connection::prepareBindings()``.
        """
        sqlite = self.get_driver_name() == "sqlite"
        prepared = []
        for value in bindings:
            if type(value) in _PLAIN:
                prepared.append(value)
                continue
            if isinstance(value, datetime.datetime):
                value = value.strftime("%Y-%m-%d %H:%M:%S")
            elif isinstance(value, datetime.date):
                value = value.strftime("%Y-%m-%d")
            elif isinstance(value, enum.Enum):
                value = value.value
            elif sqlite and isinstance(value, decimal.Decimal):
                value = str(value)
            elif isinstance(value, dict | set | frozenset):
                # A JSON body such as {"id": {"$gt": ""}} must not reach the driver.
                raise InvalidArgumentError(
                    f"A binding of type [{type(value).__name__}] cannot be sent to the "
                    "database: bind a str, int, float, bool, None, bytes, date or "
                    "Decimal (encode dicts and lists with json.dumps)."
                )
            prepared.append(value)
        return prepared

    def _prepare(
        self, query: str, bindings: _Bindings
    ) -> tuple[str, tuple[t.Any, ...]]:
        if type(bindings) is list or type(bindings) is tuple:
            # The builder's case: positional bindings; the converted SQL is cached
            # per connection (the driver and so the paramstyle never change).
            sql = self._positional_sql.get(query)
            if sql is None:
                converted = convert_placeholders(
                    query, self._paramstyle(), self.get_driver_name(), False
                )
                if any(converted.names):
                    order_bindings(converted.names, bindings)  # raises, naming it
                sql = converted.sql
                if len(self._positional_sql) < 1024:
                    self._positional_sql[query] = sql
            for value in bindings:
                if type(value) not in _PLAIN:
                    return sql, tuple(self.prepare_bindings(bindings))
            return sql, tuple(bindings)
        named = isinstance(bindings, t.Mapping)
        converted = convert_placeholders(
            query, self._paramstyle(), self.get_driver_name(), named
        )
        values = order_bindings(converted.names, bindings)
        return converted.sql, tuple(self.prepare_bindings(values))

    def _wrap_error(self, sql: str, bindings: t.Any, exc: BaseException) -> QueryError:
        """Wrap a driver error once, as the fitting :class:`QueryError` subclass."""
        if isinstance(exc, QueryError):
            return exc
        raw_sql = None
        try:
            raw_sql = self.to_raw_sql(sql, bindings)
        except Exception:  # the grammar is optional for error messages
            raw_sql = None
        error_class = query_error_class(self.get_driver_name(), exc)
        return error_class(self.name, sql, _copy_bindings(bindings), exc, raw_sql)

    def _run(
        self,
        query: str,
        bindings: _Bindings,
        callback: t.Callable[[ThreadState, str, tuple[t.Any, ...]], _T],
        pretend: t.Any = None,
    ) -> _T:
        """Run every statement: before-callbacks, pretend, errors, retry, log.

        Laravel: ``Connection::run()``.
        """
        if self._before_executing:
            for before in list(self._before_executing):
                before(query, bindings, self)
        state = self._state()
        if state.pretending:
            self.log_query(query, bindings, 0.0)
            return t.cast(_T, pretend)
        start = time.perf_counter()
        try:
            result = self._run_query_callback(state, query, bindings, callback)
        except QueryError as exc:
            if state.transactions or not caused_by_lost_connection(exc):
                raise
            # Laravel: tryAgainIfCausedByLostConnection() — once, outside transactions.
            self._forget_connection(state)
            result = self._run_query_callback(state, query, bindings, callback)
        self.log_query(query, bindings, (time.perf_counter() - start) * 1000)
        return result

    def _run_query_callback(
        self,
        state: ThreadState,
        query: str,
        bindings: _Bindings,
        callback: t.Callable[[ThreadState, str, tuple[t.Any, ...]], _T],
    ) -> _T:
        sql, params = self._prepare(query, bindings)
        try:
            return callback(state, sql, params)
        except QueryError:
            raise
        except Exception as exc:
            if not _is_database_error(exc):
                raise
            raise self._wrap_error(query, bindings, exc) from exc

    # -- raw queries ------------------------------------------------------------

    def select(
        self, query: str, bindings: _Bindings = (), use_read_pdo: bool = True
    ) -> list[Row]:
        """Run a select statement and return its rows.

        Laravel: ``Connection::select()``.
        """

        def run(state: ThreadState, sql: str, params: tuple[t.Any, ...]) -> list[Row]:
            if use_read_pdo and self._reads_from_read_engine(state, True):
                with self.get_engine(write=False).connect() as connection:
                    return _fetch_rows(connection, sql, params)
            return _fetch_rows(self._write_connection(state), sql, params)

        return self._run(query, bindings, run, [])

    def select_from_write_connection(
        self, query: str, bindings: _Bindings = ()
    ) -> list[Row]:
        """Run a select on the write connection. Laravel: ``selectFromWriteConnection()``."""
        return self.select(query, bindings, False)

    def select_one(
        self, query: str, bindings: _Bindings = (), use_read_pdo: bool = True
    ) -> Row | None:
        """Run a select and return its first row, or ``None``. Laravel: ``selectOne()``."""
        rows = self.select(query, bindings, use_read_pdo)
        return rows[0] if rows else None

    def scalar(
        self, query: str, bindings: _Bindings = (), use_read_pdo: bool = True
    ) -> t.Any:
        """Run a select and return the first column of the first row.

        Raises :class:`MultipleColumnsSelectedError` when the row has several
        columns. Laravel: ``Connection::scalar()``.
        """
        row = self.select_one(query, bindings, use_read_pdo)
        if row is None:
            return None
        if len(row) > 1:
            raise MultipleColumnsSelectedError(
                f"The scalar query [{query}] selected {len(row)} columns "
                f"[{', '.join(row)}]; select exactly one."
            )
        return next(iter(row.values()))

    def cursor(
        self, query: str, bindings: _Bindings = (), use_read_pdo: bool = True
    ) -> t.Iterator[Row]:
        """Run a select and yield its rows one at a time.

        Outside a transaction the rows stream from a server-side cursor on a
        connection of their own. Laravel: ``Connection::cursor()``.
        """
        state = self._state()
        sqlite = self.get_driver_name() == "sqlite"
        # SQLite cursors are lazy already, so rows come from the thread's own
        # connection there unless a separate read database is configured.
        own = (
            not state.transactions
            and not state.pretending
            and (not sqlite or self._reads_from_read_engine(state, use_read_pdo))
        )
        stream = not sqlite and (own or self.get_driver_name() == "pgsql")
        holder: dict[str, t.Any] = {}

        def run(state: ThreadState, sql: str, params: tuple[t.Any, ...]) -> t.Any:
            if own:
                write = not self._reads_from_read_engine(state, use_read_pdo)
                connection = self.get_engine(write=write).connect()
                holder["connection"] = connection
                if self.get_driver_name() == "pgsql":
                    # Server-side cursors live inside a transaction.
                    connection.exec_driver_sql("BEGIN")
            else:
                connection = self._write_connection(state)
            options = {"stream_results": True} if stream else {}
            try:
                return connection.exec_driver_sql(
                    sql, params, execution_options=options
                )
            except BaseException:
                if own:
                    connection.close()
                raise

        result = self._run(query, bindings, run, None)
        if result is None:
            return
        try:
            if not result.returns_rows:
                return
            keys = list(result.keys())
            while True:
                try:
                    batch = result.fetchmany(1000)
                except Exception as exc:
                    if not _is_database_error(exc):
                        raise
                    raise self._wrap_error(query, bindings, exc) from exc
                if not batch:
                    break
                for row in batch:
                    yield Row(zip(keys, row, strict=True))
        finally:
            result.close()
            connection = holder.get("connection")
            if connection is not None:
                connection.close()

    def insert(self, query: str, bindings: _Bindings = ()) -> bool:
        """Run an insert statement. Laravel: ``Connection::insert()``."""
        return self.statement(query, bindings)

    def insert_get_id(
        self, query: str, bindings: _Bindings = (), sequence: str | None = None
    ) -> t.Any:
        """Run an insert and return the new row's id.

        A query ending in ``returning "id"`` (PostgreSQL) returns that column (or the
        ``sequence`` column); otherwise the driver's last insert id. Numeric ids are
        returned as ``int``. Laravel: ``Processor::processInsertGetId()``.
        """

        def run(state: ThreadState, sql: str, params: tuple[t.Any, ...]) -> t.Any:
            with self._using(state) as connection:
                cursor = _execute(connection, sql, params)
                try:
                    if cursor.description is not None:
                        keys = [column[0] for column in cursor.description]
                        first = cursor.fetchone()
                        if first is None:
                            return None
                        row = dict(zip(keys, first, strict=True))
                        value = (
                            row[sequence]
                            if sequence and sequence in row
                            else next(iter(row.values()))
                        )
                    elif self.get_driver_name() == "pgsql":
                        cursor.execute("select lastval()")
                        value = cursor.fetchone()[0]
                    else:
                        value = cursor.lastrowid
                finally:
                    cursor.close()
                self.records_have_been_modified()
                return value

        value = self._run(query, bindings, run, None)
        if isinstance(value, str) and value.isdigit():
            return int(value)
        return value

    def update(self, query: str, bindings: _Bindings = ()) -> int:
        """Run an update statement and return the number of affected rows.

        Laravel: ``Connection::update()``.
        """
        return self.affecting_statement(query, bindings)

    def delete(self, query: str, bindings: _Bindings = ()) -> int:
        """Run a delete statement and return the number of affected rows.

        Laravel: ``Connection::delete()``.
        """
        return self.affecting_statement(query, bindings)

    def statement(self, query: str, bindings: _Bindings = ()) -> bool:
        """Run a statement and return ``True``. Laravel: ``Connection::statement()``."""

        def run(state: ThreadState, sql: str, params: tuple[t.Any, ...]) -> bool:
            with self._using(state) as connection:
                _execute(connection, sql, params).close()
            self.records_have_been_modified()
            return True

        return self._run(query, bindings, run, True)

    def affecting_statement(self, query: str, bindings: _Bindings = ()) -> int:
        """Run a statement and return the number of affected rows.

        Laravel: ``Connection::affectingStatement()``.
        """

        def run(state: ThreadState, sql: str, params: tuple[t.Any, ...]) -> int:
            with self._using(state) as connection:
                cursor = _execute(connection, sql, params)
                count = max(int(cursor.rowcount), 0)
                cursor.close()
            self.records_have_been_modified(count > 0)
            return count

        return self._run(query, bindings, run, 0)

    def unprepared(self, query: str) -> bool:
        """Run raw SQL with no bindings; it may hold several statements.

        Laravel: ``Connection::unprepared()``.
        """

        def run(state: ThreadState, sql: str, params: tuple[t.Any, ...]) -> bool:
            with self._using(state) as connection:
                dbapi = connection.connection.dbapi_connection
                assert dbapi is not None
                cursor = dbapi.cursor()
                try:
                    for statement in _split_statements(self.get_driver_name(), query):
                        cursor.execute(statement)
                        while getattr(cursor, "nextset", None) and cursor.nextset():
                            pass
                finally:
                    cursor.close()
            self.records_have_been_modified()
            return True

        return self._run(query, [], run, True)

    def __deepcopy__(self, memo: dict[int, t.Any]) -> Connection:
        # A connection is a shared resource: copies of builders share it.
        return self

    def __repr__(self) -> str:
        return f"Connection(name={self.name!r}, driver={self.get_driver_name()!r})"


def _copy_bindings(bindings: t.Any) -> t.Any:
    return dict(bindings) if isinstance(bindings, t.Mapping) else list(bindings)


def _split_statements(driver: str, sql: str) -> list[str]:
    """Split SQL into statements for drivers that run one at a time (SQLite)."""
    if driver != "sqlite":
        return [sql]
    import sqlite3

    statements: list[str] = []
    buffer = ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        statements.append(buffer.rstrip(";").strip())
    return statements
