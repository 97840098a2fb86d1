"""The mail with the signed email verification link.

Laravel: ``Illuminate\\Auth\\Notifications\\VerifyEmail``.
"""

from __future__ import annotations

import hashlib
import typing as t

from protevus.auth.notifications.mail_message import MailMessage
from protevus.auth.notifications.notification import Notification
from protevus.auth.notifications.notification import config
from protevus.auth.notifications.notification import current_app
from protevus.auth.notifications.notification import lang

#: ``callback(notifiable)`` returning the verification URL.
UrlCallback = t.Callable[[t.Any], str]
#: ``callback(notifiable, url)`` returning the whole message.
MailCallback = t.Callable[[t.Any, str], t.Any]


class VerifyEmail(Notification):
    """Mail a temporary signed link to ``verification.verify`` (``{id}/{hash}``).

    The link expires after ``config('auth.verification.expire', 60)`` minutes;
    ``hash`` is the SHA-1 of the address, so a link stops working when the
    address changes.

    Laravel: ``Illuminate\\Auth\\Notifications\\VerifyEmail``.
    """

    create_url_callback: t.ClassVar[UrlCallback | None] = None
    to_mail_callback: t.ClassVar[MailCallback | None] = None

    def to_mail(self, notifiable: t.Any) -> t.Any:
        """Return the message for ``notifiable``. Laravel: ``VerifyEmail::toMail()``."""
        url = self.verification_url(notifiable)
        callback = type(self).to_mail_callback
        if callback is not None:
            return callback(notifiable, url)
        return self.build_mail_message(url)

    def build_mail_message(self, url: str) -> MailMessage:
        """Build the default English message. Laravel: ``buildMailMessage()``."""
        return (
            MailMessage()
            .subject(lang("Verify Email Address"))
            .line(lang("Please click the button below to verify your email address."))
            .action(lang("Verify Email Address"), url)
            .line(
                lang("If you did not create an account, no further action is required.")
            )
        )

    def verification_url(self, notifiable: t.Any) -> str:
        """Return the signed verification URL. Laravel: ``verificationUrl()``."""
        callback = type(self).create_url_callback
        if callback is not None:
            return callback(notifiable)
        from protevus.support.carbon import Carbon

        minutes = config("auth.verification.expire", 60)
        email = str(notifiable.get_email_for_verification())
        return str(
            current_app()
            .make("url")
            .temporary_signed_route(
                "verification.verify",
                Carbon.now().add_minutes(minutes),
                {
                    "id": notifiable.get_key(),
                    "hash": hashlib.sha1(email.encode()).hexdigest(),
                },
            )
        )

    @classmethod
    def create_url_using(cls, callback: UrlCallback | None) -> None:
        """Build verification URLs with ``callback(notifiable)``. Laravel: ``createUrlUsing()``."""
        cls.create_url_callback = callback

    @classmethod
    def to_mail_using(cls, callback: MailCallback | None) -> None:
        """Build the message with ``callback(notifiable, url)``. Laravel: ``toMailUsing()``."""
        cls.to_mail_callback = callback
