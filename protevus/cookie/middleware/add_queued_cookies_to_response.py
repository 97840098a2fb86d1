"""Write the cookies queued with ``Cookie.queue()`` on the response.

Laravel: ``Illuminate\\Cookie\\Middleware\\AddQueuedCookiesToResponse``.
"""

from __future__ import annotations

import typing as t

from protevus.container.container import Container
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.cookie.cookie_jar import CookieJar

_Next = t.Callable[[t.Any], t.Any]


class AddQueuedCookiesToResponse(CamelAliases):
    """Add the request's queued cookies to its response, then empty the queue.

    It runs inside ``EncryptCookies`` in the ``web`` group, so queued cookies
    are encrypted like the others.

    Laravel: ``Illuminate\\Cookie\\Middleware\\AddQueuedCookiesToResponse``.
    """

    def __init__(self, app: Container) -> None:
        self.app = app

    @property
    def cookies(self) -> CookieJar | None:
        """Get the cookie jar (``'cookie'``), or ``None`` when it is not bound.

        Laravel: the ``$cookies`` property.
        """
        if not self.app.bound("cookie"):
            return None
        return t.cast("CookieJar", self.app.make("cookie"))

    def handle(self, request: t.Any, next: _Next) -> t.Any:
        """Run the request, then set every queued cookie on the response.

        Without a cookie jar nothing can be queued, so the request just passes.

        Laravel: ``AddQueuedCookiesToResponse::handle()``.
        """
        jar = self.cookies
        if jar is None:
            return next(request)
        try:
            response = next(request)
            for cookie in jar.get_queued_cookies():
                cookie.apply_to(response)
        finally:
            jar.flush_queued_cookies()
        return response
