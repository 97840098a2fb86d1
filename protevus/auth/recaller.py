"""Read the remember-me cookie's value: ``id|token|password MAC``.

Laravel: ``Illuminate\\Auth\\Recaller``.
"""

from __future__ import annotations

import hashlib
import hmac
import typing as t

from protevus.support.aliases import CamelAliases


def hash_password_for_cookie(password_hash: t.Any) -> str:
    """Return an HMAC-SHA256 of a password hash, keyed with the app key.

    The remember-me cookie and the session carry this instead of the hash itself,
    so a cookie read in the clear (one excepted from encryption) never hands out a
    crackable bcrypt hash. Laravel: ``SessionGuard::hashPasswordForCookie()``
    (laravel/framework#58107).
    """
    from protevus.container.container import Container

    key = str(Container.get_instance().make("config").get("app.key") or "")
    return hmac.new(
        key.encode(), str(password_hash or "").encode(), hashlib.sha256
    ).hexdigest()


def same_secret(left: t.Any, right: t.Any) -> bool:
    """Compare two secrets (tokens, MACs) in constant time; empty values never match."""
    if not left or not right:
        return False
    return hmac.compare_digest(str(left).encode(), str(right).encode())


class Recaller(CamelAliases):
    """Split a remember-me cookie value into the user id, remember token and password hash.

    Laravel: ``Illuminate\\Auth\\Recaller``.
    """

    def __init__(self, recaller: t.Any) -> None:
        self.recaller = recaller if isinstance(recaller, str) else ""

    def id(self) -> str:
        """Get the user id. Laravel: ``Recaller::id()``."""
        return self.recaller.split("|", 2)[0]

    def token(self) -> str:
        """Get the remember token. Laravel: ``Recaller::token()``."""
        parts = self.recaller.split("|", 2)
        return parts[1] if len(parts) > 1 else ""

    def hash(self) -> str:
        """Get the password hash the cookie was issued for. Laravel: ``Recaller::hash()``."""
        parts = self.recaller.split("|", 3)
        return parts[2] if len(parts) > 2 else ""

    def valid(self) -> bool:
        """Tell whether the value has an id, a token and a hash. Laravel: ``Recaller::valid()``."""
        return "|" in self.recaller and self.has_all_segments()

    def has_all_segments(self) -> bool:
        """Tell whether there are three segments with a non-blank id and token.

        Laravel: ``Recaller::hasAllSegments()``.
        """
        segments = self.segments()
        return (
            len(segments) >= 3
            and segments[0].strip() != ""
            and segments[1].strip() != ""
        )

    def segments(self) -> list[str]:
        """Get every ``|``-separated segment. Laravel: ``Recaller::segments()``."""
        return self.recaller.split("|")
