"""The simple paginator: "previous"/"next" only, told by one extra item."""

from __future__ import annotations

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.pagination.paginator import Paginator


def test_extra_item_means_more_pages_and_is_dropped() -> None:
    paginator = Paginator([1, 2, 3, 4], 3, 1, {"path": "/posts"})
    assert paginator.items() == [1, 2, 3]
    assert paginator.has_more_pages() and paginator.has_pages()
    assert paginator.next_page_url() == "/posts?page=2"
    assert paginator.previous_page_url() is None


def test_last_page() -> None:
    paginator = Paginator([7], 3, 3, {"path": "/posts"})
    assert not paginator.has_more_pages() and paginator.on_last_page()
    assert paginator.previous_page_url() == "/posts?page=2"
    assert paginator.next_page_url() is None
    assert (paginator.first_item(), paginator.last_item()) == (7, 7)


def test_to_array_has_laravels_keys() -> None:
    data = Paginator(
        [{"id": 4}, {"id": 5}, {"id": 6}], 2, 2, {"path": "/posts"}
    ).to_array()
    assert data == {
        "current_page": 2,
        "current_page_url": "/posts?page=2",
        "data": [{"id": 4}, {"id": 5}],
        "first_page_url": "/posts?page=1",
        "from": 3,
        "next_page_url": "/posts?page=3",
        "path": "/posts",
        "per_page": 2,
        "prev_page_url": "/posts?page=1",
        "to": 4,
    }


def test_has_more_pages_when_forces_the_flag() -> None:
    assert Paginator([1], 5, 1).has_more_pages_when(True).next_page_url() == "/?page=2"


def test_only_one_page_renders_nothing() -> None:
    assert str(Paginator([1, 2], 5, 1).links()) == ""


def test_zero_per_page_is_refused() -> None:
    with pytest.raises(InvalidArgumentError):
        Paginator([], 0)
