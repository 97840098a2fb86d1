"""Many-to-many relations: the pivot table, pivot columns, constraints, finders and writes."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.exceptions import ModelNotFoundError
from protevus.database.eloquent.model import Model
from protevus.database.eloquent.relations.belongs_to_many import BelongsToMany
from protevus.database.eloquent.relations.pivot import Pivot
from protevus.database.exceptions import InvalidQueryArgumentError


class User(Model):
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def roles(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(Role).with_pivot("active", "priority", "expires_at")

    def podcasts(self):  # type: ignore[no-untyped-def]
        return (
            self.belongs_to_many(Podcast, "subscriptions")
            .as_("subscription")
            .with_timestamps()
        )

    def custom_roles(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(Role, RoleUser).with_pivot("priority")

    def admin_roles(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(Role).with_pivot_value("priority", 1)

    def friends(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(User, "friendships", "user_id", "friend_id")


class Role(Model):
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def users(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(User)


class Podcast(Model):
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class RoleUser(Pivot):
    table = "role_user"

    def label(self) -> str:
        return f"{self.user_id}:{self.role_id}"


class Post(Model):
    guarded: t.ClassVar[list[str]] = []
    updated_at_column = "updated_at"
    touches: t.ClassVar[list[str]] = ["tags"]

    def tags(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(Tag)

    def keyed_tags(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(
            Tag, "post_tag", "post_slug", "tag_code", "slug", "code"
        )


class Tag(Model):
    guarded: t.ClassVar[list[str]] = []


def sql(driver: str, text: str) -> str:
    """Write the expected SQL with double quotes; MySQL quotes with backticks."""
    return text.replace('"', "`") if driver == "mysql" else text


@pytest.fixture
def tables(eloquent: t.Any) -> t.Any:
    schema = eloquent.connection().get_schema_builder()
    with schema.create("users") as table:
        table.id()
        table.string("name")
    with schema.create("roles") as table:
        table.id()
        table.string("name")
    with schema.create("role_user") as table:
        table.integer("user_id")
        table.integer("role_id")
        table.boolean("active").default(False)
        table.integer("priority").nullable()
        table.date("expires_at").nullable()
    with schema.create("podcasts") as table:
        table.id()
        table.string("title")
    with schema.create("subscriptions") as table:
        table.integer("user_id")
        table.integer("podcast_id")
        table.timestamps()
    with schema.create("friendships") as table:
        table.integer("user_id")
        table.integer("friend_id")
    with schema.create("posts") as table:
        table.id()
        table.string("slug").nullable()
        table.string("title")
        table.timestamps()
    with schema.create("tags") as table:
        table.id()
        table.string("code").nullable()
        table.string("name")
        table.timestamps()
    with schema.create("post_tag") as table:
        table.integer("post_id").nullable()
        table.integer("tag_id").nullable()
        table.string("post_slug").nullable()
        table.string("tag_code").nullable()
    return eloquent


@pytest.fixture
def staff(tables: t.Any) -> dict[str, t.Any]:
    ada = User.create({"name": "Ada"})
    bob = User.create({"name": "Bob"})
    admin, editor, viewer = (
        Role.create({"name": n}) for n in ("admin", "editor", "viewer")
    )
    ada.roles().attach(
        {admin.id: {"active": True, "priority": 1}, editor.id: {"priority": 3}}
    )
    ada.roles().attach(viewer.id, {"priority": 2, "expires_at": "2030-01-01"})
    bob.roles().attach(editor.id, {"active": True, "priority": 5})
    return {"ada": ada, "bob": bob, "admin": admin, "editor": editor, "viewer": viewer}


def names(models: t.Iterable[t.Any]) -> list[str]:
    return [model.name for model in models]


# -- conventions and SQL --------------------------------------------------------------


def test_pivot_table_and_keys_follow_the_conventions(tables: t.Any) -> None:
    relation = Post().relation("tags")
    assert isinstance(relation, BelongsToMany)
    assert relation.get_table() == "post_tag"
    assert relation.get_foreign_pivot_key_name() == "post_id"
    assert relation.get_related_pivot_key_name() == "tag_id"
    assert relation.get_parent_key_name() == "id"
    assert relation.get_related_key_name() == "id"
    assert relation.get_relation_name() == "tags"
    assert relation.get_qualified_foreign_pivot_key_name() == "post_tag.post_id"
    assert relation.get_pivot_accessor() == "pivot"
    assert User().relation("roles").get_table() == "role_user"


def test_relation_query_sql(tables: t.Any, db_driver: str) -> None:
    user = User.create({"name": "Ada"})
    relation = user.relation("roles")
    assert relation.to_sql() == sql(
        db_driver,
        'select * from "roles" inner join "role_user" on "roles"."id" = "role_user"."role_id" '
        'where "role_user"."user_id" = ?',
    )
    assert relation.get_bindings() == [user.id]


def test_get_selects_the_aliased_pivot_columns(
    staff: dict[str, t.Any], db_driver: str
) -> None:
    connection = staff["ada"].get_connection()
    connection.enable_query_log()
    staff["ada"].relation("roles").get()
    assert connection.get_query_log()[-1]["query"] == sql(
        db_driver,
        'select "roles".*, "role_user"."user_id" as "pivot_user_id", '
        '"role_user"."role_id" as "pivot_role_id", "role_user"."active" as "pivot_active", '
        '"role_user"."priority" as "pivot_priority", "role_user"."expires_at" as '
        '"pivot_expires_at" from "roles" inner join "role_user" on "roles"."id" = '
        '"role_user"."role_id" where "role_user"."user_id" = ?',
    )


# -- reading ------------------------------------------------------------------------


def test_lazy_load_gives_each_model_its_pivot(staff: dict[str, t.Any]) -> None:
    roles = staff["ada"].roles
    assert sorted(names(roles)) == ["admin", "editor", "viewer"]
    admin = next(role for role in roles if role.name == "admin")
    assert isinstance(admin.pivot, Pivot)
    assert int(admin.pivot.user_id) == staff["ada"].id
    assert int(admin.pivot.role_id) == staff["admin"].id
    assert bool(admin.pivot.active) is True
    assert admin.pivot.exists is True
    assert "pivot_user_id" not in admin.get_attributes()
    assert admin.pivot.get_table() == "role_user"


def test_inverse_relation_and_empty_results(staff: dict[str, t.Any]) -> None:
    assert sorted(names(staff["editor"].users)) == ["Ada", "Bob"]
    assert len(User().roles) == 0
    assert len(Role.create({"name": "unused"}).users) == 0


def test_as_renames_the_pivot_and_with_timestamps_fills_it(tables: t.Any) -> None:
    user = User.create({"name": "Ada"})
    podcast = Podcast.create({"title": "Talk"})
    user.podcasts().attach(podcast)
    loaded = user.podcasts().first()
    assert loaded.subscription.created_at is not None
    assert loaded.subscription.updated_at is not None
    assert loaded.relation_loaded("pivot") is False
    assert user.relation("podcasts").get_pivot_columns() == ["created_at", "updated_at"]


def test_with_timestamps_can_rename_or_skip_columns(tables: t.Any) -> None:
    relation = User().relation("roles")
    relation.with_timestamps("added_on", False)
    assert relation.created_at() == "added_on"
    assert "added_on" in relation.get_pivot_columns()
    assert relation.with_timestamps_value is True


def test_where_pivot_filters(staff: dict[str, t.Any]) -> None:
    ada = staff["ada"]
    assert names(ada.roles().where_pivot("active", True).get()) == ["admin"]
    assert names(
        ada.roles().where_pivot("priority", ">", 1).order_by("name").get()
    ) == [
        "editor",
        "viewer",
    ]
    assert names(
        ada.roles().where_pivot_in("priority", [1, 2]).order_by("name").get()
    ) == [
        "admin",
        "viewer",
    ]
    assert names(ada.roles().where_pivot_not_in("priority", [1, 2]).get()) == ["editor"]
    assert names(ada.roles().where_pivot_null("expires_at").order_by("name").get()) == [
        "admin",
        "editor",
    ]
    assert names(ada.roles().where_pivot_not_null("expires_at").get()) == ["viewer"]
    assert names(
        ada.roles().where_pivot_between("priority", [2, 3]).order_by("name").get()
    ) == [
        "editor",
        "viewer",
    ]
    assert names(ada.roles().where_pivot_not_between("priority", [2, 3]).get()) == [
        "admin"
    ]
    assert names(
        ada.roles()
        .where_pivot("priority", 1)
        .or_where_pivot("priority", 3)
        .order_by("name")
        .get()
    ) == ["admin", "editor"]


def test_where_pivot_with_a_callback_nests_the_clauses(staff: dict[str, t.Any]) -> None:
    ada = staff["ada"]
    found = (
        ada.roles()
        .where_pivot(lambda query: query.where("priority", 1).or_where("priority", 2))
        .order_by("name")
        .get()
    )
    assert names(found) == ["admin", "viewer"]


def test_where_pivot_needs_a_value(tables: t.Any) -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match=r"where_pivot\(\) on \[active\]"
    ):
        User().relation("roles").where_pivot("active")


def test_order_by_pivot(staff: dict[str, t.Any]) -> None:
    assert names(staff["ada"].roles().order_by_pivot("priority").get()) == [
        "admin",
        "viewer",
        "editor",
    ]
    assert names(staff["ada"].roles().order_by_pivot_desc("priority").get()) == [
        "editor",
        "viewer",
        "admin",
    ]


def test_with_pivot_value_filters_and_fills_new_rows(
    staff: dict[str, t.Any], tables: t.Any
) -> None:
    ada, viewer = staff["ada"], staff["viewer"]
    assert names(ada.admin_roles().get()) == ["admin"]
    ada.roles().detach(viewer)
    ada.admin_roles().attach(viewer)
    row = tables.connection().table("role_user").where("role_id", viewer.id).first()
    assert int(row["priority"]) == 1
    with pytest.raises(
        InvalidQueryArgumentError, match=r"pivot value of column \[priority\]"
    ):
        User().relation("roles").with_pivot_value("priority", None)


def test_using_a_custom_pivot_class(staff: dict[str, t.Any]) -> None:
    roles = staff["ada"].custom_roles().order_by("name").get()
    assert all(isinstance(role.pivot, RoleUser) for role in roles)
    assert roles[0].pivot.label() == f"{staff['ada'].id}:{staff['admin'].id}"
    relation = User().relation("custom_roles")
    assert relation.get_pivot_class() is RoleUser
    assert relation.get_table() == "role_user"


def test_custom_keys(tables: t.Any) -> None:
    post = Post.create({"slug": "hello", "title": "Hello"})
    tag = Tag.create({"code": "py", "name": "Python"})
    Tag.create({"code": "js", "name": "JS"})
    post.keyed_tags().attach(tag)
    row = tables.connection().table("post_tag").first()
    assert (row["post_slug"], row["tag_code"]) == ("hello", "py")
    assert names(post.keyed_tags) == ["Python"]
    assert post.keyed_tags[0].pivot.tag_code == "py"


# -- finders -------------------------------------------------------------------------


def test_find_and_friends(staff: dict[str, t.Any]) -> None:
    ada, admin, editor = staff["ada"], staff["admin"], staff["editor"]
    assert ada.roles().find(admin.id).name == "admin"
    assert ada.roles().find(admin).pivot is not None
    assert sorted(names(ada.roles().find([admin.id, editor.id]))) == ["admin", "editor"]
    assert ada.roles().find_many([]).is_empty()
    assert staff["bob"].roles().find(admin.id) is None
    with pytest.raises(
        ModelNotFoundError, match=r"No query results for model \[.*Role\]"
    ):
        staff["bob"].roles().find_or_fail(admin.id)
    with pytest.raises(ModelNotFoundError):
        ada.roles().find_or_fail([admin.id, 999])
    assert staff["bob"].roles().find_or(admin.id, lambda: "none") == "none"
    assert staff["bob"].roles().find_or_new(admin.id).exists is False
    assert ada.roles().first_where("name", "editor").pivot.priority == 3
    assert staff["bob"].roles().first_or_fail().name == "editor"
    with pytest.raises(ModelNotFoundError):
        User.create({"name": "Cy"}).roles().first_or_fail()
    assert User.create({"name": "Dee"}).roles().first_or(lambda: "empty") == "empty"
    assert staff["bob"].roles().sole().name == "editor"


# -- writing through the relation ------------------------------------------------------


def test_save_create_and_create_many_attach(tables: t.Any) -> None:
    user = User.create({"name": "Ada"})
    saved = user.roles().save(Role(name="admin"), {"priority": 4})
    assert saved.exists is True
    created = user.roles().create({"name": "editor"}, {"active": True})
    many = user.roles().create_many([{"name": "a"}, {"name": "b"}], [{"priority": 8}])
    user.roles().save_many([Role(name="c")])
    roles = {role.name: role for role in user.roles().get()}
    assert sorted(roles) == ["a", "admin", "b", "c", "editor"]
    assert roles["admin"].pivot.priority == 4
    assert bool(roles["editor"].pivot.active) is True
    assert roles["a"].pivot.priority == 8
    assert created.name == "editor"
    assert [m.name for m in many] == ["a", "b"]


def test_first_or_create_and_update_or_create(staff: dict[str, t.Any]) -> None:
    bob = staff["bob"]
    assert bob.roles().first_or_create({"name": "editor"}).id == staff["editor"].id
    attached = bob.roles().first_or_create({"name": "admin"})
    assert attached.id == staff["admin"].id
    assert sorted(names(bob.roles().get())) == ["admin", "editor"]
    created = bob.roles().first_or_create({"name": "owner"}, {}, {"priority": 9})
    assert created.was_recently_created is True
    assert bob.roles().where("name", "owner").first().pivot.priority == 9
    updated = bob.roles().update_or_create({"name": "owner"}, {"name": "boss"})
    assert updated.id == created.id
    assert Role.find(created.id).name == "boss"
    fresh = bob.roles().first_or_new({"name": "nobody"})
    assert fresh.exists is False


def test_touches_updates_the_related_timestamps(tables: t.Any) -> None:
    post = Post.create({"title": "Hello"})
    tag = Tag.create({"name": "py"})
    tables.connection().table("tags").update({"updated_at": "2000-01-01 00:00:00"})
    post.tags().attach(tag)
    assert str(tables.connection().table("tags").value("updated_at")) > "2001"


# -- eager loading and existence ----------------------------------------------------------


def test_eager_loading_matches_each_parent(staff: dict[str, t.Any]) -> None:
    connection = staff["ada"].get_connection()
    connection.enable_query_log()
    connection.flush_query_log()
    users = User.with_("roles").order_by("id").get()
    assert len(connection.get_query_log()) == 2
    assert sorted(names(users[0].roles)) == ["admin", "editor", "viewer"]
    assert names(users[1].roles) == ["editor"]
    assert int(users[1].roles[0].pivot.priority) == 5


def test_has_queries_through_the_pivot_table(
    staff: dict[str, t.Any], db_driver: str
) -> None:
    User.create({"name": "Cy"})
    assert names(User.has("roles").order_by("name").get()) == ["Ada", "Bob"]
    assert names(User.where_has("roles", lambda q: q.where("name", "admin")).get()) == [
        "Ada"
    ]
    assert User.has("roles").to_sql() == sql(
        db_driver,
        'select * from "users" where exists (select * from "roles" inner join "role_user" '
        'on "roles"."id" = "role_user"."role_id" where "users"."id" = "role_user"."user_id")',
    )


def test_self_referencing_existence_query_aliases_the_table(tables: t.Any) -> None:
    ada = User.create({"name": "Ada"})
    bob = User.create({"name": "Bob"})
    User.create({"name": "Cy"})
    ada.friends().attach(bob)
    assert names(User.has("friends").get()) == ["Ada"]
    assert "laravel_reserved_" in User.has("friends").to_sql()


# -- paging and streaming ---------------------------------------------------------------


def test_chunk_each_lazy_and_cursor_hydrate_pivots(staff: dict[str, t.Any]) -> None:
    ada = staff["ada"]
    pages: list[list[str]] = []
    ada.roles().order_by("name").chunk(
        2, lambda roles, page: pages.append(names(roles))
    )
    assert pages == [["admin", "editor"], ["viewer"]]
    seen: list[tuple[str, int]] = []
    ada.roles().each(
        lambda role, index: seen.append((role.name, int(role.pivot.priority)))
    )
    assert sorted(seen) == [("admin", 1), ("editor", 3), ("viewer", 2)]
    assert [role.pivot.role_id is not None for role in ada.roles().lazy(2)] == [
        True
    ] * 3
    assert sorted(int(role.pivot.priority) for role in ada.roles().cursor()) == [
        1,
        2,
        3,
    ]
    by_id: list[int] = []
    ada.roles().chunk_by_id(
        2, lambda roles: by_id.extend(int(r.pivot.role_id) for r in roles)
    )
    assert sorted(by_id) == sorted(r.id for r in ada.roles)
    stopped: list[str] = []

    def stop(role: t.Any) -> bool:
        stopped.append(role.name)
        return False

    assert ada.roles().order_by("name").each(stop) is False
    assert stopped == ["admin"]


def test_paginate_hydrates_pivots(staff: dict[str, t.Any]) -> None:
    page = staff["ada"].roles().order_by("name").paginate(2, page=1)
    assert page.total() == 3
    assert [(role.name, int(role.pivot.priority)) for role in page.items()] == [
        ("admin", 1),
        ("editor", 3),
    ]
    simple = staff["ada"].roles().order_by("name").simple_paginate(2, page=2)
    assert [role.name for role in simple.items()] == ["viewer"]
    assert simple.items()[0].pivot.user_id is not None


# -- serialization and touching ------------------------------------------------------


def test_pivot_is_serialized_with_the_model(staff: dict[str, t.Any]) -> None:
    admin = staff["ada"].roles().where("name", "admin").first()
    data = admin.to_array()
    assert data["name"] == "admin"
    assert int(data["pivot"]["role_id"]) == staff["admin"].id
    assert "pivot_role_id" not in data


class TouchingTag(Model):
    table = "tags"
    guarded: t.ClassVar[list[str]] = []
    touches: t.ClassVar[list[str]] = ["touched_posts"]

    def touched_posts(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(TouchedPost, "post_tag", "tag_id", "post_id")


class TouchedPost(Model):
    table = "posts"
    guarded: t.ClassVar[list[str]] = []

    def tags(self):  # type: ignore[no-untyped-def]
        return self.belongs_to_many(TouchingTag, "post_tag", "post_id", "tag_id")


def test_attach_touches_the_parent_when_the_related_model_touches_it(
    tables: t.Any,
) -> None:
    post = TouchedPost.create({"title": "Hello"})
    tag = TouchingTag.create({"name": "py"})
    tables.connection().table("posts").update({"updated_at": "2000-01-01 00:00:00"})
    post = TouchedPost.find(post.id)
    post.tags().attach(tag)
    assert str(tables.connection().table("posts").value("updated_at")) > "2001"
