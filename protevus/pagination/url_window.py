"""Decide which page links a length-aware paginator shows (first pages, a slider, last pages).

Laravel: ``Illuminate\\Pagination\\UrlWindow``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.pagination.length_aware_paginator import LengthAwarePaginator

Window = dict[str, dict[int, str] | None]


class UrlWindow(CamelAliases):
    """Split a paginator's pages into ``first``, ``slider`` and ``last`` link ranges.

    With fewer than ``on_each_side * 2 + 8`` pages every page is listed in
    ``first``; otherwise the window keeps two pages at each end and
    ``on_each_side`` pages around the current one.

    Laravel: ``Illuminate\\Pagination\\UrlWindow``.
    """

    def __init__(self, paginator: LengthAwarePaginator) -> None:
        self.paginator = paginator

    @classmethod
    def make(cls, paginator: LengthAwarePaginator) -> Window:
        """Get the link window of ``paginator``. Laravel: ``UrlWindow::make()``."""
        return cls(paginator).get()

    def get(self) -> Window:
        """Get the ``first``/``slider``/``last`` ranges. Laravel: ``UrlWindow::get()``."""
        on_each_side = self.paginator.on_each_side_count
        if self.last_page() < on_each_side * 2 + 8:
            return self._small_slider()
        return self._url_slider(on_each_side)

    def _small_slider(self) -> Window:
        return {
            "first": self.paginator.get_url_range(1, self.last_page()),
            "slider": None,
            "last": None,
        }

    def _url_slider(self, on_each_side: int) -> Window:
        window = on_each_side + 4
        if not self.has_pages():
            return {"first": None, "slider": None, "last": None}
        if self.current_page() <= window:
            return {
                "first": self.paginator.get_url_range(1, window + on_each_side),
                "slider": None,
                "last": self.get_finish(),
            }
        if self.current_page() > self.last_page() - window:
            start = self.last_page() - (window + (on_each_side - 1))
            return {
                "first": self.get_start(),
                "slider": None,
                "last": self.paginator.get_url_range(start, self.last_page()),
            }
        return {
            "first": self.get_start(),
            "slider": self.get_adjacent_url_range(on_each_side),
            "last": self.get_finish(),
        }

    def get_adjacent_url_range(self, on_each_side: int) -> dict[int, str]:
        """Get the links around the current page. Laravel: ``UrlWindow::getAdjacentUrlRange()``."""
        current = self.current_page()
        return self.paginator.get_url_range(
            current - on_each_side, current + on_each_side
        )

    def get_start(self) -> dict[int, str]:
        """Get the links of the first two pages. Laravel: ``UrlWindow::getStart()``."""
        return self.paginator.get_url_range(1, 2)

    def get_finish(self) -> dict[int, str]:
        """Get the links of the last two pages. Laravel: ``UrlWindow::getFinish()``."""
        return self.paginator.get_url_range(self.last_page() - 1, self.last_page())

    def has_pages(self) -> bool:
        """Determine if there is more than one page. Laravel: ``UrlWindow::hasPages()``."""
        return self.paginator.last_page() > 1

    def current_page(self) -> int:
        """Get the current page. Laravel: ``UrlWindow::currentPage()``."""
        return self.paginator.current_page()

    def last_page(self) -> int:
        """Get the last page. Laravel: ``UrlWindow::lastPage()``."""
        return self.paginator.last_page()
