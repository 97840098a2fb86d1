"""Facade for the event dispatcher (container key ``'events'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Event(Facade):
    """Proxy static calls to the event dispatcher.

    Laravel: ``Illuminate\\Support\\Facades\\Event``.
    """

    accessor = "events"
