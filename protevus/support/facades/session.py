"""Facade for the session manager (container key ``'session'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Session(Facade):
    """Proxy static calls to the session manager.

    Laravel: ``Illuminate\\Support\\Facades\\Session``.
    """

    accessor = "session"
