"""Package providers are discovered from the ``protevus.providers`` entry-point group."""

from __future__ import annotations

import sys
import textwrap
import typing as t
from pathlib import Path

import pytest

from protevus.foundation.bootstrap.register_providers import discovered_providers


@pytest.fixture
def installed_package(tmp_path: Path) -> t.Iterator[Path]:
    """Install a fake distribution declaring a provider, the way pip lays it out."""
    site = tmp_path / "site"
    (site / "billing_pkg").mkdir(parents=True)
    (site / "billing_pkg" / "__init__.py").write_text("")
    (site / "billing_pkg" / "provider.py").write_text(
        textwrap.dedent(
            """
            from protevus.foundation import ServiceProvider

            class BillingServiceProvider(ServiceProvider):
                def register(self):
                    self.app.instance('billing.discovered', True)
            """
        )
    )
    dist = site / "billing_pkg-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: billing-pkg\nVersion: 1.0\n"
    )
    (dist / "entry_points.txt").write_text(
        "[protevus.providers]\nbilling = billing_pkg.provider:BillingServiceProvider\n"
    )
    sys.path.insert(0, str(site))
    discovered_providers.cache_clear()
    yield site
    sys.path.remove(str(site))
    for name in [m for m in sys.modules if m.startswith("billing_pkg")]:
        del sys.modules[name]
    discovered_providers.cache_clear()


def test_installed_package_provider_is_registered(
    installed_package: Path, make_app: t.Any
) -> None:
    assert "billing_pkg.provider.BillingServiceProvider" in discovered_providers()
    app = make_app()
    assert app.make("billing.discovered") is True


def test_dont_discover_skips_a_package(
    installed_package: Path, make_app: t.Any
) -> None:
    app = make_app(
        config={
            "app": "config = {'dont_discover': ['billing_pkg.provider.BillingServiceProvider']}"
        }
    )
    assert not app.bound("billing.discovered")


def test_dont_discover_star_skips_all(installed_package: Path, make_app: t.Any) -> None:
    app = make_app(config={"app": "config = {'dont_discover': ['*']}"})
    assert not app.bound("billing.discovered")
