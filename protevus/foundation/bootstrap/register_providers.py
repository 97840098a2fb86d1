"""Register the framework's, the packages' and the application's service providers.

Laravel: ``Illuminate\\Foundation\\Bootstrap\\RegisterProviders`` and the package
manifest (``composer.json`` ``extra.laravel.providers`` → our ``protevus.providers``
entry-point group).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import runpy
import typing as t
from importlib.metadata import entry_points

from protevus.foundation.exceptions import ProviderError
from protevus.foundation.providers import FRAMEWORK_PROVIDERS

if t.TYPE_CHECKING:
    from protevus.foundation.application import Application
    from protevus.foundation.application import ProviderLike

ENTRY_POINT_GROUP = "protevus.providers"


@functools.cache
def discovered_providers() -> tuple[str, ...]:
    """Get the providers that installed packages declare in ``protevus.providers``.

    A package declares them in its ``pyproject.toml``::

        [project.entry-points."protevus.providers"]
        billing = "billing.provider:BillingServiceProvider"

    Read once per process: installed packages do not change while it runs.
    """
    found: list[str] = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        module, _, attr = point.value.partition(":")
        found.append(f"{module.strip()}.{attr.strip()}" if attr else module.strip())
    return tuple(sorted(set(found)))


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
            packages = [p for p in discovered_providers() if p not in dont_discover]
        configured = list(config.get("app.providers", []) or [])
        app_providers = bootstrap_providers(app) if self.with_bootstrap else []
        # Laravel's order: framework, packages, then app.providers, with_providers()
        # and bootstrap/providers.py (RegisterProviders::merge + registerConfiguredProviders).
        app.register_configured_providers(
            [*framework, *packages, *configured, *self.providers, *app_providers]
        )


def _module_exists(dotted: str) -> bool:
    # Framework components arrive one issue at a time; a provider whose package is
    # not installed yet is skipped instead of failing every application.
    module = dotted.rpartition(".")[0]
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False
