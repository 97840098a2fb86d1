"""The HMAC prefix that ties an encrypted cookie's value to the cookie's name.

Laravel: ``Illuminate\\Cookie\\CookieValuePrefix``. Before encrypting a cookie,
:class:`~protevus.cookie.middleware.encrypt_cookies.EncryptCookies` puts
``hex(hmac_sha1(name + 'v2', key)) + '|'`` in front of the value, so a payload
copied from one cookie into another is rejected on the way in.
"""

from __future__ import annotations

import hashlib
import hmac
import typing as t

from protevus.support.aliases import CamelAliases

#: 40 hex digits and the ``|`` separator.
PREFIX_LENGTH = 41


class CookieValuePrefix(CamelAliases):
    """Create, check and remove the name-bound prefix of encrypted cookie values.

    Laravel: ``Illuminate\\Cookie\\CookieValuePrefix``.
    """

    @staticmethod
    def create(cookie_name: str, key: bytes | str) -> str:
        """Return the prefix for ``cookie_name`` under ``key``.

        Laravel: ``CookieValuePrefix::create()``.
        """
        raw_key = key.encode("utf-8") if isinstance(key, str) else key
        digest = hmac.new(raw_key, (cookie_name + "v2").encode("utf-8"), hashlib.sha1)
        return digest.hexdigest() + "|"

    @staticmethod
    def remove(cookie_value: str) -> str:
        """Return ``cookie_value`` without its prefix (the first 41 characters).

        Laravel: ``CookieValuePrefix::remove()``.
        """
        return cookie_value[PREFIX_LENGTH:]

    @classmethod
    def validate(
        cls,
        cookie_name: str,
        cookie_value: str,
        keys: bytes | str | t.Iterable[bytes | str],
    ) -> str | None:
        """Return the value without its prefix when a key made the prefix, else ``None``.

        Every key is tried (the current one, then the previous keys), so cookies
        written before a key rotation keep working.

        Laravel: ``CookieValuePrefix::validate()``.
        """
        candidates = [keys] if isinstance(keys, bytes | str) else list(keys)
        for key in candidates:
            prefix = cls.create(cookie_name, key)
            if hmac.compare_digest(
                cookie_value[:PREFIX_LENGTH].encode("utf-8"), prefix.encode("ascii")
            ):
                return cls.remove(cookie_value)
        return None
