"""Middleware that reports how long the application took, in a ``Server-Timing`` header."""

from __future__ import annotations

import time
import typing as t

if t.TYPE_CHECKING:
    from protevus.http import Request


class AddServerTiming:
    """Time the rest of the pipeline and add ``Server-Timing: app;dur=<ms>``.

    An "after" middleware: it calls ``next(request)`` first, then changes the
    response on its way out. Appended to the ``web`` group in ``bootstrap/app.py``.
    """

    def handle(self, request: Request, next: t.Callable[[Request], t.Any]) -> t.Any:
        """Run the request, then stamp the elapsed time on the response."""
        started = time.perf_counter()
        response = next(request)
        elapsed = (time.perf_counter() - started) * 1000
        response.headers["Server-Timing"] = f"app;dur={elapsed:.2f}"
        return response
