"""UUID and ULID primary keys through HasUuids / HasUlids."""

from __future__ import annotations

import re
import typing as t

import pytest

from protevus.database.eloquent.concerns.has_unique_ids import HasUlids
from protevus.database.eloquent.concerns.has_unique_ids import HasUuids
from protevus.database.eloquent.model import Model


class UiDoc(HasUuids, Model):
    table = "docs"
    fillable = ["title"]
    timestamps = False


class UiTicket(HasUlids, Model):
    table = "tickets"
    fillable = ["title"]
    timestamps = False


class UiCode(Model):
    table = "codes"
    primary_key = "code"
    key_type = "string"
    incrementing = False
    fillable = ["code", "title"]
    timestamps = False


@pytest.fixture
def tables(schema: t.Any) -> None:
    def docs(table: t.Any) -> None:
        table.uuid("id").primary()
        table.string("title")

    def tickets(table: t.Any) -> None:
        table.ulid("id").primary()
        table.string("title")

    def codes(table: t.Any) -> None:
        table.string("code").primary()
        table.string("title")

    schema.create("docs", docs)
    schema.create("tickets", tickets)
    schema.create("codes", codes)


def test_uuid_keys_are_generated_on_insert(tables: None) -> None:
    doc = UiDoc.create({"title": "a"})
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", doc.id
    )
    assert UiDoc.find(doc.id).title == "a"
    assert doc.get_key_type() == "string" and doc.get_incrementing() is False
    assert doc.unique_ids() == ["id"]
    assert doc.is_valid_unique_id(doc.id) and not doc.is_valid_unique_id("nope")
    second = UiDoc.create({"title": "b"})
    assert second.id != doc.id


def test_ulid_keys_are_lower_case(tables: None) -> None:
    ticket = UiTicket.create({"title": "a"})
    assert re.fullmatch(r"[0-9a-z]{26}", ticket.id)
    assert UiTicket.find(ticket.id).title == "a"
    assert ticket.is_valid_unique_id(ticket.id)


def test_a_given_key_is_kept(tables: None) -> None:
    doc = UiDoc({"title": "a"})
    doc.id = "0190b7a4-0000-7000-8000-000000000001"
    doc.save()
    assert UiDoc.find("0190b7a4-0000-7000-8000-000000000001") is not None


def test_string_keys_without_unique_ids(tables: None) -> None:
    code = UiCode.create({"code": "abc", "title": "x"})
    assert code.get_key() == "abc" and code.exists
    assert UiCode.find("abc").title == "x"
    code.title = "y"
    code.save()
    assert UiCode.find("abc").title == "y"
    assert UiCode().uses_unique_ids() is False and UiCode().unique_ids() == []
    assert UiCode().new_unique_id() is None
