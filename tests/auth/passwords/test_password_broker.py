"""PasswordBroker against real tables: Laravel's status keys for every outcome."""

from __future__ import annotations

import typing as t

import pytest

from protevus.auth.passwords.database_token_repository import DatabaseTokenRepository
from protevus.auth.passwords.password_broker import PasswordBroker
from protevus.support.carbon import Carbon


@pytest.fixture
def broker(tables: t.Any, hasher: t.Any, users: t.Any) -> PasswordBroker:
    tokens = DatabaseTokenRepository(
        tables, hasher, "password_reset_tokens", b"key", 60, 60
    )
    return PasswordBroker(tokens, users)


def _send(broker: PasswordBroker, email: str) -> tuple[str, list[t.Any]]:
    sent: list[t.Any] = []
    status = broker.send_reset_link(
        {"email": email}, lambda user, token: sent.append((user, token))
    )
    return status, sent


def test_status_keys_are_laravels() -> None:
    assert PasswordBroker.RESET_LINK_SENT == "passwords.sent"
    assert PasswordBroker.PASSWORD_RESET == "passwords.reset"
    assert PasswordBroker.INVALID_USER == "passwords.user"
    assert PasswordBroker.INVALID_TOKEN == "passwords.token"
    assert PasswordBroker.RESET_THROTTLED == "passwords.throttled"


def test_send_reset_link_hands_the_plain_token_to_the_callback(
    broker: PasswordBroker, tables: t.Any
) -> None:
    status, sent = _send(broker, "ada@example.com")

    assert status == "passwords.sent"
    [(user, token)] = sent
    assert user.email == "ada@example.com"
    assert len(token) == 64
    row = tables.table("password_reset_tokens").first()
    assert row["email"] == "ada@example.com"
    assert row["token"] != token
    assert broker.token_exists(user, token)


def test_a_callback_result_replaces_the_status(broker: PasswordBroker) -> None:
    status = broker.send_reset_link(
        {"email": "ada@example.com"}, lambda user, token: "custom.status"
    )

    assert status == "custom.status"


def test_unknown_email_is_invalid_user(broker: PasswordBroker, tables: t.Any) -> None:
    status, sent = _send(broker, "nobody@example.com")

    assert status == "passwords.user"
    assert sent == []
    assert tables.table("password_reset_tokens").count() == 0


def test_a_second_request_within_the_throttle_is_throttled(
    broker: PasswordBroker, frozen_now: t.Any
) -> None:
    start = Carbon.create(2030, 1, 1, 12, 0, 0)
    frozen_now(start)
    assert _send(broker, "ada@example.com")[0] == "passwords.sent"

    frozen_now(start.add_seconds(30))
    status, sent = _send(broker, "ada@example.com")
    assert status == "passwords.throttled"
    assert sent == []

    frozen_now(start.add_seconds(61))
    assert _send(broker, "ada@example.com")[0] == "passwords.sent"


def _reset(
    broker: PasswordBroker, credentials: dict[str, t.Any]
) -> tuple[str, list[t.Any]]:
    calls: list[t.Any] = []
    status = broker.reset(
        credentials, lambda user, password: calls.append((user, password))
    )
    return status, calls


def test_reset_with_a_wrong_token_is_invalid_token(
    broker: PasswordBroker, tables: t.Any
) -> None:
    _send(broker, "ada@example.com")

    for token in ("wrong", "", None):
        status, calls = _reset(
            broker,
            {"email": "ada@example.com", "token": token, "password": "new-secret"},
        )
        assert status == "passwords.token"
        assert calls == []
    status, calls = _reset(broker, {"email": "ada@example.com", "password": "x"})
    assert status == "passwords.token"
    assert tables.table("password_reset_tokens").count() == 1


def test_reset_with_another_users_token_is_invalid_token(
    broker: PasswordBroker,
) -> None:
    [(_, ada_token)] = _send(broker, "ada@example.com")[1]
    _send(broker, "bob@example.com")

    status, calls = _reset(
        broker, {"email": "bob@example.com", "token": ada_token, "password": "x"}
    )

    assert status == "passwords.token"
    assert calls == []


def test_reset_with_an_expired_token_is_invalid_token(
    broker: PasswordBroker, frozen_now: t.Any
) -> None:
    start = Carbon.create(2030, 1, 1, 12, 0, 0)
    frozen_now(start)
    [(_, token)] = _send(broker, "ada@example.com")[1]

    frozen_now(start.add_minutes(61))
    status, calls = _reset(
        broker, {"email": "ada@example.com", "token": token, "password": "x"}
    )

    assert status == "passwords.token"
    assert calls == []


def test_reset_with_the_right_token_calls_back_and_deletes_the_token(
    broker: PasswordBroker, tables: t.Any
) -> None:
    [(_, token)] = _send(broker, "ada@example.com")[1]

    status, calls = _reset(
        broker,
        {
            "email": "ada@example.com",
            "token": token,
            "password": "new-secret",
            "password_confirmation": "new-secret",
        },
    )

    assert status == "passwords.reset"
    [(user, password)] = calls
    assert user.email == "ada@example.com"
    assert password == "new-secret"
    assert tables.table("password_reset_tokens").count() == 0
    # the token works once
    again, calls = _reset(
        broker, {"email": "ada@example.com", "token": token, "password": "x"}
    )
    assert again == "passwords.token"


def test_reset_for_an_unknown_email_is_invalid_user(broker: PasswordBroker) -> None:
    status, calls = _reset(
        broker, {"email": "nobody@example.com", "token": "t", "password": "x"}
    )

    assert status == "passwords.user"
    assert calls == []


def test_token_helpers(broker: PasswordBroker, users: t.Any) -> None:
    ada = users.retrieve_by_credentials({"email": "ada@example.com"})

    token = broker.create_token(ada)
    assert broker.token_exists(ada, token)
    broker.delete_token(ada)
    assert not broker.tokenExists(ada, token)  # type: ignore[attr-defined]
    assert broker.get_repository() is broker.tokens
    assert (
        broker.get_user({"email": "ada@example.com", "token": "ignored"}).id == ada.id
    )


def test_a_user_without_can_reset_password_is_refused(
    tables: t.Any, hasher: t.Any
) -> None:
    class PlainProvider:
        def retrieve_by_credentials(self, credentials: t.Any) -> object:
            return object()

    tokens = DatabaseTokenRepository(tables, hasher, "password_reset_tokens", b"k")
    broker = PasswordBroker(tokens, PlainProvider())

    with pytest.raises(TypeError, match=r"User \[object\] cannot reset its password"):
        broker.send_reset_link({"email": "ada@example.com"})
