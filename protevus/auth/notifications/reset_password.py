"""The mail with the password reset link.

Laravel: ``Illuminate\\Auth\\Notifications\\ResetPassword``.
"""

from __future__ import annotations

import typing as t

from protevus.auth.notifications.mail_message import MailMessage
from protevus.auth.notifications.notification import Notification
from protevus.auth.notifications.notification import config
from protevus.auth.notifications.notification import current_app
from protevus.auth.notifications.notification import lang

#: ``callback(notifiable, token)`` returning the reset URL.
UrlCallback = t.Callable[[t.Any, str], str]
#: ``callback(notifiable, token)`` returning the whole message.
MailCallback = t.Callable[[t.Any, str], t.Any]


class ResetPassword(Notification):
    """Mail the link to ``route('password.reset', {'token': ..., 'email': ...})``.

    ``ResetPassword.create_url_using(lambda user, token: ...)`` points the link
    elsewhere (a single-page app); ``to_mail_using(lambda user, token: ...)``
    replaces the whole message.

    Laravel: ``Illuminate\\Auth\\Notifications\\ResetPassword``.
    """

    create_url_callback: t.ClassVar[UrlCallback | None] = None
    to_mail_callback: t.ClassVar[MailCallback | None] = None

    def __init__(self, token: str) -> None:
        self.token = token

    def to_mail(self, notifiable: t.Any) -> t.Any:
        """Return the message for ``notifiable``. Laravel: ``ResetPassword::toMail()``."""
        callback = type(self).to_mail_callback
        if callback is not None:
            return callback(notifiable, self.token)
        return self.build_mail_message(self.reset_url(notifiable))

    def build_mail_message(self, url: str) -> MailMessage:
        """Build the default English message. Laravel: ``buildMailMessage()``."""
        broker = config("auth.defaults.passwords", "users")
        expire = config(f"auth.passwords.{broker}.expire", 60)
        return (
            MailMessage()
            .subject(lang("Reset Password Notification"))
            .line(
                lang(
                    "You are receiving this email because we received a password "
                    "reset request for your account."
                )
            )
            .action(lang("Reset Password"), url)
            .line(
                lang(
                    "This password reset link will expire in :count minutes.",
                    {"count": expire},
                )
            )
            .line(
                lang(
                    "If you did not request a password reset, no further action is "
                    "required."
                )
            )
        )

    def reset_url(self, notifiable: t.Any) -> str:
        """Return the absolute URL of the reset form, on ``APP_URL``. Laravel: ``resetUrl()``."""
        callback = type(self).create_url_callback
        if callback is not None:
            return callback(notifiable, self.token)
        app = current_app()
        url = app.make("url")
        path = url.route(
            "password.reset",
            {
                "token": self.token,
                "email": notifiable.get_email_for_password_reset(),
            },
            False,
        )
        # APP_URL, not the request's Host header: a forged Host would otherwise
        # mail the victim a link (with a valid token) to the attacker's site.
        root = app.make("config").get("app.url")
        if root:
            return str(root).rstrip("/") + "/" + str(path).lstrip("/")
        return str(url.to(path))

    @classmethod
    def create_url_using(cls, callback: UrlCallback | None) -> None:
        """Build reset URLs with ``callback(notifiable, token)``. Laravel: ``createUrlUsing()``."""
        cls.create_url_callback = callback

    @classmethod
    def to_mail_using(cls, callback: MailCallback | None) -> None:
        """Build the message with ``callback(notifiable, token)``. Laravel: ``toMailUsing()``."""
        cls.to_mail_callback = callback
