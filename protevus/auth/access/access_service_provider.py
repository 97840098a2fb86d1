"""Register the authorization gate (``'gate'``) and ``make:policy``.

Laravel: the gate half of ``Illuminate\\Auth\\AuthServiceProvider``
(``registerAccessGate()``) and ``PolicyMakeCommand``'s registration.
"""

from __future__ import annotations

import typing as t

from protevus.console.lazy_command import LazyCommand
from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.auth.access.gate import Gate

ACCESS_COMMANDS: tuple[LazyCommand, ...] = (
    LazyCommand(
        "make:policy",
        "Create a new policy class",
        "protevus.auth.console.policy_make_command.PolicyMakeCommand",
    ),
)


class AccessServiceProvider(ServiceProvider):
    """Bind the ``'gate'`` singleton; its user is the ``'auth'`` service's user at each check.

    Laravel: ``AuthServiceProvider::registerAccessGate()``.
    """

    def register(self) -> None:
        """Register the gate and the command. Laravel: ``AuthServiceProvider::register()``."""
        # No class alias: it would import the gate (and Werkzeug) at boot.
        self.app.singleton("gate", _gate)
        self.commands(*ACCESS_COMMANDS)


def _gate(app: t.Any) -> Gate:
    from protevus.auth.access.gate import Gate

    return Gate(app, lambda: current_user(app))


def current_user(app: t.Any) -> t.Any:
    """Get the logged-in user from ``'auth'`` now, or None when no auth service is bound.

    Laravel: ``call_user_func($app['auth']->userResolver())``.
    """
    if not app.bound("auth"):
        return None
    auth = app.make("auth")
    user_resolver = getattr(auth, "user_resolver", None)
    if callable(user_resolver):
        resolver = user_resolver()
        if callable(resolver):
            return resolver()
    return auth.guard().user()
