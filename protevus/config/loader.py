"""Load the application's ``config/*.py`` files over the framework's defaults.

Laravel: ``Illuminate\\Foundation\\Bootstrap\\LoadConfiguration`` plus the cache file
of ``config:cache`` / ``config:clear``.

* The framework defaults are the modules ``protevus/config/defaults/<name>.py``; each
  defines ``config() -> dict``, called on every :meth:`ConfigLoader.load` (after the
  environment is loaded), so their ``env()`` calls see the current ``.env``.
* An application file ``config/<name>.py`` defines a module-level dict ``config``.
  It is executed afresh on every load (never imported into ``sys.modules``), so a
  second application in the same process sees its own files. Its top-level keys
  replace the defaults' keys, except Laravel's mergeable options (for instance
  ``database.connections``), whose entries merge one level deeper: an app that
  defines only ``connections.pgsql`` keeps the default ``sqlite`` connection.
  Files in sub-folders are nested: ``config/services/stripe.py`` → ``services.stripe``.
* Paths in the defaults (``storage/logs/protevus.log``, ``database/database.sqlite``)
  are relative; consumers resolve relative paths against the application's base
  path. This keeps the config cache valid when the application folder moves.
* The cache is a JSON file written atomically; :meth:`ConfigLoader.load_cached`
  reads it without touching ``config/`` or ``.env``.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import math
import os
import runpy
import typing as t
from pathlib import Path

from protevus.config.env import env
from protevus.config.exceptions import ConfigError
from protevus.config.exceptions import ConfigNotSerializableError
from protevus.support.aliases import CamelAliases

#: The framework's default config files, in ``protevus/config/defaults``.
DEFAULT_NAMES: tuple[str, ...] = (
    "app",
    "auth",
    "cache",
    "database",
    "filesystems",
    "hashing",
    "logging",
    "mail",
    "queue",
    "services",
    "session",
    "view",
)

#: Options whose entries merge with the defaults' instead of replacing them.
MERGEABLE_OPTIONS: dict[str, tuple[str, ...]] = {
    "auth": ("guards", "passwords", "providers"),
    "broadcasting": ("connections",),
    "cache": ("stores",),
    "database": ("connections",),
    "filesystems": ("disks",),
    "logging": ("channels",),
    "mail": ("mailers",),
    "queue": ("connections",),
}


def load_defaults() -> dict[str, dict[str, t.Any]]:
    """Evaluate every framework default config file now.

    Laravel: the framework's own ``config/*.php`` read by ``LoadConfiguration``.
    """
    out: dict[str, dict[str, t.Any]] = {}
    for name in DEFAULT_NAMES:
        module = importlib.import_module(f"protevus.config.defaults.{name}")
        out[name] = module.config()
    return out


def merge_config(
    name: str, defaults: dict[str, t.Any], app: dict[str, t.Any]
) -> dict[str, t.Any]:
    """Merge an application config dict over the defaults for config ``name``.

    Laravel: ``LoadConfiguration::loadConfigurationFile()`` with
    ``mergeableOptions()``.
    """
    merged = {**defaults, **app}
    for option in MERGEABLE_OPTIONS.get(name, ()):
        base = defaults.get(option)
        own = app.get(option)
        if isinstance(base, dict) and isinstance(own, dict):
            merged[option] = {**base, **own}
    return merged


class ConfigLoader(CamelAliases):
    """Build the configuration dict of one application, or read it from the cache.

    ``ConfigLoader(base / 'config', base / 'bootstrap/cache/config.json')``.

    Laravel: ``LoadConfiguration`` and ``$app->getCachedConfigPath()``.
    """

    def __init__(
        self, config_path: str | os.PathLike[str], cache_file: str | os.PathLike[str]
    ) -> None:
        self.config_path = Path(config_path)
        self.cache_file = Path(cache_file)

    # -- loading -----------------------------------------------------------------

    def load(self) -> dict[str, t.Any]:
        """Return the framework defaults merged with the application's config files.

        Laravel: ``LoadConfiguration::loadConfigurationFiles()``.
        """
        items: dict[str, t.Any] = dict(load_defaults())
        for dotted, path in self.config_files():
            own = self._run_file(path)
            self._place(items, dotted, own)
        return items

    def config_files(self) -> list[tuple[str, Path]]:
        """Return ``(dotted name, path)`` for each application config file, sorted.

        Files or folders whose name starts with ``_`` or ``.`` are ignored.

        Laravel: ``LoadConfiguration::getConfigurationFiles()``.
        """
        root = self.config_path
        if not root.is_dir():
            return []
        found: list[tuple[str, Path]] = []
        for path in root.rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            if any(part.startswith(("_", ".")) for part in parts):
                continue
            found.append((".".join(parts), path))
        return sorted(found)

    @staticmethod
    def _run_file(path: Path) -> dict[str, t.Any]:
        # env() is a global in Laravel's config files; offer it the same way so a
        # ported file works without an import (importing it explicitly works too).
        namespace = runpy.run_path(
            str(path),
            init_globals={"env": env},
            run_name=f"protevus_config_{path.stem}",
        )
        if "config" not in namespace:
            raise ConfigError(
                f"Config file [{path}] defines no [config] dict. Add a module-level "
                "dict: config = {...}."
            )
        own = namespace["config"]
        if not isinstance(own, dict):
            raise ConfigError(
                f"Config file [{path}] must define [config] as a dict, "
                f"{type(own).__name__} given. Write config = {{...}} at module level."
            )
        return own

    @staticmethod
    def _place(items: dict[str, t.Any], dotted: str, own: dict[str, t.Any]) -> None:
        *parents, name = dotted.split(".")
        target = items
        for segment in parents:
            child = target.get(segment)
            if not isinstance(child, dict):
                child = {}
                target[segment] = child
            target = child
        base = target.get(name)
        if not parents and isinstance(base, dict):
            target[name] = merge_config(name, base, own)
        else:
            target[name] = own

    # -- the cache ---------------------------------------------------------------

    def is_cached(self) -> bool:
        """Determine if the configuration cache file exists.

        Laravel: ``Application::configurationIsCached()``.
        """
        return self.cache_file.is_file()

    def load_cached(self) -> dict[str, t.Any]:
        """Return the cached configuration without reading ``config/`` or ``.env``.

        Laravel: ``LoadConfiguration`` requiring ``bootstrap/cache/config.php``.
        """
        try:
            text = self.cache_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(
                f"The configuration cache [{self.cache_file}] does not exist. "
                "Run config:cache, or load the config files instead."
            ) from None
        try:
            items = json.loads(text)
        except ValueError:
            raise ConfigError(
                f"The configuration cache [{self.cache_file}] is not valid JSON. "
                "Run config:clear, then config:cache."
            ) from None
        if not isinstance(items, dict):
            raise ConfigError(
                f"The configuration cache [{self.cache_file}] does not hold a dict. "
                "Run config:clear, then config:cache."
            )
        return items

    def write_cache(self, items: dict[str, t.Any]) -> None:
        """Write ``items`` to the cache file atomically (temp file + ``os.replace``).

        Raises :class:`ConfigNotSerializableError` naming the dotted key of the
        first value JSON cannot hold (and writes nothing). Tuples are stored as
        lists.

        Laravel: ``ConfigCacheCommand::handle()``.
        """
        check_serializable(items)
        payload = json.dumps(items, ensure_ascii=False, indent=1, allow_nan=False)
        directory = self.cache_file.parent
        directory.mkdir(parents=True, exist_ok=True)
        import tempfile  # only config:cache writes files; loading never does

        fd, temp = tempfile.mkstemp(
            dir=directory, prefix=f".{self.cache_file.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temp, self.cache_file)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise

    def clear_cache(self) -> bool:
        """Delete the cache file; return whether there was one.

        Laravel: ``ConfigClearCommand::handle()``.
        """
        try:
            self.cache_file.unlink()
        except FileNotFoundError:
            return False
        return True


_SCALARS = (str, int, bool, type(None))


def check_serializable(items: t.Any, prefix: str = "") -> None:
    """Raise :class:`ConfigNotSerializableError` for the first value JSON cannot hold.

    Allowed: ``str``, ``int``, finite ``float``, ``bool``, ``None``, ``list``,
    ``tuple`` and ``dict`` with ``str`` keys.

    Laravel: the ``var_export`` round-trip check of ``config:cache``.
    """
    stack: list[tuple[str, t.Any]] = [(prefix, items)]
    while stack:
        key, val = stack.pop()
        if isinstance(val, _SCALARS):
            continue
        if isinstance(val, float):
            if math.isfinite(val):
                continue
            raise ConfigNotSerializableError(key or "(root)", val)
        if isinstance(val, dict):
            for child_key, child in reversed(list(val.items())):
                if not isinstance(child_key, str):
                    raise ConfigNotSerializableError(
                        key or "(root)", child_key, as_key=True
                    )
                stack.append((_join(key, child_key), child))
            continue
        if isinstance(val, list | tuple):
            for index in range(len(val) - 1, -1, -1):
                stack.append((_join(key, str(index)), val[index]))
            continue
        raise ConfigNotSerializableError(key or "(root)", val)


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key
