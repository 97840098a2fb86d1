"""Blueprint state and DDL compilation without a database."""

from __future__ import annotations

import pytest

from protevus.database.exceptions import SchemaError
from protevus.database.query.expression import Expression
from protevus.database.schema.blueprint import Blueprint
from protevus.database.schema.builder import Builder
from protevus.database.schema.foreign_key_definition import ForeignKeyDefinition

DRIVERS = ["sqlite", "pgsql", "mysql"]


def creating(table: str = "users") -> Blueprint:
    blueprint = Blueprint(table)
    blueprint.create()
    return blueprint


def commands(blueprint: Blueprint) -> list[tuple[str, str | None, list[str] | None]]:
    return [
        (c.name, c.get("index"), c.get("columns"))
        for c in blueprint.get_build_commands()
    ]


def test_index_names_follow_laravel() -> None:
    table = Blueprint("users")
    table.string("email").unique()
    table.index(["name", "votes"])
    table.full_text("bio")
    table.foreign("team_id")
    assert commands(table) == [
        ("column", None, None),
        ("index", "users_name_votes_index", ["name", "votes"]),
        ("fulltext", "users_bio_fulltext", ["bio"]),
        ("foreign", "users_team_id_foreign", ["team_id"]),
        ("unique", "users_email_unique", ["email"]),
    ]


def test_index_names_use_prefix_and_replace_dots_and_dashes() -> None:
    table = Blueprint("my-app.users", prefix="pre_")
    assert (
        table.create_index_name("unique", ["e-mail"])
        == "pre_my_app_users_e_mail_unique"
    )


def test_custom_index_names_are_kept() -> None:
    table = creating()
    table.string("email").unique("email_uq")
    table.index("name", "by_name")
    assert ("unique", "email_uq", ["email"]) in commands(table)
    assert ("index", "by_name", ["name"]) in commands(table)


def test_drop_index_by_columns_builds_the_laravel_name() -> None:
    table = Blueprint("users")
    table.drop_unique(["email"])
    table.drop_index("custom")
    table.drop_foreign(["user_id"])
    table.drop_primary()
    assert [c.get("index") for c in table.get_commands()] == [
        "users_email_unique",
        "custom",
        "users_user_id_foreign",
        None,
    ]


def test_column_types_set_laravel_parameters() -> None:
    table = creating()
    assert table.id().to_dict() == {
        "type": "bigInteger",
        "name": "id",
        "auto_increment": True,
        "unsigned": True,
    }
    assert table.string("name").get("length") == 255
    assert table.string("code", 10).get("length") == 10
    assert table.decimal("price").to_dict()["total"] == 8
    assert table.decimal("price2", 10, 4).get("places") == 4
    assert table.float("ratio").get("precision") == 53
    assert table.increments("n").get("auto_increment") is True
    assert table.unsigned_integer("votes").get("unsigned") is True
    assert table.ulid("key").to_dict()["length"] == 26
    assert table.uuid().name == "uuid"
    assert table.ip_address().name == "ip_address"
    assert table.mac_address().name == "mac_address"


def test_timestamps_soft_deletes_and_remember_token_are_nullable() -> None:
    table = creating()
    table.timestamps()
    table.soft_deletes()
    table.remember_token()
    columns = {c.name: c for c in table.get_columns()}
    assert set(columns) == {"created_at", "updated_at", "deleted_at", "remember_token"}
    assert all(c.get("nullable") for c in columns.values())
    assert columns["remember_token"].get("length") == 100
    assert columns["deleted_at"].type == "timestamp"


def test_morphs_add_type_id_and_an_index() -> None:
    table = creating("taggables")
    table.morphs("taggable")
    assert [(c.name, c.type) for c in table.get_columns()] == [
        ("taggable_type", "string"),
        ("taggable_id", "bigInteger"),
    ]
    assert commands(table)[-1] == (
        "index",
        "taggables_taggable_type_taggable_id_index",
        ["taggable_type", "taggable_id"],
    )


def test_morph_key_type_can_be_uuid() -> None:
    Builder.morph_using_uuids()
    try:
        table = creating("images")
        table.nullable_morphs("imageable")
        assert [(c.type, c.get("nullable")) for c in table.get_columns()] == [
            ("string", True),
            ("uuid", True),
        ]
    finally:
        Builder.default_morph_key_type("int")
    with pytest.raises(ValueError, match=r"\[bigint\]"):
        Builder.default_morph_key_type("bigint")


def test_default_string_length_can_be_changed() -> None:
    Builder.default_string_length(191)
    try:
        assert creating().string("name").get("length") == 191
    finally:
        Builder.default_string_length(255)


