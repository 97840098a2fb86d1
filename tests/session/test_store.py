"""The session Store API: attributes, flash data, old input, token, ids and migration."""

from __future__ import annotations

import typing as t

import pytest

from protevus.session.array_session_handler import ArraySessionHandler
from protevus.session.store import Store


@pytest.fixture
def handler() -> ArraySessionHandler:
    return ArraySessionHandler(120)


def started(handler: ArraySessionHandler, id: str | None = None) -> Store:
    store = Store("app-session", handler, id)
    store.start()
    return store


def next_request(store: Store, handler: ArraySessionHandler) -> Store:
    """Save ``store`` and load its session again, as the following request would."""
    store.save()
    return started(handler, store.get_id())


def test_start_creates_a_token_and_a_valid_id(handler: ArraySessionHandler) -> None:
    store = Store("app-session", handler)
    assert not store.is_started()
    assert store.start() is True
    assert store.is_started()
    assert len(store.get_id()) == 40 and store.get_id().isalnum()
    token = store.token()
    assert isinstance(token, str) and len(token) == 40
    assert store.get_name() == "app-session"
    assert store.id() == store.get_id()


def test_the_token_survives_requests_and_rotates_on_regenerate_token(
    handler: ArraySessionHandler,
) -> None:
    store = started(handler)
    token = store.token()
    again = next_request(store, handler)
    assert again.token() == token
    again.regenerate_token()
    assert again.token() != token


@pytest.mark.parametrize(
    "bad_id", [None, "", "short", "a" * 41, "../../etc/passwd" + "a" * 24, "é" * 40, 42]
)
def test_an_invalid_id_is_replaced(handler: ArraySessionHandler, bad_id: t.Any) -> None:
    store = Store("s", handler, bad_id)
    assert store.get_id() != bad_id
    assert Store.is_valid_id(store.get_id())


def test_an_unknown_valid_id_starts_an_empty_session(
    handler: ArraySessionHandler,
) -> None:
    store = started(handler, "A" * 40)
    assert store.get_id() == "A" * 40
    assert list(store.all()) == ["_token"]


def test_put_get_with_dot_notation_and_defaults(handler: ArraySessionHandler) -> None:
    store = started(handler)
    store.put("user.name", "Taylor")
    store.put({"team": "core", "user.role": "admin"})
    assert store.get("user") == {"name": "Taylor", "role": "admin"}
    assert store.get("user.name") == "Taylor"
    assert store.get("missing", "fallback") == "fallback"
    assert store.get("missing", lambda: "computed") == "computed"
    store.replace({"team": "docs"})
    assert store.get("team") == "docs"


def test_exists_missing_has_and_has_any(handler: ArraySessionHandler) -> None:
    store = started(handler)
    store.put("nothing", None)
    store.put("name", "Taylor")
    assert store.exists("nothing") and store.exists(["name", "nothing"])
    assert not store.exists("nope") and store.missing("nope")
    assert not store.missing("name", "nothing")
    assert store.has("name") and not store.has("nothing")
    assert not store.has(["name", "nothing"])
    assert store.has_any(["nothing", "name"]) and not store.has_any("nothing", "nope")


def test_only_except_all(handler: ArraySessionHandler) -> None:
    store = started(handler)
    store.put({"a": 1, "b": 2, "c": 3})
    assert store.only(["a", "b"]) == {"a": 1, "b": 2}
    assert store.only("a", "c") == {"a": 1, "c": 3}
    assert "a" not in store.except_(["a", "_token"])
    assert store.except_(["a", "_token"]) == {"b": 2, "c": 3}
    assert store.all()["c"] == 3


def test_pull_forget_remove_flush(handler: ArraySessionHandler) -> None:
    store = started(handler)
    store.put({"a": 1, "b": {"c": 2, "d": 3}, "e": 4})
    assert store.pull("a") == 1 and not store.exists("a")
    assert store.pull("gone", "default") == "default"
    store.forget("b.c")
    assert store.get("b") == {"d": 3}
    store.forget(["b", "e"])
    assert store.missing("b", "e")
    store.put("x", 5)
    assert store.remove("x") == 5
    store.flush()
    assert store.all() == {}


def test_push_increment_decrement_remember(handler: ArraySessionHandler) -> None:
    store = started(handler)
    store.push("cart.items", "apple")
    store.push("cart.items", "pear")
    assert store.get("cart.items") == ["apple", "pear"]
    assert store.increment("visits") == 1
    assert store.increment("visits", 5) == 6
    assert store.decrement("visits", 2) == 4
    calls: list[int] = []
    assert store.remember("cached", lambda: calls.append(1) or "v") == "v"
    assert store.remember("cached", lambda: calls.append(1) or "w") == "v"
    assert calls == [1]


def test_flash_lives_for_exactly_the_next_request(handler: ArraySessionHandler) -> None:
    first = started(handler)
    first.flash("status", "Saved!")
    assert first.get("status") == "Saved!"
    assert first.get("_flash.new") == ["status"]
    second = next_request(first, handler)
    assert second.get("status") == "Saved!"
    assert second.get("_flash.old") == ["status"]
    assert second.get("_flash.new") == []
    third = next_request(second, handler)
    assert third.missing("status")
    assert third.get("_flash") == {"old": [], "new": []}


