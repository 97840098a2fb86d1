"""Paginate without counting: only "previous" and "next" (one extra row tells if there is more).

Laravel: ``Illuminate\\Pagination\\Paginator`` (what ``simple_paginate()`` returns).
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.pagination.abstract_paginator import AbstractPaginator
from protevus.pagination.abstract_paginator import _collect


class Paginator(AbstractPaginator):
    """Hold one page of items and whether another page follows.

    ``Paginator(items, per_page, current_page=None, options=None)``: give up to
    ``per_page + 1`` items; the extra one only tells that a next page exists.

    Laravel: ``Illuminate\\Pagination\\Paginator``.
    """

    def __init__(
        self,
        items: t.Any,
        per_page: int,
        current_page: int | None = None,
        options: t.Mapping[str, t.Any] | None = None,
    ) -> None:
        self._apply_options(options)
        per_page = int(per_page)
        if per_page < 1:
            raise InvalidArgumentError(
                f"A paginator needs at least one item per page [{per_page}] given."
            )
        self._per_page = per_page
        self._current_page = self._set_current_page(current_page)
        self._set_items(items)

    def _set_items(self, items: t.Any) -> None:
        collection = _collect(items)
        self._has_more = len(collection) > self._per_page
        self._collection = collection.slice(0, self._per_page)

    # -- class-level configuration (Laravel's static Paginator methods) ----------

    @staticmethod
    def default_view(view: str) -> None:
        """Set the view ``links()`` uses for length-aware paginators.

        Laravel: ``Paginator::defaultView()``.
        """
        AbstractPaginator._default_view_name = view

    @staticmethod
    def default_simple_view(view: str) -> None:
        """Set the view ``links()`` uses for simple paginators.

        Laravel: ``Paginator::defaultSimpleView()``.
        """
        AbstractPaginator._default_simple_view_name = view

    @staticmethod
    def use_tailwind() -> None:
        """Use the Tailwind views (the default).

        Laravel: ``Paginator::useTailwind()``.
        """
        AbstractPaginator._default_view_name = "tailwind"
        AbstractPaginator._default_simple_view_name = "simple-tailwind"

    # -- pages -------------------------------------------------------------------

    def has_more_pages(self) -> bool:
        """Determine if another page follows this one.

        Laravel: ``Paginator::hasMorePages()``.
        """
        return self._has_more

    def has_more_pages_when(self, has_more: bool = True) -> t.Self:
        """Force whether another page follows (for hand-built paginators).

        Laravel: ``Paginator::hasMorePagesWhen()``.
        """
        self._has_more = bool(has_more)
        return self

    def next_page_url(self) -> str | None:
        """Get the URL of the next page, or ``None`` on the last one.

        Laravel: ``Paginator::nextPageUrl()``.
        """
        if self.has_more_pages():
            return self.url(self.current_page() + 1)
        return None

    def links(self, view: t.Any = None, data: t.Any = None) -> t.Any:
        """Render "previous"/"next" links as HTML (simple Tailwind markup by default).

        Laravel: ``Paginator::links()``.
        """
        return self.render(view, data)

    def render(self, view: t.Any = None, data: t.Any = None) -> t.Any:
        """Render "previous"/"next" links as HTML.

        Laravel: ``Paginator::render()``.
        """
        from protevus.pagination.tailwind_presenter import render

        return render(
            self, view or AbstractPaginator._default_simple_view_name, [], data
        )

    # -- serialization -----------------------------------------------------------

    def to_array(self) -> dict[str, t.Any]:
        """Get Laravel's JSON envelope (no ``total``, ``last_page`` or ``links``).

        Laravel: ``Paginator::toArray()``.
        """
        return {
            "current_page": self.current_page(),
            "current_page_url": self.url(self.current_page()),
            "data": self.get_collection().to_array(),
            "first_page_url": self.url(1),
            "from": self.first_item(),
            "next_page_url": self.next_page_url(),
            "path": self.path(),
            "per_page": self.per_page(),
            "prev_page_url": self.previous_page_url(),
            "to": self.last_item(),
        }

    def __repr__(self) -> str:
        more = "more" if self._has_more else "last"
        return f"<Paginator page {self.current_page()} ({more})>"
