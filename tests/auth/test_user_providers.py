"""The ``eloquent`` and ``database`` user providers against a real sqlite table."""

from __future__ import annotations

import typing as t

import pytest

LOGIN = {"email": "taylor@example.com", "password": "secret"}


@pytest.fixture(params=["eloquent", "database"])
def provider(request: pytest.FixtureRequest, auth_app: t.Any) -> t.Any:
    env = auth_app()
    env.make_user(remember_token="t" * 60)
    env.make_user(email="dayle@example.com", active=False)
    if request.param == "database":
        env.set_config("auth.providers.users", {"driver": "database", "table": "users"})
    provider = env.app.make("auth").create_user_provider("users")
    provider.env = env
    return provider


def test_retrieve_by_id(provider: t.Any) -> None:
    user = provider.retrieve_by_id(1)
    assert user.email == "taylor@example.com"
    assert user.get_auth_identifier() == 1
    assert provider.retrieve_by_id(999) is None


def test_retrieve_by_credentials_ignores_passwords(provider: t.Any) -> None:
    user = provider.retrieve_by_credentials({**LOGIN, "password": "ignored"})
    assert user.get_auth_identifier() == 1
    assert provider.retrieve_by_credentials({"password": "secret"}) is None
    assert provider.retrieve_by_credentials({}) is None
    assert (
        provider.retrieve_by_credentials(
            {"email": "taylor@example.com", "password_confirmation": "x"}
        ).get_auth_identifier()
        == 1
    )
    assert provider.retrieve_by_credentials({"email": "nobody@example.com"}) is None


def test_retrieve_by_credentials_lists_and_callables(provider: t.Any) -> None:
    found = provider.retrieve_by_credentials(
        {"email": ["dayle@example.com", "x@example.com"]}
    )
    assert found.get_auth_identifier() == 2
    active = provider.retrieve_by_credentials(
        {
            "email": "dayle@example.com",
            "active": lambda query: query.where("active", True),
        }
    )
    assert active is None


def test_validate_credentials(provider: t.Any) -> None:
    user = provider.retrieve_by_id(1)
    assert provider.validate_credentials(user, LOGIN) is True
    assert provider.validate_credentials(user, {**LOGIN, "password": "nope"}) is False
    assert provider.validate_credentials(user, {"email": "taylor@example.com"}) is False


def test_remember_tokens(provider: t.Any) -> None:
    assert provider.retrieve_by_token(1, "t" * 60).get_auth_identifier() == 1
    assert provider.retrieve_by_token(1, "x" * 60) is None
    assert provider.retrieve_by_token(1, "") is None
    assert provider.retrieve_by_token(2, "") is None  # no token stored
    assert provider.retrieve_by_token(999, "t" * 60) is None

    user = provider.retrieve_by_id(1)
    provider.update_remember_token(user, "n" * 60)

    assert user.get_remember_token() == "n" * 60
    assert provider.retrieve_by_token(1, "n" * 60) is not None
    assert provider.retrieve_by_token(1, "t" * 60) is None


def test_rehash_password_if_required(provider: t.Any) -> None:
    hasher = provider.env.app.make("hash")
    user = provider.retrieve_by_id(1)
    original = user.get_auth_password()

    provider.rehash_password_if_required(user, LOGIN)
    assert provider.retrieve_by_id(1).get_auth_password() == original

    provider.rehash_password_if_required(user, LOGIN, force=True)
    forced = provider.retrieve_by_id(1).get_auth_password()
    assert forced != original and hasher.check("secret", forced)
    assert user.get_auth_password() == forced


def test_eloquent_remember_token_update_keeps_updated_at(auth_app: t.Any) -> None:
    env = auth_app()
    user = env.make_user()
    env.user_model.where("id", user.id).update({"updated_at": "2000-01-01 00:00:00"})
    provider = env.app.make("auth").create_user_provider("users")
    fresh = provider.retrieve_by_id(user.id)

    provider.update_remember_token(fresh, "r" * 60)

    row = env.app.make("db").table("users").where("id", user.id).first()
    assert row["remember_token"] == "r" * 60
    assert str(row["updated_at"]).startswith("2000-01-01")
    assert "timestamps" not in fresh.__dict__


def test_eloquent_with_query_and_model_class(auth_app: t.Any) -> None:
    env = auth_app()
    env.make_user(active=False)
    provider = env.app.make("auth").create_user_provider("users")
    assert provider.get_model() is env.user_model

    provider.with_query(lambda query: query.where("active", True))

    assert provider.retrieve_by_credentials({"email": "taylor@example.com"}) is None
    assert provider.retrieve_by_id(1) is None
    assert provider.get_query_callback() is not None


def test_database_provider_logs_users_in(auth_app: t.Any) -> None:
    env = auth_app()
    user = env.make_user()
    env.set_config("auth.providers.users", {"driver": "database", "table": "users"})
    client = env.client()

    assert client.post("/login", {**LOGIN, "password": "nope"}).json()["ok"] is False
    assert client.post("/login", {**LOGIN, "remember": "1"}).json()["ok"] is True
    assert client.get("/me").json()["id"] == user.id
    client.post("/logout")
    assert client.get("/me").json()["id"] is None
