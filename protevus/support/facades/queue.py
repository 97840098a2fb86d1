"""Facade for the queue manager (container key ``'queue'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Queue(Facade):
    """Proxy static calls to the queue manager.

    Laravel: ``Illuminate\\Support\\Facades\\Queue``.
    """

    accessor = "queue"
