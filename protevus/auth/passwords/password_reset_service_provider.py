"""Register the password brokers (``'auth.password'``) and their English messages.

Laravel: ``Illuminate\\Auth\\Passwords\\PasswordResetServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.auth.passwords.password_broker_manager import PasswordBrokerManager


class PasswordResetServiceProvider(ServiceProvider):
    """Bind ``'auth.password'`` (the manager) and ``'auth.password.broker'``.

    When the translator is built, the ``passwords.*`` English lines are added
    for the keys the app's ``lang/en/passwords.py`` does not define.

    Laravel: ``Illuminate\\Auth\\Passwords\\PasswordResetServiceProvider``.
    """

    def register(self) -> None:
        """Register the broker manager and the default broker.

        Laravel: ``PasswordResetServiceProvider::registerPasswordBroker()``.
        """
        self.app.singleton("auth.password", _manager)
        self.app.bind("auth.password.broker", _default_broker)
        # by dotted path: importing the manager at boot would load the date library
        self.app.alias_class(
            "auth.password",
            "protevus.auth.passwords.password_broker_manager.PasswordBrokerManager",
        )
        if self.app.resolved("translator"):
            add_default_lines(self.app.make("translator"))
        else:
            self.app.after_resolving("translator", _on_translator)

    def provides(self) -> list[t.Any]:
        """Name the services this provider binds. Laravel: ``provides()``."""
        return ["auth.password", "auth.password.broker"]


def add_default_lines(translator: t.Any, locale: str = "en") -> None:
    """Add the English ``passwords.*`` lines the app's lang files lack.

    Laravel: the published ``lang/en/passwords.php``.
    """
    from protevus.auth.passwords.lang.en import MESSAGES

    missing = {
        f"passwords.{key}": line
        for key, line in MESSAGES.items()
        if not translator.has_for_locale(f"passwords.{key}", locale)
    }
    if missing:
        translator.add_lines(missing, locale)


def _on_translator(translator: t.Any, app: t.Any) -> None:
    add_default_lines(translator)


def _manager(app: t.Any) -> PasswordBrokerManager:
    from protevus.auth.passwords.password_broker_manager import PasswordBrokerManager

    return PasswordBrokerManager(app)


def _default_broker(app: t.Any) -> t.Any:
    return app.make("auth.password").broker()
