"""Facade for the view factory (container key ``'view'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class View(Facade):
    """Proxy static calls to the view factory.

    Laravel: ``Illuminate\\Support\\Facades\\View``.
    """

    accessor = "view"
