"""Build the one Jinja environment an application renders its views with.

Laravel: the ``view.engine.resolver`` / ``blade.compiler`` bindings of
``Illuminate\\View\\ViewServiceProvider``. Jinja does the loading, caching and
autoescaping; Blade templates are translated by :class:`BladeExtension` first.
Compiled templates persist in ``config('view.compiled')`` as Jinja bytecode, keyed
on the Blade translator's version so a new translator never reuses old code.
"""

from __future__ import annotations

import hashlib
import os
import typing as t

import jinja2
from jinja2.bccache import Bucket

from protevus.view.blade.extension import BladeExtension
from protevus.view.file_view_finder import FileViewFinder
from protevus.view.file_view_finder import ViewLoader
from protevus.view.globals import template_globals

#: File name of one compiled template in the compiled-views directory.
CACHE_PATTERN = "%s.jinja.cache"


class BladeBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Keep compiled templates on disk, keyed on the Blade translator version.

    Laravel: the compiled-views directory of ``BladeCompiler`` (``storage/framework/views``).
    Jinja checks a template's source checksum, but Blade is translated *before*
    compiling, so the key also folds in ``environment.blade_compiler.version``
    (translator version plus custom directives).
    """

    def __init__(self, directory: str) -> None:
        os.makedirs(directory, exist_ok=True)
        super().__init__(directory, CACHE_PATTERN)

    def get_bucket(
        self,
        environment: jinja2.Environment,
        name: str,
        filename: str | None,
        source: str,
    ) -> Bucket:
        """Return the cache bucket of a template, keyed on the translator version too."""
        version = getattr(environment, "blade_compiler", None)
        key = self._versioned_key(name, filename, version.version if version else "")
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    @staticmethod
    def _versioned_key(name: str, filename: str | None, version: str) -> str:
        """Return the cache key of a template for a translator ``version``."""
        text = f"{version}|{name}|{filename or ''}"
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Write a bucket, recreating the directory if ``view:clear`` removed it."""
        os.makedirs(self.directory, exist_ok=True)
        super().dump_bytecode(bucket)


def finalize(value: t.Any) -> t.Any:
    """Print ``None`` as nothing in plain Jinja too, as Blade's ``{{ }}`` does (Laravel: ``e(null)``)."""
    return "" if value is None else value


def build_environment(
    finder: FileViewFinder,
    *,
    compiled: str | None = None,
    debug: bool = False,
) -> jinja2.Environment:
    """Return a Jinja environment over ``finder`` with Blade, the template globals and a bytecode cache.

    ``debug`` turns on ``auto_reload`` (templates recompile when their file changes);
    in production each template compiles once per process and its bytecode is reused
    across processes from ``compiled``.
    """
    cache: BladeBytecodeCache | None = None
    if compiled:
        try:
            cache = BladeBytecodeCache(compiled)
        except OSError:  # a read-only deployment still renders, compiling in memory
            cache = None
    environment = jinja2.Environment(
        loader=ViewLoader(finder),
        extensions=[BladeExtension],
        autoescape=jinja2.select_autoescape(
            ("html", "htm", "xml"), default_for_string=True, default=False
        ),
        trim_blocks=True,
        auto_reload=debug,
        bytecode_cache=cache,
        finalize=finalize,
    )
    environment.globals.update(template_globals())
    # .blade.html templates autoescape and finalize prints None as nothing, so the
    # compiler can leave {{ }} escaping to Jinja (one escape per echo, not two).
    environment.blade_compiler.autoescaped = True  # type: ignore[attr-defined]
    return environment
