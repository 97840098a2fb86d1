"""Register the framework's, the packages' and the application's service providers.

Laravel: ``Illuminate\\Foundation\\Bootstrap\\RegisterProviders`` and the package
manifest (``composer.json`` ``extra.laravel.providers`` → our ``protevus.providers``
entry-point group).
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import typing as t
import zlib

from protevus.foundation.exceptions import ProviderError
from protevus.foundation.providers import FRAMEWORK_PROVIDERS

if t.TYPE_CHECKING:
    from protevus.foundation.application import Application
    from protevus.foundation.application import ProviderLike

ENTRY_POINT_GROUP = "protevus.providers"


_MANIFEST_VERSION = 1


def discovered_providers(manifest: str | None = None) -> tuple[str, ...]:
    """Get the providers that installed packages declare in ``protevus.providers``.

    A package declares them in its ``pyproject.toml``::

        [project.entry-points."protevus.providers"]
        billing = "billing.provider:BillingServiceProvider"

    Reading entry points scans every installed distribution (tens of
    milliseconds), so the result is kept in the process and, across processes,
    in ``manifest`` (``bootstrap/cache/packages.json``, Laravel's package
    manifest) for as long as the installed distributions stay the same.
    """
    global _discovered
    if _discovered is None:
        fingerprint = _distributions_fingerprint()
        providers = _read_manifest(manifest, fingerprint)
        if providers is None:
            providers = _scan_entry_points()
            if manifest is not None:
                _write_manifest(manifest, fingerprint, providers)
        _discovered = providers
    return _discovered


#: the providers found in this process (installed packages do not change while it runs).
_discovered: tuple[str, ...] | None = None


def _forget_discovered() -> None:
    global _discovered
    _discovered = None


def _read_manifest(manifest: str | None, fingerprint: str) -> tuple[str, ...] | None:
    if manifest is None:
        return None
    try:
        with open(manifest, encoding="utf-8") as fh:
            data = json.load(fh)
        if (
            data.get("version") == _MANIFEST_VERSION
            and data.get("fingerprint") == fingerprint
        ):
            return tuple(data["providers"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def _scan_entry_points() -> tuple[str, ...]:
    from importlib.metadata import entry_points

    found: list[str] = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        module, _, attr = point.value.partition(":")
        found.append(f"{module.strip()}.{attr.strip()}" if attr else module.strip())
    return tuple(sorted(set(found)))


def _distributions_fingerprint() -> str:
    # What entry points exist depends only on the distributions on sys.path and
    # their entry_points.txt files: checksum their names and modification times
    # (a CRC is plenty to notice a change, and zlib loads faster than hashlib).
    crc = 0
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        crc = zlib.crc32(entry.encode("utf-8", "replace"), crc)
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    mtime = os.stat(
                        os.path.join(entry, name, "entry_points.txt")
                    ).st_mtime_ns
                except OSError:
                    mtime = 0
                crc = zlib.crc32(f"{name}:{mtime};".encode("utf-8", "replace"), crc)
    return f"{crc:08x}"


def _write_manifest(path: str, fingerprint: str, providers: tuple[str, ...]) -> None:
    data = {
        "version": _MANIFEST_VERSION,
        "fingerprint": fingerprint,
        "providers": list(providers),
    }
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only deployment still works; it only rescans each start


discovered_providers.cache_clear = _forget_discovered  # type: ignore[attr-defined]


def bootstrap_providers(app: Application) -> list[ProviderLike]:
    """Read ``bootstrap/providers.py`` (a list named ``providers``), if present."""
    path = app.bootstrap_path("providers.py")
    if not os.path.isfile(path):
        return []
    providers = runpy.run_path(path).get("providers")
    if not isinstance(providers, list | tuple):
        raise ProviderError(
            f"[{path}] must define a list named [providers] of service provider classes."
        )
    return list(providers)


class RegisterProviders:
    """Register providers in Laravel's order: framework, packages, application."""

    def __init__(
        self, providers: t.Iterable[ProviderLike] = (), with_bootstrap: bool = True
    ) -> None:
        self.providers = list(providers)
        self.with_bootstrap = with_bootstrap

    def bootstrap(self, app: Application) -> None:
        """Register every provider; deferred ones wait until their service is made."""
        config = app.make("config")
        dont_discover = set(config.get("app.dont_discover", []) or [])
        framework = [p for p in FRAMEWORK_PROVIDERS if _module_exists(p)]
        packages: list[ProviderLike] = []
        if "*" not in dont_discover:
            manifest = app.bootstrap_path(os.path.join("cache", "packages.json"))
            packages = [
                p for p in discovered_providers(manifest) if p not in dont_discover
            ]
        configured = list(config.get("app.providers", []) or [])
        app_providers = bootstrap_providers(app) if self.with_bootstrap else []
        # Laravel's order: framework, packages, then app.providers, with_providers()
        # and bootstrap/providers.py (RegisterProviders::merge + registerConfiguredProviders).
        app.register_configured_providers(
            [*framework, *packages, *configured, *self.providers, *app_providers]
        )


def _module_exists(dotted: str) -> bool:
    # Framework components arrive one issue at a time; a provider whose module is
    # not there yet is skipped instead of failing every application. Look at the
    # file rather than find_spec(), which would import every parent package.
    parts = dotted.split(".")[1:-1]  # drop "protevus" and the class name
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.isfile(os.path.join(root, *parts) + ".py")
