"""A token just created: the stored model and the plain text shown once.

Laravel: ``Laravel\\Sanctum\\NewAccessToken``.
"""

from __future__ import annotations

import json
import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.auth.personal_access_token import PersonalAccessToken


class NewAccessToken(CamelAliases):
    """Hold a new token's model and its plain text (``"{id}|{secret}"``).

    Give ``plain_text_token`` to the client now: only its SHA-256 hash is stored, so
    it cannot be shown again. Laravel: ``Laravel\\Sanctum\\NewAccessToken``.
    """

    def __init__(
        self, access_token: PersonalAccessToken, plain_text_token: str
    ) -> None:
        self.access_token = access_token
        self.plain_text_token = plain_text_token

    def to_array(self) -> dict[str, t.Any]:
        """Return the model's array and the plain text token. Laravel: ``NewAccessToken::toArray()``."""
        return {
            "access_token": self.access_token.to_array(),
            "plain_text_token": self.plain_text_token,
        }

    def to_json(self, options: int = 0) -> str:
        """Return :meth:`to_array` as JSON. Laravel: ``NewAccessToken::toJson()``."""
        return json.dumps(self.to_array(), default=str)

    def __str__(self) -> str:
        return self.plain_text_token

    def __repr__(self) -> str:
        # Never print the secret in logs or tracebacks.
        return f"<NewAccessToken id={self.access_token.get_key()!r}>"
