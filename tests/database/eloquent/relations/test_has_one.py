"""HasOne: SQL, lazy results, defaults, writes, eager hooks and model comparison."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.has_one import HasOne
from protevus.database.eloquent.relations.relation import Relation


class HoUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def phone(self) -> HasOne:
        return self.has_one(HoPhone)  # key from get_foreign_key(): ho_user_id

    def contact(self) -> HasOne:
        return self.has_one(HoPhone, "user_id")

    def contact_or_blank(self) -> HasOne:
        return self.has_one(HoPhone, "user_id").with_default({"number": "none"})


class HoPhone(Model):
    table = "phones"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


def sql(driver: str, text: str) -> str:
    return text.replace('"', "`") if driver == "mysql" else text


@pytest.fixture
def phones(eloquent: t.Any) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name")
    with schema.create("phones") as table:
        table.id()
        table.integer("user_id").nullable()
        table.integer("ho_user_id").nullable()
        table.string("number")
    ada = HoUser.create({"name": "Ada"})
    HoUser.create({"name": "Bob"})
    HoPhone.create({"user_id": ada.id, "ho_user_id": ada.id, "number": "555"})
    connection = eloquent.connection()
    connection.enable_query_log()
    connection.flush_query_log()
    return connection


def test_foreign_key_defaults_to_the_parent_snake_name(
    eloquent: t.Any, db_driver: str
) -> None:
    relation = HoUser({"id": 3}).relation("phone")
    assert relation.get_foreign_key_name() == HoUser().get_foreign_key()
    assert relation.to_sql() == sql(
        db_driver,
        f'select * from "phones" where "phones"."{HoUser().get_foreign_key()}" = ? '
        f'and "phones"."{HoUser().get_foreign_key()}" is not null',
    )


def test_lazy_results(phones: t.Any) -> None:
    ada, bob = HoUser.order_by("id").get()
    assert ada.contact.number == "555"
    assert bob.contact is None
    assert bob.relation_loaded("contact")
    assert ada.phone.number == "555"


def test_with_default(phones: t.Any) -> None:
    bob = HoUser.find(2)
    blank = bob.contact_or_blank
    assert blank.number == "none" and blank.user_id == 2 and not blank.exists
    assert HoUser.find(1).contact_or_blank.number == "555"


def test_create_and_save_through_has_one(phones: t.Any) -> None:
    bob = HoUser.find(2)
    phone = bob.relation("contact").create({"number": "777"})
    assert phone.user_id == 2 and phone.exists
    assert HoUser.find(2).contact.number == "777"


def test_eager_hooks(phones: t.Any, db_driver: str) -> None:
    users = HoUser.order_by("id").get().all()
    relation = Relation.no_constraints(lambda: HoUser().relation("contact"))
    relation.add_eager_constraints(users)
    assert relation.to_sql() == sql(
        db_driver, 'select * from "phones" where "phones"."user_id" in (1, 2)'
    )
    relation.match(
        relation.init_relation(users, "contact"), relation.get_eager(), "contact"
    )
    assert users[0].get_relation("contact").number == "555"
    assert users[1].get_relation("contact") is None


def test_eager_init_uses_the_default_model(phones: t.Any) -> None:
    users = HoUser.order_by("id").get().all()
    relation = Relation.no_constraints(lambda: HoUser().relation("contact_or_blank"))
    relation.add_eager_constraints(users)
    relation.match(
        relation.init_relation(users, "blank"), relation.get_eager(), "blank"
    )
    assert [u.get_relation("blank").number for u in users] == ["555", "none"]


def test_is_compares_keys_table_and_connection(phones: t.Any) -> None:
    ada = HoUser.find(1)
    phone = HoPhone.find(1)
    assert ada.relation("contact").is_(phone)
    assert not HoUser.find(2).relation("contact").is_(phone)
    assert ada.relation("contact").is_not(HoUser.find(1))


def test_existence_query(eloquent: t.Any, db_driver: str) -> None:
    relation = Relation.no_constraints(lambda: HoUser().relation("contact"))
    built = relation.get_relation_existence_query(HoPhone.query(), HoUser.query())
    assert built.to_sql() == sql(
        db_driver, 'select * from "phones" where "users"."id" = "phones"."user_id"'
    )
