"""Facade for the router (container key ``'router'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Route(Facade):
    """Proxy static calls to the router.

    Laravel: ``Illuminate\\Support\\Facades\\Route``.
    """

    accessor = "router"
