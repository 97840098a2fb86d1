"""Authorize from a controller: ``self.authorize('update', post)``.

Laravel: ``Illuminate\\Foundation\\Auth\\Access\\AuthorizesRequests``. The base
:class:`~protevus.routing.controller.Controller` already has ``authorize()`` and
``authorize_for_user()``; mix this in elsewhere (or for the ability guessed from
the calling method).
"""

from __future__ import annotations

import inspect
import typing as t

from protevus.auth.access.authorizable import current_gate
from protevus.support.aliases import camel_aliases

if t.TYPE_CHECKING:
    from protevus.auth.access.response import Response

#: controller method → ability, when ``authorize()`` is given only the arguments.
RESOURCE_ABILITY_MAP: dict[str, str] = {
    "index": "viewAny",
    "show": "view",
    "create": "create",
    "store": "create",
    "edit": "update",
    "update": "update",
    "destroy": "delete",
}


@camel_aliases
class AuthorizesRequests:
    """Mix ``authorize()``/``authorize_for_user()`` into a class.

    ``self.authorize('update', post)`` raises
    :class:`~protevus.auth.access.exceptions.AuthorizationException` (403) when
    the gate denies; ``self.authorize(post)`` inside ``update()`` guesses the
    ability from the method (``show`` → ``view``, ``store`` → ``create``,
    ``destroy`` → ``delete``...).

    Laravel: ``Illuminate\\Foundation\\Auth\\Access\\AuthorizesRequests``.
    """

    __slots__ = ()

    def authorize(self, ability: t.Any, arguments: t.Any = None) -> Response:
        """Authorize the current user for ``ability``. Laravel: ``AuthorizesRequests::authorize()``."""
        ability, arguments = _parse_ability_and_arguments(ability, arguments)
        return t.cast("Response", current_gate().authorize(ability, arguments))

    def authorize_for_user(
        self, user: t.Any, ability: t.Any, arguments: t.Any = None
    ) -> Response:
        """Authorize ``user`` for ``ability``. Laravel: ``AuthorizesRequests::authorizeForUser()``."""
        ability, arguments = _parse_ability_and_arguments(ability, arguments)
        return t.cast(
            "Response", current_gate().for_user(user).authorize(ability, arguments)
        )

    def resource_ability_map(self) -> dict[str, str]:
        """Get the controller method → ability map. Laravel: ``resourceAbilityMap()``."""
        return dict(RESOURCE_ABILITY_MAP)


def _parse_ability_and_arguments(ability: t.Any, arguments: t.Any) -> tuple[str, t.Any]:
    # Laravel: parseAbilityAndArguments() reads the caller from the backtrace.
    if isinstance(ability, str):
        return ability, arguments
    frame = inspect.currentframe()
    try:
        caller = frame.f_back.f_back if frame and frame.f_back else None
        method = caller.f_code.co_name if caller is not None else ""
    finally:
        del frame
    return RESOURCE_ABILITY_MAP.get(method, method), ability