@pytest.mark.parametrize(
    ("column", "table"),
    [
        ("user_id", "users"),
        ("category_id", "categories"),
        ("author_person_id", "author_people"),
    ],
)
def test_constrained_infers_the_table(column: str, table: str) -> None:
    blueprint = creating("posts")
    key = blueprint.foreign_id(column).constrained()
    assert isinstance(key, ForeignKeyDefinition)
    assert key.get("on") == table
    assert key.get("references") == ["id"]
    assert key.get("index") == f"posts_{column}_foreign"


def test_foreign_key_actions() -> None:
    key = creating("posts").foreign("user_id").references("id").on("users")
    key.cascade_on_delete().null_on_update()
    assert (key.get("on_delete"), key.get("on_update")) == ("cascade", "set null")
    key.restrict_on_delete().no_action_on_update()
    assert (key.get("on_delete"), key.get("on_update")) == ("restrict", "no action")


def test_modifiers_chain_and_camel_case_aliases_work() -> None:
    column = (
        creating()
        .string("email")
        .nullable()
        .default("x")
        .comment("mail")
        .charset("utf8")
    )
    assert column.get("nullable") and column.get("default") == "x"
    assert column.get("comment") == "mail"
    table = creating()
    table.foreignId("user_id").constrained().cascadeOnDelete()
    assert table.get_build_commands()[-1].get("on_delete") == "cascade"


def test_invalid_column_name_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"Column name \[''\]"):
        creating().string("")


@pytest.mark.parametrize("driver", DRIVERS)
def test_create_table_compiles_for_each_driver(driver: str) -> None:
    table = creating()
    table.id()
    table.string("email").unique()
    table.timestamps()
    statements = table.to_sql(driver=driver)
    assert statements[0].startswith("CREATE TABLE users (")
    unique = {
        "sqlite": "CREATE UNIQUE INDEX users_email_unique ON users (email)",
        "pgsql": "ALTER TABLE users ADD CONSTRAINT users_email_unique UNIQUE (email)",
        "mysql": "CREATE UNIQUE INDEX users_email_unique ON users (email)",
    }
    assert statements[1:] == [unique[driver]]


@pytest.mark.parametrize(
    ("driver", "fragment"),
    [
        ("sqlite", "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT"),
        ("pgsql", "id BIGSERIAL NOT NULL"),
        ("mysql", "id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT"),
    ],
)
def test_id_is_an_auto_incrementing_big_integer(driver: str, fragment: str) -> None:
    table = creating()
    table.id()
    assert fragment in table.to_sql(driver=driver)[0]


@pytest.mark.parametrize(
    ("driver", "fragment"),
    [
        ("sqlite", "updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL"),
        (
            "pgsql",
            "updated_at TIMESTAMP(0) WITHOUT TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL",
        ),
        (
            "mysql",
            "updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP "
            "ON UPDATE CURRENT_TIMESTAMP",
        ),
    ],
)
def test_use_current_and_on_update(driver: str, fragment: str) -> None:
    table = creating()
    table.timestamp("updated_at").use_current().use_current_on_update()
    assert fragment in table.to_sql(driver=driver)[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, "DEFAULT '1'"),
        (False, "DEFAULT '0'"),
        (5, "DEFAULT '5'"),
        ("it's", "DEFAULT 'it''s'"),
    ],
)
def test_default_values_are_quoted_like_laravel(value: object, expected: str) -> None:
    table = creating()
    table.string("flag").default(value)
    assert expected in table.to_sql(driver="sqlite")[0]


def test_expression_defaults_stay_raw() -> None:
    table = creating()
    table.json("tags").default(Expression("(json_array())"))
    assert "DEFAULT (json_array())" in table.to_sql(driver="sqlite")[0]


def test_foreign_keys_are_inline_in_create_table() -> None:
    table = creating("posts")
    table.foreign_id("user_id").constrained().cascade_on_delete()
    sql = table.to_sql(driver="pgsql")[0]
    assert (
        "CONSTRAINT posts_user_id_foreign FOREIGN KEY(user_id) REFERENCES users (id) "
        "ON DELETE cascade"
    ) in sql


def test_identifiers_are_quoted_when_needed() -> None:
    table = creating("order")
    table.string('name"; drop table users; --')
    sql = table.to_sql(driver="pgsql")[0]
    assert sql.startswith('CREATE TABLE "order" (')
    assert '"name""; drop table users; --" VARCHAR(255)' in sql


