"""Bind the event dispatcher as the container's ``'events'`` service.

Laravel: ``Illuminate\\Events\\EventServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.events.dispatcher import Dispatcher
from protevus.support.service_provider import ServiceProvider


class EventServiceProvider(ServiceProvider):
    """Register ``'events'``: one :class:`Dispatcher` per application (the ``Event`` facade).

    Type-hinting ``Dispatcher`` injects the same instance.

    Laravel: ``Illuminate\\Events\\EventServiceProvider``.
    """

    def register(self) -> None:
        """Bind ``'events'`` as a singleton. Laravel: ``EventServiceProvider::register()``."""
        self.app.singleton("events", self._make_dispatcher)
        self.app.alias("events", Dispatcher)

    def _make_dispatcher(self, app: t.Any) -> Dispatcher:
        return Dispatcher(app)

    def provides(self) -> list[t.Any]:
        """List the services this provider binds."""
        return ["events"]
