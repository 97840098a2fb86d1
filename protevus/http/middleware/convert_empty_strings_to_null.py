"""Turn empty-string input into ``None``.

Laravel: ``Illuminate\\Foundation\\Http\\Middleware\\ConvertEmptyStringsToNull``.
"""

from __future__ import annotations

import typing as t

from protevus.http.middleware.transforms_request import TransformsRequest

if t.TYPE_CHECKING:
    from protevus.http.request import Request


class ConvertEmptyStringsToNull(TransformsRequest):
    """Replace every ``''`` input value with ``None`` (after TrimStrings, blanks too).

    ``ConvertEmptyStringsToNull.skip_when(lambda request: ...)`` skips requests.

    Laravel: ``ConvertEmptyStringsToNull``.
    """

    _skip_callbacks: t.ClassVar[list[t.Callable[[t.Any], t.Any]]] = []

    def handle(self, request: Request, next: t.Callable[[Request], t.Any]) -> t.Any:
        """Convert the input unless a skip callback says no. Laravel: ``handle()``."""
        for callback in ConvertEmptyStringsToNull._skip_callbacks:
            if callback(request):
                return next(request)
        return super().handle(request, next)

    def transform(self, key: str, value: t.Any) -> t.Any:
        """Return ``None`` for ``''`` and ``value`` otherwise."""
        return None if value == "" else value

    @classmethod
    def skip_when(cls, callback: t.Callable[[t.Any], t.Any]) -> None:
        """Skip conversion where ``callback(request)`` is truthy. Laravel: ``skipWhen()``."""
        ConvertEmptyStringsToNull._skip_callbacks.append(callback)

    @classmethod
    def flush_state(cls) -> None:
        """Forget the skip callbacks. Laravel: ``flushState()``."""
        ConvertEmptyStringsToNull._skip_callbacks = []
