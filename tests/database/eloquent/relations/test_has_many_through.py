"""HasManyThrough and HasOneThrough: the join SQL, results, eager hooks, existence queries."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.exceptions import ModelNotFoundError
from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.has_many_through import HasManyThrough
from protevus.database.eloquent.relations.has_one_through import HasOneThrough
from protevus.database.eloquent.relations.relation import Relation
from protevus.database.eloquent.soft_deletes import SoftDeletes


class ThCountry(Model):
    table = "countries"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def posts(self) -> HasManyThrough:
        return self.has_many_through(ThPost, ThUser, "country_id", "user_id")

    def first_post(self) -> HasOneThrough:
        return self.has_one_through(ThPost, ThUser, "country_id", "user_id")

    def posts_by_code(self) -> HasManyThrough:
        return self.has_many_through(
            ThPost, ThUser, "country_code", "user_id", "code", "id"
        )


class ThTrashableUser(SoftDeletes, Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class ThCountryWithTrash(Model):
    table = "countries"
    timestamps = False

    def posts(self) -> HasManyThrough:
        return self.has_many_through(ThPost, ThTrashableUser, "country_id", "user_id")


class ThUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class ThPost(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


def sql(driver: str, text: str) -> str:
    return text.replace('"', "`") if driver == "mysql" else text


@pytest.fixture
def world(eloquent: t.Any) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    with schema.create("countries") as table:
        table.id()
        table.string("code")
    with schema.create("users") as table:
        table.id()
        table.integer("country_id")
        table.string("country_code")
        table.soft_deletes()
    with schema.create("posts") as table:
        table.id()
        table.integer("user_id")
        table.string("title")
    fr = ThCountry.create({"code": "fr"})
    de = ThCountry.create({"code": "de"})
    ThCountry.create({"code": "it"})
    anne = ThUser.create({"country_id": fr.id, "country_code": "fr"})
    bert = ThUser.create({"country_id": fr.id, "country_code": "fr"})
    carl = ThUser.create({"country_id": de.id, "country_code": "de"})
    ThPost.create({"user_id": anne.id, "title": "a1"})
    ThPost.create({"user_id": bert.id, "title": "b1"})
    ThPost.create({"user_id": carl.id, "title": "c1"})
    ThPost.create({"user_id": anne.id, "title": "a2"})
    connection = eloquent.connection()
    connection.enable_query_log()
    connection.flush_query_log()
    return connection


def test_sql(eloquent: t.Any, db_driver: str) -> None:
    relation = ThCountry({"id": 1}).relation("posts")
    assert isinstance(relation, HasManyThrough)
    assert relation.to_sql() == sql(
        db_driver,
        'select * from "posts" inner join "users" on "users"."id" = "posts"."user_id" '
        'where "users"."country_id" = ?',
    )
    built = relation.prepare_query_builder()
    assert built.to_sql() == sql(
        db_driver,
        'select "posts".*, "users"."country_id" as "laravel_through_key" from "posts" '
        'inner join "users" on "users"."id" = "posts"."user_id" where "users"."country_id" = ?',
    )


def test_lazy_results(world: t.Any) -> None:
    fr = ThCountry.find(1)
    assert sorted(p.title for p in fr.posts) == ["a1", "a2", "b1"]
    assert len(ThCountry.find(3).posts) == 0
    assert ThCountry.find(2).first_post.title == "c1"
    assert ThCountry.find(3).first_post is None


def test_custom_keys(world: t.Any) -> None:
    de = ThCountry.find(2)
    assert [p.title for p in de.posts_by_code] == ["c1"]


def test_query_methods(world: t.Any) -> None:
    fr = ThCountry.find(1)
    assert fr.posts().where("title", "a2").first().title == "a2"
    assert fr.posts().find(2).title == "b1"
    assert fr.posts().find(3) is None
    assert sorted(p.title for p in fr.posts().find_many([1, 2, 3])) == ["a1", "b1"]
    with pytest.raises(ModelNotFoundError):
        fr.posts().find_or_fail(3)
    assert fr.posts().first_or(lambda: "none").title in ("a1", "a2", "b1")
    assert ThCountry.find(3).posts().first_or(lambda: "none") == "none"
    with pytest.raises(ModelNotFoundError):
        ThCountry.find(3).posts().first_or_fail()
    assert fr.posts().count() == 3


def test_chunk_and_each(world: t.Any) -> None:
    seen: list[str] = []
    ThCountry.find(1).posts().order_by("posts.id").chunk(
        2, lambda rows: seen.extend(p.title for p in rows)
    )
    assert seen == ["a1", "b1", "a2"]
    titles: list[str] = []
    ThCountry.find(1).posts().order_by("posts.id").each(
        lambda post, key: titles.append(post.title)
    )
    assert titles == ["a1", "b1", "a2"]


def test_eager_hooks(world: t.Any, db_driver: str) -> None:
    countries = ThCountry.order_by("id").get().all()
    relation = Relation.no_constraints(lambda: ThCountry().relation("posts"))
    relation.add_eager_constraints(countries)
    assert relation.to_sql() == sql(
        db_driver,
        'select * from "posts" inner join "users" on "users"."id" = "posts"."user_id" '
        'where "users"."country_id" in (1, 2, 3)',
    )
    relation.match(
        relation.init_relation(countries, "posts"), relation.get_eager(), "posts"
    )
    assert [sorted(p.title for p in c.get_relation("posts")) for c in countries] == [
        ["a1", "a2", "b1"],
        ["c1"],
        [],
    ]


def test_has_one_through_eager_hooks(world: t.Any) -> None:
    countries = ThCountry.order_by("id").get().all()
    relation = Relation.no_constraints(lambda: ThCountry().relation("first_post"))
    relation.add_eager_constraints(countries)
    relation.match(
        relation.init_relation(countries, "first"), relation.get_eager(), "first"
    )
    assert countries[1].get_relation("first").title == "c1"
    assert countries[2].get_relation("first") is None


def test_existence_query(eloquent: t.Any, db_driver: str) -> None:
    relation = Relation.no_constraints(lambda: ThCountry().relation("posts"))
    built = relation.get_relation_existence_query(ThPost.query(), ThCountry.query())
    assert built.to_sql() == sql(
        db_driver,
        'select * from "posts" inner join "users" on "users"."id" = "posts"."user_id" '
        'where "countries"."id" = "users"."country_id"',
    )


def test_one_turns_has_many_through_into_has_one_through(world: t.Any) -> None:
    one = ThCountry.find(2).posts().one()
    assert isinstance(one, HasOneThrough)
    assert one.get_results().title == "c1"


def test_soft_deleted_middle_rows_are_skipped(world: t.Any, db_driver: str) -> None:
    ThTrashableUser.find(2).delete()
    country = ThCountryWithTrash.find(1)
    assert country.posts().to_sql() == sql(
        db_driver,
        'select * from "posts" inner join "users" on "users"."id" = "posts"."user_id" '
        'where "users"."country_id" = ? and "users"."deleted_at" is null',
    )
    assert sorted(p.title for p in country.posts) == ["a1", "a2"]
    assert sorted(p.title for p in country.posts().with_trashed_parents().get()) == [
        "a1",
        "a2",
        "b1",
    ]


def test_touch_updates_the_related_rows(world: t.Any) -> None:
    class Stamped(Model):
        table = "stamped"
        guarded: t.ClassVar[list[str]] = []

    schema = world.get_schema_builder()
    with schema.create("stamped") as table:
        table.id()
        table.integer("country_id")
        table.timestamps()
    Stamped.query().insert({"country_id": 1, "updated_at": "2000-01-01 00:00:00"})
    ThCountry.find(1).has_many(Stamped, "country_id").touch()
    assert not str(Stamped.find(1).updated_at).startswith("2000")
