"""Enum casts: members in, values stored, values serialized."""

from __future__ import annotations

import enum
import typing as t

import pytest

from protevus.database.eloquent.casts.as_enum_collection import AsEnumCollection
from protevus.database.eloquent.model import Model


class Status(enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Other(enum.Enum):
    DRAFT = "draft"


class Ticket(Model):
    table = "tickets"
    guarded: t.ClassVar[list[str]] = []
    casts = {
        "status": Status,
        "priority": Priority,
        "roles": AsEnumCollection.of(Status),
    }


def test_reads_members_and_stores_values() -> None:
    ticket = Ticket()
    ticket.status = Status.PUBLISHED
    ticket.priority = 2
    assert ticket.attributes == {"status": "published", "priority": 2}
    assert ticket.status is Status.PUBLISHED
    assert ticket.priority is Priority.HIGH


def test_accepts_raw_values_and_member_names() -> None:
    ticket = Ticket()
    ticket.status = "draft"
    assert ticket.status is Status.DRAFT
    ticket.status = "PUBLISHED"
    assert ticket.attributes["status"] == "published"
    assert Ticket().set_raw_attributes({"priority": "1"}).priority is Priority.LOW


def test_invalid_values_raise_value_errors_naming_the_enum() -> None:
    ticket = Ticket()
    with pytest.raises(
        ValueError, match=r"\['archived'\] is not a valid backing value"
    ):
        ticket.status = "archived"
    with pytest.raises(ValueError, match="not of the expected enum type"):
        ticket.status = Other.DRAFT
    with pytest.raises(ValueError, match="Status"):
        _ = Ticket().set_raw_attributes({"status": "gone"}).status


def test_serializes_enum_values() -> None:
    ticket = Ticket(status=Status.DRAFT, priority=Priority.LOW, roles=[Status.DRAFT])
    assert ticket.to_array() == {"status": "draft", "priority": 1, "roles": ["draft"]}


def test_enum_collection_reads_members() -> None:
    ticket = Ticket()
    ticket.roles = [Status.DRAFT, "published"]
    assert ticket.attributes["roles"] == '["draft","published"]'
    assert ticket.roles.all() == [Status.DRAFT, Status.PUBLISHED]


def test_enums_round_trip_through_the_database(schema: t.Any) -> None:
    def columns(table: t.Any) -> None:
        table.id()
        table.string("status").nullable()
        table.integer("priority").nullable()
        table.json("roles").nullable()
        table.timestamps()

    schema.create("tickets", columns)
    ticket = Ticket.create(
        {"status": Status.PUBLISHED, "priority": Priority.HIGH, "roles": [Status.DRAFT]}
    )
    fresh = Ticket.find(ticket.id)
    assert fresh.status is Status.PUBLISHED
    assert fresh.priority is Priority.HIGH
    assert fresh.roles.all() == [Status.DRAFT]
    assert Ticket.where("status", Status.PUBLISHED.value).count() == 1
    fresh.status = Status.PUBLISHED
    assert fresh.is_clean()
    fresh.status = Status.DRAFT
    assert fresh.is_dirty("status")
