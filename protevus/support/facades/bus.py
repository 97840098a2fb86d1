"""Facade for the command bus (job dispatcher) (container key ``'bus'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Bus(Facade):
    """Proxy static calls to the command bus (job dispatcher).

    Laravel: ``Illuminate\\Support\\Facades\\Bus``.
    """

    accessor = "bus"
