"""Connectors: URLs, per-driver session settings, read/write splits."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.database.connection import Connection
from protevus.database.connectors.configuration_url_parser import parse_configuration
from protevus.database.connectors.connection_factory import ConnectionFactory
from protevus.database.connectors.sqlite_connector import (
    SQLiteDatabaseDoesNotExistError,
)
from protevus.exceptions import InvalidArgumentError


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "pgsql://user:secret@db.example.com:5433/app?sslmode=require",
            {
                "driver": "pgsql",
                "host": "db.example.com",
                "port": 5433,
                "username": "user",
                "password": "secret",
                "database": "app",
                "sslmode": "require",
            },
        ),
        (
            "postgresql://u@localhost/app",
            {
                "driver": "pgsql",
                "host": "localhost",
                "username": "u",
                "database": "app",
            },
        ),
        (
            "mysql://root:p%40ss@127.0.0.1/shop?strict=false&charset=utf8mb4",
            {
                "driver": "mysql",
                "host": "127.0.0.1",
                "username": "root",
                "password": "p@ss",
                "database": "shop",
                "strict": False,
                "charset": "utf8mb4",
            },
        ),
        (
            "sqlite:////var/data/app.sqlite",
            {"driver": "sqlite", "database": "/var/data/app.sqlite"},
        ),
        ("sqlite://:memory:", {"driver": "sqlite", "database": ":memory:"}),
    ],
)
def test_url_parsing(url: str, expected: dict[str, t.Any]) -> None:
    assert parse_configuration({"url": url, "prefix": "x_"}) == {
        **expected,
        "prefix": "x_",
    }


def test_url_parts_win_and_other_keys_stay() -> None:
    config = parse_configuration(
        {"driver": "mysql", "host": "old", "url": "pgsql://new/db", "charset": "utf8"}
    )
    assert config["driver"] == "pgsql"
    assert config["host"] == "new"
    assert config["charset"] == "utf8"
    assert "url" not in config
    assert parse_configuration({"driver": "sqlite", "url": None}) == {
        "driver": "sqlite"
    }


def test_malformed_url_is_reported() -> None:
    with pytest.raises(InvalidArgumentError, match=r"URL \(DB_URL\) is malformed"):
        parse_configuration({"url": "no-scheme"})


def test_unknown_or_missing_driver_is_reported() -> None:
    factory = ConnectionFactory()
    with pytest.raises(InvalidArgumentError, match=r"driver must be specified.*\[x\]"):
        factory.make({"database": "y"}, "x")
    connection = factory.make({"driver": "oracle"}, "legacy")
    with pytest.raises(InvalidArgumentError, match=r"Unsupported driver \[oracle\]"):
        connection.select("select 1")


def test_sqlite_file_database_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite"
    path.touch()
    conn = Connection({"driver": "sqlite", "database": str(path), "busy_timeout": 2500})
    try:
        assert conn.scalar("pragma foreign_keys") == 1
        assert conn.scalar("pragma journal_mode") == "wal"
        assert conn.scalar("pragma busy_timeout") == 2500
    finally:
        conn.disconnect()


def test_sqlite_foreign_keys_can_be_turned_off_and_journal_chosen(
    tmp_path: Path,
) -> None:
    path = tmp_path / "app.sqlite"
    path.touch()
    conn = Connection(
        {
            "driver": "sqlite",
            "database": str(path),
            "foreign_key_constraints": False,
            "journal_mode": "delete",
            "synchronous": "off",
        }
    )
    try:
        assert conn.scalar("pragma foreign_keys") == 0
        assert conn.scalar("pragma journal_mode") == "delete"
        assert conn.scalar("pragma synchronous") == 0
    finally:
        conn.disconnect()


def test_sqlite_foreign_keys_are_enforced(connection: Connection) -> None:
    if connection.get_driver_name() != "sqlite":
        pytest.skip("SQLite pragma")
    connection.statement("create table parents (id integer primary key)")
    connection.statement(
        "create table children (id integer, parent_id integer references parents(id))"
    )
    with pytest.raises(Exception, match="FOREIGN KEY constraint failed"):
        connection.insert("insert into children values (1, 99)")


def test_missing_sqlite_file_raises_laravels_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.sqlite"
    conn = Connection({"driver": "sqlite", "database": str(missing)})
    with pytest.raises(
        SQLiteDatabaseDoesNotExistError, match=r"nope\.sqlite\] does not exist"
    ):
        conn.select("select 1")
    assert not missing.exists()


def test_sqlite_transaction_mode_is_checked(tmp_path: Path) -> None:
    conn = Connection(
        {"driver": "sqlite", "database": ":memory:", "transaction_mode": "bogus"}
    )
    with pytest.raises(ValueError, match=r"\[BOGUS\]"):
        conn.begin_transaction()
    immediate = Connection(
        {"driver": "sqlite", "database": ":memory:", "transaction_mode": "immediate"}
    )
    with immediate.transaction():
        assert immediate.scalar("select 1") == 1


def test_postgres_search_path_timezone_and_application_name(
    db_config: dict[str, t.Any], db_driver: str
) -> None:
    if db_driver != "pgsql":
        pytest.skip("PostgreSQL settings")
    conn = Connection(
        {
            **db_config,
            "search_path": "public,extra",
            "timezone": "Europe/Paris",
            "application_name": "protevus-tests",
        }
    )
    try:
        assert conn.scalar("show search_path") == "public, extra"
        assert conn.scalar("show timezone") == "Europe/Paris"
        assert (
            conn.scalar("select current_setting('application_name')")
            == "protevus-tests"
        )
    finally:
        conn.disconnect()


def test_mysql_strict_mode_and_collation(
    db_config: dict[str, t.Any], db_driver: str
) -> None:
    if db_driver != "mysql":
        pytest.skip("MySQL settings")
    strict = Connection(db_config)
    loose = Connection({**db_config, "strict": False})
    modes = Connection(
        {**db_config, "modes": ["NO_ENGINE_SUBSTITUTION", "ANSI_QUOTES"]}
    )
    try:
        assert "STRICT_TRANS_TABLES" in strict.scalar("select @@session.sql_mode")
        assert strict.scalar("select @@collation_connection") == "utf8mb4_unicode_ci"
        assert loose.scalar("select @@session.sql_mode") == "NO_ENGINE_SUBSTITUTION"
        assert "ANSI_QUOTES" in modes.scalar("select @@session.sql_mode")
    finally:
        for conn in (strict, loose, modes):
            conn.disconnect()


def test_mysql_counts_changed_rows_as_pdo(connection: Connection) -> None:
    connection.statement("create table flags (id integer, on_ integer)")
    connection.insert("insert into flags values (1, 1)")
    assert connection.update("update flags set on_ = 1 where id = 1") == (
        0 if connection.get_driver_name() == "mysql" else 1
    )


def _split_sqlite(tmp_path: Path, sticky: bool) -> tuple[Connection, Path, Path]:
    read, write = tmp_path / "read.sqlite", tmp_path / "write.sqlite"
    for path, label in ((read, "read"), (write, "write")):
        seed = Connection({"driver": "sqlite", "database": str(path.touch() or path)})
        seed.statement("create table side (label varchar(10))")
        seed.insert("insert into side values (?)", [label])
        seed.disconnect()
    conn = Connection(
        {
            "driver": "sqlite",
            "read": {"database": str(read)},
            "write": {"database": str(write)},
            "sticky": sticky,
        },
        name="split",
    )
    return conn, read, write


def test_reads_go_to_the_read_connection_and_writes_to_the_write_one(
    tmp_path: Path,
) -> None:
    conn, _, _ = _split_sqlite(tmp_path, sticky=False)
    try:
        assert conn.scalar("select label from side") == "read"
        assert conn.select_from_write_connection("select label from side") == [
            {"label": "write"}
        ]
        conn.insert("insert into side values (?)", ["new"])
        assert (
            conn.scalar("select count(*) from side") == 1
        )  # not sticky: still the read side
        with conn.transaction():
            # Inside a transaction everything uses the write connection.
            assert conn.scalar("select count(*) from side") == 2
        assert [row.label for row in conn.cursor("select label from side")] == ["read"]
        assert conn.get_read_engine() is not conn.get_engine()
    finally:
        conn.disconnect()


def test_sticky_reads_follow_a_write(tmp_path: Path) -> None:
    conn, _, _ = _split_sqlite(tmp_path, sticky=True)
    try:
        assert conn.scalar("select label from side") == "read"
        conn.update("update side set label = ?", ["changed"])
        assert conn.scalar("select label from side") == "changed"
        conn.forget_records_modification()
        assert conn.scalar("select label from side") == "read"
    finally:
        conn.disconnect()


def test_read_write_split_against_one_server(
    db_config: dict[str, t.Any], db_driver: str
) -> None:
    if db_driver != "pgsql":
        pytest.skip("uses PostgreSQL's application_name to tell the sides apart")
    conn = Connection(
        {
            **db_config,
            "read": {"application_name": "reader", "host": ["127.0.0.1", "localhost"]},
            "write": {"application_name": "writer"},
            "sticky": True,
        }
    )
    name = "select current_setting('application_name')"
    try:
        assert conn.scalar(name) == "reader"
        assert conn.scalar(name, use_read_pdo=False) == "writer"
        conn.statement("create table touched (id integer)")
        assert conn.scalar(name) == "writer"  # sticky after a write
    finally:
        conn.disconnect()


def test_the_mariadb_driver_talks_to_the_same_server(
    db_config: dict[str, t.Any], db_driver: str
) -> None:
    if db_driver != "mysql":
        pytest.skip("needs the MariaDB server")
    conn = Connection({**db_config, "driver": "mariadb"}, name="mariadb")
    try:
        assert "MariaDB" in conn.get_server_version()
        assert type(conn.get_query_grammar()).__name__ == "MariaDbGrammar"
        assert conn.table("users").to_sql() == "select * from `users`"
    finally:
        conn.disconnect()
