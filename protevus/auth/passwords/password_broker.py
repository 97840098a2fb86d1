"""Send password reset links and reset passwords with their tokens.

Laravel: ``Illuminate\\Auth\\Passwords\\PasswordBroker``.
"""

from __future__ import annotations

import importlib
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.auth.passwords.database_token_repository import (
        DatabaseTokenRepository,
    )

#: ``callback(user, token)`` of :meth:`PasswordBroker.send_reset_link`.
SendCallback = t.Callable[[t.Any, str], t.Any]
#: ``callback(user, password)`` of :meth:`PasswordBroker.reset`.
ResetCallback = t.Callable[[t.Any, t.Any], t.Any]


class PasswordBroker(CamelAliases, Macroable):
    """Find the user, issue or check the token, and say how it went.

    Every answer is a translation key (``'passwords.sent'``...) the controller
    hands to ``__()`` for the message the user sees::

        status = Password.broker().send_reset_link({'email': email})
        if status == PasswordBroker.RESET_LINK_SENT: ...

    Laravel: ``Illuminate\\Auth\\Passwords\\PasswordBroker``.
    """

    #: the reset link was sent.
    RESET_LINK_SENT: t.ClassVar[str] = "passwords.sent"
    #: the password was reset.
    PASSWORD_RESET: t.ClassVar[str] = "passwords.reset"
    #: no user has these credentials.
    INVALID_USER: t.ClassVar[str] = "passwords.user"
    #: the token is wrong or expired.
    INVALID_TOKEN: t.ClassVar[str] = "passwords.token"
    #: a link was sent too recently.
    RESET_THROTTLED: t.ClassVar[str] = "passwords.throttled"

    def __init__(
        self,
        tokens: DatabaseTokenRepository,
        users: t.Any,
        events: t.Any = None,
    ) -> None:
        self.tokens = tokens
        self.users = users
        self.events = events

    def send_reset_link(
        self, credentials: t.Mapping[str, t.Any], callback: SendCallback | None = None
    ) -> str:
        """Create a token for the user of ``credentials`` and send the reset link.

        Without ``callback`` the user's ``send_password_reset_notification(token)``
        sends it; a callback's non-None return value is returned instead of
        ``'passwords.sent'``.

        Laravel: ``PasswordBroker::sendResetLink()``.
        """
        user = self.get_user(credentials)
        if user is None:
            return self.INVALID_USER
        if self.tokens.recently_created_token(user):
            return self.RESET_THROTTLED
        token = self.tokens.create(user)
        if callback is not None:
            result = callback(user, token)
            return self.RESET_LINK_SENT if result is None else str(result)
        user.send_password_reset_notification(token)
        self._dispatch("PasswordResetLinkSent", user)
        return self.RESET_LINK_SENT

    def reset(self, credentials: t.Mapping[str, t.Any], callback: ResetCallback) -> str:
        """Check the token of ``credentials``, then call ``callback(user, password)``.

        The callback saves the new password (and usually dispatches
        ``PasswordReset``); the token is deleted afterwards.

        Laravel: ``PasswordBroker::reset()``.
        """
        user = self.validate_reset(credentials)
        if isinstance(user, str):
            return user
        callback(user, credentials.get("password"))
        self.tokens.delete(user)
        return self.PASSWORD_RESET

    def validate_reset(self, credentials: t.Mapping[str, t.Any]) -> t.Any:
        """Return the user whose token matches, else the status key of the failure.

        Laravel: ``PasswordBroker::validateReset()``.
        """
        user = self.get_user(credentials)
        if user is None:
            return self.INVALID_USER
        if not self.tokens.exists(user, credentials.get("token")):  # type: ignore[arg-type]
            return self.INVALID_TOKEN
        return user

    def get_user(self, credentials: t.Mapping[str, t.Any]) -> t.Any:
        """Return the user matching ``credentials`` (the token left out), or None.

        Laravel: ``PasswordBroker::getUser()``.
        """
        wanted = {key: val for key, val in credentials.items() if key != "token"}
        user = self.users.retrieve_by_credentials(wanted)
        if user is not None and not callable(
            getattr(user, "get_email_for_password_reset", None)
        ):
            raise TypeError(
                f"User [{type(user).__name__}] cannot reset its password; add the "
                "protevus.auth.passwords.CanResetPassword mixin to the model."
            )
        return user

    def create_token(self, user: t.Any) -> str:
        """Create a reset token for ``user``. Laravel: ``PasswordBroker::createToken()``."""
        return self.tokens.create(user)

    def delete_token(self, user: t.Any) -> None:
        """Delete the user's reset token. Laravel: ``PasswordBroker::deleteToken()``."""
        self.tokens.delete(user)

    def token_exists(self, user: t.Any, token: str) -> bool:
        """Tell whether ``token`` is the user's valid token. Laravel: ``tokenExists()``."""
        return self.tokens.exists(user, token)

    def get_repository(self) -> DatabaseTokenRepository:
        """Return the token repository. Laravel: ``PasswordBroker::getRepository()``."""
        return self.tokens

    def _dispatch(self, event_name: str, user: t.Any) -> None:
        if self.events is None:
            return
        try:
            events = importlib.import_module("protevus.auth.events")
        except ModuleNotFoundError as error:
            if error.name != "protevus.auth.events":
                raise
            return
        event_class = getattr(events, event_name, None)
        if event_class is not None:
            self.events.dispatch(event_class(user))
