"""Facade for the application (service container) (container key ``'app'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class App(Facade):
    """Proxy static calls to the application (service container).

    Laravel: ``Illuminate\\Support\\Facades\\App``.
    """

    accessor = "app"
