"""Register the session manager, the current store and the StartSession middleware.

Laravel: ``Illuminate\\Session\\SessionServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.session.middleware.start_session import StartSession
from protevus.session.session_manager import SessionManager
from protevus.session.store import Store
from protevus.support.service_provider import ServiceProvider


class SessionServiceProvider(ServiceProvider):
    """Bind ``'session'`` (the manager), ``'session.store'`` (the current store) and
    one shared :class:`StartSession`.

    ``'session.store'`` is resolved on every ``make()``: it is the store of the
    request being handled, never a store kept from an earlier request.

    Laravel: ``Illuminate\\Session\\SessionServiceProvider``.
    """

    def register(self) -> None:
        """Register the session services. Laravel: ``SessionServiceProvider::register()``."""
        self.app.singleton("session", self._make_manager)
        self.app.alias("session", SessionManager)
        self.app.bind("session.store", self._current_store)
        self.app.alias("session.store", Store)
        # The middleware keeps no per-request state: one instance serves all.
        self.app.singleton(StartSession, self._make_middleware)

    @staticmethod
    def _make_manager(app: t.Any) -> SessionManager:
        return SessionManager(app)

    @staticmethod
    def _current_store(app: t.Any) -> Store:
        return app.make("session").driver()

    @staticmethod
    def _make_middleware(app: t.Any) -> StartSession:
        return StartSession(app.make("session"))