def test_flash_defaults_to_true(handler: ArraySessionHandler) -> None:
    store = started(handler)
    store.flash("welcome")
    assert store.get("welcome") is True


def test_now_flashes_for_the_current_request_only(handler: ArraySessionHandler) -> None:
    store = started(handler)
    store.now("notice", "Here only")
    assert store.get("notice") == "Here only"
    assert next_request(store, handler).missing("notice")


def test_reflash_keeps_everything_for_one_more_request(
    handler: ArraySessionHandler,
) -> None:
    first = started(handler)
    first.flash("a", 1)
    first.flash("b", 2)
    second = next_request(first, handler)
    second.reflash()
    third = next_request(second, handler)
    assert third.get("a") == 1 and third.get("b") == 2
    assert next_request(third, handler).missing("a", "b")


def test_keep_keeps_only_the_given_keys(handler: ArraySessionHandler) -> None:
    first = started(handler)
    first.flash("a", 1)
    first.flash("b", 2)
    second = next_request(first, handler)
    second.keep(["a"])
    third = next_request(second, handler)
    assert third.get("a") == 1 and third.missing("b")
    second_again = next_request(third, handler)
    assert second_again.missing("a")


def test_keep_without_keys_keeps_nothing(handler: ArraySessionHandler) -> None:
    first = started(handler)
    first.flash("a", 1)
    second = next_request(first, handler)
    second.keep()
    assert next_request(second, handler).missing("a")


def test_flashing_again_refreshes_an_old_flash(handler: ArraySessionHandler) -> None:
    first = started(handler)
    first.flash("a", 1)
    second = next_request(first, handler)
    second.flash("a", 2)
    assert second.get("_flash.old") == []
    assert next_request(second, handler).get("a") == 2


def test_old_input(handler: ArraySessionHandler) -> None:
    first = started(handler)
    assert not first.has_old_input()
    first.flash_input({"title": "Hello", "tags": {"first": "news"}, "empty": None})
    second = next_request(first, handler)
    assert second.has_old_input()
    assert second.has_old_input("title")
    assert not second.has_old_input("empty")
    assert not second.has_old_input("nope")
    assert second.get_old_input("title") == "Hello"
    assert second.get_old_input("tags.first") == "news"
    assert second.get_old_input("nope", "default") == "default"
    assert second.get_old_input()["title"] == "Hello"
    third = next_request(second, handler)
    assert not third.has_old_input()


def test_migrate_keeps_the_data_under_a_new_id(handler: ArraySessionHandler) -> None:
    store = started(handler)
    store.put("name", "Taylor")
    store.save()
    old_id = store.get_id()
    assert store.migrate() is True
    assert store.get_id() != old_id and store.get("name") == "Taylor"
    assert handler.read(old_id) != ""  # not destroyed


def test_migrate_with_destroy_removes_the_old_session(
    handler: ArraySessionHandler,
) -> None:
    store = started(handler)
    store.save()
    old_id = store.get_id()
    store.migrate(destroy=True)
    assert handler.read(old_id) == ""


def test_regenerate_changes_the_id_and_the_token(handler: ArraySessionHandler) -> None:
    store = started(handler)
    store.put("name", "Taylor")
    old_id, old_token = store.get_id(), store.token()
    store.regenerate()
    assert store.get_id() != old_id and store.token() != old_token
    assert store.get("name") == "Taylor"


def test_invalidate_flushes_and_destroys(handler: ArraySessionHandler) -> None:
    store = started(handler)
    store.put("name", "Taylor")
    store.save()
    old_id = store.get_id()
    assert store.invalidate() is True
    assert store.get_id() != old_id
    assert store.missing("name") and store.token() is None
    assert handler.read(old_id) == ""


def test_previous_url_and_route(handler: ArraySessionHandler) -> None:
    store = started(handler)
    assert store.previous_url() is None
    store.set_previous_url("http://localhost/posts?page=2")
    store.set_previous_route("posts.index")
    again = next_request(store, handler)
    assert again.previous_url() == "http://localhost/posts?page=2"
    assert again.previous_route() == "posts.index"
    assert again.get("_previous") == {
        "url": "http://localhost/posts?page=2",
        "route": "posts.index",
    }


def test_password_confirmed_records_a_timestamp(handler: ArraySessionHandler) -> None:
    store = started(handler)
    store.password_confirmed()
    assert isinstance(store.get("auth.password_confirmed_at"), int)


def test_handler_access_and_camel_case_twins(handler: ArraySessionHandler) -> None:
    store = started(handler)
    assert store.get_handler() is handler
    store.put("a", 1)
    assert store.hasAny("a") and store.getId() == store.get_id()


def test_a_tampered_payload_starts_an_empty_session(
    handler: ArraySessionHandler,
) -> None:
    handler.write("B" * 40, '{"_token": {"$protevus": "evil", "v": 1}}')
    store = started(handler, "B" * 40)
    assert list(store.all()) == ["_token"]
    handler.write("C" * 40, "not json at all")
    assert list(started(handler, "C" * 40).all()) == ["_token"]
