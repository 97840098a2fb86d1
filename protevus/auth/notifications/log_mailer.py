"""Deliver mail into the application log, until real mail transports land.

Laravel: ``Illuminate\\Mail\\Transport\\LogTransport`` (the ``log`` mailer, the
default of a new application): the whole message is written to a log channel
instead of being sent, so a developer copies the link out of
``storage/logs/laravel.log``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class LogMailer(CamelAliases):
    """Write each message (headers and plain-text body) to the log.

    The channel is ``config('mail.mailers.log.channel')`` (``MAIL_LOG_CHANNEL``),
    else the default log channel; the sender is ``config('mail.from')``.

    Laravel: ``Illuminate\\Mail\\Transport\\LogTransport``.
    """

    def __init__(self, app: t.Any) -> None:
        self.app = app

    def send(self, message: t.Any, to: t.Any) -> str:
        """Log ``message`` addressed to ``to``; return the text written.

        ``message`` is a :class:`MailMessage` (rendered as text), or anything
        whose ``str()`` is the body.

        Laravel: ``LogTransport::doSend()``.
        """
        text = self.render(message, to)
        self._logger().info(text)
        return text

    def render(self, message: t.Any, to: t.Any) -> str:
        """Return the logged form: ``From``, ``To``, ``Subject``, a blank line, the body.

        Laravel: ``LogTransport`` logs the MIME text of the message.
        """
        app_name = str(self._config("app.name") or "Laravel")
        render = getattr(message, "render_text", None)
        body = render(app_name) if callable(render) else str(message)
        subject = getattr(message, "subject_", None) or app_name
        sender = self._config("mail.from") or {}
        address = sender.get("address") if isinstance(sender, dict) else None
        name = sender.get("name") if isinstance(sender, dict) else None
        headers = []
        if address:
            headers.append(f"From: {name} <{address}>" if name else f"From: {address}")
        headers.append(f"To: {_addresses(to)}")
        headers.append(f"Subject: {subject}")
        return "\n".join(headers) + "\n\n" + body

    def _logger(self) -> t.Any:
        log = self.app.make("log")
        channel = self._config("mail.mailers.log.channel")
        return log.channel(str(channel)) if channel else log

    def _config(self, key: str) -> t.Any:
        if not self.app.bound("config"):
            return None
        return self.app.make("config").get(key)


def _addresses(to: t.Any) -> str:
    if isinstance(to, dict):
        return ", ".join(f"{name} <{email}>" for email, name in to.items())
    if isinstance(to, list | tuple | set):
        return ", ".join(str(each) for each in to)
    return str(to)
