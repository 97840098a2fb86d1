"""Send notifications to a model: ``user.notify(ResetPassword(token))``.

Laravel: ``Illuminate\\Notifications\\Notifiable`` (``RoutesNotifications``) and
the ``mail`` channel of the ``ChannelManager``. Mail goes through the
:class:`~protevus.auth.notifications.log_mailer.LogMailer` until the mail issue
lands.
"""

from __future__ import annotations

import typing as t

from protevus.auth.notifications.log_mailer import LogMailer
from protevus.auth.notifications.notification import current_app
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases


class Notifiable(CamelAliases):
    """Give a model ``notify()`` and the address each channel delivers to.

    Laravel: ``Illuminate\\Notifications\\Notifiable``.
    """

    __slots__ = ()

    def notify(self, notification: t.Any) -> None:
        """Send ``notification`` through the channels its ``via()`` names.

        Laravel: ``RoutesNotifications::notify()``.
        """
        send_notification(self, notification)

    def notify_now(self, notification: t.Any) -> None:
        """Send ``notification`` right away. Laravel: ``notifyNow()``."""
        send_notification(self, notification)

    def route_notification_for(self, driver: str, notification: t.Any = None) -> t.Any:
        """Return where ``driver`` delivers (``route_notification_for_<driver>()``).

        Laravel: ``RoutesNotifications::routeNotificationFor()``.
        """
        method = getattr(self, f"route_notification_for_{driver}", None)
        if callable(method):
            return method(notification)
        return getattr(self, "email", None) if driver == "mail" else None

    def route_notification_for_mail(self, notification: t.Any = None) -> t.Any:
        """Return the mail recipient: the ``email`` attribute.

        Override to send elsewhere (return an address, or ``{address: name}``).

        Laravel: ``routeNotificationForMail()`` (``$this->email`` by default).
        """
        return t.cast(t.Any, self).email


def send_notification(notifiable: t.Any, notification: t.Any) -> None:
    """Deliver ``notification`` to ``notifiable`` on each of its channels.

    Works with models that lack :class:`Notifiable` too (the ``email``
    attribute is the mail address).

    Laravel: ``NotificationSender::sendNow()``.
    """
    via = getattr(notification, "via", None)
    channels = via(notifiable) if callable(via) else ["mail"]
    for channel in [channels] if isinstance(channels, str) else channels:
        if channel != "mail":
            raise InvalidArgumentError(
                f"Notification channel [{channel}] is not supported; only [mail] "
                "(delivered through the log mailer) is built so far."
            )
        _send_mail(notifiable, notification)


def _send_mail(notifiable: t.Any, notification: t.Any) -> None:
    route = getattr(notifiable, "route_notification_for", None)
    to = route("mail", notification) if callable(route) else None
    if to is None:
        to = getattr(notifiable, "email", None)
    if not to:
        return  # Laravel skips notifiables without a mail route
    message = notification.to_mail(notifiable)
    LogMailer(current_app()).send(message, to)
