"""Let a request through only when its token has every listed ability: ``abilities:a,b``.

Laravel: ``Laravel\\Sanctum\\Http\\Middleware\\CheckAbilities``.
"""

from __future__ import annotations

import typing as t

from protevus.auth.exceptions import AuthenticationException
from protevus.auth.missing_ability_exception import MissingAbilityException
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.http.request import Request


def token_user(request: Request) -> t.Any:
    """Return the request's user when it came with an access token, else raise 401."""
    user = request.user()
    current = getattr(user, "current_access_token", None)
    if user is None or not callable(current) or current() is None:
        raise AuthenticationException("Unauthenticated.")
    return user


class CheckAbilities(CamelAliases):
    """Raise 403 unless the token has all of the abilities (401 without a token).

    ``Route.get('/orders', index).middleware(['auth:api', 'abilities:orders:read,orders:list'])``.
    Laravel: ``Laravel\\Sanctum\\Http\\Middleware\\CheckAbilities``.
    """

    def handle(
        self, request: Request, next: t.Callable[[Request], t.Any], *abilities: str
    ) -> t.Any:
        """Check every ability, then go on. Laravel: ``CheckAbilities::handle()``."""
        user = token_user(request)
        for ability in abilities:
            if not user.token_can(ability):
                raise MissingAbilityException(ability)
        return next(request)
