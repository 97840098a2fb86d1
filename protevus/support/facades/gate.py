"""Facade for the authorization gate (container key ``'gate'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Gate(Facade):
    """Proxy static calls to the authorization gate.

    Laravel: ``Illuminate\\Support\\Facades\\Gate``.
    """

    accessor = "gate"
