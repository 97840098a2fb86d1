"""Shared fixtures: fresh applications in temporary directories, and isolation between tests."""

from __future__ import annotations

import os
import socket
import sys
import textwrap
import typing as t
from pathlib import Path

import pytest

from protevus.support.date_factory import DateFactory
from protevus.support.facades.facade import Facade
from protevus.support.helpers import set_exception_reporter


class AppFactory(t.Protocol):
    def __call__(
        self,
        env: str | None = ...,
        config: dict[str, str] | None = ...,
        providers: list[t.Any] | None = ...,
        **builder: t.Any,
    ) -> t.Any: ...


@pytest.fixture
def make_app(tmp_path: Path) -> t.Iterator[AppFactory]:
    """Build an application in ``tmp_path`` with an optional ``.env`` and config files."""
    from protevus.foundation import Application

    created: list[t.Any] = []

    def factory(
        env: str | None = None,
        config: dict[str, str] | None = None,
        providers: list[t.Any] | None = None,
        **builder: t.Any,
    ) -> t.Any:
        if env is not None:
            (tmp_path / ".env").write_text(textwrap.dedent(env))
        for name, source in (config or {}).items():
            (tmp_path / "config").mkdir(exist_ok=True)
            (tmp_path / "config" / f"{name}.py").write_text(textwrap.dedent(source))
        b = Application.configure(tmp_path).with_providers(providers or [])
        for method, arg in builder.items():
            getattr(b, method)(arg)
        app = b.create()
        created.append(app)
        return app

    yield factory
    for app in created:
        if app.resolved("log"):
            close = getattr(app.make("log"), "close", None)
            if close is not None:
                close()


_APP_PREFIXES = (
    "APP_",
    "LOG_",
    "DB_",
    "CACHE_",
    "SESSION_",
    "QUEUE_",
    "MAIL_",
    "REDIS_",
    "BCRYPT_",
    "HASH_",
    "AUTH_",
    "FILESYSTEM_",
    "PROTEVUS_",
)
_KEEP = {"PROTEVUS_REQUIRE_SERVICES"}


@pytest.fixture(autouse=True)
def _isolate() -> t.Iterator[None]:
    """Leave no facade root, global container or loaded .env behind (Flask's leak check)."""
    environ = dict(os.environ)
    # Start every test from the embedded defaults, whatever the developer's shell
    # exports (APP_ENV, LOG_CHANNEL, DB_*...).
    for key in list(os.environ):
        if key.startswith(_APP_PREFIXES) and key not in _KEEP:
            del os.environ[key]
    yield
    Facade.clear_resolved_instances()
    Facade.set_facade_application(None)
    set_exception_reporter(None)
    DateFactory.default_timezone = "UTC"
    try:
        from protevus.config.env import Env

        Env.reset()
    except ImportError:  # pragma: no cover - config package not built yet
        pass
    try:
        from protevus.container.container import Container

        Container.set_instance(None)
    except ImportError:  # pragma: no cover
        pass
    # Paginators and models keep class-level resolvers (Laravel's statics).
    if "protevus.pagination.abstract_paginator" in sys.modules:
        sys.modules["protevus.pagination.abstract_paginator"].PaginatorState.reset()
    os.environ.clear()
    os.environ.update(environ)


#: The real servers driver tests talk to (DEVELOPERS.md: no mocks of services).
SERVICES: dict[str, tuple[str, int]] = {
    "pgsql": ("127.0.0.1", 5432),
    "mysql": ("127.0.0.1", 3306),
    "redis": ("127.0.0.1", 6379),
    "rabbitmq": ("127.0.0.1", 5672),
}


@pytest.fixture
def require_service() -> t.Callable[[str], tuple[str, int]]:
    """Return a check that skips the test when a service is down.

    Under ``PROTEVUS_REQUIRE_SERVICES=1`` (CI) a missing service fails the test.
    """

    def check(name: str) -> tuple[str, int]:
        host, port = SERVICES[name]
        try:
            socket.create_connection((host, port), timeout=2).close()
        except OSError as exc:
            message = f"{name} is not reachable on {host}:{port} ({exc})."
            if os.environ.get("PROTEVUS_REQUIRE_SERVICES") == "1":
                pytest.fail(message + " PROTEVUS_REQUIRE_SERVICES=1 requires it.")
            pytest.skip(message)
        return host, port

    return check


# -- database fixtures (tests/databases.py), visible to every test directory ------------


def _load_databases() -> t.Any:
    """Load tests/databases.py once, as module ``protevus_test_databases``.

    Test directories are not packages (``--import-mode=importlib``); registering the
    module by name lets a conftest reuse its helpers with
    ``from protevus_test_databases import selected_drivers``.
    """
    import importlib.util

    name = "protevus_test_databases"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        name, Path(__file__).resolve().parent / "databases.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_databases = _load_databases()
# One set of per-process databases (protevus_test_<pid>) for the whole run: each
# `connection` empties its database after the test, so directories share it safely.
test_databases = _databases.test_databases
db_driver = _databases.db_driver
db_config = _databases.db_config
connection = _databases.connection
db = _databases.db
db_app = _databases.db_app
