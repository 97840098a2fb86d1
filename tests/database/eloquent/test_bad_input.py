"""Bad page numbers, cursors and keys answer sensibly instead of failing."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.model import Model
from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.pagination.abstract_paginator import BasePaginator
from protevus.pagination.cursor import Cursor


class BiItem(Model):
    table = "items"
    fillable = ["name"]
    timestamps = False


@pytest.fixture
def items(schema: t.Any) -> None:
    with schema.create("items") as table:
        table.id()
        table.string("name")
    for i in range(5):
        BiItem.create({"name": f"i{i}"})


def test_a_page_number_too_big_for_the_database_is_page_one(items: None) -> None:
    # ?page=99999999999999999999 from the request (the provider's resolver).
    BasePaginator.current_page_resolver(lambda name: "99999999999999999999")
    page = BiItem.query().order_by("id").paginate(2)
    assert page.current_page() == 1
    assert [item.name for item in page.items()] == ["i0", "i1"]


def test_a_cursor_for_another_ordering_starts_at_the_first_page(items: None) -> None:
    stranger = Cursor({"x": 1}, True).encode()
    page = BiItem.query().order_by("id").cursor_paginate(2, cursor=stranger)
    assert [item.name for item in page.items()] == ["i0", "i1"]


def test_lazy_by_id_without_the_key_selected_stops_with_a_sentence(
    items: None,
) -> None:
    with pytest.raises(
        InvalidQueryArgumentError, match=r"\[id\] column is not present"
    ):
        list(BiItem.query().select("name").lazy_by_id(2))


def test_a_model_without_a_key_is_unhashable_so_sets_stay_correct(items: None) -> None:
    fresh = BiItem({"name": "new"})
    with pytest.raises(TypeError, match="without a primary key value is unhashable"):
        hash(fresh)
    fresh.save()
    assert fresh in {fresh}
