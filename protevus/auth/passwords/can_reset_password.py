"""Let a user model receive password reset links.

Laravel: ``Illuminate\\Auth\\Passwords\\CanResetPassword``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class CanResetPassword(CamelAliases):
    """Give a model the email the reset link goes to, and the way it is sent.

    ``protevus.auth.User`` includes it. Override
    :meth:`send_password_reset_notification` to send your own message.

    Laravel: ``Illuminate\\Auth\\Passwords\\CanResetPassword``.
    """

    __slots__ = ()

    def get_email_for_password_reset(self) -> str:
        """Return the address reset links are sent to (the ``email`` attribute).

        Laravel: ``CanResetPassword::getEmailForPasswordReset()``.
        """
        return str(t.cast(t.Any, self).email)

    def send_password_reset_notification(self, token: str) -> None:
        """Send the :class:`ResetPassword` notification carrying ``token``.

        Laravel: ``CanResetPassword::sendPasswordResetNotification()``.
        """
        from protevus.auth.notifications.notifiable import send_notification
        from protevus.auth.notifications.reset_password import ResetPassword

        send_notification(self, ResetPassword(token))
