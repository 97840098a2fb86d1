"""Paginate query results (paginate, simple_paginate, cursor_paginate).

Laravel: ``Builder::paginate()``, ``simplePaginate()``, ``cursorPaginate()``.
"""

from __future__ import annotations


class BuildsPagination:
    """Paginate query results (paginate, simple_paginate, cursor_paginate).

    Laravel: ``Builder::paginate()``, ``simplePaginate()``, ``cursorPaginate()``.
    """
