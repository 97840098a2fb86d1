"""Bind the exception handler and the foundation's artisan commands.

Laravel: ``Illuminate\\Foundation\\Providers\\FoundationServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.foundation.configuration.exceptions import Exceptions
from protevus.foundation.exception_handler import ExceptionHandler
from protevus.support.helpers import set_exception_reporter
from protevus.support.service_provider import ServiceProvider


class FoundationServiceProvider(ServiceProvider):
    """Register ``'exceptions'``, the ``'artisan'`` console kernel and the foundation commands."""

    def register(self) -> None:
        """Bind the exception handler, configured by ``with_exceptions`` callbacks."""
        self.app.singleton("exceptions", self._make_handler)
        self.app.alias("exceptions", ExceptionHandler)
        self.app.singleton("artisan", self._make_console_kernel)
        from protevus.foundation.console.commands import FOUNDATION_COMMANDS

        self.commands(*FOUNDATION_COMMANDS)

    def boot(self) -> None:
        """Let ``rescue()`` report through the exception handler."""
        set_exception_reporter(lambda exc: self.app.make("exceptions").report(exc))

    def _make_console_kernel(self, app: t.Any) -> t.Any:
        from protevus.foundation.console.kernel import Kernel

        return Kernel(app)

    def _make_handler(self, app: t.Any) -> ExceptionHandler:
        handler = ExceptionHandler(app)
        for callback in app.exception_callbacks:
            callback(Exceptions(handler))
        return handler
