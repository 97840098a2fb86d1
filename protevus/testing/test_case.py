"""A ``unittest`` base class for feature tests, for those who prefer classes to fixtures.

Laravel: ``Illuminate\\Foundation\\Testing\\TestCase``.
"""

from __future__ import annotations

import os
import typing as t
import unittest

from protevus.support.aliases import camel_aliases
from protevus.testing.client import TestClient
from protevus.testing.creates_application import apply_testing_environment
from protevus.testing.creates_application import create_application
from protevus.testing.creates_application import reset_global_state


@camel_aliases
class TestCase(unittest.TestCase):
    """Give each test a fresh ``self.app`` and ``self.client``; the client's methods work on ``self``.

    ::

        class HomeTest(TestCase):
            def test_home(self):
                self.get('/').assert_ok().assert_see('Welcome')

    The application comes from ``bootstrap/app.py`` under :attr:`base_path`
    (the current directory by default); override :meth:`create_application` to
    build it another way.

    Only this class's own methods get camelCase twins (``createApplication``):
    aliasing a subclass would duplicate its test methods.

    Laravel: ``Illuminate\\Foundation\\Testing\\TestCase``.
    """

    #: the project root holding ``bootstrap/app.py`` (default: the working directory).
    base_path: t.ClassVar[str | None] = None

    app: t.Any
    client: TestClient

    def create_application(self) -> t.Any:
        """Build the application under test.

        Laravel: ``CreatesApplication::createApplication()``.
        """
        return create_application(self.base_path or os.getcwd())

    def setUp(self) -> None:
        """Build the application in the testing environment and a client for it."""
        super().setUp()
        self._environ = apply_testing_environment()
        self.app = None
        try:
            self.app = self.create_application()
        except BaseException:
            reset_global_state(None, self._environ)
            raise
        self.client = TestClient(self.app)

    def tearDown(self) -> None:
        """Forget the application, facades, the global container and environment changes."""
        reset_global_state(self.app, self._environ)
        super().tearDown()

    def __getattr__(self, name: str) -> t.Any:
        # self.get('/'), self.post_json(...), self.with_headers(...): the client's API.
        client = self.__dict__.get("client")
        if client is not None and not name.startswith("_") and hasattr(client, name):
            return getattr(client, name)
        raise AttributeError(f"[{type(self).__name__}] has no attribute [{name}].")
