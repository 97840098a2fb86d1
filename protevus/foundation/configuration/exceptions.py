"""The object ``with_exceptions(callback)`` receives.

Laravel: ``Illuminate\\Foundation\\Configuration\\Exceptions``.
"""

from __future__ import annotations

import typing as t

from protevus.foundation.exception_handler import ExceptionHandler
from protevus.foundation.exception_handler import ReportableHandler
from protevus.support.aliases import CamelAliases

_Callback = t.Callable[..., t.Any]


class Exceptions(CamelAliases):
    """Register how exceptions are reported and rendered.

    ``bootstrap/app.py``::

        def exceptions(e):
            e.report(lambda exc: notify_ops(exc))         # every exception
            e.report(on_invalid_order).stop()              # typed: (exc: InvalidOrder)
            e.dont_report([InvalidOrder])
            e.level(PDOError, 'critical')
            e.dont_flash(['secret_answer'])                # never kept as old input

    Laravel: ``Illuminate\\Foundation\\Configuration\\Exceptions``.
    """

    def __init__(self, handler: ExceptionHandler) -> None:
        self.handler = handler

    def report(self, callback: _Callback) -> ReportableHandler:
        """Add a report callback; its first parameter's annotation picks the exception type."""
        reportable = ReportableHandler(callback)
        self.handler.reportables.append(reportable)
        return reportable

    def render(self, callback: _Callback) -> Exceptions:
        """Add a render callback ``(exc, request)`` returning a response or None."""
        self.handler.renderables.append(callback)
        return self

    def dont_report(
        self, exceptions: type[BaseException] | list[type[BaseException]]
    ) -> Exceptions:
        """Never report these exception classes."""
        items = exceptions if isinstance(exceptions, list) else [exceptions]
        self.handler.dont_report.extend(items)
        return self

    def dont_flash(self, attributes: str | list[str]) -> Exceptions:
        """Never flash these input keys back to the form after a validation error.

        Laravel: ``Exceptions::dontFlash()``.
        """
        items = [attributes] if isinstance(attributes, str) else list(attributes)
        for item in items:
            if item not in self.handler.dont_flash:
                self.handler.dont_flash.append(item)
        return self

    def level(self, exception: type[BaseException], level: str) -> Exceptions:
        """Log this exception class at ``level`` (``'critical'``, ``'warning'``...)."""
        self.handler.levels[exception] = level
        return self

    def dont_report_duplicates(self) -> Exceptions:
        """Report each exception instance only once, however often it is reported."""
        self.handler.without_duplicates = True
        return self

    def map(self, from_: t.Any, to: t.Any = None) -> Exceptions:
        """Turn one exception into another before reporting and rendering."""
        self.handler.map(from_, to)
        return self

    def respond(self, callback: _Callback) -> Exceptions:
        """Adjust every rendered error response: ``callback(response, exc, request)``."""
        self.handler.respond(callback)
        return self

    def should_render_json_when(self, callback: _Callback) -> Exceptions:
        """Decide when errors render as JSON: ``callback(request, exc) -> bool``."""
        self.handler.should_render_json_when(callback)
        return self

    def context(self, callback: _Callback) -> Exceptions:
        """Add log context for every reported exception: ``callback(exc) -> dict``."""
        self.handler.context_callbacks.append(callback)
        return self
