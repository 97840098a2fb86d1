"""A small mail message for notifications: subject, lines and one action button.

Laravel: ``Illuminate\\Notifications\\Messages\\MailMessage`` (and its parent
``SimpleMessage``). Only what the auth notifications need until the mail issue
lands; :meth:`MailMessage.render_text` gives the plain-text body.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class MailMessage(CamelAliases):
    """Build a message line by line; lines after the action go below the button.

    ::

        MailMessage().subject('Invoice Paid').line('Your invoice was paid.')
            .action('View Invoice', url).line('Thank you!')

    Laravel: ``Illuminate\\Notifications\\Messages\\MailMessage``.
    """

    def __init__(self) -> None:
        self.level = "info"
        self.subject_: str | None = None
        self.greeting_: str | None = None
        self.salutation_: str | None = None
        self.intro_lines: list[str] = []
        self.outro_lines: list[str] = []
        self.action_text: str | None = None
        self.action_url: str | None = None

    def subject(self, subject: str) -> MailMessage:
        """Set the subject. Laravel: ``SimpleMessage::subject()``."""
        self.subject_ = subject
        return self

    def greeting(self, greeting: str) -> MailMessage:
        """Set the greeting (``'Hello!'`` by default). Laravel: ``greeting()``."""
        self.greeting_ = greeting
        return self

    def salutation(self, salutation: str) -> MailMessage:
        """Set the sign-off (``'Regards,'`` and the app name by default).

        Laravel: ``SimpleMessage::salutation()``.
        """
        self.salutation_ = salutation
        return self

    def error(self) -> MailMessage:
        """Mark the message as an error (``'Whoops!'`` greeting). Laravel: ``error()``."""
        self.level = "error"
        return self

    def line(self, line: str) -> MailMessage:
        """Add a paragraph, above the action until one is set.

        Laravel: ``SimpleMessage::line()``.
        """
        if self.action_text is None:
            self.intro_lines.append(str(line))
        else:
            self.outro_lines.append(str(line))
        return self

    def lines(self, lines: t.Iterable[str]) -> MailMessage:
        """Add several paragraphs. Laravel: ``SimpleMessage::lines()``."""
        for line in lines:
            self.line(line)
        return self

    def action(self, text: str, url: str) -> MailMessage:
        """Set the call-to-action button. Laravel: ``SimpleMessage::action()``."""
        self.action_text = str(text)
        self.action_url = str(url)
        return self

    def to_array(self) -> dict[str, t.Any]:
        """Return the parts of the message. Laravel: ``SimpleMessage::toArray()``."""
        return {
            "level": self.level,
            "subject": self.subject_,
            "greeting": self.greeting_,
            "salutation": self.salutation_,
            "intro_lines": list(self.intro_lines),
            "outro_lines": list(self.outro_lines),
            "action_text": self.action_text,
            "action_url": self.action_url,
        }

    def render_text(self, app_name: str = "Laravel") -> str:
        """Return the plain-text body, as Laravel's text notification template reads.

        Laravel: the ``notifications::email`` template (text part).
        """
        greeting = self.greeting_ or ("Whoops!" if self.level == "error" else "Hello!")
        parts = [greeting, *self.intro_lines]
        if self.action_text is not None:
            parts.append(f"{self.action_text}: {self.action_url}")
        parts.extend(self.outro_lines)
        parts.append(self.salutation_ or f"Regards,\n{app_name}")
        if self.action_text is not None:
            parts.append(
                f'If you\'re having trouble clicking the "{self.action_text}" button, '
                "copy and paste the URL below into your web browser: "
                f"{self.action_url}"
            )
        return "\n\n".join(parts)
