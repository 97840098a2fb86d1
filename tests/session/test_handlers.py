"""Each session driver against its real backend: database, file, redis, array, cookie."""

from __future__ import annotations

import json
import os
import time
import typing as t
from pathlib import Path

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.session.array_session_handler import ArraySessionHandler
from protevus.session.cookie_session_handler import CookieSessionHandler
from protevus.session.database_session_handler import DatabaseSessionHandler
from protevus.session.exceptions import SessionTableMissingError
from protevus.session.file_session_handler import FileSessionHandler
from protevus.session.null_session_handler import NullSessionHandler
from protevus.session.redis_session_handler import RedisSessionHandler
from protevus.session.session_handler import SessionHandler
from protevus.session.store import Store

ID = "a" * 40
OTHER = "b" * 40


def create_sessions_table(connection: t.Any) -> None:
    def columns(table: t.Any) -> None:
        table.string("id").primary()
        table.foreign_id("user_id").nullable().index()
        table.string("ip_address", 45).nullable()
        table.text("user_agent").nullable()
        table.long_text("payload")
        table.integer("last_activity").index()

    connection.get_schema_builder().create("sessions", columns)


def assert_round_trip(handler: SessionHandler) -> None:
    """The Store API over ``handler``: write, read back, update, destroy."""
    assert isinstance(handler, SessionHandler)
    assert handler.open("", "s") and handler.close()
    store = Store("s", handler)
    store.start()
    store.put("name", "Taylor")
    store.flash("status", "Saved!")
    store.save()
    again = Store("s", handler, store.get_id())
    again.start()
    assert again.get("name") == "Taylor" and again.get("status") == "Saved!"
    again.put("name", "Abigail")
    again.save()
    third = Store("s", handler, store.get_id())
    third.start()
    assert third.get("name") == "Abigail" and third.missing("status")
    assert handler.destroy(store.get_id())
    assert handler.read(store.get_id()) == ""


# -- database ---------------------------------------------------------------------


def test_database_round_trip(connection: t.Any) -> None:
    create_sessions_table(connection)
    assert_round_trip(DatabaseSessionHandler(connection, "sessions", 120))


def test_database_row_columns_and_base64_payload(connection: t.Any) -> None:
    import base64

    create_sessions_table(connection)
    handler = DatabaseSessionHandler(connection, "sessions", 120)

    class FakeRequest:  # the request parts the handler reads
        headers = {"User-Agent": "x" * 600}

        def ip(self) -> str:
            return "203.0.113.9"

    handler.set_request(FakeRequest())
    handler.write(ID, '{"a":1}')
    handler.write(ID, '{"a":2}')  # upsert: still one row
    rows = connection.table("sessions").get()
    assert len(rows) == 1
    row = rows[0]
    assert base64.b64decode(row["payload"]).decode() == '{"a":2}'
    assert row["ip_address"] == "203.0.113.9"
    assert row["user_agent"] == "x" * 500
    assert row["user_id"] is None
    assert abs(int(row["last_activity"]) - time.time()) < 60
    assert handler.read(ID) == '{"a":2}'


def test_database_expired_rows_are_ignored_and_collected(connection: t.Any) -> None:
    create_sessions_table(connection)
    handler = DatabaseSessionHandler(connection, "sessions", 1)
    handler.write(ID, "old")
    handler.write(OTHER, "fresh")
    connection.table("sessions").where("id", ID).update(
        {"last_activity": int(time.time()) - 3600}
    )
    assert handler.read(ID) == ""
    assert handler.read(OTHER) == "fresh"
    assert handler.gc(120) == 1
    assert [r["id"] for r in connection.table("sessions").get()] == [OTHER]


def test_database_missing_table_is_a_clear_error(connection: t.Any) -> None:
    handler = DatabaseSessionHandler(connection, "sessions", 120)
    with pytest.raises(SessionTableMissingError) as caught:
        handler.read(ID)
    message = str(caught.value)
    assert "The [sessions] table does not exist" in message
    assert "python artisan.py migrate" in message
    with pytest.raises(SessionTableMissingError):
        handler.write(ID, "data")


def test_database_a_broken_payload_reads_as_empty(connection: t.Any) -> None:
    create_sessions_table(connection)
    connection.table("sessions").insert(
        {"id": ID, "payload": "***not base64***", "last_activity": int(time.time())}
    )
    assert DatabaseSessionHandler(connection, "sessions", 120).read(ID) == ""


# -- file -------------------------------------------------------------------------


def test_file_round_trip(tmp_path: Path) -> None:
    assert_round_trip(FileSessionHandler(tmp_path, 120))


def test_file_one_file_per_id_and_no_temp_files_left(tmp_path: Path) -> None:
    handler = FileSessionHandler(tmp_path, 120)
    handler.write(ID, "one")
    handler.write(ID, "two")
    assert sorted(p.name for p in tmp_path.iterdir()) == [ID]
    assert (tmp_path / ID).read_text() == "two"


@pytest.mark.parametrize(
    "bad", ["../escape", "a/b", "", ".hidden", "x" * 200, "a\x00b"]
)
def test_file_refuses_ids_that_could_escape(tmp_path: Path, bad: str) -> None:
    handler = FileSessionHandler(tmp_path / "sessions", 120)
    (tmp_path / "sessions").mkdir()
    (tmp_path / "escape").write_text("secret")
    assert handler.read(bad) == ""
    with pytest.raises(InvalidArgumentError, match="letters and digits"):
        handler.write(bad, "data")
    handler.destroy(bad)
    assert (tmp_path / "escape").read_text() == "secret"


