"""The errors the paginators raise.

Laravel: ``UnexpectedValueException`` / ``Exception`` thrown by ``Illuminate\\Pagination``.
"""

from __future__ import annotations

from protevus.exceptions import ProtevusError


class PaginationError(ProtevusError):
    """Signal a paginator used in a way it cannot work."""


class CursorPaginationError(PaginationError):
    """Signal a cursor or item that cannot give the cursor's parameters.

    Laravel: the ``UnexpectedValueException``/``Exception`` of cursor pagination.
    """
