"""The Protevus pytest plugin: ``app`` and ``client`` fixtures for feature tests.

Installed through the ``pytest11`` entry point, so any project with Protevus
installed gets them::

    def test_home(client):
        client.get('/').assert_ok().assert_see('Welcome')

``app`` builds a fresh application per test from the project's
``bootstrap/app.py`` (found in pytest's rootdir) with Laravel's testing
environment values (``APP_ENV=testing``, ``CACHE_STORE=array``...; any value the
OS already sets wins), and afterwards forgets facades, the global container and
every environment change. Override how the application is built with a
``protevus_app`` fixture, or a ``create_application()`` function, in a
``conftest.py``.

Laravel: ``Tests\\TestCase`` with ``CreatesApplication`` and ``phpunit.xml``.
"""

from __future__ import annotations

import os
import typing as t
from pathlib import Path

import pytest

from protevus.testing.creates_application import apply_testing_environment
from protevus.testing.creates_application import create_application
from protevus.testing.creates_application import reset_global_state

if t.TYPE_CHECKING:
    from protevus.testing.client import TestClient


@pytest.fixture
def protevus_app(request: pytest.FixtureRequest) -> t.Any:
    """Build the application under test (override this fixture to build it your way).

    Uses the nearest ``conftest.py`` that defines ``create_application()``, else
    runs ``bootstrap/app.py`` from pytest's rootdir.

    Laravel: ``CreatesApplication::createApplication()``.
    """
    factory = _conftest_factory(request)
    if factory is not None:
        return factory()
    return create_application(request.config.rootpath)


@pytest.fixture
def app(request: pytest.FixtureRequest) -> t.Iterator[t.Any]:
    """Give the test a fresh application in the ``testing`` environment; reset global state after.

    Laravel: ``$this->app`` in a feature test.
    """
    environ = apply_testing_environment()
    created: t.Any = None
    try:
        created = request.getfixturevalue("protevus_app")
        yield created
    finally:
        reset_global_state(created, environ)


@pytest.fixture
def client(app: t.Any) -> TestClient:
    """Give the test an HTTP client for ``app`` (``client.get('/').assert_ok()``).

    Laravel: ``$this->get()``, ``$this->postJson()``... in a feature test.
    """
    from protevus.testing.client import TestClient

    return TestClient(app)


def _conftest_factory(request: pytest.FixtureRequest) -> t.Callable[[], t.Any] | None:
    """Find ``create_application`` in the closest ``conftest.py`` above the test."""
    test_dir = Path(str(request.path)).resolve().parent
    best: tuple[int, t.Callable[[], t.Any]] | None = None
    for plugin in request.config.pluginmanager.get_plugins():
        file = getattr(plugin, "__file__", None)
        factory = getattr(plugin, "create_application", None)
        if not file or not callable(factory) or os.path.basename(file) != "conftest.py":
            continue
        folder = Path(file).resolve().parent
        if folder == test_dir or folder in test_dir.parents:
            depth = len(folder.parts)
            if best is None or depth > best[0]:
                best = (depth, factory)
    return best[1] if best else None
