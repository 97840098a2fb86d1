"""Facade for the mail manager (container key ``'mail.manager'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Mail(Facade):
    """Proxy static calls to the mail manager.

    Laravel: ``Illuminate\\Support\\Facades\\Mail``.
    """

    accessor = "mail.manager"
