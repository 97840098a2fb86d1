"""The error raised when a request's CSRF token does not match the session's.

Laravel: ``Illuminate\\Session\\TokenMismatchException``. The exception handler
answers it with status 419 (Page Expired).
"""

from __future__ import annotations

from protevus.exceptions import ProtevusError


class TokenMismatchException(ProtevusError):
    """Signal a missing or wrong CSRF token (rendered as 419).

    Laravel: ``Illuminate\\Session\\TokenMismatchException``.
    """

    def __init__(self, message: str = "CSRF token mismatch.") -> None:
        super().__init__(message)
