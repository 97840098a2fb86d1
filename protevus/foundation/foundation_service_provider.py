"""Bind the exception handler and the foundation's artisan commands.

Laravel: ``Illuminate\\Foundation\\Providers\\FoundationServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.console.lazy_command import LazyCommand
from protevus.foundation.configuration.exceptions import Exceptions
from protevus.foundation.exception_handler import ExceptionHandler
from protevus.support.helpers import set_exception_reporter
from protevus.support.service_provider import ServiceProvider

_CONSOLE = "protevus.foundation.console"

#: the foundation's artisan commands: name, description and where each lives, so
#: ``artisan list`` imports none of them (a test checks the descriptions match).
FOUNDATION_COMMANDS: tuple[LazyCommand, ...] = tuple(
    LazyCommand(name, description, f"{_CONSOLE}.{target}")
    for name, description, target in (
        ("about", "Display basic information about your application", "commands.about"),
        ("env", "Display the current framework environment", "commands.env"),
        (
            "config:cache",
            "Create a cache file for faster configuration loading",
            "commands.config_cache",
        ),
        (
            "config:clear",
            "Remove the configuration cache file",
            "commands.config_clear",
        ),
        (
            "serve",
            "Serve the application on the development server",
            "serve_command.ServeCommand",
        ),
        (
            "key:generate",
            "Set the application key",
            "key_generate_command.KeyGenerateCommand",
        ),
        (
            "down",
            "Put the application into maintenance / demo mode",
            "down_command.DownCommand",
        ),
        ("up", "Bring the application out of maintenance mode", "up_command.UpCommand"),
        (
            "optimize",
            "Cache framework bootstrap, configuration, and metadata to increase performance",
            "optimize_command.OptimizeCommand",
        ),
        (
            "optimize:clear",
            "Remove the cached bootstrap files",
            "optimize_command.OptimizeClearCommand",
        ),
        ("tinker", "Interact with your application", "tinker_command.TinkerCommand"),
        (
            "make:controller",
            "Create a new controller class",
            "controller_make_command.ControllerMakeCommand",
        ),
        (
            "make:middleware",
            "Create a new HTTP middleware class",
            "middleware_make_command.MiddlewareMakeCommand",
        ),
        (
            "make:command",
            "Create a new Artisan command",
            "console_make_command.ConsoleMakeCommand",
        ),
        (
            "make:provider",
            "Create a new service provider class",
            "provider_make_command.ProviderMakeCommand",
        ),
        ("make:test", "Create a new test class", "test_make_command.TestMakeCommand"),
    )
)


class FoundationServiceProvider(ServiceProvider):
    """Register ``'exceptions'``, the ``'artisan'`` console kernel and the foundation commands."""

    def register(self) -> None:
        """Bind the exception handler, configured by ``with_exceptions`` callbacks."""
        self.app.singleton("exceptions", self._make_handler)
        self.app.alias("exceptions", ExceptionHandler)
        self.app.singleton("artisan", self._make_console_kernel)
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
