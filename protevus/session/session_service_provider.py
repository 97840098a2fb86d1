"""Register the session manager, the current store and the StartSession middleware.

Laravel: ``Illuminate\\Session\\SessionServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.session.middleware.start_session import StartSession
    from protevus.session.session_manager import SessionManager
    from protevus.session.store import Store

_START_SESSION = "protevus.session.middleware.start_session.StartSession"


class SessionServiceProvider(ServiceProvider):
    """Bind ``'session'`` (the manager), ``'session.store'`` (the current store) and
    one shared :class:`StartSession`.

    ``'session.store'`` is resolved on every ``make()``: it is the store of the
    request being handled, never a store kept from an earlier request. The classes
    are aliased by dotted path, so the console never imports the session package.

    Laravel: ``Illuminate\\Session\\SessionServiceProvider``.
    """

    def register(self) -> None:
        """Register the session services. Laravel: ``SessionServiceProvider::register()``."""
        app = self.app
        app.singleton("session", self._make_manager)
        app.alias_class("session", "protevus.session.session_manager.SessionManager")
        app.bind("session.store", self._current_store)
        app.alias_class("session.store", "protevus.session.store.Store")
        # The middleware keeps no per-request state: one instance serves all.
        app.singleton(_START_SESSION, self._make_middleware)
        app.alias_class(_START_SESSION, _START_SESSION)

    @staticmethod
    def _make_manager(app: t.Any) -> SessionManager:
        from protevus.session.session_manager import SessionManager

        return SessionManager(app)

    @staticmethod
    def _current_store(app: t.Any) -> Store:
        return t.cast("Store", app.make("session").driver())

    @staticmethod
    def _make_middleware(app: t.Any) -> StartSession:
        from protevus.session.middleware.start_session import StartSession

        return StartSession(app.make("session"))
