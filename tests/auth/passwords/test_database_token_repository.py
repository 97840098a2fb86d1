"""DatabaseTokenRepository against real tables: hashed tokens, expiry and throttle."""

from __future__ import annotations

import re
import typing as t

import pytest

from protevus.auth.passwords.database_token_repository import DatabaseTokenRepository
from protevus.support.carbon import Carbon

KEY = b"k" * 32


def _repository(
    tables: t.Any, hasher: t.Any, expire: int = 60, throttle: int = 60
) -> DatabaseTokenRepository:
    return DatabaseTokenRepository(
        tables, hasher, "password_reset_tokens", KEY, expire, throttle
    )


def _rows(tables: t.Any) -> list[t.Any]:
    return list(tables.table("password_reset_tokens").get())


def test_create_stores_a_hash_and_returns_the_plain_token(
    tables: t.Any, hasher: t.Any, users: t.Any
) -> None:
    repository = _repository(tables, hasher)
    ada = users.retrieve_by_credentials({"email": "ada@example.com"})

    token = repository.create(ada)

    assert re.fullmatch(r"[0-9a-f]{64}", token)
    [row] = _rows(tables)
    assert row["email"] == "ada@example.com"
    assert row["token"] != token
    assert row["token"].startswith("$2y$04$")
    assert hasher.check(token, row["token"])
    assert row["created_at"] is not None
    assert repository.exists(ada, token)


def test_a_new_token_replaces_the_old_one(
    tables: t.Any, hasher: t.Any, users: t.Any
) -> None:
    repository = _repository(tables, hasher)
    ada = users.retrieve_by_credentials({"email": "ada@example.com"})
    bob = users.retrieve_by_credentials({"email": "bob@example.com"})

    first = repository.create(ada)
    second = repository.create(ada)
    repository.create(bob)

    assert first != second
    assert sorted(row["email"] for row in _rows(tables)) == [
        "ada@example.com",
        "bob@example.com",
    ]
    assert not repository.exists(ada, first)
    assert repository.exists(ada, second)


@pytest.mark.parametrize("given", ["", "wrong", "0" * 64, None, 123])
def test_exists_refuses_a_wrong_token(
    tables: t.Any, hasher: t.Any, users: t.Any, given: t.Any
) -> None:
    repository = _repository(tables, hasher)
    ada = users.retrieve_by_credentials({"email": "ada@example.com"})
    repository.create(ada)

    assert repository.exists(ada, given) is False


def test_exists_is_false_without_a_row(
    tables: t.Any, hasher: t.Any, users: t.Any
) -> None:
    repository = _repository(tables, hasher)
    ada = users.retrieve_by_credentials({"email": "ada@example.com"})

    assert repository.exists(ada, "a" * 64) is False
    assert repository.recently_created_token(ada) is False


def test_a_token_expires_after_expire_minutes(
    tables: t.Any, hasher: t.Any, users: t.Any, frozen_now: t.Any
) -> None:
    repository = _repository(tables, hasher, expire=60)
    ada = users.retrieve_by_credentials({"email": "ada@example.com"})
    start = Carbon.create(2030, 1, 1, 12, 0, 0)
    frozen_now(start)
    token = repository.create(ada)

    frozen_now(start.add_minutes(60))
    assert repository.exists(ada, token)

    frozen_now(start.add_minutes(60).add_seconds(1))
    assert not repository.exists(ada, token)


def test_recently_created_token_follows_the_throttle(
    tables: t.Any, hasher: t.Any, users: t.Any, frozen_now: t.Any
) -> None:
    repository = _repository(tables, hasher, throttle=60)
    ada = users.retrieve_by_credentials({"email": "ada@example.com"})
    start = Carbon.create(2030, 1, 1, 12, 0, 0)
    frozen_now(start)
    repository.create(ada)

    frozen_now(start.add_seconds(59))
    assert repository.recently_created_token(ada)

    frozen_now(start.add_seconds(60))
    assert not repository.recently_created_token(ada)


def test_a_zero_throttle_never_throttles(
    tables: t.Any, hasher: t.Any, users: t.Any
) -> None:
    repository = _repository(tables, hasher, throttle=0)
    ada = users.retrieve_by_credentials({"email": "ada@example.com"})
    repository.create(ada)

    assert repository.recently_created_token(ada) is False


def test_delete_removes_the_users_token_only(
    tables: t.Any, hasher: t.Any, users: t.Any
) -> None:
    repository = _repository(tables, hasher)
    ada = users.retrieve_by_credentials({"email": "ada@example.com"})
    bob = users.retrieve_by_credentials({"email": "bob@example.com"})
    token = repository.create(ada)
    repository.create(bob)

    repository.delete(ada)

    assert [row["email"] for row in _rows(tables)] == ["bob@example.com"]
    assert not repository.exists(ada, token)


def test_delete_expired_keeps_fresh_tokens(
    tables: t.Any, hasher: t.Any, users: t.Any, frozen_now: t.Any
) -> None:
    repository = _repository(tables, hasher, expire=60)
    ada = users.retrieve_by_credentials({"email": "ada@example.com"})
    bob = users.retrieve_by_credentials({"email": "bob@example.com"})
    start = Carbon.create(2030, 1, 1, 12, 0, 0)
    frozen_now(start)
    repository.create(ada)
    frozen_now(start.add_minutes(30))
    repository.create(bob)

    frozen_now(start.add_minutes(61))
    assert repository.delete_expired() == 1

    assert [row["email"] for row in _rows(tables)] == ["bob@example.com"]


def test_new_tokens_are_random_hex(tables: t.Any, hasher: t.Any) -> None:
    repository = _repository(tables, hasher)

    tokens = {repository.create_new_token() for _ in range(50)}

    assert len(tokens) == 50
    assert all(re.fullmatch(r"[0-9a-f]{64}", token) for token in tokens)
    assert "password_reset_tokens" in repository.get_table().to_sql()
    assert repository.get_hasher() is hasher
    assert repository.get_connection() is tables
    assert repository.expires == 3600


def test_camel_case_aliases(tables: t.Any, hasher: t.Any, users: t.Any) -> None:
    repository = _repository(tables, hasher)
    ada = users.retrieve_by_credentials({"email": "ada@example.com"})
    token = repository.create(ada)

    assert repository.recentlyCreatedToken(ada)  # type: ignore[attr-defined]
    repository.deleteExpired()  # type: ignore[attr-defined]
    assert repository.exists(ada, token)
