"""StartSession end to end through an application, and the session manager."""

from __future__ import annotations

import typing as t
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from protevus.session.array_session_handler import ArraySessionHandler
from protevus.session.session_manager import SessionManager
from protevus.session.store import Store
from protevus.testing.client import TestClient


def create_sessions_table(connection: t.Any) -> None:
    def columns(table: t.Any) -> None:
        table.string("id").primary()
        table.foreign_id("user_id").nullable().index()
        table.string("ip_address", 45).nullable()
        table.text("user_agent").nullable()
        table.long_text("payload")
        table.integer("last_activity").index()

    connection.get_schema_builder().create("sessions", columns)


def session_cookie(response: t.Any, name: str = "protevus-session") -> t.Any:
    for header in response.headers.getlist("Set-Cookie"):
        parsed: SimpleCookie = SimpleCookie()
        parsed.load(header)
        if name in parsed:
            return parsed[name]
    return None


def test_the_cookie_is_http_only_lax_and_not_secure_over_http(
    session_app: t.Any,
) -> None:
    response = TestClient(session_app()).get("/put?name=Taylor")
    assert response.status_code == 200
    cookie = session_cookie(response)
    assert cookie is not None
    assert Store.is_valid_id(cookie.value)
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]
    assert cookie["path"] == "/"
    assert cookie["max-age"] == "7200"


def test_the_cookie_is_secure_over_https(session_app: t.Any) -> None:
    response = TestClient(session_app()).get("https://localhost/put?name=Taylor")
    assert session_cookie(response)["secure"] is True


def test_cookie_settings_come_from_the_config(session_app: t.Any) -> None:
    app = session_app(
        "SESSION_DRIVER=array\nSESSION_COOKIE=my_app_session\nSESSION_SECURE_COOKIE=true\n"
        "SESSION_SAME_SITE=strict\nSESSION_DOMAIN=example.com\nSESSION_PATH=/app\n"
        "SESSION_EXPIRE_ON_CLOSE=true\nSESSION_HTTP_ONLY=false\n"
    )
    cookie = session_cookie(TestClient(app).get("/put"), "my_app_session")
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["domain"] == "example.com"
    assert cookie["path"] == "/app"
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # browser session
    assert not cookie["httponly"]


def test_a_partitioned_cookie(session_app: t.Any) -> None:
    app = session_app("SESSION_DRIVER=array\nSESSION_PARTITIONED_COOKIE=true\n")
    header = TestClient(app).get("/put").headers.getlist("Set-Cookie")[0]
    assert "; Partitioned" in header and "; Secure" in header  # CHIPS needs Secure


@pytest.mark.parametrize("driver", ["array", "file", "database"])
def test_the_session_persists_across_requests(
    session_app: t.Any, tmp_path: Path, driver: str
) -> None:
    env = f"SESSION_DRIVER={driver}\n"
    if driver == "database":
        env += f"DB_CONNECTION=sqlite\nDB_DATABASE={tmp_path / 'app.sqlite'}\n"
        (tmp_path / "app.sqlite").touch()
    app = session_app(env)
    if driver == "database":
        create_sessions_table(app.make("db").connection())
    client = TestClient(app)
    first = client.get("/put?name=Taylor")
    assert first.status_code == 200, first.get_data(as_text=True)[:300]
    body = client.get("/show").get_json()
    assert body["all"]["name"] == "Taylor"
    assert body["facade"] == "Taylor"  # the Session facade reaches this request's store
    assert body["previous"] == "http://localhost/put?name=Taylor"
    if driver == "file":
        files = list((tmp_path / "storage" / "framework" / "sessions").iterdir())
        assert [f.name for f in files] == [session_cookie(first).value]


def test_flash_data_shows_on_the_next_request_only(session_app: t.Any) -> None:
    client = TestClient(session_app())
    assert client.get("/flash").status_code == 200
    assert client.get("/show").get_json()["all"]["status"] == "Saved!"
    assert "status" not in client.get("/show").get_json()["all"]


def test_the_token_is_stable_and_regenerate_changes_id_and_token(
    session_app: t.Any,
) -> None:
    client = TestClient(session_app())
    first = client.get("/put?x=1")
    token = client.get("/show").get_json()["token"]
    assert client.get("/show").get_json()["token"] == token
    regenerated = client.get("/regenerate")
    assert session_cookie(regenerated).value != session_cookie(first).value
    after = client.get("/show").get_json()
    assert after["token"] != token
    assert after["all"]["x"] == "1"  # the data moved to the new id


def test_post_and_ajax_requests_do_not_change_the_previous_url(
    session_app: t.Any,
) -> None:
    client = TestClient(session_app())
    client.get("/put?page=1")
    client.post("/show")
    client.get("/show", headers={"X-Requested-With": "XMLHttpRequest"})
    client.get("/show", headers={"Sec-Purpose": "prefetch"})
    assert client.get("/show").get_json()["previous"] == "http://localhost/put?page=1"


def test_routes_without_the_middleware_get_no_session_cookie(
    session_app: t.Any,
) -> None:
    response = TestClient(session_app()).get("/api/ping")
    assert response.get_json() == {"pong": True}
    assert response.headers.getlist("Set-Cookie") == []


