"""Password reset: brokers, hashed tokens, the ``CanResetPassword`` mixin.

Laravel: ``Illuminate\\Auth\\Passwords``. ``Password`` stays the validation rule
(``protevus.validation.Password``); reach the brokers with
``app.make('auth.password').broker()``.
"""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.auth.passwords.can_reset_password import (
        CanResetPassword as CanResetPassword,
    )
    from protevus.auth.passwords.database_token_repository import (
        DatabaseTokenRepository as DatabaseTokenRepository,
    )
    from protevus.auth.passwords.password_broker import PasswordBroker as PasswordBroker
    from protevus.auth.passwords.password_broker_manager import (
        PasswordBrokerManager as PasswordBrokerManager,
    )
    from protevus.auth.passwords.password_reset_service_provider import (
        PasswordResetServiceProvider as PasswordResetServiceProvider,
    )

__getattr__ = lazy_exports(
    __name__,
    {
        "CanResetPassword": "protevus.auth.passwords.can_reset_password",
        "DatabaseTokenRepository": "protevus.auth.passwords.database_token_repository",
        "PasswordBroker": "protevus.auth.passwords.password_broker",
        "PasswordBrokerManager": "protevus.auth.passwords.password_broker_manager",
        "PasswordResetServiceProvider": (
            "protevus.auth.passwords.password_reset_service_provider"
        ),
    },
)
