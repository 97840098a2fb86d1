"""Find the template file of a dotted view name, and load it for Jinja.

Laravel: ``Illuminate\\View\\FileViewFinder``. ``posts.index`` is looked up as
``posts/index.blade.html`` then ``posts/index.html`` in every view path, in order;
``mail::welcome`` looks in the paths registered for the ``mail`` namespace. The
finder answers with the *template name* Jinja loads (``posts/index.blade.html`` or
``mail::welcome.blade.html``), and :class:`ViewLoader` turns such names back into
files, so Blade's own ``@include('mail::header')`` works the same way.
"""

from __future__ import annotations

import os
import threading
import typing as t

import jinja2
from jinja2.loaders import split_template_path

from protevus.support.aliases import CamelAliases
from protevus.view.exceptions import ViewNotFoundError

#: Laravel: ``ViewFinderInterface::HINT_PATH_DELIMITER``.
HINT_PATH_DELIMITER = "::"

#: Template suffixes tried in order: Blade first, then plain Jinja.
DEFAULT_EXTENSIONS = ("blade.html", "html")


class FileViewFinder(CamelAliases):
    """Resolve view names against view paths and namespace hints.

    Laravel: ``Illuminate\\View\\FileViewFinder``.
    """

    def __init__(
        self,
        paths: t.Sequence[str] = (),
        extensions: t.Sequence[str] = DEFAULT_EXTENSIONS,
        *,
        cache: bool = True,
    ) -> None:
        self._paths: list[str] = [os.path.abspath(p) for p in paths]
        self._hints: dict[str, list[str]] = {}
        self._extensions: list[str] = list(extensions)
        self._files: dict[str, str] = {}
        self._views: dict[str, str] = {}
        self._cache = cache
        self._lock = threading.Lock()

    # -- finding ---------------------------------------------------------------

    def find(self, name: str) -> str:
        """Return the template name Jinja loads for view ``name``, or raise.

        Laravel: ``FileViewFinder::find()``; raises ``View [name] not found.``
        listing the files it looked for.
        """
        found = self._views.get(name)
        if found is not None:
            return found
        namespace, view = self.parse_name(name)
        paths = self._paths if namespace is None else self._hints[namespace]
        candidates = self.get_possible_view_files(view)
        try:
            pieces = [split_template_path(candidate) for candidate in candidates]
        except jinja2.TemplateNotFound:
            raise ViewNotFoundError(
                f"View [{name}] has an invalid name: '..' segments are not allowed."
            ) from None
        for directory in paths:
            for candidate, parts in zip(candidates, pieces, strict=True):
                if os.path.isfile(os.path.join(directory, *parts)):
                    template = (
                        candidate
                        if namespace is None
                        else f"{namespace}{HINT_PATH_DELIMITER}{candidate}"
                    )
                    if self._cache:
                        self._views[name] = template
                    return template
        looked = [
            os.path.join(directory, *candidate.split("/"))
            for directory in paths
            for candidate in candidates
        ]
        where = ", ".join(looked) if looked else "no view paths are configured"
        raise ViewNotFoundError(
            f"View [{name}] not found. Looked for: {where}. Create the file, or check "
            "the name and config('view.paths')."
        )

    def parse_name(self, name: str) -> tuple[str | None, str]:
        """Split ``'mail::welcome'`` into ``('mail', 'welcome')``; plain names get ``None``.

        Laravel: ``FileViewFinder::parseNamespaceSegments()``.
        """
        if not isinstance(name, str) or not name.strip():
            raise ViewNotFoundError(
                f"View [{name}] has an invalid name. Pass a dotted name such as 'posts.index'."
            )
        if HINT_PATH_DELIMITER not in name:
            return None, name
        segments = name.split(HINT_PATH_DELIMITER)
        if len(segments) != 2 or not segments[0] or not segments[1]:
            raise ViewNotFoundError(
                f"View [{name}] has an invalid name. Write 'namespace::view.name'."
            )
        if segments[0] not in self._hints:
            raise ViewNotFoundError(
                f"No hint path defined for [{segments[0]}]. Register it with "
                f"View.add_namespace('{segments[0]}', path)."
            )
        return segments[0], segments[1]

    def get_possible_view_files(self, name: str) -> list[str]:
        """Return the relative files a dotted name may live in, in lookup order.

        Laravel: ``FileViewFinder::getPossibleViewFiles()``.
        """
        if name.endswith(tuple("." + ext for ext in self._extensions)):
            return [name]
        base = name.replace(".", "/")
        return [f"{base}.{ext}" for ext in self._extensions]

    # -- configuring -----------------------------------------------------------

    def add_location(self, location: str) -> None:
        """Search ``location`` after the current view paths. Laravel: ``addLocation()``."""
        self._paths.append(os.path.abspath(location))
        self.flush()

    def prepend_location(self, location: str) -> None:
        """Search ``location`` before the current view paths. Laravel: ``prependLocation()``."""
        self._paths.insert(0, os.path.abspath(location))
        self.flush()

    def set_paths(self, paths: t.Sequence[str]) -> FileViewFinder:
        """Replace the view paths. Laravel: ``FileViewFinder::setPaths()``."""
        self._paths = [os.path.abspath(p) for p in paths]
        self.flush()
        return self

    def add_namespace(self, namespace: str, hints: str | t.Sequence[str]) -> None:
        """Add paths for ``namespace::`` views after existing ones. Laravel: ``addNamespace()``."""
        self._check_namespace(namespace)
        self._hints.setdefault(namespace, []).extend(_paths(hints))
        self.flush()

    def prepend_namespace(self, namespace: str, hints: str | t.Sequence[str]) -> None:
        """Add paths for ``namespace::`` views before existing ones. Laravel: ``prependNamespace()``."""
        self._check_namespace(namespace)
        self._hints[namespace] = [*_paths(hints), *self._hints.get(namespace, [])]
        self.flush()

    def replace_namespace(self, namespace: str, hints: str | t.Sequence[str]) -> None:
        """Replace the paths of ``namespace::`` views. Laravel: ``replaceNamespace()``."""
        self._check_namespace(namespace)
        self._hints[namespace] = _paths(hints)
        self.flush()

    def add_extension(self, extension: str) -> None:
        """Try ``extension`` (without the dot) before the others. Laravel: ``addExtension()``."""
        extension = extension.lstrip(".")
        if extension in self._extensions:
            self._extensions.remove(extension)
        self._extensions.insert(0, extension)
        self.flush()

    def has_hint_information(self, name: str) -> bool:
        """Tell whether ``name`` carries a namespace. Laravel: ``hasHintInformation()``."""
        return HINT_PATH_DELIMITER in name

    def get_paths(self) -> list[str]:
        """Return the view paths. Laravel: ``FileViewFinder::getPaths()``."""
        return list(self._paths)

    def get_hints(self) -> dict[str, list[str]]:
        """Return the namespace paths. Laravel: ``FileViewFinder::getHints()``."""
        return {k: list(v) for k, v in self._hints.items()}

    def get_extensions(self) -> list[str]:
        """Return the template suffixes in lookup order. Laravel: ``getExtensions()``."""
        return list(self._extensions)

    def flush(self) -> None:
        """Forget the names already found. Laravel: ``FileViewFinder::flush()``."""
        self._views = {}

    # -- files outside the view paths (View.file()) ------------------------------

    def register_file(self, path: str) -> str:
        """Allow one file outside the view paths to load, returning its template name."""
        path = os.path.abspath(path)
        if not os.path.isfile(path):
            raise ViewNotFoundError(
                f"View file [{path}] not found. Check the path passed to View.file()."
            )
        with self._lock:
            self._files[path] = path
        return path

    # -- what Jinja loads --------------------------------------------------------

    def locate(self, template: str) -> str | None:
        """Return the file of a Jinja template name, or None when no file matches."""
        if template in self._files:
            return self._files[template]
        namespace: str | None = None
        if HINT_PATH_DELIMITER in template:
            namespace, _, template = template.partition(HINT_PATH_DELIMITER)
            if namespace not in self._hints:
                return None
        pieces = split_template_path(template)
        for directory in self._paths if namespace is None else self._hints[namespace]:
            filename = os.path.join(directory, *pieces)
            if os.path.isfile(filename):
                return filename
        return None

    def list_templates(self) -> list[str]:
        """Return every template name under the view paths and namespaces (for ``view:cache``)."""
        suffixes = tuple("." + ext for ext in self._extensions)
        found: list[str] = []
        roots: list[tuple[str | None, str]] = [(None, p) for p in self._paths]
        roots += [(ns, p) for ns, hints in self._hints.items() for p in hints]
        for namespace, root in roots:
            for directory, _, files in os.walk(root):
                for file in sorted(files):
                    if not file.endswith(suffixes):
                        continue
                    relative = os.path.relpath(os.path.join(directory, file), root)
                    name = relative.replace(os.sep, "/")
                    if namespace is not None:
                        name = f"{namespace}{HINT_PATH_DELIMITER}{name}"
                    if name not in found:
                        found.append(name)
        return sorted(found)

    def _check_namespace(self, namespace: str) -> None:
        if not namespace or HINT_PATH_DELIMITER in namespace:
            raise ValueError(
                f"View namespace [{namespace}] is invalid: use a plain name such as 'mail'."
            )


class ViewLoader(jinja2.BaseLoader):
    """Load Jinja templates through a :class:`FileViewFinder` (paths and namespaces).

    Laravel: the filesystem half of ``FileViewFinder``; Jinja's ``FileSystemLoader``
    reads files the same way, this one adds ``namespace::`` names.
    """

    def __init__(self, finder: FileViewFinder) -> None:
        self.finder = finder

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, t.Callable[[], bool]]:
        """Return the source, file name and up-to-date check of ``template``."""
        filename = self.finder.locate(template)
        if filename is None:
            raise jinja2.TemplateNotFound(template)
        with open(filename, encoding="utf-8") as handle:
            source = handle.read()
        mtime = os.path.getmtime(filename)

        def uptodate() -> bool:
            try:
                return os.path.getmtime(filename) == mtime
            except OSError:
                return False

        return source, os.path.normpath(filename), uptodate

    def list_templates(self) -> list[str]:
        """Return every template under the finder's paths and namespaces."""
        return self.finder.list_templates()


def _paths(hints: str | t.Sequence[str]) -> list[str]:
    if isinstance(hints, str | os.PathLike):
        return [os.path.abspath(hints)]
    return [os.path.abspath(h) for h in hints]
