"""Paginate when the total is known: page links, last page, totals.

Laravel: ``Illuminate\\Pagination\\LengthAwarePaginator`` (what ``paginate()`` returns).
"""

from __future__ import annotations

import math
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.pagination.abstract_paginator import AbstractPaginator
from protevus.pagination.abstract_paginator import _collect
from protevus.pagination.url_window import UrlWindow

#: Laravel's ``lang/en/pagination.php`` labels (HTML entities, as in its JSON).
PREVIOUS_LABEL = "&laquo; Previous"
NEXT_LABEL = "Next &raquo;"

Element = str | dict[int, str]


class LengthAwarePaginator(AbstractPaginator):
    """Hold one page of items and the total, and build the links to every page.

    ``LengthAwarePaginator(items, total, per_page, current_page=None, options=None)``
    where ``options`` takes ``path``, ``query``, ``fragment`` and ``page_name``.
    Returned from a route it becomes Laravel's JSON envelope (``current_page``,
    ``data``, ``links``, ``total``...); ``links()`` renders Tailwind HTML.

    Laravel: ``Illuminate\\Pagination\\LengthAwarePaginator``.
    """

    def __init__(
        self,
        items: t.Any,
        total: int,
        per_page: int,
        current_page: int | None = None,
        options: t.Mapping[str, t.Any] | None = None,
    ) -> None:
        self._apply_options(options)
        total = int(total)
        per_page = int(per_page)
        if per_page < 0 and total > 0:
            per_page = total
        if per_page == 0 or (per_page < 0 and total > 0):
            raise InvalidArgumentError(
                f"A paginator needs at least one item per page [{per_page}] given."
            )
        self._total = total
        self._per_page = per_page
        self._last_page = max(math.ceil(total / per_page), 1) if per_page > 0 else 1
        self._current_page = self._set_current_page(current_page)
        self._collection = _collect(items)

    # -- pages -------------------------------------------------------------------

    def total(self) -> int:
        """Get the total number of items across all pages.

        Laravel: ``LengthAwarePaginator::total()``.
        """
        return self._total

    def last_page(self) -> int:
        """Get the number of the last page (at least 1).

        Laravel: ``LengthAwarePaginator::lastPage()``.
        """
        return self._last_page

    def has_more_pages(self) -> bool:
        """Determine if there are pages after this one.

        Laravel: ``LengthAwarePaginator::hasMorePages()``.
        """
        return self.current_page() < self.last_page()

    def next_page_url(self) -> str | None:
        """Get the URL of the next page, or ``None`` on the last page.

        Laravel: ``LengthAwarePaginator::nextPageUrl()``.
        """
        if self.has_more_pages():
            return self.url(self.current_page() + 1)
        return None

    # -- links -------------------------------------------------------------------

    def elements(self) -> list[Element]:
        """Get the link ranges and ``'...'`` separators a view lays out.

        Laravel: ``LengthAwarePaginator::elements()``.
        """
        window = UrlWindow.make(self)
        parts: list[t.Any] = [
            window["first"],
            "..." if isinstance(window["slider"], dict) else None,
            window["slider"],
            "..." if isinstance(window["last"], dict) else None,
            window["last"],
        ]
        return [part for part in parts if part]

    def link_collection(self) -> list[dict[str, t.Any]]:
        """Get the links as ``{'url', 'label', 'active'}`` dicts (the JSON ``links`` key).

        Laravel: ``LengthAwarePaginator::linkCollection()``.
        """
        links: list[dict[str, t.Any]] = [
            {"url": self.previous_page_url(), "label": PREVIOUS_LABEL, "active": False}
        ]
        for element in self.elements():
            if isinstance(element, str):
                links.append({"url": None, "label": "...", "active": False})
                continue
            for page, url in element.items():
                links.append(
                    {
                        "url": url,
                        "label": str(page),
                        "active": self.current_page() == page,
                    }
                )
        links.append(
            {"url": self.next_page_url(), "label": NEXT_LABEL, "active": False}
        )
        return links

    def links(self, view: t.Any = None, data: t.Any = None) -> t.Any:
        """Render the page links as HTML (Tailwind markup by default).

        ``view`` is ``'tailwind'``, ``'simple-tailwind'`` or a callable
        ``view(paginator, elements, data) -> str``.

        Laravel: ``LengthAwarePaginator::links()``.
        """
        return self.render(view, data)

    def render(self, view: t.Any = None, data: t.Any = None) -> t.Any:
        """Render the page links as HTML.

        Laravel: ``LengthAwarePaginator::render()``.
        """
        from protevus.pagination.tailwind_presenter import render

        return render(
            self, view or AbstractPaginator._default_view_name, self.elements(), data
        )

    # -- serialization -----------------------------------------------------------

    def to_array(self) -> dict[str, t.Any]:
        """Get Laravel's JSON envelope: page numbers, URLs, ``links``, ``data``, totals.

        Laravel: ``LengthAwarePaginator::toArray()``.
        """
        return {
            "current_page": self.current_page(),
            "data": self.get_collection().to_array(),
            "first_page_url": self.url(1),
            "from": self.first_item(),
            "last_page": self.last_page(),
            "last_page_url": self.url(self.last_page()),
            "links": self.link_collection(),
            "next_page_url": self.next_page_url(),
            "path": self.path(),
            "per_page": self.per_page(),
            "prev_page_url": self.previous_page_url(),
            "to": self.last_item(),
            "total": self.total(),
        }

    def __repr__(self) -> str:
        return (
            f"<LengthAwarePaginator page {self.current_page()}/{self.last_page()} "
            f"of {self.total()} items>"
        )
