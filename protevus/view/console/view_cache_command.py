"""``view:cache``: compile every Blade and Jinja template ahead of time.

Laravel: ``Illuminate\\Foundation\\Console\\ViewCacheCommand``.
"""

from __future__ import annotations

import typing as t

from protevus.console.command import Command


def view_name(template: str) -> str:
    """Return the dotted view name of a template name (``posts/index.blade.html`` → ``posts.index``)."""
    for suffix in (".blade.html", ".html"):
        if template.endswith(suffix):
            template = template[: -len(suffix)]
            break
    return template.replace("/", ".")


class ViewCacheCommand(Command):
    """Compile all of the application's Blade templates.

    Each template under the view paths (and namespaces) is translated, compiled and
    stored in ``config('view.compiled')``, so the first request pays nothing. A
    template that fails to compile is named with its line, and the command exits 1.

    Laravel: ``Illuminate\\Foundation\\Console\\ViewCacheCommand``.
    """

    signature = "view:cache"
    description = "Compile all of the application's Blade templates"

    def handle(self) -> int:
        """Clear the compiled views, then compile every template."""
        self.call_silently("view:clear")
        factory = self.laravel.make("view")
        environment = factory.environment
        cache = environment.bytecode_cache
        if cache is None:
            self.components.error(
                "Compiled views are not stored: set config('view.compiled') to a writable directory."
            )
            return self.FAILURE
        loader = environment.loader
        failures: list[str] = []
        count = 0
        for template in factory.get_finder().list_templates():
            try:
                self._compile(environment, loader, cache, template)
            except Exception as exc:  # noqa: BLE001 - every failure is reported by name
                failures.append(self._describe(template, exc))
                continue
            count += 1
        for failure in failures:
            self.components.error(failure)
        if failures:
            return self.FAILURE
        self.components.info(f"Blade templates cached successfully ({count} compiled).")
        return self.SUCCESS

    def _compile(
        self, environment: t.Any, loader: t.Any, cache: t.Any, template: str
    ) -> None:
        # What jinja2.BaseLoader.load does, without Jinja's in-memory cache in the way.
        source, filename, _ = loader.get_source(environment, template)
        bucket = cache.get_bucket(environment, template, filename, source)
        bucket.code = environment.compile(source, template, filename)
        cache.set_bucket(bucket)

    def _describe(self, template: str, exc: BaseException) -> str:
        import jinja2

        name = view_name(template)
        if isinstance(exc, jinja2.TemplateSyntaxError):
            message = exc.message or str(exc)
            if f"line {exc.lineno}" in message:
                return f"View [{name}] could not be compiled: {message}"
            return f"View [{name}] could not be compiled, line {exc.lineno}: {message}"
        return f"View [{name}] could not be compiled: {exc}"