@pytest.mark.parametrize(
    ("driver", "expected"),
    [
        ("sqlite", ["ALTER TABLE users ADD COLUMN votes INTEGER"]),
        ("pgsql", ["ALTER TABLE users ADD COLUMN votes INTEGER"]),
        ("mysql", ["ALTER TABLE users ADD COLUMN votes INTEGER AFTER email"]),
    ],
)
def test_add_column_with_after(driver: str, expected: list[str]) -> None:
    table = Blueprint("users")
    table.integer("votes").nullable().after("email")
    assert table.to_sql(driver=driver) == expected


def test_alter_commands_on_the_servers() -> None:
    table = Blueprint("users")
    table.rename_column("name", "full_name")
    table.drop_column("a", "b")
    table.drop_unique("users_email_unique")
    table.drop_foreign(["team_id"])
    table.rename_index("idx_a", "idx_b")
    assert table.to_sql(driver="pgsql") == [
        "ALTER TABLE users RENAME COLUMN name TO full_name",
        "ALTER TABLE users DROP COLUMN a, DROP COLUMN b",
        "ALTER TABLE users DROP CONSTRAINT users_email_unique",
        "ALTER TABLE users DROP CONSTRAINT users_team_id_foreign",
        "ALTER INDEX idx_a RENAME TO idx_b",
    ]
    assert table.to_sql(driver="mysql")[2:] == [
        "DROP INDEX users_email_unique ON users",
        "ALTER TABLE users DROP FOREIGN KEY users_team_id_foreign",
        "ALTER TABLE users RENAME INDEX idx_a TO idx_b",
    ]


def test_change_column_on_postgres_uses_alembic() -> None:
    table = Blueprint("users")
    table.string("name", 50).nullable().change()
    assert table.to_sql(driver="pgsql") == [
        "ALTER TABLE users ALTER COLUMN name DROP DEFAULT",
        "ALTER TABLE users ALTER COLUMN name TYPE VARCHAR(50) USING name::VARCHAR(50)",
        "ALTER TABLE users ALTER COLUMN name DROP NOT NULL",
        "ALTER TABLE users ALTER COLUMN name DROP DEFAULT",
        "COMMENT ON COLUMN users.name IS NULL",
    ]
    assert table.to_sql(driver="mysql") == [
        "ALTER TABLE users MODIFY name VARCHAR(50) NULL"
    ]


def test_full_text_index_sql() -> None:
    table = Blueprint("posts")
    table.full_text(["title", "body"])
    assert table.to_sql(driver="pgsql") == [
        "CREATE INDEX posts_title_body_fulltext ON posts USING gin "
        "((to_tsvector('english', title) || to_tsvector('english', body)))"
    ]
    assert table.to_sql(driver="mysql") == [
        "CREATE FULLTEXT INDEX posts_title_body_fulltext ON posts (title, body)"
    ]
    with pytest.raises(SchemaError, match=r"\[sqlite\]"):
        table.to_sql(driver="sqlite")


def test_unsupported_things_raise_schema_errors() -> None:
    table = creating()
    table.set_("flags", ["a", "b"])
    with pytest.raises(SchemaError, match=r"\[set\] column type of \[flags\]"):
        table.to_sql(driver="pgsql")
    virtual = creating()
    virtual.integer("total").virtual_as("a + b")
    with pytest.raises(SchemaError, match=r"stored_as"):
        virtual.to_sql(driver="pgsql")
    dangling = creating("posts")
    dangling.foreign("user_id")
    with pytest.raises(SchemaError, match=r"\[posts_user_id_foreign\]"):
        dangling.to_sql(driver="mysql")
    bad_action = Blueprint("posts")
    bad_action.foreign("user_id").references("id").on("users").on_delete("explode")
    with pytest.raises(SchemaError, match=r"\[explode\]"):
        bad_action.to_sql(driver="pgsql")
    with pytest.raises(SchemaError, match=r"\[oracle\]"):
        creating().to_sql(driver="oracle")


def test_sqlite_alterations_that_copy_the_table_need_a_connection() -> None:
    table = Blueprint("users")
    table.drop_column("name")
    with pytest.raises(SchemaError, match="needs a database connection"):
        table.to_sql(driver="sqlite")


def test_mysql_enum_set_and_unsigned_types() -> None:
    table = creating()
    table.enum("status", ["draft", "live"])
    table.tiny_integer("level", unsigned=True)
    table.binary("hash", 32, fixed=True)
    table.year("born")
    sql = table.to_sql(driver="mysql")[0]
    assert "status ENUM('draft','live') NOT NULL" in sql
    assert "level TINYINT UNSIGNED NOT NULL" in sql
    assert "hash BINARY(32) NOT NULL" in sql
    assert "born YEAR NOT NULL" in sql
