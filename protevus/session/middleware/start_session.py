"""Start the session for a request, save it after, and set the session cookie.

Laravel: ``Illuminate\\Session\\Middleware\\StartSession``.
"""

from __future__ import annotations

import datetime as _dt
import random
import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.session.session_manager import SessionManager
    from protevus.session.store import Store


class StartSession(CamelAliases):
    """Give the request a started session and the response the session cookie.

    For each request: build a fresh store, read its id from the session cookie
    (an unknown or malformed id starts a new session), start it, attach it with
    ``request.set_session()``, maybe collect garbage (``session.lottery``), run
    the route, remember the URL of a plain GET page as the previous URL, save
    the session and add the cookie. Only routes with this middleware (the
    ``web`` group) get a session or a session cookie.

    The cookie is HttpOnly (``session.http_only``), SameSite ``session.same_site``
    (``lax``), Secure when ``session.secure`` is true, or when it is unset and
    the request came over HTTPS, and lasts ``session.lifetime`` minutes (until the
    browser closes with ``session.expire_on_close``).

    Laravel: ``Illuminate\\Session\\Middleware\\StartSession``.
    """

    def __init__(self, manager: t.Any = None) -> None:
        self._manager: SessionManager | None = manager

    def _session_manager(self) -> SessionManager | None:
        if self._manager is not None:
            return self._manager
        from protevus.container.container import Container

        container = Container.get_instance()
        if container is None or not container.bound("session"):
            return None
        return t.cast("SessionManager", container.make("session"))

    def handle(self, request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        """Run the request with a started session; save it and set the cookie.

        Laravel: ``StartSession::handle()``.
        """
        manager = self._session_manager()
        if manager is None or not manager.get_default_driver():
            # Laravel's sessionConfigured(): no driver, no session.
            return next(request)
        session = self.get_session(request, manager)
        token = manager.set_current(session)
        try:
            return self.handle_stateful_request(request, session, manager, next)
        finally:
            manager.forget_current(token)

    def get_session(self, request: t.Any, manager: SessionManager) -> Store:
        """Build this request's store with the id from the session cookie.

        Laravel: ``StartSession::getSession()``.
        """
        session = manager.make_store()
        session.set_id(request.cookies.get(session.get_name()))
        return session

    def handle_stateful_request(
        self,
        request: t.Any,
        session: Store,
        manager: SessionManager,
        next: t.Callable[[t.Any], t.Any],
    ) -> t.Any:
        """Start, run, remember the URL, add the cookie, save.

        Laravel: ``StartSession::handleStatefulRequest()``.
        """
        config = manager.get_session_config()
        request.set_session(self.start_session(request, session))
        self.collect_garbage(session, config)
        response = next(request)
        self.store_current_url(request, session)
        self.add_cookie_to_response(request, response, session, config)
        self.save_session(request, session)
        return response

    def start_session(self, request: t.Any, session: Store) -> Store:
        """Give the handler the request, then start the session.

        Laravel: ``StartSession::startSession()``.
        """
        session.set_request_on_handler(request)
        session.start()
        return session

    def collect_garbage(self, session: Store, config: t.Mapping[str, t.Any]) -> None:
        """Let the handler delete expired sessions, on ``session.lottery`` odds.

        Laravel: ``StartSession::collectGarbage()``.
        """
        if self.config_hits_lottery(config):
            lifetime = int(float(config.get("lifetime") or 0) * 60)
            session.get_handler().gc(lifetime)

    @staticmethod
    def config_hits_lottery(config: t.Mapping[str, t.Any]) -> bool:
        """Draw the garbage-collection lottery (``[2, 100]``: 2% of requests).

        Laravel: ``StartSession::configHitsLottery()``.
        """
        lottery = config.get("lottery") or [2, 100]
        wins, out_of = int(lottery[0]), int(lottery[1])
        return out_of > 0 and random.randint(1, out_of) <= wins

    def store_current_url(self, request: t.Any, session: Store) -> None:
        """Remember a GET page's URL for ``url().previous()`` and ``back()``.

        Skipped for AJAX, prefetch and route-less requests.

        Laravel: ``StartSession::storeCurrentUrl()``.
        """
        if request.method != "GET" or request.ajax() or request.prefetch():
            return
        route = request.route() if callable(getattr(request, "route", None)) else None
        if route is None:
            return
        session.set_previous_url(request.full_url())
        name = getattr(route, "get_name", None)
        if callable(name) and name():
            session.set_previous_route(name())

    def add_cookie_to_response(
        self,
        request: t.Any,
        response: t.Any,
        session: Store,
        config: t.Mapping[str, t.Any],
    ) -> None:
        """Set the session cookie on the response.

        Laravel: ``StartSession::addCookieToResponse()``.
        """
        secure = config.get("secure")
        if secure is None or secure == "":
            secure = bool(request.secure())
        same_site = config.get("same_site")
        http_only = config.get("http_only")
        minutes = (
            0
            if _true(config.get("expire_on_close"))
            else self.get_cookie_lifetime(config)
        )
        # Werkzeug's set_cookie (session sits below protevus.http in the layers).
        response.set_cookie(
            session.get_name(),
            session.get_id(),
            max_age=max(int(minutes * 60), 0) if minutes else None,
            expires=(
                _dt.datetime.now(_dt.UTC) + _dt.timedelta(minutes=minutes)
                if minutes
                else None
            ),
            path=str(config.get("path") or "/"),
            domain=config.get("domain") or None,
            secure=_true(secure),
            httponly=True if http_only is None else _true(http_only),
            samesite=str(same_site).capitalize() if same_site else None,
            partitioned=_true(config.get("partitioned")),
        )

    @staticmethod
    def get_cookie_lifetime(config: t.Mapping[str, t.Any]) -> int | float:
        """Return the cookie's lifetime in minutes. Laravel: ``getCookieExpirationDate()``."""
        return t.cast("int | float", config.get("lifetime") or 0)

    def save_session(self, request: t.Any, session: Store) -> None:
        """Save the session. Laravel: ``StartSession::saveSession()``."""
        session.save()


def _true(value: t.Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)