@pytest.mark.parametrize("forged", ["A" * 40, "../../etc/passwd", "x" * 39, ""])
def test_an_unknown_or_tampered_id_starts_a_fresh_session(
    session_app: t.Any, forged: str
) -> None:
    client = TestClient(session_app("SESSION_DRIVER=file\n"))
    client.get("/put?name=Taylor")
    client.with_unencrypted_cookie("protevus-session", forged)
    response = client.get("/show")
    assert response.get_json()["all"] == {}
    new_id = session_cookie(response).value
    assert Store.is_valid_id(new_id)
    if Store.is_valid_id(forged):
        assert new_id == forged  # Laravel keeps a well-formed unknown id
    else:
        assert new_id != forged


def test_an_unsupported_value_gives_a_clear_error(session_app: t.Any) -> None:
    response = TestClient(session_app()).get("/bad")
    assert response.status_code == 500
    text = response.get_data(as_text=True)
    assert "SessionSerializationError" in text
    assert "key [thing]" in text


def test_a_missing_sessions_table_gives_a_clear_error(
    session_app: t.Any, tmp_path: Path
) -> None:
    app = session_app(
        f"SESSION_DRIVER=database\nDB_CONNECTION=sqlite\nDB_DATABASE={tmp_path / 'a.sqlite'}\n"
    )
    (tmp_path / "a.sqlite").touch()
    response = TestClient(app).get("/show")
    assert response.status_code == 500
    assert "The [sessions] table does not exist" in response.get_data(as_text=True)


def test_garbage_is_collected_when_the_lottery_is_won(session_app: t.Any) -> None:
    app = session_app()
    app.make("config").set("session.lottery", [1, 1])
    client = TestClient(app)
    client.get("/put?name=Taylor")
    handler = app.make("session").make_store().get_handler()
    assert isinstance(handler, ArraySessionHandler)
    handler.write("Z" * 40, "stale")
    app.make("config").set("session.lifetime", 0)
    client.get("/show")
    assert "Z" * 40 not in handler.get_storage()


def test_no_driver_means_no_session(session_app: t.Any) -> None:
    app = session_app()
    app.make("config").set("session.driver", None)
    response = TestClient(app).get("/api/ping")
    assert response.headers.getlist("Set-Cookie") == []


# -- the manager ---------------------------------------------------------------------


def test_the_manager_builds_each_driver(session_app: t.Any, tmp_path: Path) -> None:
    from protevus.session.cookie_session_handler import CookieSessionHandler
    from protevus.session.database_session_handler import DatabaseSessionHandler
    from protevus.session.encrypted_store import EncryptedStore
    from protevus.session.file_session_handler import FileSessionHandler
    from protevus.session.null_session_handler import NullSessionHandler
    from protevus.session.redis_session_handler import RedisSessionHandler

    app = session_app()
    manager = app.make("session")
    assert isinstance(manager, SessionManager)
    assert manager.get_default_driver() == "array"
    kinds = {
        "file": FileSessionHandler,
        "cookie": CookieSessionHandler,
        "database": DatabaseSessionHandler,
        "redis": RedisSessionHandler,
        "null": NullSessionHandler,
    }
    for name, kind in kinds.items():
        assert isinstance(manager.driver(name).get_handler(), kind)
    file_handler = manager.driver("file").get_handler()
    assert file_handler.get_path() == tmp_path / "storage" / "framework" / "sessions"
    app.make("config").set("session.encrypt", True)
    assert isinstance(manager.make_store(), EncryptedStore)
    with pytest.raises(Exception, match=r"Driver \[mongo\] not supported"):
        manager.driver("mongo")


def test_the_facade_helper_and_session_store_reach_one_store(
    session_app: t.Any,
) -> None:
    from protevus.foundation.helpers import session
    from protevus.support.facades.session import Session

    app = session_app()
    session({"name": "Taylor"})
    assert session("name") == "Taylor"
    assert Session.get("name") == "Taylor"
    assert app.make("session.store") is app.make("session").driver()
    assert app.make(Store) is app.make("session.store")
    manager = app.make("session")
    manager.set_default_driver("file")
    assert app.make("config").get("session.driver") == "file"


def test_extend_registers_a_custom_driver(session_app: t.Any) -> None:
    app = session_app()
    shared = ArraySessionHandler(5)
    app.make("session").extend("memory", lambda container: shared)
    app.make("config").set("session.driver", "memory")
    client = TestClient(app)
    client.get("/put?name=Taylor")
    assert client.get("/show").get_json()["all"]["name"] == "Taylor"
    assert len(shared.get_storage()) == 1


def test_each_thread_outside_a_request_gets_its_own_store(session_app: t.Any) -> None:
    import threading

    manager = session_app().make("session")
    manager.put("who", "main")
    seen: list[t.Any] = []
    thread = threading.Thread(target=lambda: seen.append(manager.get("who")))
    thread.start()
    thread.join()
    assert seen == [None] and manager.get("who") == "main"


def test_start_session_is_one_shared_instance(session_app: t.Any) -> None:
    from protevus.session.middleware.start_session import StartSession

    app = session_app()
    assert app.make(StartSession) is app.make(StartSession)


def test_session_calls_outside_the_middleware_never_reach_the_next_request(
    session_app: t.Any,
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    app = session_app()
    # one worker thread serves both clients, as a threaded server reuses threads
    with ThreadPoolExecutor(1) as pool:
        alice = pool.submit(lambda: TestClient(app).get("/api/put/alice").json())
        assert alice.result() == {"got": "alice"}
        bob = pool.submit(lambda: TestClient(app).get("/api/peek").json())
        assert bob.result() == {"got": None}
    assert TestClient(app).get("/api/peek").json() == {"got": None}
