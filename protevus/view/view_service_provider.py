"""Bind the view factory, the view finder, the Blade compiler and the view commands.

Laravel: ``Illuminate\\View\\ViewServiceProvider``. Nothing heavy is imported until
a view is first made: the Jinja environment is built on first use, once per app.
"""

from __future__ import annotations

import os
import typing as t

from protevus.console.lazy_command import LazyCommand
from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.view.factory import Factory
    from protevus.view.file_view_finder import FileViewFinder

_CONSOLE = "protevus.view.console"

#: The view commands: name, description and where each lives.
VIEW_COMMANDS: tuple[LazyCommand, ...] = (
    LazyCommand(
        "view:cache",
        "Compile all of the application's Blade templates",
        f"{_CONSOLE}.view_cache_command.ViewCacheCommand",
    ),
    LazyCommand(
        "view:clear",
        "Clear all compiled view files",
        f"{_CONSOLE}.view_clear_command.ViewClearCommand",
    ),
    LazyCommand(
        "make:component",
        "Create a new view component class",
        f"{_CONSOLE}.component_make_command.ComponentMakeCommand",
    ),
)


class ViewServiceProvider(ServiceProvider):
    """Register ``'view'``, ``'view.finder'``, ``'blade.compiler'`` and the view commands.

    Laravel: ``Illuminate\\View\\ViewServiceProvider``.
    """

    def register(self) -> None:
        """Bind the view services as singletons (built when first resolved)."""
        self.app.singleton("view.finder", self._make_finder)
        self.app.singleton("view", self._make_factory)
        self.app.singleton("blade.compiler", self._make_compiler)
        self.commands(*VIEW_COMMANDS)

    def _make_finder(self, app: t.Any) -> FileViewFinder:
        from protevus.view.file_view_finder import FileViewFinder

        config = app.make("config")
        paths = [_absolute(app, path) for path in config.get("view.paths") or []]
        return FileViewFinder(paths, cache=not config.get("app.debug", False))

    def _make_factory(self, app: t.Any) -> Factory:
        from protevus.view.factory import Factory

        return Factory(app.make("view.finder"), self._environment_factory(app), app)

    def _make_compiler(self, app: t.Any) -> t.Any:
        return app.make("view").get_compiler()

    def _environment_factory(self, app: t.Any) -> t.Callable[[t.Any], t.Any]:
        def build(finder: t.Any) -> t.Any:
            from protevus.view.environment import build_environment

            config = app.make("config")
            return build_environment(
                finder,
                compiled=compiled_path(app),
                debug=bool(config.get("app.debug", False)),
            )

        return build


def compiled_path(app: t.Any) -> str | None:
    """Return the absolute compiled-views directory (``config('view.compiled')``), or None."""
    compiled = app.make("config").get("view.compiled")
    if not compiled:
        return None
    return _absolute(app, str(compiled))


def _absolute(app: t.Any, path: str) -> str:
    path = os.fspath(path)
    return path if os.path.isabs(path) else str(app.base_path(path))
