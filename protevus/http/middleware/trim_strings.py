"""Trim whitespace from every string input, except passwords.

Laravel: ``Illuminate\\Foundation\\Http\\Middleware\\TrimStrings``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.http.middleware.transforms_request import TransformsRequest
from protevus.support.except_list import ExceptList

if t.TYPE_CHECKING:
    from protevus.http.request import Request

_EDGES = re.compile(r"^[\s\ufeff\u200b\u200e]+|[\s\ufeff\u200b\u200e]+$")
_DEFAULT_EXCEPT = ["current_password", "password", "password_confirmation"]


class TrimStrings(TransformsRequest):
    """Strip leading and trailing whitespace (Unicode too) from string input.

    ``except_`` lists the keys left alone (dotted for nested keys); add to it for
    every request with ``TrimStrings.except_(['secret'])`` or override it in a
    subclass. ``TrimStrings.skip_when(lambda request: ...)`` skips whole requests.

    Laravel: ``TrimStrings`` (``$except``, ``except()``, ``skipWhen()``).
    """

    except_: t.ClassVar[list[str]] = ExceptList(_DEFAULT_EXCEPT)
    _skip_callbacks: t.ClassVar[list[t.Callable[[t.Any], t.Any]]] = []

    def handle(self, request: Request, next: t.Callable[[Request], t.Any]) -> t.Any:
        """Trim the input unless a skip callback says no. Laravel: ``handle()``."""
        for callback in TrimStrings._skip_callbacks:
            if callback(request):
                return next(request)
        return super().handle(request, next)

    def transform(self, key: str, value: t.Any) -> t.Any:
        """Return ``value`` trimmed, unless ``key`` is excepted or it is not a string."""
        if (
            not isinstance(value, str)
            or key in self.except_
            or key in TrimStrings.except_
        ):
            return value
        return _EDGES.sub("", value)

    @classmethod
    def skip_when(cls, callback: t.Callable[[t.Any], t.Any]) -> None:
        """Skip trimming for requests where ``callback(request)`` is truthy. Laravel: ``skipWhen()``."""
        TrimStrings._skip_callbacks.append(callback)

    @classmethod
    def flush_state(cls) -> None:
        """Forget added exceptions and skip callbacks. Laravel: ``flushState()``."""
        TrimStrings.except_ = ExceptList(_DEFAULT_EXCEPT)
        TrimStrings._skip_callbacks = []
