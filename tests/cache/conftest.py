"""Fixtures for the cache tests: a controllable clock, real Redis and real databases."""

from __future__ import annotations

import contextlib
import typing as t
import uuid
from pathlib import Path

import pytest
from protevus_test_databases import selected_drivers

from protevus.support.carbon import Carbon

#: Redis database these tests own (others use 15 for sessions).
REDIS_DB = 13


class Clock:
    """Freeze Carbon's now at a start time and move it forward on demand."""

    def __init__(self, start: float) -> None:
        self.now = start
        Carbon.set_test_now(Carbon.create_from_timestamp(start))

    def advance(self, seconds: float) -> None:
        self.now += seconds
        Carbon.set_test_now(Carbon.create_from_timestamp(self.now))


@pytest.fixture
def clock() -> t.Iterator[Clock]:
    """Freeze time (``Carbon.set_test_now``) at a fixed instant; unfreeze afterwards."""
    frozen = Clock(1_750_000_000.0)
    yield frozen
    Carbon.set_test_now(None)


@pytest.fixture
def redis_client(
    require_service: t.Callable[[str], tuple[str, int]],
) -> t.Iterator[t.Any]:
    """Return a client of the real Redis server on database 13."""
    import redis

    host, port = require_service("redis")
    client = redis.Redis(host=host, port=port, db=REDIS_DB)
    yield client
    client.close()


@pytest.fixture
def redis_prefix(redis_client: t.Any) -> t.Iterator[str]:
    """Return a prefix unique to this test; its keys are deleted afterwards."""
    prefix = f"protevus-cache-test-{uuid.uuid4().hex}:"
    yield prefix
    keys = list(redis_client.scan_iter(match=prefix + "*"))
    if keys:
        redis_client.delete(*keys)


# -- database stores on tests/databases.py's per-process databases ------------------


def database_config(driver: str, databases: t.Any, tmp_path: Path) -> dict[str, t.Any]:
    """Return a connection config; SQLite uses a file so threads share the database."""
    if driver == "sqlite":
        path = tmp_path / "cache.sqlite"
        path.touch()
        return {"driver": "sqlite", "database": str(path), "prefix": ""}
    return t.cast("dict[str, t.Any]", databases.config(driver))


def create_cache_table(conn: t.Any, table: str = "cache") -> None:
    """Create the table the skeleton's cache migration creates."""

    def columns(blueprint: t.Any) -> None:
        blueprint.string("key").primary()
        blueprint.medium_text("value")
        blueprint.integer("expiration")

    conn.get_schema_builder().create(table, columns)


@contextlib.contextmanager
def open_database(
    driver: str,
    require_service: t.Callable[[str], tuple[str, int]],
    databases: t.Any,
    tmp_path: Path,
) -> t.Iterator[t.Any]:
    """Yield a connection to an empty database of ``driver`` holding the ``cache`` table."""
    from protevus.database.connection import Connection

    if driver != "sqlite":
        require_service(driver)
    conn = Connection(database_config(driver, databases, tmp_path), name=driver)
    try:
        create_cache_table(conn)
        yield conn
    finally:
        conn.disconnect()
        databases.empty(driver)


@pytest.fixture(params=selected_drivers())
def cache_connection(
    request: pytest.FixtureRequest,
    require_service: t.Callable[[str], tuple[str, int]],
    test_databases: t.Any,
    tmp_path: Path,
) -> t.Iterator[t.Any]:
    """Return a connection (sqlite file, pgsql, mysql) to a database holding ``cache``."""
    with open_database(
        t.cast(str, request.param), require_service, test_databases, tmp_path
    ) as conn:
        yield conn


STORES = ["array", "file", "redis", *(f"database-{d}" for d in selected_drivers())]


@pytest.fixture(params=STORES)
def cache(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    require_service: t.Callable[[str], tuple[str, int]],
    test_databases: t.Any,
) -> t.Iterator[t.Any]:
    """Return a repository over one real, empty store (database: each selected driver)."""
    from protevus.cache.array_store import ArrayStore
    from protevus.cache.database_store import DatabaseStore
    from protevus.cache.file_store import FileStore
    from protevus.cache.redis_store import RedisStore
    from protevus.cache.repository import Repository

    name = t.cast(str, request.param)
    if name == "array":
        yield Repository(ArrayStore(serialize=True))
    elif name == "file":
        yield Repository(FileStore(tmp_path / "cache"))
    elif name == "redis":
        client = request.getfixturevalue("redis_client")
        prefix = request.getfixturevalue("redis_prefix")
        yield Repository(RedisStore(client, prefix))
    else:
        driver = name.removeprefix("database-")
        with open_database(driver, require_service, test_databases, tmp_path) as conn:
            yield Repository(DatabaseStore(conn, "cache", "app-cache-"))
