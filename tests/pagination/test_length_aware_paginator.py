"""The length-aware paginator: page numbers, URLs, Laravel's JSON envelope, the link window."""

from __future__ import annotations

import json

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.pagination.length_aware_paginator import LengthAwarePaginator


def page(
    current: int, total: int = 100, per_page: int = 10, **options: object
) -> LengthAwarePaginator:
    start = (current - 1) * per_page
    items = [{"id": i} for i in range(start + 1, min(start + per_page, total) + 1)]
    return LengthAwarePaginator(
        items, total, per_page, current, {"path": "http://x.test/posts", **options}
    )


def test_to_array_has_laravels_keys_in_order() -> None:
    data = page(2).to_array()
    assert list(data) == [
        "current_page", "data", "first_page_url", "from", "last_page", "last_page_url",
        "links", "next_page_url", "path", "per_page", "prev_page_url", "to", "total",
    ]  # fmt: skip
    assert data["current_page"] == 2
    assert data["data"][0] == {"id": 11}
    assert data["first_page_url"] == "http://x.test/posts?page=1"
    assert data["last_page_url"] == "http://x.test/posts?page=10"
    assert data["next_page_url"] == "http://x.test/posts?page=3"
    assert data["prev_page_url"] == "http://x.test/posts?page=1"
    assert (data["from"], data["to"], data["total"], data["last_page"]) == (
        11,
        20,
        100,
        10,
    )
    assert data["path"] == "http://x.test/posts"
    assert data["per_page"] == 10


def test_links_in_json_match_laravels_labels() -> None:
    links = page(1, total=30).to_array()["links"]
    assert links[0] == {"url": None, "label": "&laquo; Previous", "active": False}
    assert links[1] == {
        "url": "http://x.test/posts?page=1",
        "label": "1",
        "active": True,
    }
    assert links[2] == {
        "url": "http://x.test/posts?page=2",
        "label": "2",
        "active": False,
    }
    assert links[-1] == {
        "url": "http://x.test/posts?page=2",
        "label": "Next &raquo;",
        "active": False,
    }
    assert len(links) == 5


def test_first_and_last_pages() -> None:
    first, last = page(1), page(10)
    assert first.on_first_page() and not first.on_last_page()
    assert first.previous_page_url() is None
    assert last.on_last_page() and last.next_page_url() is None
    assert last.has_pages() and not last.has_more_pages()


def test_single_page_has_no_pages() -> None:
    only = LengthAwarePaginator([1, 2], 2, 10, 1)
    assert not only.has_pages()
    assert only.last_page() == 1
    assert str(only.links()) == ""


def test_empty_results() -> None:
    empty = LengthAwarePaginator([], 0, 15, 1)
    assert empty.last_page() == 1
    assert empty.first_item() is None and empty.last_item() is None
    assert empty.is_empty() and not empty.is_not_empty()
    data = empty.to_array()
    assert data["from"] is None and data["to"] is None and data["data"] == []


@pytest.mark.parametrize("current", [0, -3, "abc", None])
def test_invalid_current_page_falls_back_to_one(current: object) -> None:
    assert LengthAwarePaginator([], 50, 10, current).current_page() == 1  # type: ignore[arg-type]


def test_string_page_numbers_are_accepted() -> None:
    assert LengthAwarePaginator([], 50, 10, "3").current_page() == 3  # type: ignore[arg-type]


def test_zero_per_page_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[0\]"):
        LengthAwarePaginator([], 10, 0)


def test_path_trailing_slash_is_dropped_and_query_strings_join() -> None:
    paginator = LengthAwarePaginator([], 30, 10, 1, {"path": "/posts/?sort=new"})
    assert paginator.url(2) == "/posts/?sort=new&page=2"
    assert (
        LengthAwarePaginator([], 30, 10, 1, {"path": "/posts/"}).url(2)
        == "/posts?page=2"
    )


def test_url_below_one_is_page_one() -> None:
    assert page(3).url(0) == "http://x.test/posts?page=1"


