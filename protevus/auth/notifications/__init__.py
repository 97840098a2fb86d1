"""The auth notifications and the log mailer that delivers them.

Laravel: ``Illuminate\\Auth\\Notifications`` (and the small part of
``Illuminate\\Notifications`` they need until the mail issue lands).
"""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.auth.notifications.log_mailer import LogMailer as LogMailer
    from protevus.auth.notifications.mail_message import MailMessage as MailMessage
    from protevus.auth.notifications.notifiable import Notifiable as Notifiable
    from protevus.auth.notifications.notifiable import (
        send_notification as send_notification,
    )
    from protevus.auth.notifications.notification import Notification as Notification
    from protevus.auth.notifications.reset_password import (
        ResetPassword as ResetPassword,
    )
    from protevus.auth.notifications.verify_email import VerifyEmail as VerifyEmail

__getattr__ = lazy_exports(
    __name__,
    {
        "LogMailer": "protevus.auth.notifications.log_mailer",
        "MailMessage": "protevus.auth.notifications.mail_message",
        "Notifiable": "protevus.auth.notifications.notifiable",
        "send_notification": "protevus.auth.notifications.notifiable",
        "Notification": "protevus.auth.notifications.notification",
        "ResetPassword": "protevus.auth.notifications.reset_password",
        "VerifyEmail": "protevus.auth.notifications.verify_email",
    },
)
