"""Tests for protevus.config.repository.Repository."""

from __future__ import annotations

import typing as t

import pytest

from protevus.config.repository import Repository
from protevus.exceptions import InvalidArgumentError


def make() -> Repository:
    return Repository(
        {
            "app": {
                "name": "Protevus",
                "debug": False,
                "port": 8000,
                "ratio": 0.5,
                "nothing": None,
                "keys": ["a", "b"],
                "options": {"x": 1},
            },
            "database": {
                "default": "sqlite",
                "connections": {"sqlite": {"driver": "sqlite"}},
            },
            "literal.key": "top-level literal",
        }
    )


def test_get_with_dot_notation() -> None:
    config = make()
    assert config.get("app.name") == "Protevus"
    assert config.get("database.connections.sqlite.driver") == "sqlite"
    assert config.get("app") == make().get("app")
    assert config.get("literal.key") == "top-level literal"
    assert config.get("app.keys.1") == "b"


def test_get_missing_returns_default_and_calls_callable_default() -> None:
    config = make()
    assert config.get("app.missing") is None
    assert config.get("app.missing", "fallback") == "fallback"
    assert config.get("app.name.deeper", "fallback") == "fallback"
    assert config.get("nope", lambda: "called") == "called"
    assert config.get("app.nothing", "unused") is None


def test_get_none_returns_everything() -> None:
    config = make()
    assert config.get() is config.all()
    assert set(config.all()) == {"app", "database", "literal.key"}


def test_get_list_of_keys_and_dict_of_defaults() -> None:
    config = make()
    assert config.get(["app.name", "app.missing"]) == {
        "app.name": "Protevus",
        "app.missing": None,
    }
    assert config.get({"app.name": "x", "app.missing": "default"}) == {
        "app.name": "Protevus",
        "app.missing": "default",
    }
    assert config.get_many(["database.default"]) == {"database.default": "sqlite"}
    assert config.getMany(["database.default"]) == {"database.default": "sqlite"}


def test_get_rejects_unusable_keys() -> None:
    with pytest.raises(TypeError, match=r"Configuration key \[3\] must be a string"):
        make().get(3)


def test_set_with_dot_notation_creates_levels() -> None:
    config = Repository()
    config.set("services.stripe.key", "sk")
    assert config.all() == {"services": {"stripe": {"key": "sk"}}}
    config.set("services.stripe.secret", "ss")
    assert config.get("services.stripe") == {"key": "sk", "secret": "ss"}


def test_set_many_and_overwrite_a_scalar_level() -> None:
    config = make()
    config.set({"app.name": "Renamed", "app.debug.deep": True})
    assert config.get("app.name") == "Renamed"
    assert config.get("app.debug") == {"deep": True}


def test_items_are_the_given_dict() -> None:
    items: dict[str, t.Any] = {}
    config = Repository(items)
    config.set("a.b", 1)
    assert items == {"a": {"b": 1}}


def test_has() -> None:
    config = make()
    assert config.has("app.name")
    assert config.has("app.nothing")
    assert config.has("literal.key")
    assert not config.has("app.missing")
    assert not config.has("missing")
    assert config.has(["app.name", "database.default"])
    assert not config.has(["app.name", "app.missing"])
    assert not config.has([])


def test_push_and_prepend() -> None:
    config = make()
    config.push("app.keys", "c")
    config.prepend("app.keys", "z")
    assert config.get("app.keys") == ["z", "a", "b", "c"]
    config.push("app.new_list", 1)
    assert config.get("app.new_list") == [1]
    config.prepend("app.nothing", 0)
    assert config.get("app.nothing") == [0]


def test_push_onto_a_non_list_raises() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[app\.name\] must be a list"):
        make().push("app.name", "x")


def test_typed_getters_return_values_of_the_right_type() -> None:
    config = make()
    assert config.string("app.name") == "Protevus"
    assert config.integer("app.port") == 8000
    assert config.float("app.ratio") == 0.5
    assert config.boolean("app.debug") is False
    assert config.array("app.keys") == ["a", "b"]
    assert config.array("app.options") == {"x": 1}
    assert config.string("app.missing", "default") == "default"
    assert config.integer("app.missing", lambda: 3) == 3


@pytest.mark.parametrize(
    ("method", "key", "message"),
    [
        ("string", "app.port", "must be a string, int given."),
        ("string", "app.nothing", "must be a string, None given."),
        ("integer", "app.name", "must be an integer, str given."),
        ("integer", "app.debug", "must be an integer, bool given."),
        ("float", "app.port", "must be a float, int given."),
        ("boolean", "app.name", "must be a boolean, str given."),
        ("array", "app.name", "must be an array, str given."),
        ("array", "app.missing", "must be an array, None given."),
    ],
)
def test_typed_getters_raise_for_the_wrong_type(
    method: str, key: str, message: str
) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        getattr(make(), method)(key)
    assert str(caught.value) == f"Configuration value for key [{key}] {message}"


def test_typed_getter_message_matches_laravel() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        Repository({"app": {"name": 5}}).string("app.name")
    assert (
        str(caught.value)
        == "Configuration value for key [app.name] must be a string, int given."
    )


def test_dunders() -> None:
    config = make()
    assert config["app.name"] == "Protevus"
    assert config["app.missing"] is None
    config["app.name"] = "Set"
    assert config.get("app.name") == "Set"
    assert "app.name" in config
    assert "app.missing" not in config
    assert 3 not in config
    del config["app.name"]
    assert "app.name" not in config
    del config["literal.key"]
    assert "literal.key" not in config
    del config["no.such.key"]
    assert config.has("app.port")


def test_camel_case_aliases_and_macros() -> None:
    assert Repository.getMany is Repository.get_many
    Repository.macro("app_name", lambda self: self.get("app.name"))
    try:
        assert make().app_name() == "Protevus"
        assert make().appName() == "Protevus"
    finally:
        Repository.flush_macros()
    assert not Repository.has_macro("app_name")
