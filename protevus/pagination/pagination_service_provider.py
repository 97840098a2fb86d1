"""Point the paginators at the current request (page, path, query string, cursor).

Laravel: ``Illuminate\\Pagination\\PaginationServiceProvider`` and
``PaginationState::resolveUsing()``. The resolvers ask the container for
``'request'`` when a paginator needs it, so this package never imports the HTTP
layer; outside a request they fall back to page 1 of ``/``.
"""

from __future__ import annotations

import typing as t

from protevus.pagination.abstract_paginator import BasePaginator
from protevus.pagination.abstract_paginator import is_valid_page_number
from protevus.pagination.cursor import Cursor
from protevus.pagination.cursor_paginator import AbstractCursorPaginator
from protevus.support.service_provider import ServiceProvider


class PaginationServiceProvider(ServiceProvider):
    """Set the paginators' resolvers from the application's ``'request'``.

    Laravel: ``Illuminate\\Pagination\\PaginationServiceProvider``.
    """

    def register(self) -> None:
        """Install the current-page, path, query-string and cursor resolvers.

        Laravel: ``PaginationServiceProvider::register()`` (``PaginationState::resolveUsing``).
        """
        resolve_using(self.app)


def resolve_using(app: t.Any) -> None:
    """Make every paginator read the page, path, query string and cursor from ``app``'s request.

    Laravel: ``PaginationState::resolveUsing()``.
    """

    def request() -> t.Any:
        if not app.bound("request"):
            return None
        try:
            return app.make("request")
        except Exception:  # noqa: BLE001 - no request is being handled
            return None

    def current_page(page_name: str = "page") -> int:
        found = request()
        page = found.input(page_name) if found is not None else None
        return int(t.cast(t.Any, page)) if is_valid_page_number(page) else 1

    def current_path() -> str:
        found = request()
        if found is None:
            return "/"
        url = found.url
        return str(url() if callable(url) else url)

    def query_string() -> dict[str, t.Any]:
        found = request()
        if found is None:
            return {}
        return _query_dict(found)

    def current_cursor(cursor_name: str = "cursor") -> Cursor | None:
        found = request()
        return Cursor.from_encoded(found.input(cursor_name)) if found else None

    BasePaginator.current_page_resolver(current_page)
    BasePaginator.current_path_resolver(current_path)
    BasePaginator.query_string_resolver(query_string)
    AbstractCursorPaginator.current_cursor_resolver(current_cursor)


def _query_dict(request: t.Any) -> dict[str, t.Any]:
    """Read the query string as a dict, lists for repeated ``name[]`` keys."""
    args = getattr(request, "args", None)
    if args is not None and hasattr(args, "lists"):
        out: dict[str, t.Any] = {}
        for key, values in args.lists():
            name = key[:-2] if key.endswith("[]") else key
            out[name] = (
                list(values) if key.endswith("[]") or len(values) > 1 else values[0]
            )
        return out
    query = request.query()
    return dict(query) if query is not None else {}
