"""The HTML links: Tailwind markup, the simple markup, escaping, custom views."""

from __future__ import annotations

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.pagination.length_aware_paginator import LengthAwarePaginator
from protevus.pagination.paginator import Paginator


def lap(current: int, total: int = 50, path: str = "/posts") -> LengthAwarePaginator:
    return LengthAwarePaginator(list(range(10)), total, 10, current, {"path": path})


def test_tailwind_links() -> None:
    html = lap(2).links()
    assert html.startswith('<nav role="navigation" aria-label="Pagination Navigation"')
    assert "Showing" in html and '<span class="font-medium">11</span> to' in html
    assert 'of <span class="font-medium">50</span> results' in html
    assert '<span aria-current="page">' in html
    assert 'href="/posts?page=1" rel="prev"' in html
    assert 'href="/posts?page=3" rel="next"' in html
    assert 'aria-label="Go to page 5">5</a>' in html
    assert html.__html__() == str(html)


def test_disabled_arrows_on_the_first_page() -> None:
    html = lap(1).links()
    assert 'aria-disabled="true" aria-label="&laquo; Previous"' in html
    assert 'rel="prev"' not in html


def test_separators_render() -> None:
    html = lap(10, total=200).links()
    assert html.count(">...</span>") == 2


def test_urls_are_escaped() -> None:
    html = lap(1, path='/posts"><script>').appends("q", "<b>").links()
    assert "<script>" not in html
    assert "%3Cb%3E" in html
    assert "&quot;&gt;&lt;script&gt;" in html


def test_simple_links() -> None:
    html = Paginator([1, 2, 3], 2, 2, {"path": "/posts"}).links()
    assert '<a href="/posts?page=1" rel="prev"' in html
    assert '<a href="/posts?page=3" rel="next"' in html
    assert "&laquo; Previous" in html and "Next &raquo;" in html
    assert "Showing" not in html


def test_simple_view_for_a_length_aware_paginator() -> None:
    html = lap(2).links("simple-tailwind")
    assert "aria-current" not in html and 'rel="next"' in html


def test_default_views_can_be_changed() -> None:
    Paginator.default_view("simple-tailwind")
    assert "aria-current" not in lap(2).links()
    Paginator.use_tailwind()
    assert "aria-current" in lap(2).links()


def test_callable_view_gets_the_paginator_elements_and_data() -> None:
    def view(
        paginator: LengthAwarePaginator, elements: list[object], data: dict[str, object]
    ) -> str:
        return f"{paginator.current_page()}:{len(elements)}:{data['x']}"

    assert lap(2).links(view, {"x": 1}) == "2:1:1"


def test_unknown_view_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[bootstrap-5\]"):
        lap(2).links("bootstrap-5")
