"""Built-in cast types on models: reading, storing, None, errors (no database)."""

from __future__ import annotations

import decimal
import math
import types
import typing as t

import pytest

from protevus.database.eloquent.casts.exceptions import InvalidCastError
from protevus.database.eloquent.exceptions import JsonEncodingError
from protevus.database.eloquent.model import Model
from protevus.exceptions import InvalidArgumentError
from protevus.support.carbon import Carbon
from protevus.support.collection import Collection


class CastPost(Model):
    timestamps = False
    casts = {
        "votes": "int",
        "count": "integer",
        "ratio": "float",
        "score": "double",
        "amount": "real",
        "price": "decimal:2",
        "flag": "bool",
        "active": "boolean",
        "label": "string",
        "options": "array",
        "meta": "json",
        "raw_unicode": "json:unicode",
        "settings": "object",
        "tags": "collection",
        "birthday": "date",
        "seen_at": "datetime",
        "frozen_at": "immutable_datetime",
        "frozen_day": "immutable_date",
        "short_at": "datetime:Y-m-d",
        "stamp": "timestamp",
    }


def make(**attributes: t.Any) -> CastPost:
    return CastPost().set_raw_attributes(attributes)


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("votes", "5", 5),
        ("votes", 5.9, 5),
        ("votes", "12.7", 12),
        ("votes", True, 1),
        ("count", decimal.Decimal("3"), 3),
        ("ratio", "1.5", 1.5),
        ("score", 2, 2.0),
        ("amount", decimal.Decimal("0.25"), 0.25),
        ("price", "12.345", decimal.Decimal("12.35")),
        ("price", 3, decimal.Decimal("3.00")),
        ("price", decimal.Decimal("0.005"), decimal.Decimal("0.01")),
        ("flag", 1, True),
        ("flag", 0, False),
        ("flag", "0", False),
        ("flag", "", False),
        ("active", "1", True),
        ("label", 42, "42"),
        ("label", b"bytes", "bytes"),
        ("options", '{"a":1,"b":[1,2]}', {"a": 1, "b": [1, 2]}),
        ("options", "[1,2,3]", [1, 2, 3]),
        (
            "meta",
            '{"nested":{"deep":[{"x":null}]}}',
            {"nested": {"deep": [{"x": None}]}},
        ),
        ("raw_unicode", '{"name":"Café"}', {"name": "Café"}),
    ],
)
def test_reads_cast_values(key: str, raw: t.Any, expected: t.Any) -> None:
    value = make(**{key: raw}).get_attribute(key)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("key", list(CastPost.casts))
def test_none_stays_none_for_every_cast(key: str) -> None:
    post = make(**{key: None})
    assert post.get_attribute(key) is None
    setattr(post, key, None)
    assert post.attributes[key] is None


def test_float_cast_reads_php_special_values() -> None:
    assert make(ratio="Infinity").ratio == math.inf
    assert make(ratio="-Infinity").ratio == -math.inf
    assert math.isnan(make(ratio="NaN").ratio)


def test_non_numeric_values_raise_clear_errors() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[.abc.\] to an integer"):
        _ = make(votes="abc").votes
    with pytest.raises(InvalidArgumentError, match="decimal:2"):
        _ = make(price="ten").price
    with pytest.raises(InvalidArgumentError, match="to a float"):
        _ = make(ratio="x").ratio


def test_object_cast_gives_namespaces_and_stores_json() -> None:
    post = make(settings='{"theme":{"dark":true},"list":[{"a":1}]}')
    assert isinstance(post.settings, types.SimpleNamespace)
    assert post.settings.theme.dark is True
    assert post.settings.list[0].a == 1
    post.settings = types.SimpleNamespace(theme="light")
    assert post.attributes["settings"] == '{"theme":"light"}'
    assert post.to_array()["settings"] == {"theme": "light"}


def test_collection_cast_reads_a_collection() -> None:
    post = make(tags='["a","b"]')
    assert isinstance(post.tags, Collection)
    assert post.tags.all() == ["a", "b"]
    post.tags = Collection(["x"])
    assert post.attributes["tags"] == '["x"]'
    assert post.to_array()["tags"] == ["x"]


def test_json_is_stored_compact_with_escaped_unicode_like_php() -> None:
    post = CastPost()
    post.options = {"name": "Café ☕", "list": [1, {"a": None}]}
    assert (
        post.attributes["options"]
        == '{"name":"Caf\\u00e9 \\u2615","list":[1,{"a":null}]}'
    )
    post.raw_unicode = {"name": "Café"}
    assert post.attributes["raw_unicode"] == '{"name":"Café"}'
    assert post.options == {"name": "Café ☕", "list": [1, {"a": None}]}


def test_json_cast_reads_already_decoded_driver_values_as_copies() -> None:
    stored = {"a": [1, 2]}
    post = make(options=stored)
    value = post.options
    assert value == stored
    value["a"].append(3)
    assert post.attributes["options"] == {"a": [1, 2]}


def test_unencodable_json_raises_json_encoding_error() -> None:
    post = CastPost()
    with pytest.raises(
        JsonEncodingError, match=r"Unable to encode attribute \[options\]"
    ):
        post.options = {"bad": object()}


