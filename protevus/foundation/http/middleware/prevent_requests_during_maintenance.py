"""Answer 503 while the application is down (``python artisan.py down``).

Laravel: ``Illuminate\\Foundation\\Http\\Middleware\\PreventRequestsDuringMaintenance``
and ``Illuminate\\Foundation\\Http\\MaintenanceModeBypassCookie``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import time
import typing as t

from protevus.foundation.application import Application
from protevus.support.aliases import CamelAliases
from protevus.support.str import Str

_Next = t.Callable[[t.Any], t.Any]

#: the bypass cookie lasts 12 hours, as Laravel's does.
BYPASS_LIFETIME = 12 * 3600


class MaintenanceModeBypassCookie(CamelAliases):
    """Create and check the cookie that lets a visitor through maintenance mode.

    The value is base64 JSON ``{"expires_at": ..., "mac": ...}``; the MAC is
    HMAC-SHA256 keyed with ``APP_KEY`` over the expiry and the ``--secret``, so a
    cookie works only for the secret that issued it and only until it expires.

    Laravel: ``Illuminate\\Foundation\\Http\\MaintenanceModeBypassCookie``.
    """

    NAME = "protevus_maintenance"

    @staticmethod
    def _mac(expires_at: int, secret: str, key: str) -> str:
        message = f"{expires_at}|{secret}".encode()
        return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()

    @classmethod
    def value(cls, secret: str, key: str, now: float | None = None) -> str:
        """Make the cookie value for ``secret``, valid for 12 hours.

        Laravel: ``MaintenanceModeBypassCookie::create()``.
        """
        expires_at = int(time.time() if now is None else now) + BYPASS_LIFETIME
        payload = {"expires_at": expires_at, "mac": cls._mac(expires_at, secret, key)}
        return base64.b64encode(json.dumps(payload).encode()).decode()

    @classmethod
    def is_valid(cls, cookie: str, secret: str, key: str) -> bool:
        """Determine if a cookie value is genuine and not expired.

        Laravel: ``MaintenanceModeBypassCookie::isValid()``.
        """
        try:
            payload = json.loads(base64.b64decode(cookie, validate=True))
        except ValueError:
            return False
        if not isinstance(payload, dict):
            return False
        expires_at, mac = payload.get("expires_at"), payload.get("mac")
        if type(expires_at) is not int or not isinstance(mac, str):
            return False
        expected = cls._mac(expires_at, secret, key).encode("ascii")
        # Bytes: compare_digest() raises on non-ASCII str, and a forged cookie
        # must be refused, never answered with a 500.
        given = mac.encode("utf-8", "surrogatepass")
        return hmac.compare_digest(expected, given) and expires_at >= time.time()


class PreventRequestsDuringMaintenance(CamelAliases):
    """Stop requests with 503 while ``storage/framework/down`` exists.

    The file is the JSON ``down`` writes. Requests still pass when their path is
    excepted (``except_`` here, ``with_middleware(lambda m:
    m.prevent_requests_during_maintenance(except_=[...]))``, or the payload's
    ``except``), or when they carry a valid bypass cookie, which visiting
    ``/{secret}`` sets before redirecting to ``/``. The 503 carries the payload's
    ``retry`` (``Retry-After``) and ``refresh`` (``Refresh``) headers; ``redirect``
    sends every other path there, ``template`` is served as the body.

    Laravel: ``PreventRequestsDuringMaintenance``.
    """

    #: paths (``*`` wildcards) that stay reachable during maintenance.
    except_: t.ClassVar[list[str]] = []

    def __init__(self, app: Application) -> None:
        self.app = app
        self.down_file = app.storage_path(os.path.join("framework", "down"))

    def handle(self, request: t.Any, next: _Next) -> t.Any:
        """Let the request through unless the application is down."""
        # Checked on every request (no caching), so `down` and `up` take effect at
        # once; access() answers without raising and catching an OSError as
        # os.path.exists() does when the file is missing.
        if not os.access(self.down_file, os.F_OK):
            return next(request)
        data = self._data()
        if data is None or self._in_except_array(request, data):
            return next(request)
        secret = data.get("secret")
        path = _path(request)
        if secret and path == str(secret).strip("/"):
            return self._bypass_response(str(secret))
        if secret and self._has_valid_bypass_cookie(request, str(secret)):
            return next(request)
        headers = self._headers(data)
        redirect = data.get("redirect")
        if redirect:
            target = redirect if redirect == "/" else str(redirect).strip("/")
            if path != target:
                return self._redirect(target if target == "/" else f"/{target}")
        status = int(data.get("status") or 503)
        if data.get("template"):
            from protevus.http.response import Response

            return Response(str(data["template"]), status, headers)
        from protevus.http.exceptions import HttpException

        raise HttpException(status, "Service Unavailable", headers)

    def _data(self) -> dict[str, t.Any] | None:
        try:
            with open(self.down_file, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:  # `up` ran between the check and the read
            return None
        except ValueError:
            data = {}  # an unreadable payload still means "down", with defaults
        return data if isinstance(data, dict) else {}

    def get_excluded_paths(self, data: dict[str, t.Any] | None = None) -> list[str]:
        """Get every excepted path: the class's, the registrar's and the payload's.

        Laravel: ``PreventRequestsDuringMaintenance::getExcludedPaths()``.
        """
        paths = list(self.except_)
        from protevus.foundation.configuration.middleware import Middleware

        if self.app.bound(Middleware):
            paths.extend(self.app.make(Middleware).maintenance_except)
        paths.extend((data or {}).get("except") or [])
        return paths

    def _in_except_array(self, request: t.Any, data: dict[str, t.Any]) -> bool:
        path = _path(request)
        url = str(getattr(request, "url", ""))
        for pattern in self.get_excluded_paths(data):
            pattern = str(pattern)
            if pattern != "/":
                pattern = pattern.strip("/")
            if Str.is_(pattern, path) or Str.is_(pattern, url):
                return True
        return False

    def _key(self) -> str:
        return str(self.app.make("config").get("app.key") or "")

    def _has_valid_bypass_cookie(self, request: t.Any, secret: str) -> bool:
        cookie = request.cookies.get(MaintenanceModeBypassCookie.NAME)
        return bool(cookie) and MaintenanceModeBypassCookie.is_valid(
            cookie, secret, self._key()
        )

    def _bypass_response(self, secret: str) -> t.Any:
        response = self._redirect("/")
        config = self.app.make("config")
        response.set_cookie(
            MaintenanceModeBypassCookie.NAME,
            MaintenanceModeBypassCookie.value(secret, self._key()),
            max_age=BYPASS_LIFETIME,
            path=config.get("session.path") or "/",
            domain=config.get("session.domain"),
            httponly=True,
            samesite="Lax",
        )
        return response

    def _redirect(self, path: str) -> t.Any:
        from protevus.http.response import RedirectResponse

        return RedirectResponse(path)

    @staticmethod
    def _headers(data: dict[str, t.Any]) -> dict[str, str]:
        headers: dict[str, str] = {}
        if data.get("retry") is not None:
            headers["Retry-After"] = str(data["retry"])
        if data.get("refresh") is not None:
            headers["Refresh"] = str(data["refresh"])
        return headers


def _path(request: t.Any) -> str:
    """Get the path Laravel's way: no leading slash, ``'/'`` for the root."""
    return str(request.path).strip("/") or "/"
