"""Paginate by position ("after this item") instead of by page number.

Laravel: ``Illuminate\\Pagination\\AbstractCursorPaginator`` and ``CursorPaginator``
(what ``cursor_paginate()`` returns). The query orders by some columns; the cursor
holds their values for the last (or first) item shown, so the next query continues
with ``where (col > value)`` and stays fast and stable on large tables.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import typing as t
import uuid

from protevus.pagination.abstract_paginator import BasePaginator
from protevus.pagination.abstract_paginator import PaginatorState
from protevus.pagination.abstract_paginator import _collect
from protevus.pagination.cursor import Cursor
from protevus.pagination.exceptions import CursorPaginationError
from protevus.support.helpers import value as _value


class AbstractCursorPaginator(BasePaginator):
    """Build the URLs and cursors of a cursor paginator.

    Laravel: ``Illuminate\\Pagination\\AbstractCursorPaginator``.
    """

    cursor_name: str
    parameters: list[str]
    _cursor: Cursor | None
    _has_more: bool

    def _apply_options(self, options: t.Mapping[str, t.Any] | None) -> None:
        self.cursor_name = "cursor"
        self.parameters = []
        super()._apply_options(options)
        self.parameters = list(self.parameters)

    def _reserved_query_name(self) -> str:
        return self.cursor_name

    # -- resolvers -----------------------------------------------------------------

    @staticmethod
    def current_cursor_resolver(resolver: t.Callable[..., t.Any] | None) -> None:
        """Set how the current cursor is found: ``resolver(cursor_name) -> Cursor | None``.

        Laravel: ``AbstractCursorPaginator::currentCursorResolver()``.
        """
        PaginatorState.current_cursor = resolver

    @staticmethod
    def resolve_current_cursor(
        cursor_name: str = "cursor", default: t.Any = None
    ) -> Cursor | None:
        """Get the request's cursor, or ``default`` without a resolver.

        Laravel: ``AbstractCursorPaginator::resolveCurrentCursor()``.
        """
        resolver = PaginatorState.current_cursor
        if resolver is not None:
            found = resolver(cursor_name)
            return Cursor.from_encoded(found) if isinstance(found, str) else found
        return t.cast("Cursor | None", _value(default))

    # -- URLs ----------------------------------------------------------------------

    def url(self, cursor: Cursor | None) -> str:
        """Get the URL of the page a cursor points to (no cursor: the first page).

        Laravel: ``AbstractCursorPaginator::url()``.
        """
        parameters = {} if cursor is None else {self.cursor_name: cursor.encode()}
        return self._build_url(parameters)

    def previous_page_url(self) -> str | None:
        """Get the URL of the previous page, or ``None`` on the first.

        Laravel: ``AbstractCursorPaginator::previousPageUrl()``.
        """
        cursor = self.previous_cursor()
        return None if cursor is None else self.url(cursor)

    def next_page_url(self) -> str | None:
        """Get the URL of the next page, or ``None`` on the last.

        Laravel: ``AbstractCursorPaginator::nextPageUrl()``.
        """
        cursor = self.next_cursor()
        return None if cursor is None else self.url(cursor)

    def previous_cursor(self) -> Cursor | None:
        """Get the cursor pointing before the first item of this page.

        Laravel: ``AbstractCursorPaginator::previousCursor()``.
        """
        cursor = self._cursor
        if cursor is None or (cursor.points_to_previous_items() and not self._has_more):
            return None
        if self.is_empty():
            return None
        return self.get_cursor_for_item(self.get_collection().first(), False)

    def next_cursor(self) -> Cursor | None:
        """Get the cursor pointing after the last item of this page.

        Laravel: ``AbstractCursorPaginator::nextCursor()``.
        """
        cursor = self._cursor
        if (cursor is None and not self._has_more) or (
            cursor is not None and cursor.points_to_next_items() and not self._has_more
        ):
            return None
        if self.is_empty():
            return None
        return self.get_cursor_for_item(self.get_collection().last(), True)

    def get_cursor_for_item(self, item: t.Any, is_next: bool = True) -> Cursor:
        """Make the cursor for ``item`` from its values of the ordered columns.

        Laravel: ``AbstractCursorPaginator::getCursorForItem()``.
        """
        return Cursor(self.get_parameters_for_item(item), is_next)

    def get_parameters_for_item(self, item: t.Any) -> dict[str, t.Any]:
        """Read the ordered columns' values from ``item`` (a row, dict, model or object).

        Laravel: ``AbstractCursorPaginator::getParametersForItem()``.
        """
        return {
            name: _primitive(_read_parameter(item, name))
            for name in self.parameters
            if name
        }

    # -- state ---------------------------------------------------------------------

    def cursor(self) -> Cursor | None:
        """Get the cursor this page was read from. Laravel: ``AbstractCursorPaginator::cursor()``."""
        return self._cursor

    def get_cursor_name(self) -> str:
        """Get the query parameter of the cursor (``'cursor'``).

        Laravel: ``AbstractCursorPaginator::getCursorName()``.
        """
        return self.cursor_name

    def set_cursor_name(self, name: str) -> t.Self:
        """Set the query parameter of the cursor.

        Laravel: ``AbstractCursorPaginator::setCursorName()``.
        """
        self.cursor_name = name
        return self

    def on_first_page(self) -> bool:
        """Determine if this is the first page.

        Laravel: ``AbstractCursorPaginator::onFirstPage()``.
        """
        cursor = self._cursor
        return cursor is None or (
            cursor.points_to_previous_items() and not self._has_more
        )

    def on_last_page(self) -> bool:
        """Determine if this is the last page.

        Laravel: ``AbstractCursorPaginator::onLastPage()``.
        """
        return not self.has_more_pages()

    def has_pages(self) -> bool:
        """Determine if there is more than one page.

        Laravel: ``CursorPaginator::hasPages()``.
        """
        return not self.on_first_page() or self.has_more_pages()

    def has_more_pages(self) -> bool:
        """Determine if a page follows this one."""
        raise NotImplementedError


class CursorPaginator(AbstractCursorPaginator):
    """Hold one page of items read from a cursor, and the cursors around it.

    ``CursorPaginator(items, per_page, cursor=None, options=None)``: give up to
    ``per_page + 1`` items (the extra one tells that more follow); ``options``
    takes ``path``, ``query``, ``fragment``, ``cursor_name`` and ``parameters``
    (the ordered columns).

    Laravel: ``Illuminate\\Pagination\\CursorPaginator``.
    """

    def __init__(
        self,
        items: t.Any,
        per_page: int,
        cursor: Cursor | None = None,
        options: t.Mapping[str, t.Any] | None = None,
    ) -> None:
        self._apply_options(options)
        per_page = int(per_page)
        if per_page < 1:
            from protevus.exceptions import InvalidArgumentError

            raise InvalidArgumentError(
                f"A paginator needs at least one item per page [{per_page}] given."
            )
        self._per_page = per_page
        self._cursor = cursor
        self._set_items(items)

    def _set_items(self, items: t.Any) -> None:
        collection = _collect(items)
        self._has_more = len(collection) > self._per_page
        collection = collection.slice(0, self._per_page)
        if self._cursor is not None and self._cursor.points_to_previous_items():
            collection = collection.reverse().values()
        self._collection = collection

    def has_more_pages(self) -> bool:
        """Determine if a page follows this one.

        Laravel: ``CursorPaginator::hasMorePages()``.
        """
        cursor = self._cursor
        if cursor is None:
            return self._has_more
        if cursor.points_to_next_items():
            return self._has_more
        return True

    def links(self, view: t.Any = None, data: t.Any = None) -> t.Any:
        """Render "previous"/"next" links as HTML (simple Tailwind markup).

        Laravel: ``CursorPaginator::links()``.
        """
        return self.render(view, data)

    def render(self, view: t.Any = None, data: t.Any = None) -> t.Any:
        """Render "previous"/"next" links as HTML.

        Laravel: ``CursorPaginator::render()``.
        """
        from protevus.pagination.abstract_paginator import AbstractPaginator
        from protevus.pagination.tailwind_presenter import render

        return render(
            self, view or AbstractPaginator._default_simple_view_name, [], data
        )

    def to_array(self) -> dict[str, t.Any]:
        """Get Laravel's JSON envelope (``data``, ``next_cursor``, ``next_page_url``...).

        Laravel: ``CursorPaginator::toArray()``.
        """
        following, previous = self.next_cursor(), self.previous_cursor()
        return {
            "data": self.get_collection().to_array(),
            "path": self.path(),
            "per_page": self.per_page(),
            "next_cursor": following.encode() if following is not None else None,
            "next_page_url": self.url(following) if following is not None else None,
            "prev_cursor": previous.encode() if previous is not None else None,
            "prev_page_url": self.url(previous) if previous is not None else None,
        }

    def __repr__(self) -> str:
        return f"<CursorPaginator {self.count()} items, cursor {self._cursor!r}>"


def _read_parameter(item: t.Any, name: str) -> t.Any:
    short = name.rpartition(".")[2]
    keys = (name, short) if short != name else (name,)
    get_attributes = getattr(type(item), "get_attributes", None)
    if callable(get_attributes):
        # A model: its stored (uncast) values compare correctly in SQL.
        raw = item.get_attributes()
        for key in keys:
            if key in raw:
                return raw[key]
    if isinstance(item, t.Mapping):
        for key in keys:
            if key in item and item[key] is not None:
                return item[key]
        return None
    if isinstance(item, list | tuple | str | int | float | bool) or item is None:
        raise CursorPaginationError(
            f"Only dicts, rows, models and objects can be cursor paginated; "
            f"[{type(item).__qualname__}] was given."
        )
    for key in keys:
        found = getattr(item, key, None)
        if found is not None:
            return found
    return None


def _primitive(value: t.Any) -> t.Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return str(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if getattr(type(value), "__str__", None) is object.__str__:
        raise CursorPaginationError(
            f"Parameters must be primitive or string-castable to be cursor paginated; "
            f"[{type(value).__qualname__}] is neither."
        )
    return str(value)
