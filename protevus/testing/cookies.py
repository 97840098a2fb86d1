"""Read the cookies a response sets from its ``Set-Cookie`` headers.

Laravel: Symfony's ``Cookie::fromString()``.
"""

from __future__ import annotations

import dataclasses
import time
import typing as t
from email.utils import parsedate_to_datetime

from protevus.support.aliases import CamelAliases


@dataclasses.dataclass
class ResponseCookie(CamelAliases):
    """One cookie a response sets: its value and attributes.

    Laravel: Symfony's ``Symfony\\Component\\HttpFoundation\\Cookie``.
    """

    name: str
    value: str
    expires: float | None = None
    max_age: int | None = None
    path: str | None = None
    domain: str | None = None
    secure: bool = False
    http_only: bool = False
    same_site: str | None = None

    def expires_at(self) -> float | None:
        """Get the expiry as a Unix timestamp (``Max-Age`` wins over ``Expires``), or ``None`` for a session cookie."""
        if self.max_age is not None:
            return time.time() + self.max_age if self.max_age > 0 else 0.0
        return self.expires

    def is_expired(self) -> bool:
        """Tell whether the cookie is already expired (a deletion).

        Laravel: ``Cookie::isCleared()``.
        """
        when = self.expires_at()
        return when is not None and when < time.time()


def parse_set_cookie(header: str) -> ResponseCookie | None:
    """Parse one ``Set-Cookie`` header value; ``None`` when it names no cookie."""
    from werkzeug.http import parse_cookie

    first, *attributes = header.split(";")
    if "=" not in first:
        return None
    name = first.split("=", 1)[0].strip()
    values: t.Mapping[str, str] = parse_cookie(first.strip())
    cookie = ResponseCookie(name=name, value=values.get(name, ""))
    for attribute in attributes:
        key, _, raw = attribute.strip().partition("=")
        key = key.strip().lower()
        raw = raw.strip()
        if key == "expires":
            try:
                cookie.expires = parsedate_to_datetime(raw).timestamp()
            except (TypeError, ValueError):
                cookie.expires = None
        elif key == "max-age":
            try:
                cookie.max_age = int(raw)
            except ValueError:
                cookie.max_age = None
        elif key == "path":
            cookie.path = raw
        elif key == "domain":
            cookie.domain = raw
        elif key == "secure":
            cookie.secure = True
        elif key == "httponly":
            cookie.http_only = True
        elif key == "samesite":
            cookie.same_site = raw
    return cookie


def decrypt_cookie_value(
    app: t.Any, name: str, value: str, unserialize: bool = False
) -> t.Any:
    """Decrypt a cookie value written by ``EncryptCookies``; ``None`` when it is not genuine.

    For assertions on encrypted cookies: the payload is percent-decoded,
    decrypted with the application's encrypter and stripped of its name prefix.

    Laravel: the decryption in ``TestResponse::assertCookie()``.
    """
    import urllib.parse

    from protevus.cookie.cookie_value_prefix import CookieValuePrefix
    from protevus.encryption.exceptions import DecryptError

    encrypter = app.make("encrypter")
    try:
        decrypted = encrypter.decrypt(urllib.parse.unquote(value), unserialize)
    except DecryptError:
        return None
    if not isinstance(decrypted, str):
        return decrypted
    return CookieValuePrefix.validate(name, decrypted, encrypter.get_all_keys())
