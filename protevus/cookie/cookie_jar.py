"""Make cookies with the application's defaults, and queue them for the response.

Laravel: ``Illuminate\\Cookie\\CookieJar`` (container key ``'cookie'``, facade
``Cookie``). The queue belongs to the request being handled: it lives in a
:class:`contextvars.ContextVar` tagged with that request, so threads serving
other requests never see it, and a worker thread that serves the next request
starts with an empty queue even when the previous one never reached
``AddQueuedCookiesToResponse``.
"""

from __future__ import annotations

import contextvars
import typing as t

from protevus.http.response import Cookie
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

#: Laravel's ``forever()``: five years, in minutes.
FOREVER_MINUTES = 576000
#: Laravel's ``forget()``: minus five years, in minutes.
FORGET_MINUTES = -2628000

_Queue = dict[str, dict[str, Cookie]]


class CookieJar(CamelAliases, Macroable):
    """Build :class:`~protevus.http.response.Cookie` objects and queue them.

    ::

        Cookie.queue('theme', 'dark', 60)      # sent with this request's response
        response.with_cookie(cookie('lang', 'en', minutes=60))
        Cookie.expire('theme')

    Laravel: ``Illuminate\\Cookie\\CookieJar``.
    """

    def __init__(self) -> None:
        self.path: str = "/"
        self.domain: str | None = None
        self.secure: bool | None = None
        self.same_site: str | None = "lax"
        self._queue: contextvars.ContextVar[tuple[t.Any, _Queue] | None] = (
            contextvars.ContextVar(f"protevus_cookie_queue_{id(self)}", default=None)
        )

    # -- making cookies ------------------------------------------------------------

    def make(
        self,
        name: str,
        value: t.Any = "",
        minutes: int | float = 0,
        path: str | None = None,
        domain: str | None = None,
        secure: bool | None = None,
        http_only: bool = True,
        raw: bool = False,
        same_site: str | None = None,
    ) -> Cookie:
        """Create a cookie; ``minutes=0`` lasts until the browser closes.

        Path, domain, ``secure`` and SameSite default to the session settings.

        Laravel: ``CookieJar::make()``.
        """
        if not isinstance(name, str) or not name:
            raise ValueError(
                f"Cookie names must be non-empty strings, got [{name!r}]; pass the "
                "cookie's name first: Cookie.make('theme', 'dark')."
            )
        path, domain, secure, same_site = self._get_path_and_domain(
            path, domain, secure, same_site
        )
        return Cookie(
            name,
            "" if value is None else str(value),
            minutes,
            path,
            domain,
            secure,
            http_only,
            same_site,
            raw,
        )

    def forever(
        self,
        name: str,
        value: t.Any,
        path: str | None = None,
        domain: str | None = None,
        secure: bool | None = None,
        http_only: bool = True,
        raw: bool = False,
        same_site: str | None = None,
    ) -> Cookie:
        """Create a cookie that lasts five years.

        Laravel: ``CookieJar::forever()``.
        """
        return self.make(
            name,
            value,
            FOREVER_MINUTES,
            path,
            domain,
            secure,
            http_only,
            raw,
            same_site,
        )

    def forget(
        self, name: str, path: str | None = None, domain: str | None = None
    ) -> Cookie:
        """Create a cookie that deletes ``name`` from the browser.

        Laravel: ``CookieJar::forget()``.
        """
        return self.make(name, None, FORGET_MINUTES, path, domain)

    # -- the queue -------------------------------------------------------------------

    def has_queued(self, key: str, path: str | None = None) -> bool:
        """Tell whether a cookie named ``key`` (at ``path``) is queued.

        Laravel: ``CookieJar::hasQueued()``.
        """
        return self.queued(key, None, path) is not None

    def queued(self, key: str, default: t.Any = None, path: str | None = None) -> t.Any:
        """Get the queued cookie ``key`` (the last one queued when ``path`` is None).

        Laravel: ``CookieJar::queued()``.
        """
        by_path = self._current().get(key)
        if not by_path:
            return default
        if path is None:
            return list(by_path.values())[-1]
        return by_path.get(path, default)

    def queue(self, cookie: Cookie | str, *args: t.Any, **kwargs: t.Any) -> None:
        """Queue a cookie (or :meth:`make`'s arguments) for the current response.

        A cookie with the same name and path replaces the one queued before.

        Laravel: ``CookieJar::queue()``.
        """
        if not isinstance(cookie, Cookie):
            cookie = self.make(cookie, *args, **kwargs)
        elif args or kwargs:
            raise TypeError(
                f"Cookie.queue() got a Cookie [{cookie.name}] and more arguments; pass "
                "either a Cookie or the name, value and options."
            )
        self._current(create=True).setdefault(cookie.name, {})[cookie.path] = cookie

    def expire(
        self, name: str, path: str | None = None, domain: str | None = None
    ) -> None:
        """Queue a cookie that deletes ``name`` from the browser.

        Laravel: ``CookieJar::expire()``.
        """
        self.queue(self.forget(name, path, domain))

    def unqueue(self, name: str, path: str | None = None) -> None:
        """Remove a cookie from the queue (only the one at ``path`` when given).

        Laravel: ``CookieJar::unqueue()``.
        """
        queue = self._current()
        if path is None:
            queue.pop(name, None)
            return
        by_path = queue.get(name)
        if by_path is None:
            return
        by_path.pop(path, None)
        if not by_path:
            queue.pop(name, None)

    def get_queued_cookies(self) -> list[Cookie]:
        """Get every queued cookie of the current request, in queue order.

        Laravel: ``CookieJar::getQueuedCookies()``.
        """
        return [
            cookie
            for by_path in self._current().values()
            for cookie in by_path.values()
        ]

    def flush_queued_cookies(self) -> CookieJar:
        """Forget the current request's queued cookies.

        Laravel: ``CookieJar::flushQueuedCookies()``.
        """
        self._queue.set(None)
        return self

    # -- defaults ----------------------------------------------------------------------

    def set_default_path_and_domain(
        self,
        path: str | None,
        domain: str | None,
        secure: bool | None = False,
        same_site: str | None = None,
    ) -> CookieJar:
        """Set the path, domain, ``secure`` flag and SameSite used when not given.

        Laravel: ``CookieJar::setDefaultPathAndDomain()``.
        """
        self.path = path or "/"
        self.domain = domain or None
        self.secure = secure
        self.same_site = same_site
        return self

    def _get_path_and_domain(
        self,
        path: str | None,
        domain: str | None,
        secure: bool | None,
        same_site: str | None,
    ) -> tuple[str, str | None, bool | None, str | None]:
        """Fill what is not given from the defaults. Laravel: ``getPathAndDomain()``."""
        return (
            path or self.path,
            domain or self.domain,
            secure if isinstance(secure, bool) else self.secure,
            same_site or self.same_site,
        )

    def _current(self, create: bool = False) -> _Queue:
        """Get the queue of the request being handled (empty for a new request)."""
        owner = _current_request()
        stored = self._queue.get()
        if stored is not None and stored[0] is owner:
            return stored[1]
        queue: _Queue = {}
        if create:
            self._queue.set((owner, queue))
        return queue


def _current_request() -> t.Any:
    """Return the request being handled, or ``None`` outside a request."""
    import flask

    if not flask.has_request_context():
        return None
    return flask.request._get_current_object()  # type: ignore[attr-defined]