def test_file_expired_files_are_ignored_and_collected(tmp_path: Path) -> None:
    handler = FileSessionHandler(tmp_path, 1)
    handler.write(ID, "old")
    handler.write(OTHER, "fresh")
    (tmp_path / ".gitignore").write_text("*\n")
    past = time.time() - 3600
    os.utime(tmp_path / ID, (past, past))
    os.utime(tmp_path / ".gitignore", (past, past))
    assert handler.read(ID) == ""
    assert handler.read(OTHER) == "fresh"
    assert handler.gc(120) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gitignore", OTHER]


def test_file_directory_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a directory")
    handler = FileSessionHandler(tmp_path / "file" / "sessions", 120)
    assert handler.read(ID) == ""
    assert handler.gc(10) == 0
    with pytest.raises(FileNotFoundError, match="session directory .* cannot be"):
        handler.write(ID, "data")


# -- redis ------------------------------------------------------------------------


def test_redis_round_trip(redis_client: t.Any) -> None:
    assert_round_trip(RedisSessionHandler(redis_client, 120, "app_database_"))


def test_redis_keys_are_prefixed_and_expire_with_the_lifetime(
    redis_client: t.Any,
) -> None:
    handler = RedisSessionHandler(redis_client, 2, "app_database_")
    handler.write(ID, "payload")
    assert redis_client.get("app_database_" + ID) == b"payload"
    assert 110 <= redis_client.ttl("app_database_" + ID) <= 120
    assert handler.gc(120) == 0  # Redis expires keys itself
    redis_client.expire("app_database_" + ID, 1)
    time.sleep(1.1)
    assert handler.read(ID) == ""


def test_redis_refuses_malformed_ids(redis_client: t.Any) -> None:
    redis_client.set("app_*", "x")
    assert RedisSessionHandler(redis_client, 2, "app_").read("*") == ""


# -- array, null ------------------------------------------------------------------


def test_array_round_trip_and_gc() -> None:
    handler = ArraySessionHandler(120)
    assert_round_trip(handler)
    handler.write(ID, "x")
    assert handler.gc(0) == 1
    assert handler.get_storage() == {}


def test_array_expiry() -> None:
    handler = ArraySessionHandler(0)
    handler.write(ID, "x")
    time.sleep(0.01)
    assert handler.read(ID) == ""


def test_null_handler_keeps_nothing() -> None:
    handler = NullSessionHandler()
    assert handler.write(ID, "x") and handler.read(ID) == ""
    assert handler.destroy(ID) and handler.gc(1) == 0


# -- cookie -----------------------------------------------------------------------


class Jar:
    """The part of the cookie jar the handler needs: ``queue(name, value, minutes)``."""

    def __init__(self) -> None:
        self.queued: dict[str, tuple[str, float]] = {}

    def queue(self, name: str, value: str, minutes: float) -> None:
        self.queued[name] = (value, minutes)


class CookieRequest:
    def __init__(self, cookies: dict[str, str]) -> None:
        self.cookies = cookies


def test_cookie_queues_the_payload_with_an_expiry() -> None:
    jar = Jar()
    handler = CookieSessionHandler(jar, 120)
    handler.write(ID, '{"a":1}')
    value, minutes = jar.queued[ID]
    assert minutes == 120
    decoded = json.loads(value)
    assert decoded["data"] == '{"a":1}'
    assert abs(decoded["expires"] - (time.time() + 7200)) < 60
    handler.set_request(CookieRequest({ID: value}))
    assert handler.read(ID) == '{"a":1}'


def test_cookie_store_round_trip_between_requests() -> None:
    jar = Jar()
    store = Store("s", CookieSessionHandler(lambda: jar, 120))
    store.set_request_on_handler(CookieRequest({}))
    store.start()
    store.put("name", "Taylor")
    store.save()
    next_handler = CookieSessionHandler(lambda: jar, 120)
    again = Store("s", next_handler, store.get_id())
    again.set_request_on_handler(
        CookieRequest({store.get_id(): jar.queued[store.get_id()][0]})
    )
    again.start()
    assert again.get("name") == "Taylor"


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        "[1]",
        json.dumps({"data": "x", "expires": time.time() - 10}),
        json.dumps({"data": 5, "expires": time.time() + 100}),
    ],
)
def test_cookie_broken_or_expired_values_read_as_empty(raw: str) -> None:
    handler = CookieSessionHandler(Jar(), 120)
    handler.set_request(CookieRequest({ID: raw}))
    assert handler.read(ID) == ""


def test_cookie_expire_on_close_and_destroy() -> None:
    jar = Jar()
    handler = CookieSessionHandler(jar, 120, expire_on_close=True)
    assert handler.read(ID) == ""  # no request yet
    handler.write(ID, "x")
    assert jar.queued[ID][1] == 0
    handler.destroy(ID)
    assert jar.queued[ID] == ("", -2628000)
    assert handler.gc(1) == 0


def test_file_handler_creates_a_missing_session_directory(tmp_path: Path) -> None:
    from protevus.session.file_session_handler import FileSessionHandler

    directory = tmp_path / "storage" / "framework" / "sessions"
    handler = FileSessionHandler(directory, 120)
    handler.write("a" * 40, '{"x": 1}')
    assert handler.read("a" * 40) == '{"x": 1}'
    assert directory.stat().st_mode & 0o777 == 0o700