def test_json_cast_stores_a_plain_string_as_a_json_string() -> None:
    post = CastPost()
    post.options = "text"
    assert post.attributes["options"] == '"text"'
    assert post.options == "text"


def test_date_casts_read_carbon_and_store_the_date_format() -> None:
    post = CastPost()
    post.birthday = "2026-03-04 15:16:17"
    post.seen_at = Carbon.create(2026, 1, 2, 3, 4, 5)
    post.frozen_at = "2026-01-02T03:04:05Z"
    post.short_at = Carbon.create(2026, 5, 6, 7, 8, 9)
    assert post.attributes["birthday"] == "2026-03-04 15:16:17"
    assert post.attributes["seen_at"] == "2026-01-02 03:04:05"
    assert post.attributes["frozen_at"] == "2026-01-02 03:04:05"
    assert post.attributes["short_at"] == "2026-05-06 07:08:09"
    assert isinstance(post.seen_at, Carbon)
    assert post.birthday == Carbon.create(2026, 3, 4)
    assert post.seen_at == Carbon.create(2026, 1, 2, 3, 4, 5)


@pytest.mark.parametrize(
    "raw",
    [
        "2026-01-02 03:04:05",
        "2026-01-02T03:04:05",
        "2026-01-02T03:04:05.000000Z",
        1767323045,
        "1767323045",
    ],
)
def test_datetime_cast_reads_many_stored_forms(raw: t.Any) -> None:
    assert make(seen_at=raw).seen_at == Carbon.create(2026, 1, 2, 3, 4, 5)


def test_date_cast_reads_a_bare_date_at_midnight() -> None:
    assert make(frozen_day="2026-02-03").frozen_day == Carbon.create(2026, 2, 3)
    assert make(birthday="2026-02-03 10:11:12").birthday == Carbon.create(2026, 2, 3)


def test_timestamp_cast_reads_an_int() -> None:
    assert make(stamp="2026-01-02 03:04:05").stamp == 1767323045
    assert make(stamp=1767323045).stamp == 1767323045


def test_model_date_format_applies_to_storage() -> None:
    class UnixPost(Model):
        timestamps = False
        date_format = "U"
        casts = {"seen_at": "datetime"}

    post = UnixPost()
    post.seen_at = Carbon.create(2026, 1, 2, 3, 4, 5)
    assert post.attributes["seen_at"] == "1767323045"
    assert post.seen_at == Carbon.create(2026, 1, 2, 3, 4, 5)


def test_dates_keep_their_wall_time_in_the_default_timezone() -> None:
    Carbon.set_default_timezone("Europe/Paris")
    try:
        post = make(seen_at="2026-07-01 12:00:00")
        assert post.seen_at.timezone_name == "Europe/Paris"
        assert post.to_array()["seen_at"] == "2026-07-01T10:00:00.000000Z"
    finally:
        Carbon.set_default_timezone("UTC")


def test_incrementing_key_casts_to_int() -> None:
    post = make(id="7")
    assert post.id == 7
    assert CastPost().get_casts()["id"] == "int"


def test_has_cast_and_get_cast_type() -> None:
    post = CastPost()
    assert post.has_cast("votes")
    assert post.has_cast("votes", ["int", "integer"])
    assert not post.has_cast("votes", "string")
    assert not post.has_cast("missing")
    assert post.get_cast_type("short_at") == "custom_datetime"
    assert post.get_cast_type("price") == "decimal"
    assert post.is_date_attribute("birthday")
    assert post.is_json_castable("settings")
    assert not post.is_json_castable("votes")


def test_casts_method_is_supported() -> None:
    class MethodPost(Model):
        timestamps = False

        def casts(self) -> dict[str, t.Any]:
            return {"votes": "int", "flag": bool}

    post = MethodPost().set_raw_attributes({"votes": "3", "flag": 0})
    assert post.votes == 3
    assert post.flag is False


def test_python_types_are_accepted_as_casts() -> None:
    class TypedPost(Model):
        timestamps = False
        casts = {"votes": int, "ratio": float, "label": str, "data": dict}

    post = TypedPost().set_raw_attributes(
        {"votes": "2", "ratio": "0.5", "label": 3, "data": '{"a":1}'}
    )
    assert (post.votes, post.ratio, post.label, post.data) == (2, 0.5, "3", {"a": 1})


def test_merge_casts_applies_to_one_instance() -> None:
    post = make(votes="5", extra="1")
    post.merge_casts({"extra": "bool"})
    assert post.extra is True
    assert make(extra="1").extra == "1"
    assert post.get_merged_casts() == {"extra": "bool"}
    assert post.get_casts()["extra"] == "bool"


def test_unknown_cast_raises_when_the_attribute_is_used() -> None:
    class BadPost(Model):
        timestamps = False
        casts = {"votes": "intt", "other": "no.such.module.Cast"}

    post = BadPost().set_raw_attributes({"votes": "1", "title": "ok"})
    assert post.title == "ok"
    with pytest.raises(
        InvalidCastError, match=r"undefined cast \[intt\] on column \[votes\]"
    ):
        _ = post.votes
    with pytest.raises(InvalidCastError, match="no.such.module.Cast"):
        _ = post.other
