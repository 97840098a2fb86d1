"""unique and exists against real databases (sqlite, pgsql, mysql), string and fluent forms."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.validation.database_presence_verifier import DatabasePresenceVerifier
from protevus.validation.rule import Rule
from protevus.validation.validator import Validator


@pytest.fixture
def users(db: t.Any) -> t.Any:
    schema = db.connection().get_schema_builder()

    def columns(table: t.Any) -> None:
        table.id()
        table.string("email")
        table.string("name").nullable()
        table.integer("account_id").default(1)
        table.string("status").default("active")

    schema.create("users", columns)
    db.connection().table("users").insert(
        [
            {
                "email": "ada@example.com",
                "name": "Ada",
                "account_id": 1,
                "status": "active",
            },
            {
                "email": "bob@example.com",
                "name": None,
                "account_id": 2,
                "status": "banned",
            },
            {
                "email": "cy@example.com",
                "name": "Cy",
                "account_id": 1,
                "status": "active",
            },
        ]
    )
    return db


def check(db: t.Any, data: dict[str, t.Any], rules: dict[str, t.Any]) -> list[str]:
    validator = Validator.make(data, rules)
    validator.set_presence_verifier(DatabasePresenceVerifier(db))
    return validator.errors().all()


def test_verifier_counts(users: t.Any) -> None:
    verifier = DatabasePresenceVerifier(users)

    assert verifier.get_count("users", "email", "ada@example.com") == 1
    assert verifier.get_count("users", "email", "ada@example.com", 1, "id") == 0
    assert (
        verifier.get_count("users", "account_id", 1, None, None, {"name": "NOT_NULL"})
        == 2
    )
    assert (
        verifier.get_count("users", "account_id", 2, None, None, {"name": "NULL"}) == 1
    )
    assert (
        verifier.get_count("users", "account_id", 1, None, None, {"name": "!Ada"}) == 1
    )
    assert verifier.get_multi_count("users", "account_id", [1, 2, 3]) == 2
    scoped = {0: lambda query: query.where("status", "banned")}
    assert verifier.get_count("users", "account_id", 2, None, None, scoped) == 1


def test_unique_string_form(users: t.Any) -> None:
    taken = "The email has already been taken."

    assert check(users, {"email": "new@example.com"}, {"email": "unique:users"}) == []
    assert check(users, {"email": "ada@example.com"}, {"email": "unique:users"}) == [
        taken
    ]
    assert check(
        users, {"mail": "ada@example.com"}, {"mail": "unique:users,email"}
    ) == ["The mail has already been taken."]
    assert (
        check(users, {"email": "ada@example.com"}, {"email": "unique:users,email,1"})
        == []
    )
    assert check(
        users, {"email": "ada@example.com"}, {"email": "unique:users,email,2,id"}
    ) == [taken]
    assert (
        check(
            users,
            {"email": "ada@example.com"},
            {"email": "unique:users,email,NULL,id,account_id,2"},
        )
        == []
    )
    assert (
        check(
            users,
            {"email": "ada@example.com", "me": "1"},
            {"email": "unique:users,email,[me]"},
        )
        == []
    )


def test_unique_fluent_form(users: t.Any) -> None:
    taken = ["The email has already been taken."]

    def run(rule: t.Any, email: str = "ada@example.com") -> list[str]:
        return check(users, {"email": email}, {"email": ["required", "email", rule]})

    assert run(Rule.unique("users")) == taken
    assert run(Rule.unique("users").ignore(1)) == []
    assert run(Rule.unique("users", "email").ignore("ada@example.com", "email")) == []
    assert run(Rule.unique("users").where("account_id", 2)) == []
    assert run(Rule.unique("users").where("account_id", 1)) == taken
    assert run(Rule.unique("users").where_not("status", "active")) == []
    assert run(Rule.unique("users").where_null("name")) == []
    assert run(Rule.unique("users").where_not_null("name")) == taken
    assert run(Rule.unique("users").where(lambda q: q.where("status", "banned"))) == []
    assert run(Rule.unique("users").where("account_id", [2, 3])) == []
    assert str(Rule.unique("users").ignore(5).where("account_id", 2)) == (
        'unique:users,NULL,"5",id,account_id,"2"'
    )


class User(Model):
    table = "users"


def test_unique_with_a_model(users: t.Any) -> None:
    ada = User()
    ada.set_raw_attributes({"id": 1, "email": "ada@example.com"}, True)

    assert str(Rule.unique(User, "email")) == "unique:users,email,NULL,id"
    assert (
        check(
            users,
            {"email": "ada@example.com"},
            {"email": [Rule.unique(User).ignore(ada)]},
        )
        == []
    )
    assert (
        check(
            users,
            {"email": "ada@example.com"},
            {"email": [Rule.unique(User).ignore_model(ada, "email")]},
        )
        == []
    )
    assert check(
        users, {"email": "cy@example.com"}, {"email": [Rule.unique(User).ignore(ada)]}
    ) == ["The email has already been taken."]


def test_exists(users: t.Any) -> None:
    invalid = "The selected email is invalid."

    assert check(users, {"email": "bob@example.com"}, {"email": "exists:users"}) == []
    assert check(users, {"email": "zed@example.com"}, {"email": "exists:users"}) == [
        invalid
    ]
    assert check(
        users,
        {"email": "bob@example.com"},
        {"email": "exists:users,email,status,active"},
    ) == [invalid]
    assert check(users, {"ids": [1, 2, 2]}, {"ids": "array|exists:users,id"}) == []
    assert check(users, {"ids": [1, 9]}, {"ids": "array|exists:users,id"}) == [
        "The selected ids is invalid."
    ]
    assert check(users, {"ids": []}, {"ids": "array|exists:users,id"}) == []
    assert check(users, {"ids": [[1]]}, {"ids": "array|exists:users,id"}) == [
        "The selected ids is invalid."
    ]
    rule = Rule.exists("users", "email").where("status", "active")
    assert check(users, {"email": "ada@example.com"}, {"email": [rule]}) == []
    assert check(users, {"email": "bob@example.com"}, {"email": [rule]}) == [invalid]
    callback = Rule.exists("users", "email").where(lambda q: q.where("account_id", 2))
    assert check(users, {"email": "bob@example.com"}, {"email": [callback]}) == []


def test_wildcards_guess_the_column_from_the_last_segment(users: t.Any) -> None:
    data = {"people": [{"email": "ada@example.com"}, {"email": "zed@example.com"}]}

    assert check(users, data, {"people.*.email": "exists:users"}) == [
        "The selected people.1.email is invalid."
    ]
    assert check(users, {"ids": [1, 7]}, {"ids.*": "exists:users,id"}) == [
        "The selected ids.1 is invalid."
    ]


def test_the_column_comes_from_the_rule_never_from_the_data_keys(users: t.Any) -> None:
    from protevus.exceptions import InvalidArgumentError

    # a client sending {"items": {"password": ...}} must not choose the column
    with pytest.raises(
        InvalidArgumentError,
        match=r"\[exists\] rule on \[items.\*\] cannot guess a column .* \[exists:users,column\]",
    ):
        check(users, {"items": {"password": "x"}}, {"items.*": "exists:users"})
    # with a pattern ending in a name, odd data keys cannot change the column
    data = {"people": {'x" as y': {"email": "ada@example.com"}}}
    assert check(users, data, {"people.*.email": "exists:users"}) == []


def test_connection_prefixed_table(users: t.Any) -> None:
    name = users.get_default_connection()

    assert check(
        users, {"email": "ada@example.com"}, {"email": f"unique:{name}.users"}
    ) == ["The email has already been taken."]
