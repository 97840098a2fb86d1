"""The 403 raised when the request's token lacks an ability.

Laravel: ``Laravel\\Sanctum\\Exceptions\\MissingAbilityException``.
"""

from __future__ import annotations

import typing as t

from protevus.http.exceptions import AccessDeniedHttpException


class MissingAbilityException(AccessDeniedHttpException):
    """Answer 403 "Invalid ability provided." and remember the abilities checked.

    Laravel: ``Laravel\\Sanctum\\Exceptions\\MissingAbilityException``.
    """

    def __init__(
        self,
        abilities: t.Iterable[str] | str = (),
        message: str = "Invalid ability provided.",
    ) -> None:
        super().__init__(message)
        self.abilities: list[str] = (
            [abilities] if isinstance(abilities, str) else list(abilities)
        )

    def get_abilities(self) -> list[str]:
        """Return the abilities the token lacked. Laravel: ``MissingAbilityException::abilities()``."""
        return list(self.abilities)
