"""JSON casts round-trip on every database: text, json and jsonb columns."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.support.collection import Collection

NESTED = {
    "name": "Café ☕ — 東京",
    "emoji": "🎉",
    "list": [1, 2.5, True, None, "x"],
    "deep": {"a": {"b": {"c": ["d", {"e": "f"}]}}},
    "empty": {},
    "quote": 'say "hi" / \\ back',
}


class JsonDoc(Model):
    table = "json_docs"
    guarded: t.ClassVar[list[str]] = []
    casts = {
        "as_text": "array",
        "as_json": "json",
        "as_jsonb": "array",
        "as_object": "object",
        "as_collection": "collection",
        "as_unicode": "json:unicode",
    }


def create_table(schema: t.Any) -> None:
    def columns(table: t.Any) -> None:
        table.id()
        table.text("as_text").nullable()
        table.json("as_json").nullable()
        table.jsonb("as_jsonb").nullable()
        table.text("as_object").nullable()
        table.json("as_collection").nullable()
        table.text("as_unicode").nullable()
        table.timestamps()

    schema.create("json_docs", columns)


@pytest.mark.parametrize("column", ["as_text", "as_json", "as_jsonb", "as_unicode"])
def test_nested_unicode_data_round_trips(schema: t.Any, column: str) -> None:
    create_table(schema)
    doc = JsonDoc.create({column: NESTED})
    fresh = JsonDoc.find(doc.id)
    assert fresh.get_attribute(column) == NESTED
    assert fresh.is_clean()


def test_lists_and_scalars_round_trip(schema: t.Any) -> None:
    create_table(schema)
    doc = JsonDoc.create({"as_json": [1, [2, [3]], {"k": "v"}], "as_text": "plain"})
    fresh = JsonDoc.find(doc.id)
    assert fresh.as_json == [1, [2, [3]], {"k": "v"}]
    assert fresh.as_text == "plain"


def test_null_json_stays_none(schema: t.Any) -> None:
    create_table(schema)
    doc = JsonDoc.create({"as_json": None})
    assert JsonDoc.find(doc.id).as_json is None


def test_object_and_collection_casts_round_trip(schema: t.Any) -> None:
    create_table(schema)
    doc = JsonDoc.create(
        {"as_object": {"theme": {"dark": True}}, "as_collection": ["a", "ü"]}
    )
    fresh = JsonDoc.find(doc.id)
    assert fresh.as_object.theme.dark is True
    assert isinstance(fresh.as_collection, Collection)
    assert fresh.as_collection.all() == ["a", "ü"]


@pytest.mark.parametrize("column", ["as_text", "as_json", "as_jsonb"])
def test_dirty_checks_compare_decoded_values(schema: t.Any, column: str) -> None:
    create_table(schema)
    doc = JsonDoc.create({column: {"a": 1, "b": [1, 2]}})
    fresh = JsonDoc.find(doc.id)
    fresh.set_attribute(column, {"b": [1, 2], "a": 1})
    assert fresh.is_clean(column)
    fresh.set_attribute(column, {"a": 1, "b": [1, 2, 3]})
    assert fresh.is_dirty(column)
    assert fresh.save()
    assert JsonDoc.find(doc.id).get_attribute(column) == {"a": 1, "b": [1, 2, 3]}


def test_updating_json_persists_the_whole_value(schema: t.Any) -> None:
    create_table(schema)
    doc = JsonDoc.create({"as_jsonb": {"tags": ["x"]}})
    options = doc.as_jsonb
    options["tags"].append("y")
    doc.as_jsonb = options
    doc.save()
    assert JsonDoc.find(doc.id).as_jsonb == {"tags": ["x", "y"]}


def test_changing_a_returned_dict_in_place_does_not_change_the_model(
    schema: t.Any,
) -> None:
    create_table(schema)
    doc = JsonDoc.create({"as_jsonb": {"a": 1}})
    fresh = JsonDoc.find(doc.id)
    fresh.as_jsonb["a"] = 2
    assert fresh.as_jsonb == {"a": 1}
    assert fresh.is_clean()


def test_to_array_and_to_json_give_decoded_json(schema: t.Any) -> None:
    create_table(schema)
    doc = JsonDoc.create({"as_json": {"name": "Café"}, "as_collection": [1]})
    data = JsonDoc.find(doc.id).to_array()
    assert data["as_json"] == {"name": "Café"}
    assert data["as_collection"] == [1]
    assert '"as_json": {"name": "Caf' in JsonDoc.find(doc.id).to_json()