def test_append_fragment_and_custom_page_name() -> None:
    paginator = (
        page(1, page_name="p")
        .appends("sort", "votes")
        .appends({"dir": "desc"})
        .fragment("list")
    )
    assert paginator.url(2) == "http://x.test/posts?sort=votes&dir=desc&p=2#list"
    assert paginator.fragment() == "list"
    # The page parameter itself cannot be appended over.
    assert paginator.appends("p", 9).url(3).endswith("p=3#list")


def test_appended_query_values_are_encoded() -> None:
    paginator = page(1).appends({"q": "a b&c", "tags": ["x", "y"]})
    assert (
        paginator.url(2)
        == "http://x.test/posts?q=a%20b%26c&tags%5B0%5D=x&tags%5B1%5D=y&page=2"
    )


def test_with_query_string_uses_the_resolver() -> None:
    LengthAwarePaginator.query_string_resolver(lambda: {"search": "php"})
    assert page(1).with_query_string().url(2) == "http://x.test/posts?search=php&page=2"


def test_with_query_string_without_a_resolver_changes_nothing() -> None:
    assert page(1).with_query_string().url(2) == "http://x.test/posts?page=2"


def test_current_page_and_path_come_from_resolvers() -> None:
    LengthAwarePaginator.current_page_resolver(
        lambda name: "4" if name == "page" else 1
    )
    LengthAwarePaginator.current_path_resolver(lambda: "http://x.test/users")
    paginator = LengthAwarePaginator(
        [], 100, 10, None, {"path": LengthAwarePaginator.resolve_current_path()}
    )
    assert paginator.current_page() == 4
    assert paginator.path() == "http://x.test/users"


def test_through_transforms_items_and_collection_methods_are_forwarded() -> None:
    paginator = page(1, total=3).through(lambda item: item["id"] * 10)
    assert paginator.items() == [10, 20, 30]
    assert paginator.sum() == 60
    assert list(paginator) == [10, 20, 30]
    assert len(paginator) == 3 and paginator[0] == 10 and 20 in paginator
    with pytest.raises(AttributeError, match=r"\[LengthAwarePaginator\] has no method"):
        paginator.no_such_method()


def test_camel_case_aliases() -> None:
    paginator = page(2)
    assert paginator.currentPage() == 2
    assert paginator.nextPageUrl() == paginator.next_page_url()
    assert paginator.toArray() == paginator.to_array()


def test_to_json_is_the_envelope() -> None:
    decoded = json.loads(page(1, total=2).to_json())
    assert decoded["total"] == 2 and decoded["data"] == [{"id": 1}, {"id": 2}]


def test_unknown_option_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[per\]"):
        LengthAwarePaginator([], 1, 1, 1, {"per": 3})


@pytest.mark.parametrize(
    ("current", "labels"),
    [
        (1, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "...", "19", "20"]),
        (
            10,
            ["1", "2", "...", "7", "8", "9", "10", "11", "12", "13", "...", "19", "20"],
        ),
        (
            18,
            [
                "1",
                "2",
                "...",
                "11",
                "12",
                "13",
                "14",
                "15",
                "16",
                "17",
                "18",
                "19",
                "20",
            ],
        ),
    ],
)
def test_link_window_slides_like_laravel(current: int, labels: list[str]) -> None:
    links = page(current, total=200).link_collection()
    assert [link["label"] for link in links[1:-1]] == labels
    assert [link["label"] for link in links if link["active"]] == [str(current)]


def test_on_each_side_narrows_the_window() -> None:
    links = page(10, total=200).on_each_side(1).link_collection()
    assert [link["label"] for link in links[1:-1]] == [
        "1",
        "2",
        "...",
        "9",
        "10",
        "11",
        "...",
        "19",
        "20",
    ]


def test_small_paginators_list_every_page() -> None:
    labels = [link["label"] for link in page(5, total=130).link_collection()[1:-1]]
    assert labels == [str(n) for n in range(1, 14)]
