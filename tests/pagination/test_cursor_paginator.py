"""Cursors and the cursor paginator: encoding, directions, item parameters, JSON."""

from __future__ import annotations

import datetime
import decimal

import pytest

from protevus.pagination.cursor import Cursor
from protevus.pagination.cursor_paginator import CursorPaginator
from protevus.pagination.exceptions import CursorPaginationError


def test_cursor_encodes_like_laravel() -> None:
    # Laravel: base64 of {"id":15,"_pointsToNextItems":true} made URL-safe, unpadded.
    assert (
        Cursor({"id": 15}).encode() == "eyJpZCI6MTUsIl9wb2ludHNUb05leHRJdGVtcyI6dHJ1ZX0"
    )


def test_cursor_round_trips() -> None:
    cursor = Cursor({"created_at": "2026-01-01 10:00:00", "id": 3}, False)
    decoded = Cursor.from_encoded(cursor.encode())
    assert decoded == cursor
    assert decoded is not None and decoded.points_to_previous_items()
    assert decoded.parameters(["created_at", "id"]) == ["2026-01-01 10:00:00", 3]


@pytest.mark.parametrize("bad", ["", "%%%", "bm90IGpzb24", "WzFd", None, 12])
def test_invalid_cursor_strings_give_none(bad: object) -> None:
    assert Cursor.from_encoded(bad) is None


def test_missing_parameter_is_explained() -> None:
    with pytest.raises(
        CursorPaginationError, match=r"Unable to find parameter \[name\]"
    ):
        Cursor({"id": 1}).parameter("name")


def make(
    items: list[object], cursor: Cursor | None = None, per_page: int = 2
) -> CursorPaginator:
    return CursorPaginator(
        items, per_page, cursor, {"path": "/posts", "parameters": ["posts.id"]}
    )


def test_first_page() -> None:
    paginator = make([{"id": 1}, {"id": 2}, {"id": 3}])
    assert paginator.on_first_page() and paginator.has_more_pages()
    assert paginator.previous_cursor() is None
    following = paginator.next_cursor()
    assert following is not None and following.parameter("posts.id") == 2
    assert following.points_to_next_items()
    data = paginator.to_array()
    assert list(data) == [
        "data",
        "path",
        "per_page",
        "next_cursor",
        "next_page_url",
        "prev_cursor",
        "prev_page_url",
    ]
    assert data["data"] == [{"id": 1}, {"id": 2}]
    assert data["next_page_url"] == "/posts?cursor=" + following.encode()
    assert data["prev_cursor"] is None and data["prev_page_url"] is None


def test_middle_page_going_forward() -> None:
    paginator = make([{"id": 3}, {"id": 4}, {"id": 5}], Cursor({"posts.id": 2}))
    assert not paginator.on_first_page() and paginator.has_more_pages()
    previous = paginator.previous_cursor()
    assert previous is not None and previous.points_to_previous_items()
    assert previous.parameter("posts.id") == 3


def test_last_page_going_forward() -> None:
    paginator = make([{"id": 5}], Cursor({"posts.id": 4}))
    assert paginator.next_cursor() is None and paginator.on_last_page()
    assert paginator.previous_cursor() is not None


def test_going_back_reverses_the_items() -> None:
    # Read backwards (descending), the query returns 4, 3, 2: one too many, so page 1 is not reached.
    paginator = make([{"id": 4}, {"id": 3}, {"id": 2}], Cursor({"posts.id": 5}, False))
    assert paginator.items() == [{"id": 3}, {"id": 4}]
    assert paginator.has_more_pages() and not paginator.on_first_page()


def test_going_back_to_the_first_page() -> None:
    paginator = make([{"id": 2}, {"id": 1}], Cursor({"posts.id": 3}, False))
    assert paginator.items() == [{"id": 1}, {"id": 2}]
    assert paginator.on_first_page() and paginator.previous_cursor() is None


def test_parameters_are_read_from_objects_and_made_primitive() -> None:
    class Item:
        id = decimal.Decimal("1.5")
        at = datetime.datetime(2026, 1, 2, 3, 4, 5)

    paginator = CursorPaginator([Item()], 5, None, {"parameters": ["id", "items.at"]})
    assert paginator.get_parameters_for_item(Item()) == {
        "id": "1.5",
        "items.at": "2026-01-02 03:04:05",
    }


def test_scalar_items_cannot_be_cursor_paginated() -> None:
    paginator = CursorPaginator([1, 2, 3], 1, None, {"parameters": ["id"]})
    with pytest.raises(CursorPaginationError, match=r"\[int\] was given"):
        paginator.next_cursor()


def test_current_cursor_comes_from_the_resolver() -> None:
    cursor = Cursor({"id": 9})
    CursorPaginator.current_cursor_resolver(
        lambda name: cursor.encode() if name == "cursor" else None
    )
    assert CursorPaginator.resolve_current_cursor() == cursor
    assert CursorPaginator.resolve_current_cursor("other") is None


def test_cursor_links_render_previous_and_next() -> None:
    html = str(make([{"id": 3}, {"id": 4}, {"id": 5}], Cursor({"posts.id": 2})).links())
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert "/posts?cursor=" in html
