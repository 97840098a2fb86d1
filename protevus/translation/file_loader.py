"""Load translation lines from ``lang/`` files.

Laravel: ``Illuminate\\Translation\\FileLoader``. A group file is Python instead of
PHP: ``lang/en/messages.py`` holds a module-level dict::

    messages = {"welcome": "Welcome, :name!", "apples": "{0} none|[1,*] :count"}

JSON files (``lang/fr.json``) map whole sentences: ``{"Welcome!": "Bienvenue !"}``.
"""

from __future__ import annotations

import json
import os
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.translation.exceptions import TranslationError


class FileLoader(CamelAliases):
    """Read group files (``{path}/{locale}/{group}.py``) and JSON files (``{path}/{locale}.json``).

    Laravel: ``Illuminate\\Translation\\FileLoader``.
    """

    def __init__(self, path: str | t.Sequence[str]) -> None:
        self.paths: list[str] = [path] if isinstance(path, str) else list(path)
        self.hints: dict[str, str] = {}
        self.json_paths_: list[str] = []

    def load(
        self, locale: str, group: str, namespace: str | None = None
    ) -> dict[str, t.Any]:
        """Return the lines of ``group`` for ``locale`` (``'*'``/``'*'`` is the JSON file).

        Laravel: ``FileLoader::load()``.
        """
        if group == "*" and namespace == "*":
            return self.load_json_paths(locale)
        if namespace is None or namespace == "*":
            return self.load_paths(self.paths, locale, group)
        return self.load_namespaced(locale, group, namespace)

    def load_namespaced(
        self, locale: str, group: str, namespace: str
    ) -> dict[str, t.Any]:
        """Load a package's group, then the app's ``lang/vendor/{namespace}`` overrides.

        Laravel: ``FileLoader::loadNamespaced()`` and ``loadNamespaceOverrides()``.
        """
        hint = self.hints.get(namespace)
        if hint is None:
            return {}
        lines = self.load_paths([hint], locale, group)
        for path in self.paths:
            override = os.path.join(path, "vendor", namespace, locale, f"{group}.py")
            if os.path.isfile(override):
                lines = _replace_recursive(lines, _read_group(override))
        return lines

    def load_paths(
        self, paths: t.Sequence[str], locale: str, group: str
    ) -> dict[str, t.Any]:
        """Merge ``{path}/{locale}/{group}.py`` of every path, later paths winning.

        Laravel: ``FileLoader::loadPaths()``.
        """
        if not _safe(locale) or not _safe(group, allow_slash=True):
            return {}
        lines: dict[str, t.Any] = {}
        for path in paths:
            file = os.path.join(path, locale, f"{group}.py")
            if os.path.isfile(file):
                lines = _replace_recursive(lines, _read_group(file))
        return lines

    def load_json_paths(self, locale: str) -> dict[str, t.Any]:
        """Merge ``{locale}.json`` of every path and JSON path.

        Laravel: ``FileLoader::loadJsonPaths()``.
        """
        if not _safe(locale):
            return {}
        lines: dict[str, t.Any] = {}
        for path in [*self.paths, *self.json_paths_]:
            file = os.path.join(path, f"{locale}.json")
            if not os.path.isfile(file):
                continue
            try:
                with open(file, encoding="utf-8") as fh:
                    decoded = json.load(fh)
            except (OSError, ValueError) as exc:
                raise TranslationError(
                    f"Translation file [{file}] contains an invalid JSON structure "
                    f"({exc}); fix the file."
                ) from exc
            if not isinstance(decoded, dict):
                raise TranslationError(
                    f"Translation file [{file}] must hold a JSON object of "
                    '"sentence": "translation" pairs.'
                )
            lines.update(decoded)
        return lines

    def add_namespace(self, namespace: str, hint: str) -> None:
        """Register a package's lang folder: ``trans('courier::messages.sent')``.

        Laravel: ``FileLoader::addNamespace()``.
        """
        self.hints[namespace] = hint

    def namespaces(self) -> dict[str, str]:
        """Return the registered namespaces and their folders. Laravel: ``namespaces()``."""
        return dict(self.hints)

    def add_path(self, path: str) -> None:
        """Add a folder of group files. Laravel: ``FileLoader::addPath()``."""
        self.paths.append(path)

    def add_json_path(self, path: str) -> None:
        """Add a folder of ``{locale}.json`` files. Laravel: ``FileLoader::addJsonPath()``."""
        self.json_paths_.append(path)

    def json_paths(self) -> list[str]:
        """Return the extra JSON folders. Laravel: ``FileLoader::jsonPaths()``."""
        return list(self.json_paths_)


def _safe(name: str, allow_slash: bool = False) -> bool:
    """Refuse names that could leave the lang folder (``../secrets``)."""
    if not name or ".." in name or "\\" in name or "\x00" in name:
        return False
    return allow_slash or "/" not in name


def _read_group(file: str) -> dict[str, t.Any]:
    with open(file, encoding="utf-8") as fh:
        source = fh.read()
    namespace: dict[str, t.Any] = {"__file__": file, "__name__": "__lang__"}
    try:
        exec(compile(source, file, "exec"), namespace)  # noqa: S102 - the app's own lang file
    except Exception as exc:
        raise TranslationError(
            f"Translation file [{file}] could not be loaded ({type(exc).__name__}: "
            f"{exc}); fix the file."
        ) from exc
    messages = namespace.get("messages")
    if not isinstance(messages, dict):
        raise TranslationError(
            f"Translation file [{file}] must define a dict named [messages]: "
            'messages = {"key": "Line"}.'
        )
    return messages


def _replace_recursive(
    base: dict[str, t.Any], other: t.Mapping[str, t.Any]
) -> dict[str, t.Any]:
    merged = dict(base)
    for key, val in other.items():
        if isinstance(val, dict) and isinstance(merged.get(key), dict):
            merged[key] = _replace_recursive(merged[key], val)
        else:
            merged[key] = val
    return merged
