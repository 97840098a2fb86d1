"""Writing many-to-many pivot rows: attach, detach, sync, toggle, update_existing_pivot."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.pivot import Pivot


class PoUser(Model):
    table = "users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def roles(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(PoRole, "role_user", "user_id", "role_id")

    def timed_roles(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(
            PoRole, "role_user", "user_id", "role_id"
        ).with_timestamps()

    def active_roles(self):  # type: ignore[no-untyped-def]
        return (
            self.belongs_to_many(PoRole, "role_user", "user_id", "role_id")
            .with_pivot("active")
            .where_pivot("active", True)
        )

    def pivot_roles(self):  # type: ignore[no-untyped-def]
        return (
            self.belongs_to_many(PoRole, "role_user", "user_id", "role_id")
            .using(PoRoleUser)
            .with_pivot("active", "priority")
        )


class PoRole(Model):
    table = "roles"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class PoRoleUser(Pivot):
    table = "role_user"
    timestamps = False
    casts: t.ClassVar[dict[str, str]] = {"active": "bool", "priority": "int"}


@pytest.fixture
def tables(eloquent: t.Any) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name")
    with schema.create("roles") as table:
        table.id()
        table.string("name").unique()
    with schema.create("role_user") as table:
        table.integer("user_id")
        table.integer("role_id")
        table.boolean("active").default(False)
        table.integer("priority").nullable()
        table.timestamps()
    return eloquent


@pytest.fixture
def people(tables: t.Any) -> dict[str, t.Any]:
    user = PoUser.create({"name": "Ada"})
    other = PoUser.create({"name": "Bob"})
    roles = [
        PoRole.create({"name": name}) for name in ("admin", "editor", "viewer", "guest")
    ]
    return {"user": user, "other": other, "roles": roles}


def rows(db: t.Any, user_id: t.Any = None) -> list[dict[str, t.Any]]:
    query = db.connection().table("role_user").order_by("user_id").order_by("role_id")
    if user_id is not None:
        query.where("user_id", user_id)
    return [
        {
            "user_id": int(r["user_id"]),
            "role_id": int(r["role_id"]),
            "active": bool(r["active"]),
            "priority": r["priority"],
        }
        for r in query.get()
    ]


def role_ids(db: t.Any, user_id: t.Any) -> list[int]:
    return [row["role_id"] for row in rows(db, user_id)]


# -- attach ------------------------------------------------------------------------


def test_attach_takes_an_id_a_list_a_model_or_a_collection(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, viewer, guest) = people["user"], people["roles"]
    assert user.roles().attach(admin.id) is None
    user.roles().attach([editor.id])
    user.roles().attach(viewer)
    user.roles().attach(PoRole.where("name", "guest").get())
    assert role_ids(tables, user.id) == [admin.id, editor.id, viewer.id, guest.id]
    assert role_ids(tables, people["other"].id) == []


def test_attach_writes_extra_pivot_columns(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, viewer, _) = people["user"], people["roles"]
    user.roles().attach([admin.id, editor.id], {"active": True})
    user.roles().attach({viewer.id: {"priority": 3}})
    assert rows(tables, user.id) == [
        {"user_id": user.id, "role_id": admin.id, "active": True, "priority": None},
        {"user_id": user.id, "role_id": editor.id, "active": True, "priority": None},
        {"user_id": user.id, "role_id": viewer.id, "active": False, "priority": 3},
    ]


def test_attach_sql_is_one_insert(
    people: dict[str, t.Any], tables: t.Any, db_driver: str
) -> None:
    user, (admin, editor, _, _) = people["user"], people["roles"]
    connection = tables.connection()
    connection.enable_query_log()
    user.roles().attach([admin.id, editor.id])
    log = connection.get_query_log()
    assert len(log) == 1
    expected = 'insert into "role_user" ("role_id", "user_id") values (?, ?), (?, ?)'
    assert log[0]["query"] == (
        expected.replace('"', "`") if db_driver == "mysql" else expected
    )
    assert log[0]["bindings"] == [admin.id, user.id, editor.id, user.id]


def test_attach_with_timestamps_fills_both_columns(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, *_) = people["user"], people["roles"]
    user.timed_roles().attach(admin)
    row = tables.connection().table("role_user").first()
    assert row["created_at"] is not None
    assert row["updated_at"] is not None
    assert user.timed_roles().first().pivot.created_at is not None


def test_attach_an_empty_list_does_nothing(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    people["user"].roles().attach([])
    assert rows(tables) == []


# -- detach ------------------------------------------------------------------------


def test_detach_given_ids_returns_the_number_of_rows(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, viewer, _) = people["user"], people["roles"]
    user.roles().attach([admin.id, editor.id, viewer.id])
    people["other"].roles().attach(admin.id)
    assert user.roles().detach(admin.id) == 1
    assert user.roles().detach([editor, viewer.id, 999]) == 2
    assert role_ids(tables, user.id) == []
    assert role_ids(tables, people["other"].id) == [admin.id]


def test_detach_without_ids_removes_every_row_of_the_parent(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, _, _) = people["user"], people["roles"]
    user.roles().attach([admin.id, editor.id])
    people["other"].roles().attach(editor.id)
    assert user.roles().detach() == 2
    assert role_ids(tables, user.id) == []
    assert role_ids(tables, people["other"].id) == [editor.id]


def test_detach_an_empty_list_deletes_nothing(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, *_) = people["user"], people["roles"]
    user.roles().attach(admin.id)
    assert user.roles().detach([]) == 0
    assert role_ids(tables, user.id) == [admin.id]


def test_pivot_wheres_limit_detach(people: dict[str, t.Any], tables: t.Any) -> None:
    user, (admin, editor, _, _) = people["user"], people["roles"]
    user.roles().attach({admin.id: {"active": True}, editor.id: {"active": False}})
    assert user.active_roles().detach() == 1
    assert role_ids(tables, user.id) == [editor.id]


# -- sync --------------------------------------------------------------------------


def test_sync_returns_the_changes(people: dict[str, t.Any], tables: t.Any) -> None:
    user, (admin, editor, viewer, guest) = people["user"], people["roles"]
    user.roles().attach([admin.id, editor.id])
    changes = user.roles().sync([editor.id, viewer.id, guest.id])
    assert changes == {
        "attached": [viewer.id, guest.id],
        "detached": [admin.id],
        "updated": [],
    }
    assert role_ids(tables, user.id) == [editor.id, viewer.id, guest.id]


def test_sync_takes_string_ids_and_models_and_casts_keys(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, viewer, _) = people["user"], people["roles"]
    user.roles().attach(admin.id)
    changes = user.roles().sync(
        [str(admin.id), editor, PoRole.where("id", viewer.id).get()[0]]
    )
    assert changes == {
        "attached": [editor.id, viewer.id],
        "detached": [],
        "updated": [],
    }


def test_sync_with_pivot_values_updates_existing_rows(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, _, _) = people["user"], people["roles"]
    user.roles().attach([admin.id, editor.id])
    changes = user.roles().sync({admin.id: {"priority": 5}, editor.id: {}})
    assert changes == {"attached": [], "detached": [], "updated": [admin.id]}
    assert [row["priority"] for row in rows(tables, user.id)] == [5, None]
    again = user.roles().sync({admin.id: {"priority": 6}})
    assert again == {"attached": [], "detached": [editor.id], "updated": [admin.id]}


def test_sync_with_an_empty_list_detaches_everything(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, _, _) = people["user"], people["roles"]
    user.roles().attach([admin.id, editor.id])
    changes = user.roles().sync([])
    assert sorted(changes["detached"]) == [admin.id, editor.id]
    assert changes["attached"] == changes["updated"] == []
    assert rows(tables) == []


def test_sync_without_detaching_keeps_existing_rows(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, _, _) = people["user"], people["roles"]
    user.roles().attach(admin.id)
    changes = user.roles().sync_without_detaching([editor.id])
    assert changes == {"attached": [editor.id], "detached": [], "updated": []}
    assert role_ids(tables, user.id) == [admin.id, editor.id]


def test_sync_with_pivot_values_gives_every_row_the_values(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, viewer, _) = people["user"], people["roles"]
    user.roles().attach(admin.id)
    changes = user.roles().sync_with_pivot_values(
        [admin.id, editor.id, viewer.id], {"active": True}
    )
    assert changes == {
        "attached": [editor.id, viewer.id],
        "detached": [],
        "updated": [admin.id],
    }
    assert [row["active"] for row in rows(tables, user.id)] == [True, True, True]


def test_sync_only_touches_rows_of_the_parent(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, other, (admin, editor, _, _) = (
        people["user"],
        people["other"],
        people["roles"],
    )
    other.roles().attach([admin.id, editor.id])
    user.roles().sync([admin.id])
    assert role_ids(tables, other.id) == [admin.id, editor.id]


# -- toggle ------------------------------------------------------------------------


def test_toggle_attaches_missing_and_detaches_present(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, viewer, _) = people["user"], people["roles"]
    user.roles().attach([admin.id, editor.id])
    changes = user.roles().toggle([editor.id, viewer.id])
    assert changes == {"attached": [viewer.id], "detached": [editor.id]}
    assert role_ids(tables, user.id) == [admin.id, viewer.id]


def test_toggle_with_pivot_values(people: dict[str, t.Any], tables: t.Any) -> None:
    user, (admin, *_) = people["user"], people["roles"]
    assert user.roles().toggle({admin.id: {"priority": 2}}) == {
        "attached": [admin.id],
        "detached": [],
    }
    assert rows(tables, user.id)[0]["priority"] == 2


# -- update_existing_pivot ---------------------------------------------------------


def test_update_existing_pivot_returns_rows_changed(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, _, _) = people["user"], people["roles"]
    user.roles().attach([admin.id, editor.id])
    assert user.roles().update_existing_pivot(admin.id, {"priority": 9}) == 1
    assert user.roles().update_existing_pivot(999, {"priority": 9}) == 0
    assert [row["priority"] for row in rows(tables, user.id)] == [9, None]


def test_update_existing_pivot_sets_updated_at_with_timestamps(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, *_) = people["user"], people["roles"]
    user.roles().attach(admin.id)
    user.timed_roles().update_existing_pivot(admin, {"priority": 1})
    row = tables.connection().table("role_user").first()
    assert row["created_at"] is None
    assert row["updated_at"] is not None


def test_all_related_ids(people: dict[str, t.Any], tables: t.Any) -> None:
    user, (admin, editor, _, _) = people["user"], people["roles"]
    user.roles().attach([editor.id, admin.id])
    assert sorted(int(i) for i in user.roles().all_related_ids()) == [
        admin.id,
        editor.id,
    ]


# -- a custom pivot class (using) ---------------------------------------------------


def test_using_class_attaches_through_pivot_models(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, _, _) = people["user"], people["roles"]
    user.pivot_roles().attach([admin.id, editor.id], {"active": True})
    assert [(r["role_id"], r["active"]) for r in rows(tables, user.id)] == [
        (admin.id, True),
        (editor.id, True),
    ]
    role = user.pivot_roles().where("roles.id", admin.id).first()
    assert isinstance(role.pivot, PoRoleUser)
    assert role.pivot.exists is True


def test_using_class_updates_and_detaches_by_pivot_keys(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, other, (admin, editor, _, _) = (
        people["user"],
        people["other"],
        people["roles"],
    )
    user.pivot_roles().attach([admin.id, editor.id])
    other.pivot_roles().attach(admin.id)
    assert user.pivot_roles().update_existing_pivot(admin.id, {"priority": 4}) == 1
    assert user.pivot_roles().update_existing_pivot(admin.id, {"priority": 4}) == 0
    assert user.pivot_roles().detach(admin.id) == 1
    assert rows(tables) == [
        {"user_id": user.id, "role_id": editor.id, "active": False, "priority": None},
        {"user_id": other.id, "role_id": admin.id, "active": False, "priority": None},
    ]


def test_using_class_sync(people: dict[str, t.Any], tables: t.Any) -> None:
    user, (admin, editor, viewer, _) = people["user"], people["roles"]
    user.pivot_roles().attach([admin.id, editor.id])
    changes = user.pivot_roles().sync({editor.id: {"priority": 2}, viewer.id: {}})
    assert changes == {
        "attached": [viewer.id],
        "detached": [admin.id],
        "updated": [editor.id],
    }
    assert [(r["role_id"], r["priority"]) for r in rows(tables, user.id)] == [
        (editor.id, 2),
        (viewer.id, None),
    ]


def test_pivot_model_saves_and_deletes_its_row(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, editor, _, _) = people["user"], people["roles"]
    user.roles().attach([admin.id, editor.id])
    pivot = user.pivot_roles().where("roles.id", editor.id).first().pivot
    pivot.priority = 7
    pivot.save()
    assert [r["priority"] for r in rows(tables, user.id)] == [None, 7]
    assert pivot.delete() == 1
    assert role_ids(tables, user.id) == [admin.id]


def test_using_class_casts_pivot_columns(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    user, (admin, *_) = people["user"], people["roles"]
    user.pivot_roles().attach(admin, {"active": True, "priority": "3"})
    pivot = user.pivot_roles().first().pivot
    assert pivot.active is True
    assert pivot.priority == 3


def test_camel_case_aliases(people: dict[str, t.Any], tables: t.Any) -> None:
    user, (admin, editor, _, _) = people["user"], people["roles"]
    user.roles().syncWithoutDetaching([admin.id])
    user.roles().updateExistingPivot(admin.id, {"priority": 2})
    assert [r["priority"] for r in rows(tables, user.id)] == [2]
    assert user.roles().wherePivotIn("priority", [2]).first().id == admin.id
    assert user.roles().toggle([editor.id]) == {"attached": [editor.id], "detached": []}


def test_create_or_first_attaches_the_existing_row_on_a_unique_violation(
    people: dict[str, t.Any], tables: t.Any
) -> None:
    other, (admin, *_) = people["other"], people["roles"]
    found = other.roles().create_or_first({"name": "admin"}, {}, {"priority": 6})
    assert found.id == admin.id
    assert rows(tables, other.id)[0]["priority"] == 6
    created = other.roles().create_or_first({"name": "owner"})
    assert created.was_recently_created is True
    assert sorted(r.name for r in other.roles) == ["admin", "owner"]
