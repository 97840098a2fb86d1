"""Build a fresh application for each test and leave no global state behind.

Laravel: ``Illuminate\\Foundation\\Testing\\Concerns\\CreatesApplication``, the
``<env>`` values of ``phpunit.xml`` and ``TestCase::tearDown()``.
"""

from __future__ import annotations

import os
import runpy
import sys
import typing as t
from pathlib import Path

from protevus.testing.exceptions import ApplicationNotFoundError

#: Laravel's ``phpunit.xml`` values: set for each test unless the OS already sets them.
TESTING_ENVIRONMENT: dict[str, str] = {
    "APP_ENV": "testing",
    "APP_MAINTENANCE_DRIVER": "file",
    "BCRYPT_ROUNDS": "4",
    "CACHE_STORE": "array",
    "DB_DATABASE": ":memory:",
    "MAIL_MAILER": "array",
    "QUEUE_CONNECTION": "sync",
    "SESSION_DRIVER": "array",
}


def apply_testing_environment(
    values: t.Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Set the testing values in ``os.environ`` (keeping any already set) and return a snapshot to restore.

    Laravel: ``phpunit.xml``'s ``<env name="APP_ENV" value="testing"/>``.
    """
    snapshot = dict(os.environ)
    for key, value in (TESTING_ENVIRONMENT if values is None else values).items():
        os.environ.setdefault(key, value)
    return snapshot


def create_application(base_path: str | os.PathLike[str]) -> t.Any:
    """Run ``bootstrap/app.py`` under ``base_path`` and return its ``app``.

    ``base_path`` is put on ``sys.path`` first so the project's own packages
    (``app.providers...``, ``routes``) import as they do under ``artisan.py``.

    Laravel: ``CreatesApplication::createApplication()``.
    """
    root = Path(base_path).resolve()
    bootstrap = root / "bootstrap" / "app.py"
    if not bootstrap.is_file():
        raise ApplicationNotFoundError(
            f"No application bootstrap file at [{bootstrap}]: run pytest from the "
            "project root, or define a protevus_app fixture (or create_application()) "
            "in your conftest.py."
        )
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    namespace = runpy.run_path(str(bootstrap), run_name="bootstrap.app")
    app = namespace.get("app")
    if app is None or not hasattr(app, "make"):
        raise ApplicationNotFoundError(
            f"[{bootstrap}] defines no application named [app]: end it with "
            "app = Application.configure(...).create()."
        )
    return app


#: ``ResourceRegistrar.verbs`` as shipped, restored after each test.
_DEFAULT_RESOURCE_VERBS: dict[str, str] = {"create": "create", "edit": "edit"}


def reset_global_state(
    app: t.Any = None, environ: t.Mapping[str, str] | None = None
) -> None:
    """Forget facades, the global container, loaded ``.env`` values and class-level state.

    Also flushes the middleware state (``TrimStrings``, ``ConvertEmptyStringsToNull``),
    restores the resource verbs, clears ``Carbon``'s test time and restores
    ``environ``.

    Laravel: ``TestCase::tearDown()`` (``$this->app->flush()``, facade clearing,
    ``Carbon::setTestNow()``, the middleware ``flushState()`` calls).
    """
    from protevus.config.env import Env
    from protevus.container.container import Container
    from protevus.http.middleware.convert_empty_strings_to_null import (
        ConvertEmptyStringsToNull,
    )
    from protevus.http.middleware.trim_strings import TrimStrings
    from protevus.routing.resource_registrar import ResourceRegistrar
    from protevus.support.carbon import Carbon
    from protevus.support.date_factory import DateFactory
    from protevus.support.facades.facade import Facade
    from protevus.support.helpers import set_exception_reporter

    if app is not None and hasattr(app, "flush"):
        try:
            if app.resolved("log"):
                close = getattr(app.make("log"), "close", None)
                if close is not None:
                    close()
        finally:
            app.flush()
    Facade.clear_resolved_instances()
    Facade.set_facade_application(None)
    set_exception_reporter(None)
    DateFactory.default_timezone = "UTC"
    Carbon.set_test_now(None)
    TrimStrings.flush_state()
    ConvertEmptyStringsToNull.flush_state()
    _flush_loaded_middleware_state()
    ResourceRegistrar.verbs = dict(_DEFAULT_RESOURCE_VERBS)
    Env.reset()
    Container.set_instance(None)
    if environ is not None:
        os.environ.clear()
        os.environ.update(environ)


def _flush_loaded_middleware_state() -> None:
    """Flush the ``except_`` lists of the cookie and CSRF middleware and the auth redirects, if loaded.

    Looked up in ``sys.modules``: a test that never loaded them has nothing to reset,
    and resetting must not import the web stack.
    """
    for module, name in (
        ("protevus.cookie.middleware.encrypt_cookies", "EncryptCookies"),
        (
            "protevus.foundation.http.middleware.validate_csrf_token",
            "ValidateCsrfToken",
        ),
    ):
        loaded = sys.modules.get(module)
        if loaded is not None:
            getattr(loaded, name).flush_state()
    for module, name in (
        ("protevus.auth.middleware.authenticate", "Authenticate"),
        ("protevus.auth.exceptions", "AuthenticationException"),
        (
            "protevus.auth.middleware.redirect_if_authenticated",
            "RedirectIfAuthenticated",
        ),
    ):
        loaded = sys.modules.get(module)
        if loaded is not None:
            getattr(loaded, name).redirect_using(None)
