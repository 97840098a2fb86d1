"""Facade for the log manager (container key ``'log'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Log(Facade):
    """Proxy static calls to the log manager.

    Laravel: ``Illuminate\\Support\\Facades\\Log``.
    """

    accessor = "log"
