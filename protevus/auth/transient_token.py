"""The token of a user authenticated without one (by session): it can do anything.

Laravel: ``Laravel\\Sanctum\\TransientToken``.
"""

from __future__ import annotations

from protevus.support.aliases import CamelAliases


class TransientToken(CamelAliases):
    """Answer every ability check with yes, for users that came without an API token.

    ``user.with_access_token(TransientToken())`` lets code that calls
    ``user.token_can(...)`` serve first-party (session) users too.
    Laravel: ``Laravel\\Sanctum\\TransientToken``.
    """

    def can(self, ability: str) -> bool:
        """Grant every ability. Laravel: ``TransientToken::can()``."""
        return True

    def cant(self, ability: str) -> bool:
        """Deny no ability. Laravel: ``TransientToken::cant()``."""
        return False
