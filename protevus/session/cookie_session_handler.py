"""Keep the whole session in a cookie of the browser.

Laravel: ``Illuminate\\Session\\CookieSessionHandler``.
"""

from __future__ import annotations

import json
import time
import typing as t

from protevus.support.aliases import CamelAliases

#: Laravel's ``CookieJar::forget()`` lifetime: five years in the past.
_FORGET_MINUTES = -2628000


class CookieSessionHandler(CamelAliases):
    """Read the payload from the request's cookie named after the session id;
    queue the new one on the cookie jar.

    The cookie holds ``{"data": <payload>, "expires": <unix time>}``; the
    EncryptCookies middleware encrypts it on the way out, so it cannot be read
    or forged. ``cookie_jar`` is anything with ``queue(name, value, minutes)``
    (the container's ``'cookie'``), or a callable returning it.

    Laravel: ``Illuminate\\Session\\CookieSessionHandler``.
    """

    def __init__(
        self,
        cookie_jar: t.Any,
        minutes: int | float,
        expire_on_close: bool = False,
    ) -> None:
        self._cookie = cookie_jar
        self._minutes = minutes
        self._expire_on_close = expire_on_close
        self._request: t.Any = None

    def open(self, save_path: str, session_name: str) -> bool:
        """Do nothing. Laravel: ``CookieSessionHandler::open()``."""
        return True

    def close(self) -> bool:
        """Do nothing. Laravel: ``CookieSessionHandler::close()``."""
        return True

    def read(self, session_id: str) -> str:
        """Return the cookie's payload unless it expired. Laravel: ``CookieSessionHandler::read()``."""
        if self._request is None:
            return ""
        raw = self._request.cookies.get(session_id)
        if not raw:
            return ""
        try:
            decoded = json.loads(raw)
        except ValueError:
            return ""
        if not isinstance(decoded, dict):
            return ""
        data, expires = decoded.get("data"), decoded.get("expires")
        if not isinstance(data, str) or not isinstance(expires, int | float):
            return ""
        return data if expires >= time.time() else ""

    def write(self, session_id: str, data: str) -> bool:
        """Queue the session cookie on the jar. Laravel: ``CookieSessionHandler::write()``."""
        value = json.dumps(
            {"data": data, "expires": int(time.time() + self._minutes * 60)},
            separators=(",", ":"),
        )
        minutes = 0 if self._expire_on_close else self._minutes
        self._jar().queue(session_id, value, minutes)
        return True

    def destroy(self, session_id: str) -> bool:
        """Queue a cookie that expires the session. Laravel: ``CookieSessionHandler::destroy()``."""
        self._jar().queue(session_id, "", _FORGET_MINUTES)
        return True

    def gc(self, lifetime: int) -> int:
        """Remove nothing: the browser drops expired cookies. Laravel: ``gc()``."""
        return 0

    def _jar(self) -> t.Any:
        jar = self._cookie
        if callable(jar) and not hasattr(jar, "queue"):
            jar = jar()
        return jar

    def set_request(self, request: t.Any) -> CookieSessionHandler:
        """Read the cookie from this request. Laravel: ``CookieSessionHandler::setRequest()``."""
        self._request = request
        return self
