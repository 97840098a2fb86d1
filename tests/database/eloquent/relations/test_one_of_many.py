"""One-of-many: latest_of_many, oldest_of_many and of_many on has-one relations."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.has_one import HasOne
from protevus.database.eloquent.relations.relation import Relation
from protevus.exceptions import InvalidArgumentError


class OmUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def latest_login(self) -> HasOne:
        return self.has_one(OmLogin, "user_id").latest_of_many()

    def first_login(self) -> HasOne:
        return self.has_one(OmLogin, "user_id").oldest_of_many()

    def best_login(self) -> HasOne:
        return self.has_one(OmLogin, "user_id").of_many("votes", "max")

    def worst_login(self) -> HasOne:
        return self.has_one(OmLogin, "user_id").of_many("votes", "min")

    def logins(self) -> HasOne:
        return self.has_one(OmLogin, "user_id").latest_of_many()

    def named_login(self) -> HasOne:
        return self.has_one(OmLogin, "user_id").latest_of_many("id", "foo")

    def newest_approved(self) -> HasOne:
        return self.has_one(OmLogin, "user_id").of_many(
            {"votes": "max", "id": "max"}, lambda query: query.where("approved", True)
        )


class OmLogin(Model):
    table = "logins"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


def sql(driver: str, text: str) -> str:
    return text.replace('"', "`") if driver == "mysql" else text


@pytest.fixture
def logins(eloquent: t.Any) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name")
    with schema.create("logins") as table:
        table.id()
        table.integer("user_id")
        table.integer("votes")
        table.boolean("approved").default(False)
    ada = OmUser.create({"name": "Ada"})
    bob = OmUser.create({"name": "Bob"})
    OmUser.create({"name": "Cy"})
    for user, votes, approved in [
        (ada, 5, True),
        (ada, 9, False),
        (ada, 2, True),
        (bob, 1, True),
        (bob, 3, False),
    ]:
        OmLogin.create({"user_id": user.id, "votes": votes, "approved": approved})
    connection = eloquent.connection()
    connection.enable_query_log()
    connection.flush_query_log()
    return connection


def test_latest_of_many_sql(eloquent: t.Any, db_driver: str) -> None:
    relation = OmUser({"id": 1}).relation("latest_login")
    assert relation.is_one_of_many()
    assert relation.get_relation_name() == "latest_login"
    assert relation.to_sql() == sql(
        db_driver,
        'select "logins".* from "logins" inner join (select MAX("logins"."id") as "id_aggregate", '
        '"logins"."user_id" from "logins" where "logins"."user_id" = ? and "logins"."user_id" '
        'is not null group by "logins"."user_id") as "latest_login" on "latest_login"."id_aggregate" '
        '= "logins"."id" and "latest_login"."user_id" = "logins"."user_id" where "logins"."user_id" '
        '= ? and "logins"."user_id" is not null',
    )


def test_eager_constraints_go_into_the_sub_query(
    eloquent: t.Any, db_driver: str
) -> None:
    user = OmUser({"id": 1})
    relation = user.relation("latest_login")
    relation.add_eager_constraints([user])
    assert relation.get_one_of_many_sub_query().to_sql() == sql(
        db_driver,
        'select MAX("logins"."id") as "id_aggregate", "logins"."user_id" from "logins" where '
        '"logins"."user_id" = ? and "logins"."user_id" is not null and "logins"."user_id" in (1) '
        'group by "logins"."user_id"',
    )


def test_alias_gets_of_many_suffix_on_table_name_clash(eloquent: t.Any) -> None:
    assert OmUser({"id": 1}).relation("logins").get_relation_name() == "logins_of_many"
    assert OmUser({"id": 1}).relation("named_login").get_relation_name() == "foo"


def test_results(logins: t.Any) -> None:
    ada, bob, cy = OmUser.order_by("id").get()
    assert ada.latest_login.votes == 2
    assert ada.first_login.votes == 5
    assert ada.best_login.votes == 9
    assert ada.worst_login.votes == 2
    assert bob.best_login.votes == 3
    assert ada.newest_approved.votes == 5
    assert bob.newest_approved.votes == 1
    assert cy.latest_login is None


def test_eager_loading_one_of_many(logins: t.Any) -> None:
    users = OmUser.order_by("id").get().all()
    relation = Relation.no_constraints(lambda: OmUser().relation("best_login"))
    relation.add_eager_constraints(users)
    logins.flush_query_log()
    relation.match(relation.init_relation(users, "best"), relation.get_eager(), "best")
    assert len(logins.get_query_log()) == 1
    assert [u.get_relation("best") and u.get_relation("best").votes for u in users] == [
        9,
        3,
        None,
    ]


def test_invalid_aggregate_is_refused(eloquent: t.Any) -> None:
    with pytest.raises(InvalidArgumentError, match=r"Invalid aggregate \[avg\]"):
        OmUser({"id": 1}).has_one(OmLogin, "user_id").of_many("votes", "avg")


def test_is_checks_the_one_of_many_row(logins: t.Any) -> None:
    ada = OmUser.find(1)
    latest = OmLogin.where("user_id", 1).order_by("id", "desc").first()
    older = OmLogin.where("user_id", 1).order_by("id").first()
    assert ada.relation("latest_login").is_(latest)
    assert not ada.relation("latest_login").is_(older)


def test_existence_query_keeps_the_join(logins: t.Any) -> None:
    relation = Relation.no_constraints(lambda: OmUser().relation("best_login"))
    query = relation.get_relation_existence_query(OmLogin.query(), OmUser.query())
    assert "inner join (select" in query.to_sql()
