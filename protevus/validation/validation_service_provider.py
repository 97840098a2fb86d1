"""Register the validation factory, the presence verifier and ``make:request``/``make:rule``.

Laravel: ``Illuminate\\Validation\\ValidationServiceProvider`` and the validation
half of ``Illuminate\\Foundation\\Providers\\FormRequestServiceProvider``.
"""

from __future__ import annotations

import importlib.util
import typing as t

if t.TYPE_CHECKING:
    from protevus.validation.factory import Factory

from protevus.console.lazy_command import LazyCommand
from protevus.support.service_provider import ServiceProvider
from protevus.validation.validates_when_resolved import ValidatesWhenResolved

_CONSOLE = "protevus.validation.console"
_PRESENCE = "protevus.validation.database_presence_verifier"

VALIDATION_COMMANDS: tuple[LazyCommand, ...] = (
    LazyCommand(
        "make:request",
        "Create a new form request class",
        f"{_CONSOLE}.request_make_command.RequestMakeCommand",
    ),
    LazyCommand(
        "make:rule",
        "Create a new validation rule",
        f"{_CONSOLE}.rule_make_command.RuleMakeCommand",
    ),
)


class ValidationServiceProvider(ServiceProvider):
    """Bind ``'validator'`` and ``'validation.presence'``; validate form requests when resolved.

    Laravel: ``Illuminate\\Validation\\ValidationServiceProvider``.
    """

    def register(self) -> None:
        """Register the services, the resolving hook and the commands.

        Laravel: ``ValidationServiceProvider::register()``.
        """
        app = self.app
        # No class alias: it would import the validator (and pendulum) at boot.
        app.singleton("validator", _factory)
        if importlib.util.find_spec(_PRESENCE) is not None:
            app.singleton("validation.presence", _presence_verifier)
        # Laravel: FormRequestServiceProvider::boot()'s afterResolving().
        app.after_resolving(ValidatesWhenResolved, _validate_resolved)
        self.commands(*VALIDATION_COMMANDS)


def _factory(app: t.Any) -> Factory:
    from protevus.validation.factory import Factory

    translator = app.make("translator") if app.bound("translator") else None
    # The presence verifier is left to each validator, which resolves
    # 'validation.presence' only when a unique/exists rule runs: building the
    # database manager is not free.
    return Factory(translator, app)


def _presence_verifier(app: t.Any) -> t.Any:
    module = importlib.import_module(_PRESENCE)
    return module.DatabasePresenceVerifier(app.make("db"))


def _validate_resolved(resolved: t.Any, app: t.Any) -> None:
    resolved.validate_resolved()
