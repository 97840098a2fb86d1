"""Let a request through when its token has one of the listed abilities: ``ability:a,b``.

Laravel: ``Laravel\\Sanctum\\Http\\Middleware\\CheckForAnyAbility``.
"""

from __future__ import annotations

import typing as t

from protevus.auth.middleware.check_abilities import token_user
from protevus.auth.missing_ability_exception import MissingAbilityException
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.http.request import Request


class CheckForAnyAbility(CamelAliases):
    """Raise 403 unless the token has at least one of the abilities (401 without a token).

    ``Route.get('/orders', index).middleware(['auth:api', 'ability:orders:read,admin'])``.
    Laravel: ``Laravel\\Sanctum\\Http\\Middleware\\CheckForAnyAbility``.
    """

    def handle(
        self, request: Request, next: t.Callable[[Request], t.Any], *abilities: str
    ) -> t.Any:
        """Go on at the first ability the token has. Laravel: ``CheckForAnyAbility::handle()``."""
        user = token_user(request)
        for ability in abilities:
            if user.token_can(ability):
                return next(request)
        raise MissingAbilityException(abilities)
