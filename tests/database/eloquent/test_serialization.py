"""Serializing models: dates as Laravel does, casts, hidden/visible/appends, JSON."""

from __future__ import annotations

import decimal
import json
import typing as t

import pytest

from protevus.database.eloquent.attribute import Attribute
from protevus.database.eloquent.model import Model
from protevus.support.carbon import Carbon


class Article(Model):
    table = "articles"
    guarded: t.ClassVar[list[str]] = []
    hidden: t.ClassVar[list[str]] = ["secret"]
    appends: t.ClassVar[list[str]] = ["headline"]
    casts = {
        "published_at": "datetime",
        "day": "date",
        "short": "datetime:Y-m-d",
        "clock": "datetime:H:i",
        "price": "decimal:2",
        "meta": "array",
        "is_draft": "bool",
    }

    def headline(self) -> Attribute:
        return Attribute.get(
            lambda value, attributes: str(attributes.get("title", "")).upper()
        )


@pytest.fixture(autouse=True)
def frozen_now() -> t.Iterator[None]:
    Carbon.set_test_now("2026-01-01 10:00:00.123456")
    yield
    Carbon.set_test_now(None)


def test_dates_serialize_as_utc_iso_8601_with_microseconds() -> None:
    article = Article().set_raw_attributes(
        {
            "created_at": "2026-01-01 10:00:00",
            "updated_at": "2026-01-02 11:30:15",
            "published_at": "2026-03-04 05:06:07",
            "day": "2026-03-04 05:06:07",
            "short": "2026-03-04 05:06:07",
            "clock": "2026-03-04 05:06:07",
        }
    )
    data = article.to_array()
    assert data["created_at"] == "2026-01-01T10:00:00.000000Z"
    assert data["updated_at"] == "2026-01-02T11:30:15.000000Z"
    assert data["published_at"] == "2026-03-04T05:06:07.000000Z"
    assert data["day"] == "2026-03-04T00:00:00.000000Z"
    assert data["short"] == "2026-03-04"
    assert data["clock"] == "05:06"


def test_custom_format_uses_the_dates_own_timezone_but_timestamps_use_utc() -> None:
    Carbon.set_default_timezone("America/New_York")
    try:
        article = Article().set_raw_attributes(
            {"created_at": "2026-01-01 10:00:00", "short": "2026-01-01 23:30:00"}
        )
        data = article.to_array()
        assert data["created_at"] == "2026-01-01T15:00:00.000000Z"
        assert data["short"] == "2026-01-01"
    finally:
        Carbon.set_default_timezone("UTC")


def test_overriding_serialize_date_changes_every_date() -> None:
    class Plain(Article):
        def serialize_date(self, value: t.Any) -> str:
            return self.as_date_time(value).format("Y-m-d H:i:s")

    data = (
        Plain()
        .set_raw_attributes(
            {"created_at": "2026-01-01 10:00:00", "published_at": "2026-02-02 02:02:02"}
        )
        .to_array()
    )
    assert data["created_at"] == "2026-01-01 10:00:00"
    assert data["published_at"] == "2026-02-02 02:02:02"


def test_casts_hidden_and_appends_in_to_array() -> None:
    article = Article().set_raw_attributes(
        {"title": "Hi", "secret": "x", "price": "9.5", "meta": '{"a":1}', "is_draft": 0}
    )
    assert article.to_array() == {
        "title": "Hi",
        "price": "9.50",
        "meta": {"a": 1},
        "is_draft": False,
        "headline": "HI",
    }
    assert isinstance(article.price, decimal.Decimal)
    assert article.make_visible("secret").to_array()["secret"] == "x"


def test_hidden_appended_accessor_is_left_out() -> None:
    article = Article().set_raw_attributes({"title": "Hi"}).make_hidden("headline")
    assert "headline" not in article.to_array()


def test_to_json_and_dict() -> None:
    article = Article().set_raw_attributes(
        {"title": "Café", "published_at": "2026-03-04 05:06:07", "meta": '{"b":[1]}'}
    )
    decoded = json.loads(article.to_json())
    assert decoded == {
        "title": "Café",
        "published_at": "2026-03-04T05:06:07.000000Z",
        "meta": {"b": [1]},
        "headline": "CAFÉ",
    }
    assert dict(article) == decoded


def test_fresh_timestamps_are_stored_in_the_date_format() -> None:
    article = Article()
    assert article.fresh_timestamp() == Carbon.create(2026, 1, 1, 10, 0, 0, 123456)
    assert article.fresh_timestamp_string() == "2026-01-01 10:00:00"
    assert article.from_date_time(None) is None


def test_saved_models_serialize_timestamps_on_every_database(schema: t.Any) -> None:
    def columns(table: t.Any) -> None:
        table.id()
        table.string("title")
        table.date_time("published_at").nullable()
        table.date("day").nullable()
        table.decimal("price", 8, 2).nullable()
        table.boolean("is_draft").default(False)
        table.timestamps()

    schema.create("articles", columns)
    article = Article.create(
        {
            "title": "Hello",
            "published_at": Carbon.create(2026, 2, 3, 4, 5, 6),
            "day": "2026-02-03",
            "price": decimal.Decimal("1.5"),
            "is_draft": True,
        }
    )
    fresh = Article.find(article.id)
    assert fresh.to_array() == {
        "id": article.id,
        "title": "Hello",
        "published_at": "2026-02-03T04:05:06.000000Z",
        "day": "2026-02-03T00:00:00.000000Z",
        "price": "1.50",
        "is_draft": True,
        "created_at": "2026-01-01T10:00:00.000000Z",
        "updated_at": "2026-01-01T10:00:00.000000Z",
        "headline": "HELLO",
    }
    assert isinstance(fresh.created_at, Carbon)
    assert fresh.is_clean()
    fresh.published_at = "2026-02-03 04:05:06"
    assert fresh.is_clean("published_at")
    fresh.published_at = Carbon.create(2026, 2, 3, 4, 5, 7)
    assert fresh.is_dirty("published_at")
