"""Paginators: length-aware, simple and cursor (Laravel: ``Illuminate\\Pagination``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.pagination.abstract_paginator import (
        AbstractPaginator as AbstractPaginator,
    )
    from protevus.pagination.cursor import Cursor as Cursor
    from protevus.pagination.cursor_paginator import (
        AbstractCursorPaginator as AbstractCursorPaginator,
    )
    from protevus.pagination.cursor_paginator import CursorPaginator as CursorPaginator
    from protevus.pagination.exceptions import (
        CursorPaginationError as CursorPaginationError,
    )
    from protevus.pagination.exceptions import PaginationError as PaginationError
    from protevus.pagination.length_aware_paginator import (
        LengthAwarePaginator as LengthAwarePaginator,
    )
    from protevus.pagination.pagination_service_provider import (
        PaginationServiceProvider as PaginationServiceProvider,
    )
    from protevus.pagination.paginator import Paginator as Paginator
    from protevus.pagination.url_window import UrlWindow as UrlWindow

__getattr__ = lazy_exports(
    __name__,
    {
        "LengthAwarePaginator": "protevus.pagination.length_aware_paginator",
        "Paginator": "protevus.pagination.paginator",
        "CursorPaginator": "protevus.pagination.cursor_paginator",
        "AbstractCursorPaginator": "protevus.pagination.cursor_paginator",
        "Cursor": "protevus.pagination.cursor",
        "AbstractPaginator": "protevus.pagination.abstract_paginator",
        "UrlWindow": "protevus.pagination.url_window",
        "PaginationServiceProvider": "protevus.pagination.pagination_service_provider",
        "PaginationError": "protevus.pagination.exceptions",
        "CursorPaginationError": "protevus.pagination.exceptions",
    },
)
